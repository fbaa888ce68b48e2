"""Errors and bad input: the exception class, errno and message CPython picks for each."""


def bad_family_type_proto(sk):
    """Unknown family, type or protocol numbers."""
    sk.socket(12345, sk.SOCK_STREAM)
    sk.socket(sk.AF_INET, 12345)
    sk.socket(sk.AF_INET, sk.SOCK_STREAM, 12345)
    sk.socket(sk.AF_INET, sk.SOCK_STREAM, sk.IPPROTO_UDP)
    sk.socket(sk.AF_UNIX, sk.SOCK_STREAM, sk.IPPROTO_TCP)
    sk.socket(-1, sk.SOCK_STREAM)
    sk.socket(sk.AF_INET, sk.SOCK_SEQPACKET)


def port_out_of_range(sk):
    """Ports outside 0..65535 raise OverflowError with CPython's message."""
    s = sk.socket()
    s.bind(("127.0.0.1", 65536))
    s.bind(("127.0.0.1", -1))
    s.bind(("127.0.0.1", 2 ** 40))
    s.connect(("127.0.0.1", 70000))
    s.connect_ex(("127.0.0.1", 70000))
    s.close()
    s6 = sk.socket(sk.AF_INET6)
    s6.bind(("::1", 65536, 0, 0))
    s6.bind(("::1", 0, 2 ** 20, 0))
    s6.bind(("::1", 0, 0, -1))
    s6.close()


def bad_ipv4_hosts(sk):
    """Hosts that are not IPv4 literals, on a socket where resolution is numeric-only."""
    s = sk.socket()
    s.bind(("256.0.0.1", 0))
    s.bind(("1.2.3", 0))
    s.bind(("127.0.0.1 ", 0))
    s.bind(("::1", 0))
    s.bind(("", 0))
    s.getsockname()
    s.close()


def wrong_address_shapes(sk):
    """Address tuples of the wrong size or type for the family."""
    s = sk.socket()
    s.bind(("127.0.0.1", 0, 0, 0))
    s.bind(("127.0.0.1",))
    s.bind("127.0.0.1")
    s.bind(("127.0.0.1", "80"))
    s.connect(("127.0.0.1", 0, 0))
    s.close()
    s6 = sk.socket(sk.AF_INET6)
    s6.bind(("::1",))
    s6.bind(("::1", 0, 0, 0, 0))
    s6.bind("::1")
    s6.close()


def errno_subclasses(sk, t):
    """The errno picks the OSError subclass: refused, reset, pipe, in use, not found..."""
    probe = sk.socket()
    probe.bind(("127.0.0.1", 0))
    dead = probe.getsockname()
    probe.close()
    c = sk.socket()
    c.connect(dead)
    c.close()
    a, b = sk.socketpair()
    b.close()
    a.send(b"x")
    a.close()
    x = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    x.connect(t.path("nothing-here"))
    x.close()
    srv = sk.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    y = sk.socket()
    y.bind(srv.getsockname())
    y.close()
    srv.close()


def error_aliases(sk):
    """socket.error is OSError, socket.timeout is TimeoutError."""
    sk.error
    sk.timeout
    sk.herror
    sk.gaierror


def negative_and_huge_sizes(sk):
    """Negative buffer sizes and counts raise ValueError; huge ones OverflowError or MemoryError."""
    a, b = sk.socketpair()
    a.recv(-5)
    a.recvfrom(-5)
    a.recv_into(bytearray(4), -2)
    a.recvfrom_into(bytearray(4), -2)
    a.recvfrom_into(bytearray(4), 8)
    a.recv_into(bytearray(4), 8)
    a.recvmsg(-1)
    a.recvmsg(10, -1)
    a.close()
    b.close()


def bad_shutdown_how(sk):
    """shutdown with an invalid how raises EINVAL."""
    a, b = sk.socketpair()
    a.shutdown(3)
    a.shutdown(-1)
    a.shutdown(sk.SHUT_RD)
    a.close()
    b.close()


def bad_file_descriptor(sk):
    """Operations on a detached or closed descriptor raise EBADF."""
    s = sk.socket()
    s.close()
    s.fileno()
    s.listen()
    s.getsockopt(sk.SOL_SOCKET, sk.SO_ERROR)
    s.recv_into(bytearray(3))
    s.sendto(b"x", 0, ("127.0.0.1", 9))
    s.setblocking(True)
    s.getblocking()
    s.detach()


def connect_wrong_family_address(sk):
    """An AF_INET6 socket given a 2-tuple works; an IPv4 literal fails."""
    s6 = sk.socket(sk.AF_INET6)
    s6.bind(("127.0.0.1", 0))
    s6.bind(("::1", 0))
    s6.getsockname()
    s6.close()


def send_wrong_types_runtime(sk):
    """send of str is a TypeError (bytes-like required)."""
    a, b = sk.socketpair()
    a.send("text")
    a.sendall("text")
    a.sendto("text", ("127.0.0.1", 9))
    a.close()
    b.close()


def udp_on_stream_operations(sk):
    """Stream-only operations on a datagram socket and vice versa."""
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.accept()
    u.listen()
    u.shutdown(sk.SHUT_RDWR)
    u.close()
    s = sk.socket()
    s.sendto(b"x", ("127.0.0.1", 9))
    s.recvfrom(1)
    s.close()


def getsockopt_on_wrong_level(sk):
    """TCP options on a UDP socket, UDP-level options on TCP."""
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.getsockopt(sk.IPPROTO_TCP, sk.TCP_NODELAY)
    u.setsockopt(sk.IPPROTO_TCP, sk.TCP_NODELAY, 1)
    u.close()
    a, b = sk.socketpair()
    a.getsockopt(sk.IPPROTO_TCP, sk.TCP_NODELAY)
    a.getsockopt(sk.IPPROTO_IP, sk.IP_TTL)
    a.close()
    b.close()


def exception_str_forms(sk):
    """str(e) of OSError subclasses carries '[Errno N] message'."""
    s = sk.socket()
    s.getpeername()
    s.listen(1)
    s.setblocking(False)
    s.accept()
    s.close()


def connect_to_port_zero(sk):
    """connect to port 0 is refused on Linux."""
    s = sk.socket()
    s.connect(("127.0.0.1", 0))
    s.close()
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.connect(("127.0.0.1", 0))
    u.getpeername()
    u.close()


def operations_after_detach(sk):
    """After detach(), the object behaves as closed."""
    s = sk.socket()
    fd = s.detach()
    s.recv(1)
    s.getsockname()
    s.close()
    sk.close(fd)
