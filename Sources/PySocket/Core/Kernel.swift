// The system calls one socket makes: the native ones called directly, an injected interface through its existential.
import CPySocket

/// The `SocketInterface` a socket was created with, in the form the hot path can call cheaply.
///
/// A call through `any SocketInterface` is an indirect call the optimizer can neither inline
/// nor see through: measured with callgrind it cost about 30 instructions on every `send` and
/// `recv_into`, more than the rest of PySocket's work around the system call. Nearly every
/// socket uses the native interface, so `Kernel` remembers at creation whether it does
/// (`isNative`) and then calls `NativeSocketInterface` statically, which inlines down to
/// the libc call; an injected interface (the tests' scripted kernel, a user's) is still called
/// through its existential, after one well-predicted branch. This is enum dispatch, as in Rust's
/// `enum_dispatch`; making `socket` generic over its interface would have done the same at the
/// price of a type parameter in every user's code (`socket<LinuxSocketInterface>`).
struct Kernel: SocketInterface {
    /// True when `os` is the native interface, which is then called directly.
    let isNative: Bool
    /// The interface the socket was created with; called only when it is not the native one.
    /// (Not an optional: testing an optional existential for nil goes through its value
    /// witnesses, a dozen instructions more than testing this flag.)
    let os: any SocketInterface

    /// Wraps `os`, remembering whether it is the native interface.
    init(_ os: any SocketInterface) {
        self.isNative = os is NativeSocketInterface
        self.os = os
    }

    /// The native interface, called directly.
    static let native = Kernel(NativeSocketInterface())

    @inline(__always) func socket(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> Int32 {
        if isNative { return try NativeSocketInterface().socket(domain, type, proto) }
        return try os.socket(domain, type, proto)
    }

    @inline(__always) func socketpair(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> (Int32, Int32) {
        if isNative { return try NativeSocketInterface().socketpair(domain, type, proto) }
        return try os.socketpair(domain, type, proto)
    }

    @inline(__always) func close(_ fd: Int32) throws(Errno) {
        if isNative { return try NativeSocketInterface().close(fd) }
        return try os.close(fd)
    }

    @inline(__always) func bind(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) {
        if isNative { return try NativeSocketInterface().bind(fd, address, length) }
        return try os.bind(fd, address, length)
    }

    @inline(__always) func connect(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) {
        if isNative { return try NativeSocketInterface().connect(fd, address, length) }
        return try os.connect(fd, address, length)
    }

    @inline(__always) func listen(_ fd: Int32, _ backlog: Int32) throws(Errno) {
        if isNative { return try NativeSocketInterface().listen(fd, backlog) }
        return try os.listen(fd, backlog)
    }

    @inline(__always) func accept(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32, _ flags: Int32) throws(Errno) -> Int32 {
        if isNative { return try NativeSocketInterface().accept(fd, address, &length, flags) }
        return try os.accept(fd, address, &length, flags)
    }

    @inline(__always) func send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32) throws(Errno) -> Int {
        if isNative { return try NativeSocketInterface().send(fd, buffer, flags) }
        return try os.send(fd, buffer, flags)
    }

    @inline(__always) func sendto(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) -> Int {
        if isNative { return try NativeSocketInterface().sendto(fd, buffer, flags, address, length) }
        return try os.sendto(fd, buffer, flags, address, length)
    }

    @inline(__always) func sendmsg(_ fd: Int32, _ message: UnsafePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int {
        if isNative { return try NativeSocketInterface().sendmsg(fd, message, flags) }
        return try os.sendmsg(fd, message, flags)
    }

    @inline(__always) func recv(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32) throws(Errno) -> Int {
        if isNative { return try NativeSocketInterface().recv(fd, buffer, flags) }
        return try os.recv(fd, buffer, flags)
    }

    @inline(__always) func recvfrom(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) -> Int {
        if isNative { return try NativeSocketInterface().recvfrom(fd, buffer, flags, address, &length) }
        return try os.recvfrom(fd, buffer, flags, address, &length)
    }

    @inline(__always) func recvmsg(_ fd: Int32, _ message: UnsafeMutablePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int {
        if isNative { return try NativeSocketInterface().recvmsg(fd, message, flags) }
        return try os.recvmsg(fd, message, flags)
    }

    @inline(__always) func shutdown(_ fd: Int32, _ how: Int32) throws(Errno) {
        if isNative { return try NativeSocketInterface().shutdown(fd, how) }
        return try os.shutdown(fd, how)
    }

    @inline(__always) func getsockname(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        if isNative { return try NativeSocketInterface().getsockname(fd, address, &length) }
        return try os.getsockname(fd, address, &length)
    }

    @inline(__always) func getpeername(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        if isNative { return try NativeSocketInterface().getpeername(fd, address, &length) }
        return try os.getpeername(fd, address, &length)
    }

    @inline(__always) func getsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        if isNative { return try NativeSocketInterface().getsockopt(fd, level, name, value, &length) }
        return try os.getsockopt(fd, level, name, value, &length)
    }

    @inline(__always) func setsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeRawPointer?, _ length: UInt32) throws(Errno) {
        if isNative { return try NativeSocketInterface().setsockopt(fd, level, name, value, length) }
        return try os.setsockopt(fd, level, name, value, length)
    }

    @inline(__always) func fcntl(_ fd: Int32, _ command: Int32, _ argument: Int32) throws(Errno) -> Int32 {
        if isNative { return try NativeSocketInterface().fcntl(fd, command, argument) }
        return try os.fcntl(fd, command, argument)
    }

    @inline(__always) func poll(_ fd: Int32, _ events: Int16, _ timeout: Int32) throws(Errno) -> Int16 {
        if isNative { return try NativeSocketInterface().poll(fd, events, timeout) }
        return try os.poll(fd, events, timeout)
    }

    @inline(__always) func monotonicNanoseconds() -> UInt64 {
        if isNative { return NativeSocketInterface().monotonicNanoseconds() }
        return os.monotonicNanoseconds()
    }

    @inline(__always) func sendfile(_ outFD: Int32, _ inFD: Int32, _ offset: inout Int64, _ count: Int) throws(Errno) -> Int {
        if isNative { return try NativeSocketInterface().sendfile(outFD, inFD, &offset, count) }
        return try os.sendfile(outFD, inFD, &offset, count)
    }

    @inline(__always) func pread(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ offset: Int64) throws(Errno) -> Int {
        if isNative { return try NativeSocketInterface().pread(fd, buffer, offset) }
        return try os.pread(fd, buffer, offset)
    }
}
