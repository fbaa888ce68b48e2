// Port of trial_odds.py: enums by value, class identities, SOCK_NONBLOCK, interfaces, dup, SocketIO, full buffers.
import PySocket
import PyBuiltins

let fam = socket.AddressFamily(10)
print(fam, repr(fam), fam.name, fam.value, int(fam), isinstance(fam, socket.AddressFamily.self))
print(socket.SocketKind(2).name, socket.SOCK_DGRAM == 2, str(socket.AF_INET), "\(socket.AF_INET6)")
print("\(repr(socket.AF_INET))", try format(socket.SOCK_STREAM, ">4"), socket.AF_INET6 + 1)
print(socket.error.self == OSError.self, socket.timeout.self == TimeoutError.self, issubclass(socket.gaierror.self, OSError.self))

let s = try socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print("type", s.type, repr(s.type), "timeout", s.gettimeout(), "blocking", s.getblocking())
s.close()

print("lo index", try socket.if_nametoindex("lo"), try socket.if_indextoname(1))
do {
    _ = try socket.if_nametoindex("nosuchif0")
} catch let e as OSError {
    print(type(e).__name__, e.errno, e)
}

let srv = try socket.create_server(("::1", 0), family: socket.AF_INET6)
print(srv.family.name, try srv.getsockname()[0], socket.has_dualstack_ipv6())
let c = try socket.create_connection((try srv.getsockname()[0], try srv.getsockname()[1]))
let (conn, addr) = try srv.accept()
print("addr[0]", try addr[0], "len", len(addr), try addr[1] == (try c.getsockname()[1]))
let d = try conn.dup()
print("dup same family", d.family == conn.family, d.fileno() != conn.fileno())
try d.sendall("via dup")
print(try c.recv(100).decode())
let f: SocketIO = try c.makefile("rwb", buffering: 0)
print(type(f).__name__)
try conn.sendall("abc")
print(try f.read(3))
f.close()
for x in [d, conn, c, srv] {
    x.close()
}

do {
    _ = try socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, -5)
} catch let e as ValueError {
    print(type(e).__name__, e)
}

let (a, b) = try socket.socketpair()
try a.setblocking(false)
var total = 0
do {
    while true {
        total += try a.send(bytes("x") * 65536)
    }
} catch let e as BlockingIOError {
    print("full:", e.errno == errno.EAGAIN, errno.errorcode[e.errno!]!, total > 0)
}
a.close()
b.close()
do {
    _ = try a.recv(1)
} catch let e as OSError {
    print(e.args, e.filename, e.strerror)
}
print("done")
