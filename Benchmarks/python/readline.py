"""A line protocol in one thread over an AF_UNIX socketpair or TCP loopback: A sends a request
line, B reads it with `makefile('rb').readline()` and sends it back, A reads the reply with its
own file's readline(). Round trips per second."""
import socket

from common import arg, now, report, tcp_pair

transport = arg("--transport", "unix")
iters = arg("--iters", 200000, int)
warmup = arg("--warmup", iters // 10, int)

if transport == "unix":
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
else:
    a, b = tcp_pair(True)
fa = a.makefile("rb")
fb = b.makefile("rb")
request = b"GET /index.html HTTP/1.0 x=1\n"

t0 = 0.0
for i in range(iters + warmup):
    if i == warmup:
        t0 = now()
    a.sendall(request)
    line = fb.readline()
    b.sendall(line)
    reply = fa.readline()
    if len(reply) != len(request):
        raise SystemExit("short line")
dt = now() - t0
fa.close()
fb.close()
a.close()
b.close()
report(f"readline_{transport}", "round trips/s", iters, dt)
