# One IPv6 listener serving both IPv4 and IPv6 clients; clients connect by both families.
import socket
import threading

if not socket.has_dualstack_ipv6():
    raise SystemExit("no dual-stack support")

srv = socket.create_server(("", 0), family=socket.AF_INET6, dualstack_ipv6=True)
port = srv.getsockname()[1]
print("listening:", srv.family.name, srv.getsockname()[0], len(srv.getsockname()))
print("v6only:", srv.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY))

seen = []


def serve(n):
    for _ in range(n):
        conn, addr = srv.accept()
        host, _, flowinfo, scope = addr
        kind = "v4-mapped" if host.startswith("::ffff:") else "v6"
        seen.append((host, kind, flowinfo, scope))
        with conn:
            conn.sendall(f"you are {host} ({kind})".encode())


t = threading.Thread(target=serve, args=(3,))
t.start()
for host in ("127.0.0.1", "::1", "::ffff:127.0.0.1"):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as c:
        c.connect((host, port))
        local = c.getsockname()
        print(f"{host:>18} via {c.family!r}: {c.recv(100).decode()} / local {local[0]} {len(local)}-tuple")
t.join()
srv.close()
for host, kind, flowinfo, scope in seen:
    print(host, kind, flowinfo, scope, sep=",")
infos = socket.getaddrinfo("::1", port, socket.AF_INET6, socket.SOCK_STREAM)
print([(fam.name, addr) for fam, _, _, _, addr in infos] == [("AF_INET6", ("::1", port, 0, 0))])
print(socket.getaddrinfo("::ffff:10.1.2.3", None, socket.AF_INET6, socket.SOCK_DGRAM)[0][4])
v6 = socket.inet_pton(socket.AF_INET6, "::ffff:10.1.2.3")
print(socket.inet_ntop(socket.AF_INET, v6[-4:]), v6[:12].hex())
