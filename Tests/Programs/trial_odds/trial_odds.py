import errno
import socket

fam = socket.AddressFamily(10)
print(fam, repr(fam), fam.name, fam.value, int(fam), isinstance(fam, socket.AddressFamily))
print(socket.SocketKind(2).name, socket.SOCK_DGRAM == 2, str(socket.AF_INET), f"{socket.AF_INET6}")
print(f"{socket.AF_INET!r}", format(socket.SOCK_STREAM, ">4"), socket.AF_INET6 + 1)
print(socket.error is OSError, socket.timeout is TimeoutError, issubclass(socket.gaierror, OSError))

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print("type", s.type, repr(s.type), "timeout", s.gettimeout(), "blocking", s.getblocking())
s.close()

print("lo index", socket.if_nametoindex("lo"), socket.if_indextoname(1))
try:
    socket.if_nametoindex("nosuchif0")
except OSError as e:
    print(type(e).__name__, e.errno, e)

srv = socket.create_server(("::1", 0), family=socket.AF_INET6)
print(srv.family.name, srv.getsockname()[0], socket.has_dualstack_ipv6())
c = socket.create_connection(srv.getsockname()[:2])
conn, addr = srv.accept()
print("addr[0]", addr[0], "len", len(addr), addr[1] == c.getsockname()[1])
d = conn.dup()
print("dup same family", d.family == conn.family, d.fileno() != conn.fileno())
d.sendall(b"via dup")
print(c.recv(100).decode())
f = c.makefile("rwb", buffering=0)
print(type(f).__name__)
conn.sendall(b"abc")
print(f.read(3))
f.close()
for x in (d, conn, c, srv):
    x.close()

try:
    socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, -5)
except ValueError as e:
    print(type(e).__name__, e)

a, b = socket.socketpair()
a.setblocking(False)
total = 0
try:
    while True:
        total += a.send(b"x" * 65536)
except BlockingIOError as e:
    print("full:", e.errno == errno.EAGAIN, errno.errorcode[e.errno], total > 0)
a.close()
b.close()
try:
    a.recv(1)
except OSError as e:
    print(e.args, e.filename, e.strerror)
print("done")
