# UDP heartbeats with retries: a monitor pings agents, a silent agent is retried, then marked down.
import socket
import struct
import time
from collections import namedtuple

Beat = namedtuple("Beat", "seq sent_at")
Result = namedtuple("Result", ["agent", "status", "tries"])
PACKET = "!HQ"

monitor = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
monitor.bind(("127.0.0.1", 0))
monitor.settimeout(0.05)

agents = {}
for name in ("db", "web", "cache"):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    agents[name] = sock


def answer(sock):
    sock.settimeout(0)
    try:
        data, addr = sock.recvfrom(64)
    except BlockingIOError:
        return False
    seq, stamp = struct.unpack(PACKET, data)
    sock.sendto(struct.pack(PACKET, seq + 1000, stamp), addr)
    return True


results = []
seq = 0
for name, sock in agents.items():
    status = "down"
    for attempt in range(1, 4):
        seq += 1
        beat = Beat(seq, time.monotonic_ns())
        monitor.sendto(struct.pack(PACKET, *beat), sock.getsockname())
        if name != "cache" or attempt == 3:
            answer(sock)
        else:
            sock.recvfrom(64)
        try:
            reply, _ = monitor.recvfrom(64)
        except socket.timeout as exc:
            print(f"  {name}: attempt {attempt} timed out ({exc})")
            continue
        rseq, stamp = struct.unpack(PACKET, reply)
        assert stamp == beat.sent_at, "echoed timestamp"
        status = f"up (seq {rseq - 1000})"
        break
    results.append(Result(name, status, attempt))

for r in results:
    print(r)
print(results[0]._fields, results[1].status, results[2]._asdict())
print(Beat(7, 0), len(Beat(1, 2)))
up = [r.agent for r in results if r.status.startswith("up")]
print("up:", ", ".join(up), "| tries:", sum(r.tries for r in results))
monitor.close()
for sock in agents.values():
    sock.close()
