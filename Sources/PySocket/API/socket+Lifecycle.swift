// Creating, duplicating, closing and describing sockets: __init__, fileno, close, detach, dup, repr.
import Synchronization

/// The Swift runtime's task-local lookup (`swift_task_localValueGet`, what `TaskLocal.get()`
/// calls): the bound value's storage for the `TaskLocal` object `key`, or nil when no scope of
/// the current task or thread binds it. See `socket.currentKernel()`.
@_silgen_name("swift_task_localValueGet")
private func taskLocalValueGet(_ key: UInt) -> UnsafeMutableRawPointer?

/// The address of `socket.$interface` (the `TaskLocal` object, never deallocated), 0 until the
/// first `currentKernel()`: a constant-initialised global, read without the `swift_once` that
/// reaching `socket.$interface` (a lazy static) costs each time, ~13 instructions.
private let interfaceKey = Atomic<UInt>(0)

extension socket {
    /// The system-call implementation new sockets are created with. Bind another one for a
    /// scope with `socket.$interface.withValue(MyInterface()) { ... }` (tests inject a scripted
    /// kernel this way); a socket keeps its interface for life.
    ///
    /// Python: none (PySocket's seam).
    @TaskLocal public static var interface: any SocketInterface = NativeSocketInterface()

    /// The kernel a new socket gets: `socket.interface`'s, as `Kernel.native` (no reference to
    /// count) when it is the native interface.
    ///
    /// Read without `TaskLocal.get()`: that copies the bound existential out (or the default),
    /// and the caller then tests and destroys it, ~140 instructions per `socket()` of which
    /// the lookup is a third (callgrind, connect + accept). This asks the runtime's lookup
    /// directly, the call `get()` itself makes with the same key (the `TaskLocal` object), and
    /// reads the bound value in place only when a scope bound one: no binding, the native
    /// kernel at once. The tests that inject a scripted kernel through `socket.$interface`
    /// (CoreTests) fail if this ever stopped seeing a binding.
    @inline(__always)
    static func currentKernel() -> Kernel {
        var key = interfaceKey.load(ordering: .relaxed)
        if key == 0 {
            key = UInt(bitPattern: Unmanaged.passUnretained(socket.$interface).toOpaque())
            interfaceKey.store(key, ordering: .relaxed)
        }
        guard let bound = taskLocalValueGet(key) else { return .native }
        let interface = bound.assumingMemoryBound(to: (any SocketInterface).self)
        return Kernel.isNativeInterface(interface.pointee) ? .native : Kernel(interface.pointee)
    }

    /// `socket.socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)`: a new socket.
    ///
    /// With `fileno`, wraps that descriptor instead, reading family, type and protocol from it
    /// when they are not given (`SO_DOMAIN`, `SO_TYPE`, `SO_PROTOCOL`). The descriptor is
    /// created close-on-exec; `SOCK_NONBLOCK` in `type` makes the socket non-blocking, and
    /// otherwise the default timeout applies. A family, type or protocol beyond a C int raises
    /// `OverflowError('Python int too large to convert to C int')`, as in CPython.
    ///
    /// Python: `socket.socket()`. C: `socket(2)` with `SOCK_CLOEXEC`.
    public convenience init(_ family: AddressFamily? = nil, _ type: SocketKind? = nil, _ proto: Int? = nil, fileno: Int32? = nil) throws {
        try self.init(creating: family, type, proto, fileno: fileno.map(Int.init))
    }

    /// `socket.socket(family, type, proto, fileno)`: wraps the descriptor `fileno`, given by
    /// position as Python allows (an `Int` or an `Int32`).
    ///
    /// As CPython, the number is cut to a C int first: one that comes out negative raises
    /// `ValueError('negative file descriptor')`.
    ///
    /// Python: `socket.socket(family, type, proto, fileno)`. C: `getsockname(2)`, `getsockopt(2)`.
    public convenience init<FD: BinaryInteger>(_ family: AddressFamily?, _ type: SocketKind?, _ proto: Int?, _ fileno: FD) throws {
        try self.init(creating: family, type, proto, fileno: Int(truncatingIfNeeded: fileno))
    }

