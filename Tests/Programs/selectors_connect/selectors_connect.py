# A non-blocking connect finished by waiting for EVENT_WRITE and reading SO_ERROR; then a refused one.
import errno
import selectors
import socket

listener = socket.create_server(("127.0.0.1", 0))
addr = listener.getsockname()
sel = selectors.DefaultSelector()

s = socket.socket()
s.setblocking(False)
err = s.connect_ex(addr)
print("connect_ex:", errno.errorcode.get(err, "0"))
key = sel.register(s, selectors.EVENT_WRITE)
events = sel.select(1.0)
print("ready:", len(events), events[0][1] == selectors.EVENT_WRITE, events[0][0].fileobj is s)
print("SO_ERROR:", s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
print("connected to the listener:", s.getpeername() == addr)

key = sel.modify(s, selectors.EVENT_READ, data="waiting for a greeting")
print("modified:", key.events, key.data)
print("nothing to read yet:", sel.select(0.05))
conn, _ = listener.accept()
conn.sendall(b"welcome")
for key, mask in sel.select(1.0):
    print(key.data, "->", mask, key.fileobj.recv(100))
sel.unregister(s)
s.close()
conn.close()

listener.close()
s2 = socket.socket()
s2.setblocking(False)
err = s2.connect_ex(addr)
print("connect_ex to a closed port:", errno.errorcode.get(err, "0"))
sel.register(s2, selectors.EVENT_WRITE | selectors.EVENT_READ, data=addr[0])
for key, mask in sel.select(1.0):
    print("ready mask:", mask, "for", key.data)
    err = key.fileobj.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    print("SO_ERROR:", errno.errorcode[err])
    try:
        key.fileobj.send(b"x")
    except OSError as e:
        print(type(e).__name__, e.errno == errno.EPIPE or e.errno == errno.ENOTCONN)
sel.unregister(s2)
s2.close()
try:
    sel.unregister(s2)
except ValueError as e:
    print("ValueError:", e)
sel.close()
try:
    sel.get_key(s2)
except RuntimeError as e:
    print("RuntimeError:", e)
