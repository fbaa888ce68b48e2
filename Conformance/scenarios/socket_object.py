"""The socket object: construction, attributes, repr, close/detach/dup/fileno, options."""


def default_constructor(sk, t):
    """socket() with no arguments is an AF_INET stream socket in blocking mode."""
    s = sk.socket()
    s.family
    s.type
    s.proto
    s.gettimeout()
    s.timeout
    s.getblocking()
    t.repr(s)
    s.close()
    t.repr(s)


def explicit_families_and_types(sk, t):
    """family, type and proto come back as the enum members given."""
    for fam, kind in ((sk.AF_INET, sk.SOCK_STREAM), (sk.AF_INET, sk.SOCK_DGRAM),
                      (sk.AF_INET6, sk.SOCK_STREAM), (sk.AF_INET6, sk.SOCK_DGRAM),
                      (sk.AF_UNIX, sk.SOCK_STREAM), (sk.AF_UNIX, sk.SOCK_DGRAM),
                      (sk.AF_UNIX, sk.SOCK_SEQPACKET)):
        s = sk.socket(fam, kind)
        s.family
        s.type
        s.proto
        t.str(s.family)
        t.repr(s.type)
        s.close()


def keyword_arguments(sk):
    """family=, type=, proto= as keywords."""
    s = sk.socket(family=sk.AF_INET, type=sk.SOCK_DGRAM, proto=0)
    s.family
    s.type
    s.close()
    s = sk.socket(sk.AF_INET, sk.SOCK_STREAM, sk.IPPROTO_TCP)
    s.proto
    s.close()
    s = sk.socket(sk.AF_INET, sk.SOCK_DGRAM, sk.IPPROTO_UDP)
    s.proto
    s.close()


def type_flags_are_stripped(sk):
    """SOCK_NONBLOCK and SOCK_CLOEXEC in type: s.type drops them, NONBLOCK sets timeout 0."""
    s = sk.socket(sk.AF_INET, sk.SOCK_STREAM | sk.SOCK_NONBLOCK)
    s.type
    s.gettimeout()
    s.getblocking()
    s.close()
    s = sk.socket(sk.AF_INET, sk.SOCK_DGRAM | sk.SOCK_CLOEXEC)
    s.type
    s.gettimeout()
    s.get_inheritable()
    s.close()


def repr_of_bound_and_connected(sk, t):
    """repr shows fd, family, type, proto, laddr and raddr."""
    srv = sk.socket()
    t.repr(srv)
    srv.bind(("127.0.0.1", 0))
    t.repr(srv)
    srv.listen()
    c = sk.socket()
    c.connect(srv.getsockname())
    t.repr(c)
    t.str(c)
    conn, addr = srv.accept()
    t.repr(conn)
    conn.close()
    c.close()
    srv.close()
    t.repr(srv)


def repr_of_udp_and_unix(sk, t):
    """repr of datagram and AF_UNIX sockets."""
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    t.repr(u)
    u.bind(("127.0.0.1", 0))
    t.repr(u)
    u.close()
    a, b = sk.socketpair()
    t.repr(a)
    t.repr(b)
    a.close()
    b.close()
    x = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    p = t.path("r.sock")
    x.bind(p)
    t.repr(x)
    x.close()


def close_is_idempotent(sk):
    """close() twice is harmless; fileno() is -1 afterwards."""
    s = sk.socket()
    s.fileno()
    s.close()
    s.close()
    s.fileno()
    s.gettimeout()
    s.family


def closed_socket_operations(sk, t):
    """Every operation on a closed socket raises OSError EBADF."""
    s = sk.socket()
    s.close()
    s.bind(("127.0.0.1", 0))
    s.listen()
    s.connect(("127.0.0.1", 9))
    s.connect_ex(("127.0.0.1", 9))
    s.send(b"x")
    s.sendall(b"x")
    s.sendto(b"x", ("127.0.0.1", 9))
    s.recv(1)
    s.recvfrom(1)
    s.getsockname()
    s.getpeername()
    s.getsockopt(sk.SOL_SOCKET, sk.SO_TYPE)
    s.setsockopt(sk.SOL_SOCKET, sk.SO_REUSEADDR, 1)
    s.shutdown(sk.SHUT_RDWR)
    s.settimeout(1.0)
    s.gettimeout()
    s.setblocking(False)
    s.dup()
    s.accept()