    /// `socket.socket(fileno=fd)` with the descriptor as any integer (`Int` as Python has it).
    ///
    /// Python: `socket.socket(fileno=fd)`. C: `getsockname(2)`, `getsockopt(2)`.
    public convenience init<FD: BinaryInteger>(_ family: AddressFamily? = nil, _ type: SocketKind? = nil, _ proto: Int? = nil, fileno: FD) throws {
        try self.init(creating: family, type, proto, fileno: Int(truncatingIfNeeded: fileno))
    }

    /// CPython's `sock_initobj`.
    private convenience init(creating family: AddressFamily?, _ type: SocketKind?, _ proto: Int?, fileno: Int?) throws {
        let kernel = socket.currentKernel()
        // The native kernel as `Kernel.native`, so that its side holds no reference to count
        // (callgrind: a retain and a release of nil, ~20 instructions per socket, otherwise).
        if kernel.isNative {
            try self.init(creating: family, type, proto, fileno: fileno, kernel: .native)
        } else {
            try self.init(creating: family, type, proto, fileno: fileno, kernel: kernel)
        }
    }

    /// `sock_initobj` with the socket's kernel.
    @inline(__always)
    private convenience init(creating family: AddressFamily?, _ type: SocketKind?, _ proto: Int?, fileno: Int?, kernel: Kernel) throws {
        // CPython reads the three with PyLong_AsInt; -1 means "not given", as in its signature.
        let givenFamily = try family.flatMap { try pyLongAsInt($0.rawValue) == -1 ? nil : $0 }
        let givenType = try type.flatMap { try pyLongAsInt($0.rawValue) == -1 ? nil : $0 }
        let givenProto = try proto.flatMap { try pyLongAsInt($0) == -1 ? nil : $0 }
        let flagBits = NativeConstants.SOCK_NONBLOCK | NativeConstants.SOCK_CLOEXEC
        if let fileno {
            // CPython: `(SOCKET_T)PyLong_AsLong(fdobj)`, a cast to a C int, then the sign check.
            let fileno = Int32(truncatingIfNeeded: fileno)
            guard fileno >= 0 else { throw ValueError("negative file descriptor") }
            let detected = try callNow(kernel.describe(fileno, family: givenFamily?.rawValue, type: givenType?.rawValue, proto: givenProto))
            // CPython leaves a wrapped descriptor's blocking mode alone unless a default timeout is set.
            let timeout = socket.getdefaulttimeout()
            if timeout != nil { try callNow(kernel.setNonBlocking(fileno, true)) }
            self.init(owning: fileno, family: AddressFamily(detected.family), type: SocketKind(detected.type & ~flagBits),
                      proto: detected.proto, timeout: timeout, kernel: kernel)
            return
        }
        let family = givenFamily ?? socket.AF_INET
        let type = givenType ?? socket.SOCK_STREAM
        let proto = givenProto ?? 0
        // All three were checked above to fit a C int.
        let owned = try callNow(kernel.openSocket(Int32(family.rawValue), Int32(type.rawValue), Int32(proto)))
        let timeout = type.rawValue & NativeConstants.SOCK_NONBLOCK != 0 ? 0 : socket.getdefaulttimeout()
        if timeout != nil && type.rawValue & NativeConstants.SOCK_NONBLOCK == 0 {
            try callNow(kernel.setNonBlocking(owned.rawValue, true))
        }
        self.init(owning: owned, family: family, type: SocketKind(type.rawValue & ~flagBits), proto: proto, timeout: timeout)
    }

    /// `s.fileno()`: the descriptor, or -1 once closed or detached.
    ///
    /// Python: `socket.fileno()`. C: none.
    public func fileno() -> Int32 {
        descriptor.load(ordering: .acquiring)
    }

