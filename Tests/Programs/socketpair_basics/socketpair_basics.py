# socketpair: a connected pair of sockets, stream and datagram.
import socket

a, b = socket.socketpair()
print(a.family, b.type, a.proto)
print(repr(a.family), repr(a.type))
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
a.sendall(b"hello ")
a.sendall(b"world")
print(b.recv(100))
b.send(b"\x00\x01\xff'")
print(a.recv(100))
a.shutdown(socket.SHUT_WR)
print(b.recv(100), b.recv(100))
b.send(b"still open")
print(a.recv(100))
a.close()
b.close()
print(a.fileno(), b.fileno())

x, y = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
for msg in [b"first", b"second", b""]:
    x.send(msg)
for i in range(3):
    print(i, y.recv(100))
print(repr(y.getsockname()), repr(y.getpeername()))
x.close()
y.close()

try:
    socket.socketpair(socket.AF_INET)
except OSError as e:
    print(type(e).__name__, e)
