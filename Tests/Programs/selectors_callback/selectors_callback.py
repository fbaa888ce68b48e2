# The selectors documentation's callback echo server, driven by clients in the same program.
import selectors
import socket

sel = selectors.DefaultSelector()


def accept(sock, mask):
    conn, addr = sock.accept()  # Should be ready
    print('accepted from', addr[0], 'mask', mask)
    conn.setblocking(False)
    sel.register(conn, selectors.EVENT_READ, read)


def read(conn, mask):
    data = conn.recv(1000)  # Should be ready
    if data:
        print('echoing', repr(data))
        conn.send(data)  # Hope it won't block
    else:
        print('closing', conn.family.name)
        sel.unregister(conn)
        conn.close()


def run_once(timeout):
    events = sel.select(timeout)
    for key, mask in events:
        callback = key.data
        callback(key.fileobj, mask)
    return len(events)


sock = socket.socket()
sock.bind(('127.0.0.1', 0))
sock.listen(100)
sock.setblocking(False)
key = sel.register(sock, selectors.EVENT_READ, accept)
print('listening:', key.fd == sock.fileno(), key.events, key.fileobj is sock)

clients = []
for i in range(3):
    c = socket.create_connection(sock.getsockname(), timeout=2)
    clients.append(c)
rounds = 0
while len(sel.get_map()) < 4 and rounds < 20:
    rounds += 1
    run_once(1.0)
print('registered', len(sel.get_map()))

for i, c in enumerate(clients):
    c.sendall(f'hello {i}'.encode())
    print('events', run_once(1.0))
    print('client', i, 'got', c.recv(1024))

clients[1].close()
print('events', run_once(1.0))
print('registered', len(sel.get_map()))
for c in clients[0], clients[2]:
    c.close()
rounds = 0
while len(sel.get_map()) > 1 and rounds < 20:
    rounds += 1
    run_once(1.0)
print('registered', len(sel.get_map()), 'idle events', run_once(0))
sel.unregister(sock)
sock.close()
sel.close()
print('done')
