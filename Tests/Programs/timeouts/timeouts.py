# The three modes of a socket: blocking, non-blocking and timeout.
import socket

print("default", socket.getdefaulttimeout())
a, b = socket.socketpair()
print(a.gettimeout(), a.getblocking())
a.settimeout(0.25)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except socket.timeout as e:
    print("timeout:", e, type(e).__name__, e.errno, isinstance(e, OSError))
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print("non-blocking:", e.errno, e)
a.setblocking(True)
print(a.gettimeout(), a.getblocking())
a.settimeout(2)
print(a.gettimeout())
b.send(b"ready")
print(a.recv(10))
for bad in [-1.5, -0.5]:
    try:
        a.settimeout(bad)
    except ValueError as e:
        print("settimeout", bad, "->", e)
socket.setdefaulttimeout(1.5)
c, d = socket.socketpair()
print(socket.getdefaulttimeout(), c.gettimeout(), d.gettimeout())
socket.setdefaulttimeout(None)
print(socket.getdefaulttimeout())
for s in (a, b, c, d):
    s.close()
