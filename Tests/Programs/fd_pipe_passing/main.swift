// Pass a pipe's and a socket's descriptors over AF_UNIX with send_fds/recv_fds, then use them.
import PySocket
import PyBuiltins

let (parent, child) = try socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
let (r, w) = try os.pipe()
let (inner_a, inner_b) = try socket.socketpair()

let sent = try socket.send_fds(parent, ["pipe+socket"], [r, w, inner_a.fileno()])
print("sent bytes:", sent)
var (msg, fds, flags, addr) = try socket.recv_fds(child, 1024, maxfds: 3)
print(msg, len(fds), flags, addr)
let (new_r, new_w, new_sock_fd) = (fds[0], fds[1], fds[2])
print("fresh descriptors:", all(fds.map { fd in ![r, w, inner_a.fileno()].contains(fd) }))

_ = try os.write(new_w, "through the passed pipe")
print(try os.read(r, 100))
_ = try os.write(w, "and back")
print(try os.read(new_r, 100))

let passed = try socket.socket(fileno: new_sock_fd)
print(passed.family, passed.type, try passed.getsockname() == (try inner_a.getsockname()))
try passed.sendall("via passed socket")
print(try inner_b.recv(100))

for fd in [r, w, new_r, new_w] {
    try os.close(fd)
}
passed.close()
inner_a.close()
inner_b.close()

let fds_arr = try array.array("i", [child.fileno()])
_ = try parent.sendmsg(["x"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds_arr)])
let ancdata: [(Int, Int, bytes)]
(msg, ancdata, flags, _) = try child.recvmsg(10, try socket.CMSG_LEN(2 * fds_arr.itemsize))
let (level, kind, data) = ancdata[0]
var got = try array.array("i")
try got.frombytes(data[..<(len(data) - (len(data) % got.itemsize))])
print(msg, level == socket.SOL_SOCKET, kind == socket.SCM_RIGHTS, len(got), flags)
try os.close(got[0])
do {
    try os.close(got[0])
} catch let e as OSError {
    print("double close:", e.errno, e.strerror)
}
parent.close()
print(try socket.recv_fds(child, 10, 1))
child.close()
print("done")
