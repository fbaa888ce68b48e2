# A netcat clone: `netcat.py HOST PORT` sends standard input and prints what comes back;
# `netcat.py -l PORT` accepts one connection on loopback and prints what it receives.
# With no arguments it listens on a free loopback port and talks to itself.
import socket
import sys
import threading


def listen(srv):
    conn, _ = srv.accept()
    received = b""
    while True:
        chunk = conn.recv(4096)
        if not chunk:
            break
        received += chunk
    sys.stdout.write(received.decode())
    conn.sendall(b"got %d bytes\n" % len(received))
    conn.close()


def connect(host, port, data):
    s = socket.create_connection((host, port))
    s.sendall(data)
    s.shutdown(socket.SHUT_WR)
    while True:
        chunk = s.recv(4096)
        if not chunk:
            break
        sys.stdout.write(chunk.decode())
    s.close()


args = sys.argv[1:]
if len(args) == 2 and args[0] == "-l":
    srv = socket.create_server(("127.0.0.1", int(args[1])))
    listen(srv)
    srv.close()
elif len(args) == 2:
    connect(args[0], int(args[1]), sys.stdin.buffer.read())
else:
    srv = socket.create_server(("127.0.0.1", 0))
    t = threading.Thread(target=listen, args=(srv,))
    t.start()
    connect("127.0.0.1", srv.getsockname()[1], b"GET / HTTP/1.0\nHello, netcat\n")
    t.join()
    srv.close()
