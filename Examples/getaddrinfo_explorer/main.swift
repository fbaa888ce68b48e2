// A getaddrinfo explorer: what the resolver returns for numeric hosts, ports, families and flags.
import PySocket
import PyBuiltins


func explore(_ host: String?, _ port: Int?, _ family: socket.AddressFamily = 0, _ socktype: socket.SocketKind = 0, _ flags: socket.AddressInfo = 0) throws {
    print("getaddrinfo", repr(host), repr(port), family, socktype, flags)
    let infos: socket.TupleList<socket.AddrInfo>
    do {
        infos = try socket.getaddrinfo(host, port, family, socktype, 0, flags)
    } catch let e as socket.gaierror {
        print("    gaierror:", e)
        return
    }
    for (family, kind, proto, canonname, sockaddr) in infos {
        print("   ", family.name, kind.name, proto, repr(canonname), sockaddr)
    }
}


try explore("127.0.0.1", 80)
try explore("::1", 443, socket.AF_INET6, socket.SOCK_STREAM)
try explore(nil, 8080, socket.AF_INET, socket.SOCK_STREAM, socket.AI_PASSIVE)
try explore(nil, 8080, socket.AF_INET6, socket.SOCK_DGRAM, socket.AI_PASSIVE)
try explore("127.1", 53, socket.AF_INET, socket.SOCK_DGRAM, socket.AI_CANONNAME)
try explore("::ffff:127.0.0.1", nil, socket.AF_INET6, socket.SOCK_STREAM)
try explore("fe80::1%lo", 0, socket.AF_INET6, socket.SOCK_STREAM)
try explore("localhost", 80, 0, 0, socket.AI_NUMERICHOST)
try explore("300.1.2.3", 80, socket.AF_INET, 0, socket.AI_NUMERICHOST)
try explore("127.0.0.1", 80, socket.AF_UNIX)
print(try socket.getnameinfo(("127.0.0.1", 8080), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(try socket.getnameinfo(("::1", 8080, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
