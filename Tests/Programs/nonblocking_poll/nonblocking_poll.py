# Polling non-blocking sockets by hand: BlockingIOError means "nothing yet".
import errno
import socket
import time

listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(4)
listener.setblocking(False)
print("blocking:", listener.getblocking(), "timeout:", listener.gettimeout())

try:
    listener.accept()
except BlockingIOError as e:
    print("accept:", type(e).__name__, e.errno == errno.EAGAIN, e.strerror)

client = socket.socket()
client.setblocking(False)
rc = client.connect_ex(listener.getsockname())
print("connect_ex:", errno.errorcode.get(rc, rc))

conn = None
for _ in range(200):
    try:
        conn, peer = listener.accept()
        break
    except BlockingIOError:
        time.sleep(0.01)
print("accepted:", conn is not None, conn.getblocking())
conn.setblocking(False)

try:
    data = conn.recv(100)
except BlockingIOError as e:
    print("recv:", e.args)
else:
    print("unexpected", data)

messages = [b"one", b"two", b"three"]
for m in messages:
    while True:
        try:
            client.send(m + b";")
            break
        except BlockingIOError:
            time.sleep(0.01)

received = b""
deadline = time.monotonic() + 2
while received.count(b";") < len(messages) and time.monotonic() < deadline:
    try:
        chunk = conn.recv(4)
    except BlockingIOError:
        time.sleep(0.005)
        continue
    received += chunk
parts = [p.decode() for p in received.split(b";") if p]
print("parts:", parts, "joined:", "+".join(parts))

client.close()
for _ in range(200):
    try:
        data = conn.recv(10)
    except BlockingIOError:
        time.sleep(0.01)
        continue
    print("eof:", data, data == b"")
    break

filled = 0
a, b = socket.socketpair()
a.setblocking(False)
try:
    while True:
        filled += a.send(b"\0" * 4096)
except BlockingIOError as e:
    print("buffer full:", filled > 0, isinstance(e, OSError), e.errno == errno.EWOULDBLOCK)
for s in (a, b, conn, listener):
    s.close()
