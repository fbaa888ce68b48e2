# RealPython's multi-connection echo server and client (selectors, types.SimpleNamespace), run in one program.
import selectors
import socket
import time
import types

server_sel = selectors.DefaultSelector()
client_sel = selectors.DefaultSelector()
messages = [b"Message 1 from client.", b"Message 2 from client."]


def accept_wrapper(sock):
    conn, addr = sock.accept()  # Should be ready to read
    print(f"Accepted connection from {addr[0]}")
    conn.setblocking(False)
    data = types.SimpleNamespace(addr=addr, inb=b"", outb=b"")
    events = selectors.EVENT_READ | selectors.EVENT_WRITE
    server_sel.register(conn, events, data=data)


def service_server(key, mask):
    sock = key.fileobj
    data = key.data
    if mask & selectors.EVENT_READ:
        recv_data = sock.recv(1024)  # Should be ready to read
        if recv_data:
            data.outb += recv_data
        else:
            print(f"Closing connection to {data.addr[0]}")
            server_sel.unregister(sock)
            sock.close()
    if mask & selectors.EVENT_WRITE:
        if data.outb:
            print(f"Echoing {data.outb!r} to {data.addr[0]}")
            sent = sock.send(data.outb)  # Should be ready to write
            data.outb = data.outb[sent:]


def start_connections(server_addr, num_conns):
    for i in range(0, num_conns):
        connid = i + 1
        print(f"Starting connection {connid} to {server_addr[0]}")
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.connect_ex(server_addr)
        events = selectors.EVENT_READ | selectors.EVENT_WRITE
        data = types.SimpleNamespace(
            connid=connid,
            msg_total=sum(len(m) for m in messages),
            recv_total=0,
            messages=messages.copy(),
            outb=b"",
        )
        client_sel.register(sock, events, data=data)


def service_client(key, mask):
    sock = key.fileobj
    data = key.data
    if mask & selectors.EVENT_READ:
        recv_data = sock.recv(1024)  # Should be ready to read
        if recv_data:
            print(f"Received {recv_data!r} from connection {data.connid}")
            data.recv_total += len(recv_data)
        if not recv_data or data.recv_total == data.msg_total:
            print(f"Closing connection {data.connid}")
            client_sel.unregister(sock)
            sock.close()
    if mask & selectors.EVENT_WRITE:
        if not data.outb and data.messages:
            data.outb = data.messages.pop(0)
        if data.outb:
            print(f"Sending {data.outb!r} to connection {data.connid}")
            sent = sock.send(data.outb)  # Should be ready to write
            data.outb = data.outb[sent:]


lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
lsock.bind(("127.0.0.1", 0))
lsock.listen()
print(f"Listening on {lsock.getsockname()[0]}")
lsock.setblocking(False)
server_sel.register(lsock, selectors.EVENT_READ, data=None)

start_connections(lsock.getsockname(), 2)
for key in client_sel.get_map().values():
    print(key.data)

# The clients send everything first (the kernel completes the handshakes before accept), then
# the server accepts and echoes, then the clients read and close, then the server sees them go:
# each side's reads then see whole messages, whatever the machine's load.
rounds = 0
while any(key.data.messages or key.data.outb for key in client_sel.get_map().values()) and rounds < 100:
    rounds += 1
    for key, mask in client_sel.select(timeout=1):
        service_client(key, mask)
time.sleep(0.1)

idle = 0
while idle < 3 and rounds < 200:
    rounds += 1
    events = server_sel.select(timeout=0.05)
    if not events:
        idle += 1
    for key, mask in events:
        if key.data is None:
            accept_wrapper(key.fileobj)
        else:
            service_server(key, mask)
time.sleep(0.1)

while client_sel.get_map() and rounds < 300:
    rounds += 1
    for key, mask in client_sel.select(timeout=1):
        service_client(key, mask)
print("clients done:", len(client_sel.get_map()) == 0)

while len(server_sel.get_map()) > 1 and rounds < 400:
    rounds += 1
    for key, mask in server_sel.select(timeout=1):
        service_server(key, mask)
print("server connections left:", len(server_sel.get_map()) - 1)
server_sel.unregister(lsock)
lsock.close()
server_sel.close()
client_sel.close()
