import socket

def show_ipv4(addr):
    packed = socket.inet_aton(addr)
    num = int.from_bytes(packed, "big")
    print(f"{addr:>15} -> {packed!r} -> {num} -> {socket.inet_ntoa(packed)}")

for a in ["127.0.0.1", "10.0.0.255", "192.168.1.20"]:
    show_ipv4(a)

for a in ["::1", "fe80::1", "2001:db8::ff00:42:8329", "::ffff:127.0.0.1"]:
    packed = socket.inet_pton(socket.AF_INET6, a)
    print(a, len(packed), packed.hex(), socket.inet_ntop(socket.AF_INET6, packed))

print("pton v4:", socket.inet_pton(socket.AF_INET, "127.0.0.1"))
print("ntop v4:", socket.inet_ntop(socket.AF_INET, b"\x7f\x00\x00\x01"))

for port in [80, 443, 8080, 65535]:
    print(port, socket.htons(port), socket.ntohs(socket.htons(port)), hex(socket.htonl(port)))

print("http/tcp ->", socket.getservbyname("http", "tcp"))
print("https ->", socket.getservbyname("https"))
print("port 22 ->", socket.getservbyport(22, "tcp"))

bad_inputs = ["256.1.1.1", "hello", ""]
for b in bad_inputs:
    try:
        socket.inet_aton(b)
        print("accepted", repr(b))
    except OSError as e:
        print("inet_aton", repr(b), "failed:", type(e).__name__, e)

for b in ["1.2.3", "::zz", "1::2::3"]:
    try:
        socket.inet_pton(socket.AF_INET6, b)
    except OSError as e:
        print("inet_pton", repr(b), type(e).__name__, e.errno, e)

try:
    socket.inet_ntoa(b"\x01\x02\x03")
except OSError as e:
    print("ntoa short:", repr(e))

try:
    socket.getservbyname("no-such-service", "tcp")
except OSError as e:
    print("getservbyname:", type(e).__name__, e)

try:
    socket.getservbyport(70000)
except OverflowError as e:
    print("getservbyport:", type(e).__name__, e)

try:
    socket.htons(-1)
except (OverflowError, ValueError) as e:
    print("htons(-1):", type(e).__name__, e)
