"""Argument ranges and hostile arguments: C-int conversions, sizes, timeouts, wrong shapes."""

BIG = 2**31
SMALL = -2**31 - 1
HUGE = 2**63 - 1
TINY = -2**63


def socket_args_beyond_c_int(sk):
    """socket() reads family, type and proto with PyLong_AsInt: OverflowError, no socket made."""
    for v in (BIG, SMALL, HUGE, TINY):
        sk.socket(v)
        sk.socket(sk.AF_INET, v)
        sk.socket(sk.AF_INET, sk.SOCK_STREAM, v)
    sk.socket(-1, -1, -1).close()


def socketpair_args_beyond_c_int(sk):
    """socketpair() parses "|iii": the "i" format's messages."""
    for v in (BIG, SMALL, HUGE, TINY):
        sk.socketpair(v)
        sk.socketpair(sk.AF_UNIX, v)
        sk.socketpair(sk.AF_UNIX, sk.SOCK_STREAM, v)


def fileno_positional_and_out_of_range(sk):
    """fileno by position; it is cut to a C int, and a negative result is a ValueError."""
    a, b = sk.socketpair()
    c = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM, 0, a.detach())
    c.family
    c.type
    c.close()
    sk.socket(sk.AF_INET, sk.SOCK_STREAM, 0, -1)
    sk.socket(sk.AF_INET, sk.SOCK_STREAM, 0, BIG)
    sk.socket(sk.AF_INET, sk.SOCK_STREAM, 0, HUGE)
    b.close()


def listen_backlog_range(sk):
    """listen() parses the backlog with "|i"; a negative one counts as 0."""
    s = sk.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(BIG)
    s.listen(SMALL)
    s.listen(HUGE)
    s.listen(-5)
    s.listen(2**31 - 1)
    s.close()


def send_recv_flags_range(sk):
    """The flags of every send and receive call are C ints: no truncation, OverflowError."""
    a, b = sk.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    for v in (BIG, SMALL, HUGE, TINY):
        a.send(b"x", v)
        a.sendall(b"x", v)
        b.recv(1, v)
        b.recv_into(bytearray(1), 1, v)
        b.recvfrom(1, v)
        b.recvfrom_into(bytearray(1), 1, v)
        a.sendmsg([b"x"], [], v)
        b.recvmsg(1, 0, v)
    b.recv(10)
    a.close()
    b.close()


def sendto_flags_range(sk):
    """sendto's flags are checked before its address."""
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.bind(("127.0.0.1", 0))
    for v in (BIG, SMALL):
        u.sendto(b"x", v, u.getsockname())
        u.sendto(b"x", v, ("127.0.0.1", 70000))
    u.close()


def flags_checked_before_sizes(sk):
    """recv parses bufsize and flags together: a bad flag wins over a negative size."""
    a, b = sk.socketpair()
    b.recv(-1, BIG)
    b.recvfrom(-1, BIG)
    b.recv_into(bytearray(1), -1, BIG)
    b.recv(-1)
    a.close()
    b.close()


def receive_sizes_out_of_range(sk):
    """A buffer size no bytes object can have raises OverflowError."""
    a, b = sk.socketpair()
    b.setblocking(False)
    b.recv(HUGE)
    b.recvfrom(HUGE)
    b.recvmsg(HUGE)
    b.recv(TINY)
    b.recvmsg(1, HUGE)
    b.recv_into(bytearray(4), HUGE)
    a.close()
    b.close()


def shutdown_how_range(sk):
    """shutdown() reads `how` with PyLong_AsInt."""
    a, b = sk.socketpair()
    for v in (BIG, SMALL, HUGE, TINY):
        a.shutdown(v)
    a.shutdown(99)
    a.close()
    b.close()


