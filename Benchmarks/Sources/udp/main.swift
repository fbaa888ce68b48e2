// 64-byte UDP datagrams over loopback in one thread: sendto() one, recvfrom_into() a buffer,
// repeat. Datagrams per second. Same steps as udp.py.
// --mode echo: a UDP echo in one thread: the client sendto()s the server, the server
// `let (data, addr) = try recvfrom(1024)` and `sendto(data, addr)` back, the client recvfrom(1024)s it.
import BenchSupport
import PySocket

// The workload runs inside a function: top-level variables in main.swift are globals, whose
// `&buf` accesses would pay Swift's dynamic exclusivity checks that a local does not.
func main() throws {
    let args = Args()
    let iters = args.int("--iters", 200_000)
    let warmup = args.int("--warmup", iters / 10)

    let rx = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    let tx = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try rx.bind(("127.0.0.1", 0))
    let addr = try rx.getsockname()

    let msg = [UInt8](repeating: 0x78, count: 64)
    var buf = [UInt8](repeating: 0, count: 64)
    var t0 = 0.0
    if args.string("--mode", "oneway") == "echo" {
        let message = bytes(msg)
        for i in 0..<(iters + warmup) {
            if i == warmup { t0 = now() }
            _ = try tx.sendto(message, addr)
            let (data, peer) = try rx.recvfrom(1024)
            _ = try rx.sendto(data, peer)
            let (back, _) = try tx.recvfrom(1024)
            if back.count != 64 { fail("short recvfrom") }
        }
        let dt = now() - t0
        rx.close()
        tx.close()
        report("udp_echo", "round trips/s", ops: Double(iters), seconds: dt)
        return
    }
    for i in 0..<(iters + warmup) {
        if i == warmup { t0 = now() }
        if try tx.sendto(msg, addr) != 64 { fail("short sendto") }
        let (n, _) = try rx.recvfrom_into(&buf, 64)
        if n != 64 { fail("short recvfrom_into") }
    }
    let dt = now() - t0
    rx.close()
    tx.close()
    report("udp_sendto_recvfrom", "datagrams/s", ops: Double(iters), seconds: dt)
}

try main()
