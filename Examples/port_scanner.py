# A port scanner on loopback: connect_ex with a timeout on each port says open or closed.
import errno
import socket


def scan(host, port, timeout):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    code = s.connect_ex((host, port))
    s.close()
    return code


# Three listening ports and two that were just closed, so the scan knows what it should find.
listeners = []
targets = []
for i in range(3):
    srv = socket.create_server(("127.0.0.1", 0))
    listeners.append(srv)
    targets.append((f"listener {i}", srv.getsockname()[1]))
for i in range(2):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    targets.append((f"closed {i}", s.getsockname()[1]))
    s.close()

open_ports = 0
for label, port in targets:
    code = scan("127.0.0.1", port, 0.5)
    if code == 0:
        open_ports += 1
        print(label, "open")
    else:
        print(label, "closed:", errno.errorcode[code], code)
print(open_ports, "of", len(targets), "ports open")
for srv in listeners:
    srv.close()
