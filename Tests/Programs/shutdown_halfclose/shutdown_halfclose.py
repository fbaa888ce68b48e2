# Half-close with shutdown: the request/response pattern and what happens after.
import socket

srv = socket.create_server(("127.0.0.1", 0))
client = socket.create_connection(srv.getsockname())
server, _ = srv.accept()
srv.close()

client.sendall(b"request body")
client.shutdown(socket.SHUT_WR)
received = b""
while True:
    part = server.recv(5)
    if not part:
        break
    received += part
print("server got", received)
server.sendall(b"response after half-close")
server.shutdown(socket.SHUT_RDWR)
print("client got", client.recv(100))
print("then", client.recv(100))

try:
    client.send(b"more")
except BrokenPipeError as e:
    print(type(e).__name__, e.errno)

server.close()
client.close()

lonely = socket.socket()
try:
    lonely.shutdown(socket.SHUT_RD)
except OSError as e:
    print("not connected:", e)
try:
    lonely.shutdown(7)
except OSError as e:
    print("bad how:", e)
lonely.close()
try:
    lonely.shutdown(socket.SHUT_RDWR)
except OSError as e:
    print("closed:", e)
print(socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR)
