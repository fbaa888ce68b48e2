// SCM_RIGHTS by hand with sendmsg/recvmsg: fds packed as bytes without the array module.
import PySocket
import PyBuiltins

let FD_SIZE = 4

func pack_fds<Fds: Sequence>(_ fds: Fds) throws -> bytes where Fds.Element == Int32 {
    bytes("").join(try fds.map { fd in try fd.to_bytes(FD_SIZE, sys.byteorder) })
}

func unpack_fds(_ data: bytes) throws -> [Int32] {
    try range(0, len(data) - len(data) % FD_SIZE, FD_SIZE).map { i in try Int32.from_bytes(data[i..<i + FD_SIZE], sys.byteorder) }
}

let (parent, child) = try socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
let pairs = try range(3).map { _ in try socket.socketpair() }
let to_send = pairs.map { (_, right) in right }

let n = try parent.sendmsg(["fds:", try bytes("%d") % len(to_send)], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, try pack_fds(to_send.map { s in s.fileno() }))])
print("sent bytes", n, "CMSG_LEN", try socket.CMSG_LEN(FD_SIZE * 3), "CMSG_SPACE", try socket.CMSG_SPACE(FD_SIZE * 3))
for s in to_send {
    s.close()
}

var (msg, ancdata, flags, address) = try child.recvmsg(64, try socket.CMSG_SPACE(FD_SIZE * 3))
print(msg, flags, repr(address), len(ancdata))
var received: [Int32] = []
for (level, kind, data) in ancdata {
    print("level ok", level == socket.SOL_SOCKET, "type ok", kind == socket.SCM_RIGHTS, "len", len(data))
    received.extend(try unpack_fds(data))
}
print("count", len(received), all(received.map { fd in fd >= 0 }))

for (index, (fd, (left, _))) in enumerate(zip(received, pairs)) {
    let s = try socket.socket(fileno: fd)
    try left.sendall("message \(index)".encode())
    print(index, try s.recv(32), s.family == socket.AF_UNIX, s.type)
    s.close()
    left.close()
}

_ = try parent.sendmsg(["plain"])
(msg, ancdata, flags, address) = try child.recvmsg(64, 64)
print(msg, ancdata, flags)

let extra = try range(2).map { _ in try socket.socketpair() }
let fds = extra.flatMap { pair in [pair.0, pair.1] }.map { x in x.fileno() }
_ = try parent.sendmsg(["many"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, try pack_fds(fds))])
(msg, ancdata, flags, address) = try child.recvmsg(64, try socket.CMSG_SPACE(FD_SIZE))
let got = !ancdata.isEmpty ? try unpack_fds(ancdata[0].2) : []
print(msg, "truncated", bool(flags & socket.MSG_CTRUNC), "got", len(got))
for fd in got {
    try socket.close(fd)
}
for pair in extra {
    for x in [pair.0, pair.1] {
        x.close()
    }
}
parent.close()
child.close()
