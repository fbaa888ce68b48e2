# An argparse'd echo client: seeded random payloads framed with struct in a BytesIO, checked with crc32, shown in base64.
import argparse
import base64
import binascii
import io
import random
import socket
import struct
import threading

parser = argparse.ArgumentParser(prog="pinger", description="Send random payloads to an echo server.")
parser.add_argument("--host", default="127.0.0.1", help="server address (default: %(default)s)")
parser.add_argument("-p", "--port", type=int, default=0, help="server port (0 starts one)")
parser.add_argument("-n", "--count", type=int, default=3, help="how many payloads")
parser.add_argument("--seed", type=int, default=1234)
parser.add_argument("-v", "--verbose", action="store_true")
parser.add_argument("kinds", nargs="*", default=["ping", "data"])
args = parser.parse_args(["-n", "5", "-v", "ping", "data", "ack"])
print(args)
print("count:", args.count, "seed:", args.seed, "kinds:", args.kinds)
parser.print_usage()


def recv_exact(conn, n):
    buf = io.BytesIO()
    while buf.tell() < n:
        chunk = conn.recv(n - buf.tell())
        if not chunk:
            raise ConnectionError("peer closed")
        buf.write(chunk)
    return buf.getvalue()


def serve(listener):
    conn, _ = listener.accept()
    with conn:
        while True:
            header = conn.recv(6, socket.MSG_PEEK)
            if not header:
                break
            size, crc = struct.unpack("!HI", recv_exact(conn, 6))
            body = recv_exact(conn, size)
            ok = binascii.crc32(body) == crc
            conn.sendall(struct.pack("!HI?", size, crc, ok) + body[::-1])


listener = socket.create_server((args.host, args.port))
server = threading.Thread(target=serve, args=(listener,))
server.start()

random.seed(args.seed)
order = list(range(args.count))
random.shuffle(order)
print("order:", order, "sample:", random.sample(args.kinds, 2))
with socket.create_connection(listener.getsockname(), timeout=5) as c:
    for i in order:
        size = random.randint(1, 12)
        payload = random.randbytes(size)
        kind = random.choice(args.kinds)
        frame = io.BytesIO()
        frame.write(struct.pack("!HI", size, binascii.crc32(payload)))
        frame.write(payload)
        c.sendall(frame.getvalue())
        reply = io.BytesIO(recv_exact(c, 7 + size))
        rsize, rcrc, ok = struct.unpack("!HI?", reply.read(7))
        back = reply.read()
        if args.verbose:
            print(f"{i} {kind:<4} {size:>2} {base64.b64encode(payload).decode():<16} {rcrc:08x} ok={ok} same={back[::-1] == payload}")
    jitter = [round(random.uniform(0.5, 1.5), 3) for _ in range(3)]
    print("jitter:", jitter, "bits:", random.getrandbits(20), "pick:", random.randrange(100, 200, 7))
server.join()
listener.close()
token = base64.urlsafe_b64encode(bytes(range(250, 256)) + b"pinger")
print("token:", token, base64.urlsafe_b64decode(token)[-6:], binascii.hexlify(token[:4], "-"))
try:
    base64.b64decode("abc")
except binascii.Error as e:
    print("bad token:", e)
parser.parse_args(["--count", "many"])
print("not reached")
