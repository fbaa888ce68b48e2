// Kernel: a socket's handle on the OS layer, the native interface called directly, an injected one through its existential.
import CPySocket

/// The OS layer as a socket holds it: the `SocketInterface` the socket was created with, in the
/// form the hot path can call cheaply. Every system call PySocket makes goes through a `Kernel`
/// (a socket's `kernel`, an `OwnedFD`'s); Core's functions take one.
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
package struct Kernel: SocketInterface {
    /// The injected interface, boxed; nil when the socket uses the native one, which is then
    /// called directly. A class reference rather than an existential field: testing it is one
    /// compare with zero and copying it (into every socket and `OwnedFD`) one retain, where an
    /// `any SocketInterface` field is copied and destroyed through its value witnesses (about
    /// 200 instructions per socket created, measured with callgrind on connect + accept).
    package let injected: Injected?

    /// An injected interface, shared by every socket created under it.
    package final class Injected: Sendable {
        package let interface: any SocketInterface
        init(_ interface: any SocketInterface) { self.interface = interface }
    }

    /// True when the socket calls the native interface directly.
    package var isNative: Bool { injected == nil }

    /// The native kernel as a value the optimizer sees has no injected interface: a caller that
    /// branches on `isNative` and passes this on the native side compiles that side to the bare
    /// system call, with no reference to retain or release (callgrind: a `swift_release` of nil,
    /// 9 instructions, on every `recvfrom` otherwise).
    @inline(__always) package static var native: Kernel { Kernel(injected: nil) }

    @inline(__always) private init(injected: Injected?) { self.injected = injected }

    /// Wraps `interface`, remembering whether it is the native interface. The test opens the
    /// existential and compares its type with `NativeSocketInterface` (a load and a compare)
    /// rather than casting with `is` or asking `type(of:)`, which call into the runtime
    /// (`swift_dynamicCast`, about 200 instructions; `swift_getDynamicType`, about 50).
    package init(_ interface: any SocketInterface) {
        injected = Kernel.isNativeInterface(interface) ? nil : Injected(interface)
    }

    package static func isNativeInterface<Interface: SocketInterface>(_: Interface) -> Bool {
        Interface.self == NativeSocketInterface.self
    }

    @inline(__always) package func socket(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> Int32 {
        guard let injected else { return try NativeSocketInterface().socket(domain, type, proto) }
        return try injected.interface.socket(domain, type, proto)
    }

    @inline(__always) package func socketpair(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> (Int32, Int32) {
        guard let injected else { return try NativeSocketInterface().socketpair(domain, type, proto) }
        return try injected.interface.socketpair(domain, type, proto)
    }

    @inline(__always) package func close(_ fd: Int32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().close(fd) }
        return try injected.interface.close(fd)
    }

    @inline(__always) package func bind(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().bind(fd, address, length) }
        return try injected.interface.bind(fd, address, length)
    }

    @inline(__always) package func connect(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().connect(fd, address, length) }
        return try injected.interface.connect(fd, address, length)
    }

    @inline(__always) package func listen(_ fd: Int32, _ backlog: Int32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().listen(fd, backlog) }
        return try injected.interface.listen(fd, backlog)
    }

    @inline(__always) package func accept(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32, _ flags: Int32) throws(Errno) -> Int32 {
        guard let injected else { return try NativeSocketInterface().accept(fd, address, &length, flags) }
        return try injected.interface.accept(fd, address, &length, flags)
    }

    @inline(__always) package func send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().send(fd, buffer, flags) }
        return try injected.interface.send(fd, buffer, flags)
    }

    @inline(__always) package func sendto(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().sendto(fd, buffer, flags, address, length) }
        return try injected.interface.sendto(fd, buffer, flags, address, length)
    }

    @inline(__always) package func sendmsg(_ fd: Int32, _ message: UnsafePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().sendmsg(fd, message, flags) }
        return try injected.interface.sendmsg(fd, message, flags)
    }

    @inline(__always) package func recv(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().recv(fd, buffer, flags) }
        return try injected.interface.recv(fd, buffer, flags)
    }

    @inline(__always) package func recvfrom(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().recvfrom(fd, buffer, flags, address, &length) }
        return try injected.interface.recvfrom(fd, buffer, flags, address, &length)
    }

    @inline(__always) package func recvmsg(_ fd: Int32, _ message: UnsafeMutablePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().recvmsg(fd, message, flags) }
        return try injected.interface.recvmsg(fd, message, flags)
    }

    @inline(__always) package func shutdown(_ fd: Int32, _ how: Int32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().shutdown(fd, how) }
        return try injected.interface.shutdown(fd, how)
    }

    @inline(__always) package func getsockname(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().getsockname(fd, address, &length) }
        return try injected.interface.getsockname(fd, address, &length)
    }

    @inline(__always) package func getpeername(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().getpeername(fd, address, &length) }
        return try injected.interface.getpeername(fd, address, &length)
    }

    @inline(__always) package func getsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().getsockopt(fd, level, name, value, &length) }
        return try injected.interface.getsockopt(fd, level, name, value, &length)
    }

    @inline(__always) package func setsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeRawPointer?, _ length: UInt32) throws(Errno) {
        guard let injected else { return try NativeSocketInterface().setsockopt(fd, level, name, value, length) }
        return try injected.interface.setsockopt(fd, level, name, value, length)
    }

    @inline(__always) package func fcntl(_ fd: Int32, _ command: Int32, _ argument: Int32) throws(Errno) -> Int32 {
        guard let injected else { return try NativeSocketInterface().fcntl(fd, command, argument) }
        return try injected.interface.fcntl(fd, command, argument)
    }

    @inline(__always) package func poll(_ fd: Int32, _ events: Int16, _ timeout: Int32) throws(Errno) -> Int16 {
        guard let injected else { return try NativeSocketInterface().poll(fd, events, timeout) }
        return try injected.interface.poll(fd, events, timeout)
    }

    @inline(__always) package func poll(_ fd: Int32, _ events: Int16, nanoseconds: UInt64?) throws(Errno) -> Int16 {
        guard let injected else { return try NativeSocketInterface().poll(fd, events, nanoseconds: nanoseconds) }
        return try injected.interface.poll(fd, events, nanoseconds: nanoseconds)
    }

    @inline(__always) package func monotonicNanoseconds() -> UInt64 {
        guard let injected else { return NativeSocketInterface().monotonicNanoseconds() }
        return injected.interface.monotonicNanoseconds()
    }

    @inline(__always) package func sendfile(_ outFD: Int32, _ inFD: Int32, _ offset: inout Int64, _ count: Int) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().sendfile(outFD, inFD, &offset, count) }
        return try injected.interface.sendfile(outFD, inFD, &offset, count)
    }

    @inline(__always) package func pread(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ offset: Int64) throws(Errno) -> Int {
        guard let injected else { return try NativeSocketInterface().pread(fd, buffer, offset) }
        return try injected.interface.pread(fd, buffer, offset)
    }
}
