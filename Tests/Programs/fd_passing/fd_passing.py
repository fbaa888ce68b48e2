# Pass a socket's file descriptor to another socket with send_fds and recv_fds.
import socket

parent, child = socket.socketpair()
left, right = socket.socketpair()

sent = socket.send_fds(parent, [b"take this"], [right.fileno()])
print("sent", sent)
right.close()

msg, fds, flags, addr = socket.recv_fds(child, 100, 4)
print(msg, len(fds), flags, addr)
received = socket.socket(fileno=fds[0])
print(received.family, received.type)
left.sendall(b"through the passed fd")
print(received.recv(100))
received.sendall(b"and back")
print(left.recv(100))

socket.send_fds(parent, [b"no fds"], [])
msg, fds, flags, addr = socket.recv_fds(child, 100, 4)
print(msg, fds, flags)

a, b = socket.socketpair()
socket.send_fds(parent, [b"two", b" parts"], [a.fileno(), b.fileno()])
msg, fds, flags, addr = socket.recv_fds(child, 100, 1)
print(msg, len(fds), flags & socket.MSG_CTRUNC != 0)
for fd in fds:
    socket.close(fd)

for s in (a, b, left, received, parent, child):
    s.close()
print("closed", received.fileno())
