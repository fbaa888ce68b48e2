// Bulk TCP loopback: one thread sendall()s --mib MiB in 64 KiB chunks, the main thread
// recv_into()s a 64 KiB buffer until all has arrived; optionally with a timeout. MiB/s.
// Same steps as bulk.py.
import BenchSupport
import PySocket

// The workload runs inside a function: top-level variables in main.swift are globals, whose
// `&buf` accesses would pay Swift's dynamic exclusivity checks that a local does not.
func main() throws {
    let chunkSize = 65536
    let args = Args()
    let mib = args.int("--mib", 2048)
    let timeout = args.double("--timeout", -1)
    let chunks = mib * 1024 * 1024 / chunkSize
    let total = chunks * chunkSize

    let (c, s) = try tcpPair(nodelay: false)
    if timeout >= 0 {
        try c.settimeout(timeout)
        try s.settimeout(timeout)
    }

    var buf = [UInt8](repeating: 0, count: chunkSize)
    let t0 = now()
    let th = Thread {
        let chunk = [UInt8](repeating: 0x78, count: chunkSize)
        do {
            for _ in 0..<chunks { try c.sendall(chunk) }
        } catch { fail("\(error)") }
    }
    var got = 0
    while got < total {
        let n = try s.recv_into(&buf, chunkSize)
        if n == 0 { fail("early EOF") }
        got += n
    }
    let dt = now() - t0
    th.join()
    c.close()
    s.close()
    report(timeout >= 0 ? "bulk_tcp_timeout" : "bulk_tcp", "MiB/s", ops: Double(mib), seconds: dt)
}

try main()