def detach_releases_the_fd(sk, t):
    """detach() returns the fd and leaves the object closed; the fd can be rewrapped."""
    s = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    name = s.getsockname()
    fd = s.detach()
    s.fileno()
    t.repr(s)
    s.detach()
    s.close()
    again = sk.socket(sk.AF_INET, sk.SOCK_DGRAM, 0, fd)
    again.getsockname()
    again.family
    again.type
    again.close()


def fileno_keyword_infers_family(sk):
    """socket(fileno=fd) takes family, type and proto from the fd."""
    s = sk.socket(sk.AF_INET6, sk.SOCK_DGRAM)
    s.bind(("::1", 0))
    fd = s.detach()
    w = sk.socket(fileno=fd)
    w.family
    w.type
    w.proto
    w.getsockname()
    w.close()
    u = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    fd = u.detach()
    w = sk.socket(fileno=fd)
    w.family
    w.type
    w.close()


def fileno_of_bad_descriptors(sk):
    """socket(fileno=...) with a bad or negative fd."""
    sk.socket(fileno=-1)
    sk.socket(fileno=-2)
    sk.socket(sk.AF_INET, sk.SOCK_STREAM, 0, 999999)


def dup_makes_an_independent_socket(sk, t):
    """dup() shares the underlying socket but closes independently."""
    a, b = sk.socketpair()
    d = a.dup()
    d.family
    d.type
    d.gettimeout()
    a.close()
    d.send(b"via dup")
    b.recv(100)
    d.close()
    b.recv(100)
    b.close()


def dup_keeps_timeout_state(sk):
    """dup() of a socket in timeout mode: the new one is blocking as created."""
    a, b = sk.socketpair()
    a.settimeout(0.5)
    d = a.dup()
    d.gettimeout()
    d.getblocking()
    a.setblocking(False)
    d2 = a.dup()
    d2.gettimeout()
    for x in (a, b, d, d2):
        x.close()


def module_dup_and_close(sk):
    """socket.dup(fd) and socket.close(fd) work on raw descriptors."""
    s = sk.socket()
    fd = s.fileno()
    new = sk.dup(fd)
    w = sk.socket(fileno=new)
    w.family
    w.close()
    fd2 = s.detach()
    sk.close(fd2)
    sk.close(fd2)
    sk.dup(-1)


def fromfd_duplicates(sk):
    """socket.fromfd(fd, family, type) duplicates the descriptor."""
    a, b = sk.socketpair()
    f = sk.fromfd(a.fileno(), sk.AF_UNIX, sk.SOCK_STREAM)
    f.family
    f.type
    a.close()
    f.sendall(b"from fd")
    b.recv(50)
    f.close()
    b.close()


def context_manager_closes(sk):
    """`with socket() as s` closes s on exit."""
    with sk.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.fileno()
    s.fileno()
    s.getsockname()


def inheritable_flag(sk):
    """Sockets are created non-inheritable; set_inheritable toggles it."""
    s = sk.socket()
    s.get_inheritable()
    s.set_inheritable(True)
    s.get_inheritable()
    s.set_inheritable(False)
    s.get_inheritable()
    s.close()
    s.get_inheritable()


def getsockopt_basics(sk):
    """SO_TYPE, SO_DOMAIN, SO_PROTOCOL, SO_ERROR, SO_ACCEPTCONN read back."""
    s = sk.socket()
    s.getsockopt(sk.SOL_SOCKET, sk.SO_TYPE)
    s.getsockopt(sk.SOL_SOCKET, sk.SO_DOMAIN)
    s.getsockopt(sk.SOL_SOCKET, sk.SO_PROTOCOL)
    s.getsockopt(sk.SOL_SOCKET, sk.SO_ERROR)
    s.getsockopt(sk.SOL_SOCKET, sk.SO_ACCEPTCONN)
    s.bind(("127.0.0.1", 0))
    s.listen()
    s.getsockopt(sk.SOL_SOCKET, sk.SO_ACCEPTCONN)
    s.close()
    u = sk.socket(sk.AF_INET6, sk.SOCK_DGRAM)
    u.getsockopt(sk.SOL_SOCKET, sk.SO_TYPE)
    u.getsockopt(sk.SOL_SOCKET, sk.SO_DOMAIN)
    u.getsockopt(sk.SOL_SOCKET, sk.SO_PROTOCOL)
    u.close()


