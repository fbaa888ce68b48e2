# Runs each hostile-input case of `reliability hostile` under CPython and prints its outcome (TSV: name, type, str, result).
# Usage: python3.13 Reliability/capture_hostile.py > Reliability/expected-hostile.tsv
# Each case runs on fresh fixtures: `a, b` a connected socketpair, `t` a fresh TCP socket,
# `buf` a bytearray(10), `r, w` a pipe, `closed` a descriptor number that was just closed.
import array, os, socket, sys

CASES = [
    # CVE-2014-1912 and buffer sizes
    ("recvfrom_into nbytes > len(buf)", "b.recvfrom_into(buf, 11)"),
    ("recvfrom_into nbytes 2**62", "b.recvfrom_into(buf, 2**62)"),
    ("recv_into nbytes > len(buf)", "b.recv_into(buf, 11)"),
    ("recv_into nbytes -1", "b.recv_into(buf, -1)"),
    ("recvfrom_into nbytes -1", "b.recvfrom_into(buf, -1)"),
    ("recv_into nbytes 0 (the whole buffer)", "b.recv_into(buf, 0)"),
    ("recv -1", "b.recv(-1)"),
    ("recv 0", "b.recv(0)"),
    ("recv 2**63-1", "b.recv(2**63-1)"),
    ("recvfrom -1", "b.recvfrom(-1)"),
    ("recvfrom 2**63-1", "b.recvfrom(2**63-1)"),
    ("recvmsg -1", "b.recvmsg(-1)"),
    ("recvmsg 2**63-1", "b.recvmsg(2**63-1)"),
    ("recvmsg ancbufsize -1", "b.recvmsg(1, -1)"),
    ("recvmsg ancbufsize 2**63-1", "b.recvmsg(1, 2**63-1)"),
    ("recvmsg_into 10,000 buffers", "b.recvmsg_into([bytearray(1) for _ in range(10000)])"),
    # setsockopt / getsockopt with wrong sizes
    ("setsockopt SO_REUSEADDR 1-byte buffer", "t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, b'\\x01')"),
    ("setsockopt SO_REUSEADDR empty buffer", "t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, b'')"),
    ("setsockopt SO_REUSEADDR 1000-byte buffer", "t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, b'\\x01' * 1000)"),
    ("setsockopt SO_LINGER 4-byte buffer", "t.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b'\\x01\\x00\\x00\\x00')"),
    ("setsockopt SO_RCVTIMEO 8-byte buffer", "t.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, b'\\x00' * 8)"),
    ("setsockopt int 2**31", "t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 2**31)"),
    ("setsockopt int -1", "t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, -1)"),
    ("setsockopt None, optlen 4", "t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, None, 4)"),
    ("setsockopt None, optlen -1", "t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, None, -1)"),
    ("setsockopt None, optlen 2**32", "t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, None, 2**32)"),
    ("getsockopt buflen -1", "t.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, -1)"),
    ("getsockopt buflen 1", "t.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)"),
    ("getsockopt buflen 1024", "len(t.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1024))"),
    ("getsockopt buflen 1025", "t.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1025)"),
    ("getsockopt level 2**31", "t.getsockopt(2**31, socket.SO_REUSEADDR)"),
    # sendmsg with many buffers and ancillary items
    ("sendmsg 1,024 buffers", "a.sendmsg([b'x'] * 1024)"),
    ("sendmsg 1,025 buffers", "a.sendmsg([b'x'] * 1025)"),
    ("sendmsg 10,000 buffers", "a.sendmsg([b'x'] * 10000)"),
    ("sendmsg 10,000 SCM_RIGHTS items", "a.sendmsg([b'x'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i', [r]))] * 10000)"),
    ("sendmsg 100 SCM_RIGHTS items", "a.sendmsg([b'x'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i', [r]))] * 100)"),
    ("sendmsg SCM_RIGHTS of 254 fds", "a.sendmsg([b'x'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i', [r] * 254))])"),
    ("sendmsg SCM_RIGHTS of 3 bytes", "a.sendmsg([b'x'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, b'\\x00\\x00\\x00')])"),
    ("sendmsg SCM_RIGHTS of a closed fd", "a.sendmsg([b'x'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i', [closed]))])"),
    ("sendmsg unknown cmsg type", "a.sendmsg([b'x'], [(socket.SOL_SOCKET, 9999, b'')])"),
    ("sendmsg cmsg level 2**31", "a.sendmsg([b'x'], [(2**31, 1, b'')])"),
    ("send_fds 254 fds", "socket.send_fds(a, [b'x'], [r] * 254)"),
    ("recv_fds maxfds -1", "socket.recv_fds(b, 1, -1)"),
    # descriptors that are not sockets
    ("fromfd on a pipe", "socket.fromfd(r, socket.AF_INET, socket.SOCK_STREAM).getsockname()"),
    ("fromfd on a closed fd", "socket.fromfd(closed, socket.AF_INET, socket.SOCK_STREAM)"),
    ("fromfd -1", "socket.fromfd(-1, socket.AF_INET, socket.SOCK_STREAM)"),
    ("socket(fileno=pipe)", "socket.socket(fileno=r)"),
    ("socket(fileno=closed)", "socket.socket(fileno=closed)"),
    ("socket(fileno=-1)", "socket.socket(fileno=-1)"),
    ("socket(AF_INET, SOCK_STREAM, 0, fileno=pipe).recv(1)", "socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, r).recv(1)"),
    ("socket(AF_INET, SOCK_STREAM, 0, fileno=closed)", "socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, closed)"),
    # other sizes and numbers
    ("settimeout -1", "t.settimeout(-1)"),
    ("settimeout 1e300", "t.settimeout(1e300)"),
    ("settimeout nan", "t.settimeout(float('nan'))"),
    ("listen -1", "t.listen(-1)"),
    ("listen 2**31", "t.listen(2**31)"),
    ("shutdown 3", "a.shutdown(3)"),
    ("shutdown 2**31", "a.shutdown(2**31)"),
    ("CMSG_LEN -1", "socket.CMSG_LEN(-1)"),
    ("CMSG_LEN 2**63-1", "socket.CMSG_LEN(2**63-1)"),
    ("CMSG_SPACE 2**63-1", "socket.CMSG_SPACE(2**63-1)"),
    ("htons -1", "socket.htons(-1)"),
    ("htons 65536", "socket.htons(65536)"),
    ("htonl 2**32", "socket.htonl(2**32)"),
    ("if_indextoname -1", "socket.if_indextoname(-1)"),
    ("if_indextoname 2**32", "socket.if_indextoname(2**32)"),
    ("inet_ntop 5 bytes", "socket.inet_ntop(socket.AF_INET, b'\\x00' * 5)"),
    ("inet_ntoa 5 bytes", "socket.inet_ntoa(b'\\x00' * 5)"),
    ("bind port -1", "t.bind(('127.0.0.1', -1))"),
    ("bind port 65536", "t.bind(('127.0.0.1', 65536))"),
    ("bind port 2**63-1", "t.bind(('127.0.0.1', 2**63-1))"),
    ("connect_ex port 65536", "t.connect_ex(('127.0.0.1', 65536))"),
    ("sendto port -1", "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('127.0.0.1', -1))"),
    ("socket family -1", "socket.socket(-1)"),
    ("socket type -1", "socket.socket(socket.AF_INET, -1)"),
    ("socketpair AF_INET", "socket.socketpair(socket.AF_INET)"),
]

def describe(value):
    if isinstance(value, tuple): return "tuple"
    if isinstance(value, socket.socket): return "socket"
    return repr(value)

print(f"# captured with CPython {sys.version.split()[0]} on {sys.platform}")
for name, code in CASES:
    a, b = socket.socketpair()
    a.sendall(b"0123456789" * 4)
    t = socket.socket()
    r, w = os.pipe()
    closed = os.dup(w); os.close(closed)
    buf = bytearray(10)
    made = []
    try:
        value = eval(code)
        if isinstance(value, socket.socket): made.append(value)
        if isinstance(value, tuple) and value and isinstance(value[0], socket.socket): made += list(value)
        print(f"{name}\tNone\t\t{describe(value)}")
    except BaseException as e:  # noqa: BLE001 - the outcome is the data
        print(f"{name}\t{type(e).__name__}\t{e}\t")
    finally:
        for s in made:
            try: s.detach() if s.fileno() in (r, w) else s.close()
            except OSError: pass
        for s in (a, b, t): s.close()
        for fd in (r, w):
            try: os.close(fd)
            except OSError: pass
