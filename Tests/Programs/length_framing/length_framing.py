# Length-prefixed binary framing without struct: int.to_bytes / int.from_bytes.
import socket

def send_frame(sock, kind, payload):
    header = len(payload).to_bytes(4, "big") + kind.to_bytes(1, "big")
    sock.sendall(header + payload)

def recv_exactly(sock, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError(f"peer closed after {len(buf)} of {n} bytes")
        buf.extend(chunk)
    return bytes(buf)

def recv_frame(sock):
    header = recv_exactly(sock, 5)
    length = int.from_bytes(header[:4], "big")
    kind = header[4]
    return kind, recv_exactly(sock, length)

a, b = socket.socketpair()
frames = [(1, b"hello"), (2, bytes(range(8))), (3, b""), (4, "héllo wörld".encode("utf-8")), (5, b"\xff" * 300)]
for kind, payload in frames:
    send_frame(a, kind, payload)

for _ in frames:
    kind, payload = recv_frame(b)
    shown = payload if len(payload) < 16 else payload[:8] + b"..."
    print(f"kind={kind} len={len(payload):>4} hex={payload[:6].hex()} {shown}")

word = 0xDEADBEEF
raw = word.to_bytes(4, "little")
print(raw, raw.hex(), raw.hex(":"), int.from_bytes(raw, "little") == word)
print(bytes.fromhex("de ad be ef"), int("beef", 16), int("0x10", 0), hex(word), f"{word:08x}", f"{255:#06x}")
print((-2).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xfe", "big", signed=True))
counter = int.from_bytes(b"\x00\x01", "big")
print([counter + i for i in range(3)], sum(b"\x01\x02\x03"))

a.sendall((7).to_bytes(4, "big") + b"abc")
a.close()
try:
    recv_frame(b)
except ConnectionError as e:
    print("error:", e, "|", type(e).__name__, e.args)
b.close()
