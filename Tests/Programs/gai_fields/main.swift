// getaddrinfo over families and socket types, every field printed, numeric hosts only.
import PySocket
import PyBuiltins

let queries: [(String?, Any?, socket.AddressFamily, socket.SocketKind)] = [
    ("127.0.0.1", 80, socket.AF_UNSPEC, 0),
    ("::1", "8080", socket.AF_INET6, socket.SOCK_STREAM),
    (nil, 53, socket.AF_INET, socket.SOCK_DGRAM),
    ("127.0.0.1", nil, socket.AF_INET, socket.SOCK_RAW),
]
for (host, port, family, kind) in queries {
    print("query host=\(repr(host)) port=\(repr(port)) family=\(repr(family))")
    let infos = try port is String ? socket.getaddrinfo(host, port as! String, family, kind, 0, socket.AI_NUMERICHOST | socket.AI_PASSIVE) : socket.getaddrinfo(host, port as? Int, family, kind, 0, socket.AI_NUMERICHOST | socket.AI_PASSIVE)
    for (i, (fam, typ, proto, canon, sockaddr)) in enumerate(sorted(infos, key: { t in (t.1, t.2) })) {
        print(try "  [\(i)] \(fam.name, "<9") \(typ.name, "<12") proto=\(proto, "<3") canon=\(repr(canon)) addr=\(sockaddr)")
        print(try "      family=%d type=%d %s" % (fam, typ, type(sockaddr).__name__))
    }
}

let infos = try socket.getaddrinfo("127.0.0.1", 0, type: socket.SOCK_STREAM, flags: socket.AI_NUMERICHOST)
let (family, kind, proto, _, sockaddr) = infos[0]
let s = try socket.socket(family, kind, proto)
try s.bind(sockaddr)
print(str(family), int(kind), proto, try s.getsockname()[0], len(infos))
s.close()

var by_family: [String: Set<String>] = [:]
for (fam, typ, _, _, _) in try socket.getaddrinfo(nil, 9, flags: socket.AI_PASSIVE) {
    by_family[fam.name, default: set()].add(typ.name)
}
print(dict(sorted(by_family.items(), key: { $0.0 }).map { ($0.0, sorted($0.1)) }))

for bad in ["256.1.1.1", "::g", "1.2.3"] {
    do {
        _ = try socket.getaddrinfo(bad, 80, flags: socket.AI_NUMERICHOST)
        print(try "\(bad, ">10"): resolved")
    } catch let e as socket.gaierror {
        print(try "\(bad, ">10"): errno=\(e.errno) \(repr(e.strerror)) \(e.args)")
    }
}
