// Creating, duplicating, closing and describing sockets: __init__, fileno, close, detach, dup, repr.
import Synchronization

extension socket {
    /// The system-call implementation new sockets are created with. Bind another one for a
    /// scope with `socket.$interface.withValue(MyInterface()) { ... }` (tests inject a scripted
    /// kernel this way); a socket keeps its interface for life.
    @TaskLocal public static var interface: any SocketInterface = NativeSocketInterface()

    /// `socket.socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)`: a new socket.
    ///
    /// With `fileno`, wraps that descriptor instead, reading family, type and protocol from it
    /// when they are not given (`SO_DOMAIN`, `SO_TYPE`, `SO_PROTOCOL`). The descriptor is
    /// created close-on-exec; `SOCK_NONBLOCK` in `type` makes the socket non-blocking, and
    /// otherwise the default timeout applies.
    ///
    /// Python: `socket.socket()`. C: `socket(2)` with `SOCK_CLOEXEC`.
    public convenience init(_ family: AddressFamily? = nil, _ type: SocketKind? = nil, _ proto: Int? = nil, fileno: Int32? = nil) throws {
        let os = Kernel(socket.interface)
        // -1 means "not given", as in CPython's signature.
        let givenFamily = family.flatMap { $0.rawValue == -1 ? nil : $0 }
        let givenType = type.flatMap { $0.rawValue == -1 ? nil : $0 }
        let givenProto = proto.flatMap { $0 == -1 ? nil : $0 }
        let flagBits = NativeConstants.SOCK_NONBLOCK | NativeConstants.SOCK_CLOEXEC
        if let fileno {
            guard fileno >= 0 else { throw ValueError("negative file descriptor") }
            let detected = try python { () throws(CallError) in
                try socket.detect(fileno, family: givenFamily, type: givenType, proto: givenProto, os: os)
            }
            // CPython leaves a wrapped descriptor's blocking mode alone unless a default timeout is set.
            let timeout = socket.getdefaulttimeout()
            if timeout != nil { try python { () throws(CallError) in try socket.setNonBlocking(os, fileno, true) } }
            self.init(owning: fileno, family: detected.family, type: SocketKind(detected.type & ~flagBits),
                      proto: detected.proto, timeout: timeout, os: os)
            return
        }
        let family = givenFamily ?? socket.AF_INET
        let type = givenType ?? socket.SOCK_STREAM
        let proto = givenProto ?? 0
        let owned = OwnedFD(try python { () throws(CallError) in
            try sys { () throws(Errno) in
                try os.socket(Int32(family.rawValue), Int32(type.rawValue | NativeConstants.SOCK_CLOEXEC), Int32(proto))
            }
        }, os)
        let timeout = type.rawValue & NativeConstants.SOCK_NONBLOCK != 0 ? 0 : socket.getdefaulttimeout()
        if timeout != nil && type.rawValue & NativeConstants.SOCK_NONBLOCK == 0 {
            try python { () throws(CallError) in try socket.setNonBlocking(os, owned.rawValue, true) }
        }
        self.init(owning: owned.release(), family: family, type: SocketKind(type.rawValue & ~flagBits),
                  proto: proto, timeout: timeout, os: os)
    }

    /// Reads what was not given of family, type and protocol from a descriptor.
    private static func detect(_ fd: Int32, family: AddressFamily?, type: SocketKind?, proto: Int?, os: Kernel) throws(CallError) -> (family: AddressFamily, type: Int, proto: Int) {
        func option(_ name: Int) throws(CallError) -> Int {
            var value: Int32 = 0
            var length = UInt32(MemoryLayout<Int32>.size)
            do throws(Errno) {
                try os.getsockopt(fd, Int32(NativeConstants.SOL_SOCKET), Int32(name), &value, &length)
            } catch { throw .errno(error) }
            return Int(value)
        }
        // CPython always asks getsockname, so a descriptor that is not a socket fails with
        // ENOTSOCK even when family, type and protocol are all given.
        var address = Sockaddr()
        try address.withMutablePointer { (raw, length) throws(CallError) in
            try sys { () throws(Errno) in try os.getsockname(fd, raw, &length) }
        }
        let resolvedFamily = family ?? AddressFamily(NativeSockaddr.familyOf(address))
        var resolvedType = type?.rawValue ?? 0
        if type == nil { resolvedType = try option(NativeConstants.SO_TYPE) }
        var resolvedProto = proto ?? 0
        if proto == nil { resolvedProto = try option(NativeConstants.SO_PROTOCOL) }
        return (resolvedFamily, resolvedType, resolvedProto)
    }

