# A client that retries with a growing timeout: the UDP server ignores the first two requests.
import socket
import threading


def flaky_server(sock, drop):
    seen = 0
    while True:
        data, addr = sock.recvfrom(1024)
        if data == b"stop":
            break
        seen += 1
        if seen > drop:
            sock.sendto(b"pong " + data, addr)


def request(sock, addr, data, retries, timeout):
    for attempt in range(1, retries + 1):
        sock.settimeout(timeout)
        sock.sendto(data, addr)
        try:
            reply, _ = sock.recvfrom(1024)
            return attempt, reply
        except socket.timeout as e:
            print("attempt", attempt, e, "after", timeout, "s")
            timeout *= 2
    raise TimeoutError(f"no reply after {retries} attempts")


server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))
t = threading.Thread(target=flaky_server, args=(server, 2))
t.start()

client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
attempt, reply = request(client, server.getsockname(), b"ping", 5, 0.1)
print("answered on attempt", attempt, reply)
client.sendto(b"stop", server.getsockname())
t.join()
try:
    request(client, server.getsockname(), b"ping", 2, 0.05)
except TimeoutError as e:
    print("gave up:", e)
client.close()
server.close()
