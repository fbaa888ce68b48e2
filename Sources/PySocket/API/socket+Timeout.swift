// Python's three modes: blocking (timeout None), non-blocking (0) and timeout (> 0), and the default timeout.
import Synchronization

/// The module's default timeout for new sockets (`setdefaulttimeout`).
/// Read on every socket creation, so an atomic (`Timeout.bits`) rather than a lock.
private let defaultTimeout = Atomic<UInt64>(Timeout.blocking)

extension socket {
    /// `socket.getdefaulttimeout()`: the timeout new sockets start with (None: blocking).
    ///
    /// Python: `socket.getdefaulttimeout()`. C: none.
    public static func getdefaulttimeout() -> Double? {
        Timeout.value(defaultTimeout.load(ordering: .acquiring))
    }

    /// `socket.setdefaulttimeout(timeout)`: the timeout for sockets created from now on.
    ///
    /// Python: `socket.setdefaulttimeout()`. C: none.
    public static func setdefaulttimeout(_ timeout: Double?) throws {
        let value = try parseTimeout(timeout)
        defaultTimeout.store(Timeout.bits(value), ordering: .releasing)
    }

    /// `s.timeout`: the timeout in seconds, or nil in blocking mode.
    ///
    /// Python: `socket.timeout` (the attribute). C: none.
    public var timeout: Double? { gettimeout() }

    /// `s.gettimeout()`: the timeout in seconds, 0.0 when non-blocking, nil when blocking.
    ///
    /// Python: `socket.gettimeout()`. C: none.
    public func gettimeout() -> Double? {
        Timeout.value(timeoutBits.load(ordering: .acquiring))
    }

    /// `s.settimeout(value)`: None blocks, 0 never blocks, a positive number of seconds bounds
    /// every blocking operation (which then raises `TimeoutError('timed out')`).
    ///
    /// The descriptor is held non-blocking inside whenever a timeout is set; waits use `poll(2)`
    /// on a monotonic deadline. The timeout is rounded up to the nanosecond, as in CPython.
    ///
    /// Python: `socket.settimeout()`. C: `fcntl(F_SETFL, O_NONBLOCK)`.
    ///
    /// ```swift
    /// let (a, b) = try socket.socketpair()
    /// try b.settimeout(0.01)
    /// do {
    ///     _ = try b.recv(10)
    /// } catch let e as TimeoutError {
    ///     print(e)                  // timed out
    /// }
    /// a.close(); b.close()
    /// ```
    public func settimeout(_ value: Double?) throws {
        let timeout = try socket.parseTimeout(value)
        // Under the lock, in the order `handle()` relies on: a timeout is stored before the
        // descriptor becomes non-blocking, and blocking mode only once it is blocking again.
        try lock.withLock { _ in
            let fd = descriptor.load(ordering: .acquiring)
            // As in CPython, the timeout is stored even when fcntl fails (a closed descriptor).
            if timeout != nil { timeoutBits.store(Timeout.bits(timeout), ordering: .releasing) }
            defer { if timeout == nil { timeoutBits.store(Timeout.blocking, ordering: .releasing) } }
            try callNow(kernel.setNonBlocking(fd, timeout != nil))
        }
    }

    /// `s.setblocking(flag)`: `settimeout(None)` when true, `settimeout(0.0)` when false.
    ///
    /// Python: `socket.setblocking()`. C: `fcntl(F_SETFL, O_NONBLOCK)`.
    public func setblocking(_ flag: Bool) throws {
        try settimeout(flag ? nil : 0.0)
    }

    /// `s.getblocking()`: false only in non-blocking mode (timeout 0); true when blocking or
    /// with a timeout, as CPython answers.
    ///
    /// Python: `socket.getblocking()`. C: none.
    public func getblocking() -> Bool {
        gettimeout() != 0
    }

    /// CPython's `socket_parse_timeout` for a float: NaN is a ValueError; the value is rounded
    /// away from zero to the nanosecond and must fit the clock (`OverflowError`, checked
    /// before the sign, so `-inf` is an OverflowError); then a negative value is a ValueError.
    static func parseTimeout(_ value: Double?) throws -> Double? {
        guard let value else { return nil }
        if value.isNaN { throw ValueError("Invalid value NaN (not a number)") }
        let nanoseconds = (value * 1e9).rounded(.awayFromZero)
        guard nanoseconds >= -9.223372036854775808e18 && nanoseconds < 9.223372036854775808e18 else {
            throw OverflowError("timestamp out of range for platform time_t")
        }
        if nanoseconds < 0 { throw ValueError("Timeout value out of range") }
        let whole = Int64(nanoseconds)
        return whole % 1_000_000_000 == 0 ? Double(whole / 1_000_000_000) : Double(whole) / 1e9
    }

    /// CPython's `socket_parse_timeout` for an int: seconds times 10⁹ must fit 64 bits, then a
    /// negative value is a ValueError.
    static func parseTimeout(_ value: Int) throws -> Double {
        guard !value.multipliedReportingOverflow(by: 1_000_000_000).overflow else {
            throw OverflowError("timestamp too large to convert to C PyTime_t")
        }
        if value < 0 { throw ValueError("Timeout value out of range") }
        return Double(value)
    }
}

extension socket {
    /// `socket.setdefaulttimeout(seconds)` with an `int`, as Python code often passes one.
    ///
    /// Python: `socket.setdefaulttimeout()`. C: none.
    public static func setdefaulttimeout(_ timeout: Int) throws {
        try setdefaulttimeout(try parseTimeout(timeout))
    }

    /// `socket.setdefaulttimeout(True)`: a bool is the int 1 or 0 in Python.
    ///
    /// Python: `socket.setdefaulttimeout()`. C: none.
    public static func setdefaulttimeout(_ timeout: Bool) throws {
        try setdefaulttimeout(timeout ? 1 : 0)
    }

    /// `s.settimeout(seconds)` with an `int` (`s.settimeout(5)`).
    ///
    /// Python: `socket.settimeout()`. C: `fcntl(F_SETFL, O_NONBLOCK)`.
    public func settimeout(_ value: Int) throws {
        try settimeout(try socket.parseTimeout(value))
    }

    /// `s.settimeout(True)`: a bool is the int 1 or 0 in Python (`True` is one second).
    ///
    /// Python: `socket.settimeout()`. C: `fcntl(F_SETFL, O_NONBLOCK)`.
    public func settimeout(_ value: Bool) throws {
        try settimeout(value ? 1 : 0)
    }

    /// `s.setblocking(0)` / `s.setblocking(1)`: any non-zero int is true, as in Python.
    ///
    /// Python: `socket.setblocking()`. C: `fcntl(F_SETFL, O_NONBLOCK)`.
    public func setblocking(_ flag: Int) throws {
        try setblocking(flag != 0)
    }
}
