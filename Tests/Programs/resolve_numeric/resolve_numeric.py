# Resolve numeric hosts and localhost, the way a client prepares to connect.
import socket

print(socket.gethostbyname("127.0.0.1"))
print(socket.gethostbyname("localhost"))
print(socket.gethostbyname_ex("127.0.0.1"))

infos = socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)
for family, socktype, proto, canonname, sockaddr in infos:
    print(family, socktype, proto, repr(canonname), sockaddr)

infos = socket.getaddrinfo("::1", "443", socket.AF_INET6, socket.SOCK_DGRAM)
print(len(infos), infos[0][4])

host, port = socket.getnameinfo(("127.0.0.1", 8080), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV)
print(host, port, type(port).__name__)
print(socket.getnameinfo(("::1", 53, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))

try:
    socket.getaddrinfo("not a host", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print("gaierror:", e.errno == socket.EAI_NONAME, e)

try:
    socket.gethostbyname("300.1.1.1.")
except OSError as e:
    print(type(e).__name__, e.args[0] == socket.EAI_NONAME)

families = set()
for info in socket.getaddrinfo("localhost", 0, type=socket.SOCK_STREAM):
    families.add(info[0].name)
print(sorted(families))
