# SCM_RIGHTS by hand with sendmsg/recvmsg: fds packed as bytes without the array module.
import socket
import sys

FD_SIZE = 4

def pack_fds(fds):
    return b"".join(fd.to_bytes(FD_SIZE, sys.byteorder) for fd in fds)

def unpack_fds(data):
    return [int.from_bytes(data[i:i + FD_SIZE], sys.byteorder) for i in range(0, len(data) - len(data) % FD_SIZE, FD_SIZE)]

parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
pairs = [socket.socketpair() for _ in range(3)]
to_send = [right for _, right in pairs]

n = parent.sendmsg([b"fds:", b"%d" % len(to_send)], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, pack_fds(s.fileno() for s in to_send))])
print("sent bytes", n, "CMSG_LEN", socket.CMSG_LEN(FD_SIZE * 3), "CMSG_SPACE", socket.CMSG_SPACE(FD_SIZE * 3))
for s in to_send:
    s.close()

msg, ancdata, flags, address = child.recvmsg(64, socket.CMSG_SPACE(FD_SIZE * 3))
print(msg, flags, repr(address), len(ancdata))
received = []
for level, kind, data in ancdata:
    print("level ok", level == socket.SOL_SOCKET, "type ok", kind == socket.SCM_RIGHTS, "len", len(data))
    received.extend(unpack_fds(data))
print("count", len(received), all(fd >= 0 for fd in received))

for index, (fd, (left, _)) in enumerate(zip(received, pairs)):
    s = socket.socket(fileno=fd)
    left.sendall(f"message {index}".encode())
    print(index, s.recv(32), s.family == socket.AF_UNIX, s.type)
    s.close()
    left.close()

parent.sendmsg([b"plain"])
msg, ancdata, flags, address = child.recvmsg(64, 64)
print(msg, ancdata, flags)

extra = [socket.socketpair() for _ in range(2)]
fds = [x.fileno() for pair in extra for x in pair]
parent.sendmsg([b"many"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, pack_fds(fds))])
msg, ancdata, flags, address = child.recvmsg(64, socket.CMSG_SPACE(FD_SIZE))
got = unpack_fds(ancdata[0][2]) if ancdata else []
print(msg, "truncated", bool(flags & socket.MSG_CTRUNC), "got", len(got))
for fd in got:
    socket.close(fd)
for pair in extra:
    for x in pair:
        x.close()
parent.close()
child.close()
