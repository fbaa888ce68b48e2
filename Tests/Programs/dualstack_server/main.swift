// One IPv6 listener serving both IPv4 and IPv6 clients; clients connect by both families.
import PySocket
import PyBuiltins

if !socket.has_dualstack_ipv6() {
    sys.exit("no dual-stack support")
}

let srv = try socket.create_server(("", 0), family: socket.AF_INET6, dualstack_ipv6: true)
let port: Int = try srv.getsockname()[1]
print("listening:", srv.family.name, try srv.getsockname()[0], len(try srv.getsockname()))
print("v6only:", try srv.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY))

nonisolated(unsafe) var seen: [(String, String, Int, Int)] = []


func serve(_ n: Int) throws {
    for _ in range(n) {
        let (conn, addr) = try srv.accept()
        let (host, _, flowinfo, scope) = try addr.quad
        let kind = host.startswith("::ffff:") ? "v4-mapped" : "v6"
        seen.append((host, kind, flowinfo, scope))
        try conn.with { conn in
            try conn.sendall("you are \(host) (\(kind))".encode())
        }
    }
}


let t = threading.Thread(target: serve, args: (3))
try t.start()
for host in ["127.0.0.1", "::1", "::ffff:127.0.0.1"] {
    let family = host.contains(":") ? socket.AF_INET6 : socket.AF_INET
    try socket.socket(family, socket.SOCK_STREAM).with { c in
        try c.connect((host, port))
        let local = try c.getsockname()
        print(try "\(host, ">18") via \(repr(c.family)): \(try c.recv(100).decode()) / local \(try local[0]) \(len(local))-tuple")
    }
}
try t.join()
srv.close()
for (host, kind, flowinfo, scope) in seen {
    print(host, kind, flowinfo, scope, sep: ",")
}
let infos = try socket.getaddrinfo("::1", port, socket.AF_INET6, socket.SOCK_STREAM)
print(infos.map { (fam, _, _, _, addr) in fam.name } == ["AF_INET6"] && infos[0].4 == ("::1", port, 0, 0))
print(try socket.getaddrinfo("::ffff:10.1.2.3", nil, socket.AF_INET6, socket.SOCK_DGRAM)[0].4)
let v6 = try socket.inet_pton(socket.AF_INET6, "::ffff:10.1.2.3")
print(try socket.inet_ntop(socket.AF_INET, v6[-4, nil]), v6[..<12].hex())