def setsockopt_int_round_trips(sk):
    """Boolean options read back as 1 or 0."""
    s = sk.socket()
    for level, opt in ((sk.SOL_SOCKET, sk.SO_REUSEADDR), (sk.SOL_SOCKET, sk.SO_KEEPALIVE),
                       (sk.SOL_SOCKET, sk.SO_REUSEPORT), (sk.IPPROTO_TCP, sk.TCP_NODELAY),
                       (sk.SOL_SOCKET, sk.SO_OOBINLINE)):
        s.getsockopt(level, opt)
        s.setsockopt(level, opt, 1)
        s.getsockopt(level, opt)
        s.setsockopt(level, opt, True)
        s.getsockopt(level, opt)
        s.setsockopt(level, opt, 0)
        s.getsockopt(level, opt)
    s.close()


def setsockopt_buffer_sizes(sk):
    """Linux doubles SO_SNDBUF/SO_RCVBUF and enforces a minimum."""
    s = sk.socket()
    s.setsockopt(sk.SOL_SOCKET, sk.SO_SNDBUF, 65536)
    s.getsockopt(sk.SOL_SOCKET, sk.SO_SNDBUF)
    s.setsockopt(sk.SOL_SOCKET, sk.SO_RCVBUF, 32768)
    s.getsockopt(sk.SOL_SOCKET, sk.SO_RCVBUF)
    s.setsockopt(sk.SOL_SOCKET, sk.SO_RCVBUF, 1)
    s.getsockopt(sk.SOL_SOCKET, sk.SO_RCVBUF)
    s.close()


def setsockopt_bytes_and_buflen(sk):
    """Options as bytes: SO_LINGER struct, getsockopt with a buffer length."""
    s = sk.socket()
    s.getsockopt(sk.SOL_SOCKET, sk.SO_LINGER, 8)
    s.setsockopt(sk.SOL_SOCKET, sk.SO_LINGER, bytes([1, 0, 0, 0, 5, 0, 0, 0]))
    s.getsockopt(sk.SOL_SOCKET, sk.SO_LINGER, 8)
    s.getsockopt(sk.SOL_SOCKET, sk.SO_REUSEADDR, 4)
    s.setsockopt(sk.SOL_SOCKET, sk.SO_REUSEADDR, bytes([1, 0, 0, 0]))
    s.getsockopt(sk.SOL_SOCKET, sk.SO_REUSEADDR)
    s.setsockopt(sk.SOL_SOCKET, sk.SO_BINDTODEVICE, b"lo")
    s.getsockopt(sk.SOL_SOCKET, sk.SO_BINDTODEVICE, 16)
    s.setsockopt(sk.SOL_SOCKET, sk.SO_BINDTODEVICE, None, 0)
    s.getsockopt(sk.SOL_SOCKET, sk.SO_BINDTODEVICE, 16)
    s.close()


def setsockopt_errors(sk):
    """Unknown options, wrong levels, and bad buffer lengths."""
    s = sk.socket()
    s.setsockopt(sk.SOL_SOCKET, 9999, 1)
    s.getsockopt(sk.SOL_SOCKET, 9999)
    s.getsockopt(sk.IPPROTO_TCP, 9999)
    s.setsockopt(sk.IPPROTO_IPV6, sk.IPV6_V6ONLY, 1)
    s.getsockopt(sk.SOL_SOCKET, sk.SO_REUSEADDR, -1)
    s.getsockopt(sk.SOL_SOCKET, sk.SO_REUSEADDR, 0)
    s.getsockopt(sk.SOL_SOCKET, sk.SO_REUSEADDR, 2000)
    s.setsockopt(sk.SOL_SOCKET, sk.SO_REUSEADDR, None, 4)
    s.close()


def ip_level_options(sk):
    """IP_TTL, IP_TOS, IP_MULTICAST_TTL/LOOP on an AF_INET datagram socket."""
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.getsockopt(sk.IPPROTO_IP, sk.IP_TTL)
    u.setsockopt(sk.IPPROTO_IP, sk.IP_TTL, 7)
    u.getsockopt(sk.IPPROTO_IP, sk.IP_TTL)
    u.setsockopt(sk.IPPROTO_IP, sk.IP_TTL, 300)
    u.setsockopt(sk.IPPROTO_IP, sk.IP_TOS, 0x10)
    u.getsockopt(sk.IPPROTO_IP, sk.IP_TOS)
    u.getsockopt(sk.IPPROTO_IP, sk.IP_MULTICAST_TTL)
    u.setsockopt(sk.IPPROTO_IP, sk.IP_MULTICAST_TTL, 4)
    u.getsockopt(sk.IPPROTO_IP, sk.IP_MULTICAST_TTL)
    u.getsockopt(sk.IPPROTO_IP, sk.IP_MULTICAST_LOOP)
    u.setsockopt(sk.IPPROTO_IP, sk.IP_MULTICAST_LOOP, 0)
    u.getsockopt(sk.IPPROTO_IP, sk.IP_MULTICAST_LOOP)
    u.close()


