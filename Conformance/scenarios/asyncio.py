"""asyncio's socket face: awaited loop.sock_* calls, getaddrinfo/getnameinfo, wait_for, timeout, cancellation.

Captured under asyncio's debug mode (the non-blocking check CPython makes only there); replayed
against PySocketAsync once per event-loop backend (asyncio_io_uring, asyncio_epoll, asyncio_poll).
"""

LINGER_RESET = b"\x01\x00\x00\x00\x00\x00\x00\x00"   # struct linger {1, 0}: close() sends a RST


def _pair(sk):
    a, b = sk.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    return a, b


def _listener(sk, family=None, host="127.0.0.1"):
    srv = sk.socket(family or sk.AF_INET, sk.SOCK_STREAM)
    srv.bind((host, 0))
    srv.listen(8)
    srv.setblocking(False)
    return srv


async def _tcp(sk, aio):
    loop = aio.get_running_loop()
    srv = _listener(sk)
    c = sk.socket()
    c.setblocking(False)
    await loop.sock_connect(c, srv.getsockname())
    conn, addr = await loop.sock_accept(srv)
    return loop, srv, c, conn


def _udp(sk, family=None, host="127.0.0.1"):
    u = sk.socket(family or sk.AF_INET, sk.SOCK_DGRAM)
    u.bind((host, 0))
    u.setblocking(False)
    return u


def _free_port(sk, kind=None):
    """A port on 127.0.0.1 nobody listens on (bound, then closed)."""
    h = sk.socket(sk.AF_INET, kind or sk.SOCK_STREAM)
    h.bind(("127.0.0.1", 0))
    port = h.getsockname()[1]
    h.close()
    return port


def _close(*socks):
    for s in socks:
        s.close()


# --- sock_recv ---

async def recv_ready_data(sk, aio, t):
    """sock_recv returns the data already there, at most nbytes of it."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    b.send(b"hello world")
    await loop.sock_recv(a, 5)
    await loop.sock_recv(a, 100)
    _close(a, b)


async def recv_waits_for_data(sk, aio, t):
    """sock_recv in a task waits until data comes."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    task = aio.create_task(loop.sock_recv(a, 10))
    await aio.sleep(0.01)
    task.done()
    b.send(b"late")
    await task
    task.done()
    _close(a, b)


async def recv_zero_and_negative(sk, aio, t):
    """sock_recv(s, 0) returns b'' at once; a negative size is CPython's ValueError."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    await loop.sock_recv(a, 0)
    await loop.sock_recv(a, -1)
    _close(a, b)


async def recv_eof(sk, aio, t):
    """After the peer closes, sock_recv returns b'' (every time)."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    b.send(b"last")
    b.close()
    await loop.sock_recv(a, 100)
    await loop.sock_recv(a, 100)
    await loop.sock_recv(a, 100)
    a.close()


async def recv_eof_while_waiting(sk, aio, t):
    """A waiting sock_recv wakes with b'' when the peer shuts down its side."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    task = aio.create_task(loop.sock_recv(a, 10))
    await aio.sleep(0.01)
    b.shutdown(sk.SHUT_WR)
    await task
    _close(a, b)


async def recv_after_reset(sk, aio, t):
    """A reset connection: sock_recv raises ECONNRESET once, then returns b''."""
    loop, srv, c, conn = await _tcp(sk, aio)
    c.setsockopt(sk.SOL_SOCKET, sk.SO_LINGER, LINGER_RESET)
    c.close()
    await aio.sleep(0.01)
    await loop.sock_recv(conn, 10)
    await loop.sock_recv(conn, 10)
    _close(conn, srv)


async def reset_while_waiting(sk, aio, t):
    """A sock_recv waiting when the reset comes raises ECONNRESET."""
    loop, srv, c, conn = await _tcp(sk, aio)
    task = aio.create_task(loop.sock_recv(conn, 10))
    await aio.sleep(0.01)
    c.setsockopt(sk.SOL_SOCKET, sk.SO_LINGER, LINGER_RESET)
    c.close()
    await task
    await loop.sock_sendall(conn, b"x")
    _close(conn, srv)


async def recv_errors(sk, aio, t):
    """sock_recv on a listener or a closed socket raises the socket's own error."""
    loop = aio.get_running_loop()
    srv = _listener(sk)
    await loop.sock_recv(srv, 10)
    a, b = _pair(sk)
    a.close()
    await loop.sock_recv(a, 10)
    _close(srv, b)


