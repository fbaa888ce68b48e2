# Passing file descriptors by hand with sendmsg/recvmsg and SCM_RIGHTS control messages.
import socket

parent, child = socket.socketpair()
a, b = socket.socketpair()
fds = [a.fileno(), b.fileno()]
data = b"".join(fd.to_bytes(4, "little") for fd in fds)
sent = parent.sendmsg([b"two fds"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, data)])
print("sent", sent)

msg, ancdata, flags, addr = child.recvmsg(100, socket.CMSG_SPACE(2 * 4))
print(msg, len(ancdata), flags, addr)
level, kind, payload = ancdata[0]
print(level == socket.SOL_SOCKET, kind == socket.SCM_RIGHTS, len(payload))
received = [int.from_bytes(payload[i:i + 4], "little") for i in range(0, len(payload), 4)]
print(len(received), all(fd not in fds for fd in received))
left = socket.socket(fileno=received[0])
right = socket.socket(fileno=received[1])
left.sendall(b"via the received fds")
print(right.recv(100))
left.close()
right.close()

parent.sendmsg([b"one"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, data)])
msg, ancdata, flags, addr = child.recvmsg(100, socket.CMSG_LEN(4))
print(msg, len(ancdata), flags & socket.MSG_CTRUNC == socket.MSG_CTRUNC)
for level, kind, payload in ancdata:
    for i in range(0, len(payload) - len(payload) % 4, 4):
        socket.close(int.from_bytes(payload[i:i + 4], "little"))

parent.sendmsg([b"no control data"])
print(child.recvmsg(100, 64))
print(socket.CMSG_LEN(0), socket.CMSG_LEN(8), socket.CMSG_SPACE(0), socket.CMSG_SPACE(8))
try:
    socket.CMSG_LEN(-1)
except OverflowError as e:
    print("CMSG_LEN:", e)
for s in (a, b, parent, child):
    s.close()
