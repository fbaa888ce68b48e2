// A getaddrinfo explorer: every combination of a few hosts, types and flags.
import PySocket
import PyBuiltins

let hosts: [String?] = ["127.0.0.1", "::1", "localhost", nil]
let types: [socket.SocketKind] = [0, socket.SOCK_STREAM, socket.SOCK_DGRAM]

for host in hosts {
    for socktype in types {
        let infos: socket.TupleList<socket.AddrInfo>
        do {
            infos = try socket.getaddrinfo(host, 7, 0, socktype, 0, socket.AI_PASSIVE)
        } catch let e as socket.gaierror {
            print(host, socktype, "error", e)
            continue
        }
        print(repr(host), int(socktype), len(infos))
        for (family, kind, proto, canon, sockaddr) in infos.sorted(by: <) {
            print("   ", family.name, kind.name, proto, repr(canon), sockaddr)
        }
    }
}

var infos = try socket.getaddrinfo("127.0.0.1", "80", socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_CANONNAME)
print(infos[0].3)
infos = try socket.getaddrinfo(nil, 0, socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
print(infos)
infos = try socket.getaddrinfo("::ffff:127.0.0.1", nil, socket.AF_INET6)
print(sorted(Set(infos.map { $0.4 })))
do {
    _ = try socket.getaddrinfo("127.0.0.1", "no-such-service")
} catch let e as socket.gaierror {
    print("service:", e)
}
do {
    _ = try socket.getaddrinfo("127.0.0.1", 80, socket.AF_UNIX)
} catch let e as socket.gaierror {
    print("family:", e)
}
