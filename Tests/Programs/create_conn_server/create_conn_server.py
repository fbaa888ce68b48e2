# create_server and create_connection, the helpers most programs start with.
import socket

srv = socket.create_server(("127.0.0.1", 0), backlog=4)
print(srv.family, srv.type, srv.gettimeout())
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
addr = srv.getsockname()

c = socket.create_connection(addr, timeout=2)
print("client timeout", c.gettimeout())
conn, peer = srv.accept()
print("accepted timeout", conn.gettimeout(), peer == c.getsockname())
c.sendall(b"made by create_connection")
print(conn.recv(100))
conn.close()
c.close()

c2 = socket.create_connection(("127.0.0.1", addr[1]), source_address=("127.0.0.1", 0))
conn, peer = srv.accept()
print("source", c2.getsockname()[0], peer[0])
conn.close()
c2.close()
srv.close()

try:
    socket.create_connection(addr, timeout=1)
except ConnectionRefusedError as e:
    print("refused:", e)

try:
    socket.create_connection(addr, timeout=1, all_errors=True)
except ExceptionGroup as eg:
    print("group:", eg)
    print([type(e).__name__ for e in eg.exceptions])

print("dualstack", socket.has_dualstack_ipv6())
six = socket.create_server(("::1", 0), family=socket.AF_INET6)
print(six.family, six.getsockname()[0])
c6 = socket.create_connection(("::1", six.getsockname()[1]))
conn, peer = six.accept()
print(peer[0], len(peer))
for s in (conn, c6, six):
    s.close()

busy = socket.create_server(("127.0.0.1", 0))
try:
    socket.create_server(busy.getsockname())
except OSError as e:
    print("create_server:", type(e).__name__, e.errno, e.__cause__, e.__suppress_context__)
busy.close()
