// The one type that is both Python's `socket` module (static members) and `socket.socket` (instances).
import Synchronization

/// `socket.socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)`: a socket object,
/// and, through its static members, Python's `socket` module.
///
/// Static members are the module's names (`socket.AF_INET`, `socket.create_connection`);
/// instance members are the socket object's (`s.recv(1024)`); `socket.socket(...)` constructs.
/// The descriptor is closed by `close()` or, at the latest, when the object is deinitialised.
///
/// Python: `socket` and `socket.socket`. C: `socket(2)`.
public final class socket: Sendable {
    /// `socket.socket`: this type, so that `socket.socket(...)` constructs one.
    ///
    /// Python: `socket.socket`.
    public typealias socket = PySocket.socket
    /// `socket.SocketType`: the type of socket objects.
    ///
    /// Python: `socket.SocketType`.
    public typealias SocketType = PySocket.socket

    /// The descriptor, -1 once closed or detached. Every I/O call reads it (and `timeoutBits`)
    /// without a lock: an atomic load is a plain load on x86-64 and arm64, where a lock's
    /// acquire and release cost two atomic read-modify-writes on every `send` and `recv`. It is
    /// only taken by an atomic exchange (close, detach), so closing stays a single decision.
    /// `handle()` says why the two loads make a consistent view.
    let descriptor: Atomic<Int32>
    /// The timeout as `Timeout.bits`: blocking, non-blocking (0) or timeout mode (seconds).
    /// Written by `settimeout` under `lock`, read by every I/O call without it.
    let timeoutBits: Atomic<UInt64>

    /// What closing decides on, in one word changed only by atomic read-modify-writes, so that
    /// `close()` on a socket no `makefile()` object and no event loop holds is one atomic OR
    /// and one exchange: the `Mutex` it took before cost ~57 instructions per close, and its
    /// `State` (with the observer reference) ~22 more to destroy (callgrind, connect + accept).
    /// Bit 0 (`Lifecycle.closed`): `close()` ran (what `repr` shows as `[closed]`); bit 1
    /// (`Lifecycle.observed`): an event loop is told before the descriptor goes; the rest,
    /// in units of `Lifecycle.ioRef`: the open `makefile()` objects, which keep the
    /// descriptor past `close()`.
    let lifecycle = Atomic<Int>(0)

    /// The bits of `lifecycle`.
    enum Lifecycle {
        static var closed: Int { 1 }
        static var observed: Int { 2 }
        static var ioRef: Int { 4 }
    }

    /// The event loop waiting on this descriptor, told before the descriptor is closed: a
    /// retained `CloseObserverBox`, made on the first `observeClose`, so that a socket no loop
    /// ever saw holds no weak reference (creating, copying and destroying one cost about 150
    /// instructions per socket: swift_weakInit, swift_weakTakeInit, swift_weakDestroy). Written
    /// and read under `lock`; deinit releases it.
    let closeObserver = Atomic<Unmanaged<CloseObserverBox>?>(nil)

    /// A weak reference to a `SocketCloseObserver`.
    final class CloseObserverBox: Sendable {
        weak let observer: (any SocketCloseObserver)?
        init(_ observer: any SocketCloseObserver) { self.observer = observer }
    }

    /// Orders `settimeout`'s store and `fcntl`, and the close observer's changes; never held
    /// across a blocking call.
    let lock = Mutex<Void>(())
    /// The last numeric IP address this socket received from, sent to or accepted from
    /// (`Core/AddressCache.swift`); only `withAddressCache` and `keepAddress` touch it, while holding
    /// `addressCacheBusy`. A plain value with no reference in it, so destroying a socket costs
    /// nothing for it.
    @exclusivity(unchecked) nonisolated(unsafe) var addressCache = AddressCacheEntry()
    /// True while one thread uses `addressCache`: taken with one compare-and-exchange, where a
    /// `Mutex` costs a thread-id lookup per lock (socket+Methods.swift, `withAddressCache`).
    let addressCacheBusy = Atomic<Bool>(false)
    /// The OS layer this socket calls: the interface it was created with.
    package let kernel: Kernel
    /// `s.family`.
    ///
    /// Python: `socket.family`. C: the `domain` of `socket(2)`.
    public let family: AddressFamily
    /// `s.type`, without the SOCK_NONBLOCK and SOCK_CLOEXEC bits.
    ///
    /// Python: `socket.type`. C: the `type` of `socket(2)`.
    public let type: SocketKind
    /// `s.proto`.
    ///
    /// Python: `socket.proto`. C: the `protocol` of `socket(2)`.
    public let proto: Int

