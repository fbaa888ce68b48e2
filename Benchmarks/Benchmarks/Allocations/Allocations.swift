// Heap allocations per call, in steady state, on PySocket's buffer-taking paths (target: zero),
// counted by ordo-one/benchmark's malloc interposer. scripts/bench runs this target and divides
// by `callsPerIteration`.
//
// Each benchmark iteration makes `callsPerIteration` calls of the measured method. The other side
// of each exchange (filling or draining the peer) uses raw libc calls on the peer's fileno(),
// which allocate nothing, so every allocation counted belongs to the measured PySocket method.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Benchmark
import PySocket

/// Calls of the measured method per benchmark iteration; scripts/bench divides by this.
let callsPerIteration = 1000

/// Scratch buffers for the raw peer calls, allocated once before anything is measured.
nonisolated(unsafe) let scratch = UnsafeMutableRawPointer.allocate(byteCount: 65536, alignment: 16)
nonisolated(unsafe) let drainScratch = UnsafeMutableRawPointer.allocate(byteCount: 65536, alignment: 16)

/// Sockets that must outlive the registration closure (their fds are used by drainer threads).
nonisolated(unsafe) var keepAlive: [socket] = []

/// Raw `recv(2)` on `fd` into a scratch buffer: drains what the measured call sent.
@inline(__always) func rawDrain(_ fd: Int32, _ count: Int) {
    var left = count
    while left > 0 {
        let n = Glibc.recv(fd, scratch, min(left, 65536), 0)
        if n <= 0 { fatalError("rawDrain: \(n)") }
        left -= n
    }
}

/// Raw `send(2)` of `count` bytes on `fd`: what the measured recv_into then reads.
@inline(__always) func rawFill(_ fd: Int32, _ count: Int) {
    var byte: UInt8 = 0x78
    for _ in 0..<count where Glibc.send(fd, &byte, 1, 0) != 1 { fatalError("rawFill") }
}

func pair(timeout: Double?) -> (socket, socket) {
    do {
        let (a, b) = try socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try a.settimeout(timeout)
        try b.settimeout(timeout)
        return (a, b)
    } catch { fatalError("\(error)") }
}

func udpPair() -> (socket, socket, SocketAddress) {
    do {
        let rx = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        let tx = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try rx.bind(("127.0.0.1", 0))
        return (rx, tx, try rx.getsockname())
    } catch { fatalError("\(error)") }
}

