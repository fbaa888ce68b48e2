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
    /// `accept4(2)` with SOCK_CLOEXEC | SOCK_NONBLOCK, the peer's address written into
    /// `address` (valid until the completion); the result is the new descriptor (io_uring only,
    /// where `supports(.accept)`).
    case accept(fd: Int32, address: SockaddrBuffer)
    /// `connect(2)` to `address` (valid until the completion), waiting until it is made; the
    /// result is 0 or the connection's -errno (io_uring only, where `supports(.connect)`).
    case connect(fd: Int32, address: SockaddrBuffer)
}

/// The socket calls a completion backend may run in the kernel, probed when it is set up.
enum KernelCall {
    case accept
    case connect
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
    /// Whether `wait` may run arbitrary loop work inside `deliver` (a resumed task, which
    /// submits, cancels and reaps): true when `wait` holds no state across a `deliver` call
    /// (io_uring publishes the CQ head and updates its tables before each). The loop then runs a
    /// resumed task at once, while its memory is still in cache, instead of queueing it.
    var reentrantDelivery: Bool { get }
    /// Whether the kernel runs `call` (`IORING_OP_ACCEPT`, `IORING_OP_CONNECT` as probed);
    /// when not, the loop waits for readiness and makes the call itself.
    func supports(_ call: KernelCall) -> Bool
    /// Whether a call on `fd` for `event` is worth trying before waiting. False when the
    /// backend guesses that it would block (the last call failed with EAGAIN, needed the
    /// kernel, or came back short): the loop then goes straight to the in-kernel call (io_uring,
    /// which the kernel tries at once anyway) or to the readiness wait (epoll's level-triggered
    /// registration and poll(2) report a socket that is ready already at once).
    func worthTrying(_ fd: Int32, _ event: PollEvent) -> Bool
    /// A call on `fd` for `event` just failed with EAGAIN, with no wait in between.
    func wouldBlock(_ fd: Int32, _ event: PollEvent)
    /// A stream call on `fd` for `event` moved all it asked for (`all`) or less: a hint for
    /// `worthTrying` where the backend guesses (io_uring, epoll, poll). A short read does not prove
    /// the socket drained (urgent data, SCM_RIGHTS boundaries stop a read short), so a wrong
    /// guess must cost at most a wait that ends at once.
    func transferred(_ fd: Int32, _ event: PollEvent, all: Bool)
    /// `fd` may now name another open file than the one the backend last knew by that number
    /// (its socket was closed behind the loop's back): forget what was known and registered.
    func renew(_ fd: Int32)
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

extension IOBackend {
    var reentrantDelivery: Bool { false }
    func supports(_ call: KernelCall) -> Bool { false }
    func worthTrying(_ fd: Int32, _ event: PollEvent) -> Bool { true }
    func wouldBlock(_ fd: Int32, _ event: PollEvent) {}
    func transferred(_ fd: Int32, _ event: PollEvent, all: Bool) {}
    func renew(_ fd: Int32) {}
}

extension IORequest: @unchecked Sendable {
    /// The same request on descriptor `fd` (the buffers it points to stay the caller's).
    func on(_ fd: Int32) -> IORequest {
        switch self {
        case .poll(_, let event): return .poll(fd: fd, event: event)
        case .recv(_, let buffer, let flags): return .recv(fd: fd, buffer: buffer, flags: flags)
        case .send(_, let buffer, let flags): return .send(fd: fd, buffer: buffer, flags: flags)
        case .accept(_, let address): return .accept(fd: fd, address: address)
        case .connect(_, let address): return .connect(fd: fd, address: address)
        }
    }
}
