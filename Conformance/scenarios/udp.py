"""UDP over 127.0.0.1: sendto/recvfrom, connected datagram sockets, truncation, options."""


def _udp(sk):
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.bind(("127.0.0.1", 0))
    u.settimeout(1.0)
    return u


def sendto_recvfrom(sk):
    """A datagram arrives whole with the sender's address."""
    a, b = _udp(sk), _udp(sk)
    a.sendto(b"hello", b.getsockname())
    b.recvfrom(100)
    b.sendto(b"back", a.getsockname())
    a.recvfrom(100)
    a.close()
    b.close()


def sendto_with_flags(sk):
    """sendto(data, flags, address) form."""
    a, b = _udp(sk), _udp(sk)
    a.sendto(b"flagged", 0, b.getsockname())
    b.recv(100)
    a.sendto(b"dontwait", sk.MSG_DONTWAIT, b.getsockname())
    b.recvfrom(100, 0)
    a.close()
    b.close()


def truncation(sk):
    """recv smaller than the datagram drops the rest of it."""
    a, b = _udp(sk), _udp(sk)
    a.sendto(b"0123456789", b.getsockname())
    a.sendto(b"second", b.getsockname())
    b.recv(4)
    b.recv(100)
    a.sendto(b"abcdef", b.getsockname())
    b.recvfrom(3)
    a.close()
    b.close()


def truncation_into(sk):
    """recvfrom_into and recv_into truncate to the buffer; MSG_TRUNC reports the full size."""
    a, b = _udp(sk), _udp(sk)
    a.sendto(b"0123456789", b.getsockname())
    buf = bytearray(4)
    b.recvfrom_into(buf)
    a.sendto(b"abcdefgh", b.getsockname())
    big = bytearray(16)
    b.recvfrom_into(big, 5)
    a.sendto(b"xyz", b.getsockname())
    b.recv_into(big)
    a.sendto(b"0123456789", b.getsockname())
    b.recvfrom_into(bytearray(2), 10)
    b.recvfrom_into(bytearray(2), -1)
    a.close()
    b.close()


def empty_datagram(sk):
    """A zero-length datagram is delivered as b''."""
    a, b = _udp(sk), _udp(sk)
    a.sendto(b"", b.getsockname())
    b.recvfrom(10)
    a.close()
    b.close()


def peek_datagram(sk):
    """MSG_PEEK returns the datagram without consuming it."""
    a, b = _udp(sk), _udp(sk)
    a.sendto(b"peekaboo", b.getsockname())
    b.recvfrom(4, sk.MSG_PEEK)
    b.recvfrom(100, sk.MSG_PEEK)
    b.recvfrom(100)
    b.setblocking(False)
    b.recvfrom(100)
    a.close()
    b.close()


def connected_datagram(sk):
    """connect() on UDP sets the default peer and filters incoming datagrams."""
    a, b, other = _udp(sk), _udp(sk), _udp(sk)
    a.connect(b.getsockname())
    a.getpeername()
    a.send(b"via send")
    b.recvfrom(100)
    b.connect(a.getsockname())
    other.sendto(b"filtered", b.getsockname())
    a.send(b"allowed")
    b.recv(100)
    b.setblocking(False)
    b.recv(100)
    a.sendto(b"explicit", b.getsockname())
    b.recv(100)
    for x in (a, b, other):
        x.close()


def disconnect_with_af_unspec(sk):
    """connect((AF_UNSPEC)) is not available from Python; reconnect to another peer."""
    a, b, c = _udp(sk), _udp(sk), _udp(sk)
    a.connect(b.getsockname())
    a.getpeername()
    a.connect(c.getsockname())
    a.getpeername()
    a.send(b"to c")
    c.recv(10)
    for x in (a, b, c):
        x.close()


def send_unconnected_udp(sk):
    """send() on an unconnected UDP socket raises EDESTADDRREQ."""
    u = _udp(sk)
    u.send(b"nowhere")
    u.getpeername()
    u.close()


