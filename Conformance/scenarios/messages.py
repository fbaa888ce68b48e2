"""sendmsg/recvmsg/recvmsg_into: scatter/gather, ancillary data, SCM_RIGHTS fd passing, truncation."""

def sendmsg_gather(sk):
    """sendmsg joins its buffers; recvmsg returns (data, ancdata, flags, address)."""
    a, b = sk.socketpair()
    a.sendmsg([b"one ", b"two ", b"three"])
    b.recvmsg(100)
    a.sendmsg([])
    a.sendmsg([b""])
    a.sendmsg([b"x"], [], 0)
    b.recvmsg(100)
    a.close()
    b.close()


def recvmsg_into_scatter(sk):
    """recvmsg_into fills several buffers in order."""
    a, b = sk.socketpair()
    a.sendall(b"abcdefghij")
    b1, b2 = bytearray(3), bytearray(4)
    b.recvmsg_into([b1, b2])
    b.recvmsg_into([bytearray(10)], 0, 0)
    a.sendall(b"xyz")
    b.recvmsg_into([bytearray(5)], 0, sk.MSG_PEEK)
    b.recvmsg_into([bytearray(5)])
    a.close()
    b.close()


def udp_sendmsg_address(sk):
    """sendmsg with an address on UDP; recvmsg returns the sender."""
    a = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    a.bind(("127.0.0.1", 0))
    b = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    b.bind(("127.0.0.1", 0))
    b.settimeout(1.0)
    a.sendmsg([b"dgram", b"!"], [], 0, b.getsockname())
    b.recvmsg(100)
    a.sendmsg([b"0123456789"], [], 0, b.getsockname())
    b.recvmsg(4)
    a.close()
    b.close()


def pass_one_fd(sk, t):
    """SCM_RIGHTS passes a descriptor; the received one refers to the same socket."""
    a, b = sk.socketpair()
    x, y = sk.socketpair()
    a.sendmsg([b"fd"], [(sk.SOL_SOCKET, sk.SCM_RIGHTS, t.fds(x.fileno()))])
    msg, anc, flags, addr = b.recvmsg(10, sk.CMSG_SPACE(4))
    for fd in t.received_fds(anc):
        got = sk.socket(fileno=fd)
        got.family
        got.send(b"through passed fd")
        y.recv(100)
        got.close()
    for s in (a, b, x, y):
        s.close()


def pass_several_fds(sk, t):
    """Three fds in one SCM_RIGHTS message."""
    a, b = sk.socketpair()
    socks = [sk.socket(sk.AF_INET, sk.SOCK_DGRAM) for _ in range(3)]
    a.sendmsg([b"3"], [(sk.SOL_SOCKET, sk.SCM_RIGHTS, t.fds(*[s.fileno() for s in socks]))])
    msg, anc, flags, addr = b.recvmsg(10, sk.CMSG_SPACE(12))
    for fd in t.received_fds(anc):
        w = sk.socket(fileno=fd)
        w.type
        w.close()
    for s in socks + [a, b]:
        s.close()


def truncated_control_data(sk, t):
    """A control buffer too small for the fds sets MSG_CTRUNC; extra fds are closed."""
    a, b = sk.socketpair()
    x, y = sk.socketpair()
    a.sendmsg([b"two fds"], [(sk.SOL_SOCKET, sk.SCM_RIGHTS, t.fds(x.fileno(), y.fileno()))])
    msg, anc, flags, addr = b.recvmsg(100, sk.CMSG_LEN(4))
    for fd in t.received_fds(anc):
        sk.close(fd)
    a.sendmsg([b"none fit"], [(sk.SOL_SOCKET, sk.SCM_RIGHTS, t.fds(x.fileno()))])
    b.recvmsg(100, 0)
    a.sendmsg([b"no space"], [(sk.SOL_SOCKET, sk.SCM_RIGHTS, t.fds(x.fileno()))])
    b.recvmsg(100)
    for s in (a, b, x, y):
        s.close()


