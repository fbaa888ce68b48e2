# An HTTP/1.0 server on loopback: parse the request line and headers, answer, log; a client that reads it all.
import socket
import threading
from collections import Counter

ROUTES = {"/": b"<h1>home</h1>", "/hello": b"hello, world\n"}
status_counts = Counter()


def parse_request(raw):
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("iso-8859-1").split("\r\n")
    method, path, version = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return method, path, version, headers, body


def handle(conn):
    with conn, conn.makefile("rb") as rfile:
        raw = b""
        while not raw.endswith(b"\r\n\r\n"):
            line = rfile.readline()
            if not line:
                break
            raw += line
        method, path, version, headers, _ = parse_request(raw)
        body = ROUTES.get(path)
        if method != "GET":
            status, body = "405 Method Not Allowed", b""
        elif body is None:
            status, body = "404 Not Found", b"no such page: " + path.encode()
        else:
            status = "200 OK"
        status_counts[status.split()[0]] += 1
        agent = headers.get("user-agent", "-")
        print(f'{method} {path} {version} "{agent}" -> {status[:3]} {len(body)}')
        response = f"HTTP/1.0 {status}\r\nContent-Length: {len(body)}\r\nContent-Type: text/plain\r\n\r\n"
        conn.sendall(response.encode("ascii") + body)


def serve(listener, count):
    for _ in range(count):
        conn, _ = listener.accept()
        handle(conn)


def fetch(address, method, path, agent=None):
    with socket.create_connection(address) as s:
        request = f"{method} {path} HTTP/1.0\r\nHost: localhost\r\n"
        if agent:
            request += f"User-Agent: {agent}\r\n"
        s.sendall((request + "\r\n").encode())
        chunks = []
        while chunk := s.recv(7):
            chunks.append(chunk)
    response = b"".join(chunks)
    status_line, _, rest = response.partition(b"\r\n")
    _, _, _, headers, body = parse_request(b"X / Y\r\n" + rest)
    return status_line.decode(), int(headers["content-length"]), body


requests = [("GET", "/", "curl/8.0"), ("GET", "/hello", None), ("GET", "/missing", "test"), ("POST", "/", None), ("GET", "/hello", "py")]
listener = socket.create_server(("127.0.0.1", 0))
worker = threading.Thread(target=serve, args=(listener, len(requests)), daemon=True)
worker.start()
for method, path, agent in requests:
    status, length, body = fetch(listener.getsockname(), method, path, agent)
    print("  client:", status, length, body)
worker.join(timeout=5)
listener.close()
print(sorted(status_counts.items()), status_counts.most_common(1), sum(status_counts.values()))
