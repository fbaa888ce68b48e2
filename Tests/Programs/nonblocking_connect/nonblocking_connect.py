# A non-blocking connect with connect_ex, polled until it completes.
import errno
import socket
import time

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
addr = srv.getsockname()

c = socket.socket()
c.setblocking(False)
print("timeout", c.gettimeout(), "blocking", c.getblocking())
err = c.connect_ex(addr)
print("first connect_ex:", err in (0, errno.EINPROGRESS))
attempts = 0
while err != errno.EISCONN and err != 0 and attempts < 100:
    time.sleep(0.01)
    err = c.connect_ex(addr)
    attempts += 1
print("connected:", errno.errorcode.get(err, "OK"))
print("SO_ERROR", c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
conn, peer = srv.accept()
try:
    c.recv(10)
except BlockingIOError as e:
    print("nothing yet:", errno.errorcode[e.errno], e)
conn.sendall(b"data")
data = None
while data is None and attempts < 200:
    try:
        data = c.recv(10)
    except BlockingIOError:
        time.sleep(0.01)
        attempts += 1
print(data)
conn.close()
c.close()

srv.close()
refused = socket.socket()
refused.setblocking(False)
err = refused.connect_ex(addr)
while err in (errno.EINPROGRESS, errno.EALREADY) and attempts < 300:
    time.sleep(0.01)
    err = refused.connect_ex(addr)
    attempts += 1
print("refused:", errno.errorcode.get(err), err == errno.ECONNREFUSED)
refused.close()
