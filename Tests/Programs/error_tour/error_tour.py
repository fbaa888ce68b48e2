# A tour of socket errors: refused, address in use, timeouts, bad numeric hosts, closed sockets, chaining.
import errno
import socket
import sys


class FetchError(Exception):
    def __init__(self, target, reason):
        super().__init__(f"cannot fetch {target}: {reason}")
        self.target = target


def show(label, exc):
    args = exc.args
    print(f"{label:<12} {type(exc).__name__:<22} errno={getattr(exc, 'errno', None)!s:<5} {exc}")
    if isinstance(exc, OSError) and exc.errno is not None:
        print(" " * 13, errno.errorcode[exc.errno] if exc.errno > 0 else "EAI", exc.strerror, "args:", args)


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


port = closed_port()
try:
    socket.create_connection(("127.0.0.1", port), timeout=1)
except ConnectionRefusedError as e:
    show("refused", e)
    print("  same class:", socket.error is OSError, isinstance(e, socket.error), issubclass(ConnectionRefusedError, ConnectionError))

busy = socket.create_server(("127.0.0.1", 0))
dup = socket.socket()
try:
    dup.bind(busy.getsockname())
except OSError as e:
    show("in use", e)
    print("  is EADDRINUSE:", e.errno == errno.EADDRINUSE)
else:
    print("bound twice?!")
finally:
    dup.close()

a, b = socket.socketpair()
a.settimeout(0.01)
try:
    a.recv(1)
except socket.timeout as e:
    show("timeout", e)
    print("  alias:", socket.timeout is TimeoutError, e.errno, repr(e))

for host in ["256.1.1.1", "1.2.3.4.5", "::g", "[::1]"]:
    try:
        socket.getaddrinfo(host, 80, flags=socket.AI_NUMERICHOST)
    except socket.gaierror as e:
        show(f"gai {host}", e)

b.close()
try:
    b.send(b"x")
except OSError as e:
    show("closed", e)
try:
    a.sendall(b"y" * 10)
    a.sendall(b"y" * 10)
except (BrokenPipeError, ConnectionResetError) as e:
    show("peer gone", e)
a.close()

for bad in [("127.0.0.1", 70000), ("127.0.0.1", -1), ("localhost", 2**40)]:
    try:
        socket.socket().connect(bad)
    except (OverflowError, TypeError) as e:
        print(f"{str(bad):<22} {type(e).__name__}: {e}")


def fetch(target):
    try:
        with socket.create_connection(target, timeout=0.5) as s:
            return s.recv(10)
    except OSError as e:
        raise FetchError(target, e.strerror) from e


try:
    fetch(("127.0.0.1", port))
except FetchError as e:
    print(str(e).replace(str(port), "PORT"), "| cause:", repr(e.__cause__), "| target:", e.target[0])
    print("  suppress:", e.__suppress_context__, type(e.__context__).__name__)

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("lookup failed") from None
except RuntimeError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, repr(e.__context__))

errors = 0
for exc_type in (ConnectionRefusedError, TimeoutError, socket.gaierror):
    try:
        raise exc_type("synthetic")
    except OSError as e:
        errors += 1
        print(type(e).__name__, e, e.errno, e.args)
busy.close()
print(f"{errors=}", file=sys.stderr)
sys.exit(3 if errors != 3 else 0)
