# A binary request/response protocol over UDP with struct: a fixed header, then a payload.
import socket
import struct
import threading

HEADER = "!HBBI"  # request id, kind, flags, payload length
HEADER_SIZE = struct.calcsize(HEADER)
KINDS = {1: "echo", 2: "sum", 3: "stat"}

server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))


def serve(count):
    for _ in range(count):
        packet, peer = server.recvfrom(1024)
        ident, kind, flags, length = struct.unpack(HEADER, packet[:HEADER_SIZE])
        payload = packet[HEADER_SIZE:HEADER_SIZE + length]
        if KINDS.get(kind) == "echo":
            body = payload
        elif KINDS.get(kind) == "sum":
            numbers = struct.unpack("!%dh" % (len(payload) // 2), payload)
            body = struct.pack("!q", sum(numbers))
        else:
            body = struct.pack("!?dI", flags & 1 == 1, len(payload) / 4, len(packet))
        server.sendto(struct.pack(HEADER, ident, kind | 0x80, 0, len(body)) + body, peer)


t = threading.Thread(target=serve, args=(4,))
t.start()
client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.settimeout(2)
requests = [
    (1, 0, b"hello"),
    (2, 0, struct.pack("!4h", 1, -2, 300, -32768)),
    (3, 1, b"abcdefgh"),
    (1, 0, b""),
]
for ident, (kind, flags, payload) in enumerate(requests, start=100):
    client.sendto(struct.pack(HEADER, ident, kind, flags, len(payload)) + payload, server.getsockname())
    reply, _ = client.recvfrom(1024)
    rid, rkind, rflags, length = struct.unpack_from(HEADER, reply)
    body = reply[HEADER_SIZE:]
    print(f"#{rid} {KINDS[rkind & 0x7f]:<5} kind=0x{rkind:02x} len={length:<3} raw={reply[:HEADER_SIZE].hex(' ')}")
    if rkind & 0x7f == 2:
        (total,) = struct.unpack("!q", body)
        print("   sum:", total)
    elif rkind & 0x7f == 3:
        odd, quarter, size = struct.unpack("!?dI", body)
        print("   stat:", odd, quarter, size)
    else:
        print("   echo:", body)
t.join()
try:
    struct.unpack(HEADER, b"short")
except struct.error as e:
    print("error:", e)
print(HEADER_SIZE, struct.calcsize("@HBBI"), struct.pack("<I", 1) == (1).to_bytes(4, "little"))
client.close()
server.close()
