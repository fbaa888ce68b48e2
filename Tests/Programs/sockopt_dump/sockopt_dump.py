# Dump the common socket options of TCP, UDP and AF_UNIX sockets, then change a few and dump again.
import socket
import struct

OPTIONS = [
    ("SOL_SOCKET", "SO_TYPE"),
    ("SOL_SOCKET", "SO_REUSEADDR"),
    ("SOL_SOCKET", "SO_KEEPALIVE"),
    ("SOL_SOCKET", "SO_BROADCAST"),
    ("SOL_SOCKET", "SO_ERROR"),
    ("IPPROTO_TCP", "TCP_NODELAY"),
]


def dump(sock, title):
    print("== %s (family=%s, type=%s) ==" % (title, sock.family.name, sock.type.name))
    for level_name, opt_name in OPTIONS:
        level = getattr(socket, level_name)
        opt = getattr(socket, opt_name)
        try:
            value = sock.getsockopt(level, opt)
        except OSError as e:
            value = "error: %s" % e.strerror
        print("  %-12s %-13s = %s" % (level_name, opt_name, value))


tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
for sock, title in ((tcp, "tcp"), (udp, "udp"), (unix, "unix")):
    dump(sock, title)

tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
tcp.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
udp.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
tcp.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 5))
dump(tcp, "tcp after")
onoff, seconds = struct.unpack("ii", tcp.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8))
print("linger: on={} seconds={}".format(bool(onoff), seconds))
raw = tcp.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4)
print("rcvbuf bytes:", len(raw), type(raw).__name__, int.from_bytes(raw, "little") > 0)
tcp.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack("ll", 2, 500000))
sec, usec = struct.unpack("ll", tcp.getsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.calcsize("ll")))
print(f"rcvtimeo: {sec + usec / 1e6:.2f}s")
try:
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01")
except OSError as e:
    print("short linger:", e.errno, e)
try:
    udp.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 2000)
except OSError as e:
    print("big buflen:", type(e).__name__, e)
names = sorted(n for n in dir(socket) if n.startswith("SO_") and n.endswith("BUF"))
print(names, {n: getattr(socket, n) for n in names})
for s in (tcp, udp, unix):
    s.close()
