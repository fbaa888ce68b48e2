# Check a list of ports on 127.0.0.1: open ones accept, closed ones refuse; summary table.
import errno
import socket
import sys
import time

listeners = [socket.create_server(("127.0.0.1", 0)) for _ in range(3)]
open_ports = [l.getsockname()[1] for l in listeners]
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
closed_port = probe.getsockname()[1]
probe.close()

ports = sys.argv[1:] or open_ports[:2] + [closed_port] + open_ports[2:]
labels = {p: f"svc{i}" for i, p in enumerate(ports)}


def check(port, timeout=0.5):
    started = time.monotonic()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        code = s.connect_ex(("127.0.0.1", int(port)))
    elapsed = time.monotonic() - started
    return code, elapsed < timeout


results = []
for port in ports:
    code, in_time = check(port)
    state = "open" if code == 0 else errno.errorcode.get(code, str(code))
    results.append((labels[port], code, state, in_time))

print(f"{'name':<6}|{'code':>5}|{'state':^14}|fast")
print("-" * 32)
for name, code, state, fast in results:
    print(f"{name:<6}|{code:>5}|{state:^14}|{fast!s:>4}")
print("-" * 32)
n_open = sum(1 for r in results if r[1] == 0)
print("{} of {} open ({:.1%}), {} refused".format(n_open, len(results), n_open / len(results), len(results) - n_open))
print("any closed:", any(code for _, code, _, _ in results), "all fast:", all(r[3] for r in results))
by_state = sorted(results, key=lambda r: (r[2], r[0]), reverse=True)
print("order:", [r[0] for r in by_state])
print(f"{1234567:,} {0.5:.3f} {255:#06x} {-42:+d} {3.14159:8.2f}| {'x'!r:>5} {7:b}")
for l in listeners:
    l.close()
if n_open != 3:
    print("unexpected", file=sys.stderr)
    sys.exit(1)
print("exiting with", len(ports))
sys.exit(len(ports) - 2)