# --- sock_recv_into ---

async def recv_into(sk, aio, t):
    """sock_recv_into fills the buffer and returns the count."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    b.send(b"abc")
    await loop.sock_recv_into(a, bytearray(8))
    b.send(b"0123456789")
    await loop.sock_recv_into(a, bytearray(4))
    await loop.sock_recv_into(a, bytearray(16))
    _close(a, b)


async def recv_into_waits_and_eof(sk, aio, t):
    """sock_recv_into waits for data, and returns 0 at end of stream."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    task = aio.create_task(loop.sock_recv_into(a, bytearray(8)))
    await aio.sleep(0.01)
    task.done()
    b.send(b"xy")
    await task
    b.close()
    await loop.sock_recv_into(a, bytearray(8))
    a.close()


# --- UDP: sock_sendto, sock_recvfrom, sock_recvfrom_into ---

async def udp_sendto_recvfrom(sk, aio, t):
    """sock_sendto returns the count; sock_recvfrom the datagram and its sender."""
    loop = aio.get_running_loop()
    a = _udp(sk)
    b = _udp(sk)
    await loop.sock_sendto(a, b"one", b.getsockname())
    await loop.sock_recvfrom(b, 100)
    await loop.sock_sendto(b, b"", a.getsockname())
    await loop.sock_recvfrom(a, 100)
    _close(a, b)


async def udp_recvfrom_waits(sk, aio, t):
    """sock_recvfrom in a task waits for a datagram."""
    loop = aio.get_running_loop()
    a = _udp(sk)
    b = _udp(sk)
    task = aio.create_task(loop.sock_recvfrom(b, 100))
    await aio.sleep(0.01)
    task.done()
    await loop.sock_sendto(a, b"waited", b.getsockname())
    await task
    _close(a, b)


async def udp_recvfrom_truncates(sk, aio, t):
    """A datagram longer than bufsize is cut (the rest is lost)."""
    loop = aio.get_running_loop()
    a = _udp(sk)
    b = _udp(sk)
    await loop.sock_sendto(a, b"0123456789", b.getsockname())
    await loop.sock_recvfrom(b, 4)
    await loop.sock_sendto(a, b"next", b.getsockname())
    await loop.sock_recvfrom(b, 100)
    _close(a, b)


async def udp_recvfrom_into(sk, aio, t):
    """sock_recvfrom_into fills the buffer (nbytes=0: all of it) and returns (count, sender)."""
    loop = aio.get_running_loop()
    a = _udp(sk)
    b = _udp(sk)
    await loop.sock_sendto(a, b"two!", b.getsockname())
    await loop.sock_recvfrom_into(b, bytearray(16))
    await loop.sock_sendto(a, b"abcdef", b.getsockname())
    await loop.sock_recvfrom_into(b, bytearray(16), 3)
    await loop.sock_sendto(a, b"xyz", b.getsockname())
    await loop.sock_recvfrom_into(b, bytearray(4), 8)
    _close(a, b)


async def udp_connected_refused(sk, aio, t):
    """A connected UDP socket learns of the closed port: the next sock_recv raises ECONNREFUSED."""
    loop = aio.get_running_loop()
    port = _free_port(sk, sk.SOCK_DGRAM)
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.setblocking(False)
    await loop.sock_connect(u, ("127.0.0.1", port))
    u.getpeername()
    await loop.sock_sendall(u, b"anyone?")
    await aio.sleep(0.01)
    await loop.sock_recv(u, 10)
    u.close()


