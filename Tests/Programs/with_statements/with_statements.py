# with-statements close sockets on every way out of the block.
import socket

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind(("127.0.0.1", 0))
    print("inside", s.fileno() >= 0, s.getsockname()[0])
print("after", s.fileno())
print(repr(s))

try:
    with socket.socket() as s2:
        s2.connect(("127.0.0.1", 1))
except ConnectionRefusedError as e:
    print("raised", e)
print("closed too", s2.fileno())

with socket.create_server(("127.0.0.1", 0)) as srv:
    with socket.create_connection(srv.getsockname()) as c:
        conn, _ = srv.accept()
        with conn:
            c.sendall(b"in nested with")
            print(conn.recv(100))
        print("conn", conn.fileno())
    print("client", c.fileno())
print("server", srv.fileno())

def first_line(sock):
    with sock.makefile("rb") as f:
        return f.readline()

a, b = socket.socketpair()
with a, b:
    b.sendall(b"line one\nline two\n")
    print(first_line(a))
    print(a.fileno() >= 0)
print(a.fileno(), b.fileno())

try:
    with socket.socket() as s3:
        raise RuntimeError("boom")
except RuntimeError as e:
    print("RuntimeError", e, s3.fileno())
