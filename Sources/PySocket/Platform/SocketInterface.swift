// The seam between PySocket and the operating system: one requirement per system call.
import CPySocket

/// An error number as the system call returned it (errno), before PySocket turns it into
/// a Python exception. Below the Python surface every call throws exactly this.
public struct Errno: Error, Hashable, Sendable, CustomStringConvertible {
    /// The errno value itself, as `<errno.h>` defines it.
    ///
    /// Python: `e.errno` of the OSError it becomes. C: `errno`.
    public var rawValue: Int32
    /// An `Errno` from the errno value `rawValue`.
    ///
    /// Python: none (below the Python surface).
    @inlinable public init(rawValue: Int32) { self.rawValue = rawValue }
    /// An `Errno` from the errno value `rawValue` (unlabelled).
    ///
    /// Python: none (below the Python surface).
    @inlinable public init(_ rawValue: Int32) { self.rawValue = rawValue }
    public var description: String { "Errno(\(rawValue))" }

    /// errno of the calling thread, read immediately after a failing call.
    @inlinable public static var current: Errno { Errno(cpy_errno()) }

    /// `EINTR`: interrupted by a signal (retried, PEP 475).
    ///
    /// Python: `errno.EINTR`. C: `<errno.h>`.
    public static let EINTR = Errno(CPySocket.EINTR)
    /// `EAGAIN`: would block (in timeout mode: wait, then retry).
    ///
    /// Python: `errno.EAGAIN`. C: `<errno.h>`.
    public static let EAGAIN = Errno(CPySocket.EAGAIN)
    /// `EWOULDBLOCK`: would block (the same value as EAGAIN on Linux).
    ///
    /// Python: `errno.EWOULDBLOCK`. C: `<errno.h>`.
    public static let EWOULDBLOCK = Errno(CPySocket.EWOULDBLOCK)
    /// `EINPROGRESS`: a non-blocking connect is under way.
    ///
    /// Python: `errno.EINPROGRESS`. C: `<errno.h>`.
    public static let EINPROGRESS = Errno(CPySocket.EINPROGRESS)
    /// `EBADF`: not an open descriptor.
    ///
    /// Python: `errno.EBADF`. C: `<errno.h>`.
    public static let EBADF = Errno(CPySocket.EBADF)
    /// `EISCONN`: already connected.
    ///
    /// Python: `errno.EISCONN`. C: `<errno.h>`.
    public static let EISCONN = Errno(CPySocket.EISCONN)
    /// `EINVAL`: invalid argument.
    ///
    /// Python: `errno.EINVAL`. C: `<errno.h>`.
    public static let EINVAL = Errno(CPySocket.EINVAL)
    /// `ETIMEDOUT`: timed out in the kernel.
    ///
    /// Python: `errno.ETIMEDOUT`. C: `<errno.h>`.
    public static let ETIMEDOUT = Errno(CPySocket.ETIMEDOUT)
    /// `ENOTSOCK`: the descriptor is not a socket.
    ///
    /// Python: `errno.ENOTSOCK`. C: `<errno.h>`.
    public static let ENOTSOCK = Errno(CPySocket.ENOTSOCK)
    /// `EPIPE`: the peer closed: BrokenPipeError.
    ///
    /// Python: `errno.EPIPE`. C: `<errno.h>`.
    public static let EPIPE = Errno(CPySocket.EPIPE)
    /// `ECONNRESET`: reset by the peer: ConnectionResetError.
    ///
    /// Python: `errno.ECONNRESET`. C: `<errno.h>`.
    public static let ECONNRESET = Errno(CPySocket.ECONNRESET)
}

/// Which readiness a blocked operation waits for.
public enum PollEvent: Sendable {
    /// `readable`: wait for POLLIN (a receive or accept); `writable`: wait for POLLOUT (a send or connect).
    ///
    /// Python: none (CPython's `internal_select` takes a `writing` flag). C: `POLLIN`, `POLLOUT`.
    case readable, writable
}

