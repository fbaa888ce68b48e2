// The completion-shaped interface every kernel backend fills in: submit, cancel, wait, wake up, close.
import PySocket

/// An operation the loop hands to a backend, named by a token that comes back with its result.
///
/// Readiness (`poll`) is the one operation every backend runs; the emulation layer turns it into
/// socket operations (try now, wait for readiness on EAGAIN, try again), after TigerBeetle's
/// `linux.zig`/`darwin.zig` and trio's `_nonblocking_helper`.
enum IORequest {
    /// Completes when `fd` is ready for `event` (or has an error or hang-up): result >= 0.
    case poll(fd: Int32, event: PollEvent)
    /// `recv(2)` into memory that stays valid until the completion (io_uring only).
    case recv(fd: Int32, buffer: UnsafeMutableRawBufferPointer, flags: Int32)
    /// `send(2)` from memory that stays valid until the completion (io_uring only).
    case send(fd: Int32, buffer: UnsafeRawBufferPointer, flags: Int32)
}

/// The checklist of a kernel event interface (io_uring, epoll, poll; kqueue would be one more
/// conformer). Every member is called on the loop thread except `wakeup`.
///
/// Results are Int32 as io_uring reports them: >= 0 success, `-errno` failure; a cancelled
/// operation completes with `-ECANCELED`.
protocol IOBackend: AnyObject {
    /// Which backend this is.
    var kind: asyncio.Backend { get }
    /// Whether the backend runs socket calls in the kernel (`.recv`, `.send`); readiness
    /// backends do not, and are only ever given `.poll`.
    var completesIO: Bool { get }
    /// Starts `request` for `token`; exactly one completion follows unless `cancel` says it is gone.
    func submit(_ token: UInt64, _ request: IORequest) throws(Errno)
    /// Cancels `token` (an operation on `fd`). True: it is gone now and no completion will come
    /// (readiness backends); false: its completion will come once the kernel lets go (io_uring).
    func cancel(_ token: UInt64, fd: Int32) -> Bool
    /// `fd` is about to be closed: cancels every operation on it and forgets it. `body(token,
    /// gone)` is called for each: `gone` as for `cancel`.
    func cancelAll(fd: Int32, _ body: (UInt64, Bool) -> Void)
    /// Waits up to `timeout` nanoseconds (nil: until something happens, 0: not at all) and
    /// delivers every completion that is ready with `deliver(token, result)`.
    func wait(timeout: UInt64?, _ deliver: (UInt64, Int32) -> Void) throws(Errno)
    /// Makes a `wait` in progress on the loop thread return. Callable from any thread.
    func wakeup()
    /// Releases the backend's descriptors.
    func close()
}

extension IORequest: @unchecked Sendable {
    /// The same request on descriptor `fd` (the buffers it points to stay the caller's).
    func on(_ fd: Int32) -> IORequest {
        switch self {
        case .poll(_, let event): return .poll(fd: fd, event: event)
        case .recv(_, let buffer, let flags): return .recv(fd: fd, buffer: buffer, flags: flags)
        case .send(_, let buffer, let flags): return .send(fd: fd, buffer: buffer, flags: flags)
        }
    }
}
