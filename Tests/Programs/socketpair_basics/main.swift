// socketpair: a connected pair of sockets, stream and datagram.
import PySocket
import PyBuiltins

let (a, b) = try socket.socketpair()
print(a.family, b.type, a.proto)
print(repr(a.family), repr(a.type))
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
try a.sendall("hello ")
try a.sendall("world")
print(try b.recv(100))
_ = try b.send([0x00, 0x01, 0xff, 0x27])
print(try a.recv(100))
try a.shutdown(socket.SHUT_WR)
print(try b.recv(100), try b.recv(100))
_ = try b.send("still open")
print(try a.recv(100))
a.close()
b.close()
print(a.fileno(), b.fileno())

let (x, y) = try socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
for msg: bytes in ["first", "second", ""] {
    _ = try x.send(msg)
}
for i in range(3) {
    print(i, try y.recv(100))
}
print(repr(try y.getsockname()), repr(try y.getpeername()))
x.close()
y.close()

do {
    _ = try socket.socketpair(socket.AF_INET)
} catch let e as OSError {
    print(type(e).__name__, e)
}
