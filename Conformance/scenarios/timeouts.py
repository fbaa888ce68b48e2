"""The timeout model: blocking, non-blocking (timeout 0) and timeout mode; the default timeout."""


def _listener(sk):
    srv = sk.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    return srv


def settimeout_values(sk):
    """settimeout(x) is read back by gettimeout(); getblocking() follows."""
    s = sk.socket()
    for value in (1.5, 0.25, 0, 0.0, 3, None, 1e-9, 86400.0):
        s.settimeout(value)
        s.gettimeout()
        s.getblocking()
    s.close()


def settimeout_bad_values(sk):
    """Negative and non-finite timeouts raise ValueError."""
    s = sk.socket()
    s.settimeout(-1)
    s.settimeout(-0.5)
    s.settimeout(float("nan"))
    s.settimeout(float("inf"))
    s.gettimeout()
    s.settimeout(1e300)
    s.gettimeout()
    s.close()


def setblocking_switches_modes(sk):
    """setblocking(False) is timeout 0.0, setblocking(True) is None."""
    s = sk.socket()
    s.setblocking(False)
    s.gettimeout()
    s.getblocking()
    s.setblocking(True)
    s.gettimeout()
    s.getblocking()
    s.settimeout(2.0)
    s.setblocking(True)
    s.gettimeout()
    s.settimeout(2.0)
    s.setblocking(False)
    s.gettimeout()
    s.setblocking(0)
    s.getblocking()
    s.setblocking(1)
    s.getblocking()
    s.close()


def default_timeout_applies_to_new_sockets(sk):
    """setdefaulttimeout() affects sockets created afterwards only."""
    sk.getdefaulttimeout()
    before = sk.socket()
    sk.setdefaulttimeout(0.75)
    sk.getdefaulttimeout()
    after = sk.socket()
    before.gettimeout()
    after.gettimeout()
    after.getblocking()
    a, b = sk.socketpair()
    a.gettimeout()
    sk.setdefaulttimeout(0)
    sk.socket().gettimeout()
    sk.setdefaulttimeout(None)
    sk.getdefaulttimeout()
    sk.socket().gettimeout()
    for x in (before, after, a, b):
        x.close()


def default_timeout_bad_values(sk):
    """setdefaulttimeout rejects negative values."""
    sk.setdefaulttimeout(-1)
    sk.getdefaulttimeout()
    sk.setdefaulttimeout(float("nan"))
    sk.setdefaulttimeout(2)
    sk.getdefaulttimeout()
    sk.setdefaulttimeout(None)


def accepted_socket_timeout(sk):
    """An accepted socket takes the default timeout, not the listener's."""
    srv = _listener(sk)
    srv.settimeout(1.0)
    c = sk.socket()
    c.connect(srv.getsockname())
    conn, _ = srv.accept()
    conn.gettimeout()
    conn.getblocking()
    srv.settimeout(0)
    c2 = sk.socket()
    c2.connect(srv.getsockname())
    conn2, _ = srv.accept()
    conn2.gettimeout()
    sk.setdefaulttimeout(0.5)
    c3 = sk.socket()
    c3.connect(srv.getsockname())
    conn3, _ = srv.accept()
    conn3.gettimeout()
    sk.setdefaulttimeout(None)
    for x in (srv, c, conn, c2, conn2, c3, conn3):
        x.close()


def recv_times_out(sk):
    """recv with a timeout and no data raises TimeoutError 'timed out'."""
    a, b = sk.socketpair()
    a.settimeout(0.05)
    a.recv(10)
    a.recv_into(bytearray(4))
    a.recvfrom(10)
    b.send(b"late")
    a.recv(10)
    a.close()
    b.close()


def accept_times_out(sk):
    """accept with a timeout and no client raises TimeoutError."""
    srv = _listener(sk)
    srv.settimeout(0.05)
    srv.accept()
    srv.close()


def nonblocking_accept_and_recv(sk):
    """Timeout 0: operations that would block raise BlockingIOError EAGAIN."""
    srv = _listener(sk)
    srv.setblocking(False)
    srv.accept()
    a, b = sk.socketpair()
    a.setblocking(False)
    a.recv(1)
    a.recv_into(bytearray(1))
    a.recvfrom(1)
    srv.close()
    a.close()
    b.close()


def sendall_times_out_when_peer_is_full(sk):
    """sendall with a timeout into a full buffer raises TimeoutError."""
    a, b = sk.socketpair()
    a.setsockopt(sk.SOL_SOCKET, sk.SO_SNDBUF, 4096)
    b.setsockopt(sk.SOL_SOCKET, sk.SO_RCVBUF, 4096)
    a.settimeout(0.05)
    a.sendall(b"x" * 1000000)
    b.recv(3)
    a.close()
    b.close()


def send_nonblocking_fills_up(sk, t):
    """A non-blocking send into a full buffer sends part, then raises BlockingIOError."""
    a, b = sk.socketpair()
    a.setsockopt(sk.SOL_SOCKET, sk.SO_SNDBUF, 4096)
    a.setblocking(False)
    a.send(b"y" * 1000000)
    t.loose()
    a.send(b"y" * 1000000)
    a.send(b"y")
    b.recv(1)
    a.close()
    b.close()


def timeout_mode_recv_with_data(sk):
    """With data ready, a timeout-mode recv returns at once."""
    a, b = sk.socketpair()
    a.settimeout(0.05)
    b.sendall(b"ready")
    a.recv(5)
    a.recv(5)
    b.close()
    a.recv(5)
    a.close()


def timeout_error_is_oserror(sk):
    """socket.timeout is TimeoutError, a subclass of OSError; its errno is None."""
    sk.timeout
    a, b = sk.socketpair()
    a.settimeout(0.01)
    a.recv(1)
    a.settimeout(0.0)
    a.recv(1)
    a.close()
    b.close()


def connect_nonblocking_in_progress(sk):
    """A non-blocking TCP connect returns EINPROGRESS, then completes."""
    srv = _listener(sk)
    c = sk.socket()
    c.setblocking(False)
    c.connect_ex(srv.getsockname())
    c.setblocking(True)
    c.settimeout(1.0)
    c.getpeername()
    c.getsockopt(sk.SOL_SOCKET, sk.SO_ERROR)
    c.close()
    srv.close()


def connect_timeout_mode_succeeds(sk):
    """connect in timeout mode to a listener succeeds; the timeout stays."""
    srv = _listener(sk)
    c = sk.socket()
    c.settimeout(1.0)
    c.connect(srv.getsockname())
    c.gettimeout()
    c.getpeername()
    c.close()
    srv.close()


def udp_recvfrom_timeout(sk):
    """A datagram socket in timeout mode times out with nothing to read."""
    u = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    u.bind(("127.0.0.1", 0))
    u.settimeout(0.05)
    u.recvfrom(100)
    u.recvfrom_into(bytearray(10))
    u.recv(100)
    u.setblocking(False)
    u.recvfrom(100)
    u.close()
