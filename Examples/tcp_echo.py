# TCP echo: a server sends back whatever a client sends; the client prints the replies.
import socket
import threading

HOST = "127.0.0.1"


def echo_server(srv, clients):
    for _ in range(clients):
        conn, _ = srv.accept()
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data)
        conn.close()


def echo_client(port, message):
    s = socket.create_connection((HOST, port))
    s.sendall(message)
    s.shutdown(socket.SHUT_WR)
    reply = b""
    while True:
        chunk = s.recv(1024)
        if not chunk:
            break
        reply += chunk
    s.close()
    return reply


srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind((HOST, 0))
srv.listen()
port = srv.getsockname()[1]
messages = [b"Hello, world", b"echo again", b"tab\tnewline\n"]
t = threading.Thread(target=echo_server, args=(srv, len(messages)))
t.start()
for message in messages:
    reply = echo_client(port, message)
    print("sent", message, "got", reply, reply == message)
t.join()
srv.close()
print("server closed:", srv.fileno())
