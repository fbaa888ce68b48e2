"""Address helpers: inet_aton/ntoa/pton/ntop, hton*/ntoh*, CMSG_LEN/SPACE, if_* names."""


def inet_aton_forms(sk):
    """inet_aton accepts the classic short forms and rejects garbage."""
    for text in ("127.0.0.1", "0.0.0.0", "255.255.255.255", "1.2.3", "1.2", "1",
                 "0x7f.1", "010.0.0.1", "1.2.3.4.5", "256.1.1.1", "", "abc", " 1.2.3.4", "1.2.3.4 junk"):
        sk.inet_aton(text)


def inet_ntoa_forms(sk):
    """inet_ntoa needs exactly four bytes."""
    sk.inet_ntoa(b"\x7f\x00\x00\x01")
    sk.inet_ntoa(b"\xff\xff\xff\xff")
    sk.inet_ntoa(b"\x00\x00\x00\x00")
    sk.inet_ntoa(b"\x01\x02\x03")
    sk.inet_ntoa(b"\x01\x02\x03\x04\x05")
    sk.inet_ntoa(b"")
    sk.inet_ntoa(bytearray(b"\x0a\x00\x00\x01"))


def inet_pton_ipv4(sk):
    """inet_pton(AF_INET) is strict dotted quad."""
    for text in ("127.0.0.1", "1.2.3.4", "255.255.255.255", "1.2.3", "256.0.0.1",
                 "01.2.3.4", "1.2.3.4 ", "", "::1"):
        sk.inet_pton(sk.AF_INET, text)


def inet_pton_ipv6(sk):
    """inet_pton(AF_INET6): compressed forms, embedded IPv4, and errors."""
    for text in ("::", "::1", "fe80::1", "2001:db8::8:800:200c:417a", "::ffff:1.2.3.4",
                 "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", ":::",
                 "::1%lo", "", "127.0.0.1", "FFFF::ABCD"):
        sk.inet_pton(sk.AF_INET6, text)


def inet_ntop_ipv4(sk):
    """inet_ntop(AF_INET) needs 4 bytes."""
    sk.inet_ntop(sk.AF_INET, b"\x7f\x00\x00\x01")
    sk.inet_ntop(sk.AF_INET, b"\xc0\xa8\x01\xfe")
    sk.inet_ntop(sk.AF_INET, b"\x01\x02\x03")
    sk.inet_ntop(sk.AF_INET, b"\x01\x02\x03\x04\x05")


def inet_ntop_ipv6(sk):
    """inet_ntop(AF_INET6) compresses zero runs as glibc does."""
    for raw in (bytes(16), bytes(15) + b"\x01", b"\xfe\x80" + bytes(13) + b"\x01",
                b"\x20\x01\x0d\xb8" + bytes(8) + b"\x00\x00\x00\x01",
                bytes(10) + b"\xff\xff\x01\x02\x03\x04",
                b"\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x01",
                bytes(range(16)), b"\x00" * 15, b"\x00" * 17):
        sk.inet_ntop(sk.AF_INET6, raw)


def inet_pton_ntop_bad_family(sk):
    """Other families raise OSError EAFNOSUPPORT or ValueError."""
    sk.inet_pton(sk.AF_UNIX, "1.2.3.4")
    sk.inet_ntop(sk.AF_UNIX, b"\x01\x02\x03\x04")
    sk.inet_pton(12345, "1.2.3.4")


def round_trips(sk):
    """pton then ntop gives the canonical text."""
    for text in ("::ffff:10.0.0.1", "2001:0db8:0000:0000:0000:0000:0000:0001", "0:0:0:0:0:0:0:1"):
        sk.inet_ntop(sk.AF_INET6, sk.inet_pton(sk.AF_INET6, text))
    sk.inet_ntoa(sk.inet_aton("10.1"))


def byte_order_16(sk):
    """htons/ntohs swap 16-bit values; out-of-range values raise OverflowError."""
    for v in (0, 1, 0x1234, 0xFFFF, 80, 8080):
        sk.htons(v)
        sk.ntohs(v)
    sk.htons(0x10000)
    sk.htons(-1)
    sk.ntohs(0x10000)
    sk.ntohs(-1)


def byte_order_32(sk):
    """htonl/ntohl swap 32-bit values; out-of-range values raise OverflowError."""
    for v in (0, 1, 0x12345678, 0xFFFFFFFF, 0x7F000001):
        sk.htonl(v)
        sk.ntohl(v)
    sk.htonl(0x100000000)
    sk.htonl(-1)
    sk.ntohl(2 ** 40)
    sk.ntohl(-5)


def cmsg_sizes(sk):
    """CMSG_LEN and CMSG_SPACE for a few payload sizes; negative sizes fail."""
    for n in (0, 1, 4, 8, 12, 16, 100):
        sk.CMSG_LEN(n)
        sk.CMSG_SPACE(n)
    sk.CMSG_LEN(-1)
    sk.CMSG_SPACE(-1)
    sk.CMSG_LEN(2 ** 62)
    sk.CMSG_SPACE(2 ** 62)


def interface_names(sk, t):
    """if_nametoindex('lo') is 1 on Linux; unknown names and indexes raise OSError."""
    sk.if_nametoindex("lo")
    sk.if_indextoname(1)
    sk.if_nametoindex("no-such-if0")
    sk.if_indextoname(999999)
    sk.if_indextoname(-1)
    sk.if_indextoname(0)
    sk.if_nameindex()
    t.loose()


def address_family_numbers(sk, t):
    """The enum members used in addresses print as Python 3.13 prints them."""
    t.repr(sk.AF_INET)
    t.str(sk.AF_INET)
    t.repr(sk.AF_INET6)
    t.repr(sk.AF_UNIX)
    t.repr(sk.AF_UNSPEC)
    t.repr(sk.SOCK_STREAM)
    t.repr(sk.SOCK_RAW)
    t.repr(sk.MSG_WAITALL)
    t.repr(sk.MSG_PEEK | sk.MSG_WAITALL)
    t.str(sk.MSG_PEEK | sk.MSG_WAITALL)
    t.repr(sk.AI_PASSIVE | sk.AI_CANONNAME)
