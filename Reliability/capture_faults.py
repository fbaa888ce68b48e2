# The network-fault scenarios of scripts/faults under CPython, run in namespace A of the same setup;
# prints each outcome (TSV: name, type, str, detail), the format of Reliability/expected-faults.tsv.
# Usage (scripts/faults does this): scripts/faults --capture   (needs python3.13)
# `reliability faults` (Reliability/Sources/Faults.swift) runs the same scenarios in the same order.
import errno, hashlib, socket, struct, sys

from faults_server import pattern  # the server's stream generator (this directory is on sys.path)

B = "10.77.2.2"      # the server's namespace, behind the router
TRANSFERS = int(sys.argv[1]) if len(sys.argv) > 1 else 50
SIZE = 1 << 20


def outcome(name, body):
    try:
        detail = body()
        print(f"{name}\tNone\t\t{detail if detail is not None else ''}", flush=True)
    except BaseException as e:  # noqa: BLE001 - the outcome is the data
        print(f"{name}\t{type(e).__name__}\t{e}\t", flush=True)


def connect(port, timeout=3.0):
    def body():
        socket.create_connection((B, port), timeout=timeout).close()
    return body


def connect_ex(port, timeout=3.0):
    def body():
        s = socket.socket()
        s.settimeout(timeout)
        try:
            code = s.connect_ex((B, port))
            return f"{code} {errno.errorcode.get(code, '?')}"
        finally:
            s.close()
    return body


def udp(port):
    def body():
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.settimeout(1.0)
        try:
            s.connect((B, port))
            s.send(b"x")
            s.recv(16)
        finally:
            s.close()
    return body


# The RST scenario: the router resets the connection when it sees RSTME.
rst = {}


def rst_recv():
    s = socket.create_connection((B, 7010), timeout=3.0)
    rst["s"] = s
    s.sendall(b"hello")
    if s.recv(5) != b"hello":
        return "echo differed"
    s.sendall(b"RSTME")
    s.recv(16)


def rst_recv_again():
    return repr(rst["s"].recv(16))


def rst_send():
    try:
        rst["s"].sendall(b"after")
    finally:
        rst.pop("s").close()


def recv_timeout():
    s = socket.create_connection((B, 7011), timeout=3.0)
    try:
        s.settimeout(0.3)
        s.recv(16)
    finally:
        s.close()


def sendall_timeout():
    s = socket.create_connection((B, 7013), timeout=3.0)
    try:
        s.settimeout(0.5)
        s.sendall(bytes(8 << 20))
    finally:
        s.close()


def recv_exactly(s, size):
    data = bytearray(size)
    view = memoryview(data)
    got = 0
    while got < size:
        n = s.recv_into(view[got:], size - got)
        if n == 0:
            raise EOFError("early EOF")
        got += n
    return bytes(data)


def transfers():
    s = socket.create_connection((B, 7012), timeout=30.0)
    exact = 0
    try:
        for i in range(TRANSFERS):
            seed = 2 * i
            payload = pattern(seed, SIZE)
            s.sendall(struct.pack("<QQ", seed, SIZE) + payload)
            theirs, announced = recv_exactly(s, 32), recv_exactly(s, 32)
            reply = recv_exactly(s, SIZE)
            if theirs == hashlib.sha256(payload).digest() and hashlib.sha256(reply).digest() == announced \
                    and reply == pattern(seed + 1, SIZE):
                exact += 1
    finally:
        s.close()
    if exact == TRANSFERS:
        return "every transfer of 1 MiB byte-exact both ways (SHA-256)"
    return f"{exact} of {TRANSFERS} transfers of 1 MiB byte-exact both ways (SHA-256)"


outcome("connect, no listener", connect(7001))
outcome("connect, blackhole, timeout 0.5", connect(7002, 0.5))
outcome("connect, tcp-reset", connect(7003))
outcome("connect, icmp host-unreachable", connect(7004))
outcome("connect, icmp port-unreachable", connect(7005))
outcome("connect, icmp net-unreachable", connect(7006))
outcome("connect, icmp admin-prohibited", connect(7007))
outcome("connect_ex, no listener", connect_ex(7001))
outcome("connect_ex, blackhole, timeout 0.5", connect_ex(7002, 0.5))
outcome("connect_ex, icmp host-unreachable", connect_ex(7004))
outcome("connect_ex, icmp net-unreachable", connect_ex(7006))
outcome("udp, icmp port-unreachable", udp(7008))
outcome("udp, icmp host-unreachable", udp(7009))
outcome("rst mid-stream: recv", rst_recv)
outcome("rst mid-stream: recv again", rst_recv_again)
outcome("rst mid-stream: sendall after", rst_send)
outcome("recv, silent peer, timeout 0.3", recv_timeout)
outcome("sendall 8 MiB, 4 Mbit/s link, timeout 0.5", sendall_timeout)
outcome("transfers over loss, duplicates, reordering, MTU 1280", transfers)
