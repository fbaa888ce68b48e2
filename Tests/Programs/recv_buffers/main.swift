// Receiving into preallocated buffers, and messages with recvmsg.
import PySocket
import PyBuiltins

let (a, b) = try socket.socketpair()
var buf = try bytearray(10)
try a.sendall("0123456789abcdef")
var n = try b.recv_into(&buf)
print(n, buf)
n = try b.recv_into(&buf, 4)
print(n, buf[..<n], bytes(buf))
n = try b.recv_into(&buf[2...], 2)
print(n, bytes(buf))
do {
    _ = try b.recv_into(&buf, 20)
} catch let e as ValueError {
    print("too big:", e)
}
do {
    _ = try b.recv(-1)
} catch let e as ValueError {
    print("negative:", e)
}
try a.sendall("message in parts")
var (msg, ancdata, flags, addr) = try b.recvmsg(7)
print(msg, ancdata, flags, addr)
var chunks = try [bytearray(3), bytearray(20)]
let (nbytes, _, _, _) = try b.recvmsg_into(&chunks)
print(nbytes, chunks[0], chunks[1][..<(nbytes - 3)])
a.close()
b.close()

let (x, y) = try socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
_ = try x.send("a datagram that is too long")
(msg, ancdata, flags, addr) = try y.recvmsg(5)
print(msg, flags & socket.MSG_TRUNC == socket.MSG_TRUNC, flags == socket.MSG_TRUNC)
_ = try x.sendmsg(["gather", "ed ", "parts"])
print(try y.recv(100))
print(try socket.CMSG_LEN(4), try socket.CMSG_SPACE(4) >= socket.CMSG_LEN(4))
x.close()
y.close()
