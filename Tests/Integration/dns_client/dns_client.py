# A DNS client: queries over UDP and TCP, answers parsed with name compression.
import socket
import sys

TYPES = {1: "A", 5: "CNAME", 15: "MX", 16: "TXT", 28: "AAAA", 33: "SRV"}
CODES = {"A": 1, "CNAME": 5, "MX": 15, "TXT": 16, "AAAA": 28, "SRV": 33}


def u16(data, i):
    return data[i] << 8 | data[i + 1]


def u32(data, i):
    return u16(data, i) << 16 | u16(data, i + 2)


def query(qid, name, qtype):
    header = bytes([qid >> 8, qid & 255, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    labels = b"".join(bytes([len(label)]) + label for label in name.split(b"."))
    return header + labels + b"\x00" + bytes([0, CODES[qtype], 0, 1])


def read_name(data, i):
    labels = []
    end = None
    while True:
        n = data[i]
        if n == 0:
            i += 1
            break
        if n >= 0xC0:
            if end is None:
                end = i + 2
            i = (n & 0x3F) << 8 | data[i + 1]
            continue
        labels.append(data[i + 1:i + 1 + n])
        i += 1 + n
    return b".".join(labels), (end if end is not None else i)


def rdata_text(data, rtype, start, length):
    rdata = data[start:start + length]
    if rtype == 1:
        return socket.inet_ntoa(rdata)
    if rtype == 28:
        return socket.inet_ntop(socket.AF_INET6, rdata)
    if rtype == 5:
        return read_name(data, start)[0].decode()
    if rtype == 15:
        return "%d %s" % (u16(data, start), read_name(data, start + 2)[0].decode())
    if rtype == 33:
        target = read_name(data, start + 6)[0].decode()
        return "%d %d %d %s" % (u16(data, start), u16(data, start + 2), u16(data, start + 4), target)
    if rtype == 16:
        strings = []
        i = 0
        while i < len(rdata):
            strings.append(rdata[i + 1:i + 1 + rdata[i]])
            i += 1 + rdata[i]
        return b" ".join(strings).decode()
    return rdata.hex()


def parse(data, qid):
    if u16(data, 0) != qid:
        raise ValueError("id mismatch")
    flags = u16(data, 2)
    rcode = flags & 15
    qdcount, ancount = u16(data, 4), u16(data, 6)
    i = 12
    for _ in range(qdcount):
        name, i = read_name(data, i)
        i += 4
    answers = []
    for _ in range(ancount):
        name, i = read_name(data, i)
        rtype, ttl, length = u16(data, i), u32(data, i + 4), u16(data, i + 8)
        i += 10
        answers.append("%s %s %d %s" % (name.decode(), TYPES.get(rtype, str(rtype)), ttl, rdata_text(data, rtype, i, length)))
        i += length
    return rcode, flags >> 15, answers


def over_udp(address, qid, name, qtype):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(5)
        sock.connect(address)
        sock.send(query(qid, name, qtype))
        data = sock.recv(4096)
    return parse(data, qid)


def recv_exactly(sock, n):
    chunks = []
    while n > 0:
        chunk = sock.recv(n)
        if not chunk:
            raise ConnectionError("short read")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def over_tcp(address, qid, name, qtype):
    with socket.create_connection(address, timeout=5) as sock:
        message = query(qid, name, qtype)
        sock.sendall(bytes([len(message) >> 8, len(message) & 255]) + message)
        size = u16(recv_exactly(sock, 2), 0)
        data = recv_exactly(sock, size)
    return parse(data, qid)


def show(transport, rcode, qr, answers, name, qtype):
    print(transport, name.decode(), qtype, "rcode", rcode, "qr", qr, "answers", len(answers))
    for answer in answers:
        print("  ", answer)


def main():
    address = ("127.0.0.1", int(sys.argv[1]))
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    questions = [(b"web.pysocket.test", "A"), (b"web.pysocket.test", "AAAA"), (b"www.pysocket.test", "A"),
                 (b"pysocket.test", "MX"), (b"pysocket.test", "TXT"), (b"_redis._tcp.pysocket.test", "SRV"),
                 (b"nowhere.pysocket.test", "A")]
    qid = 100
    for name, qtype in questions:
        qid += 1
        show("udp", *over_udp(address, qid, name, qtype), name, qtype)
        qid += 1
        show("tcp", *over_tcp(address, qid, name, qtype), name, qtype)
    count = 0
    for i in range(n):
        count += len(over_udp(address, 1000 + i, b"web.pysocket.test", "A")[2])
    print("udp loop", n, count)


main()