async def udp_ipv6(sk, aio, t):
    """UDP over ::1: addresses are 4-tuples."""
    loop = aio.get_running_loop()
    a = _udp(sk, sk.AF_INET6, "::1")
    b = _udp(sk, sk.AF_INET6, "::1")
    await loop.sock_sendto(a, b"six", b.getsockname())
    await loop.sock_recvfrom(b, 10)
    await loop.sock_sendto(b, b"back", ("::1", a.getsockname()[1]))
    await loop.sock_recvfrom_into(a, bytearray(10))
    _close(a, b)


# --- sock_sendall ---

async def sendall_small(sk, aio, t):
    """sock_sendall returns None; the peer receives everything."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    await loop.sock_sendall(a, b"ping")
    await loop.sock_sendall(a, bytearray(b"-pong"))
    await loop.sock_sendall(a, b"")
    await loop.sock_recv(b, 100)
    _close(a, b)


async def sendall_64k(sk, aio, t):
    """A 64 KiB sock_sendall arrives whole."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    await loop.sock_sendall(a, b"0123456789abcdef" * 4096)
    await loop.sock_recv(b, 100000)
    _close(a, b)


async def sendall_waits_for_room(sk, aio, t):
    """A sock_sendall larger than the buffers waits until the reader makes room."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    a.setsockopt(sk.SOL_SOCKET, sk.SO_SNDBUF, 4096)
    task = aio.create_task(loop.sock_sendall(a, b"z" * 200000))
    await aio.sleep(0.02)
    task.done()
    task.cancel()
    await task
    task.done()
    _close(a, b)


async def sendall_to_closed_peer(sk, aio, t):
    """Sending to a closed peer raises BrokenPipeError (no SIGPIPE)."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    b.close()
    await loop.sock_sendall(a, b"x")
    await loop.sock_sendall(a, b"y")
    a.close()


# --- sock_connect ---

async def connect_tcp(sk, aio, t):
    """sock_connect to a numeric address returns None; the socket is connected."""
    loop = aio.get_running_loop()
    srv = _listener(sk)
    c = sk.socket()
    c.setblocking(False)
    await loop.sock_connect(c, srv.getsockname())
    c.getpeername()
    c.getblocking()
    conn, addr = await loop.sock_accept(srv)
    conn.getpeername()
    _close(c, conn, srv)


async def connect_tcp_tuple(sk, aio, t):
    """sock_connect takes a (host, port) tuple written out."""
    loop = aio.get_running_loop()
    srv = _listener(sk)
    port = srv.getsockname()[1]
    c = sk.socket(sk.AF_INET, sk.SOCK_STREAM)
    c.setblocking(False)
    await loop.sock_connect(c, ("127.0.0.1", port))
    c.getpeername()
    _close(c, srv)


async def connect_ipv6(sk, aio, t):
    """sock_connect over ::1 with a 2-tuple (resolved to the 4-tuple) and with a 4-tuple."""
    loop = aio.get_running_loop()
    srv = _listener(sk, sk.AF_INET6, "::1")
    port = srv.getsockname()[1]
    c = sk.socket(sk.AF_INET6, sk.SOCK_STREAM)
    c.setblocking(False)
    await loop.sock_connect(c, ("::1", port))
    c.getpeername()
    d = sk.socket(sk.AF_INET6, sk.SOCK_STREAM)
    d.setblocking(False)
    await loop.sock_connect(d, ("::1", port, 0, 0))
    conn, addr = await loop.sock_accept(srv)
    conn.family
    _close(c, d, conn, srv)


async def connect_refused(sk, aio, t):
    """A refused connection: asyncio's 'Connect call failed' with the address."""
    loop = aio.get_running_loop()
    port = _free_port(sk)
    c = sk.socket()
    c.setblocking(False)
    await loop.sock_connect(c, ("127.0.0.1", port))
    c.close()


