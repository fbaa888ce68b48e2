# A single-threaded echo server driven by select.select over non-blocking sockets.
import select
import socket

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen()
listener.setblocking(False)
address = listener.getsockname()

clients = []
for i in range(3):
    c = socket.create_connection(address)
    clients.append(c)

inputs = [listener]
buffers = {}
accepted = 0
while accepted < 3:
    readable, _, _ = select.select(inputs, [], [], 1.0)
    for s in readable:
        if s is listener:
            conn, _ = s.accept()
            conn.setblocking(False)
            inputs.append(conn)
            buffers[conn] = b""
            accepted += 1
print("accepted", accepted, "watching", len(inputs))

for i, c in enumerate(clients):
    c.sendall(f"client {i} says hi".encode())
clients[1].close()

done = 0
rounds = 0
while done < 3 and rounds < 50:
    rounds += 1
    readable, writable, errored = select.select(inputs[1:], [], inputs[1:], 1.0)
    for s in readable:
        data = s.recv(1024)
        if data:
            s.sendall(data.upper())
        else:
            inputs.remove(s)
            s.close()
            done += 1
    if done == 0 and not readable:
        break
    if done == 1:
        for c in (clients[0], clients[2]):
            print(c.recv(1024))
            c.close()
        clients = []
print("closed", done, "left", len(inputs))

r, w, x = select.select([], [listener], [], 0)
print("writable listener:", len(w), "timeout select:", select.select([listener], [], [], 0.01))
listener.close()
