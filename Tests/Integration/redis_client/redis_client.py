# A Redis client: RESP over TCP (IPv4, IPv6) and the server's unix socket, with a pipeline.
import socket
import sys


class RedisError(Exception):
    pass


def encode(args):
    parts = [b"*%d\r\n" % len(args)]
    for arg in args:
        parts.append(b"$%d\r\n%b\r\n" % (len(arg), arg))
    return b"".join(parts)


def read_reply(f):
    line = f.readline()
    if not line.endswith(b"\r\n"):
        raise ConnectionError("connection closed: %r" % line)
    kind, rest = line[:1], line[1:-2]
    if kind == b"+":
        return rest
    if kind == b"-":
        raise RedisError(rest.decode())
    if kind == b":":
        return int(rest)
    if kind == b"$":
        n = int(rest)
        if n < 0:
            return None
        return f.read(n + 2)[:-2]
    if kind == b"*":
        n = int(rest)
        if n < 0:
            return None
        return [read_reply(f) for _ in range(n)]
    raise RedisError("bad reply %r" % line)


def call(sock, f, *args):
    sock.sendall(encode(args))
    return read_reply(f)


def session(sock, label):
    f = sock.makefile("rb")
    print(label, "PING", call(sock, f, b"PING"))
    print(label, "SET", call(sock, f, b"SET", b"greeting:" + label.encode(), "héllo wörld".encode()))
    value = call(sock, f, b"GET", b"greeting:" + label.encode())
    print(label, "GET", value, value.decode())
    print(label, "GET missing", call(sock, f, b"GET", b"missing:key"))
    print(label, "DEL", call(sock, f, b"DEL", b"counter:" + label.encode()))
    print(label, "INCRBY", call(sock, f, b"INCRBY", b"counter:" + label.encode(), b"%d" % 41))
    print(label, "INCR", call(sock, f, b"INCR", b"counter:" + label.encode()))
    call(sock, f, b"DEL", b"list:" + label.encode())
    print(label, "RPUSH", call(sock, f, b"RPUSH", b"list:" + label.encode(), b"a", b"bc", b"", b"\x00\xff"))
    print(label, "LRANGE", call(sock, f, b"LRANGE", b"list:" + label.encode(), b"0", b"-1"))
    try:
        call(sock, f, b"INCR", b"list:" + label.encode())
    except RedisError as e:
        print(label, "error", e)
    info = call(sock, f, b"INFO", b"server")
    print(label, "INFO", "has" if b"redis_version:" in info else "lacks", "redis_version")
    for line in info.splitlines():
        key, sep, value = line.partition(b":")
        if key in (b"redis_mode", b"tcp_port", b"arch_bits"):
            print(label, "INFO", key.decode(), value)
    f.close()


def pipeline(sock, n):
    f = sock.makefile("rb")
    total = 0
    sock.sendall(b"".join(encode([b"SET", b"k:%d" % i, b"v" * (i % 50)]) for i in range(n)))
    for i in range(n):
        if read_reply(f) != b"OK":
            raise RedisError("SET failed")
    batch = [encode([b"GET", b"k:%d" % i]) for i in range(n)]
    sock.sendall(b"".join(batch))
    for i in range(n):
        total += len(read_reply(f))
    f.close()
    return total


def main():
    port = int(sys.argv[1])
    path = sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    with socket.create_connection(("127.0.0.1", port)) as sock:
        f = sock.makefile("rb")
        print("FLUSHALL", call(sock, f, b"FLUSHALL"))
        f.close()
        session(sock, "tcp4")
        print("pipeline", n, pipeline(sock, n))
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
        sock.connect(("::1", port, 0, 0))
        session(sock, "tcp6")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(path)
        session(sock, "unix")
    try:
        socket.create_connection(("127.0.0.1", 1), timeout=2)
    except ConnectionRefusedError as e:
        print("refused", e.errno, e)


main()
