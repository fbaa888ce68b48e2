# An HTTP/1.0 GET: a tiny server in a thread answers each request; the client reads each response to EOF.
import socket
import threading

PAGE = b"<html><body>Hello from a socket</body></html>\n"


def http_server(srv, requests):
    for _ in range(requests):
        conn, _ = srv.accept()
        request = b""
        while not request.endswith(b"\r\n\r\n"):
            chunk = conn.recv(1024)
            if not chunk:
                break
            request += chunk
        method, _, rest = request.partition(b" ")
        path, _, _ = rest.partition(b" ")
        status, body = b"200 OK", PAGE
        if method != b"GET" or path != b"/":
            status, body = b"404 Not Found", b"no such page: " + path + b"\n"
        header = b"HTTP/1.0 %s\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % (status, len(body))
        conn.sendall(header + body)
        conn.close()


def http_get(host, port, path):
    s = socket.create_connection((host, port), timeout=5)
    s.sendall(b"GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n" % path)
    response = b""
    while True:
        chunk = s.recv(4096)
        if not chunk:
            break
        response += chunk
    s.close()
    return response


srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
t = threading.Thread(target=http_server, args=(srv, 2))
t.start()
for path in [b"/", b"/missing"]:
    response = http_get("127.0.0.1", port, path)
    head, _, body = response.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    print("GET", path.decode(), "->", lines[0].decode())
    for line in lines[1:]:
        print("   ", line.decode())
    print("    body:", body)
t.join()
srv.close()
