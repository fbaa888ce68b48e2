# A chat room on select: every line a client sends goes to the others; queues per client.
import select
import socket
import sys
from collections import defaultdict, deque

server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(5)
server.setblocking(False)

names = ["alice", "bob", "carol"]
clients = {name: socket.create_connection(server.getsockname()) for name in names}
peers = {}
outbox = defaultdict(deque)
said = defaultdict(int)

while len(peers) < len(names):
    ready, _, _ = select.select([server], [], [], 2)
    for s in ready:
        conn, _ = s.accept()
        conn.setblocking(False)
        peers[conn] = None
print("connected:", len(peers))

for name, sock in clients.items():
    sock.sendall(f"NICK {name}\n".encode())
clients["alice"].sendall(b"hello all\n")
clients["bob"].sendall(b"hi alice\nhow are you?\n")

rounds = 0
delivered = 0
while delivered < 6 and rounds < 100:
    rounds += 1
    writers = [c for c in peers if outbox[c]]
    readable, writable, _ = select.select(list(peers), writers, [], 0.5)
    for conn in readable:
        data = conn.recv(4096)
        for line in data.decode().splitlines():
            if line.startswith("NICK "):
                peers[conn] = line[5:]
                continue
            said[peers[conn]] += 1
            for other in peers:
                if other is not conn:
                    outbox[other].append(f"<{peers[conn]}> {line}\n")
    for conn in writable:
        while outbox[conn]:
            conn.sendall(outbox[conn].popleft().encode())
            delivered += 1

for name in names:
    sock = clients[name]
    sock.settimeout(1)
    got = b""
    while got.count(b"\n") < (3 if name == "carol" else 2 if name == "alice" else 1):
        got += sock.recv(1024)
    print(name, "got", *got.decode().splitlines(), sep=" | ")

print("said:", dict(said), "delivered:", delivered)
print("queues empty:", all(not q for q in outbox.values()), file=sys.stderr)
top = max(said.items(), key=lambda kv: kv[1])
print("most talkative: %s (%d lines)" % top)
for s in list(clients.values()) + list(peers):
    s.close()
server.close()
