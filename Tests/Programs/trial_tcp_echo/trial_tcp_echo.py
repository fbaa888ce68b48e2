import socket
import threading

def handle(conn, addr):
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data.upper())

def serve(srv, count):
    for _ in range(count):
        conn, addr = srv.accept()
        t = threading.Thread(target=handle, args=(conn, addr))
        t.start()
        t.join()

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(5)
port = srv.getsockname()[1]
server_thread = threading.Thread(target=serve, args=(srv, 2), daemon=True)
server_thread.start()

for msg in [b"hello", b"second line"]:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
        print("peer is server:", c.getpeername() == ("127.0.0.1", port))
        c.sendall(msg)
        c.shutdown(socket.SHUT_WR)
        chunks = []
        while True:
            part = c.recv(4)
            if not part:
                break
            chunks.append(part)
        reply = b"".join(chunks)
        print("sent", msg, "got", reply, len(reply))

server_thread.join(timeout=5)
print("server done:", not server_thread.is_alive())

# a server that never answers: the client times out
quiet = socket.create_server(("127.0.0.1", 0))
c = socket.socket()
c.settimeout(0.2)
c.connect(quiet.getsockname())
try:
    c.recv(10)
except socket.timeout as e:
    print("timeout:", e, type(e).__name__, repr(e), e.errno)
except OSError as e:
    print("other", e)
print(isinstance(socket.timeout(), TimeoutError))
c.close()
quiet.close()

srv.close()
try:
    socket.create_connection(("127.0.0.1", port), timeout=1)
except ConnectionRefusedError as e:
    print("refused:", e.errno, e.strerror, e)
    print(repr(e))
