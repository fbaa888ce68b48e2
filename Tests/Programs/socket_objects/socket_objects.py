# The socket object itself: creation flags, duplicates, detaching, and using a closed socket.
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(s.type, repr(s.type), s.gettimeout(), s.getblocking())
print(s.getsockname(), s.family.name, s.proto)
print(s.get_inheritable())
s.set_inheritable(True)
print(s.get_inheritable())
s.close()

u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
print(u.getsockname(), u.type.name)
d = u.dup()
print(d.family == u.family, d.type == u.type, d.fileno() != u.fileno())
u.close()
d.bind(("::1", 0))
print(d.getsockname()[0])
fd = d.detach()
print(d.fileno(), fd >= 0)
again = socket.socket(fileno=fd)
print(again.family, again.type, again.getsockname()[0])
copy = socket.fromfd(again.fileno(), socket.AF_INET6, socket.SOCK_DGRAM)
print(copy.getsockname() == again.getsockname())
copy.close()
again.close()
again.close()
print(again.fileno())

for call in ["recv", "send", "listen", "getpeername"]:
    try:
        if call == "recv":
            again.recv(1)
        elif call == "send":
            again.send(b"x")
        elif call == "listen":
            again.listen()
        else:
            again.getpeername()
    except OSError as e:
        print(call, type(e).__name__, e.errno, e)

t = socket.socket()
try:
    t.getpeername()
except OSError as e:
    print("unconnected:", e)
try:
    t.recv(1)
except OSError as e:
    print("recv unconnected:", e)
print(t.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))
t.bind(("127.0.0.1", 0))
t.listen()
print(t.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))
try:
    t.connect(("127.0.0.1", 1))
except OSError as e:
    print("connect on a listener:", type(e).__name__, e)
t.close()
