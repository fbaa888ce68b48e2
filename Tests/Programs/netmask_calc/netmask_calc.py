# An IPv4 subnet calculator over inet_aton/inet_ntoa, struct and int.from_bytes.
import socket
import struct


def to_int(dotted):
    return struct.unpack("!I", socket.inet_aton(dotted))[0]


def to_dotted(n):
    return socket.inet_ntoa(struct.pack("!I", n))


def prefix_to_mask(prefix):
    if not 0 <= prefix <= 32:
        raise ValueError(f"bad prefix {prefix}")
    return (0xFFFFFFFF << (32 - prefix)) & 0xFFFFFFFF


def describe(cidr):
    addr, _, plen = cidr.partition("/")
    prefix = int(plen)
    mask = prefix_to_mask(prefix)
    ip = to_int(addr)
    network = ip & mask
    broadcast = network | (~mask & 0xFFFFFFFF)
    hosts = max(0, broadcast - network - 1)
    return {
        "network": to_dotted(network),
        "mask": to_dotted(mask),
        "broadcast": to_dotted(broadcast),
        "hosts": hosts,
        "first": to_dotted(network + 1) if hosts else None,
    }


for cidr in ["192.168.1.77/24", "10.0.0.1/8", "172.16.5.4/30", "127.0.0.1/32", "0.0.0.0/0"]:
    info = describe(cidr)
    print(f"{cidr:<18} {info['network']:>15} {info['mask']:>15} {info['broadcast']:>15} {info['hosts']:>13,} {info['first']}")

ip = to_int("192.168.1.77")
packed = socket.inet_aton("192.168.1.77")
print(f"{ip=}", f"{ip=:#x}", f"{packed=}", f"{packed.hex()=}")
print(packed.hex(":"), packed.hex("-", 2), bytes.fromhex("c0a8 014d") == packed)
print(int.from_bytes(packed, "big"), int.from_bytes(packed, byteorder="little"), ip.to_bytes(4, "little"))
print(socket.inet_ntoa(ip.to_bytes(4, "big")), list(packed), tuple(b for b in packed[:2]))
print(socket.inet_pton(socket.AF_INET6, "2001:db8::1").hex(), socket.inet_ntop(socket.AF_INET6, bytes(15) + b"\x01"))
print(bin(to_int("255.255.255.240")).count("1"), oct(8), hex(to_int("10.0.0.255")))
for bad in ["1.2.3", "300.1.1.1", "a.b.c.d", ""]:
    try:
        print(repr(bad), "->", socket.inet_aton(bad).hex())
    except OSError as e:
        print(repr(bad), "->", type(e).__name__, e)
for bad in ["10.0.0.1/33", "10.0.0.1/x"]:
    try:
        describe(bad)
    except ValueError as e:
        print(f"{bad}: {e}")
for n in (2**32, -1):
    try:
        n.to_bytes(4, "big")
    except OverflowError as e:
        print(n, e)
