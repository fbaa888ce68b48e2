# A UDP client that retries with settimeout against a server that drops the first requests.
import socket
import threading

server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))
addr = server.getsockname()
dropped = 0

def serve():
    global dropped
    while True:
        data, peer = server.recvfrom(2048)
        if data == b"STOP":
            break
        if data.startswith(b"drop") and dropped < 2:
            dropped += 1
            continue
        server.sendto(b"ack:" + data, peer)

t = threading.Thread(target=serve, daemon=True)
t.start()

client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.settimeout(0.2)
print("timeout is", client.gettimeout())

def request(payload, retries=4):
    for attempt in range(1, retries + 1):
        client.sendto(payload, addr)
        try:
            reply, source = client.recvfrom(2048)
        except socket.timeout as e:
            print("  attempt %d: %s (%s)" % (attempt, e, type(e).__name__))
            continue
        else:
            print("  attempt %d: got %r from port match %s" % (attempt, reply, source[1] == addr[1]))
            return reply
        finally:
            print("  tried", attempt)
    return None

for payload in [b"hello", b"drop me", b"x" * 10]:
    print("request", payload)
    result = request(payload)
    print("result", result, len(result or b""))

client.settimeout(0.05)
try:
    client.recvfrom(10)
except TimeoutError as e:
    print("alias:", socket.timeout is TimeoutError, e.errno, e.args)

client.sendto(b"STOP", addr)
t.join()
print("dropped", dropped)
client.close()
server.close()
