// select.select: wait until sockets are readable or writable, as Python's select module does.
import PySocket

/// A value `select.select` can wait on: a socket (its `fileno()`) or a file descriptor number.
///
/// Python: an object with `fileno()`, or an int.
public protocol SelectableFile {
    /// The file descriptor to wait on; -1 for a closed socket.
    var selectDescriptor: Int { get }
}

extension socket: SelectableFile {
    /// The socket's `fileno()`.
    ///
    /// Python: `socket.fileno()`.
    public var selectDescriptor: Int { Int(fileno()) }
}

extension Int: SelectableFile {
    /// The number itself, a file descriptor.
    ///
    /// Python: an int passed to `select.select`.
    public var selectDescriptor: Int { self }
}

/// `import select`: waiting on several sockets at once.
///
/// Python: `select`.
public enum select {
    /// `select.select(rlist, wlist, xlist, timeout=None)`: waits until some of `rlist` can be read
    /// (data, a connection to accept, or end of stream), some of `wlist` written, or some of
    /// `xlist` has an exceptional condition (urgent data), or `timeout` seconds pass; returns
    /// the three lists of the ready ones, in their given order (all empty on timeout).
    ///
    /// Python: `select.select`. C: `poll(2)`, retried with the time left after a signal.
    /// - Throws: `ValueError('timeout must be non-negative')`, `ValueError('file descriptor cannot
    ///   be a negative integer (-1)')` for a closed socket, `ValueError('filedescriptor out of
    ///   range in select()')` for an fd of 1024 or more, `OSError(EBADF)` for an fd not open.
    ///
    /// Differs from CPython: the three lists hold one type (write `[] as [socket]` when all are
    /// empty).
    public static func select<File: SelectableFile>(
        _ rlist: [File], _ wlist: [File], _ xlist: [File], _ timeout: Double? = nil
    ) throws -> ([File], [File], [File]) {
        if let timeout {
            if timeout.isNaN { throw ValueError("Invalid value NaN (not a number)") }
            if timeout < 0 { throw ValueError("timeout must be non-negative") }
            guard timeout * 1e9 < 9.223372036854775807e18 else {
                throw OverflowError("timeout is too large")
            }
        }
        var entries: [(fd: Int32, events: Int16)] = []
        for (list, event) in [(rlist, SystemFiles.pollIn), (wlist, SystemFiles.pollOut), (xlist, SystemFiles.pollPri)] {
            for file in list {
                let fd = file.selectDescriptor
                if fd < 0 { throw ValueError("file descriptor cannot be a negative integer (\(fd))") }
                guard fd < 1024, let small = Int32(exactly: fd) else {
                    throw ValueError("filedescriptor out of range in select()")
                }
                entries.append((small, event))
            }
        }
        let revents: [Int16]
        switch SystemFiles.poll(entries, timeout: timeout) {
        case .success(let result): revents = result
        case .failure(let error): throw OSError.from(errno: error.code, SystemFiles.strerror(error.code))
        }
        if revents.contains(where: { $0 & SystemFiles.pollNval != 0 }) {
            let ebadf = 9
            throw OSError.from(errno: ebadf, SystemFiles.strerror(ebadf))
        }
        var index = 0
        func ready(_ list: [File], _ mask: Int16) -> [File] {
            var out: [File] = []
            for file in list {
                if revents[index] & mask != 0 { out.append(file) }
                index += 1
            }
            return out
        }
        let readable = ready(rlist, SystemFiles.pollIn | SystemFiles.pollHup | SystemFiles.pollErr)
        let writable = ready(wlist, SystemFiles.pollOut | SystemFiles.pollErr)
        let exceptional = ready(xlist, SystemFiles.pollPri)
        return (readable, writable, exceptional)
    }
}