async def connect_refused_retry(sk, aio, t):
    """Connecting the refused socket again gives ECONNABORTED once, then refused again."""
    loop = aio.get_running_loop()
    port = _free_port(sk)
    c = sk.socket()
    c.setblocking(False)
    await loop.sock_connect(c, ("127.0.0.1", port))
    await loop.sock_connect(c, ("127.0.0.1", port))
    await loop.sock_connect(c, ("127.0.0.1", port))
    c.close()


async def connect_refused_ipv6(sk, aio, t):
    """A refused connection over ::1 names the resolved 4-tuple."""
    loop = aio.get_running_loop()
    port = _free_port(sk)
    c = sk.socket(sk.AF_INET6, sk.SOCK_STREAM)
    c.setblocking(False)
    await loop.sock_connect(c, ("::1", port))
    c.close()


async def connect_errors(sk, aio, t):
    """Connecting a connected socket again returns None; a bad port is the socket's own OverflowError."""
    loop, srv, c, conn = await _tcp(sk, aio)
    await loop.sock_connect(c, srv.getsockname())
    d = sk.socket()
    d.setblocking(False)
    await loop.sock_connect(d, ("127.0.0.1", 70000))
    _close(c, d, conn, srv)


async def connect_unix(sk, aio, t):
    """sock_connect to an AF_UNIX path; a missing path fails at once, without asyncio's prefix."""
    loop = aio.get_running_loop()
    path = t.path("srv.sock")
    srv = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    srv.bind(path)
    srv.listen(4)
    srv.setblocking(False)
    c = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    c.setblocking(False)
    await loop.sock_connect(c, path)
    c.getpeername()
    conn, addr = await loop.sock_accept(srv)
    await loop.sock_sendall(c, b"unix")
    await loop.sock_recv(conn, 10)
    d = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    d.setblocking(False)
    await loop.sock_connect(d, t.path("missing.sock"))
    _close(c, d, conn, srv)


async def connect_udp(sk, aio, t):
    """sock_connect on a UDP socket sets its peer."""
    loop = aio.get_running_loop()
    a = _udp(sk)
    b = _udp(sk)
    await loop.sock_connect(a, b.getsockname())
    a.getpeername()
    await loop.sock_sendall(a, b"connected")
    await loop.sock_recvfrom(b, 100)
    _close(a, b)


# --- sock_accept ---

async def accept_result(sk, aio, t):
    """sock_accept returns (conn, address); conn is non-blocking, as asyncio makes it."""
    loop, srv, c, conn = await _tcp(sk, aio)
    conn.getblocking()
    conn.gettimeout()
    conn.family
    conn.type
    conn.getsockname()
    _close(c, conn, srv)


async def accept_waits(sk, aio, t):
    """sock_accept in a task waits for a connection."""
    loop = aio.get_running_loop()
    srv = _listener(sk)
    task = aio.create_task(loop.sock_accept(srv))
    await aio.sleep(0.01)
    task.done()
    c = sk.socket()
    c.setblocking(False)
    await loop.sock_connect(c, srv.getsockname())
    await task
    _close(c, srv)


async def accept_unix(sk, aio, t):
    """sock_accept on AF_UNIX: the peer's address is '' (unbound)."""
    loop = aio.get_running_loop()
    path = t.path("a.sock")
    srv = sk.socket(sk.AF_UNIX, sk.SOCK_STREAM)
    srv.bind(path)
    srv.listen(2)
    srv.setblocking(False)
    c = sk.socket(sk.AF_UNIX)
    c.setblocking(False)
    await loop.sock_connect(c, path)
    conn, addr = await loop.sock_accept(srv)
    conn.getblocking()
    _close(c, conn, srv)


async def accept_not_listening(sk, aio, t):
    """sock_accept on a socket that does not listen raises EINVAL."""
    loop = aio.get_running_loop()
    s = sk.socket()
    s.bind(("127.0.0.1", 0))
    s.setblocking(False)
    await loop.sock_accept(s)
    s.close()


