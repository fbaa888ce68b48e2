// Passing file descriptors by hand with sendmsg/recvmsg and SCM_RIGHTS control messages.
import PySocket
import PyBuiltins

let (parent, child) = try socket.socketpair()
let (a, b) = try socket.socketpair()
let fds = [a.fileno(), b.fileno()]
let data = bytes("").join(try fds.map { fd in try fd.to_bytes(4, "little") })
let sent = try parent.sendmsg(["two fds"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, data)])
print("sent", sent)

var (msg, ancdata, flags, addr) = try child.recvmsg(100, socket.CMSG_SPACE(2 * 4))
print(msg, len(ancdata), flags, addr)
let (level, kind, payload) = ancdata[0]
print(level == socket.SOL_SOCKET, kind == socket.SCM_RIGHTS, len(payload))
let received = try range(0, len(payload), 4).map { i in try Int32.from_bytes(payload[i..<(i + 4)], "little") }
print(len(received), received.allSatisfy { fd in !fds.contains(fd) })
let left = try socket.socket(fileno: received[0])
let right = try socket.socket(fileno: received[1])
try left.sendall("via the received fds")
print(try right.recv(100))
left.close()
right.close()

_ = try parent.sendmsg(["one"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, data)])
(msg, ancdata, flags, addr) = try child.recvmsg(100, socket.CMSG_LEN(4))
print(msg, len(ancdata), flags & socket.MSG_CTRUNC == socket.MSG_CTRUNC)
for (_, _, payload) in ancdata {
    for i in try range(0, len(payload) - len(payload) % 4, 4) {
        try socket.close(try Int32.from_bytes(payload[i..<(i + 4)], "little"))
    }
}

_ = try parent.sendmsg(["no control data"])
print(try child.recvmsg(100, 64))
print(try socket.CMSG_LEN(0), try socket.CMSG_LEN(8), try socket.CMSG_SPACE(0), try socket.CMSG_SPACE(8))
do {
    _ = try socket.CMSG_LEN(-1)
} catch let e as OverflowError {
    print("CMSG_LEN:", e)
}
for s in [a, b, parent, child] {
    s.close()
}
