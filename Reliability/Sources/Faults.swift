// Network faults on a real path (scripts/faults): each scenario's outcome against CPython's, timeouts on time, fds, SIGPIPE.
import Glibc
import PySocket
// Only hashlib: the rest of PyBuiltins (its `print`) stays out of this file.
import enum PyBuiltins.hashlib

/// The server's address in namespace B, behind the router of scripts/faults.
private let serverHost = "10.77.2.2"

/// Runs the scenarios of Reliability/capture_faults.py in the same order, in namespace A of the
/// setup scripts/faults builds; each outcome must be the one CPython 3.13 gave there
/// (`expected`). Also: the timeouts end within 10 ms of their deadline, no descriptor is left
/// open, SIGPIPE stays at its default disposition and the process is still alive at the end.
func networkFaults(transfers: Int, expected path: String, neverEarlyOnly: Bool) {
    let expected = expectedOutcomes(path)
    var old = sigaction()
    sigaction(SIGPIPE, nil, &old)
    let pipeDefault = old.__sigaction_handler.sa_handler == nil
    let before = openDescriptorCount()

    /// Runs one scenario, compares its outcome, and returns how long it took in seconds.
    @discardableResult
    func scenario(_ name: String, _ body: () throws -> String?) -> Double {
        let start = nowNanoseconds()
        var outcome: (String, String, String)
        do {
            outcome = ("None", "", try body() ?? "")
        } catch {
            let (type, text) = describeOutcome(error)
            outcome = (type, text, "")
        }
        let elapsed = secondsSince(start)
        let shown = outcome.0 == "None" ? outcome.2 : "\(outcome.0): \(outcome.1)"
        guard let want = expected[name] else {
            report("netns: \(name)", "CPython's outcome", "\(shown); no captured outcome", false)
            return elapsed
        }
        let wanted = want.type == "None" ? want.detail : "\(want.type): \(want.text)"
        report("netns: \(name)", wanted, shown, outcome == (want.type, want.text, want.detail))
        return elapsed
    }

    /// A timeout row: the scenario took at least `timeout` and at most 10 ms more (with
    /// `neverEarlyOnly`, only at least), beside a bare `poll(2)` of the same length run right
    /// after it: the machine's own lateness at that moment.
    func onTime(_ name: String, _ timeout: Double, _ elapsed: Double) {
        let late = (elapsed - timeout) * 1000
        let floor = bareWaitLateness(timeout) * 1000
        let realtime = sched_getscheduler(0) == SCHED_FIFO ? " (SCHED_FIFO)" : ""
        report("netns: \(name): on time\(realtime)", "in [\(formatted(timeout, 1)) s, +10 ms]\(neverEarlyOnly ? " (CI: never early)" : "")",
               "\(formatted(elapsed, 4)) s (\(late < 0 ? "early" : "late") by \(formatted(abs(late), 2)) ms; a bare poll(2) right after: late by \(formatted(floor, 2)) ms)",
               late >= 0 && (neverEarlyOnly || late <= 10))
    }

    func connect(_ port: Int, timeout: Double = 3) -> () throws -> String? {
        { try socket.create_connection((serverHost, port), timeout: timeout).close(); return nil }
    }
    func connectEx(_ port: Int, timeout: Double = 3) -> () throws -> String? {
        {
            let s = try socket.socket()
            defer { s.close() }
            try s.settimeout(timeout)
            let code = try s.connect_ex((serverHost, port))
            return "\(code) \(PySocket.errno.errorcode[code] ?? "?")"
        }
    }
    func udp(_ port: Int) -> () throws -> String? {
        {
            let s = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            defer { s.close() }
            try s.settimeout(1.0)
            try s.connect((serverHost, port))
            _ = try s.send(bytes("x"))
            _ = try s.recv(16)
            return nil
        }
    }

    scenario("connect, no listener", connect(7001))
    onTime("connect, blackhole, timeout 0.5", 0.5, scenario("connect, blackhole, timeout 0.5", connect(7002, timeout: 0.5)))
    scenario("connect, tcp-reset", connect(7003))
    scenario("connect, icmp host-unreachable", connect(7004))
    scenario("connect, icmp port-unreachable", connect(7005))
    scenario("connect, icmp net-unreachable", connect(7006))
    scenario("connect, icmp admin-prohibited", connect(7007))
    scenario("connect_ex, no listener", connectEx(7001))
    onTime("connect_ex, blackhole, timeout 0.5", 0.5, scenario("connect_ex, blackhole, timeout 0.5", connectEx(7002, timeout: 0.5)))
    scenario("connect_ex, icmp host-unreachable", connectEx(7004))
    scenario("connect_ex, icmp net-unreachable", connectEx(7006))
    scenario("udp, icmp port-unreachable", udp(7008))
    scenario("udp, icmp host-unreachable", udp(7009))

    // The router resets the connection when it sees RSTME.
    var reset: socket? = nil
    scenario("rst mid-stream: recv") {
        let s = try socket.create_connection((serverHost, 7010), timeout: 3.0)
        reset = s
        try s.sendall(bytes("hello"))
        if try s.recv(5) != bytes("hello") { return "echo differed" }
        try s.sendall(bytes("RSTME"))
        _ = try s.recv(16)
        return nil
    }
    scenario("rst mid-stream: recv again") { try reset.map { String(describing: try $0.recv(16)) } ?? "no socket" }
    scenario("rst mid-stream: sendall after") {
        defer { reset?.close() }
        try reset?.sendall(bytes("after"))
        return nil
    }

    var silentElapsed = 0.0
    scenario("recv, silent peer, timeout 0.3") {
        let s = try socket.create_connection((serverHost, 7011), timeout: 3.0)
        defer { s.close() }
        try s.settimeout(0.3)
        let start = nowNanoseconds()
        defer { silentElapsed = secondsSince(start) }
        _ = try s.recv(16)
        return nil
    }
    onTime("recv, silent peer, timeout 0.3", 0.3, silentElapsed)

    var slowElapsed = 0.0
    scenario("sendall 8 MiB, 4 Mbit/s link, timeout 0.5") {
        let s = try socket.create_connection((serverHost, 7013), timeout: 3.0)
        defer { s.close() }
        try s.settimeout(0.5)
        let data = try bytes(count: 8 << 20)
        let start = nowNanoseconds()
        defer { slowElapsed = secondsSince(start) }
        try s.sendall(data)
        return nil
    }
    onTime("sendall 8 MiB, 4 Mbit/s link, timeout 0.5", 0.5, slowElapsed)

    let transferStart = nowNanoseconds()
    scenario("transfers over loss, duplicates, reordering, MTU 1280") { try shaTransfers(transfers) }
    say("transfers: \(transfers) of 1 MiB each way in \(formatted(secondsSince(transferStart), 1)) s")

    let delta = openDescriptorCount() - before
    report("netns: descriptors", "fd delta 0 after every scenario", "fd delta \(delta)", delta == 0)
    sigaction(SIGPIPE, nil, &old)
    let stillDefault = old.__sigaction_handler.sa_handler == nil
    report("netns: SIGPIPE", "default disposition before and after, process alive after the send to a reset peer",
           "default before: \(pipeDefault), after: \(stillDefault); alive", pipeDefault && stillDefault)
}

