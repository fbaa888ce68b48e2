# A getaddrinfo explorer: every combination of a few hosts, types and flags.
import socket

hosts = ["127.0.0.1", "::1", "localhost", None]
types = [0, socket.SOCK_STREAM, socket.SOCK_DGRAM]

for host in hosts:
    for socktype in types:
        try:
            infos = socket.getaddrinfo(host, 7, 0, socktype, 0, socket.AI_PASSIVE)
        except socket.gaierror as e:
            print(host, socktype, "error", e)
            continue
        print(repr(host), int(socktype), len(infos))
        for family, kind, proto, canon, sockaddr in sorted(infos):
            print("   ", family.name, kind.name, proto, repr(canon), sockaddr)

infos = socket.getaddrinfo("127.0.0.1", "80", socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_CANONNAME)
print(infos[0][3])
infos = socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
print(infos)
infos = socket.getaddrinfo("::ffff:127.0.0.1", None, socket.AF_INET6)
print(sorted(set(info[4] for info in infos)))
try:
    socket.getaddrinfo("127.0.0.1", "no-such-service")
except socket.gaierror as e:
    print("service:", e)
try:
    socket.getaddrinfo("127.0.0.1", 80, socket.AF_UNIX)
except socket.gaierror as e:
    print("family:", e)