    /// Wraps a descriptor this object now owns; `timeout` must match its blocking mode
    /// (O_NONBLOCK set whenever `timeout` is not nil).
    package convenience init(owning fd: consuming OwnedFD, family: AddressFamily, type: SocketKind, proto: Int, timeout: Double?) {
        let kernel = fd.kernel
        self.init(owning: fd.release(), family: family, type: type, proto: proto, timeout: timeout, kernel: kernel)
    }

    /// Wraps an fd that this object now owns.
    init(owning fd: Int32, family: AddressFamily, type: SocketKind, proto: Int, timeout: Double?, kernel: Kernel) {
        self.descriptor = Atomic(fd)
        self.timeoutBits = Atomic(Timeout.bits(timeout))
        self.kernel = kernel
        self.family = family
        self.type = type
        self.proto = proto
    }

    deinit {
        let fd = descriptor.load(ordering: .relaxed)
        if fd >= 0 { kernel.closeQuietly(fd) }
        closeObserver.load(ordering: .acquiring)?.release()
    }

    /// `handle()` for a socket whose kernel is native (`kernel.isNative`), as a value the
    /// optimizer sees holds no reference (`Kernel.native`): the call retains and releases nothing.
    @inline(__always)
    package func nativeHandle() -> SocketHandle {
        SocketHandle(kernel: .native, fd: descriptor.load(ordering: .acquiring), timeoutBits: timeoutBits.load(ordering: .acquiring))
    }

    /// What one call works with: the kernel, the descriptor and the timeout, read without a lock.
    ///
    /// Why two atomic loads are a consistent view for every interleaving:
    /// - `settimeout` runs under `lock`, so timeouts change one at a time, and keeps
    ///   this invariant: while the stored timeout is nil (blocking), the descriptor is blocking.
    ///   It stores a timeout before setting O_NONBLOCK, and clears O_NONBLOCK before storing nil.
    ///   A call racing it therefore sees either the mode before or the mode after, or a timeout
    ///   with a descriptor still (or already) blocking: then the kernel blocks the call, which
    ///   is what the blocking mode on the other side of the change does. It never sees
    ///   "blocking" with a non-blocking descriptor, which would raise a spurious
    ///   BlockingIOError.
    /// - `close` and `detach` store -1 before closing. A call that loaded the descriptor before
    ///   gets EBADF, or works on a descriptor number reused by then: CPython reads `sock_fd` the
    ///   same way, without a lock, and has the same race; closing a socket another thread is
    ///   using is a bug in both.
    @inline(__always)
    package func handle() -> SocketHandle {
        SocketHandle(kernel: kernel, fd: descriptor.load(ordering: .acquiring),
                     timeoutBits: timeoutBits.load(ordering: .acquiring))
    }
}

/// Something that waits on a socket's descriptor (an event loop) and must let go of it before
/// the descriptor is closed: `close()` and `detach()` call `socketClosing` first.
package protocol SocketCloseObserver: AnyObject, Sendable {
    /// The descriptor `fd` of `sock` is about to be closed or detached: wake every operation
    /// waiting on it and forget it, before the number can be reused.
    func socketClosing(_ sock: socket, _ fd: Int32)
}

extension socket {
    /// Makes `observer` the one told before this socket's descriptor goes.
    ///
    /// The `observed` bit is set first, so that a `close()` from then on takes the locked path
    /// and either sees the observer or closes before it is stored (as a `close()` that came
    /// first does).
    package func observeClose(_ observer: any SocketCloseObserver) {
        lifecycle.bitwiseOr(Lifecycle.observed, ordering: .acquiringAndReleasing)
        lock.withLock { _ in
            let current = closeObserver.load(ordering: .acquiring)
            if current?.takeUnretainedValue().observer === observer { return }
            closeObserver.store(Unmanaged.passRetained(CloseObserverBox(observer)), ordering: .releasing)
            current?.release()
        }
    }

    /// The observer to tell before the descriptor goes; called under `lock`.
    func currentObserver() -> (any SocketCloseObserver)? {
        closeObserver.load(ordering: .acquiring)?.takeUnretainedValue().observer
    }

    /// Tells the observer (if any) that `fd` is about to go; called outside the lock.
    func notifyClosing(_ observer: (any SocketCloseObserver)?, _ fd: Int32) {
        observer?.socketClosing(self, fd)
    }
}
