# A threaded TCP chat server: a list of clients, broadcast under a lock, nicknames, /quit.
import socket
import threading

HOST = "127.0.0.1"


class ChatServer:
    def __init__(self, host):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, 0))
        self.sock.listen(5)
        self.clients = []
        self.nicknames = {}
        self.lock = threading.Lock()
        self.log = []

    @property
    def port(self):
        return self.sock.getsockname()[1]

    def broadcast(self, message, sender=None):
        with self.lock:
            self.log.append(message)
            for client in self.clients:
                if client is not sender:
                    client.sendall(message)

    def handle(self, client):
        f = client.makefile("rb")
        nickname = f.readline().strip().decode()
        with self.lock:
            self.clients.append(client)
            self.nicknames[client] = nickname
        client.sendall(f"welcome {nickname}, {len(self.clients)} online\n".encode())
        for line in f:
            text = line.decode().rstrip("\n")
            if text == "/quit":
                break
            self.broadcast(f"<{nickname}> {text}\n".encode(), client)
        with self.lock:
            self.clients.remove(client)
            del self.nicknames[client]
        f.close()
        client.close()
        self.broadcast(f"* {nickname} left\n".encode())

    def serve(self, n):
        threads = []
        for i in range(n):
            client, address = self.sock.accept()
            t = threading.Thread(target=self.handle, args=(client,), daemon=True)
            t.start()
            threads.append(t)
        for t in threads:
            t.join(2)
        self.sock.close()


def recv_line(f):
    return f.readline().decode().rstrip()


server = ChatServer(HOST)
st = threading.Thread(target=server.serve, args=(2,))
st.start()

alice = socket.create_connection((HOST, server.port))
af = alice.makefile("rb")
alice.sendall(b"alice\n")
print("alice got:", recv_line(af))

bob = socket.create_connection((HOST, server.port))
bf = bob.makefile("rb")
bob.sendall(b"bob\n")
print("bob got:", recv_line(bf))

alice.sendall(b"hi bob\n")
print("bob got:", recv_line(bf))
bob.sendall("héllo alice\n".encode("utf-8"))
print("alice got:", recv_line(af))
bob.sendall(b"/quit\n")
print("alice got:", recv_line(af))
print("bob got:", repr(bf.read()))
alice.sendall(b"anyone?\n/quit\n")
print("alice eof:", af.read() == b"")
st.join()

for i, entry in enumerate(server.log, 1):
    print(f"{i:2d}. {entry!r}")
print("clients left:", server.clients, server.nicknames)
print("listener closed:", server.sock.fileno() == -1)
for f, s in ((af, alice), (bf, bob)):
    f.close()
    s.close()
