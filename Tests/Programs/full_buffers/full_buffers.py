# Filling a socket's buffers: non-blocking sends, a sendall that times out, MSG_DONTWAIT.
import socket

a, b = socket.socketpair()
a.setblocking(False)
chunk = b"x" * 65536
total = 0
while True:
    try:
        total += a.send(chunk)
    except BlockingIOError as e:
        print("full after some bytes:", total > 0, e.errno)
        break
a.settimeout(0.2)
try:
    a.sendall(chunk * 16)
except TimeoutError as e:
    print("sendall:", e)
received = 0
while True:
    try:
        data = b.recv(1 << 20, socket.MSG_DONTWAIT)
    except BlockingIOError as e:
        print("drained:", e)
        break
    received += len(data)
print(received >= total)
b.settimeout(0.1)
try:
    b.recv(1)
except socket.timeout as e:
    print("recv:", e)
a.close()
try:
    print(b.recv(1, socket.MSG_DONTWAIT))
except OSError as e:
    print("after close:", e)
b.close()