async def echo_roundtrip(sk, aio, t):
    """A small echo over TCP, both ways."""
    loop, srv, c, conn = await _tcp(sk, aio)
    await loop.sock_sendall(c, b"ping")
    data = await loop.sock_recv(conn, 100)
    await loop.sock_sendall(conn, data)
    await loop.sock_recv(c, 100)
    c.shutdown(sk.SHUT_WR)
    await loop.sock_recv(conn, 100)
    _close(c, conn, srv)


# --- the non-blocking check ---

async def nonblocking_check(sk, aio, t):
    """Every sock_* method refuses a blocking socket: ValueError('the socket must be non-blocking')."""
    loop = aio.get_running_loop()
    a, b = sk.socketpair()
    await loop.sock_recv(a, 1)
    await loop.sock_recv_into(a, bytearray(1))
    await loop.sock_sendall(a, b"x")
    await loop.sock_accept(a)
    await loop.sock_connect(a, t.path("x.sock"))
    f = t.file(b"data")
    await loop.sock_sendfile(a, f)
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    await loop.sock_recvfrom(u, 1)
    await loop.sock_recvfrom_into(u, bytearray(1))
    await loop.sock_sendto(u, b"x", ("127.0.0.1", 9))
    _close(a, b, u)


async def nonblocking_check_timeout_mode(sk, aio, t):
    """A socket in timeout mode is not non-blocking either; setblocking(False) fixes it."""
    loop = aio.get_running_loop()
    a, b = sk.socketpair()
    a.settimeout(1.0)
    await loop.sock_recv(a, 1)
    a.setblocking(False)
    b.send(b"ok")
    await loop.sock_recv(a, 10)
    _close(a, b)


# --- wait_for, timeout, cancellation, sleep ---

async def wait_for_times_out(sk, aio, t):
    """wait_for raises TimeoutError() and cancels the receive; the socket stays usable."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    await aio.wait_for(loop.sock_recv(a, 10), 0.02)
    b.send(b"x")
    await loop.sock_recv(a, 10)
    _close(a, b)


async def wait_for_zero(sk, aio, t):
    """wait_for(..., 0) times out without trying the operation: the data stays."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    b.send(b"kept")
    await aio.wait_for(loop.sock_recv(a, 10), 0)
    await aio.wait_for(loop.sock_recv(a, 10), -1)
    await loop.sock_recv(a, 10)
    _close(a, b)


async def wait_for_in_time(sk, aio, t):
    """wait_for returns the result when the operation finishes in time (None: no limit)."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    b.send(b"quick")
    await aio.wait_for(loop.sock_recv(a, 10), 1.0)
    b.send(b"again")
    await aio.wait_for(loop.sock_recv(a, 10), None)
    task = aio.create_task(aio.wait_for(loop.sock_recv(a, 10), 1.0))
    await aio.sleep(0.01)
    b.send(b"later")
    await task
    _close(a, b)


async def wait_for_passes_errors(sk, aio, t):
    """wait_for raises the operation's own error."""
    loop = aio.get_running_loop()
    port = _free_port(sk)
    c = sk.socket()
    c.setblocking(False)
    await aio.wait_for(loop.sock_connect(c, ("127.0.0.1", port)), 1.0)
    a, b = sk.socketpair()
    await aio.wait_for(loop.sock_recv(a, 1), 1.0)
    _close(c, a, b)


async def wait_for_accept(sk, aio, t):
    """wait_for around sock_accept: times out, then a later accept gets the connection."""
    loop = aio.get_running_loop()
    srv = _listener(sk)
    await aio.wait_for(loop.sock_accept(srv), 0.02)
    c = sk.socket()
    c.setblocking(False)
    await loop.sock_connect(c, srv.getsockname())
    conn, addr = await aio.wait_for(loop.sock_accept(srv), 1.0)
    _close(c, conn, srv)


