// The three modes of a socket: blocking, non-blocking and timeout.
import PySocket
import PyBuiltins

print("default", socket.getdefaulttimeout())
let (a, b) = try socket.socketpair()
print(a.gettimeout(), a.getblocking())
try a.settimeout(0.25)
print(a.gettimeout(), a.getblocking())
do {
    _ = try a.recv(10)
} catch let e as socket.timeout {
    print("timeout:", e, type(e).__name__, e.errno, isinstance(e, OSError.self))
}
try a.setblocking(false)
print(a.gettimeout(), a.getblocking())
do {
    _ = try a.recv(10)
} catch let e as BlockingIOError {
    print("non-blocking:", e.errno, e)
}
try a.setblocking(true)
print(a.gettimeout(), a.getblocking())
try a.settimeout(2)
print(a.gettimeout())
_ = try b.send("ready")
print(try a.recv(10))
for bad in [-1.5, -0.5] {
    do {
        try a.settimeout(bad)
    } catch let e as ValueError {
        print("settimeout", bad, "->", e)
    }
}
try socket.setdefaulttimeout(1.5)
let (c, d) = try socket.socketpair()
print(socket.getdefaulttimeout(), c.gettimeout(), d.gettimeout())
try socket.setdefaulttimeout(nil)
print(socket.getdefaulttimeout())
for s in [a, b, c, d] {
    s.close()
}
