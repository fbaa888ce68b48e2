// A scripted kernel: a SocketInterface that answers each system call from a script, on a fake clock.
import PySocket
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// One scripted answer: the call expected next and what it returns.
public struct Step: Sendable, CustomStringConvertible {
    /// The system call's name (`recv`, `poll`, ...).
    public var call: String
    /// What it returns when it succeeds (a count, an fd, `revents` for poll).
    public var result: Int
    /// The errno it fails with instead, if any.
    public var failure: Errno?
    /// How far the fake monotonic clock moves while the call runs, in nanoseconds.
    public var elapsed: UInt64

    public static func ok(_ call: String, _ result: Int = 0, elapsed: UInt64 = 0) -> Step {
        Step(call: call, result: result, failure: nil, elapsed: elapsed)
    }

    public static func fail(_ call: String, _ errno: Int32, elapsed: UInt64 = 0) -> Step {
        Step(call: call, result: -1, failure: Errno(errno), elapsed: elapsed)
    }

    public var description: String { failure.map { "\(call) -> errno \($0.rawValue)" } ?? "\(call) -> \(result)" }
}

/// A `SocketInterface` whose every call pops the next `Step`. Calls are logged with their
/// arguments (`poll(fd=3, events=1, timeout=100)`), so a test asserts on exactly which system
/// calls PySocket made, in which order, with which timeouts. A call that does not match the
/// script fails with EPERM and is recorded in `mismatches`.
public final class ScriptedKernel: SocketInterface, Sendable {
    private struct State {
        var steps: [Step]
        var log: [String] = []
        var mismatches: [String] = []
        var now: UInt64 = 1_000_000_000
    }
    private let state: Mutex<State>

    public init(_ steps: [Step]) { state = Mutex(State(steps: steps)) }

    /// The calls made so far, with their arguments.
    public var log: [String] { state.withLock { $0.log } }
    /// Calls that did not match the script.
    public var mismatches: [String] { state.withLock { $0.mismatches } }
    /// Steps not consumed.
    public var remaining: [Step] { state.withLock { $0.steps } }
    /// The fake monotonic clock, in nanoseconds.
    public var now: UInt64 { state.withLock { $0.now } }

    /// Pops the next step for `call`, logging `entry`.
    private func next(_ call: String, _ entry: String) throws(Errno) -> Int {
        let step: Step? = state.withLock { state in
            state.log.append(entry)
            guard let first = state.steps.first, first.call == call else {
                state.mismatches.append("unexpected \(entry); script has \(state.steps.first.map(\.description) ?? "nothing")")
                return nil
            }
            state.steps.removeFirst()
            state.now += first.elapsed
            return first
        }
        guard let step else { throw Errno(1) }
        if let failure = step.failure { throw failure }
        return step.result
    }

    /// `, flags=N` when a call passes flags, nothing otherwise (so `send(7, 10)` reads as before).
    private func flagsText(_ flags: Int32) -> String { flags == 0 ? "" : ", flags=\(flags)" }

    public func socket(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> Int32 {
        Int32(try next("socket", "socket(\(domain), \(type), \(proto))"))
    }
    public func socketpair(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> (Int32, Int32) {
        let first = Int32(try next("socketpair", "socketpair(\(domain), \(type), \(proto))"))
        return (first, first + 1)
    }
    public func close(_ fd: Int32) throws(Errno) { _ = try next("close", "close(\(fd))") }
    public func bind(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) {
        _ = try next("bind", "bind(\(fd))")
    }
    public func connect(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) {
        _ = try next("connect", "connect(\(fd))")
    }
    public func listen(_ fd: Int32, _ backlog: Int32) throws(Errno) { _ = try next("listen", "listen(\(fd), \(backlog))") }
    public func accept(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32, _ flags: Int32) throws(Errno) -> Int32 {
        length = 0
        return Int32(try next("accept", "accept(\(fd)\(flagsText(flags)))"))
    }
    public func send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32) throws(Errno) -> Int {
        min(try next("send", "send(\(fd), \(buffer.count)\(flagsText(flags)))"), buffer.count)
    }
    public func sendto(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) -> Int {
        min(try next("sendto", "sendto(\(fd), \(buffer.count)\(flagsText(flags)))"), buffer.count)
    }
    public func sendmsg(_ fd: Int32, _ message: UnsafePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int {
        try next("sendmsg", "sendmsg(\(fd)\(flagsText(flags)))")
    }
    public func recv(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32) throws(Errno) -> Int {
        let count = min(try next("recv", "recv(\(fd), \(buffer.count)\(flagsText(flags)))"), buffer.count)
        for index in 0..<count { buffer[index] = UInt8(ascii: "x") }
        return count
    }
    public func recvfrom(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) -> Int {
        length = 0
        return min(try next("recvfrom", "recvfrom(\(fd), \(buffer.count)\(flagsText(flags)))"), buffer.count)
    }
    public func recvmsg(_ fd: Int32, _ message: UnsafeMutablePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int {
        try next("recvmsg", "recvmsg(\(fd)\(flagsText(flags)))")
    }
    public func shutdown(_ fd: Int32, _ how: Int32) throws(Errno) { _ = try next("shutdown", "shutdown(\(fd), \(how))") }
    public func getsockname(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        length = 0
        _ = try next("getsockname", "getsockname(\(fd))")
    }
    public func getpeername(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        length = 0
        _ = try next("getpeername", "getpeername(\(fd))")
    }
    /// Writes the step's result as the option's int value (SO_ERROR's pending error, say).
    public func getsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        let result = try next("getsockopt", "getsockopt(\(fd), \(level), \(name))")
        value.storeBytes(of: Int32(result), as: Int32.self)
        length = 4
    }
    public func setsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeRawPointer?, _ length: UInt32) throws(Errno) {
        _ = try next("setsockopt", "setsockopt(\(fd), \(level), \(name))")
    }
    public func fcntl(_ fd: Int32, _ command: Int32, _ argument: Int32) throws(Errno) -> Int32 {
        Int32(try next("fcntl", "fcntl(\(fd), \(command), \(argument))"))
    }
    /// A poll that times out (result 0) moves the clock by its whole timeout unless the step
    /// says otherwise, as a real wait would.
    public func poll(_ fd: Int32, _ events: Int16, _ timeout: Int32) throws(Errno) -> Int16 {
        let before = now
        let result = Int16(try next("poll", "poll(fd=\(fd), events=\(events), timeout=\(timeout))"))
        if result == 0 && timeout > 0 {
            state.withLock { state in
                if state.now == before { state.now += UInt64(timeout) * 1_000_000 }
            }
        }
        return result
    }
    public func monotonicNanoseconds() -> UInt64 { now }
    /// Advances `offset` by the count the step returns (at most `count`).
    public func sendfile(_ outFD: Int32, _ inFD: Int32, _ offset: inout Int64, _ count: Int) throws(Errno) -> Int {
        let sent = min(try next("sendfile", "sendfile(\(outFD), \(inFD), offset=\(offset), \(count))"), count)
        offset += Int64(sent)
        return sent
    }
    /// Fills the buffer with `x` up to the count the step returns, as `recv` does.
    public func pread(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ offset: Int64) throws(Errno) -> Int {
        let count = min(try next("pread", "pread(\(fd), \(buffer.count), offset=\(offset))"), buffer.count)
        for index in 0..<count { buffer[index] = UInt8(ascii: "x") }
        return count
    }
}
