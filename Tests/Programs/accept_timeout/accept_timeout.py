# A server loop that wakes up on a timeout, and what accepted sockets inherit.
import socket

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(0.05)
for attempt in range(3):
    try:
        srv.accept()
    except socket.timeout as e:
        print("attempt", attempt, "timed out:", e)

c = socket.create_connection(srv.getsockname())
conn, addr = srv.accept()
print("listener", srv.gettimeout(), "accepted", conn.gettimeout(), conn.getblocking())
conn.close()
c.close()

srv.setblocking(False)
try:
    srv.accept()
except BlockingIOError as e:
    print("non-blocking accept:", e)
c = socket.create_connection(srv.getsockname())
conn = None
while conn is None:
    try:
        conn, addr = srv.accept()
    except BlockingIOError:
        pass
print("accepted", conn.gettimeout(), conn.getblocking())
conn.close()
c.close()

socket.setdefaulttimeout(0.5)
srv.settimeout(None)
c = socket.create_connection(srv.getsockname())
conn, addr = srv.accept()
print("with a default timeout", conn.gettimeout(), c.gettimeout())
socket.setdefaulttimeout(None)
conn.close()
c.close()
srv.close()
