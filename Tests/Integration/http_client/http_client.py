# An HTTP/1.1 client: keep-alive GETs over one connection, Content-Length and chunked bodies.
import socket
import sys

SHOWN = [b"content-type", b"content-length", b"transfer-encoding", b"connection", b"server"]


def get(sock, f, path):
    sock.sendall(b"GET %b HTTP/1.1\r\nHost: localhost\r\nUser-Agent: pysocket-test\r\n\r\n" % path)
    status = f.readline(65537)
    version, code, reason = status.rstrip(b"\r\n").split(b" ", 2)
    headers = {}
    while True:
        line = f.readline(65537)
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip()
    if headers.get(b"transfer-encoding") == b"chunked":
        chunks = []
        while True:
            size_line = f.readline(65537)
            size = int(size_line.split(b";", 1)[0], 16)
            if size == 0:
                while f.readline(65537) not in (b"\r\n", b"\n", b""):
                    pass
                break
            chunks.append(f.read(size))
            f.readline(65537)
        body = b"".join(chunks)
        shape = "chunked %d" % len(chunks)
    else:
        body = f.read(int(headers[b"content-length"]))
        shape = "length"
    return version, int(code), reason, headers, body, shape


def show(sock, f, path):
    version, code, reason, headers, body, shape = get(sock, f, path)
    print(path.decode(), version.decode(), code, reason.decode(), shape, len(body))
    for name in SHOWN:
        if name in headers:
            print("  ", name.decode(), headers[name])
    first = body.splitlines()[0].decode("utf-8", "replace") if body else ""
    print("  first line:", first)
    print("  tail:", body[-12:])
    return body


def main():
    port = int(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    with socket.create_connection(("127.0.0.1", port)) as sock:
        f = sock.makefile("rb")
        show(sock, f, b"/index.html")
        show(sock, f, b"/chunked/page.html")
        show(sock, f, b"/data/utf8.txt")
        show(sock, f, b"/missing")
        total = 0
        for i in range(n):
            version, code, reason, headers, body, shape = get(sock, f, b"/small.txt")
            total += code + len(body)
        print("keep-alive", n, total)
        f.close()
    with socket.create_connection(("::1", port)) as sock:
        f = sock.makefile("rb")
        body = show(sock, f, b"/chunked/page.html")
        print("count of PySocket:", body.count(b"PySocket"), "found" if b"PySocket" in body else "absent")
        f.close()


main()
