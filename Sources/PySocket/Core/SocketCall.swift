// Python's timeout model for one system call (CPython's sock_call_ex): the attempt, the classifier, the wait.

/// Why a socket call failed, before it becomes a Python exception (`pythonError`, Errors/Conversion.swift).
package enum CallError: Error, Equatable {
    /// The system call failed with this errno.
    case errno(Errno)
    /// The socket's timeout expired (`TimeoutError('timed out')`).
    case timedOut
}

/// What to do once an attempt failed: CPython's `sock_call_ex` decision, as data, so that the
/// synchronous loop (`perform`) and an asynchronous one make the same choice.
package enum NextStep: Equatable, Sendable {
    /// Try again at once: the call was interrupted by a signal (EINTR, PEP 475).
    case retry
    /// Wait until the descriptor is ready for this event, then try again (EAGAIN in timeout mode).
    case wait(PollEvent)
    /// Give up: the errno is the call's outcome.
    case fail
}

/// Classifies the errno of a failed attempt on a socket with `timeout` (nil: blocking, 0:
/// non-blocking, > 0: timeout mode). Pure: no clock, no system call.
///
/// - EINTR: `.retry` (PEP 475), in every mode.
/// - EAGAIN/EWOULDBLOCK in timeout mode: `.wait(event)`. In blocking mode the kernel blocks (an
///   EAGAIN there is SO_RCVTIMEO's, and is the outcome); in non-blocking mode it is the outcome
///   (BlockingIOError).
/// - Anything else: `.fail`.
@inline(__always)
package func classify(_ failure: Errno, timeout: Double?, waitingFor event: PollEvent) -> NextStep {
    if failure == .EINTR { return .retry }
    guard let timeout, timeout > 0, failure == .EAGAIN || failure == .EWOULDBLOCK else { return .fail }
    return .wait(event)
}

/// Runs one socket operation under Python's timeout model. CPython: `sock_call_ex`.
///
/// `operation` is one attempt (the system call through the socket's `Kernel`); `kernel` and
/// `fd` are what the wait polls and the clock the deadline reads. The decision after a failed
/// attempt is `classify`'s; the deadline is created on the first wait and shared through
/// `deadline`, so a caller that loops (sendall) spends one deadline across the whole call, and a
/// wait interrupted by a signal resumes with the time that is left.
///
/// One deliberate difference in mechanics, not in outcome: CPython polls before the first
/// attempt in timeout mode; PySocket attempts first and polls only on EAGAIN, which saves a
/// system call whenever the socket is already ready (the common case) and returns the same
/// result or error otherwise.
///
/// The first attempt is inlined into the caller; everything after a failure (retry, wait,
/// deadline) is out of line in `performAfterFailure`, so that a call that succeeds at once
/// costs the system call and a branch.
@inline(__always)
package func perform<R>(
    _ kernel: Kernel, _ fd: Int32, timeout: Double?, waitingFor event: PollEvent,
    deadline: inout Deadline?, _ operation: () throws(Errno) -> R
) throws(CallError) -> R {
    do {
        return try operation()
    } catch {
        return try performAfterFailure(error, kernel, fd, timeout: timeout, waitingFor: event, deadline: &deadline, operation)
    }
}

/// `perform` for a single call (not a loop that shares one deadline): the deadline exists only
/// once an attempt has failed, so a call that succeeds at once initialises nothing for it.
@inline(__always)
package func perform<R>(
    _ kernel: Kernel, _ fd: Int32, timeout: Double?, waitingFor event: PollEvent,
    _ operation: () throws(Errno) -> R
) throws(CallError) -> R {
    do {
        return try operation()
    } catch {
        var deadline: Deadline?
        return try performAfterFailure(error, kernel, fd, timeout: timeout, waitingFor: event, deadline: &deadline, operation)
    }
}

/// `perform` with the timeout as `Timeout.bits`, decoded only once an attempt has failed: the
/// caller keeps one word across the system call where a `Double?` is two (callgrind: about 6
/// instructions per call spent decoding and spilling a timeout the successful call never reads).
@inline(__always)
package func perform<R>(
    _ kernel: Kernel, _ fd: Int32, timeoutBits: UInt64, waitingFor event: PollEvent,
    _ operation: () throws(Errno) -> R
) throws(CallError) -> R {
    do {
        return try operation()
    } catch {
        var deadline: Deadline?
        return try performAfterFailure(error, kernel, fd, timeout: Timeout.value(timeoutBits), waitingFor: event, deadline: &deadline, operation)
    }
}

/// The rest of `perform` once an attempt failed with `failure`.
@inline(never)
func performAfterFailure<R>(
    _ failure: Errno, _ kernel: Kernel, _ fd: Int32, timeout: Double?, waitingFor event: PollEvent,
    deadline: inout Deadline?, _ operation: () throws(Errno) -> R
) throws(CallError) -> R {
    var failure = failure
    while true {
        switch classify(failure, timeout: timeout, waitingFor: event) {
        case .fail:
            throw .errno(failure)
        case .retry:
            break
        case .wait(let event):
            // classify answers .wait only in timeout mode, so the timeout is there.
            if deadline == nil { deadline = Deadline(seconds: timeout ?? 0, now: kernel.monotonicNanoseconds()) }
            try waitUntilReady(kernel, fd, event, deadline: deadline)
        }
        do {
            return try operation()
        } catch {
            failure = error
        }
    }
}

/// `ppoll(2)` on one descriptor until `event`, an error condition, or the deadline (no
/// deadline: wait as long as it takes); EINTR resumes the wait with the time that is left, to
/// the nanosecond (`poll(2)`'s millisecond would end a wait up to 1 ms after the deadline).
/// CPython: `internal_select`.
package func waitUntilReady(_ kernel: Kernel, _ fd: Int32, _ event: PollEvent, deadline: Deadline?) throws(CallError) {
    let events = event == .readable ? NativeConstants.POLLIN : NativeConstants.POLLOUT
    while true {
        var nanoseconds: UInt64? = nil
        if let deadline {
            guard let left = deadline.remainingNanoseconds(now: kernel.monotonicNanoseconds()) else {
                throw .timedOut
            }
            nanoseconds = left
        }
        let revents: Int16
        do throws(Errno) {
            revents = try kernel.poll(fd, events, nanoseconds: nanoseconds)
        } catch {
            if error == .EINTR { continue }
            throw .errno(error)
        }
        if revents == 0 { throw .timedOut }
        return
    }
}

/// A timeout (`Double?`) packed into 64 bits for an atomic: `nil` (blocking) is a NaN pattern
/// that `parseTimeout` never lets through, any other value is the double's own bits.
enum Timeout {
    static let blocking: UInt64 = 0x7FF8_DEAD_0000_0000

    @inline(__always) static func bits(_ timeout: Double?) -> UInt64 {
        timeout?.bitPattern ?? blocking
    }

    @inline(__always) static func value(_ bits: UInt64) -> Double? {
        bits == blocking ? nil : Double(bitPattern: bits)
    }
}
