// What every Swift workload shares: arguments, a monotonic clock, a thread, the JSON line,
// and a loopback TCP pair built with PySocket exactly as the C and CPython versions build theirs.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PySocket

/// `--name value` pairs from the command line.
public struct Args: Sendable {
    let argv: [String]
    public init() { argv = CommandLine.arguments }
    public func string(_ name: String, _ def: String) -> String {
        guard let i = argv.firstIndex(of: name), i + 1 < argv.count else { return def }
        return argv[i + 1]
    }
    public func int(_ name: String, _ def: Int) -> Int { Int(string(name, "")) ?? def }
    public func double(_ name: String, _ def: Double) -> Double { Double(string(name, "")) ?? def }
}

/// Seconds on the monotonic clock (clock_gettime, as the C version).
@inline(__always) public func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Prints the one machine-readable line: the same keys as the C and CPython versions.
public func report(_ workload: String, _ unit: String, ops: Double, seconds: Double) {
    let rate = ops / seconds
    print("{\"impl\": \"pysocket\", \"workload\": \"\(workload)\", \"unit\": \"\(unit)\", \"ops\": \(Int(ops)), \"seconds\": \(seconds), \"rate\": \(rate)}")
    fflush(nil)
}

/// Stops the program with a message on stderr (a failed check inside a workload).
public func fail(_ message: String) -> Never {
    let text = Array("error: \(message)\n".utf8)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

/// A plain pthread running `body` (no Foundation, no concurrency runtime in the measured path).
public final class Thread: @unchecked Sendable {
    private var tid = pthread_t()
    private final class Box { let body: () -> Void; init(_ body: @escaping () -> Void) { self.body = body } }

    public init(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        let rc = pthread_create(&tid, nil, { raw in
            let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        if rc != 0 { fail("pthread_create: \(rc)") }
    }

    public func join() { pthread_join(tid, nil) }
}

/// A connected TCP pair over 127.0.0.1: (client, accepted server side), TCP_NODELAY if asked.
/// Python: the same steps as `tcp_pair` in Benchmarks/python/common.py.
public func tcpPair(nodelay: Bool) throws -> (socket, socket) {
    let lst = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try lst.bind(("127.0.0.1", 0))
    try lst.listen(1)
    let c = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try c.connect(lst.getsockname())
    let (s, _) = try lst.accept()
    lst.close()
    if nodelay {
        try c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    }
    return (c, s)
}
