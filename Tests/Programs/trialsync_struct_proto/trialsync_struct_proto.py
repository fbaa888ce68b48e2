# A binary record protocol: struct headers, recv_into a bytearray through a memoryview, checksums.
import socket
import struct
import zlib

HEADER = struct.Struct(">HHI")        # type, flags, length
MSG_TEXT, MSG_NUMS, MSG_END = 1, 2, 0xFFFF


def encode(kind, payload, flags=0):
    return HEADER.pack(kind, flags, len(payload)) + payload


def recv_exactly(sock, n):
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = sock.recv_into(view[got:], n - got)
        if k == 0:
            raise EOFError(f"expected {n} bytes, got {got}")
        got += k
    return buf


def read_message(sock):
    kind, flags, length = HEADER.unpack(recv_exactly(sock, HEADER.size))
    payload = bytes(recv_exactly(sock, length))
    return kind, flags, payload


a, b = socket.socketpair()
nums = [1, -2, 300, 2**31 - 1]
messages = [
    encode(MSG_TEXT, "grüße".encode()),
    encode(MSG_NUMS, struct.pack(f">{len(nums)}i", *nums), flags=0x0001),
    encode(MSG_TEXT, b"", flags=0x8000),
    encode(MSG_END, b""),
]
stream = b"".join(messages)
print("stream:", len(stream), "bytes, crc32 %08x" % zlib.crc32(stream))
print("first header:", stream[:HEADER.size].hex(" "), HEADER.unpack_from(stream))
for i in range(0, len(stream), 5):      # split the stream at awkward places
    a.send(stream[i:i + 5])

while True:
    kind, flags, payload = read_message(b)
    if kind == MSG_END:
        print(f"end (kind={kind:#06x})")
        break
    if kind == MSG_TEXT:
        print("text  flags=%04x %r -> %r" % (flags, payload, payload.decode()))
    elif kind == MSG_NUMS:
        count = len(payload) // 4
        values = struct.unpack(">%di" % count, payload)
        print("nums  flags=%04x" % flags, values, sum(values), values == tuple(nums))

buf = bytearray(16)
a.send(b"\x01\x02\x03\x04\x05\x06")
n = b.recv_into(buf, 4)
print(n, buf, int.from_bytes(buf[:n], "little"), int.from_bytes(buf[:n], "big", signed=True))
n2 = b.recv_into(memoryview(buf)[10:])
print(n2, buf.hex(), list(buf[10:12]))
try:
    struct.unpack(">HHI", b"\x00\x01")
except struct.error as e:
    print("struct.error:", e)
a.close()
try:
    read_message(b)
except EOFError as e:
    print(type(e).__name__, e, e.args)
b.close()
