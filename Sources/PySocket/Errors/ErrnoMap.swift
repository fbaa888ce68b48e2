// The errno -> OSError-subclass table (CPython's, as data), and `OSError.from(errno:)` built on it.

/// CPython's table of which OSError subclass an errno value raises, as data.
enum ErrnoMap {
    /// The pairs of CPython's `Objects/exceptions.c` (the `ADD_ERRNO` list), in its order, with
    /// this platform's values. CPython 3.13 also maps `ENOTCAPABLE` to PermissionError where the
    /// platform defines it (WASI, FreeBSD); neither Linux nor Darwin does.
    static let entries: [(errno: Int, subclass: OSError.Type)] = [
        (NativeErrno.EAGAIN, BlockingIOError.self),
        (NativeErrno.EALREADY, BlockingIOError.self),
        (NativeErrno.EINPROGRESS, BlockingIOError.self),
        (NativeErrno.EWOULDBLOCK, BlockingIOError.self),
        (NativeErrno.EPIPE, BrokenPipeError.self),
        (NativeErrno.ESHUTDOWN, BrokenPipeError.self),
        (NativeErrno.ECHILD, ChildProcessError.self),
        (NativeErrno.ECONNABORTED, ConnectionAbortedError.self),
        (NativeErrno.ECONNREFUSED, ConnectionRefusedError.self),
        (NativeErrno.ECONNRESET, ConnectionResetError.self),
        (NativeErrno.EEXIST, FileExistsError.self),
        (NativeErrno.ENOENT, FileNotFoundError.self),
        (NativeErrno.EISDIR, IsADirectoryError.self),
        (NativeErrno.ENOTDIR, NotADirectoryError.self),
        (NativeErrno.EINTR, InterruptedError.self),
        (NativeErrno.EACCES, PermissionError.self),
        (NativeErrno.EPERM, PermissionError.self),
        (NativeErrno.ESRCH, ProcessLookupError.self),
        (NativeErrno.ETIMEDOUT, TimeoutError.self),
    ]

    /// `entries` keyed by errno (EAGAIN and EWOULDBLOCK share a value on Linux).
    static let subclasses: [Int: OSError.Type] =
        Dictionary(entries.map { ($0.errno, $0.subclass) }, uniquingKeysWith: { first, _ in first })

    /// The class CPython's `OSError(errno, strerror)` constructs for `errno`.
    static func subclass(for errno: Int) -> OSError.Type {
        subclasses[errno] ?? OSError.self
    }
}

extension OSError {
    /// `OSError(errno, strerror[, filename])`: the exception, of the subclass CPython picks:
    /// `ConnectionRefusedError(111, 'Connection refused')` for `from(errno: 111)`, and so on
    /// through CPython's errno table; `strerror` defaults to the C library's message.
    ///
    /// Python: `OSError(errno, strerror, filename)` (`OSError.__new__`). C: `strerror(3)`.
    ///
    /// Differs from CPython: Swift initialisers cannot return a subclass, so this is a static
    /// function; `OSError(111, "...")` itself stays an `OSError`.
    public static func from(errno: Int, _ strerror: String? = nil, _ filename: String? = nil) -> OSError {
        let message = strerror ?? NativeLibc.strerror(Int32(clamping: errno))
        var args: [Argument] = [.int(errno), .str(message)]
        if let filename { args.append(.str(filename)) }
        return ErrnoMap.subclass(for: errno).init(args: args)
    }
}
