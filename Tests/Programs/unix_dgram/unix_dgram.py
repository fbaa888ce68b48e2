# AF_UNIX datagram sockets: named, autobound and unnamed senders.
import os
import socket
import tempfile

directory = tempfile.mkdtemp()
os.chdir(directory)
server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
server.bind("server.sock")

named = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
named.bind("client.sock")
named.sendto(b"from a named socket", "server.sock")
data, addr = server.recvfrom(100)
print(data, repr(addr))
server.sendto(b"reply", addr)
print(named.recvfrom(100))

unnamed = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
unnamed.sendto(b"anonymous", "server.sock")
data, addr = server.recvfrom(100)
print(data, repr(addr), addr is None)
print(repr(unnamed.getsockname()))

auto = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
auto.bind("")
auto.sendto(b"autobound", "server.sock")
data, addr = server.recvfrom(100)
print(data, type(addr).__name__, len(addr), addr[:1], addr == auto.getsockname())
server.sendto(b"to an abstract name", addr)
print(auto.recv(100))

abstract = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
try:
    abstract.sendto(b"x", "nobody.sock")
except FileNotFoundError as e:
    print(e)
try:
    abstract.sendto(b"x", b"\0pysocket-programs-nobody-listens")
except ConnectionRefusedError as e:
    print(e)

for s in (server, named, unnamed, auto, abstract):
    s.close()
for name in sorted(os.listdir(".")):
    os.unlink(name)
    print("removed", name)
os.chdir("/")
os.rmdir(directory)
print(os.path.exists(directory))
