# A getaddrinfo explorer: what the resolver returns for numeric hosts, ports, families and flags.
import socket


def explore(host, port, family=0, socktype=0, flags=0):
    print("getaddrinfo", repr(host), repr(port), family, socktype, flags)
    try:
        infos = socket.getaddrinfo(host, port, family, socktype, 0, flags)
    except socket.gaierror as e:
        print("    gaierror:", e)
        return
    for family, kind, proto, canonname, sockaddr in infos:
        print("   ", family.name, kind.name, proto, repr(canonname), sockaddr)


explore("127.0.0.1", 80)
explore("::1", 443, socket.AF_INET6, socket.SOCK_STREAM)
explore(None, 8080, socket.AF_INET, socket.SOCK_STREAM, socket.AI_PASSIVE)
explore(None, 8080, socket.AF_INET6, socket.SOCK_DGRAM, socket.AI_PASSIVE)
explore("127.1", 53, socket.AF_INET, socket.SOCK_DGRAM, socket.AI_CANONNAME)
explore("::ffff:127.0.0.1", None, socket.AF_INET6, socket.SOCK_STREAM)
explore("fe80::1%lo", 0, socket.AF_INET6, socket.SOCK_STREAM)
explore("localhost", 80, 0, 0, socket.AI_NUMERICHOST)
explore("300.1.2.3", 80, socket.AF_INET, 0, socket.AI_NUMERICHOST)
explore("127.0.0.1", 80, socket.AF_UNIX)
print(socket.getnameinfo(("127.0.0.1", 8080), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.getnameinfo(("::1", 8080, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
