"""Name and address conversions without the network: getaddrinfo on a numeric host,
inet_pton / inet_ntop on an IPv6 address, inet_aton on an IPv4 one. Calls per second."""
import socket

from common import arg, now, report

op = arg("--op", "getaddrinfo")
iters = arg("--iters", 200000, int)
warmup = arg("--warmup", iters // 10, int)
ADDR = "2001:db8:85a3::8a2e:370:7334"

t0 = 0.0
if op == "getaddrinfo":
    for i in range(iters + warmup):
        if i == warmup:
            t0 = now()
        socket.getaddrinfo("127.0.0.1", 8080, socket.AF_INET, socket.SOCK_STREAM)
elif op == "inet_pton":
    for i in range(iters + warmup):
        if i == warmup:
            t0 = now()
        socket.inet_pton(socket.AF_INET6, ADDR)
elif op == "inet_aton":
    for i in range(iters + warmup):
        if i == warmup:
            t0 = now()
        socket.inet_aton("192.168.17.254")
else:
    packed = socket.inet_pton(socket.AF_INET6, ADDR)
    for i in range(iters + warmup):
        if i == warmup:
            t0 = now()
        socket.inet_ntop(socket.AF_INET6, packed)
dt = now() - t0
report(op, "calls/s", iters, dt)
