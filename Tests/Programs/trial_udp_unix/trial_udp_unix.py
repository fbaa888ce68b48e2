import os
import socket
import tempfile

server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))
server.settimeout(1.0)
addr = server.getsockname()

client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.settimeout(1.0)
for i in range(3):
    n = client.sendto(f"ping {i}".encode(), addr)
    data, who = server.recvfrom(1024)
    server.sendto(data.replace(b"ping", b"pong"), who)
    reply, frm = client.recvfrom(1024)
    print(n, data, reply, frm == addr, who == client.getsockname())

server.settimeout(0.1)
try:
    server.recvfrom(1024)
except TimeoutError as e:
    print("no datagram:", e)

client.close()
server.close()

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "echo.sock")
us = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
us.bind(path)
us.listen(1)
print("unix name is path:", us.getsockname() == path)
print("exists:", os.path.exists(path))

uc = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
uc.connect(path)
conn, peer = us.accept()
print("peer", repr(peer), "family", conn.family)
uc.sendall(b"over unix")
print(conn.recv(100))
conn.close()
print("after close:", uc.recv(100))
uc.close()

try:
    again = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    again.bind(path)
except OSError as e:
    print("bind again:", type(e).__name__, e.errno, e.strerror)
    again.close()

us.close()
os.unlink(path)
try:
    c2 = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    c2.connect(path)
except FileNotFoundError as e:
    print("gone:", e.errno, e.strerror)
    c2.close()
os.rmdir(tmp)
print("cleaned:", not os.path.exists(tmp))

d = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
try:
    d.sendto(b"x", "/nonexistent/dir/sock")
except OSError as e:
    print(type(e).__name__, e)
d.close()
