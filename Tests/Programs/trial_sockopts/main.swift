// Port of trial_sockopts.py: socket options, timeouts and blocking, printed values.
import PySocket
import PyBuiltins

let s = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
print("family", s.family, "type", s.type, "proto", s.proto)
print(repr(s.family), repr(s.type))
print("timeout", s.gettimeout(), "blocking", s.getblocking())

let names = ["SO_REUSEADDR", "SO_KEEPALIVE", "SO_BROADCAST", "SO_OOBINLINE"]
for name in names {
    let opt: Int = try getattr(socket.self, name)
    let before = try s.getsockopt(socket.SOL_SOCKET, opt)
    try s.setsockopt(socket.SOL_SOCKET, opt, 1)
    let after = try s.getsockopt(socket.SOL_SOCKET, opt)
    print(try "\(name, "14") \(before) -> \(after) \(bool(after))")
}

try s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, true)
print("TCP_NODELAY", try s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

print("SO_TYPE", try s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)
print("SO_ERROR", try s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))

let linger = try s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)
print("linger raw", linger, len(linger))
try s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, [0x01, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00] as bytes)
print("linger set", try s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8))

try s.settimeout(2.5)
print("timeout", s.gettimeout(), "blocking", s.getblocking())
try s.setblocking(false)
print("timeout", s.gettimeout(), "blocking", s.getblocking())
try s.settimeout(nil)
print("timeout", s.gettimeout(), "blocking", s.getblocking())

do {
    try s.settimeout(-1)
} catch let e as ValueError {
    print("ValueError:", e)
}

do {
    try s.setsockopt(socket.SOL_SOCKET, 9999, 1)
} catch let e as OSError {
    print(type(e).__name__, e.errno, e.strerror)
}

try s.bind(("127.0.0.1", 0))
let (host, port) = try s.getsockname().pair
print("bound host", host, "port>0", port > 0)
s.close()
print("closed fileno", s.fileno())

do {
    _ = try s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR)
} catch let e as OSError {
    print("after close:", type(e).__name__, e)
}

let u = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print("udp", u.type, try u.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
u.close()
