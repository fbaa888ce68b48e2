// The socket object itself: creation flags, duplicates, detaching, and using a closed socket.
import PySocket
import PyBuiltins

let s = try socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(s.type, repr(s.type), s.gettimeout(), s.getblocking())
print(try s.getsockname(), s.family.name, s.proto)
print(try s.get_inheritable())
try s.set_inheritable(true)
print(try s.get_inheritable())
s.close()

let u = try socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
print(try u.getsockname(), u.type.name)
let d = try u.dup()
print(d.family == u.family, d.type == u.type, d.fileno() != u.fileno())
u.close()
try d.bind(("::1", 0))
print(try d.getsockname()[0])
let fd = d.detach()
print(d.fileno(), fd >= 0)
let again = try socket.socket(fileno: fd)
print(again.family, again.type, try again.getsockname()[0])
let copy = try socket.fromfd(again.fileno(), socket.AF_INET6, socket.SOCK_DGRAM)
print(try copy.getsockname() == again.getsockname())
copy.close()
again.close()
again.close()
print(again.fileno())

for call in ["recv", "send", "listen", "getpeername"] {
    do {
        if call == "recv" {
            _ = try again.recv(1)
        } else if call == "send" {
            _ = try again.send("x")
        } else if call == "listen" {
            try again.listen()
        } else {
            _ = try again.getpeername()
        }
    } catch let e as OSError {
        print(call, type(e).__name__, e.errno, e)
    }
}

let t = try socket.socket()
do {
    _ = try t.getpeername()
} catch let e as OSError {
    print("unconnected:", e)
}
do {
    _ = try t.recv(1)
} catch let e as OSError {
    print("recv unconnected:", e)
}
print(try t.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))
try t.bind(("127.0.0.1", 0))
try t.listen()
print(try t.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))
do {
    try t.connect(("127.0.0.1", 1))
} catch let e as OSError {
    print("connect on a listener:", type(e).__name__, e)
}
t.close()