def tcp_level_options(sk):
    """TCP_NODELAY, TCP_KEEPIDLE/INTVL/CNT, TCP_MAXSEG, TCP_USER_TIMEOUT."""
    s = sk.socket()
    s.setsockopt(sk.IPPROTO_TCP, sk.TCP_KEEPIDLE, 30)
    s.getsockopt(sk.IPPROTO_TCP, sk.TCP_KEEPIDLE)
    s.setsockopt(sk.IPPROTO_TCP, sk.TCP_KEEPINTVL, 5)
    s.getsockopt(sk.IPPROTO_TCP, sk.TCP_KEEPINTVL)
    s.setsockopt(sk.IPPROTO_TCP, sk.TCP_KEEPCNT, 3)
    s.getsockopt(sk.IPPROTO_TCP, sk.TCP_KEEPCNT)
    s.setsockopt(sk.IPPROTO_TCP, sk.TCP_KEEPIDLE, 0)
    s.setsockopt(sk.IPPROTO_TCP, sk.TCP_USER_TIMEOUT, 1000)
    s.getsockopt(sk.IPPROTO_TCP, sk.TCP_USER_TIMEOUT)
    s.setsockopt(sk.IPPROTO_TCP, sk.TCP_NODELAY, 1)
    s.getsockopt(sk.IPPROTO_TCP, sk.TCP_NODELAY)
    s.close()


def enum_conversions(sk, t):
    """AddressFamily/SocketKind called with numbers; unknown numbers raise ValueError."""
    sk.AddressFamily(2)
    sk.AddressFamily(10)
    sk.AddressFamily(1)
    sk.SocketKind(1)
    sk.SocketKind(2)
    sk.SocketKind(5)
    sk.AddressFamily(12345)
    sk.SocketKind(99)
    sk.MsgFlag(2)
    sk.AddressInfo(4)
    t.repr(sk.AF_INET)
    t.str(sk.AF_INET6)
    t.repr(sk.SOCK_DGRAM)
    t.repr(sk.MSG_PEEK)
    t.repr(sk.AI_PASSIVE)


def unknown_family_number_in_socket(sk, t):
    """A socket whose family/type has no enum member keeps the plain number."""
    s = sk.socket(sk.AF_PACKET, sk.SOCK_RAW, 0)
    if s:
        s.family
        s.close()
    r = sk.socket(sk.AF_INET, sk.SOCK_RAW, sk.IPPROTO_ICMP)
    if r:
        r.type
        r.proto
        t.repr(r)
        r.close()


def socketpair_defaults(sk, t):
    """socketpair() is an AF_UNIX stream pair; other types and families."""
    a, b = sk.socketpair()
    a.family
    a.type
    b.family
    a.getsockname()
    a.getpeername()
    a.close()
    b.close()
    a, b = sk.socketpair(sk.AF_UNIX, sk.SOCK_DGRAM)
    a.type
    a.send(b"dgram")
    b.recv(10)
    a.close()
    b.close()
    a, b = sk.socketpair(sk.AF_UNIX, sk.SOCK_SEQPACKET)
    a.type
    a.close()
    b.close()
    sk.socketpair(sk.AF_INET)
    sk.socketpair(sk.AF_UNIX, sk.SOCK_STREAM, 0)[0].close()


def socketpair_is_connected_both_ways(sk):
    """Data flows in both directions of a socketpair."""
    a, b = sk.socketpair()
    a.sendall(b"ping")
    b.recv(4)
    b.sendall(b"pong")
    a.recv(4)
    a.send(b"")
    b.setblocking(False)
    b.recv(4)
    a.close()
    b.close()


def socket_type_alias(sk):
    """socket.SocketType is the socket class; error and timeout are OSError and TimeoutError."""
    sk.SocketType
    sk.SocketIO
    sk.error
    sk.timeout
    sk.herror
    sk.gaierror
    sk.has_ipv6
