// The seam between PySocket and the operating system: one requirement per system call.
import CPySocket

/// An error number as the system call returned it (errno), before PySocket turns it into
/// a Python exception. Below the Python surface every call throws exactly this.
///
/// Python: none (below the Python surface; it becomes `OSError.errno`). C: `errno`.
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
    ///
    /// Python: none (Python reads it into `OSError.errno` for you). C: `errno`.
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
///
/// Python: none (CPython's `internal_select` takes a `writing` flag). C: `POLLIN`, `POLLOUT`.
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
///
/// Python: none (PySocket's seam: tests and users inject a kernel of their own). C: one requirement per call below.
public protocol SocketInterface: Sendable {
    /// Creates a socket descriptor, close-on-exec; `type` may carry SOCK_NONBLOCK.
    ///
    /// Python: none (PySocket's seam; `socket.socket()` reaches it). C: `socket(2)`.
    func socket(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> Int32
    /// Creates a connected pair of socket descriptors, close-on-exec.
    ///
    /// Python: none (PySocket's seam; `socket.socketpair()` reaches it). C: `socketpair(2)`.
    func socketpair(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> (Int32, Int32)
    /// Closes a descriptor.
    ///
    /// Python: none (PySocket's seam; `socket.close()` reaches it). C: `close(2)`.
    func close(_ fd: Int32) throws(Errno)
    /// Binds a socket to a `sockaddr` of `length` bytes.
    ///
    /// Python: none (PySocket's seam; `socket.bind()` reaches it). C: `bind(2)`.
    func bind(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno)
    /// Connects a socket to a `sockaddr` of `length` bytes.
    ///
    /// Python: none (PySocket's seam; `socket.connect()` reaches it). C: `connect(2)`.
    func connect(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno)
    /// Marks a socket as accepting connections.
    ///
    /// Python: none (PySocket's seam; `socket.listen()` reaches it). C: `listen(2)`.
    func listen(_ fd: Int32, _ backlog: Int32) throws(Errno)
    /// Accepts a connection, close-on-exec; the peer's address is written to `address`.
    ///
    /// Python: none (PySocket's seam; `socket.accept()` reaches it). C: `accept4(2)` (or `accept(2)` then `fcntl(2)` where accept4 is missing).
    func accept(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32, _ flags: Int32) throws(Errno) -> Int32
    /// Sends bytes on a connected socket, never raising SIGPIPE (EPIPE is thrown).
    ///
    /// Python: none (PySocket's seam; `socket.send()` and `sendall()` reach it). C: `send(2)`.
    func send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32) throws(Errno) -> Int
    /// Sends bytes to a `sockaddr`, never raising SIGPIPE.
    ///
    /// Python: none (PySocket's seam; `socket.sendto()` reaches it). C: `sendto(2)`.
    func sendto(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) -> Int
    /// Sends a `msghdr` (scatter buffers, ancillary data), never raising SIGPIPE.
    ///
    /// Python: none (PySocket's seam; `socket.sendmsg()` reaches it). C: `sendmsg(2)`.
    func sendmsg(_ fd: Int32, _ message: UnsafePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int
    /// Receives bytes from a socket into `buffer`.
    ///
    /// Python: none (PySocket's seam; `socket.recv()` and `recv_into()` reach it). C: `recv(2)`.
    func recv(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32) throws(Errno) -> Int
    /// Receives bytes and the sender's `sockaddr`.
    ///
    /// Python: none (PySocket's seam; `socket.recvfrom()` reaches it). C: `recvfrom(2)`.
    func recvfrom(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) -> Int
    /// Receives into a `msghdr`; received descriptors are close-on-exec.
    ///
    /// Python: none (PySocket's seam; `socket.recvmsg()` reaches it). C: `recvmsg(2)` with `MSG_CMSG_CLOEXEC`.
    func recvmsg(_ fd: Int32, _ message: UnsafeMutablePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int
    /// Shuts down one or both directions of a connection.
    ///
    /// Python: none (PySocket's seam; `socket.shutdown()` reaches it). C: `shutdown(2)`.
    func shutdown(_ fd: Int32, _ how: Int32) throws(Errno)
    /// Writes the socket's own `sockaddr` to `address`.
    ///
    /// Python: none (PySocket's seam; `socket.getsockname()` reaches it). C: `getsockname(2)`.
    func getsockname(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno)
    /// Writes the peer's `sockaddr` to `address`.
    ///
    /// Python: none (PySocket's seam; `socket.getpeername()` reaches it). C: `getpeername(2)`.
    func getpeername(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno)
    /// Reads a socket option into `value`.
    ///
    /// Python: none (PySocket's seam; `socket.getsockopt()` reaches it). C: `getsockopt(2)`.
    func getsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno)
    /// Sets a socket option from `value`.
    ///
    /// Python: none (PySocket's seam; `socket.setsockopt()` reaches it). C: `setsockopt(2)`.
    func setsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeRawPointer?, _ length: UInt32) throws(Errno)
    /// Runs an `fcntl` command with an int argument (F_GETFL, F_SETFL, F_GETFD, F_SETFD, F_DUPFD_CLOEXEC).
    ///
    /// Python: none (PySocket's seam; `setblocking()`, `settimeout()`, `dup()`, `set_inheritable()` reach it). C: `fcntl(2)`.
    func fcntl(_ fd: Int32, _ command: Int32, _ argument: Int32) throws(Errno) -> Int32
    /// Waits for `events` on one descriptor; returns `revents`, 0 when the timeout expired.
    /// `timeout` is in milliseconds, -1 for none.
    ///
    /// Python: none (PySocket's seam; a socket with a timeout waits in it, as CPython's `internal_select`). C: `poll(2)`.
    func poll(_ fd: Int32, _ events: Int16, _ timeout: Int32) throws(Errno) -> Int16
    /// Waits for `events` on one descriptor, the timeout to the nanosecond (nil: none), so a wait
    /// ends when the deadline does and not up to a millisecond later. Returns `revents`, 0 when
    /// the timeout expired. A conformer without it gets `poll` with the timeout rounded up to
    /// the millisecond (the extension below).
    ///
    /// Python: none (PySocket's seam; a socket with a timeout waits in it, as CPython's `internal_select`). C: `ppoll(2)`.
    func poll(_ fd: Int32, _ events: Int16, nanoseconds: UInt64?) throws(Errno) -> Int16
    /// The monotonic clock, in nanoseconds: the deadlines of timeouts are read from it.
    ///
    /// Python: none (PySocket's seam; CPython uses `_PyTime_GetMonotonicClock`). C: `clock_gettime(2)` with `CLOCK_MONOTONIC`.
    func monotonicNanoseconds() -> UInt64
    /// Sends up to `count` bytes from `inFD` at `offset` (advanced by the count sent) to `outFD`.
    /// A send to a closed peer throws EPIPE without raising SIGPIPE.
    ///
    /// Python: none (PySocket's seam; `socket.sendfile()` reaches it). C: `sendfile(2)`.
    func sendfile(_ outFD: Int32, _ inFD: Int32, _ offset: inout Int64, _ count: Int) throws(Errno) -> Int
    /// Reads up to `buffer.count` bytes of `fd` at `offset`; the file position stays.
    ///
    /// Python: none (PySocket's seam; `socket.sendfile()`'s fallback reads the file with it). C: `pread(2)`.
    func pread(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ offset: Int64) throws(Errno) -> Int
}

extension SocketInterface {
    /// `poll(fd, events, timeout)` with the timeout rounded up to the millisecond (CPython's
    /// `_PyTime_ROUND_CEILING`) and clamped to `Int32.max`: the wait of a conformer that has no
    /// nanosecond one (the scripted kernel of the tests logs these milliseconds).
    ///
    /// Python: none (PySocket's seam; CPython rounds the same way in `internal_select`). C: `poll(2)`.
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
