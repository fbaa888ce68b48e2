# UDP datagrams on 127.0.0.1: sendto/recvfrom, connected UDP, peeking and truncation.
import socket

server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))
server_addr = server.getsockname()
client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.bind(("127.0.0.1", 0))
client_addr = client.getsockname()

for word in [b"one", b"two", b"three"]:
    sent = client.sendto(word, server_addr)
    data, addr = server.recvfrom(1024)
    print(sent, data, addr == client_addr, addr[0])
    server.sendto(data[::-1], addr)
    reply, from_addr = client.recvfrom(1024)
    print(reply, from_addr == server_addr)

client.connect(server_addr)
print(client.getpeername() == server_addr)
client.send(b"peek at me")
print(server.recv(4, socket.MSG_PEEK))
print(server.recv(100))
client.send(b"a long datagram")
print(server.recv(6))
server.settimeout(0.1)
try:
    server.recv(100)
except TimeoutError as e:
    print("the rest was discarded:", e)
client.send(b"")
data, addr = server.recvfrom(10)
print(data, len(data))
buf = bytearray(8)
client.send(b"into a buffer")
n, addr = server.recvfrom_into(buf)
print(n, buf, bytes(buf[:n]))
client.close()
server.close()
