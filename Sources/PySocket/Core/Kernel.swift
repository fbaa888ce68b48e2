// The system calls one socket makes: the native ones called directly, an injected interface through its existential.
import CPySocket

/// The `SocketInterface` a socket was created with, in the form the hot path can call cheaply.
///
/// A call through `any SocketInterface` is an indirect call the optimizer can neither inline
/// nor see through: measured with callgrind it cost about 30 instructions on every `send` and
/// `recv_into`, more than the rest of PySocket's work around the system call. Nearly every
/// socket uses the native interface, so `Kernel` remembers at creation whether it does
/// (`injected` is nil) and then calls `NativeSocketInterface` statically, which inlines down to
/// the libc call; an injected interface (the tests' scripted kernel, a user's) is still called
/// through its existential, after one well-predicted branch. This is enum dispatch, as in Rust's
/// `enum_dispatch`; making `socket` generic over its interface would have done the same at the
/// price of a type parameter in every user's code (`socket<LinuxSocketInterface>`).
struct Kernel: SocketInterface {
    /// The injected interface, boxed; nil when the socket uses the native one, which is then
    /// called directly. A class reference rather than an existential field: testing it is one
    /// compare with zero and copying it (into every socket and `OwnedFD`) one retain, where an
    /// `any SocketInterface` field is copied and destroyed through its value witnesses (about
    /// 200 instructions per socket created, measured with callgrind on connect + accept).
    let injected: Injected?

    /// An injected interface, shared by every socket created under it.
    final class Injected: Sendable {
        let os: any SocketInterface
        init(_ os: any SocketInterface) { self.os = os }
    }

    /// True when the socket calls the native interface directly.
    var isNative: Bool { injected == nil }

    /// Wraps `os`, remembering whether it is the native interface. The test opens the
    /// existential and compares its type with `NativeSocketInterface` (a load and a compare)
    /// rather than casting with `is` or asking `type(of:)`, which call into the runtime
    /// (`swift_dynamicCast`, about 200 instructions; `swift_getDynamicType`, about 50).
    init(_ os: any SocketInterface) {
        injected = Kernel.isNativeInterface(os) ? nil : Injected(os)
    }

    private static func isNativeInterface<Interface: SocketInterface>(_: Interface) -> Bool {
        Interface.self == NativeSocketInterface.self
    }

    @inline(__always) func socket(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> Int32 {
        guard let injected else { return try NativeSocketInterface().socket(domain, type, proto) }
        return try injected.os.socket(domain, type, proto)
    }

    @inline(__always) func socketpair(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> (Int32, Int32) {
        guard let injected else { return try NativeSocketInterface().socketpair(domain, type, proto) }
        return try injected.os.socketpair(domain, type, proto)
    }

    @inline(__always) func close(_ fd: Int32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().close(fd) }
        return try injected.os.close(fd)
    }

    @inline(__always) func bind(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().bind(fd, address, length) }
        return try injected.os.bind(fd, address, length)
    }

    @inline(__always) func connect(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().connect(fd, address, length) }
        return try injected.os.connect(fd, address, length)
    }

    @inline(__always) func listen(_ fd: Int32, _ backlog: Int32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().listen(fd, backlog) }
        return try injected.os.listen(fd, backlog)
    }

    @inline(__always) func accept(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32, _ flags: Int32) throws(Errno) -> Int32 {
        guard let injected else { return try NativeSocketInterface().accept(fd, address, &length, flags) }
        return try injected.os.accept(fd, address, &length, flags)
    }

    @inline(__always) func send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().send(fd, buffer, flags) }
        return try injected.os.send(fd, buffer, flags)
    }

    @inline(__always) func sendto(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().sendto(fd, buffer, flags, address, length) }
        return try injected.os.sendto(fd, buffer, flags, address, length)
    }

    @inline(__always) func sendmsg(_ fd: Int32, _ message: UnsafePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().sendmsg(fd, message, flags) }
        return try injected.os.sendmsg(fd, message, flags)
    }

    @inline(__always) func recv(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().recv(fd, buffer, flags) }
        return try injected.os.recv(fd, buffer, flags)
    }

    @inline(__always) func recvfrom(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().recvfrom(fd, buffer, flags, address, &length) }
        return try injected.os.recvfrom(fd, buffer, flags, address, &length)
    }

    @inline(__always) func recvmsg(_ fd: Int32, _ message: UnsafeMutablePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().recvmsg(fd, message, flags) }
        return try injected.os.recvmsg(fd, message, flags)
    }

    @inline(__always) func shutdown(_ fd: Int32, _ how: Int32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().shutdown(fd, how) }
        return try injected.os.shutdown(fd, how)
    }

    @inline(__always) func getsockname(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().getsockname(fd, address, &length) }
        return try injected.os.getsockname(fd, address, &length)
    }

    @inline(__always) func getpeername(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().getpeername(fd, address, &length) }
        return try injected.os.getpeername(fd, address, &length)
    }

    @inline(__always) func getsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().getsockopt(fd, level, name, value, &length) }
        return try injected.os.getsockopt(fd, level, name, value, &length)
    }

    @inline(__always) func setsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeRawPointer?, _ length: UInt32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().setsockopt(fd, level, name, value, length) }
        return try injected.os.setsockopt(fd, level, name, value, length)
    }

    @inline(__always) func fcntl(_ fd: Int32, _ command: Int32, _ argument: Int32) throws(Errno) -> Int32 {
        guard let injected else { return try NativeSocketInterface().fcntl(fd, command, argument) }
        return try injected.os.fcntl(fd, command, argument)
    }

    @inline(__always) func poll(_ fd: Int32, _ events: Int16, _ timeout: Int32) throws(Errno) -> Int16 {
        guard let injected else { return try NativeSocketInterface().poll(fd, events, timeout) }
        return try injected.os.poll(fd, events, timeout)
    }

    @inline(__always) func monotonicNanoseconds() -> UInt64 {
        guard let injected else { return NativeSocketInterface().monotonicNanoseconds() }
        return injected.os.monotonicNanoseconds()
    }

    @inline(__always) func sendfile(_ outFD: Int32, _ inFD: Int32, _ offset: inout Int64, _ count: Int) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().sendfile(outFD, inFD, &offset, count) }
        return try injected.os.sendfile(outFD, inFD, &offset, count)
    }

    @inline(__always) func pread(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ offset: Int64) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().pread(fd, buffer, offset) }
        return try injected.os.pread(fd, buffer, offset)
    }
}
