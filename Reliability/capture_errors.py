# Runs each error path of `reliability errors` once under CPython and prints what it raised (TSV: name, type, str, detail).
# Usage: python3.13 Reliability/capture_errors.py > Reliability/expected-errors.tsv
import array, errno, os, resource, socket, sys, tempfile

def outcome(name, body):
    try:
        detail = body()
        print(f"{name}\tNone\t\t{detail if detail is not None else ''}")
    except BaseException as e:  # noqa: BLE001 - the outcome is the data
        text = str(e)
        if isinstance(e, ExceptionGroup):
            text += " | " + "; ".join(f"{type(x).__name__}: {x}" for x in e.exceptions)
        print(f"{name}\t{type(e).__name__}\t{text.replace(str(PORT[0]), '{port}')}\t")

PORT = [0]

def refusing():
    h = socket.socket(); h.bind(("127.0.0.1", 0)); PORT[0] = h.getsockname()[1]; return h

def refused():
    h = refusing()
    try: socket.create_connection(("127.0.0.1", PORT[0])).close()
    finally: h.close()

def refused_all():
    h = refusing()
    try: socket.create_connection(("127.0.0.1", PORT[0]), all_errors=True).close()
    finally: h.close()

def timed_out():
    srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(0); PORT[0] = srv.getsockname()[1]
    fill = []
    try:
        while True:  # fill the accept queue, then one more SYN is dropped
            c = socket.socket(); c.setblocking(False)
            fill.append(c)
            if c.connect_ex(("127.0.0.1", PORT[0])) not in (0, errno.EINPROGRESS): break
            if len(fill) > 4: break
        socket.create_connection(("127.0.0.1", PORT[0]), timeout=0.001).close()
    finally:
        for c in fill: c.close()
        srv.close()

def in_use():
    srv = socket.create_server(("127.0.0.1", 0)); PORT[0] = srv.getsockname()[1]
    try: socket.create_server(("127.0.0.1", PORT[0])).close()
    finally: srv.close()

def from_errno(code):
    raise OSError(code, os.strerror(code))

def recvmsg_fds(ancbufsize, limit=False):
    a, b = socket.socketpair()
    r1, w1 = os.pipe()
    try:
        socket.send_fds(a, [b"x"], [r1, w1])
        old = resource.getrlimit(resource.RLIMIT_NOFILE)
        held = []
        if limit:  # every descriptor below the limit in use: the kernel cannot install the fds
            resource.setrlimit(resource.RLIMIT_NOFILE, (max(int(x) for x in os.listdir("/proc/self/fd")) + 1, old[1]))
            while True:
                try: held.append(os.open("/dev/null", os.O_RDONLY))
                except OSError: break
        try:
            msg, anc, flags, _ = b.recvmsg(1, ancbufsize)
        finally:
            for fd in held: os.close(fd)
            resource.setrlimit(resource.RLIMIT_NOFILE, old)
        fds = []
        for level, kind, data in anc:
            arr = array.array("i"); arr.frombytes(data[: len(data) - len(data) % 4]); fds += list(arr)
        for fd in fds: os.close(fd)
        return f"data={msg!r} ctrunc={bool(flags & socket.MSG_CTRUNC)} items={len(anc)} fds={len(fds)}"
    finally:
        for fd in (r1, w1): os.close(fd)
        a.close(); b.close()

def emfile(kind):
    old = resource.getrlimit(resource.RLIMIT_NOFILE)
    srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(); PORT[0] = srv.getsockname()[1]
    c = socket.create_connection(("127.0.0.1", PORT[0]))
    top = max(int(x) for x in os.listdir("/proc/self/fd"))
    resource.setrlimit(resource.RLIMIT_NOFILE, (top + 1, old[1]))
    held = []
    try:
        while True:  # use every descriptor up to the limit
            try: held.append(os.open("/dev/null", os.O_RDONLY))
            except OSError: break
        if kind == "accept": srv.accept()[0].close()
        elif kind == "socket": socket.socket().close()
        elif kind == "socketpair": [s.close() for s in socket.socketpair()]
        elif kind == "dup": srv.dup().close()
    finally:
        for fd in held: os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, old)
        c.close(); srv.close()

def unix_path(n):
    d = tempfile.mkdtemp(); cwd = os.getcwd(); os.chdir(d)
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind("x" * n)
        return f"bound={s.getsockname() == 'x' * n}"
    finally:
        s.close()
        if os.path.exists("x" * n): os.unlink("x" * n)
        os.chdir(cwd); os.rmdir(d)

print(f"# captured with CPython {sys.version.split()[0]} on {sys.platform}")
outcome("create_connection refused", refused)
outcome("create_connection timed out", timed_out)
outcome("create_connection all_errors", refused_all)
outcome("create_server port in use", in_use)
outcome("accept ECONNABORTED", lambda: from_errno(errno.ECONNABORTED))
outcome("accept EMFILE", lambda: emfile("accept"))
outcome("socket EMFILE", lambda: emfile("socket"))
outcome("socketpair EMFILE", lambda: emfile("socketpair"))
outcome("dup EMFILE", lambda: emfile("dup"))
outcome("recvmsg CMSG_LEN-sized", lambda: recvmsg_fds(socket.CMSG_LEN(4)))
outcome("recvmsg zero-sized", lambda: recvmsg_fds(0))
outcome("recvmsg at the fd limit", lambda: recvmsg_fds(socket.CMSG_SPACE(8), limit=True))
outcome("AF_UNIX path 107 bytes", lambda: unix_path(107))
outcome("AF_UNIX path 108 bytes", lambda: unix_path(108))
