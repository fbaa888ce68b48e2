"""CPython 3.13's decision on getaddrinfo/create_connection arguments: the table the getaddrinfo fuzz target is checked against.

Run as root with CPython 3.13 (scripts/fuzz --capture-getaddrinfo does): it re-executes itself
under `unshare --net`, a network namespace holding only a loopback that is down, so a name that
passes the argument checks fails at once (no route to any name server) and nothing leaves the
machine. Every call of the generator's input classes (hosts with NULs, 253/254/255-byte names,
63/64-byte labels, empty labels, non-ASCII and bytes hosts; int, str and bytes ports with signs,
overflows, spaces and NULs; family/type/proto/flags across the C int edges) is made once and its
outcome written, as repr() text, to Fuzz/LibraryFuzzer/getaddrinfo-cpython.tsv; each call is
also written as a seed input in the fuzz target's format under Fuzz/LibraryFuzzer/corpus/getaddrinfo.

Columns: api (getaddrinfo | create_connection | create_connection_all), host, port, family,
type, proto, flags, outcome. host is `-` (None), `s:HEX` (str, UTF-8) or `b:HEX` (bytes);
port is `-`, `i:N`, `s:HEX` or `b:HEX`; outcome is repr(list) or repr(exception) (for an
ExceptionGroup, its message and its exceptions' reprs: CPython's own repr shows the list it
cleared).
"""
import hashlib
import os
import socket as sk
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "getaddrinfo-cpython.tsv")
SEEDS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "corpus", "getaddrinfo")

N = sk.AI_NUMERICHOST | sk.AI_NUMERICSERV
INT_EDGES = [0, -1, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**63 - 1, -2**63]

A63, A64 = "a" * 63, "a" * 64


def name_of(length, trailing_dot=False):
    """A name of `length` characters made of 63-character labels (the last one shorter)."""
    labels, left = [], length - (1 if trailing_dot else 0)
    while left > 0:
        take = min(63, left)
        labels.append("a" * take)
        left -= take + 1
    name = ".".join(labels)
    name = name[:length - (1 if trailing_dot else 0)]
    return name + ("." if trailing_dot else "")


STR_HOSTS = [
    "", "127.0.0.1", "::1", "127.1", "0x7f.1", "1.2.3.256", " 127.0.0.1", "127.0.0.1 ", "127.0.0.1.",
    "[::1]", "::1%lo", "fe80::1%1", "localhost", "a b", "x",
    A63, A64, A63 + ".b", A64 + ".b", "x." + A64, "x." + "b" * 70, A63 + "." + A63,
    "a..b", ".a", ".", "..", "a.b.", "a." * 128,
    name_of(253), name_of(254), name_of(255), name_of(256), name_of(254, True), name_of(255, True),
    ".".join([A63] * 4), ".".join([A63] * 3) + "." + A64,
    "127.0.0.1\0junk", "\0", "\0.", "a\0..b", A64 + "\0", "::1\0", "\0" + A64, "a\0b" * 90,
    "\u00e9", "b\u00fccher", "a" * 60 + "\u00e9", "\u00e9.." , "x\u3002y", "\u00e9" * 70,
    "\t", "a'b", "a\"b", "a\\b", "\x7f",
]
BYTES_HOSTS = [
    b"", b"127.0.0.1", b"::1", b"a" * 64, b"a..b", b".", b"127.0.0.1\0junk", b"\0", b"\xff",
    b"b\xfccher", name_of(255).encode(), (A64 * 4).encode(),
]
INT_PORTS = [None, 0, 80, 65535, 65536, -1, 131152, 2**31, -2**31 - 1, 2**63 - 1, -2**63]
STR_PORTS = ["80", "http", "", " 80", "80 ", "0x50", "-1", "65536", "99999999999999999999",
             "80\0junk", "\0", "\u00e9", "+80"]
BYTES_PORTS = [b"80", b"80\0x", b"", b"http", b"\xff"]


def enc_host(h):
    if h is None:
        return "-"
    if isinstance(h, bytes):
        return "b:" + h.hex()
    return "s:" + h.encode().hex()


def enc_port(p):
    if p is None:
        return "-"
    if isinstance(p, int):
        return "i:%d" % p
    if isinstance(p, bytes):
        return "b:" + p.hex()
    return "s:" + p.encode().hex()


def outcome(fn):
    try:
        result = fn()
    except ExceptionGroup as e:
        return "%s(%r, [%s])" % (type(e).__name__, e.message, ", ".join(repr(x) for x in e.exceptions))
    except Exception as e:
        return repr(e)
    if isinstance(result, sk.socket):
        result.close()
        return "connected"
    return repr(result)


