"""Linux-only address families: AF_NETLINK (pid, groups) and AF_PACKET (ifname, proto, ...)."""


def netlink_bind_and_name(sk, t):
    """A netlink route socket binds to (0, 0); the kernel picks the port id."""
    n = sk.socket(sk.AF_NETLINK, sk.SOCK_RAW, sk.NETLINK_ROUTE)
    n.bind((0, 0))
    name = n.getsockname()
    t.loose(name)
    n.family
    n.close()


def netlink_bad_addresses(sk, t):
    """Netlink addresses are a pair of ints; anything else is a TypeError."""
    n = sk.socket(sk.AF_NETLINK, sk.SOCK_RAW, sk.NETLINK_ROUTE)
    n.bind("x")
    n.bind(("lo", 1, 2))
    n.close()


def packet_bind_loopback(sk, t):
    """A packet socket bound to lo: the 2-tuple in, CPython's 5-tuple out."""
    p = sk.socket(sk.AF_PACKET, sk.SOCK_RAW, sk.htons(0x0800))
    p.bind(("lo", 0x0800))
    p.getsockname()
    p.close()


def packet_full_tuple(sk, t):
    """The 5-tuple form with a hardware address; a short address is padded by the kernel."""
    p = sk.socket(sk.AF_PACKET, sk.SOCK_RAW, 0)
    p.bind(("lo", 0x0806, 0, 0, b"\x01\x02"))
    p.getsockname()
    p.close()


def packet_errors(sk, t):
    """Unknown interface, proto out of range, hardware address too long, wrong shapes."""
    p = sk.socket(sk.AF_PACKET, sk.SOCK_RAW, 0)
    p.bind(("nosuchif0", 0))
    p.bind(("lo", 70000))
    p.bind(("lo", 0, 0, 0, b"123456789"))
    p.bind("lo")
    p.close()
