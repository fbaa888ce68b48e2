import socket

HOSTS = ["127.0.0.1", "::1", None]

def family_name(f):
    return f.name if isinstance(f, socket.AddressFamily) else str(f)

for host in HOSTS:
    print("==", host)
    infos = socket.getaddrinfo(host, 8080, socket.AF_UNSPEC, socket.SOCK_STREAM,
                               0, socket.AI_NUMERICHOST | socket.AI_PASSIVE)
    for family, type_, proto, canon, sockaddr in infos:
        print(family_name(family), type_, proto, repr(canon), sockaddr)
        print("   ", repr(family), repr(type_))

results = socket.getaddrinfo("127.0.0.1", "80", proto=socket.IPPROTO_UDP)
print(len(results), "results")
for r in results:
    print(r)

seen = set()
for info in socket.getaddrinfo("::1", 443, socket.AF_INET6):
    seen.add(info[4])
print(sorted(seen))

for sa in [("127.0.0.1", 80), ("127.0.0.1", 22), ("::1", 443, 0, 0), ("127.0.0.1", 12345)]:
    host, serv = socket.getnameinfo(sa, socket.NI_NUMERICHOST | socket.NI_NUMERICSERV)
    print(sa, "->", host, serv)
    print(sa, "->", socket.getnameinfo(sa, socket.NI_NUMERICHOST))

try:
    socket.getaddrinfo("not a host", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print("gaierror:", e.errno, e.strerror, e)
    print(repr(e), type(e).__name__, isinstance(e, OSError))

try:
    socket.getaddrinfo("127.0.0.1", "nosuchservice", flags=socket.AI_NUMERICSERV)
except socket.gaierror as e:
    print("numericserv:", e.args)

try:
    print("port 70000:", socket.getnameinfo(("127.0.0.1", 70000), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
except OverflowError as e:
    print("OverflowError:", e)