/// The operating system as PySocket sees it: one requirement per system call, named after it,
/// with the C call's arguments and no retry (EINTR and EAGAIN are thrown as they come). The
/// platform's policy is the conformer's: it creates every descriptor close-on-exec and never
/// lets a send raise SIGPIPE, so PySocket passes the flags the Python caller gave.
///
/// Conformers: the Linux one (`LinuxSocketInterface`, the `NativeSocketInterface` here) and the
/// scripted kernel of the tests. A user can inject their own with
/// `socket.$interface.withValue(...)`: a socket keeps the interface it was created with for its
/// whole life, reached through its `Kernel` (Core/Kernel.swift).
public protocol SocketInterface: Sendable {
    /// C: `socket(2)`, close-on-exec. `type` may carry SOCK_NONBLOCK.
    func socket(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> Int32
    /// C: `socketpair(2)`, close-on-exec.
    func socketpair(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> (Int32, Int32)
    /// C: `close(2)`.
    func close(_ fd: Int32) throws(Errno)
    /// C: `bind(2)`.
    func bind(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno)
    /// C: `connect(2)`.
    func connect(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno)
    /// C: `listen(2)`.
    func listen(_ fd: Int32, _ backlog: Int32) throws(Errno)
    /// C: `accept4(2)`, close-on-exec (or `accept(2)` then `fcntl` where accept4 is missing).
    func accept(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32, _ flags: Int32) throws(Errno) -> Int32
    /// C: `send(2)`, never raising SIGPIPE (EPIPE is thrown).
    func send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32) throws(Errno) -> Int
    /// C: `sendto(2)`, never raising SIGPIPE.
    func sendto(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) -> Int
    /// C: `sendmsg(2)`, never raising SIGPIPE.
    func sendmsg(_ fd: Int32, _ message: UnsafePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int
    /// C: `recv(2)`.
    func recv(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32) throws(Errno) -> Int
    /// C: `recvfrom(2)`.
    func recvfrom(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) -> Int
    /// C: `recvmsg(2)`; received descriptors are close-on-exec.
    func recvmsg(_ fd: Int32, _ message: UnsafeMutablePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int
    /// C: `shutdown(2)`.
    func shutdown(_ fd: Int32, _ how: Int32) throws(Errno)
    /// C: `getsockname(2)`.
    func getsockname(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno)
    /// C: `getpeername(2)`.
    func getpeername(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno)
    /// C: `getsockopt(2)`.
    func getsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno)
    /// C: `setsockopt(2)`.
    func setsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeRawPointer?, _ length: UInt32) throws(Errno)
    /// C: `fcntl(2)` with an int argument (F_GETFL, F_SETFL, F_GETFD, F_SETFD, F_DUPFD_CLOEXEC).
    func fcntl(_ fd: Int32, _ command: Int32, _ argument: Int32) throws(Errno) -> Int32
    /// C: `poll(2)` on one descriptor. Returns `revents`, 0 when the timeout expired.
    /// `timeout` is in milliseconds, -1 for none.
    func poll(_ fd: Int32, _ events: Int16, _ timeout: Int32) throws(Errno) -> Int16
    /// C: `ppoll(2)` on one descriptor, the timeout to the nanosecond (nil: none), so a wait
    /// ends when the deadline does and not up to a millisecond later. Returns `revents`, 0 when
    /// the timeout expired. A conformer without it gets `poll` with the timeout rounded up to
    /// the millisecond (the extension below).
    func poll(_ fd: Int32, _ events: Int16, nanoseconds: UInt64?) throws(Errno) -> Int16
    /// C: `clock_gettime(CLOCK_MONOTONIC)`, in nanoseconds.
    func monotonicNanoseconds() -> UInt64
    /// C: `sendfile(2)` of up to `count` bytes from `inFD` at `offset` (advanced by the count
    /// sent) to `outFD`. A send to a closed peer throws EPIPE without raising SIGPIPE.
    func sendfile(_ outFD: Int32, _ inFD: Int32, _ offset: inout Int64, _ count: Int) throws(Errno) -> Int
    /// C: `pread(2)`: up to `buffer.count` bytes of `fd` at `offset`; the file position stays.
    func pread(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ offset: Int64) throws(Errno) -> Int
}

extension SocketInterface {
    /// `poll(fd, events, timeout)` with the timeout rounded up to the millisecond (CPython's
    /// `_PyTime_ROUND_CEILING`) and clamped to `Int32.max`: the wait of a conformer that has no
    /// nanosecond one (the scripted kernel of the tests logs these milliseconds).
    ///
    /// C: `poll(2)`.
    public func poll(_ fd: Int32, _ events: Int16, nanoseconds: UInt64?) throws(Errno) -> Int16 {
        guard let nanoseconds else { return try poll(fd, events, -1) }
        let milliseconds = nanoseconds / 1_000_000 + (nanoseconds % 1_000_000 == 0 ? 0 : 1)
        return try poll(fd, events, milliseconds > UInt64(Int32.max) ? Int32.max : Int32(milliseconds))
    }
}

/// A failed name resolution: the EAI_* code, and errno when the code is EAI_SYSTEM (read right
/// after the call). `pythonError` (Errors/Conversion.swift) makes it CPython's exception.
package struct ResolveError: Error {
    package var code: Int32
    package var errno: Int32
}