    /// `s.close()`: closes the descriptor; closing twice is harmless.
    ///
    /// The descriptor is released at once unless a `makefile()` object still uses it, as in
    /// CPython.
    ///
    /// Python: `socket.close()`. C: `close(2)`.
    ///
    /// Differs from CPython: never throws, so that `defer { s.close() }` ports `with`; CPython
    /// raises an error of `close(2)` other than ECONNRESET (only possible when something else
    /// closed the descriptor behind the socket's back).
    public func close() {
        let before = lifecycle.bitwiseOr(Lifecycle.closed, ordering: .acquiringAndReleasing).oldValue
        // No makefile() object and no event loop: the exchange is the whole decision.
        guard before & ~Lifecycle.closed == 0 else { return closeObserved() }
        let fd = descriptor.exchange(-1, ordering: .acquiringAndReleasing)
        if fd >= 0 { kernel.closeQuietly(fd) }
    }

    /// `close()` when a `makefile()` object is open (the descriptor stays) or an event loop
    /// may be waiting on the descriptor (told first, outside the lock).
    @inline(never)
    private func closeObserved() {
        let (fd, observer) = lock.withLock { _ -> (Int32, (any SocketCloseObserver)?) in
            guard lifecycle.load(ordering: .acquiring) < Lifecycle.ioRef else { return (-1, nil) }
            return (descriptor.exchange(-1, ordering: .acquiringAndReleasing), currentObserver())
        }
        guard fd >= 0 else { return }
        notifyClosing(observer, fd)
        kernel.closeQuietly(fd)
    }

    /// `s.detach()`: gives up the descriptor without closing it, and returns it.
    ///
    /// Python: `socket.detach()`. C: none.
    @discardableResult
    public func detach() -> Int32 {
        lifecycle.bitwiseOr(Lifecycle.closed, ordering: .acquiringAndReleasing)
        let (fd, observer) = lock.withLock { _ -> (Int32, (any SocketCloseObserver)?) in
            (descriptor.exchange(-1, ordering: .acquiringAndReleasing), currentObserver())
        }
        if fd >= 0 { notifyClosing(observer, fd) }
        return fd
    }

    /// `s.dup()`: a new socket object on a duplicate of the descriptor, with the same timeout.
    ///
    /// Python: `socket.dup()`. C: `fcntl(F_DUPFD_CLOEXEC)`.
    public func dup() throws -> socket {
        let handle = handle()
        let owned = try callNow(handle.duplicate())
        let copy = socket(owning: owned, family: family, type: type, proto: proto, timeout: nil)
        try copy.settimeout(handle.timeout)
        return copy
    }

    /// `s.get_inheritable()`: whether the descriptor survives `exec` (it does not by default).
    ///
    /// Python: `socket.get_inheritable()`. C: `fcntl(F_GETFD)`.
    public func get_inheritable() throws -> Bool {
        return try callNow(handle().isInheritable())
    }

    /// `s.set_inheritable(inheritable)`: sets or clears close-on-exec.
    ///
    /// Python: `socket.set_inheritable()`. C: `fcntl(F_SETFD)`.
    public func set_inheritable(_ inheritable: Bool) throws {
        try callNow(handle().setInheritable(inheritable))
    }
}

extension socket: CustomStringConvertible, CustomDebugStringConvertible {
    /// `repr(s)` (and `str(s)`): `<socket.socket fd=3, family=2, type=1, proto=0, laddr=('0.0.0.0', 0)>`.
    ///
    /// Python: `socket.__repr__`. C: `getsockname(2)`, `getpeername(2)`.
    public var description: String {
        let closed = lifecycle.load(ordering: .acquiring) & Lifecycle.closed != 0
        let fd = descriptor.load(ordering: .acquiring)
        var text = "<socket.socket\(closed ? " [closed]" : "") fd=\(fd), family=\(family), type=\(type), proto=\(proto)"
        if !closed {
            if let local = try? getsockname(), local.isTruthy { text += ", laddr=\(local)" }
            if let remote = try? getpeername(), remote.isTruthy { text += ", raddr=\(remote)" }
        }
        return text + ">"
    }

    public var debugDescription: String { description }
}

extension SocketAddress {
    /// Python's truth value of the address: an empty path or `None` is false.
    var isTruthy: Bool {
        switch self {
        case .unix(let path): return !path.isEmpty
        case .unixBytes(let data): return !data.isEmpty
        case .noAddress: return false
        default: return true
        }
    }
}
