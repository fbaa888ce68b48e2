# IPv6 on ::1 and socket options: a table of options, a v6-only listener, scope ids, sorted results.
import socket
import threading
import time

OPTIONS = [
    ("SO_REUSEADDR", socket.SOL_SOCKET, socket.SO_REUSEADDR),
    ("SO_KEEPALIVE", socket.SOL_SOCKET, socket.SO_KEEPALIVE),
    ("SO_RCVBUF", socket.SOL_SOCKET, socket.SO_RCVBUF),
    ("TCP_NODELAY", socket.IPPROTO_TCP, socket.TCP_NODELAY),
    ("IPV6_V6ONLY", socket.IPPROTO_IPV6, socket.IPV6_V6ONLY),
]


def option_table(sock):
    return {name: sock.getsockopt(level, opt) for name, level, opt in OPTIONS}


srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
before = option_table(srv)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
srv.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
after = option_table(srv)
print(f"{'option':<14}{'before':>8}{'after':>8}  changed")
for (name, b), a in zip(before.items(), after.values()):
    print(f"{name:<14}{b:>8}{a:>8}  {'*' if a != b else ''}")

srv.bind(("::1", 0))
srv.listen()
host, port, flowinfo, scope_id = srv.getsockname()
print("bound:", host, "port>0:", port > 0, "flowinfo:", flowinfo, "scope:", scope_id)

received = []
done = threading.Event()


def accept_all(n):
    for _ in range(n):
        conn, addr = srv.accept()
        with conn:
            received.append((conn.recv(64), addr[0], len(addr)))
    done.set()


t = threading.Thread(target=accept_all, args=(3,), daemon=True)
t.start()
for word in [b"gamma", b"alpha", b"beta"]:
    with socket.create_connection(("::1", port)) as c:
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        c.sendall(word)
        local = c.getsockname()
        assert local[0] == "::1" and c.getpeername()[1] == port
    time.sleep(0.01)
print("all accepted:", done.wait(2))
for data, h, n in sorted(received, key=lambda r: r[0]):
    print(f"  {data.decode():<6} from {h} (tuple of {n}) hex={data.hex()}")
print("longest:", max(received, key=lambda r: len(r[0]))[0], "total:", sum(len(r[0]) for r in received))

v4 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
v4.settimeout(0.5)
print("v4 connect to v6-only port:", v4.connect_ex(("127.0.0.1", port)) != 0)
v4.close()

dual = socket.create_server(("::", 0), family=socket.AF_INET6, dualstack_ipv6=True)
print("dualstack supported:", socket.has_dualstack_ipv6(), "v6only:", dual.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY))
dport = dual.getsockname()[1]
with socket.create_connection(("127.0.0.1", dport)) as c4:
    conn, addr = dual.accept()
    print("v4 client seen as:", addr[0], len(addr))
    conn.close()
dual.close()

infos = socket.getaddrinfo("::1", port, socket.AF_INET6, socket.SOCK_STREAM)
fam, typ, proto, canon, sa = infos[0]
print(fam, typ, proto, repr(canon), sa[0], sa[2:])
raw = socket.inet_pton(socket.AF_INET6, sa[0])
print("packed ::1:", raw.hex(), int.from_bytes(raw, "big"), [b for b in raw if b])
srv.close()
print("closed:", srv.fileno(), srv)
