"""Bulk TCP loopback: one thread sendall()s --mib MiB in 64 KiB chunks, the main thread
recv_into()s a 64 KiB buffer until all has arrived; optionally with a timeout. MiB/s."""
import threading

from common import arg, now, report, tcp_pair

CHUNK = 65536
mib = arg("--mib", 2048, int)
timeout = arg("--timeout", -1.0, float)
chunks = mib * 1024 * 1024 // CHUNK
total = chunks * CHUNK

c, s = tcp_pair(False)
if timeout >= 0:
    c.settimeout(timeout)
    s.settimeout(timeout)


def sender():
    chunk = b"x" * CHUNK
    for _ in range(chunks):
        c.sendall(chunk)


buf = bytearray(CHUNK)
t0 = now()
th = threading.Thread(target=sender)
th.start()
got = 0
while got < total:
    n = s.recv_into(buf, CHUNK)
    if n == 0:
        raise SystemExit("early EOF")
    got += n
dt = now() - t0
th.join()
c.close()
s.close()
report("bulk_tcp_timeout" if timeout >= 0 else "bulk_tcp", "MiB/s", mib, dt)
