"""1-byte ping-pong over an AF_UNIX socketpair or TCP loopback (TCP_NODELAY), in one thread or
across two, optionally with a timeout. Round trips per second.
--api recv: each side receives with `data = s.recv(bufsize)` (--bufsize, default 1024) and sends
back what arrived, in one thread."""
import socket
import threading

from common import arg, now, report, tcp_pair

transport = arg("--transport", "unix")
mode = arg("--mode", "inthread")
iters = arg("--iters", 200000, int)
warmup = arg("--warmup", iters // 10, int)
timeout = arg("--timeout", -1.0, float)
total = iters + warmup
api = arg("--api", "recv_into")
bufsize = arg("--bufsize", 1024, int)

if transport == "unix":
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
else:
    a, b = tcp_pair(True)
if timeout >= 0:
    a.settimeout(timeout)
    b.settimeout(timeout)

threads = mode == "threads"
ping = b"x"


def echo():
    buf = bytearray(1)
    for _ in range(total):
        if b.recv_into(buf, 1) != 1:
            raise SystemExit("short recv")
        if b.send(buf) != 1:
            raise SystemExit("short send")


th = None
if threads:
    th = threading.Thread(target=echo)
    th.start()

buf = bytearray(1)
t0 = 0.0
if api == "recv":
    for i in range(total):
        if i == warmup:
            t0 = now()
        a.send(ping)
        data = b.recv(bufsize)
        if b.send(data) != 1:
            raise SystemExit("short send")
        data = a.recv(bufsize)
        if len(data) != 1:
            raise SystemExit("short recv")
    total = 0
for i in range(total):
    if i == warmup:
        t0 = now()
    if a.send(ping) != 1:
        raise SystemExit("short send")
    if not threads:
        if b.recv_into(buf, 1) != 1:
            raise SystemExit("short recv")
        if b.send(buf) != 1:
            raise SystemExit("short send")
    if a.recv_into(buf, 1) != 1:
        raise SystemExit("short recv")
dt = now() - t0
if th:
    th.join()
a.close()
b.close()
report(f"pingpong_{transport}_{mode}{'_recv' if api == 'recv' else ''}{'_timeout' if timeout >= 0 else ''}", "round trips/s", iters, dt)
