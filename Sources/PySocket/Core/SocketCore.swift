// The one function that runs a socket system call under Python's timeout model (CPython's sock_call_ex).

/// Why a socket call failed, before it becomes a Python exception.
enum CallError: Error {
    /// The system call failed with this errno.
    case errno(Errno)
    /// The socket's timeout expired (`TimeoutError('timed out')`).
    case timedOut
}

extension CallError {
    /// The Python exception for this failure: the errno's OSError subclass, or `timed out`.
    var python: any Error {
        switch self {
        case .errno(let code): return pythonError(code)
        case .timedOut: return timedOutError()
        }
    }
}

/// Runs `body`, turning a `CallError` into its Python exception: the only conversion point.
@inline(__always)
func python<R>(_ body: () throws(CallError) -> R) throws -> R {
    do { return try body() } catch { throw error.python }
}

/// Runs a system call that does not wait, turning its errno into a `CallError`.
@inline(__always)
func sys<R>(_ call: () throws(Errno) -> R) throws(CallError) -> R {
    do { return try call() } catch { throw .errno(error) }
}

/// Runs one socket operation under Python's timeout model. CPython: `sock_call_ex`.
///
/// - EINTR is retried at once (PEP 475); a wait interrupted by a signal resumes with the
///   time that is left.
/// - In timeout mode (`timeout > 0`), EAGAIN means "wait": `poll(2)` until `event` or the
///   deadline, then try again. The deadline is created on the first wait and shared through
///   `deadline`, so a caller that loops (sendall) spends one deadline across the whole call.
/// - In blocking mode the descriptor blocks in the kernel; in non-blocking mode (`timeout == 0`)
///   EAGAIN is thrown as is (BlockingIOError).
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
func perform<OS: SocketInterface, R>(
    _ os: OS, _ fd: Int32, timeout: Double?, waitingFor event: PollEvent,
    deadline: inout Deadline?, _ operation: () throws(Errno) -> R
) throws(CallError) -> R {
    do {
        return try operation()
    } catch {
        return try performAfterFailure(error, os, fd, timeout: timeout, waitingFor: event, deadline: &deadline, operation)
    }
}

/// The rest of `perform` once an attempt failed with `failure`.
@inline(never)
func performAfterFailure<OS: SocketInterface, R>(
    _ failure: Errno, _ os: OS, _ fd: Int32, timeout: Double?, waitingFor event: PollEvent,
    deadline: inout Deadline?, _ operation: () throws(Errno) -> R
) throws(CallError) -> R {
    var failure = failure
    while true {
        if failure != .EINTR {
            guard let timeout, timeout > 0, failure == .EAGAIN || failure == .EWOULDBLOCK else {
                throw .errno(failure)
            }
            if deadline == nil { deadline = Deadline(seconds: timeout, now: os.monotonicNanoseconds()) }
            try waitUntilReady(os, fd, event, deadline: deadline)
        }
        do {
            return try operation()
        } catch {
            failure = error
        }
    }
}

/// `poll(2)` on one descriptor until `event`, an error condition, or the deadline
/// (no deadline: wait as long as it takes). CPython: `internal_select`.
func waitUntilReady<OS: SocketInterface>(_ os: OS, _ fd: Int32, _ event: PollEvent, deadline: Deadline?) throws(CallError) {
    let events = event == .readable ? NativeConstants.POLLIN : NativeConstants.POLLOUT
    while true {
        var milliseconds: Int32 = -1
        if let deadline {
            guard let left = deadline.remainingMilliseconds(now: os.monotonicNanoseconds()) else {
                throw .timedOut
            }
            milliseconds = left
        }
        do {
            if try os.poll(fd, events, milliseconds) == 0 { throw CallError.timedOut }
            return
        } catch let error as CallError {
            throw error
        } catch let error as Errno {
            if error == .EINTR { continue }
            throw .errno(error)
        } catch {
            preconditionFailure("unreachable: poll throws Errno")
        }
    }
}
