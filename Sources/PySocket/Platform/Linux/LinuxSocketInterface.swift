// The Linux system calls behind the seam: one thin wrapper per call, errno read at once.
#if os(Linux) && canImport(Glibc)
import Glibc
import CPySocket

/// `SocketInterface` over the Linux kernel. Each method is the system call: it returns the
/// result or throws the errno read immediately after the failure. The platform's policy is
/// applied here and nowhere else:
/// - every descriptor is created close-on-exec (`SOCK_CLOEXEC` on `socket`, `socketpair` and
///   `accept4`; `MSG_CMSG_CLOEXEC` on `recvmsg`, reported in `msg_flags` only when asked for);
/// - no send raises SIGPIPE (`MSG_NOSIGNAL` on `send`, `sendto` and `sendmsg`; `sendfile`
///   blocks the signal around the call).
///
/// Python: none (PySocket's seam: the interface every socket uses unless another is injected). C: the calls of `SocketInterface`.
public struct LinuxSocketInterface: SocketInterface {
    /// The Linux kernel's interface; it holds no state, so every instance is the same.
    ///
    /// Python: none (PySocket's seam).
    public init() {}

    // The policy flags, as expressions the optimizer folds into the call.
    @inline(__always) private static var cloexec: Int32 { Int32(SOCK_CLOEXEC.rawValue) }
    @inline(__always) private static var noSignal: Int32 { Int32(MSG_NOSIGNAL) }
    @inline(__always) private static var cmsgCloexec: Int32 { Int32(MSG_CMSG_CLOEXEC) }

    @inline(__always)
    private func check(_ result: Int32) throws(Errno) -> Int32 {
        if result < 0 { throw Errno.current }
        return result
    }

    @inline(__always)
    private func check(_ result: Int) throws(Errno) -> Int {
        if result < 0 { throw Errno.current }
        return result
    }

    public func socket(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> Int32 {
        try check(Glibc.socket(domain, type | Self.cloexec, proto))
    }

    public func socketpair(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> (Int32, Int32) {
        var fds: (Int32, Int32) = (-1, -1)
        let result = withUnsafeMutableBytes(of: &fds) { raw in
            Glibc.socketpair(domain, type | Self.cloexec, proto, raw.baseAddress!.assumingMemoryBound(to: Int32.self))
        }
        _ = try check(result)
        return fds
    }

    public func close(_ fd: Int32) throws(Errno) {
        _ = try check(Glibc.close(fd))
    }

    public func bind(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) {
        _ = try check(Glibc.bind(fd, address.assumingMemoryBound(to: sockaddr.self), length))
    }

    public func connect(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) {
        _ = try check(Glibc.connect(fd, address.assumingMemoryBound(to: sockaddr.self), length))
    }

    public func listen(_ fd: Int32, _ backlog: Int32) throws(Errno) {
        _ = try check(Glibc.listen(fd, backlog))
    }

    public func accept(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32, _ flags: Int32) throws(Errno) -> Int32 {
        try check(cpy_accept4(fd, address.assumingMemoryBound(to: sockaddr.self), &length, flags | Self.cloexec))
    }

    public func send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32) throws(Errno) -> Int {
        try check(Glibc.send(fd, buffer.baseAddress, buffer.count, flags | Self.noSignal))
    }

    public func sendto(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) -> Int {
        try check(Glibc.sendto(fd, buffer.baseAddress, buffer.count, flags | Self.noSignal, address.assumingMemoryBound(to: sockaddr.self), length))
    }

    public func sendmsg(_ fd: Int32, _ message: UnsafePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int {
        try check(Glibc.sendmsg(fd, message, flags | Self.noSignal))
    }

    public func recv(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32) throws(Errno) -> Int {
        try check(Glibc.recv(fd, buffer.baseAddress, buffer.count, flags))
    }

    public func recvfrom(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) -> Int {
        try check(Glibc.recvfrom(fd, buffer.baseAddress, buffer.count, flags, address.assumingMemoryBound(to: sockaddr.self), &length))
    }

    public func recvmsg(_ fd: Int32, _ message: UnsafeMutablePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int {
        let count = try check(Glibc.recvmsg(fd, message, flags | Self.cmsgCloexec))
        // The kernel echoes MSG_CMSG_CLOEXEC into msg_flags: reported only when the caller asked.
        if flags & Self.cmsgCloexec == 0 { message.pointee.msg_flags &= ~Self.cmsgCloexec }
        return count
    }

    public func shutdown(_ fd: Int32, _ how: Int32) throws(Errno) {
        _ = try check(Glibc.shutdown(fd, how))
    }

    public func getsockname(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        _ = try check(Glibc.getsockname(fd, address.assumingMemoryBound(to: sockaddr.self), &length))
    }

    public func getpeername(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        _ = try check(Glibc.getpeername(fd, address.assumingMemoryBound(to: sockaddr.self), &length))
    }

    public func getsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        _ = try check(Glibc.getsockopt(fd, level, name, value, &length))
    }

    public func setsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeRawPointer?, _ length: UInt32) throws(Errno) {
        _ = try check(Glibc.setsockopt(fd, level, name, value, length))
    }

    public func fcntl(_ fd: Int32, _ command: Int32, _ argument: Int32) throws(Errno) -> Int32 {
        try check(cpy_fcntl_int(fd, command, argument))
    }

    public func poll(_ fd: Int32, _ events: Int16, _ timeout: Int32) throws(Errno) -> Int16 {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        let ready = try check(Glibc.poll(&entry, 1, timeout))
        return ready == 0 ? 0 : entry.revents
    }

    public func poll(_ fd: Int32, _ events: Int16, nanoseconds: UInt64?) throws(Errno) -> Int16 {
        var revents: Int16 = 0
        let timeout = nanoseconds.map { $0 > UInt64(Int64.max) ? Int64.max : Int64($0) } ?? -1
        _ = try check(cpy_ppoll_one(fd, events, timeout, &revents))
        return revents
    }

    public func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }

    /// sendfile(2) cannot take MSG_NOSIGNAL: SIGPIPE is blocked for this thread around the call,
    /// and the SIGPIPE an EPIPE raised is consumed before the old mask comes back (unless one
    /// was already pending before the call).
    ///
    /// Python: none (PySocket's seam; `socket.sendfile()` reaches it). C: `sendfile(2)`, with
    /// `pthread_sigmask(3)`, `sigpending(2)` and `sigtimedwait(2)` around it.
    public func sendfile(_ outFD: Int32, _ inFD: Int32, _ offset: inout Int64, _ count: Int) throws(Errno) -> Int {
        var pipeOnly = sigset_t()
        sigemptyset(&pipeOnly)
        sigaddset(&pipeOnly, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeOnly, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        var pending = sigset_t()
        sigpending(&pending)
        let alreadyPending = sigismember(&pending, SIGPIPE) == 1
        var position = off_t(offset)
        let sent = Glibc.sendfile(outFD, inFD, &position, count)
        let failure = Errno.current
        offset = Int64(position)
        guard sent < 0 else { return sent }
        if failure == .EPIPE && !alreadyPending {
            var now = timespec(tv_sec: 0, tv_nsec: 0)
            // Bounded: each EINTR is another signal delivered; the pending SIGPIPE stays queued.
            for _ in 0..<16 where sigtimedwait(&pipeOnly, nil, &now) < 0 && Errno.current == .EINTR {}
        }
        throw failure
    }

    public func pread(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ offset: Int64) throws(Errno) -> Int {
        try check(Glibc.pread(fd, buffer.baseAddress, buffer.count, off_t(offset)))
    }
}
#endif
