# Send 2 MiB with sendall while a thread receives it, and check the sum.
import socket
import threading

payload = bytes(range(256)) * 8192
print(len(payload), sum(payload))
a, b = socket.socketpair()
a.settimeout(10)
b.settimeout(10)
result = []

def receive():
    total = 0
    count = 0
    while True:
        chunk = b.recv(65536)
        if not chunk:
            break
        count += len(chunk)
        total += sum(chunk)
    result.append((count, total))

t = threading.Thread(target=receive)
t.start()
a.sendall(payload)
a.shutdown(socket.SHUT_WR)
t.join()
print(result)
print(result[0] == (len(payload), sum(payload)))
a.close()
b.close()
