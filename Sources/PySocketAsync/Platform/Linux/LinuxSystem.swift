// The few Linux calls the loop makes besides its backend: thread identity, the running loop's slot, eventfd, sendfile.
#if os(Linux)
import Glibc
import CPySocket
import PySocket

/// The operating-system services the loop needs that are not a socket call.
enum System {
    /// An identifier of the calling thread. C: `pthread_self(3)`.
    @inline(__always) static func currentThread() -> UInt { UInt(pthread_self()) }

    /// The per-thread slot holding the running loop (one loop per thread, as in Python).
    private static let loopKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The loop running on the calling thread, unretained. C: `pthread_getspecific(3)`.
    static var runningLoop: UnsafeMutableRawPointer? {
        get { pthread_getspecific(loopKey) }
        set { pthread_setspecific(loopKey, newValue) }
    }

    /// `getenv(3)`.
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// A new eventfd, non-blocking and close-on-exec. C: `eventfd(2)`.
    static func eventfd() throws(Errno) -> Int32 {
        let fd = CPySocket.eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        if fd < 0 { throw Errno.current }
        return fd
    }

    /// Adds one to an eventfd (wakes whoever waits on it). C: `write(2)`.
    static func signal(eventfd fd: Int32) {
        var one: UInt64 = 1
        _ = withUnsafeBytes(of: &one) { write(fd, $0.baseAddress, 8) }
    }

    /// Resets an eventfd to zero. C: `read(2)`.
    static func drain(eventfd fd: Int32) {
        var value: UInt64 = 0
        _ = withUnsafeMutableBytes(of: &value) { read(fd, $0.baseAddress, 8) }
    }

    /// `close(2)`, errors ignored (the loop's own descriptors).
    static func close(_ fd: Int32) { _ = Glibc.close(fd) }

    /// `sendfile(2)` of up to `count` bytes of `file` at `offset` to `socket`.
    static func sendfile(_ socket: Int32, _ file: Int32, _ offset: inout Int64, _ count: Int) throws(Errno) -> Int {
        var position = off_t(offset)
        let sent = Glibc.sendfile(socket, file, &position, count)
        if sent < 0 { throw Errno.current }
        offset = Int64(position)
        return sent
    }

    /// `pread(2)`.
    static func pread(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ offset: Int64) throws(Errno) -> Int {
        let got = Glibc.pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
        if got < 0 { throw Errno.current }
        return got
    }

    /// Errno values the loop tests for.
    static let ECANCELED = Glibc.ECANCELED
    static let EBADF = Glibc.EBADF
    static let EMFILE = Glibc.EMFILE
    static let ENFILE = Glibc.ENFILE
    static let ENOBUFS = Glibc.ENOBUFS
    static let ENOMEM = Glibc.ENOMEM
    static let EINTR = Glibc.EINTR
    static let EAGAIN = Glibc.EAGAIN
    static let ENOSYS = Glibc.ENOSYS
    static let ECONNREFUSED = Glibc.ECONNREFUSED
    static let ETIMEDOUT = Glibc.ETIMEDOUT
    static let EHOSTUNREACH = Glibc.EHOSTUNREACH
    static let ECONNRESET = Glibc.ECONNRESET
}
#endif
