# A non-blocking line server over select.select: per-client input and output buffers, uppercase echo.
import errno
import select
import socket

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen(8)
listener.setblocking(False)
address = listener.getsockname()

inbuf = {}
outbuf = {}
names = {}
stats = {"accepted": 0, "lines": 0, "bytes_in": 0, "closed": 0}

clients = []
for i in range(3):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.setblocking(False)
    rc = c.connect_ex(address)
    print(f"client {i} connect_ex -> {errno.errorcode.get(rc, rc)}")
    clients.append(c)

script = [b"hello\nwor", b"ld\n", b"partial", b" line\nbye\n"]
step = 0
replies = {i: b"" for i in range(len(clients))}
rounds = 0
while rounds < 200:
    rounds += 1
    readers = [listener] + list(inbuf)
    writers = [s for s in outbuf if outbuf[s]]
    readable, writable, _ = select.select(readers, writers, [], 0.5)
    for s in readable:
        if s is listener:
            conn, addr = listener.accept()
            conn.setblocking(False)
            inbuf[conn] = b""
            outbuf[conn] = b""
            names[conn] = "peer%d" % stats["accepted"]
            stats["accepted"] += 1
            continue
        data = s.recv(4)
        if not data:
            stats["closed"] += 1
            del inbuf[s], outbuf[s]
            s.close()
            continue
        stats["bytes_in"] += len(data)
        inbuf[s] += data
        while b"\n" in inbuf[s]:
            line, inbuf[s] = inbuf[s].split(b"\n", 1)
            stats["lines"] += 1
            outbuf[s] += names[s].encode() + b": " + line.upper() + b"\n"
    for s in writable:
        if s in outbuf:
            n = s.send(outbuf[s])
            outbuf[s] = outbuf[s][n:]
    if stats["accepted"] == len(clients) and step < len(script):
        for c in clients:
            c.send(script[step])
        step += 1
    for i, c in enumerate(clients):
        try:
            replies[i] += c.recv(1024)
        except BlockingIOError:
            pass
    if all(r.count(b"\n") == 4 for r in replies.values()):
        break

print("done after a few rounds:", rounds < 50)
for i, r in sorted(replies.items()):
    print(i, r.decode().splitlines())
for c in clients:
    c.close()
while inbuf:
    readable, _, _ = select.select(list(inbuf), [], [], 1.0)
    for s in readable:
        if s.recv(100) == b"":
            stats["closed"] += 1
            del inbuf[s], outbuf[s]
            s.close()
listener.close()
print(stats)
print(", ".join(f"{k}={v}" for k, v in sorted(stats.items(), key=lambda kv: -kv[1])))
