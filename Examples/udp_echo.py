# UDP echo: a server answers each datagram with the same bytes; the client waits with a timeout.
import socket
import threading


def udp_echo_server(sock, count):
    for _ in range(count):
        data, addr = sock.recvfrom(2048)
        sock.sendto(data, addr)


server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))
addr = server.getsockname()
words = [b"alpha", b"beta", b"gamma"]
t = threading.Thread(target=udp_echo_server, args=(server, len(words)))
t.start()

client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.settimeout(2.0)
for word in words:
    client.sendto(word, addr)
    data, peer = client.recvfrom(2048)
    print("echo", data, "from the server:", peer == addr)
t.join()

client.settimeout(0.1)
client.sendto(b"anyone?", addr)
try:
    client.recvfrom(2048)
except socket.timeout as e:
    print("no echo:", e)
client.close()
server.close()
