# A memcached client: the text protocol over TCP, and the UDP protocol with its frame header.
import socket
import sys


def command(sock, f, line, data=None):
    sock.sendall(line + b"\r\n" + (data + b"\r\n" if data is not None else b""))
    return f.readline().rstrip(b"\r\n")


def get(sock, f, keys):
    sock.sendall(b"gets %b\r\n" % b" ".join(keys))
    found = {}
    while True:
        line = f.readline()
        if line == b"END\r\n":
            return found
        word, key, flags, size, cas = line.split()
        data = f.read(int(size) + 2)
        found[key] = (int(flags), data[:-2], int(cas))


def udp_get(usock, address, request_id, key):
    header = bytes([request_id >> 8, request_id & 255, 0, 0, 0, 1, 0, 0])
    usock.sendto(header + b"get %b\r\n" % key, address)
    peek = usock.recv(16, socket.MSG_PEEK | socket.MSG_TRUNC)
    print("udp peek", len(peek), peek[:8].hex())
    parts = {}
    total = 1
    while len(parts) < total:
        datagram, sender = usock.recvfrom(2048)
        rid = datagram[0] << 8 | datagram[1]
        seq = datagram[2] << 8 | datagram[3]
        total = datagram[4] << 8 | datagram[5]
        if rid != request_id:
            continue
        parts[seq] = datagram[8:]
    reply = b"".join(parts[i] for i in range(total))
    print("udp datagrams", total, "bytes", len(reply))
    head, _, rest = reply.partition(b"\r\n")
    print("udp head", head)
    print("udp tail", rest[-7:], "complete" if rest.endswith(b"END\r\n") else "cut")
    return rest[:-7]


def main():
    port = int(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    with socket.create_connection(("127.0.0.1", port)) as sock:
        f = sock.makefile("rb")
        print("flush_all", command(sock, f, b"flush_all"))
        print("set", command(sock, f, b"set greeting 7 0 5", b"hello"))
        print("add", command(sock, f, b"add greeting 0 0 3", b"abc"))
        print("append", command(sock, f, b"append greeting 0 0 6", b" world"))
        found = get(sock, f, [b"greeting", b"missing"])
        flags, value, cas = found[b"greeting"]
        print("gets", len(found), flags, value)
        print("cas", command(sock, f, b"cas greeting 0 0 2 %d" % cas, b"hi"))
        print("cas again", command(sock, f, b"cas greeting 0 0 2 %d" % cas, b"ho"))
        print("set n", command(sock, f, b"set n 0 0 2", b"40"))
        print("incr", command(sock, f, b"incr n 2"))
        print("decr", command(sock, f, b"decr n 50"))
        print("incr bad", command(sock, f, b"incr greeting 1"))
        print("delete", command(sock, f, b"delete n"))
        print("delete again", command(sock, f, b"delete n"))
        print("bogus", command(sock, f, b"bogus command"))
        big = b"".join(b"%05d|" % i for i in range(700))
        print("set big", command(sock, f, b"set big 0 0 %d" % len(big), big))
        hits = 0
        for i in range(n):
            command(sock, f, b"set key:%d 0 0 %d" % (i, len(b"%d" % i)), b"%d" % i)
            hits += len(get(sock, f, [b"key:%d" % i]))
        print("loop", n, hits)
        f.close()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as usock:
        usock.settimeout(5)
        value = udp_get(usock, ("127.0.0.1", port), 7, b"greeting")
        print("udp greeting", value)
        value = udp_get(usock, ("127.0.0.1", port), 258, b"big")
        print("udp big", len(value), value[:12], value[-12:], "same" if value == big else "differs")


main()
