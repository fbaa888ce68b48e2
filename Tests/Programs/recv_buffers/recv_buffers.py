# Receiving into preallocated buffers, and messages with recvmsg.
import socket

a, b = socket.socketpair()
buf = bytearray(10)
a.sendall(b"0123456789abcdef")
n = b.recv_into(buf)
print(n, buf)
n = b.recv_into(buf, 4)
print(n, buf[:n], bytes(buf))
view = memoryview(buf)
n = b.recv_into(view[2:], 2)
print(n, bytes(buf))
try:
    b.recv_into(buf, 20)
except ValueError as e:
    print("too big:", e)
try:
    b.recv(-1)
except ValueError as e:
    print("negative:", e)
a.sendall(b"message in parts")
msg, ancdata, flags, addr = b.recvmsg(7)
print(msg, ancdata, flags, addr)
chunks = [bytearray(3), bytearray(20)]
nbytes, ancdata, flags, addr = b.recvmsg_into(chunks)
print(nbytes, chunks[0], chunks[1][:nbytes - 3])
a.close()
b.close()

x, y = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
x.send(b"a datagram that is too long")
msg, ancdata, flags, addr = y.recvmsg(5)
print(msg, flags & socket.MSG_TRUNC == socket.MSG_TRUNC, flags == socket.MSG_TRUNC)
x.sendmsg([b"gather", b"ed ", b"parts"])
print(y.recv(100))
print(socket.CMSG_LEN(4), socket.CMSG_SPACE(4) >= socket.CMSG_LEN(4))
x.close()
y.close()
