# Every field of the exceptions socket code meets: errno, strerror, args, str, repr, class name.
import socket

def show(label, e):
    print(f"{label}: {type(e).__name__}")
    print(f"  errno={getattr(e, 'errno', None)!r} strerror={getattr(e, 'strerror', None)!r}")
    print(f"  args={e.args!r}")
    print(f"  str={str(e)!r}")
    print(f"  repr={e!r}")

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()

attempts = [
    ("refused", lambda: socket.create_connection(("127.0.0.1", port), timeout=1)),
    ("port range", lambda: socket.socket().bind(("127.0.0.1", 70000))),
    ("bad host", lambda: socket.getaddrinfo("not an ip", 80, flags=socket.AI_NUMERICHOST)),
    ("inet_aton", lambda: socket.inet_aton("1.2.3.999")),
    ("inet_pton", lambda: socket.inet_pton(socket.AF_INET6, "::zz")),
    ("ntohs", lambda: socket.ntohs(-1)),
    ("negative timeout", lambda: socket.socket().settimeout(-1)),
    ("recv size", lambda: socket.socket().recv(-5)),
]
for label, action in attempts:
    try:
        result = action()
    except OSError as e:
        show(label, e)
        print("  is OSError subclass:", type(e) is not OSError)
    except (ValueError, OverflowError) as e:
        show(label, e)
    else:
        print(label, "returned", result)

a, b = socket.socketpair()
b.close()
try:
    a.sendall(b"data")
except ConnectionError as e:
    show("closed peer", e)
finally:
    a.close()
    print("closed:", a.fileno())

try:
    a.recv(1)
except OSError as e:
    show("closed socket", e)

e = OSError(5, "custom message")
show("constructed", e)
e = TimeoutError("timed out")
show("timeout", e)
print(isinstance(e, OSError), socket.timeout.__name__, socket.error.__name__)
