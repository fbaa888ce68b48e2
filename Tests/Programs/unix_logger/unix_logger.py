# An AF_UNIX datagram log collector: clients send "LEVEL message" records to a socket file.
import os
import socket
import sys
import tempfile
from collections import Counter

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "log.sock")
    collector = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    collector.bind(path)
    collector.settimeout(0.2)
    print("bound:", os.path.basename(collector.getsockname()), os.path.exists(path))

    clients = []
    for i in range(2):
        c = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        c.bind(os.path.join(tmp, f"client{i}.sock"))
        clients.append(c)
    anon = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)

    records = [(0, "INFO", "starting"), (1, "DEBUG", "x=1"), (0, "ERROR", "disk full"),
               (1, "INFO", "héllo wörld"), (0, "WARNING", "slow"), (1, "INFO", "done")]
    for idx, level, msg in records:
        clients[idx].sendto(f"{level} {msg}".encode("utf-8"), path)
    anon.sendto(b"ERROR anonymous", path)
    anon.sendto(b"\xff\xfe not utf-8", path)

    counts = Counter()
    senders = Counter()
    while True:
        try:
            data, sender = collector.recvfrom(1024)
        except TimeoutError:
            break
        try:
            level, _, msg = data.decode("utf-8").partition(" ")
        except UnicodeDecodeError as e:
            print(f"  undecodable from {sender!r}: {e.reason} at {e.start}", file=sys.stderr)
            continue
        counts[level] += 1
        who = os.path.basename(sender) if sender else "<unbound>"
        senders[who] += 1
        marker = "!" * (LEVELS.index(level) if level in LEVELS else 0)
        print(f"  [{level:<7}] {who:>12}: {msg}{marker}")

    print("levels:", counts)
    print("by sender:", senders.most_common())
    print("errors+warnings:", counts["ERROR"] + counts["WARNING"], "unknown:", counts["CRITICAL"])
    print(sorted(counts.elements())[:4], list(counts), counts.total())
    for c in clients + [anon, collector]:
        c.close()
    print("files:", sorted(os.listdir(tmp)))
print("cleaned up:", not os.path.exists(tmp))
