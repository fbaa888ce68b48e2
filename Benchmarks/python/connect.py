"""Connection rate over TCP loopback: socket + connect + accept + close (client first) cycles in
one thread against one listener. Connections per second.
--api create_connection: the client is `socket.create_connection(("127.0.0.1", port))`."""
import socket

from common import arg, now, report

iters = arg("--iters", 5000, int)
warmup = arg("--warmup", iters // 10, int)

lst = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
lst.bind(("127.0.0.1", 0))
lst.listen(128)
addr = lst.getsockname()

t0 = 0.0
if arg("--api", "socket") == "create_connection":
    target = ("127.0.0.1", addr[1])
    for i in range(iters + warmup):
        if i == warmup:
            t0 = now()
        c = socket.create_connection(target)
        s, peer = lst.accept()
        c.close()
        s.close()
    dt = now() - t0
    lst.close()
    report("create_connection_close", "connections/s", iters, dt)
    raise SystemExit(0)
for i in range(iters + warmup):
    if i == warmup:
        t0 = now()
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.connect(addr)
    s, _ = lst.accept()
    c.close()
    s.close()
dt = now() - t0
lst.close()
report("connect_accept_close", "connections/s", iters, dt)
