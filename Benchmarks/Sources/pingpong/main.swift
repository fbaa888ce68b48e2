// 1-byte ping-pong over an AF_UNIX socketpair or TCP loopback (TCP_NODELAY), in one thread or
// across two, optionally with a timeout. Round trips per second. Same steps as pingpong.py.
// --api recv: each side receives with `let data = try s.recv(bufsize)` (--bufsize, default 1024)
// and sends back what arrived, in one thread.
import BenchSupport
import PySocket

// The workload runs inside a function: top-level variables in main.swift are globals, whose
// `&buf` accesses would pay Swift's dynamic exclusivity checks that a local does not.
func main() throws {
    let args = Args()
    let transport = args.string("--transport", "unix")
    let mode = args.string("--mode", "inthread")
    let iters = args.int("--iters", 200_000)
    let warmup = args.int("--warmup", iters / 10)
    let timeout = args.double("--timeout", -1)
    let total = iters + warmup
    let api = args.string("--api", "recv_into")
    let bufsize = args.int("--bufsize", 1024)

    let (a, b) = transport == "unix"
        ? try socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        : try tcpPair(nodelay: true)
    if timeout >= 0 {
        try a.settimeout(timeout)
        try b.settimeout(timeout)
    }

    let threads = mode == "threads"
    let ping: [UInt8] = [0x78]

    var th: Thread?
    if threads {
        th = Thread {
            var buf = [UInt8](repeating: 0, count: 1)
            do {
                for _ in 0..<total {
                    if try b.recv_into(&buf, 1) != 1 { fail("short recv") }
                    if try b.send(buf) != 1 { fail("short send") }
                }
            } catch { fail("\(error)") }
        }
    }

    var buf = [UInt8](repeating: 0, count: 1)
    var t0 = 0.0
    if api == "recv" {
        let ping: bytes = "x"
        for i in 0..<total {
            if i == warmup { t0 = now() }
            _ = try a.send(ping)
            let data = try b.recv(bufsize)
            if try b.send(data) != 1 { fail("short send") }
            let back = try a.recv(bufsize)
            if back.count != 1 { fail("short recv") }
        }
    }
    for i in 0..<(api == "recv" ? 0 : total) {
        if i == warmup { t0 = now() }
        if try a.send(ping) != 1 { fail("short send") }
        if !threads {
            if try b.recv_into(&buf, 1) != 1 { fail("short recv") }
            if try b.send(buf) != 1 { fail("short send") }
        }
        if try a.recv_into(&buf, 1) != 1 { fail("short recv") }
    }
    let dt = now() - t0
    th?.join()
    a.close()
    b.close()
    report("pingpong_\(transport)_\(mode)\(api == "recv" ? "_recv" : "")\(timeout >= 0 ? "_timeout" : "")", "round trips/s", ops: Double(iters), seconds: dt)
}

try main()
