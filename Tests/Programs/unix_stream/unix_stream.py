# An AF_UNIX stream server on a path in a temporary directory.
import os
import socket
import tempfile

directory = tempfile.mkdtemp()
os.chdir(directory)
path = "server.sock"
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen(1)
print("listening on", repr(srv.getsockname()), srv.family, srv.type)
print(os.path.exists(path))

cli = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
cli.connect(path)
conn, addr = srv.accept()
print("accepted", repr(addr), repr(cli.getpeername()), repr(cli.getsockname()))
cli.sendall(b"ping\n")
print(conn.recv(100))
conn.sendall(b"pong\n")
print(cli.recv(100))

other = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try:
    other.bind(path)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    other.connect("missing.sock")
except FileNotFoundError as e:
    print("connect:", e)
try:
    other.bind("x" * 200)
except OSError as e:
    print("long path:", e)

for s in (conn, cli, srv, other):
    s.close()
os.unlink(path)
print(os.path.exists(path))

abstract = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
abstract.bind("")
name = abstract.getsockname()
print(type(name).__name__, len(name), name[:1])
abstract.close()
os.chdir("/")
os.rmdir(directory)
print(os.path.exists(directory))
