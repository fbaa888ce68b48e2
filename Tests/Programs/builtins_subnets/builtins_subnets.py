# A subnet scanner with ipaddress: classify configured addresses, match them to networks, probe the loopback ones,
# and ask an IPv6 socketserver (address_family = AF_INET6) who it sees, shutting it down from the main thread.
import errno
import ipaddress
import socket
import socketserver
import threading

config = ["127.0.0.1", "::1", "10.0.0.5", "192.168.1.20", "8.8.8.8", "fe80::1", "100.64.0.1",
          "not-an-ip", "127.0.0.1/8", "300.1.2.3", "2001:db8::1:0:0:1"]
networks = [ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"),
            ipaddress.ip_network("10.0.0.0/24"), ipaddress.ip_network("2001:db8::/32")]

addresses = []
for text in config:
    try:
        addr = ipaddress.ip_address(text)
    except ValueError as e:
        print(f"skip {text!r}: {e}")
        continue
    addresses.append(addr)
    home = [str(n) for n in networks if addr in n]
    print(f"{str(addr):<18} v{addr.version} private={addr.is_private!s:<5} global={addr.is_global!s:<5}"
          f" loopback={addr.is_loopback!s:<5} in={home}")

v4 = sorted(a for a in addresses if a.version == 4)
v6 = sorted(a for a in addresses if a.version == 6)
print("v4:", v4)
print("v6:", [a.exploded for a in v6])
print("packed:", v4[0].packed, v4[-1] + 1, v6[0].reverse_pointer[:20])

lan = ipaddress.ip_network("10.0.0.0/24")
for sub in lan.subnets(new_prefix=26):
    hosts = list(sub.hosts())
    print(f"{sub!s:<14} {sub.netmask} hosts={len(hosts):>2} first={hosts[0]} last={hosts[-1]} bcast={sub.broadcast_address}")
for bad in ["10.0.0.1/24", "10.0.0.0/40", "10.0.0.0/255.0.255.0"]:
    try:
        ipaddress.ip_network(bad)
    except ValueError as e:
        print(type(e).__name__, e)

listeners = [socket.create_server(("127.0.0.1", 0)) for _ in range(2)]
v6_listener = socket.create_server(("::1", 0), family=socket.AF_INET6)
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
closed = probe.getsockname()[1]
probe.close()
targets = [(str(a), l.getsockname()[1]) for a in v4 if a.is_loopback for l in listeners]
targets += [(str(a), v6_listener.getsockname()[1]) for a in v6 if a.is_loopback]
targets.append(("127.0.0.1", closed))
for host, port in targets:
    family = socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.settimeout(2)
        code = s.connect_ex((host, port))
    print(f"probe {host:<9} {'open' if code == 0 else errno.errorcode[code]}")
for l in listeners + [v6_listener]:
    l.close()


class Who(socketserver.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline().strip()
        peer = ipaddress.ip_address(self.client_address[0])
        self.wfile.write(line.upper() + b" from v" + str(peer.version).encode() + b" loopback=" + str(peer.is_loopback).encode() + b"\n")


class V6Server(socketserver.ThreadingTCPServer):
    address_family = socket.AF_INET6
    allow_reuse_address = True


with V6Server(("::1", 0), Who) as server:
    host, port = server.server_address[:2]
    print("server:", host, server.socket.family, len(server.server_address))
    runner = threading.Thread(target=server.serve_forever, args=(0.05,))
    runner.start()
    for word in [b"hello", b"scan"]:
        with socket.create_connection((host, port), timeout=5) as c:
            c.sendall(word + b"\n")
            print("reply:", c.makefile("rb").readline())
    server.shutdown()
    runner.join()
print("done", runner.is_alive())
