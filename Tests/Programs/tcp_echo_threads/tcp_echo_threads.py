# A TCP echo server in a thread and a few clients, on 127.0.0.1.
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(5)
port = srv.getsockname()[1]
served = []

def serve(count):
    for i in range(count):
        conn, addr = srv.accept()
        total = 0
        while True:
            data = conn.recv(4)
            if not data:
                break
            conn.sendall(data.upper())
            total += len(data)
        served.append((addr[0], total))
        conn.close()

t = threading.Thread(target=serve, args=(3,))
t.start()

for message in [b"hello", b"echo server", b"x" * 100]:
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.connect(("127.0.0.1", port))
    print("peer", c.getpeername()[0], c.getpeername()[1] == port)
    c.sendall(message)
    c.shutdown(socket.SHUT_WR)
    reply = b""
    while True:
        chunk = c.recv(1024)
        if not chunk:
            break
        reply += chunk
    print(len(reply), reply[:20], reply == message.upper())
    c.close()

t.join()
srv.close()
print(served)
