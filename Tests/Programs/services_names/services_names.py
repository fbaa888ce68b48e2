# Service and protocol names from the system databases, and host names of numeric addresses.
import socket

for name, proto in [("http", "tcp"), ("domain", "udp"), ("ssh", None), ("https", "tcp")]:
    port = socket.getservbyname(name, proto) if proto else socket.getservbyname(name)
    back = socket.getservbyport(port, proto or "tcp")
    print(f"{name:>7}/{proto or '-':<3} -> {port:<5} -> {back}")

for proto in ["tcp", "udp", "icmp", "ipv6-icmp"]:
    number = socket.getprotobyname(proto)
    print(proto, number, number == getattr(socket, "IPPROTO_" + proto.upper().replace("IPV6-", ""), None))

for bad in [("no-such-service", "tcp"), ("http", "sctp-nope")]:
    try:
        socket.getservbyname(*bad)
    except OSError as e:
        print("getservbyname%r: %s %r" % (bad, type(e).__name__, e.args))
try:
    socket.getprotobyname("nonexistent")
except OSError as e:
    print("getprotobyname:", e)
try:
    socket.getservbyport(70000)
except OverflowError as e:
    print("getservbyport:", e)

print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
host, service = socket.getnameinfo(("127.0.0.1", 22), socket.NI_NUMERICHOST)
print(host, service, type(service).__name__)
print(socket.inet_ntoa(socket.inet_aton("10.1.2.3")), socket.inet_ntop(socket.AF_INET6, socket.inet_pton(socket.AF_INET6, "fe80::1:2")))
print(socket.htons(0x1234) == 0x3412, hex(socket.ntohl(0x01020304)), socket.htonl(1) >> 24)
