# Read and set common socket options on TCP and UDP sockets.
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
print("SO_REUSEADDR", s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print("SO_REUSEADDR", s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, True)
print("SO_KEEPALIVE", s.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) != 0)
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print("TCP_NODELAY", bool(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)))
print("SO_TYPE", s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == s.type)
print("SO_ERROR", s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
raw = s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 4)
print("raw", raw, len(raw), int.from_bytes(raw, "little"))
s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
print("SO_LINGER", s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8))
s.close()

u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print("UDP SO_TYPE", u.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
u.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
print("SO_BROADCAST", u.getsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST))
u.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, 5)
print("IP_TTL", u.getsockopt(socket.IPPROTO_IP, socket.IP_TTL))
try:
    u.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
except OSError as e:
    print("TCP_NODELAY on UDP:", e)
try:
    u.setsockopt(socket.SOL_SOCKET, 12345, 1)
except OSError as e:
    print("unknown option:", e.errno, e.strerror)
u.close()
try:
    u.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE)
except OSError as e:
    print("closed:", e)
