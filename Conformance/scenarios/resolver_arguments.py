"""getaddrinfo and create_connection: every argument's validation, in CPython's order (numeric only, no DNS)."""


def _numeric(sk):
    return sk.AI_NUMERICHOST | sk.AI_NUMERICSERV


def getaddrinfo_host_idna_ascii(sk):
    """A str host goes through Python's idna codec: an empty label or one of 64+ characters is a UnicodeEncodeError."""
    n = _numeric(sk)
    sk.getaddrinfo("a" * 64 + ".example", 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("a" * 63 + ".example", 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("x." + "b" * 70, 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("a..b", 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo(".a", 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo(".", 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("..", 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("a.b.", 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1.", 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("", 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("a b", 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo(".".join(["a" * 63] * 4), 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("a." * 128, 80, 0, sk.SOCK_STREAM, 0, n)


def getaddrinfo_host_bytes_skip_idna(sk):
    """A bytes host is passed as it is: no label checks."""
    n = _numeric(sk)
    sk.getaddrinfo(b"a" * 64 + b".example", 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo(b"a..b", 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo(b".", 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo(b"127.0.0.1", 80, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo(b"b\xfccher", 80, 0, sk.SOCK_STREAM, 0, n)


def getaddrinfo_port_forms(sk):
    """The port: an int is printed with %ld, a str or bytes is passed up to its first NUL, None is no service."""
    n = _numeric(sk)
    sk.getaddrinfo("127.0.0.1", 65535, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1", 65536, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1", 131152, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1", -1, 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1", "65536", 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1", "-1", 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1", "", 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1", b"", 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1", " 80", 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1", "0x50", 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1", "99999999999999999999", 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1", "80\0junk", 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1", b"80\0junk", 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1", "\u00e9", 0, sk.SOCK_STREAM, 0, n)
    sk.getaddrinfo("127.0.0.1", None, 0, sk.SOCK_STREAM, 0, n)


def getaddrinfo_int_arguments_reach_the_resolver(sk):
    """family/type/proto/flags inside C int range go to getaddrinfo(3), which judges them."""
    sk.getaddrinfo("127.0.0.1", 80, -1)
    sk.getaddrinfo("127.0.0.1", 80, 0, -1)
    sk.getaddrinfo("127.0.0.1", 80, 0, 0, -1)
    sk.getaddrinfo("127.0.0.1", 80, 0, 0, 0, -1)
    sk.getaddrinfo("127.0.0.1", 80, 0, 0, 0, 2**31 - 1)
    sk.getaddrinfo("127.0.0.1", 80, 0, 0, 0, -2**31)


def getaddrinfo_check_order(sk):
    """The C ints are parsed first, then the host (idna), then the port."""
    sk.getaddrinfo("a" * 64, 80, 2**31)
    sk.getaddrinfo("a" * 64, 80, 0, 0, 0, -2**31 - 1)
    sk.getaddrinfo("a..b", "80\0")
    sk.getaddrinfo("", 2**63 - 1, 0, 0, 0, _numeric(sk))


def create_connection_address_checks(sk):
    """create_connection resolves with getaddrinfo(host, port, 0, SOCK_STREAM): its checks, then connect's."""
    sk.create_connection(("a" * 64, 80))
    sk.create_connection(("a..b", 80))
    sk.create_connection(("127.0.0.1", -1))


def create_connection_timeout_and_source(sk):
    """The timeout is set on each new socket and the source address bound before connecting."""
    srv = sk.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)
    addr = srv.getsockname()
    sk.create_connection(addr, timeout=-1)
    sk.create_connection(addr, timeout=float("nan"))
    sk.create_connection(addr, timeout=1e300)
    sk.create_connection(addr, source_address=("127.0.0.1", 70000))
    sk.create_connection(addr, source_address=("127.0.0.1", -1))
    c = sk.create_connection(addr, timeout=0.5, source_address=("127.0.0.1", 0))
    if c:
        c.gettimeout()
        c.close()
    c = sk.create_connection(addr, None, ("", 0))
    if c:
        c.gettimeout()
        c.close()
    c = sk.create_connection(addr, timeout=0)
    if c:
        c.gettimeout()
        c.close()
    srv.close()


def create_connection_all_errors(sk):
    """all_errors=True raises an ExceptionGroup of every attempt's error; resolver errors stay bare."""
    holder = sk.socket()
    holder.bind(("127.0.0.1", 0))
    addr = holder.getsockname()
    sk.create_connection(addr, all_errors=True)
    sk.create_connection(addr, all_errors=False)
    sk.create_connection(("a" * 64, 80), all_errors=True)
    sk.create_connection(("127.0.0.1", -1), all_errors=True)
    holder.close()
