# Error handling: exception classes, errno numbers and their names.
import errno
import socket

def describe(e):
    name = errno.errorcode.get(e.errno, "?") if e.errno is not None else None
    print(type(e).__name__, name, e.errno, repr(e.strerror))
    print("  ", e)

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
closed_port = probe.getsockname()[1]
probe.close()

c = socket.socket()
try:
    c.connect(("127.0.0.1", closed_port))
except ConnectionRefusedError as e:
    describe(e)
    print("  is ConnectionError:", isinstance(e, ConnectionError), isinstance(e, OSError))
c.close()

holder = socket.socket()
holder.bind(("127.0.0.1", 0))
holder.listen()
other = socket.socket()
try:
    other.bind(holder.getsockname())
except OSError as e:
    describe(e)
    print("  EADDRINUSE:", e.errno == errno.EADDRINUSE)
other.close()
holder.close()

try:
    holder.listen()
except OSError as e:
    describe(e)

a, b = socket.socketpair()
b.close()
try:
    a.send(b"nobody is listening")
except BrokenPipeError as e:
    describe(e)
a.close()

try:
    socket.getaddrinfo("::1::", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print(type(e).__name__, e.errno == socket.EAI_NONAME, e.strerror)
    print("  ", e.args)

try:
    socket.socket(socket.AF_INET, socket.SOCK_STREAM, 12345)
except OSError as e:
    describe(e)

for code in [errno.ECONNRESET, errno.ETIMEDOUT, errno.EAGAIN, errno.EPIPE]:
    print(code, errno.errorcode[code])
