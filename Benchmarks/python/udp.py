"""64-byte UDP datagrams over loopback in one thread: sendto() one, recvfrom_into() a buffer,
repeat. Datagrams per second.
--mode echo: a UDP echo in one thread: the client sendto()s the server, the server
`data, addr = recvfrom(1024)` and `sendto(data, addr)` back, the client recvfrom(1024)s it.
Round trips per second."""
import socket

from common import arg, now, report

iters = arg("--iters", 200000, int)
warmup = arg("--warmup", iters // 10, int)

rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
rx.bind(("127.0.0.1", 0))
addr = rx.getsockname()

msg = b"x" * 64
buf = bytearray(64)
t0 = 0.0
if arg("--mode", "oneway") == "echo":
    for i in range(iters + warmup):
        if i == warmup:
            t0 = now()
        tx.sendto(msg, addr)
        data, peer = rx.recvfrom(1024)
        rx.sendto(data, peer)
        data, _ = tx.recvfrom(1024)
        if len(data) != 64:
            raise SystemExit("short recvfrom")
    dt = now() - t0
    rx.close()
    tx.close()
    report("udp_echo", "round trips/s", iters, dt)
    raise SystemExit(0)
for i in range(iters + warmup):
    if i == warmup:
        t0 = now()
    if tx.sendto(msg, addr) != 64:
        raise SystemExit("short sendto")
    n, _ = rx.recvfrom_into(buf, 64)
    if n != 64:
        raise SystemExit("short recvfrom_into")
dt = now() - t0
rx.close()
tx.close()
report("udp_sendto_recvfrom", "datagrams/s", iters, dt)
