// Pass a socket's file descriptor to another socket with send_fds and recv_fds.
import PySocket
import PyBuiltins

let (parent, child) = try socket.socketpair()
let (left, right) = try socket.socketpair()

let sent = try socket.send_fds(parent, ["take this"], [right.fileno()])
print("sent", sent)
right.close()

var (msg, fds, flags, addr) = try socket.recv_fds(child, 100, 4)
print(msg, len(fds), flags, addr)
let received = try socket.socket(fileno: fds[0])
print(received.family, received.type)
try left.sendall("through the passed fd")
print(try received.recv(100))
try received.sendall("and back")
print(try left.recv(100))

_ = try socket.send_fds(parent, ["no fds"], [])
(msg, fds, flags, addr) = try socket.recv_fds(child, 100, 4)
print(msg, fds, flags)

let (a, b) = try socket.socketpair()
_ = try socket.send_fds(parent, ["two", " parts"], [a.fileno(), b.fileno()])
(msg, fds, flags, addr) = try socket.recv_fds(child, 100, 1)
print(msg, len(fds), flags & socket.MSG_CTRUNC != 0)
for fd in fds {
    try socket.close(fd)
}

for s in [a, b, left, received, parent, child] {
    s.close()
}
print("closed", received.fileno())
