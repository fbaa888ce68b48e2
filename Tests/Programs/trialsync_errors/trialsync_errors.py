# Error handling: the program's own exception classes, errno fields, repr, try/finally, retries.
import errno
import socket


class ProtocolError(Exception):
    """Raised when the peer says something we do not understand."""


class RetryExhausted(ProtocolError):
    def __init__(self, attempts, last):
        super().__init__(f"gave up after {attempts} attempts")
        self.attempts = attempts
        self.last = last


def describe(e):
    parts = [type(e).__name__]
    if isinstance(e, OSError):
        parts.append(f"errno={e.errno} ({errno.errorcode.get(e.errno, '?') if e.errno else '-'})")
        parts.append(f"strerror={e.strerror!r}")
    parts.append(f"str={str(e)!r}")
    return " ".join(parts)


def free_port():
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
    finally:
        s.close()


def connect_with_retry(port, attempts=3):
    last = None
    for attempt in range(1, attempts + 1):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(0.5)
        try:
            s.connect(("127.0.0.1", port))
            return s
        except ConnectionRefusedError as e:
            print(f"  attempt {attempt}: {e}")
            last = e
            s.close()
    raise RetryExhausted(attempts, last)


port = free_port()
try:
    connect_with_retry(port)
except RetryExhausted as e:
    print("caught:", repr(e), e.attempts, "last:", repr(e.last))
    print("  is ProtocolError:", isinstance(e, ProtocolError), "is OSError:", isinstance(e, OSError))

cases = [
    ("bind to port in use", lambda s, busy: s.bind(busy.getsockname())),
    ("recv on unconnected TCP", lambda s, busy: s.recv(1)),
    ("sendto without address", lambda s, busy: s.send(b"x")),
    ("bad family address", lambda s, busy: s.connect("/tmp/nope")),
    ("negative timeout", lambda s, busy: s.settimeout(-1)),
    ("getsockopt bad level", lambda s, busy: s.getsockopt(12345, 1)),
    ("listen twice then connect", lambda s, busy: (s.listen(), s.connect(busy.getsockname()))),
]
busy = socket.create_server(("127.0.0.1", 0))
for label, action in cases:
    s = socket.socket()
    try:
        action(s, busy)
        print(f"{label:<28} no error")
    except (OSError, ValueError, TypeError) as e:
        print(f"{label:<28} {describe(e)}")
    finally:
        s.close()
busy.close()

errors = [ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"),
          OSError(errno.EPIPE, "Broken pipe"), TimeoutError("timed out"), socket.gaierror(-2, "Name or service not known")]
for e in errors:
    print(f"{type(e).__name__:<22} {e.errno!s:>5} {e!s:<32} {e!r}")
    print(f"{'':<22} bases: {[c.__name__ for c in type(e).__mro__[1:-1]]}")

try:
    try:
        raise ProtocolError("bad magic 0x%04x" % 0xBEEF)
    except ProtocolError as inner:
        raise OSError(errno.EPROTO, "Protocol error") from inner
except OSError as outer:
    print(outer, "| cause:", repr(outer.__cause__), "| suppress:", outer.__suppress_context__)
