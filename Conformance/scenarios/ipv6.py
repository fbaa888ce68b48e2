"""IPv6 on ::1: 4-tuple addresses, V6ONLY, v4-mapped addresses, dual-stack servers."""


def tcp_four_tuples(sk):
    """IPv6 addresses are (host, port, flowinfo, scope_id) 4-tuples."""
    srv = sk.socket(sk.AF_INET6, sk.SOCK_STREAM)
    srv.bind(("::1", 0))
    srv.listen()
    srv.getsockname()
    c = sk.socket(sk.AF_INET6, sk.SOCK_STREAM)
    c.connect(srv.getsockname())
    c.getpeername()
    conn, addr = srv.accept()
    conn.getsockname()
    conn.sendall(b"six")
    c.recv(10)
    for x in (conn, c, srv):
        x.close()


def short_tuple_accepted(sk):
    """A 2-tuple or 3-tuple is accepted for AF_INET6 bind and connect."""
    srv = sk.socket(sk.AF_INET6)
    srv.bind(("::1", 0))
    srv.listen()
    port = srv.getsockname()[1]
    c = sk.socket(sk.AF_INET6)
    c.connect(("::1", port))
    c.getpeername()
    c.close()
    c = sk.socket(sk.AF_INET6)
    c.connect(("::1", port, 0))
    c.getpeername()
    c.close()
    srv.close()


def udp_four_tuples(sk):
    """IPv6 UDP sendto/recvfrom."""
    a = sk.socket(sk.AF_INET6, sk.SOCK_DGRAM)
    a.bind(("::1", 0))
    b = sk.socket(sk.AF_INET6, sk.SOCK_DGRAM)
    b.bind(("::1", 0))
    b.settimeout(1.0)
    a.sendto(b"v6", b.getsockname())
    b.recvfrom(10)
    a.sendto(b"short", ("::1", b.getsockname()[1]))
    b.recvfrom(10)
    a.close()
    b.close()


def v6only_option(sk):
    """IPV6_V6ONLY defaults to 0 on Linux and can be set before bind."""
    s = sk.socket(sk.AF_INET6)
    s.getsockopt(sk.IPPROTO_IPV6, sk.IPV6_V6ONLY)
    s.setsockopt(sk.IPPROTO_IPV6, sk.IPV6_V6ONLY, 1)
    s.getsockopt(sk.IPPROTO_IPV6, sk.IPV6_V6ONLY)
    s.bind(("::1", 0))
    s.setsockopt(sk.IPPROTO_IPV6, sk.IPV6_V6ONLY, 0)
    s.close()


def dual_stack_accepts_ipv4(sk):
    """A '::' listener with V6ONLY 0 accepts IPv4 clients as ::ffff: addresses."""
    srv = sk.socket(sk.AF_INET6)
    srv.setsockopt(sk.IPPROTO_IPV6, sk.IPV6_V6ONLY, 0)
    srv.bind(("::", 0))
    srv.listen()
    port = srv.getsockname()[1]
    c = sk.socket(sk.AF_INET)
    c.connect(("127.0.0.1", port))
    conn, addr = srv.accept()
    conn.getsockname()
    conn.getpeername()
    c.getpeername()
    for x in (conn, c, srv):
        x.close()


def v6only_refuses_ipv4(sk):
    """A '::' listener with V6ONLY 1 refuses IPv4 clients."""
    srv = sk.socket(sk.AF_INET6)
    srv.setsockopt(sk.IPPROTO_IPV6, sk.IPV6_V6ONLY, 1)
    srv.bind(("::", 0))
    srv.listen()
    port = srv.getsockname()[1]
    c = sk.socket(sk.AF_INET)
    c.connect_ex(("127.0.0.1", port))
    c.close()
    srv.close()


def v4_mapped_connect(sk):
    """An AF_INET6 socket connects to an IPv4 listener through ::ffff:127.0.0.1."""
    srv = sk.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    port = srv.getsockname()[1]
    c = sk.socket(sk.AF_INET6)
    c.connect(("::ffff:127.0.0.1", port))
    c.getpeername()
    c.getsockname()
    conn, addr = srv.accept()
    for x in (conn, c, srv):
        x.close()


def bad_ipv6_hosts(sk):
    """Malformed IPv6 literals and unknown scopes."""
    s = sk.socket(sk.AF_INET6)
    s.bind(("::g", 0))
    s.bind(("1::2::3", 0))
    s.bind(("::1%nosuchif", 0))
    s.bind(("fe80::1", 0, 0, 999))
    s.close()


def flowinfo_and_scope(sk):
    """flowinfo must fit 20 bits; scope_id for ::1 is ignored."""
    s = sk.socket(sk.AF_INET6, sk.SOCK_DGRAM)
    s.bind(("::1", 0, 0, 0))
    s.getsockname()
    s.sendto(b"x", ("::1", 9, 1048576, 0))
    s.sendto(b"x", ("::1", 9, -1, 0))
    s.close()


def any_address_and_repr(sk, t):
    """Binding '::' and the repr of an IPv6 socket."""
    s = sk.socket(sk.AF_INET6)
    s.bind(("::", 0))
    s.getsockname()
    t.repr(s)
    s.close()
    s = sk.socket(sk.AF_INET6)
    s.bind(("", 0))
    s.getsockname()
    s.close()


def ipv6_options(sk):
    """IPV6_UNICAST_HOPS, IPV6_MULTICAST_LOOP, IPV6_RECVPKTINFO."""
    u = sk.socket(sk.AF_INET6, sk.SOCK_DGRAM)
    u.getsockopt(sk.IPPROTO_IPV6, sk.IPV6_UNICAST_HOPS)
    u.setsockopt(sk.IPPROTO_IPV6, sk.IPV6_UNICAST_HOPS, 10)
    u.getsockopt(sk.IPPROTO_IPV6, sk.IPV6_UNICAST_HOPS)
    u.setsockopt(sk.IPPROTO_IPV6, sk.IPV6_UNICAST_HOPS, 300)
    u.getsockopt(sk.IPPROTO_IPV6, sk.IPV6_MULTICAST_LOOP)
    u.setsockopt(sk.IPPROTO_IPV6, sk.IPV6_MULTICAST_LOOP, 0)
    u.getsockopt(sk.IPPROTO_IPV6, sk.IPV6_MULTICAST_LOOP)
    u.setsockopt(sk.IPPROTO_IPV6, sk.IPV6_RECVPKTINFO, 1)
    u.getsockopt(sk.IPPROTO_IPV6, sk.IPV6_RECVPKTINFO)
    u.close()


def refused_over_ipv6(sk):
    """Connection refused on ::1."""
    probe = sk.socket(sk.AF_INET6)
    probe.bind(("::1", 0))
    dead = probe.getsockname()
    probe.close()
    c = sk.socket(sk.AF_INET6)
    c.connect(dead)
    c.connect_ex(dead)
    c.close()