# The fuzz target's input format (Fuzz/LibraryFuzzer/main.swift, `ResolverCall.init(reading:)`):
# byte 0: bit 0 create_connection, bit 1 all_errors, bits 2-3 host kind (0 str, 1 bytes, 2 None),
# bits 4-5 port kind (0 int, 1 str, 2 bytes, 3 None); then the host as a 2-byte big-endian
# length and its bytes (0xFE escapes: FE 00 is the byte FE, FE 01 63 'a's, FE 02 64 'a's);
# the port (an int, or a length byte and its bytes); for getaddrinfo four ints. An int is
# 0xFF and 8 bytes big-endian (two's complement); a byte below 0x80 picks an edge value.
def seed(api, host, port, ints):
    kind = {str: 0, bytes: 1, type(None): 2}[type(host)]
    pkind = 3 if port is None else {int: 0, str: 1, bytes: 2}[type(port)]
    out = bytearray([(api != "getaddrinfo") | (api == "create_connection_all") << 1 | kind << 2 | pkind << 4])
    raw = b"" if host is None else host if isinstance(host, bytes) else host.encode()
    raw = raw.replace(b"\xfe", b"\xfe\x00")
    out += struct.pack(">H", len(raw)) + raw
    if isinstance(port, int):
        out += b"\xff" + struct.pack(">q", port)
    elif port is not None:
        raw = port if isinstance(port, bytes) else port.encode()
        out += bytes([len(raw)]) + raw
    if api == "getaddrinfo":
        for value in ints:
            out += b"\xff" + struct.pack(">q", value)
    return bytes(out)


def calls():
    """Every call of the table, in a fixed order."""
    n = N
    # Every host with every port form, numeric flags (no lookup even outside a namespace).
    # (A long host meets the few port forms that differ by how they reach C.)
    for host in [None] + STR_HOSTS + BYTES_HOSTS:
        ports = INT_PORTS + STR_PORTS + BYTES_PORTS if host is None or len(host) <= 16 else [80, "80", None, b"80", "80\0junk"]
        for port in ports if not isinstance(host, bytes) else [p for p in ports if not isinstance(p, bytes)]:
            yield "getaddrinfo", host, port, (0, sk.SOCK_STREAM, 0, n)
    # The C int arguments at their edges, each position in turn, before a good and two bad hosts.
    for host, port in [("127.0.0.1", 80), (A64, 80), ("127.0.0.1\0", "80"), ("a..b", 2**63 - 1), (b"::1", None)]:
        for position in range(4):
            for value in INT_EDGES + [sk.AF_INET6, 12345, sk.SOCK_DGRAM, sk.SOCK_RAW, 5, 17, 255,
                                      sk.AI_CANONNAME | n, sk.AI_PASSIVE | n, 0x40 | n, 0x8000 | n, 0x400 | n]:
                ints = [0, 0, 0, n]
                ints[position] = value
                if position == 3 and value >= 0 and value <= 2**31 - 1:
                    ints[3] = value | n  # a lookup only in the namespace; numeric keeps it local anyway
                yield "getaddrinfo", host, port, tuple(ints)
    for family in (0, sk.AF_INET, sk.AF_INET6):
        for kind in (0, sk.SOCK_STREAM, sk.SOCK_DGRAM, sk.SOCK_RAW):
            for flags in (n, n | sk.AI_PASSIVE, n | sk.AI_CANONNAME, n | sk.AI_V4MAPPED | sk.AI_ALL):
                for host in (None, "127.0.0.1", "::1", "::ffff:1.2.3.4", "0.0.0.0"):
                    yield "getaddrinfo", host, 443, (family, kind, 0, flags)
    # Names with no numeric flag: rejected before the lookup, or looked up in the namespace.
    for host in ["localhost", "example.invalid", A63 + ".b", name_of(255), A64, "a..b", "127.0.0.1\0x"]:
        for port in (80, "http", "nope", None):
            yield "getaddrinfo", host, port, (0, sk.SOCK_STREAM, 0, 0)
    # create_connection((host, port)) with and without all_errors: its checks, then a lookup and
    # connect() on a loopback that is down.
    for api in ("create_connection", "create_connection_all"):
        for host in STR_HOSTS:
            for port in (80, 0, 65536, -1, 2**63 - 1) if len(host) <= 16 else (80,):
                yield api, host, port, (0, sk.SOCK_STREAM, 0, 0)


def call(api, host, port, ints):
    if api == "getaddrinfo":
        return outcome(lambda: sk.getaddrinfo(host, port, *ints))
    return outcome(lambda: sk.create_connection((host, port), all_errors=api == "create_connection_all"))


def main():
    if sys.version_info[:2] != (3, 13):
        sys.exit("capture_getaddrinfo.py: run it with CPython 3.13")
    if os.environ.get("CAPTURE_ISOLATED") != "1":
        os.environ["CAPTURE_ISOLATED"] = "1"
        os.execvp("unshare", ["unshare", "--net", sys.executable] + sys.argv)
    if sk.if_nameindex() != [(1, "lo")]:
        sys.exit("capture_getaddrinfo.py: not in an isolated network namespace")
    rows = []
    os.makedirs(SEEDS, exist_ok=True)
    seeds = set()
    for api, host, port, ints in calls():
        result = call(api, host, port, ints)
        rows.append("\t".join([api, enc_host(host), enc_port(port)] + [str(v) for v in ints] + [result]))
        data = seed(api, host, port, ints)
        name = hashlib.sha1(data).hexdigest()
        if name not in seeds:
            seeds.add(name)
            with open(os.path.join(SEEDS, name), "wb") as f:
                f.write(data)
    with open(TABLE, "w") as f:
        f.write("# CPython %s, captured by Fuzz/LibraryFuzzer/capture_getaddrinfo.py in a network namespace with lo down\n"
                % sys.version.split()[0])
        f.write("\n".join(rows) + "\n")
    print("capture_getaddrinfo: %d calls, %d seeds" % (len(rows), len(seeds)))


if __name__ == "__main__":
    main()
