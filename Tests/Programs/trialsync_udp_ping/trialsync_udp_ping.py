# UDP ping: a server that drops every third packet; the client counts losses with a timeout.
import socket
import struct
import threading
import time

PING = struct.Struct("!IdB")   # sequence, send time, flag


def ping_server(sock, stop):
    seen = 0
    while not stop.is_set():
        try:
            data, addr = sock.recvfrom(1024)
        except socket.timeout:
            continue
        seen += 1
        if seen % 3 == 0:
            continue                      # simulate a lost packet
        seq, sent_at, flag = PING.unpack(data)
        sock.sendto(PING.pack(seq, sent_at, flag | 0x80), addr)
    sock.close()


server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))
server.settimeout(0.05)
stop = threading.Event()
worker = threading.Thread(target=ping_server, args=(server, stop))
worker.start()

client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.settimeout(0.2)
print("client timeout:", client.gettimeout(), "blocking:", client.getblocking())
target = server.getsockname()
print("pinging %s (port set: %r) with %d-byte packets" % (target[0], target[1] > 0, PING.size))

received, lost = 0, 0
rtts = []
for seq in range(1, 10):
    start = time.monotonic()
    client.sendto(PING.pack(seq, start, 1), target)
    try:
        data, peer = client.recvfrom(1024)
    except socket.timeout as exc:
        lost += 1
        print(f"seq={seq}: request timed out ({exc})")
        continue
    rseq, sent_at, flag = PING.unpack(data)
    rtt = time.monotonic() - sent_at
    rtts.append(rtt)
    received += 1
    print(f"seq={rseq}: reply from {peer[0]} flag={flag:#04x} same={sent_at == start} fast={rtt < 0.2}")

stop.set()
worker.join()
sent = received + lost
print(f"--- {target[0]} ping statistics ---")
print(f"{sent} packets transmitted, {received} received, {lost / sent:.1%} packet loss")
print("rtt list is", "complete" if len(rtts) == received else "broken", len(rtts))

try:
    client.sendto(b"x" * 70000, target)
except OSError as e:
    print("too big:", type(e).__name__, e.errno, e.strerror)
client.setblocking(False)
try:
    client.recvfrom(1024)
except BlockingIOError as e:
    print("nothing waiting:", e)
client.close()
print(client)
