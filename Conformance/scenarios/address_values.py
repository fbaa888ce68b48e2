"""Addresses used as the values other calls return: passed back in, hosts as bytes, tuple shapes."""


def create_connection_from_getsockname(sk):
    """create_connection takes the address getsockname returned."""
    srv = sk.create_server(("127.0.0.1", 0))
    c = sk.create_connection(srv.getsockname(), timeout=2)
    conn, addr = srv.accept()
    c.getpeername() == srv.getsockname()
    conn.close()
    c.close()
    srv.close()


def create_connection_wrong_shapes(sk):
    """Lib/socket.py unpacks `host, port = address`: other shapes fail there."""
    sk.create_connection(("::1", 1, 0, 0))
    sk.create_connection("abc")


def sendto_ipv6_tuples(sk):
    """sendto takes the 2-, 3- and 4-tuple forms on AF_INET6."""
    u = sk.socket(sk.AF_INET6, sk.SOCK_DGRAM)
    u.bind(("::1", 0))
    port = u.getsockname()[1]
    u.sendto(b"a", ("::1", port))
    u.sendto(b"b", ("::1", port, 0))
    u.sendto(b"c", ("::1", port, 0, 0))
    u.recvfrom(10)
    u.recvfrom(10)
    u.recvfrom(10)
    u.close()


def bytes_hosts(sk):
    """Hosts given as bytes or bytearray, in tuples and in gethostbyname."""
    sk.gethostbyname(b"127.0.0.1")
    sk.gethostbyname(bytearray(b"127.0.0.1"))
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.bind((b"127.0.0.1", 0))
    u.connect((bytearray(b"127.0.0.1"), u.getsockname()[1]))
    u.getsockname()
    u.close()


def getsockopt_zero_is_the_int(sk):
    """getsockopt(level, name, 0) returns the int, and it equals the IntEnum attribute."""
    s = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    s.getsockopt(sk.SOL_SOCKET, sk.SO_TYPE, 0)
    s.getsockopt(sk.SOL_SOCKET, sk.SO_TYPE)
    s.type
    s.close()
