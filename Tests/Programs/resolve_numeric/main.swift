// Resolve numeric hosts and localhost, the way a client prepares to connect.
import PySocket
import PyBuiltins

print(try socket.gethostbyname("127.0.0.1"))
print(try socket.gethostbyname("localhost"))
print(try socket.gethostbyname_ex("127.0.0.1"))

var infos = try socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)
for (family, socktype, proto, canonname, sockaddr) in infos {
    print(family, socktype, proto, repr(canonname), sockaddr)
}

infos = try socket.getaddrinfo("::1", "443", socket.AF_INET6, socket.SOCK_DGRAM)
print(len(infos), infos[0].4)

let (host, port) = try socket.getnameinfo(("127.0.0.1", 8080), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV)
print(host, port, type(port).__name__)
print(try socket.getnameinfo(("::1", 53, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))

do {
    _ = try socket.getaddrinfo("not a host", 80, flags: socket.AI_NUMERICHOST)
} catch let e as socket.gaierror {
    print("gaierror:", e.errno == socket.EAI_NONAME, e)
}

do {
    _ = try socket.gethostbyname("300.1.1.1.")
} catch let e as OSError {
    print(type(e).__name__, e.args[0] == socket.EAI_NONAME)
}

var families = Set<String>()
for info in try socket.getaddrinfo("localhost", 0, type: socket.SOCK_STREAM) {
    families.insert(info.0.name)
}
print(sorted(families))