def send_fds_recv_fds(sk, t):
    """socket.send_fds / socket.recv_fds (Lib/socket.py)."""
    a, b = sk.socketpair()
    x, y = sk.socketpair()
    sk.send_fds(a, [b"with fds"], [x.fileno(), y.fileno()])
    msg, fds, flags, addr = sk.recv_fds(b, 100, 2)
    for fd in fds:
        w = sk.socket(fileno=fd)
        w.family
        w.close()
    sk.send_fds(a, [b"only one fits"], [x.fileno(), y.fileno()])
    msg, fds, flags, addr = sk.recv_fds(b, 100, 1)
    for fd in fds:
        sk.close(fd)
    sk.send_fds(a, [b"no fds"], [])
    sk.recv_fds(b, 100, 1)
    for s in (a, b, x, y):
        s.close()


def bad_ancillary_data(sk):
    """Malformed ancillary items raise TypeError/OSError; bad fds EBADF."""
    a, b = sk.socketpair()
    a.sendmsg([b"x"], [(sk.SOL_SOCKET, sk.SCM_RIGHTS, b"\xff\xff\xff\x7f")])
    a.sendmsg([b"x"], [(sk.SOL_SOCKET, sk.SCM_RIGHTS, b"\x01\x02")])
    a.sendmsg([b"x"], [(sk.SOL_SOCKET, 12345, b"\x00\x00\x00\x00")])
    a.recvmsg(10, -1)
    a.close()
    b.close()


def scm_credentials(sk, t):
    """SO_PASSCRED makes recvmsg deliver SCM_CREDENTIALS (pid/uid/gid are machine data)."""
    a, b = sk.socketpair(sk.AF_UNIX, sk.SOCK_DGRAM)
    b.setsockopt(sk.SOL_SOCKET, sk.SO_PASSCRED, 1)
    a.send(b"creds")
    b.recvmsg(10, sk.CMSG_SPACE(12))
    t.loose()
    sk.CMSG_LEN(12)
    a.close()
    b.close()


def recvmsg_flags_trunc(sk):
    """recvmsg on a datagram larger than the buffer sets MSG_TRUNC in flags."""
    a, b = sk.socketpair(sk.AF_UNIX, sk.SOCK_DGRAM)
    a.send(b"0123456789")
    b.recvmsg(3)
    a.send(b"0123456789")
    b.recvmsg_into([bytearray(2), bytearray(2)])
    a.close()
    b.close()


def recvmsg_timeout_and_nonblocking(sk):
    """recvmsg honours the timeout model."""
    a, b = sk.socketpair()
    b.settimeout(0.05)
    b.recvmsg(10)
    b.recvmsg_into([bytearray(4)])
    b.setblocking(False)
    b.recvmsg(10)
    a.sendmsg([b"now"])
    b.recvmsg(10)
    a.close()
    b.close()


def sendmsg_on_closed_peer(sk):
    """sendmsg to a closed peer raises BrokenPipeError."""
    a, b = sk.socketpair()
    b.close()
    a.sendmsg([b"x"])
    a.close()
    a.sendmsg([b"x"])
    a.recvmsg(1)


def ipv4_pktinfo(sk):
    """IP_PKTINFO ancillary data on a UDP socket (interface index and addresses)."""
    a = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    a.bind(("127.0.0.1", 0))
    a.setsockopt(sk.IPPROTO_IP, sk.IP_PKTINFO, 1)
    a.settimeout(1.0)
    s = sk.socket(sk.AF_INET, sk.SOCK_DGRAM)
    s.sendto(b"info", a.getsockname())
    a.recvmsg(10, 64)
    a.close()
    s.close()


def sendmsg_afalg_needs_af_alg(sk):
    """sendmsg_afalg on a socket that is not AF_ALG raises OSError before any system call."""
    a, b = sk.socketpair()
    a.sendmsg_afalg([b"x"], op=sk.ALG_OP_ENCRYPT)
    a.sendmsg_afalg(op=sk.ALG_OP_DECRYPT, iv=b"1234")
    a.close()
    b.close()
