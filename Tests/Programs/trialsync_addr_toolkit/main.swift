// An address toolkit: getaddrinfo tables, getnameinfo, inet_pton/ntop/aton/ntoa, byte orders.
import PySocket
import PyBuiltins

let FAMILIES: dict<socket.AddressFamily, String> = [socket.AF_INET: "IPv4", socket.AF_INET6: "IPv6"]


func show_gai(_ host: String?, _ port: Any, family: socket.AddressFamily? = nil, flags: socket.AddressInfo? = nil,
              proto: Int? = nil, type: socket.SocketKind? = nil) throws {
    let infos = port is Int
        ? try socket.getaddrinfo(host, port as? Int, family: family ?? 0, type: type ?? 0, proto: proto ?? 0, flags: flags ?? 0)
        : try socket.getaddrinfo(host, port as! String, family: family ?? 0, type: type ?? 0, proto: proto ?? 0, flags: flags ?? 0)
    let kw: [(String, Any?)] = [("family", family), ("flags", flags), ("proto", proto), ("type", type)].filter { $0.1 != nil }
    print("getaddrinfo(\(repr(host)), \(repr(port)), \(", ".join(kw.map { (k, v) in "\(k)=\(repr(v))" }))) -> \(len(infos))")
    print(try "  %-12s %-12s %-5s %s" % ("family", "type", "proto", "sockaddr"))
    for (family, type_, proto, _, sockaddr) in sorted(infos, key: { i in (i.1, i.2) }) {
        print(try "  %-12s %-12s %-5d %s" % (family.name, type_.name, proto, sockaddr))
    }
}


try show_gai("127.0.0.1", 80)
try show_gai("::1", "8080", type: socket.SOCK_DGRAM)
try show_gai(nil, 0, family: socket.AF_INET6, flags: socket.AI_PASSIVE, proto: socket.IPPROTO_TCP)

print()
print(try "\("text", "<18")\("packed (hex)", "<36")\("back", "<18")\("len", ">4")")
for (fam, text) in [(socket.AF_INET, "10.0.0.1"), (socket.AF_INET, "192.168.1.255"),
                    (socket.AF_INET6, "::1"), (socket.AF_INET6, "fe80::1:2"),
                    (socket.AF_INET6, "2001:db8:0:0:0:0:0:1"), (socket.AF_INET6, "::ffff:1.2.3.4")] {
    let packed = try socket.inet_pton(fam, text)
    let back = try socket.inet_ntop(fam, packed)
    print(try "\(text, "<18")\(packed.hex(":"), "<36")\(back, "<18")\(len(packed), ">4")")
}

print()
for text in ["1.2.3.4", "127.1", "0x7f.1", "255.255.255.255"] {
    let packed = try socket.inet_aton(text)
    let as_int = try Int.from_bytes(packed, "big")
    print(try "%-16s -> %-16s %10d %08x" % (text, socket.inet_ntoa(packed), as_int, as_int))
}

for bad in ["1.2.3.256", "::g", "", "1.2.3.4.5"] {
    for fn in [socket.inet_aton, { t in try socket.inet_pton(socket.AF_INET6, t) }] as [(String) throws -> bytes] {
        do {
            _ = try fn(bad)
        } catch let e as OSError {
            print("bad \(repr(bad)): \(type(e).__name__): \(e)")
        }
    }
}

print()
for (addr, flags) in [(.inet(host: "127.0.0.1", port: 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV),
                      (.inet6(host: "::1", port: 443, flowinfo: 0, scope_id: 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV),
                      (.inet(host: "127.0.0.1", port: 22), socket.NI_NUMERICHOST)] as [(SocketAddress, Int)] {
    let (host, serv) = try socket.getnameinfo(addr, flags)
    print("getnameinfo", addr, "->", (host, serv))
}

let values = [1, 0x1234, 0xfffe]
print(try values.map { v in try socket.htons(v) }, try values.map { v in hex(try socket.ntohl(v)) })
print(dict(FAMILIES.map { f in (FAMILIES[f]!, int(f)) }), sorted(FAMILIES.values(), reverse: true))
print(FAMILIES.contains(socket.AF_INET6), repr(socket.AF_INET6), str(socket.SOCK_RAW))
