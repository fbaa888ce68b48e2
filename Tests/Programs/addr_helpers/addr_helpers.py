# Convert IPv4 and IPv6 addresses between text and packed form, and byte orders.
import socket

for text in ["127.0.0.1", "10.1.2.3", "255.255.255.255", "1.2.3"]:
    packed = socket.inet_aton(text)
    print(text, "->", packed, len(packed), socket.inet_ntoa(packed))

for bad in ["256.1.1.1", "hello", ""]:
    try:
        socket.inet_aton(bad)
    except OSError as e:
        print("inet_aton", repr(bad), "failed:", e)

for text in ["::1", "fe80::1", "2001:db8::ff00:42:8329", "::ffff:10.0.0.1"]:
    packed = socket.inet_pton(socket.AF_INET6, text)
    back = socket.inet_ntop(socket.AF_INET6, packed)
    print(repr(text), len(packed), repr(back), back == text)

print(socket.inet_pton(socket.AF_INET, "192.168.0.1"))
print(socket.inet_ntop(socket.AF_INET, b"\x7f\x00\x00\x01"))

try:
    socket.inet_pton(socket.AF_INET6, "1:::2")
except OSError as e:
    print("inet_pton failed:", e)

try:
    socket.inet_ntop(socket.AF_INET, b"\x01\x02\x03")
except ValueError as e:
    print("inet_ntop failed:", e)

for port in [80, 443, 8080, 65535]:
    print(port, socket.htons(port), socket.ntohs(socket.htons(port)))

print(socket.htonl(1), socket.ntohl(16777216), socket.htonl(0x7f000001))

try:
    socket.htons(70000)
except OverflowError as e:
    print("htons:", e)

try:
    socket.htonl(-1)
except OverflowError as e:
    print("htonl:", e)
