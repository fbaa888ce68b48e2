// Connection rate over TCP loopback: socket + connect + accept + close (client first) cycles in
// one thread against one listener. Connections per second. Same steps as connect.py.
// --api create_connection: the client is `socket.create_connection(("127.0.0.1", port))`.
import BenchSupport
import PySocket

// The workload runs inside a function: top-level variables in main.swift are globals, whose
// `&buf` accesses would pay Swift's dynamic exclusivity checks that a local does not.
func main() throws {
    let args = Args()
    let iters = args.int("--iters", 5000)
    let warmup = args.int("--warmup", iters / 10)

    let lst = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try lst.bind(("127.0.0.1", 0))
    try lst.listen(128)
    let addr = try lst.getsockname()

    var t0 = 0.0
    if args.string("--api", "socket") == "create_connection" {
        let port = addr.port
        for i in 0..<(iters + warmup) {
            if i == warmup { t0 = now() }
            let c = try socket.create_connection(("127.0.0.1", port))
            let (s, peer) = try lst.accept()
            c.close()
            s.close()
            _ = peer
        }
        let dt = now() - t0
        lst.close()
        report("create_connection_close", "connections/s", ops: Double(iters), seconds: dt)
        return
    }
    for i in 0..<(iters + warmup) {
        if i == warmup { t0 = now() }
        let c = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try c.connect(addr)
        let (s, _) = try lst.accept()
        c.close()
        s.close()
    }
    let dt = now() - t0
    lst.close()
    report("connect_accept_close", "connections/s", ops: Double(iters), seconds: dt)
}

try main()
