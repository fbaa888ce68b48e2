// Read and set common socket options on TCP and UDP sockets.
import PySocket
import PyBuiltins

let s = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
print("SO_REUSEADDR", try s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
try s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print("SO_REUSEADDR", try s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
try s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, true)
print("SO_KEEPALIVE", try s.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) != 0)
try s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print("TCP_NODELAY", bool(try s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)))
print("SO_TYPE", try s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == s.type)
print("SO_ERROR", try s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
let raw = try s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 4)
print("raw", raw, len(raw), try Int.from_bytes(raw, "little"))
try s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, [1, 0, 0, 0, 0, 0, 0, 0])
print("SO_LINGER", try s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8))
s.close()

let u = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print("UDP SO_TYPE", try u.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
try u.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
print("SO_BROADCAST", try u.getsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST))
try u.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, 5)
print("IP_TTL", try u.getsockopt(socket.IPPROTO_IP, socket.IP_TTL))
do {
    try u.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
} catch let e as OSError {
    print("TCP_NODELAY on UDP:", e)
}
do {
    try u.setsockopt(socket.SOL_SOCKET, 12345, 1)
} catch let e as OSError {
    print("unknown option:", e.errno, e.strerror)
}
u.close()
do {
    _ = try u.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE)
} catch let e as OSError {
    print("closed:", e)
}
