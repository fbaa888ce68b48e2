// Port of trial_resolve.py: numeric getaddrinfo/getnameinfo loops and their errors.
import PySocket
import PyBuiltins

let HOSTS: [String?] = ["127.0.0.1", "::1", nil]

func family_name(_ f: socket.AddressFamily) -> String {
    return f.name
}

for host in HOSTS {
    print("==", host)
    let infos = try socket.getaddrinfo(host, 8080, socket.AF_UNSPEC, socket.SOCK_STREAM,
                                       0, socket.AI_NUMERICHOST | socket.AI_PASSIVE)
    for (family, type_, proto, canon, sockaddr) in infos {
        print(family_name(family), type_, proto, repr(canon), sockaddr)
        print("   ", repr(family), repr(type_))
    }
}

let results = try socket.getaddrinfo("127.0.0.1", "80", proto: socket.IPPROTO_UDP)
print(len(results), "results")
for r in results {
    print(r)
}

var seen: Set<SocketAddress> = set()
for info in try socket.getaddrinfo("::1", 443, socket.AF_INET6) {
    seen.add(info.4)
}
print(sorted(seen))

for sa in [.inet(host: "127.0.0.1", port: 80), .inet(host: "127.0.0.1", port: 22), .inet6(host: "::1", port: 443, flowinfo: 0, scope_id: 0), .inet(host: "127.0.0.1", port: 12345)] as [SocketAddress] {
    let (host, serv) = try socket.getnameinfo(sa, socket.NI_NUMERICHOST | socket.NI_NUMERICSERV)
    print(sa, "->", host, serv)
    print(sa, "->", try socket.getnameinfo(sa, socket.NI_NUMERICHOST))
}

do {
    _ = try socket.getaddrinfo("not a host", 80, flags: socket.AI_NUMERICHOST)
} catch let e as socket.gaierror {
    print("gaierror:", e.errno, e.strerror, e)
    print(repr(e), type(e).__name__, isinstance(e, OSError.self))
}

do {
    _ = try socket.getaddrinfo("127.0.0.1", "nosuchservice", flags: socket.AI_NUMERICSERV)
} catch let e as socket.gaierror {
    print("numericserv:", e.args)
}

do {
    print("port 70000:", try socket.getnameinfo(("127.0.0.1", 70000), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
} catch let e as OverflowError {
    print("OverflowError:", e)
}
