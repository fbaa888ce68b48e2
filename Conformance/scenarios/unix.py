"""AF_UNIX: filesystem paths, abstract names, autobind, datagram and seqpacket sockets."""


def stream_path_round_trip(sk, t):
    """A stream server bound to a path; addresses are str paths, the client's is ''."""
    p = t.path("srv.sock")
    srv = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    srv.bind(p)
    srv.listen()
    srv.getsockname()
    c = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    c.connect(p)
    c.getpeername()
    c.getsockname()
    conn, addr = srv.accept()
    conn.getsockname()
    conn.getpeername()
    c.sendall(b"over unix")
    conn.recv(100)
    for x in (conn, c, srv):
        x.close()


def path_as_bytes(sk, t):
    """A path given as bytes binds the same file; getsockname returns str."""
    p = t.path("b.sock")
    s = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    s.bind(p.encode())
    s.getsockname()
    s.close()


def bind_existing_path(sk, t):
    """Binding to a path that exists raises EADDRINUSE; connecting to a missing one ENOENT."""
    p = t.path("dup.sock")
    a = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    a.bind(p)
    b = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    b.bind(p)
    c = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    c.connect(t.path("missing.sock"))
    c.connect_ex(t.path("missing2.sock"))
    for x in (a, b, c):
        x.close()


def connect_to_non_listening_path(sk, t):
    """Connecting to a bound but not listening socket is refused."""
    p = t.path("quiet.sock")
    a = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    a.bind(p)
    c = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    c.connect(p)
    c.connect_ex(p)
    a.close()
    c.close()


def path_too_long(sk):
    """A path longer than sun_path raises OSError 'AF_UNIX path too long'."""
    s = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    s.bind("/tmp/" + "x" * 200)
    s.bind("/tmp/" + "y" * 103)
    s.connect("/tmp/" + "z" * 200)
    s.bind(b"/tmp/" + b"w" * 200)
    s.close()


def abstract_names(sk, t):
    """Abstract names start with a NUL byte and come back as bytes."""
    name = t.abstract()
    srv = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    srv.bind(name)
    srv.getsockname()
    srv.listen()
    c = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    c.connect(name)
    c.getpeername()
    conn, addr = srv.accept()
    conn.getsockname()
    t.repr(srv)
    again = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    again.bind(name)
    for x in (conn, c, srv, again):
        x.close()


def abstract_name_as_str(sk, t):
    """An abstract name given as str with a leading NUL works too."""
    name = t.abstract()
    s = sk.socket(sk.AF_UNIX, sk.SOCK_DGRAM)
    s.bind(name.decode())
    s.getsockname()
    s.close()


def autobind_with_empty_name(sk, t):
    """bind('') autobinds a 5-character abstract name."""
    s = sk.socket(sk.AF_UNIX, sk.SOCK_DGRAM)
    s.getsockname()
    s.bind("")
    s.getsockname()
    r = sk.socket(sk.AF_UNIX, sk.SOCK_DGRAM)
    r.bind(t.path("r.sock"))
    s.sendto(b"from autobind", r.getsockname())
    r.recvfrom(100)
    s.close()
    r.close()


def datagram_paths(sk, t):
    """AF_UNIX datagram sendto/recvfrom with path addresses; unnamed senders."""
    pa, pb = t.path("a.dgram"), t.path("b.dgram")
    a = sk.socket(sk.AF_UNIX, sk.SOCK_DGRAM)
    a.bind(pa)
    b = sk.socket(sk.AF_UNIX, sk.SOCK_DGRAM)
    b.bind(pb)
    a.sendto(b"a to b", pb)
    b.recvfrom(100)
    anon = sk.socket(sk.AF_UNIX, sk.SOCK_DGRAM)
    anon.sendto(b"anonymous", pb)
    b.recvfrom(100)
    b.settimeout(0.05)
    b.recvfrom(100)
    for x in (a, b, anon):
        x.close()


def datagram_truncation(sk):
    """AF_UNIX datagrams truncate like UDP."""
    a, b = sk.socketpair(sk.AF_UNIX, sk.SOCK_DGRAM)
    a.send(b"0123456789")
    b.recv(3)
    a.send(b"next")
    b.recvfrom(100)
    a.close()
    b.close()


def datagram_to_missing_path(sk, t):
    """sendto a path nobody bound raises FileNotFoundError; to a non-socket ECONNREFUSED."""
    s = sk.socket(sk.AF_UNIX, sk.SOCK_DGRAM)
    s.sendto(b"x", t.path("nobody"))
    s.close()


def seqpacket_keeps_boundaries(sk, t):
    """SOCK_SEQPACKET is connection-oriented but keeps message boundaries."""
    p = t.path("seq.sock")
    srv = sk.socket(sk.AF_UNIX, sk.SOCK_SEQPACKET)
    srv.bind(p)
    srv.listen()
    c = sk.socket(sk.AF_UNIX, sk.SOCK_SEQPACKET)
    c.connect(p)
    conn, _ = srv.accept()
    c.send(b"one")
    c.send(b"two!")
    conn.recv(100)
    conn.recv(2)
    c.send(b"three")
    conn.recv(100)
    c.close()
    conn.recv(100)
    conn.close()
    srv.close()


def broken_pipe_on_socketpair(sk):
    """Sending to a closed peer raises BrokenPipeError, never SIGPIPE."""
    a, b = sk.socketpair()
    b.close()
    a.send(b"x")
    a.sendall(b"x")
    a.send(b"x")
    a.recv(10)
    a.close()


def broken_pipe_datagram_pair(sk):
    """A datagram pair whose peer closed: send raises ECONNREFUSED."""
    a, b = sk.socketpair(sk.AF_UNIX, sk.SOCK_DGRAM)
    b.close()
    a.send(b"x")
    a.close()


def unix_options(sk):
    """SO_PASSCRED and SO_PEERCRED-sized getsockopt on AF_UNIX."""
    a, b = sk.socketpair()
    a.getsockopt(sk.SOL_SOCKET, sk.SO_PASSCRED)
    a.setsockopt(sk.SOL_SOCKET, sk.SO_PASSCRED, 1)
    a.getsockopt(sk.SOL_SOCKET, sk.SO_PASSCRED)
    a.getsockopt(sk.SOL_SOCKET, sk.SO_TYPE)
    a.getsockopt(sk.SOL_SOCKET, sk.SO_DOMAIN)
    a.close()
    b.close()


def bind_inet_address_on_unix(sk):
    """An (host, port) tuple on an AF_UNIX socket is a TypeError."""
    s = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    s.connect(("127.0.0.1", 1))
    s.close()


def stream_eof_and_shutdown(sk):
    """shutdown(SHUT_WR) on a socketpair gives the peer EOF."""
    a, b = sk.socketpair()
    a.sendall(b"done")
    a.shutdown(sk.SHUT_WR)
    b.recv(10)
    b.recv(10)
    b.sendall(b"reply")
    a.recv(10)
    a.close()
    b.close()


def unlinked_path_still_connected(sk, t):
    """A connection survives the listener's close; a new connect is refused or missing."""
    p = t.path("gone.sock")
    srv = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    srv.bind(p)
    srv.listen()
    c = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    c.connect(p)
    conn, _ = srv.accept()
    srv.close()
    c.sendall(b"still")
    conn.recv(10)
    d = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    d.connect(p)
    for x in (c, conn, d):
        x.close()