async def wait_for_sendall(sk, aio, t):
    """wait_for around a sock_sendall that cannot finish times out."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    a.setsockopt(sk.SOL_SOCKET, sk.SO_SNDBUF, 4096)
    await aio.wait_for(loop.sock_sendall(a, b"w" * 200000), 0.02)
    _close(a, b)


async def timeout_block(sk, aio, t):
    """async with asyncio.timeout(): TimeoutError when the body waits too long; the result otherwise."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    await t.timeout(0.02, loop.sock_recv(a, 10))
    b.send(b"in time")
    await t.timeout(1.0, loop.sock_recv(a, 10))
    await t.timeout(None, aio.sleep(0))
    srv = _listener(sk)
    await t.timeout(0.02, loop.sock_accept(srv))
    _close(a, b, srv)


async def cancel_recv(sk, aio, t):
    """Cancelling a task cancels its sock_recv: CancelledError; no byte is lost."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    task = aio.create_task(loop.sock_recv(a, 10))
    await aio.sleep(0.01)
    task.done()
    task.cancel()
    await task
    task.done()
    task.cancel()
    b.send(b"after")
    await loop.sock_recv(a, 10)
    _close(a, b)


async def cancel_before_start(sk, aio, t):
    """A task cancelled before it ran never runs its receive."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    b.send(b"stays")
    task = aio.create_task(loop.sock_recv(a, 10))
    task.cancel()
    await task
    await loop.sock_recv(a, 10)
    _close(a, b)


async def cancel_accept_and_connect(sk, aio, t):
    """Cancelling a sock_accept leaves the listener usable; a finished task cannot be cancelled."""
    loop = aio.get_running_loop()
    srv = _listener(sk)
    task = aio.create_task(loop.sock_accept(srv))
    await aio.sleep(0.01)
    task.cancel()
    await task
    c = sk.socket()
    c.setblocking(False)
    connect = aio.create_task(loop.sock_connect(c, srv.getsockname()))
    await connect
    connect.cancel()
    conn, addr = await loop.sock_accept(srv)
    _close(c, conn, srv)


async def cancel_recvfrom_and_sleep(sk, aio, t):
    """Cancelling a sock_recvfrom or a sleep: CancelledError; the datagram is still there."""
    loop = aio.get_running_loop()
    a = _udp(sk)
    b = _udp(sk)
    task = aio.create_task(loop.sock_recvfrom(b, 10))
    await aio.sleep(0.01)
    task.cancel()
    await task
    nap = aio.create_task(aio.sleep(10))
    await aio.sleep(0)
    nap.cancel()
    await nap
    await loop.sock_sendto(a, b"kept", b.getsockname())
    await loop.sock_recvfrom(b, 10)
    _close(a, b)


async def sleep_returns_none(sk, aio, t):
    """asyncio.sleep returns None for a positive, zero or negative delay."""
    await aio.sleep(0.01)
    await aio.sleep(0)
    await aio.sleep(-1)


async def tasks_return_values(sk, aio, t):
    """Two tasks run side by side; each returns its operation's result."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    c, d = _pair(sk)
    first = aio.create_task(loop.sock_recv(a, 10))
    second = aio.create_task(loop.sock_recv(c, 10))
    await aio.sleep(0.01)
    d.send(b"second")
    await second
    first.done()
    b.send(b"first")
    await first
    _close(a, b, c, d)


# --- sock_sendfile ---

async def sendfile_whole_and_part(sk, aio, t):
    """sock_sendfile sends the file (or count bytes from offset) and returns the count."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    f = t.file(b"0123456789" * 100)
    await loop.sock_sendfile(a, f)
    await loop.sock_recv(b, 2000)
    await loop.sock_sendfile(a, f, 10, 20)
    await loop.sock_recv(b, 2000)
    await loop.sock_sendfile(a, f, 995)
    await loop.sock_recv(b, 2000)
    _close(a, b)


async def sendfile_tcp(sk, aio, t):
    """sock_sendfile over TCP."""
    loop, srv, c, conn = await _tcp(sk, aio)
    f = t.file(b"tcp-file-" * 50)
    await loop.sock_sendfile(c, f, 0, 100)
    await loop.sock_recv(conn, 1000)
    _close(c, conn, srv)


