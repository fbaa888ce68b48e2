# A program's own exception classes around socket errors: raise ... from, except (A, B), re-raise.
import socket


class ProtocolError(Exception):
    pass


class BadHeader(ProtocolError):
    pass


def read_header(sock):
    data = sock.recv(8)
    if not data:
        raise ConnectionError("closed before the header")
    if not data.startswith(b"HDR:"):
        raise BadHeader(f"unexpected {data!r}")
    try:
        return int(data[4:].decode())
    except ValueError as e:
        raise ProtocolError("length is not a number") from e


def attempt(payload, close=False):
    a, b = socket.socketpair()
    try:
        if payload:
            a.sendall(payload)
        if close:
            a.close()
        b.settimeout(0.05)
        return read_header(b)
    finally:
        a.close()
        b.close()


cases = [(b"HDR:42", False), (b"HDR:xx", False), (b"GET /", False), (b"", True), (b"", False)]
for payload, close in cases:
    try:
        length = attempt(payload, close)
    except BadHeader as e:
        print("bad header:", e, "| is ProtocolError:", isinstance(e, ProtocolError))
    except ProtocolError as e:
        cause = e.__cause__
        print("protocol:", e, "| cause:", type(cause).__name__, cause)
    except (socket.timeout, ConnectionError) as e:
        print("transport:", type(e).__name__, e, e.args)
    else:
        print("length", length)

errors = []
for exc in [BadHeader("x"), ProtocolError("y", 2), TimeoutError("z"), ConnectionResetError(104, "reset")]:
    try:
        try:
            raise exc
        except ProtocolError:
            errors.append("P")
            raise
    except Exception as e:
        errors.append(f"{type(e).__name__}{e.args}")
print(errors)
print(issubclass(BadHeader, ProtocolError), issubclass(ProtocolError, BadHeader), str(ProtocolError()), repr(BadHeader("h")))