def icmp_refused_on_connected(sk):
    """Sending to a closed port on a connected UDP socket: the next call reports ECONNREFUSED."""
    probe = _udp(sk)
    dead = probe.getsockname()
    probe.close()
    u = _udp(sk)
    u.connect(dead)
    u.send(b"ping")
    u.recv(10)
    u.recv(10)
    u.close()


def icmp_refused_connect_ex(sk):
    """connect_ex on UDP never fails for a closed port; SO_ERROR carries the ICMP error."""
    probe = _udp(sk)
    dead = probe.getsockname()
    probe.close()
    u = _udp(sk)
    u.connect_ex(dead)
    u.send(b"ping")
    u.getsockopt(sk.SOL_SOCKET, sk.SO_ERROR)
    u.getsockopt(sk.SOL_SOCKET, sk.SO_ERROR)
    u.close()


def datagram_too_large(sk):
    """A datagram bigger than 65507 bytes raises EMSGSIZE."""
    u = _udp(sk)
    u.sendto(b"x" * 65508, u.getsockname())
    u.sendto(b"x" * 65507, u.getsockname())
    u.recv(70000)
    u.close()


def broadcast_option(sk):
    """Sending to 255.255.255.255 needs SO_BROADCAST."""
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.getsockopt(sk.SOL_SOCKET, sk.SO_BROADCAST)
    u.sendto(b"b", ("255.255.255.255", 9))
    u.setsockopt(sk.SOL_SOCKET, sk.SO_BROADCAST, 1)
    u.getsockopt(sk.SOL_SOCKET, sk.SO_BROADCAST)
    u.close()


def bind_errors(sk):
    """bind to a non-local address, twice, or to a port in use."""
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.bind(("192.0.2.1", 0))
    u.bind(("127.0.0.1", 0))
    u.bind(("127.0.0.1", 0))
    v = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    v.bind(u.getsockname())
    u.close()
    v.close()


def unbound_sendto_autobinds(sk):
    """sendto on an unbound socket picks an ephemeral port."""
    r = _udp(sk)
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.getsockname()
    u.sendto(b"auto", r.getsockname())
    u.getsockname()
    r.recvfrom(10)
    u.close()
    r.close()


def many_datagrams_in_order(sk):
    """Datagrams on loopback arrive in order, one per recv."""
    a, b = _udp(sk), _udp(sk)
    for i in range(8):
        a.sendto(bytes([65 + i]) * (i + 1), b.getsockname())
    for i in range(8):
        b.recvfrom(100)
    a.close()
    b.close()


def multicast_options(sk):
    """IP_MULTICAST_IF and IP_ADD_MEMBERSHIP with struct ip_mreq bytes."""
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.setsockopt(sk.IPPROTO_IP, sk.IP_MULTICAST_IF, sk.inet_aton("127.0.0.1"))
    u.getsockopt(sk.IPPROTO_IP, sk.IP_MULTICAST_IF)
    mreq = sk.inet_aton("239.1.2.3") + sk.inet_aton("127.0.0.1")
    u.setsockopt(sk.IPPROTO_IP, sk.IP_ADD_MEMBERSHIP, mreq)
    u.setsockopt(sk.IPPROTO_IP, sk.IP_DROP_MEMBERSHIP, mreq)
    u.setsockopt(sk.IPPROTO_IP, sk.IP_DROP_MEMBERSHIP, mreq)
    u.close()


def sendto_bad_addresses(sk):
    """sendto with an AF_INET6 address on AF_INET, a bad port, a bad host."""
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.sendto(b"x", ("::1", 9, 0, 0))
    u.sendto(b"x", ("127.0.0.1", 70000))
    u.sendto(b"x", ("127.0.0.1", -1))
    u.sendto(b"x", ("not an ip address!", 9))
    u.sendto(b"x", ("127.0.0.1",))
    u.close()