/// The buffers the measured calls use, made once: a buffer built inside a benchmark body would
/// be counted as an allocation of every iteration.
final class Buffers: @unchecked Sendable {
    let ping: [UInt8] = [0x78]
    let msg = [UInt8](repeating: 0x78, count: 64)
    let chunk = [UInt8](repeating: 0x78, count: 65536)
    var one = [UInt8](repeating: 0, count: 1)
    var dgram = [UInt8](repeating: 0, count: 64)
}
let buffers = Buffers()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.mallocCountTotal, .throughput],
        warmupIterations: 3,
        scalingFactor: .one,
        maxDuration: .seconds(2),
        maxIterations: 30
    )

    for (suffix, timeout) in [("", nil), (" (timeout)", 5.0)] as [(String, Double?)] {
        let (a, b) = pair(timeout: timeout)
        // The 64 KiB sendall needs a concurrent reader: a thread that drains the peer with raw
        // recv(2) into a buffer allocated once, so it allocates nothing while counting runs.
        let (bulkSender, bulkReceiver) = pair(timeout: timeout)
        Drainer.start(bulkReceiver.fileno())
        keepAlive.append(bulkReceiver)

        Benchmark("send 1 B [UInt8]\(suffix)") { benchmark in
            for _ in 0..<callsPerIteration {
                _ = try a.send(buffers.ping)
                rawDrain(b.fileno(), 1)
            }
        }

        Benchmark("sendall 64 B [UInt8]\(suffix)") { benchmark in
            for _ in 0..<callsPerIteration {
                try a.sendall(buffers.msg)
                rawDrain(b.fileno(), 64)
            }
        }

        Benchmark("sendall 64 KiB [UInt8]\(suffix)") { benchmark in
            for _ in 0..<callsPerIteration { try bulkSender.sendall(buffers.chunk) }
        }

        Benchmark("recv_into 1 B [UInt8]\(suffix)") { benchmark in
            for _ in 0..<callsPerIteration {
                rawFill(a.fileno(), 1)
                _ = try b.recv_into(&buffers.one, 1)
            }
        }
    }

    // In timeout mode, a recv_into that has to wait goes through poll(2): a raw echo thread
    // answers each byte, so the measured recv_into usually finds nothing yet and polls.
    let (echoA, echoB) = pair(timeout: 5.0)
    Echo.start(echoB.fileno())
    keepAlive.append(echoB)
    Benchmark("send + recv_into 1 B round trip, waits in poll (timeout)") { benchmark in
        for _ in 0..<callsPerIteration {
            _ = try echoA.send(buffers.ping)
            _ = try echoA.recv_into(&buffers.one, 1)
        }
    }

    // recv(n): at most one allocation (none up to 16 bytes, which are stored inline).
    let (ra, rb) = pair(timeout: nil)
    Benchmark("recv(1) 1 B") { benchmark in
        for _ in 0..<callsPerIteration {
            rawFill(ra.fileno(), 1)
            _ = try rb.recv(1)
        }
    }
    Benchmark("recv(1024) 1 B") { benchmark in
        for _ in 0..<callsPerIteration {
            rawFill(ra.fileno(), 1)
            _ = try rb.recv(1024)
        }
    }
    Benchmark("recv(1024) 64 B") { benchmark in
        for _ in 0..<callsPerIteration {
            _ = buffers.msg.withUnsafeBytes { Glibc.send(ra.fileno(), $0.baseAddress, 64, 0) }
            _ = try rb.recv(1024)
        }
    }

    let (rx, tx, addr) = udpPair()
    Benchmark("sendto 64 B [UInt8]") { benchmark in
        for _ in 0..<callsPerIteration {
            _ = try tx.sendto(buffers.msg, addr)
            rawDrain(rx.fileno(), 64)
        }
    }

    Benchmark("recvfrom_into 64 B [UInt8]") { benchmark in
        var sin = sockaddr_in()
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_port = in_port_t(UInt16(addr.port).bigEndian)
        sin.sin_addr.s_addr = in_addr_t(UInt32(0x7f00_0001).bigEndian)
        for _ in 0..<callsPerIteration {
            let sent = withUnsafePointer(to: &sin) { sinPointer in
                sinPointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                    buffers.msg.withUnsafeBytes { raw in
                        Glibc.sendto(tx.fileno(), raw.baseAddress, 64, 0, sa, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            if sent != 64 { fatalError("raw sendto") }
            _ = try rx.recvfrom_into(&buffers.dgram, 64)
        }
    }

    udpEchoBenchmark()
}

/// UDP echo's server side: `recvfrom(1024)` then `sendto(data, address)` back to the address it
/// returned (the client side is raw libc, which allocates nothing).
let udpEchoBenchmark: @Sendable () -> Void = {
    let (rx, tx, addr) = udpPair()
    keepAlive += [rx, tx]
    Benchmark("UDP echo server: recvfrom(1024) 64 B + sendto(data, address)") { benchmark in
        var sin = sockaddr_in()
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_port = in_port_t(UInt16(addr.port).bigEndian)
        sin.sin_addr.s_addr = in_addr_t(UInt32(0x7f00_0001).bigEndian)
        for _ in 0..<callsPerIteration {
            let sent = withUnsafePointer(to: &sin) { sinPointer in
                sinPointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                    buffers.msg.withUnsafeBytes { raw in
                        Glibc.sendto(tx.fileno(), raw.baseAddress, 64, 0, sa, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            if sent != 64 { fatalError("raw sendto") }
            let (data, peer) = try rx.recvfrom(1024)
            _ = try rx.sendto(data, peer)
            if Glibc.recv(tx.fileno(), drainScratch, 1024, 0) != 64 { fatalError("raw recv") }
        }
    }
}

/// A pthread that echoes every byte it reads on `fd` (raw poll/recv/send, no allocation).
enum Echo {
    static func start(_ fd: Int32) {
        var tid = pthread_t()
        let rc = pthread_create(&tid, nil, { raw in
            let fd = Int32(Int(bitPattern: raw))
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            while Glibc.poll(&p, 1, -1) >= 0 {
                let n = Glibc.recv(fd, drainScratch, 1, 0)
                if n == 0 { break }
                if n > 0 { _ = Glibc.send(fd, drainScratch, 1, 0) }
            }
            return nil
        }, UnsafeMutableRawPointer(bitPattern: Int(fd)))
        if rc != 0 { fatalError("pthread_create") }
        pthread_detach(tid)
    }
}

/// A pthread that drains an fd with raw recv(2) until EOF or error, for the whole process.
enum Drainer {
    static func start(_ fd: Int32) {
        var tid = pthread_t()
        let rc = pthread_create(&tid, nil, { raw in
            let fd = Int32(Int(bitPattern: raw))
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            while Glibc.poll(&p, 1, -1) >= 0, Glibc.recv(fd, drainScratch, 65536, 0) != 0 {}
            return nil
        }, UnsafeMutableRawPointer(bitPattern: Int(fd)))
        if rc != 0 { fatalError("pthread_create") }
        pthread_detach(tid)
    }
}
