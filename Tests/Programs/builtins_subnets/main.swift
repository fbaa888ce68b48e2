// A subnet scanner with ipaddress: classify configured addresses, match them to networks, probe the loopback ones,
// and ask an IPv6 socketserver (address_family = AF_INET6) who it sees, shutting it down from the main thread.
import PySocket
import PyBuiltins

let config = ["127.0.0.1", "::1", "10.0.0.5", "192.168.1.20", "8.8.8.8", "fe80::1", "100.64.0.1",
              "not-an-ip", "127.0.0.1/8", "300.1.2.3", "2001:db8::1:0:0:1"]
let networks = [try ipaddress.ip_network("127.0.0.0/8"), try ipaddress.ip_network("::1/128"),
                try ipaddress.ip_network("10.0.0.0/24"), try ipaddress.ip_network("2001:db8::/32")]

var addresses: [ipaddress.IPAddress] = []
for text in config {
    let addr: ipaddress.IPAddress
    do {
        addr = try ipaddress.ip_address(text)
    } catch let e as ValueError {
        print("skip \(repr(text)): \(e)")
        continue
    }
    addresses.append(addr)
    let home = networks.filter { n in n.contains(addr) }.map { n in str(n) }
    print(try "\(str(addr), "<18") v\(addr.version) private=\(str(addr.is_private), "<5") global=\(str(addr.is_global), "<5")"
          + " loopback=\(str(addr.is_loopback), "<5") in=\(home)")
}

let v4 = sorted(addresses.filter { a in a.version == 4 })
let v6 = sorted(addresses.filter { a in a.version == 6 })
print("v4:", v4)
print("v6:", v6.map { a in a.exploded })
print("packed:", v4[0].packed, try v4[len(v4) - 1] + 1, v6[0].reverse_pointer[nil, 20])

let lan = try ipaddress.ip_network("10.0.0.0/24")
for sub in try lan.subnets(new_prefix: 26) {
    let hosts = list(sub.hosts())
    print(try "\(str(sub), "<14") \(sub.netmask) hosts=\(len(hosts), ">2") first=\(hosts[0]) last=\(hosts[len(hosts) - 1]) bcast=\(sub.broadcast_address)")
}
for bad in ["10.0.0.1/24", "10.0.0.0/40", "10.0.0.0/255.0.255.0"] {
    do {
        _ = try ipaddress.ip_network(bad)
    } catch let e as ValueError {
        print(type(e).__name__, e)
    }
}

let listeners = try range(2).map { _ in try socket.create_server(("127.0.0.1", 0)) }
let v6_listener = try socket.create_server(("::1", 0), family: socket.AF_INET6)
let probe = try socket.socket()
try probe.bind(("127.0.0.1", 0))
let closed: Int = try probe.getsockname()[1]
probe.close()
var targets: [(String, Int)] = try v4.filter { a in a.is_loopback }.flatMap { a in try listeners.map { l in (str(a), try l.getsockname()[1]) } }
targets += try v6.filter { a in a.is_loopback }.map { a in (str(a), try v6_listener.getsockname()[1]) }
targets.append(("127.0.0.1", closed))
for (host, port) in targets {
    let family = try ipaddress.ip_address(host).version == 6 ? socket.AF_INET6 : socket.AF_INET
    let code = try socket.socket(family, socket.SOCK_STREAM).with { s in
        try s.settimeout(2)
        return try s.connect_ex((host, port))
    }
    print(try "probe \(host, "<9") \(code == 0 ? "open" : errno.errorcode.get(code, str(code)))")
}
for l in listeners + [v6_listener] {
    l.close()
}


final class Who: socketserver.StreamRequestHandler, @unchecked Sendable {
    override func handle() throws {
        let line = try self.rfile.readline().strip()
        let peer = try ipaddress.ip_address(try self.client_address[0])
        try self.wfile.write(line.upper() + " from v" + str(peer.version).encode() + " loopback=" + str(peer.is_loopback).encode() + "\n")
    }
}


final class V6Server: socketserver.ThreadingTCPServer, @unchecked Sendable {
    override class var address_family: PySocket.socket.AddressFamily { PySocket.socket.AF_INET6 }
    override class var allow_reuse_address: Bool { true }
}


let runner = try V6Server(("::1", 0), Who.self).with { server in
    let (host, port, _, _) = try server.server_address.quad
    print("server:", host, server.socket.family, len(server.server_address))
    let runner = threading.Thread(target: server.serve_forever, args: (0.05))
    try runner.start()
    for word: bytes in ["hello", "scan"] {
        try socket.create_connection((host, port), timeout: 5).with { c in
            try c.sendall(word + "\n")
            let f: SocketFile<bytes> = try c.makefile("rb")
            print("reply:", try f.readline())
        }
    }
    server.shutdown()
    try runner.join()
    return runner
}
print("done", runner.is_alive())
