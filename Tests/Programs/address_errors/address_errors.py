# What bind and connect say about addresses they cannot use.
import socket

s = socket.socket()
for address in [("127.0.0.1", 70000), ("127.0.0.1", -1), ("256.0.0.1", 0), ("", 0)]:
    try:
        s.bind(address)
        print("bound", address, s.getsockname()[0])
    except OverflowError as e:
        print("OverflowError", e)
    except OSError as e:
        print(type(e).__name__, e.errno == socket.EAI_NONAME, e)
try:
    s.bind(("127.0.0.1", 0))
except OSError as e:
    print("bind twice:", e)
s.close()

u = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try:
    u.connect("/nonexistent/dir/x.sock")
except FileNotFoundError as e:
    print("unix connect:", e.errno, e.strerror)
try:
    u.bind("/proc/x.sock")
except OSError as e:
    print("unix bind:", type(e).__name__, e.errno)
try:
    u.bind("a" * 108)
except OSError as e:
    print("108 bytes:", e)
u.bind(b"\0pysocket-programs-address-errors")
print(repr(u.getsockname()))
u.close()

v6 = socket.socket(socket.AF_INET6)
for address in [("::1", 0, 0, 0), ("::1", 0, -1, 0), ("::1", 0, 0, 2 ** 32)]:
    try:
        v6.bind(address)
        print("bound v6", v6.getsockname()[0])
    except OverflowError as e:
        print("OverflowError", e)
    except OSError as e:
        print(type(e).__name__, e)
v6.close()

c = socket.socket()
c.settimeout(1)
for address in [("127.0.0.1", 0), ("0.0.0.0", 1)]:
    try:
        c.connect(address)
    except OSError as e:
        print("connect", address, type(e).__name__, e.errno)
c.close()
print(socket.getaddrinfo("127.0.0.1", 65535)[0][4], socket.getaddrinfo("::", 0)[0][4])
try:
    socket.getaddrinfo("127.0.0.1", 65536)
except OSError as e:
    print("getaddrinfo port:", type(e).__name__, e)
