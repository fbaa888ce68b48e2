# A class wrapping an AF_UNIX socket as a context manager; a request/response service in a temp dir.
import os
import socket
import tempfile
import threading


class Connection:
    """A framed connection: each message is a 2-byte big-endian length and the payload."""

    def __init__(self, sock):
        self.sock = sock
        self.sent = 0
        self.received = 0

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"    closing {self.name()} (exception: {exc_type.__name__ if exc_type else None})")
        self.sock.close()
        return False

    def name(self):
        return "client" if self.sock.getsockname() == "" else os.path.basename(self.sock.getsockname())

    def send(self, payload):
        self.sock.sendall(len(payload).to_bytes(2, "big") + payload)
        self.sent += 1

    def recv(self):
        header = self._exact(2)
        if header is None:
            return None
        self.received += 1
        return self._exact(int.from_bytes(header, "big"))

    def _exact(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                if data:
                    raise ConnectionError("short read")
                return None
            data += chunk
        return data


def serve(listener, ready):
    ready.set()
    conn, peer = listener.accept()
    with Connection(conn) as c:
        while (msg := c.recv()) is not None:
            if c.received == 1:
                print("    server accepted from", repr(peer))
            words = msg.decode().split()
            c.send(" ".join(reversed(words)).encode())
        print(f"    server: {c.received} in, {c.sent} out")


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "svc.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(1)
    print("listening:", os.path.basename(listener.getsockname()), os.path.exists(path))
    print("family/type:", listener.family, listener.type, repr(listener.family))
    ready = threading.Event()
    t = threading.Thread(target=serve, args=(listener, ready))
    t.start()
    ready.wait(1)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(path)
    print("peer name:", os.path.basename(sock.getpeername()), "own name:", repr(sock.getsockname()))
    try:
        with Connection(sock) as c:
            for text in ["one two three", "hello unix world", "", "x" * 300]:
                c.send(text.encode())
                reply = c.recv()
                shown = reply if len(reply) < 40 else reply[:10] + b"..." + str(len(reply)).encode()
                print(f"  {text[:20]!r:<24} -> {shown!r}")
            raise RuntimeError("client is done")
    except RuntimeError as e:
        t.join()
        print("client stopped:", e)
    listener.close()
    print("socket file left behind:", os.path.exists(path))
    os.unlink(path)
    print("after unlink:", os.listdir(tmp))
    bad = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        bad.connect(path)
    except FileNotFoundError as e:
        print("connect to removed path:", e.errno, e.strerror)
    finally:
        bad.close()
    try:
        bad.bind(os.path.join(tmp, "p" * 200))
    except OSError as e:
        print(type(e).__name__, e)