/// How late a bare `poll(2)` of `seconds` on a socket that gets nothing returns (C's way to wait).
private func bareWaitLateness(_ seconds: Double) -> Double {
    var ends: (Int32, Int32) = (-1, -1)
    let made = withUnsafeMutableBytes(of: &ends) { socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, $0.baseAddress!.assumingMemoryBound(to: Int32.self)) }
    guard made == 0 else { return -1 }
    defer {
        close(ends.0)
        close(ends.1)
    }
    var entry = pollfd(fd: ends.0, events: Int16(POLLIN), revents: 0)
    let start = nowNanoseconds()
    let deadline = start + UInt64(seconds * 1e9)
    var now = start
    while now < deadline {
        _ = poll(&entry, 1, Int32((deadline - now + 999_999) / 1_000_000))
        now = nowNanoseconds()
    }
    return Double(now - start) / 1e9 - seconds
}

/// `count` transfers of 1 MiB each way on one connection to port 7012 (loss, duplicates,
/// reordering, a 1280-byte MTU on the way): the client sends with `sendall`, receives with
/// `recv_into`, and both directions are checked by SHA-256 (the server's protocol is in
/// Reliability/faults_server.py).
private func shaTransfers(_ count: Int) throws -> String {
    let size = 1 << 20
    let s = try socket.create_connection((serverHost, 7012), timeout: 30.0)
    defer { s.close() }
    var exact = 0
    var reply = [UInt8](repeating: 0, count: size)
    var digests = [UInt8](repeating: 0, count: 64)
    for i in 0..<count {
        let seed = UInt64(2 * i)
        var request = [UInt8]()
        request.reserveCapacity(16 + size)
        for value in [seed, UInt64(size)] { for shift in stride(from: 0, to: 64, by: 8) { request.append(UInt8((value >> UInt64(shift)) & 0xff)) } }
        request += pattern(seed: seed, size: size)
        try s.sendall(request)
        try receiveExactly(s, &digests)
        try receiveExactly(s, &reply)
        let sent = Array(hashlib.sha256(request[16...]).digest())
        let got = Array(hashlib.sha256(reply).digest())
        if Array(digests[0..<32]) == sent && Array(digests[32..<64]) == got
            && reply == pattern(seed: seed + 1, size: size) {
            exact += 1
        }
    }
    if exact == count { return "every transfer of 1 MiB byte-exact both ways (SHA-256)" }
    return "\(exact) of \(count) transfers of 1 MiB byte-exact both ways (SHA-256)"
}

/// The peer closed before the whole reply came.
private struct EarlyEOF: Error {}

/// Fills `buffer` with `recv_into` calls; EOF first is an error.
private func receiveExactly(_ s: socket, _ buffer: inout [UInt8]) throws {
    var got = 0
    while got < buffer.count {
        let n = try buffer.withUnsafeMutableBytes { raw in
            try s.recv_into(UnsafeMutableRawBufferPointer(rebasing: raw[got...]), raw.count - got)
        }
        if n == 0 { throw EarlyEOF() }
        got += n
    }
}

/// The deterministic stream both sides generate: xorshift64* from the seed, 8 bytes a step
/// (the same function as in Reliability/faults_server.py).
private func pattern(seed: UInt64, size: Int) -> [UInt8] {
    var x = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
    var out = [UInt8](repeating: 0, count: size + 8)
    out.withUnsafeMutableBytes { raw in
        var offset = 0
        while offset < size {
            x ^= x >> 12
            x ^= x << 25
            x ^= x >> 27
            raw.storeBytes(of: (x &* 0x2545_F491_4F6C_DD1D).littleEndian, toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
    }
    out.removeLast(out.count - size)
    return out
}