async def sendfile_errors(sk, aio, t):
    """sock_sendfile's argument checks: SOCK_STREAM only, count > 0, offset >= 0."""
    loop = aio.get_running_loop()
    a, b = _pair(sk)
    f = t.file(b"x" * 10)
    await loop.sock_sendfile(a, f, 0, 0)
    await loop.sock_sendfile(a, f, -1)
    await loop.sock_sendfile(a, f, 0, -5)
    u = _udp(sk)
    await loop.sock_sendfile(u, f)
    _close(a, b, u)


# --- getaddrinfo, getnameinfo ---

async def getaddrinfo_numeric(sk, aio, t):
    """loop.getaddrinfo of numeric hosts: socket.getaddrinfo's answer."""
    loop = aio.get_running_loop()
    await loop.getaddrinfo("127.0.0.1", 80, type=sk.SOCK_STREAM)
    await loop.getaddrinfo("127.0.0.1", 53, family=sk.AF_INET, type=sk.SOCK_DGRAM)
    await loop.getaddrinfo("::1", 443, family=sk.AF_INET6, type=sk.SOCK_STREAM, proto=sk.IPPROTO_TCP)
    await loop.getaddrinfo("127.0.0.1", "8080", type=sk.SOCK_STREAM)
    await loop.getaddrinfo("127.0.0.1", None, type=sk.SOCK_STREAM)
    await loop.getaddrinfo(None, 80, family=sk.AF_INET, type=sk.SOCK_STREAM, flags=sk.AI_PASSIVE)
    await loop.getaddrinfo("127.0.0.1", 80, family=sk.AF_INET, type=sk.SOCK_STREAM, flags=sk.AI_NUMERICHOST | sk.AI_CANONNAME)


async def getaddrinfo_errors(sk, aio, t):
    """loop.getaddrinfo raises socket.gaierror as socket.getaddrinfo does."""
    loop = aio.get_running_loop()
    await loop.getaddrinfo("127.0.0.1", 80, family=sk.AF_INET6, flags=sk.AI_NUMERICHOST)
    await loop.getaddrinfo("not-an-address", 80, flags=sk.AI_NUMERICHOST)
    await loop.getaddrinfo("127.0.0.1", "no-such-service-x", flags=sk.AI_NUMERICSERV)


async def getnameinfo_numeric(sk, aio, t):
    """loop.getnameinfo with numeric flags: (host, port) as text."""
    loop = aio.get_running_loop()
    await loop.getnameinfo(("127.0.0.1", 80), sk.NI_NUMERICHOST | sk.NI_NUMERICSERV)
    await loop.getnameinfo(("::1", 8080, 0, 0), sk.NI_NUMERICHOST | sk.NI_NUMERICSERV)
    await loop.getnameinfo(("10.1.2.3", 65535), sk.NI_NUMERICHOST | sk.NI_NUMERICSERV | sk.NI_DGRAM)


# --- AF_UNIX datagrams ---

async def unix_dgram(sk, aio, t):
    """AF_UNIX datagrams: the sender's path comes back with the data."""
    loop = aio.get_running_loop()
    pa, pb = t.path("a.dgram"), t.path("b.dgram")
    a = sk.socket(sk.AF_UNIX, sk.SOCK_DGRAM)
    b = sk.socket(sk.AF_UNIX, sk.SOCK_DGRAM)
    a.bind(pa)
    b.bind(pb)
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendto(a, b"to b", pb)
    await loop.sock_recvfrom(b, 10)
    await loop.sock_sendto(b, b"to a", pa)
    await loop.sock_recvfrom_into(a, bytearray(10))
    await loop.sock_sendto(a, b"nobody", t.path("none.dgram"))
    _close(a, b)


async def unix_socketpair_dgram(sk, aio, t):
    """A SOCK_DGRAM socketpair keeps message boundaries."""
    loop = aio.get_running_loop()
    a, b = sk.socketpair(sk.AF_UNIX, sk.SOCK_DGRAM)
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b"one")
    await loop.sock_sendall(a, b"two")
    await loop.sock_recv(b, 100)
    await loop.sock_recvfrom(b, 100)
    _close(a, b)