    /// Sets or clears O_NONBLOCK. CPython: `internal_setblocking`. C: `fcntl(2)`.
    static func setNonBlocking(_ os: Kernel, _ fd: Int32, _ nonBlocking: Bool) throws(CallError) {
        do throws(Errno) {
            let flags = try os.fcntl(fd, NativeConstants.F_GETFL, 0)
            let wanted = nonBlocking ? flags | NativeConstants.O_NONBLOCK : flags & ~NativeConstants.O_NONBLOCK
            if wanted != flags { _ = try os.fcntl(fd, NativeConstants.F_SETFL, wanted) }
        } catch { throw .errno(error) }
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
        let (fd, observer) = state.withLock { state -> (Int32, (any SocketCloseObserver)?) in
            state.closed = true
            guard state.ioRefs <= 0 else { return (-1, nil) }
            return (descriptor.exchange(-1, ordering: .acquiringAndReleasing), state.closeObserver)
        }
        guard fd >= 0 else { return }
        notifyClosing(observer, fd)
        try? os.close(fd)
    }

    /// `s.detach()`: gives up the descriptor without closing it, and returns it.
    ///
    /// Python: `socket.detach()`. C: none.
    @discardableResult
    public func detach() -> Int32 {
        let (fd, observer) = state.withLock { state -> (Int32, (any SocketCloseObserver)?) in
            state.closed = true
            return (descriptor.exchange(-1, ordering: .acquiringAndReleasing), state.closeObserver)
        }
        if fd >= 0 { notifyClosing(observer, fd) }
        return fd
    }

    /// `s.dup()`: a new socket object on a duplicate of the descriptor, with the same timeout.
    ///
    /// Python: `socket.dup()`. C: `fcntl(F_DUPFD_CLOEXEC)`.
    public func dup() throws -> socket {
        let (fd, timeout) = snapshot()
        let owned = OwnedFD(try python { () throws(CallError) in
            try sys { () throws(Errno) in try os.fcntl(fd, NativeConstants.F_DUPFD_CLOEXEC, 0) }
        }, os)
        let copy = socket(owning: owned.release(), family: family, type: type, proto: proto, timeout: nil, os: os)
        try copy.settimeout(timeout)
        return copy
    }

    /// `s.get_inheritable()`: whether the descriptor survives `exec` (it does not by default).
    ///
    /// Python: `socket.get_inheritable()`. C: `fcntl(F_GETFD)`.
    public func get_inheritable() throws -> Bool {
        let fd = fileno()
        return try python { () throws(CallError) in
            return try sys { () throws(Errno) in try os.fcntl(fd, NativeConstants.F_GETFD, 0) & NativeConstants.FD_CLOEXEC == 0 }
        }
    }

    /// `s.set_inheritable(inheritable)`: sets or clears close-on-exec.
    ///
    /// Python: `socket.set_inheritable()`. C: `fcntl(F_SETFD)`.
    public func set_inheritable(_ inheritable: Bool) throws {
        let fd = fileno()
        try python { () throws(CallError) in
            do throws(Errno) {
                let flags = try os.fcntl(fd, NativeConstants.F_GETFD, 0)
                let wanted = inheritable ? flags & ~NativeConstants.FD_CLOEXEC : flags | NativeConstants.FD_CLOEXEC
                if wanted != flags { _ = try os.fcntl(fd, NativeConstants.F_SETFD, wanted) }
            } catch { throw .errno(error) }
        }
    }

    /// The descriptor and timeout an I/O call works with, read without a lock.
    @inline(__always)
    func snapshot() -> (fd: Int32, timeout: Double?) {
        (descriptor.load(ordering: .acquiring), Timeout.value(timeoutBits.load(ordering: .acquiring)))
    }
}

extension socket: CustomStringConvertible, CustomDebugStringConvertible {
    /// `repr(s)` (and `str(s)`): `<socket.socket fd=3, family=2, type=1, proto=0, laddr=('0.0.0.0', 0)>`.
    ///
    /// Python: `socket.__repr__`. C: `getsockname(2)`, `getpeername(2)`.
    public var description: String {
        let (fd, closed) = state.withLock { (descriptor.load(ordering: .acquiring), $0.closed) }
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
