# AF_UNIX stream and datagram sockets in a temporary directory, with paths printed relative to it.
import os
import socket
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    server_path = os.path.join(tmp, "server.sock")
    client_path = os.path.join(tmp, "client.sock")

    dgram_server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    dgram_server.bind(server_path)
    dgram_client = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    dgram_client.bind(client_path)
    print("exists:", os.path.exists(server_path), sorted(os.listdir(tmp)))

    for text in ["first", "second"]:
        dgram_client.sendto(text.encode(), server_path)
        data, sender = dgram_server.recvfrom(100)
        print(data, os.path.basename(sender), sender == client_path)
        dgram_server.sendto(data.upper(), sender)
        print("  reply", dgram_client.recv(100))

    anonymous = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    anonymous.sendto(b"who am i", server_path)
    data, sender = dgram_server.recvfrom(100)
    print(data, repr(sender), anonymous.getsockname() == "")

    try:
        dgram_client.sendto(b"lost", os.path.join(tmp, "nobody.sock"))
    except FileNotFoundError as e:
        print("no such socket:", e.errno, e.strerror)

    stream_path = os.path.join(tmp, "stream.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(stream_path)
    listener.listen(1)
    conn_client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn_client.connect(stream_path)
    conn, peer = listener.accept()
    print("peer:", repr(peer), "client sees:", os.path.basename(conn_client.getpeername()))
    conn_client.sendall(b"over the stream")
    print(conn.recv(100))
    try:
        listener2 = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener2.bind(stream_path)
    except OSError as e:
        print("bind again:", type(e).__name__, e.strerror)
    finally:
        listener2.close()

    for s in (dgram_server, dgram_client, anonymous, listener, conn_client, conn):
        s.close()
    names = sorted(os.listdir(tmp))
    print(names, [n.endswith(".sock") for n in names])
print("removed:", not os.path.exists(tmp))
