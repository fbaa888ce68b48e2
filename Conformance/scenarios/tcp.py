"""TCP over 127.0.0.1: listen/accept/connect, data, half-close, RST, refused connections."""


def _pair(sk):
    srv = sk.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    c = sk.socket()
    c.connect(srv.getsockname())
    conn, addr = srv.accept()
    return srv, c, conn


def _close(*socks):
    for s in socks:
        s.close()


def connect_accept_addresses(sk):
    """accept() returns a connected socket and the client's address."""
    srv = sk.socket(sk.AF_INET, sk.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen(5)
    srv.getsockname()
    c = sk.socket()
    c.connect(srv.getsockname())
    conn, addr = srv.accept()
    c.getsockname()
    c.getpeername()
    conn.getsockname()
    conn.getpeername()
    conn.family
    conn.type
    conn.proto
    conn.gettimeout()
    _close(conn, c, srv)


def send_and_recv(sk):
    """Data sent by one side is received by the other; recv(n) returns at most n."""
    srv, c, conn = _pair(sk)
    c.send(b"hello world")
    conn.recv(5)
    conn.recv(100)
    conn.sendall(b"reply")
    c.recv(1024)
    c.sendall(b"")
    c.send(b"")
    _close(conn, c, srv)


def recv_flags_peek_and_waitall(sk):
    """MSG_PEEK leaves data queued; MSG_WAITALL waits for the full count."""
    srv, c, conn = _pair(sk)
    c.sendall(b"abcdef")
    conn.recv(3, sk.MSG_PEEK)
    conn.recv(3, sk.MSG_PEEK)
    conn.recv(6, sk.MSG_WAITALL)
    c.sendall(b"xyz")
    conn.recv(2, sk.MSG_DONTWAIT)
    conn.recv(5, sk.MSG_DONTWAIT)
    conn.recv(5, sk.MSG_DONTWAIT)
    _close(conn, c, srv)


def recv_into_buffers(sk):
    """recv_into fills a bytearray, with and without nbytes."""
    srv, c, conn = _pair(sk)
    c.sendall(b"0123456789")
    buf = bytearray(4)
    conn.recv_into(buf)
    big = bytearray(20)
    conn.recv_into(big, 3)
    conn.recv_into(big, 0)
    conn.recv_into(big, 30)
    conn.recv_into(bytearray(10), -1)
    c.sendall(b"ab")
    conn.recv_into(big, 0, sk.MSG_PEEK)
    conn.recv_into(big, 2, sk.MSG_PEEK)
    conn.recv_into(big)
    _close(conn, c, srv)


def recv_bad_sizes(sk):
    """recv with a negative size raises ValueError; recv(0) returns b''."""
    srv, c, conn = _pair(sk)
    conn.recv(-1)
    conn.recv(0)
    c.sendall(b"z")
    conn.recv(0)
    conn.recv(1)
    _close(conn, c, srv)


def half_close_write(sk):
    """shutdown(SHUT_WR): the peer reads EOF, the other direction still works."""
    srv, c, conn = _pair(sk)
    c.sendall(b"last")
    c.shutdown(sk.SHUT_WR)
    conn.recv(10)
    conn.recv(10)
    conn.recv(10)
    conn.sendall(b"still open")
    c.recv(100)
    c.send(b"after shutdown")
    _close(conn, c, srv)


def half_close_read_and_both(sk):
    """shutdown(SHUT_RD) and SHUT_RDWR; shutdown on an unconnected socket."""
    srv, c, conn = _pair(sk)
    c.shutdown(sk.SHUT_RD)
    c.recv(10)
    c.sendall(b"ok")
    conn.recv(10)
    c.shutdown(sk.SHUT_RDWR)
    conn.recv(10)
    c.shutdown(sk.SHUT_RDWR)
    lone = sk.socket()
    lone.shutdown(sk.SHUT_RDWR)
    lone.shutdown(7)
    _close(conn, c, srv, lone)


def eof_after_peer_close(sk):
    """After the peer closes, recv returns b'' repeatedly."""
    srv, c, conn = _pair(sk)
    c.sendall(b"bye")
    c.close()
    conn.recv(10)
    conn.recv(10)
    conn.recv(10)
    _close(conn, srv)


def reset_by_linger_zero(sk):
    """SO_LINGER (1, 0) then close sends RST: the peer's recv raises ConnectionResetError."""
    srv, c, conn = _pair(sk)
    c.setsockopt(sk.SOL_SOCKET, sk.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    c.close()
    conn.settimeout(1.0)
    conn.recv(10)
    conn.recv(10)
    conn.getsockopt(sk.SOL_SOCKET, sk.SO_ERROR)
    _close(conn, srv)


def reset_then_send(sk):
    """After an RST, send raises BrokenPipeError (EPIPE) or ConnectionResetError."""
    srv, c, conn = _pair(sk)
    c.setsockopt(sk.SOL_SOCKET, sk.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    c.close()
    conn.settimeout(1.0)
    conn.recv(1)
    conn.send(b"x")
    conn.send(b"x")
    conn.sendall(b"x")
    _close(conn, srv)


def unread_data_close_resets(sk):
    """Closing with unread data sends RST to the peer."""
    srv, c, conn = _pair(sk)
    c.sendall(b"unread")
    conn.close()
    c.settimeout(1.0)
    c.recv(10)
    c.recv(10)
    _close(c, srv)


def connection_refused(sk):
    """connect to a closed port raises ConnectionRefusedError; connect_ex returns 111."""
    probe = sk.socket()
    probe.bind(("127.0.0.1", 0))
    addr = probe.getsockname()
    probe.close()
    c = sk.socket()
    c.connect(addr)
    c.close()
    c = sk.socket()
    c.connect_ex(addr)
    c.connect_ex(addr)
    c.close()
    c = sk.socket()
    c.settimeout(1.0)
    c.connect(addr)
    c.close()


def connect_twice(sk):
    """connect on a connected socket raises EISCONN; connect_ex returns 106."""
    srv, c, conn = _pair(sk)
    c.connect(srv.getsockname())
    c.connect_ex(srv.getsockname())
    _close(conn, c, srv)


def listen_variants(sk):
    """listen() with and without backlog; listen twice; negative backlog."""
    s = sk.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(0)
    s.listen(10)
    s.listen(-5)
    s.listen()
    s.getsockopt(sk.SOL_SOCKET, sk.SO_ACCEPTCONN)
    s.close()
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.listen()
    u.close()


def listen_without_bind_autobinds(sk):
    """listen() on an unbound TCP socket binds an ephemeral port on 0.0.0.0."""
    s = sk.socket()
    s.listen()
    s.getsockname()
    s.close()


def accept_on_non_listening(sk):
    """accept on a socket that is not listening raises EINVAL."""
    s = sk.socket()
    s.accept()
    s.bind(("127.0.0.1", 0))
    s.accept()
    s.close()


def bind_twice_and_in_use(sk):
    """bind twice raises EINVAL; bind to a port in use raises EADDRINUSE; SO_REUSEADDR."""
    a = sk.socket()
    a.bind(("127.0.0.1", 0))
    a.bind(("127.0.0.1", 0))
    a.listen()
    b = sk.socket()
    b.bind(a.getsockname())
    b.setsockopt(sk.SOL_SOCKET, sk.SO_REUSEADDR, 1)
    b.bind(a.getsockname())
    b.close()
    _close(a)


def reuseport_shares_a_port(sk):
    """Two sockets with SO_REUSEPORT may bind the same port."""
    a = sk.socket()
    a.setsockopt(sk.SOL_SOCKET, sk.SO_REUSEPORT, 1)
    a.bind(("127.0.0.1", 0))
    b = sk.socket()
    b.setsockopt(sk.SOL_SOCKET, sk.SO_REUSEPORT, 1)
    b.bind(a.getsockname())
    b.getsockname()
    a.listen()
    b.listen()
    _close(a, b)


def getpeername_unconnected(sk):
    """getpeername on an unconnected socket raises ENOTCONN; send raises too."""
    s = sk.socket()
    s.getpeername()
    s.send(b"x")
    s.sendall(b"x")
    s.recv(1)
    s.getsockname()
    s.close()


def sendto_on_tcp(sk):
    """sendto on a connected TCP socket ignores or rejects the address."""
    srv, c, conn = _pair(sk)
    conn.settimeout(1.0)
    c.sendto(b"to", ("127.0.0.1", 9))
    conn.recv(2)
    c.sendto(b"flags", 0, ("127.0.0.1", 9))
    conn.recv(5)
    c.sendall(b"from")
    conn.recvfrom(4)
    _close(conn, c, srv)


def large_transfer(sk):
    """sendall of 200 kB arrives whole with MSG_WAITALL."""
    srv, c, conn = _pair(sk)
    c.settimeout(1.0)
    conn.settimeout(1.0)
    payload = bytes(range(256)) * 100
    c.sendall(payload)
    conn.recv(len(payload), sk.MSG_WAITALL)
    c.sendall(payload)
    c.shutdown(sk.SHUT_WR)
    conn.recv(len(payload), sk.MSG_WAITALL)
    conn.recv(10)
    _close(conn, c, srv)


def many_clients_backlog(sk):
    """Several clients queue on the backlog and are accepted in order."""
    srv = sk.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    clients = []
    for _ in range(4):
        c = sk.socket()
        c.connect(srv.getsockname())
        c.getsockname()
        clients.append(c)
    for _ in range(4):
        conn, addr = srv.accept()
        conn.close()
    srv.setblocking(False)
    srv.accept()
    _close(srv, *clients)


def keepalive_and_nodelay_on_connected(sk):
    """Options on connected TCP sockets."""
    srv, c, conn = _pair(sk)
    c.setsockopt(sk.IPPROTO_TCP, sk.TCP_NODELAY, 1)
    c.getsockopt(sk.IPPROTO_TCP, sk.TCP_NODELAY)
    conn.getsockopt(sk.IPPROTO_TCP, sk.TCP_NODELAY)
    c.setsockopt(sk.SOL_SOCKET, sk.SO_KEEPALIVE, 1)
    c.getsockopt(sk.SOL_SOCKET, sk.SO_KEEPALIVE)
    conn.getsockopt(sk.SOL_SOCKET, sk.SO_ERROR)
    c.getsockopt(sk.SOL_SOCKET, sk.SO_TYPE)
    _close(conn, c, srv)


def bind_any_address(sk):
    """bind to '' and '0.0.0.0' means INADDR_ANY; '<broadcast>' is 255.255.255.255."""
    s = sk.socket()
    s.bind(("", 0))
    s.getsockname()[0]
    s.close()
    s = sk.socket()
    s.bind(("0.0.0.0", 0))
    s.getsockname()[0]
    s.close()
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.bind(("<broadcast>", 0))
    u.close()
    s = sk.socket()
    s.bind(("localhost", 0))
    s.getsockname()[0]
    s.close()


def connect_ex_success_and_errors(sk):
    """connect_ex returns 0 on success and an errno (never raises for OS errors)."""
    srv = sk.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    c = sk.socket()
    c.connect_ex(srv.getsockname())
    c.connect_ex(srv.getsockname())
    c.close()
    c.connect_ex(srv.getsockname())
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.connect_ex(srv.getsockname())
    u.getpeername()
    _close(u, srv)


def socket_object_after_accept_close(sk):
    """Closing the listener does not close accepted connections."""
    srv, c, conn = _pair(sk)
    srv.close()
    c.sendall(b"alive")
    conn.recv(10)
    conn.getsockname()
    _close(conn, c)


def oob_inline(sk):
    """MSG_OOB sends one urgent byte; with SO_OOBINLINE it stays in the stream."""
    srv, c, conn = _pair(sk)
    conn.setsockopt(sk.SOL_SOCKET, sk.SO_OOBINLINE, 1)
    c.send(b"ab")
    c.send(b"!", sk.MSG_OOB)
    conn.settimeout(1.0)
    conn.recv(3, sk.MSG_WAITALL)
    conn.recv(1, sk.MSG_OOB)
    _close(conn, c, srv)
