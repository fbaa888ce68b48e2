// IPv6 on ::1 and socket options: a table of options, a v6-only listener, scope ids, sorted results.
import PySocket
import PyBuiltins

let OPTIONS = [
    ("SO_REUSEADDR", socket.SOL_SOCKET, socket.SO_REUSEADDR),
    ("SO_KEEPALIVE", socket.SOL_SOCKET, socket.SO_KEEPALIVE),
    ("SO_RCVBUF", socket.SOL_SOCKET, socket.SO_RCVBUF),
    ("TCP_NODELAY", socket.IPPROTO_TCP, socket.TCP_NODELAY),
    ("IPV6_V6ONLY", socket.IPPROTO_IPV6, socket.IPV6_V6ONLY),
]


func option_table(_ sock: socket) throws -> dict<String, Int> {
    return dict(try OPTIONS.map { (name, level, opt) in (name, try sock.getsockopt(level, opt)) })
}


let srv = try socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
let before = try option_table(srv)
try srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, true)
try srv.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
try srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
let after = try option_table(srv)
print(try "\("option", "<14")\("before", ">8")\("after", ">8")  changed")
for ((name, b), a) in zip(before.items(), after.values()) {
    print(try "\(name, "<14")\(b, ">8")\(a, ">8")  \(a != b ? "*" : "")")
}

try srv.bind(("::1", 0))
try srv.listen()
let (host, port, flowinfo, scope_id) = try srv.getsockname().quad
print("bound:", host, "port>0:", port > 0, "flowinfo:", flowinfo, "scope:", scope_id)

nonisolated(unsafe) var received: [(bytes, String, Int)] = []
let done = threading.Event()


func accept_all(_ n: Int) throws {
    for _ in range(n) {
        let (conn, addr) = try srv.accept()
        try conn.with { conn in
            received.append((try conn.recv(64), try addr[0], len(addr)))
        }
    }
    done.set()
}


let t = threading.Thread(target: accept_all, args: (3), daemon: true)
try t.start()
for word in ["gamma", "alpha", "beta"] as [bytes] {
    try socket.create_connection(("::1", port)).with { c in
        try c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try c.sendall(word)
        let local = try c.getsockname()
        let ok = try local[0] == "::1" && c.getpeername()[1] == port
        assert(ok)
    }
    try time.sleep(0.01)
}
print("all accepted:", done.wait(2))
for (data, h, n) in sorted(received, key: { r in r.0 }) {
    print(try "  \(data.decode(), "<6") from \(h) (tuple of \(n)) hex=\(data.hex())")
}
print("longest:", try max(received, key: { r in len(r.0) }).0, "total:", try sum(received.map { r in len(r.0) }))

let v4 = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try v4.settimeout(0.5)
print("v4 connect to v6-only port:", try v4.connect_ex(("127.0.0.1", port)) != 0)
v4.close()

let dual = try socket.create_server(("::", 0), family: socket.AF_INET6, dualstack_ipv6: true)
print("dualstack supported:", socket.has_dualstack_ipv6(), "v6only:", try dual.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY))
let dport: Int = try dual.getsockname()[1]
try socket.create_connection(("127.0.0.1", dport)).with { c4 in
    let (conn, addr) = try dual.accept()
    print("v4 client seen as:", try addr[0], len(addr))
    conn.close()
}
dual.close()

let infos = try socket.getaddrinfo("::1", port, socket.AF_INET6, socket.SOCK_STREAM)
let (fam, typ, proto, canon, sa) = infos[0]
print(fam, typ, proto, repr(canon), try sa[0], try sa[2...])
let raw = try socket.inet_pton(socket.AF_INET6, try sa[0])
print("packed ::1:", raw.hex(), try Int.from_bytes(raw, "big"), list(raw).filter { b in bool(b) })
srv.close()
print("closed:", srv.fileno(), srv)
