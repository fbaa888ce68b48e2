// Service and protocol names from the system databases, and host names of numeric addresses.
import PySocket
import PyBuiltins

for (name, proto) in [("http", "tcp"), ("domain", "udp"), ("ssh", nil), ("https", "tcp")] {
    let port = proto != nil ? try socket.getservbyname(name, proto) : try socket.getservbyname(name)
    let back = try socket.getservbyport(port, proto ?? "tcp")
    print(try "\(name, ">7")/\(proto ?? "-", "<3") -> \(port, "<5") -> \(back)")
}

for proto in ["tcp", "udp", "icmp", "ipv6-icmp"] {
    let number = try socket.getprotobyname(proto)
    print(proto, number, number == (try? getattr(socket.self, "IPPROTO_" + proto.upper().replace("IPV6-", "")) as Int))
}

for bad in [("no-such-service", "tcp"), ("http", "sctp-nope")] {
    do {
        _ = try socket.getservbyname(bad.0, bad.1)
    } catch let e as OSError {
        print(try "getservbyname%r: %s %r" % (bad, type(e).__name__, e.args))
    }
}
do {
    _ = try socket.getprotobyname("nonexistent")
} catch let e as OSError {
    print("getprotobyname:", e)
}
do {
    _ = try socket.getservbyport(70000)
} catch let e as OverflowError {
    print("getservbyport:", e)
}

print(try socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
let (host, service) = try socket.getnameinfo(("127.0.0.1", 22), socket.NI_NUMERICHOST)
print(host, service, type(service).__name__)
print(try socket.inet_ntoa(try socket.inet_aton("10.1.2.3")), try socket.inet_ntop(socket.AF_INET6, try socket.inet_pton(socket.AF_INET6, "fe80::1:2")))
print(try socket.htons(0x1234) == 0x3412, hex(try socket.ntohl(0x01020304)), try socket.htonl(1) >> 24)
