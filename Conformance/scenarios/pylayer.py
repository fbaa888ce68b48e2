"""The Lib/socket.py layer: create_connection, create_server, has_dualstack_ipv6, makefile, sendfile."""


def _server(sk):
    return sk.create_server(("127.0.0.1", 0))


def create_server_basics(sk, t):
    """create_server returns a listening TCP socket with SO_REUSEADDR set."""
    srv = _server(sk)
    srv.family
    srv.type
    srv.getsockname()
    srv.getsockopt(sk.SOL_SOCKET, sk.SO_REUSEADDR)
    srv.getsockopt(sk.SOL_SOCKET, sk.SO_ACCEPTCONN)
    srv.gettimeout()
    t.repr(srv)
    srv.close()


def create_server_options(sk):
    """backlog, reuse_port and family keywords."""
    srv = sk.create_server(("127.0.0.1", 0), backlog=3, reuse_port=True)
    srv.getsockopt(sk.SOL_SOCKET, sk.SO_REUSEPORT)
    twin = sk.create_server(srv.getsockname(), reuse_port=True)
    twin.getsockname()
    twin.close()
    srv.close()
    v6 = sk.create_server(("::1", 0), family=sk.AF_INET6)
    v6.family
    v6.getsockname()
    v6.close()


def create_server_dualstack(sk):
    """dualstack_ipv6=True listens on :: and accepts IPv4 clients."""
    sk.has_dualstack_ipv6()
    srv = sk.create_server(("::", 0), family=sk.AF_INET6, dualstack_ipv6=True)
    srv.getsockopt(sk.IPPROTO_IPV6, sk.IPV6_V6ONLY)
    port = srv.getsockname()[1]
    c = sk.create_connection(("127.0.0.1", port))
    conn, addr = srv.accept()
    conn.getpeername()
    for x in (conn, c, srv):
        x.close()


def create_server_errors(sk):
    """dualstack with AF_INET is a ValueError; binding a used port raises OSError with the address."""
    sk.create_server(("127.0.0.1", 0), dualstack_ipv6=True)
    srv = _server(sk)
    sk.create_server(srv.getsockname())
    sk.create_server(("256.1.1.1", 0))
    srv.close()


def create_connection_basics(sk):
    """create_connection connects and returns a blocking TCP socket."""
    srv = _server(sk)
    c = sk.create_connection(srv.getsockname())
    c.family
    c.gettimeout()
    c.getpeername()
    conn, addr = srv.accept()
    c.sendall(b"hello")
    conn.recv(10)
    for x in (conn, c, srv):
        x.close()


def create_connection_timeout_and_source(sk):
    """timeout= sets the socket's timeout; source_address= binds first."""
    srv = _server(sk)
    c = sk.create_connection(srv.getsockname(), timeout=0.5)
    c.gettimeout()
    c.close()
    c = sk.create_connection(srv.getsockname(), 0.25, ("127.0.0.1", 0))
    c.gettimeout()
    c.getsockname()[0]
    c.close()
    c = sk.create_connection(srv.getsockname(), timeout=None)
    c.gettimeout()
    c.close()
    srv.close()


def create_connection_refused(sk):
    """A refused connection raises ConnectionRefusedError; all_errors=True an ExceptionGroup."""
    probe = _server(sk)
    dead = probe.getsockname()
    probe.close()
    sk.create_connection(dead)
    sk.create_connection(dead, all_errors=True)
    sk.create_connection(dead, timeout=0.5)


def create_connection_localhost(sk):
    """create_connection to 'localhost' tries each address."""
    srv = _server(sk)
    port = srv.getsockname()[1]
    c = sk.create_connection(("localhost", port))
    c.getpeername()
    c.close()
    srv.close()


def create_connection_bad_source(sk):
    """A source address that cannot be bound is reported."""
    srv = _server(sk)
    sk.create_connection(srv.getsockname(), source_address=("192.0.2.1", 0))
    sk.create_connection(srv.getsockname(), source_address=("192.0.2.1", 0), all_errors=True)
    srv.close()


def create_connection_default_timeout(sk):
    """create_connection without timeout uses the default timeout."""
    srv = _server(sk)
    sk.setdefaulttimeout(0.75)
    c = sk.create_connection(srv.getsockname())
    c.gettimeout()
    c.close()
    sk.setdefaulttimeout(None)
    srv.close()


def makefile_read_write(sk):
    """makefile('rb') and makefile('wb') wrap the socket in buffered files."""
    a, b = sk.socketpair()
    w = a.makefile("wb")
    r = b.makefile("rb")
    w.write(b"line one\nline two\n")
    w.flush()
    r.readline()
    r.readline()
    w.write(b"tail")
    w.close()
    a.shutdown(sk.SHUT_WR)
    r.read()
    r.close()
    a.close()
    b.close()


def makefile_text_mode(sk):
    """makefile('r') and makefile('w') with an encoding and newline handling."""
    a, b = sk.socketpair()
    w = a.makefile("w", encoding="utf-8", newline="\n")
    r = b.makefile("r", encoding="utf-8")
    w.write("héllo\n")
    w.flush()
    r.readline()
    w.close()
    r.close()
    a.close()
    b.close()


def makefile_unbuffered_and_modes(sk):
    """buffering=0 gives a raw SocketIO; bad modes raise ValueError."""
    a, b = sk.socketpair()
    raw = a.makefile("rwb", buffering=0)
    raw.write(b"raw")
    b.recv(3)
    b.sendall(b"back")
    raw.read(4)
    raw.readable()
    raw.writable()
    raw.seekable()
    raw.close()
    a.makefile("x")
    a.makefile("r", buffering=0)
    a.close()
    b.close()


def makefile_keeps_socket_open(sk):
    """Closing the socket while a file is open keeps the fd until the file closes."""
    a, b = sk.socketpair()
    f = a.makefile("rb")
    a.close()
    a.fileno()
    b.sendall(b"x")
    f.read(1)
    f.close()
    b.close()


def sendfile_from_file(sk, t):
    """socket.sendfile sends a file's contents, from the start or a given offset and count."""
    a, b = sk.socketpair()
    f = t.file(b"file contents " * 10)
    a.sendfile(f)
    b.recv(1000)
    a.sendfile(f, 5, 8)
    b.recv(1000)
    a.sendfile(f, 200)
    a.close()
    b.close()


def fromfd_and_has_ipv6(sk):
    """fromfd duplicates; has_ipv6 and has_dualstack_ipv6 report support."""
    sk.has_ipv6
    sk.has_dualstack_ipv6()
    s = _server(sk)
    d = sk.fromfd(s.fileno(), sk.AF_INET, sk.SOCK_STREAM)
    d.getsockname()
    d.close()
    s.close()


def socketpair_fallback_shape(sk):
    """socket.socketpair() defaults and the socket class of the result."""
    a, b = sk.socketpair()
    a.family
    a.type
    a.proto
    a.close()
    b.close()


def getfqdn_of_literals(sk):
    """getfqdn of an IP literal without reverse DNS returns the literal or its name."""
    sk.getfqdn("::1")


def socket_close_module_function(sk):
    """socket.close(fd) closes a raw descriptor."""
    s = sk.socket()
    fd = s.detach()
    sk.close(fd)
    sk.close(fd)
