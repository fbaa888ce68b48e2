import socket

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
print("family", s.family, "type", s.type, "proto", s.proto)
print(repr(s.family), repr(s.type))
print("timeout", s.gettimeout(), "blocking", s.getblocking())

names = ["SO_REUSEADDR", "SO_KEEPALIVE", "SO_BROADCAST", "SO_OOBINLINE"]
for name in names:
    opt = getattr(socket, name)
    before = s.getsockopt(socket.SOL_SOCKET, opt)
    s.setsockopt(socket.SOL_SOCKET, opt, 1)
    after = s.getsockopt(socket.SOL_SOCKET, opt)
    print(f"{name:14} {before} -> {after} {bool(after)}")

s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
print("TCP_NODELAY", s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

print("SO_TYPE", s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)
print("SO_ERROR", s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))

linger = s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)
print("linger raw", linger, len(linger))
s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x05\x00\x00\x00")
print("linger set", s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8))

s.settimeout(2.5)
print("timeout", s.gettimeout(), "blocking", s.getblocking())
s.setblocking(False)
print("timeout", s.gettimeout(), "blocking", s.getblocking())
s.settimeout(None)
print("timeout", s.gettimeout(), "blocking", s.getblocking())

try:
    s.settimeout(-1)
except ValueError as e:
    print("ValueError:", e)

try:
    s.setsockopt(socket.SOL_SOCKET, 9999, 1)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)

s.bind(("127.0.0.1", 0))
host, port = s.getsockname()
print("bound host", host, "port>0", port > 0)
s.close()
print("closed fileno", s.fileno())

try:
    s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR)
except OSError as e:
    print("after close:", type(e).__name__, e)

u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print("udp", u.type, u.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
u.close()
