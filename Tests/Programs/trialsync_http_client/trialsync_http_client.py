# A tiny HTTP/1.1 client over create_connection, against a canned server in a thread.
import socket
import threading

RESPONSES = [
    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 12\r\nX-Trace: abc\r\n\r\nhello, world",
    b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found",
    b"HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n",
]


def canned_server(srv):
    for body in RESPONSES:
        conn, _ = srv.accept()
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = conn.recv(1024)
            if not chunk:
                break
            request += chunk
        first = request.split(b"\r\n", 1)[0]
        print("server saw:", first)
        for i in range(0, len(body), 10):     # dribble the response
            conn.send(body[i:i + 10])
        conn.close()


class HTTPResponse:
    def __init__(self, status, reason, headers, body):
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body

    def __repr__(self):
        return "<HTTPResponse %d %s, %d headers, %d bytes>" % (
            self.status, self.reason, len(self.headers), len(self.body))


def http_get(address, path):
    with socket.create_connection(address, timeout=3) as sock:
        request = "GET {} HTTP/1.1\r\nHost: {}:{}\r\nConnection: close\r\n\r\n".format(path, *address)
        sock.sendall(request.encode())
        data = b""
        while True:
            chunk = sock.recv(7)
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("iso-8859-1").split("\r\n")
    version, status, reason = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, value = line.split(":", 1)
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", len(body)))
    return HTTPResponse(int(status), reason, headers, body[:length])


srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
t = threading.Thread(target=canned_server, args=(srv,))
t.start()
host, port = srv.getsockname()
for path in ["/", "/missing", "/old"]:
    resp = http_get((host, port), path)
    print(resp)
    print("  status:", resp.status, resp.reason, "ok" if 200 <= resp.status < 300 else "not ok")
    for name, value in sorted(resp.headers.items()):
        print(f"  {name:>15}: {value}")
    print("  body:", resp.body, resp.body.decode().title())
    if "location" in resp.headers:
        print("  redirect to", repr(resp.headers["location"]))
t.join()
srv.close()
try:
    http_get((host, port), "/")
except ConnectionRefusedError as e:
    print("after close:", e.__class__.__name__, e.args)