def sockopt_ranges(sk):
    """Level and name are C ints; an int value beyond a C int is 'not bytes-like'."""
    a, b = sk.socketpair()
    for v in (BIG, SMALL):
        a.setsockopt(v, sk.SO_RCVBUF, 1)
        a.setsockopt(sk.SOL_SOCKET, v, 1)
        a.setsockopt(sk.SOL_SOCKET, sk.SO_RCVBUF, v)
        a.setsockopt(v, sk.SO_RCVBUF, v)
        a.getsockopt(v, sk.SO_RCVBUF)
        a.getsockopt(sk.SOL_SOCKET, sk.SO_TYPE, v)
    a.getsockopt(sk.SOL_SOCKET, sk.SO_TYPE, 0)
    a.getsockopt(sk.SOL_SOCKET, sk.SO_TYPE, 4)
    a.getsockopt(sk.SOL_SOCKET, sk.SO_TYPE, 2000)
    a.close()
    b.close()


def timeout_range_order(sk):
    """The clock's range is checked before the sign: -inf is an OverflowError."""
    s = sk.socket()
    for v in (float("-inf"), -1e300, -1e10, -1.0, -1e-10, -0.0, 9223372036.854775, 9223372036.8547758):
        s.settimeout(v)
        s.gettimeout()
    for v in (9223372036, 9223372037, -9223372037, SMALL, True, False):
        s.settimeout(v)
        s.gettimeout()
    s.close()


def default_timeout_range_order(sk):
    """setdefaulttimeout checks as settimeout does."""
    for v in (float("-inf"), -1e300, -1e10, -1.0, float("nan"), 1e10, 9223372037, -5):
        sk.setdefaulttimeout(v)
        sk.getdefaulttimeout()
    sk.setdefaulttimeout(True)
    sk.getdefaulttimeout()
    sk.setdefaulttimeout(None)


def setblocking_with_ints(sk):
    """setblocking takes any int: non-zero is True."""
    s = sk.socket()
    s.setblocking(0)
    s.gettimeout()
    s.setblocking(2)
    s.gettimeout()
    s.setblocking(0)
    s.getblocking()
    s.setblocking(1)
    s.getblocking()
    s.close()


def address_wrong_shapes(sk):
    """A tuple of ints on AF_INET is a host of the wrong type."""
    s = sk.socket()
    s.bind((127, 0))
    s.connect((127, 80))
    s.close()
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.sendto(b"x", (127, 0))
    u.close()


def address_field_ranges(sk):
    """Ports, flow labels and scope ids: which are checked, which are cut to 32 bits."""
    s = sk.socket(sk.AF_INET6)
    for v in (BIG, SMALL, HUGE, TINY):
        s.bind(("::1", v))
        s.bind(("::1", 0, v))
    s.bind(("::1", 0, TINY, 0))
    s.getsockname()
    s.close()
    t = sk.socket(sk.AF_INET6)
    t.bind(("::1", 0, 0, BIG))
    t.close()


def module_int_ranges(sk):
    """Module functions that take C ints or sizes."""
    for v in (BIG, SMALL, HUGE, TINY):
        sk.htons(v)
        sk.ntohs(v)
        sk.htonl(v)
        sk.ntohl(v)
        sk.CMSG_LEN(v)
        sk.CMSG_SPACE(v)
        sk.if_indextoname(v)
        sk.getservbyport(v)
        sk.inet_ntop(v, b"1234")
        sk.inet_pton(v, "1.2.3.4")
        sk.getnameinfo(("127.0.0.1", 80), v)
        sk.getnameinfo(("127.0.0.1", v), 0)
        sk.getaddrinfo("127.0.0.1", 80, v)
        sk.getaddrinfo("127.0.0.1", 80, 0, v)
        sk.getaddrinfo("127.0.0.1", 80, 0, 0, v)
        sk.getaddrinfo("127.0.0.1", 80, 0, 0, 0, v)


def packet_fields_beyond_c_int(sk):
    """AF_PACKET's proto, pkttype and hatype are C ints, parsed before the interface is looked up."""
    s = sk.socket(sk.AF_PACKET, sk.SOCK_RAW, 0)
    s.bind(("lo", 0, BIG))
    s.bind(("lo", 0, 0, SMALL))
    s.bind(("no-such-if", BIG))
    s.bind(("lo", 70000))
    s.bind(("lo", 0, 257))
    s.close()
