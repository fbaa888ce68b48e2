# Pass a pipe's and a socket's descriptors over AF_UNIX with send_fds/recv_fds, then use them.
import array
import os
import socket

parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
r, w = os.pipe()
inner_a, inner_b = socket.socketpair()

sent = socket.send_fds(parent, [b"pipe+socket"], [r, w, inner_a.fileno()])
print("sent bytes:", sent)
msg, fds, flags, addr = socket.recv_fds(child, 1024, maxfds=3)
print(msg, len(fds), flags, addr)
new_r, new_w, new_sock_fd = fds
print("fresh descriptors:", all(fd not in (r, w, inner_a.fileno()) for fd in fds))

os.write(new_w, b"through the passed pipe")
print(os.read(r, 100))
os.write(w, b"and back")
print(os.read(new_r, 100))

passed = socket.socket(fileno=new_sock_fd)
print(passed.family, passed.type, passed.getsockname() == inner_a.getsockname())
passed.sendall(b"via passed socket")
print(inner_b.recv(100))

for fd in (r, w, new_r, new_w):
    os.close(fd)
passed.close()
inner_a.close()
inner_b.close()

fds_arr = array.array("i", [child.fileno()])
parent.sendmsg([b"x"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds_arr)])
msg, ancdata, flags, _ = child.recvmsg(10, socket.CMSG_LEN(2 * fds_arr.itemsize))
level, kind, data = ancdata[0]
got = array.array("i")
got.frombytes(data[: len(data) - (len(data) % got.itemsize)])
print(msg, level == socket.SOL_SOCKET, kind == socket.SCM_RIGHTS, len(got), flags)
os.close(got[0])
try:
    os.close(got[0])
except OSError as e:
    print("double close:", e.errno, e.strerror)
parent.close()
print(socket.recv_fds(child, 10, 1))
child.close()
print("done")
