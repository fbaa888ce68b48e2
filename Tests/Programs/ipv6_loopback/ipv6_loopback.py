# TCP and UDP over IPv6 on ::1.
import socket

print(socket.has_ipv6)
srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
srv.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
print("V6ONLY", srv.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY))
srv.bind(("::1", 0))
srv.listen()
host, port, flowinfo, scope_id = srv.getsockname()
print(host, flowinfo, scope_id, len(srv.getsockname()))

cli = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
cli.connect(("::1", port, 0, 0))
conn, addr = srv.accept()
print(addr[0], addr[2:], conn.family)
cli.sendall(b"over ipv6")
print(conn.recv(64))
conn.close()
cli.close()
srv.close()

u1 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
u1.bind(("::1", 0))
u2 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
u2.sendto(b"datagram", u1.getsockname())
data, sender = u1.recvfrom(100)
print(data, sender[0], sender[2], sender[3])
u2.sendto(b"by tuple", ("::1", u1.getsockname()[1]))
print(u1.recv(100))
u1.close()
u2.close()

v4 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    v4.bind(("::1", 0))
except socket.gaierror as e:
    print("gaierror", e.errno == socket.EAI_ADDRFAMILY or e.errno == socket.EAI_NONAME)
v4.close()
print(socket.inet_pton(socket.AF_INET6, "::1"))
