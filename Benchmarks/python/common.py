"""Shared helpers for the CPython implementations: argument parsing and the one JSON line."""
import json
import sys
import time

now = time.monotonic


def arg(name, default, cast=str):
    argv = sys.argv
    for i in range(1, len(argv) - 1):
        if argv[i] == name:
            return cast(argv[i + 1])
    return default


def report(workload, unit, ops, seconds):
    print(json.dumps({
        "impl": "cpython",
        "workload": workload,
        "unit": unit,
        "ops": ops,
        "seconds": round(seconds, 6),
        "rate": round(ops / seconds, 3),
        "python": sys.version.split()[0],
    }), flush=True)


def tcp_pair(nodelay):
    """A connected TCP pair over 127.0.0.1: (client, accepted server side)."""
    import socket
    lst = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lst.bind(("127.0.0.1", 0))
    lst.listen(1)
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.connect(lst.getsockname())
    s, _ = lst.accept()
    lst.close()
    if nodelay:
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return c, s
