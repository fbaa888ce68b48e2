// Fixtures shared by the real-kernel socket tests: peers on loopback, temporary directories, fd probes.
import Glibc
import PySocket
import Testing
import TestSupport

/// Checks an error against what CPython printed for the same program: `type(e).__name__`,
/// `str(e)`, `repr(e)` and `e.errno` (nil where CPython printed None or the class has none).
func expectPython(
    _ error: (any Error)?, _ typeName: String, _ str: String, repr: String? = nil, errno: Int? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let error else {
        Issue.record("expected \(typeName): \(str), nothing was thrown", sourceLocation: sourceLocation)
        return
    }
    #expect(String(describing: type(of: error)) == typeName, sourceLocation: sourceLocation)
    #expect(String(describing: error) == str, sourceLocation: sourceLocation)
    if let repr { #expect(String(reflecting: error) == repr, sourceLocation: sourceLocation) }
    if let os = error as? OSError {
        #expect(os.errno == errno, sourceLocation: sourceLocation)
    } else {
        #expect(errno == nil, "only an OSError has an errno", sourceLocation: sourceLocation)
    }
}

/// The error `body` throws, or nil (recording an issue) when it returns.
func thrown(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> (any Error)? {
    do {
        try body()
    } catch {
        return error
    }
    Issue.record("expected an error, the call returned", sourceLocation: sourceLocation)
    return nil
}

/// `EBADF` as CPython prints it for an operation on a closed socket.
func expectBadFileDescriptor(_ error: (any Error)?, sourceLocation: SourceLocation = #_sourceLocation) {
    expectPython(error, "OSError", "[Errno 9] Bad file descriptor", repr: "OSError(9, 'Bad file descriptor')",
                 errno: 9, sourceLocation: sourceLocation)
}

/// `TimeoutError('timed out')` as CPython raises it when a socket's timeout expires.
func expectTimedOut(_ error: (any Error)?, sourceLocation: SourceLocation = #_sourceLocation) {
    expectPython(error, "TimeoutError", "timed out", repr: "TimeoutError('timed out')", errno: nil,
                 sourceLocation: sourceLocation)
    #expect(error is socket.timeout, sourceLocation: sourceLocation)
}

/// `BlockingIOError(11, ...)` from a non-blocking call that would block.
func expectWouldBlock(_ error: (any Error)?, sourceLocation: SourceLocation = #_sourceLocation) {
    expectPython(error, "BlockingIOError", "[Errno 11] Resource temporarily unavailable",
                 repr: "BlockingIOError(11, 'Resource temporarily unavailable')", errno: 11,
                 sourceLocation: sourceLocation)
}

/// A listening TCP socket on `host` port 0 (127.0.0.1 or ::1), and its address.
func listener(_ host: String = "127.0.0.1", backlog: Int? = nil) throws -> (socket, SocketAddress) {
    let family = host.contains(":") ? socket.AF_INET6 : socket.AF_INET
    let server = try socket.socket(family, socket.SOCK_STREAM)
    try server.bind(.inet(host: host, port: 0))
    try server.listen(backlog)
    return (server, try server.getsockname())
}

/// A connected TCP pair over loopback: (client, accepted server side, listener).
func tcpPair(_ host: String = "127.0.0.1") throws -> (client: socket, server: socket, listener: socket) {
    let (server, address) = try listener(host)
    let client = try socket.socket(server.family, socket.SOCK_STREAM)
    try client.connect(address)
    let (accepted, _) = try server.accept()
    return (client, accepted, server)
}

/// A port on 127.0.0.1 that refuses connections: bound, not listening, held open by the socket returned.
func refusingPort() throws -> (socket, Int) {
    let holder = try socket.socket()
    try holder.bind(("127.0.0.1", 0))
    return (holder, try holder.getsockname().port)
}

/// A temporary directory (mkdtemp) for AF_UNIX paths, removed with everything in it by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/pysocket-tests-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw OSError.from(errno: Int(Glibc.errno)) }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A path inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Removes the directory's entries and the directory.
    func remove() {
        for name in directoryEntries(path) { unlink(file(name)) }
        rmdir(path)
    }
}

/// How many descriptors this process has open (`/proc/self/fd`, less the one reading it).
func openDescriptorCount() -> Int {
    // The Swift runtime opens its own timerfd/eventfd/epoll descriptors at moments of its
    // choosing; PySocket never creates those kinds, so they are not counted.
    directoryEntries("/proc/self/fd").filter { entry in
        var target = [CChar](repeating: 0, count: 256)
        let count = readlink("/proc/self/fd/\(entry)", &target, target.count - 1)
        guard count > 0 else { return false }
        let text = String(decoding: target.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return !(text.hasPrefix("anon_inode:[timerfd]") || text.hasPrefix("anon_inode:[eventfd]")
                 || text.hasPrefix("anon_inode:[eventpoll]"))
    }.count
}

/// Whether `fd` has FD_CLOEXEC set, read with `fcntl(F_GETFD)` directly.
func isCloseOnExec(_ fd: Int32) -> Bool {
    fcntl(fd, F_GETFD) & FD_CLOEXEC != 0
}

/// Whether `fd` is in blocking mode (no O_NONBLOCK), as `os.get_blocking(fd)` answers.
func isBlocking(_ fd: Int32) -> Bool {
    fcntl(fd, F_GETFL) & O_NONBLOCK == 0
}

/// An abstract AF_UNIX name no other process or test uses.
func uniqueAbstractName(_ tag: String) -> bytes {
    bytes([0] + Array("pysocket-\(tag)-\(getpid())-\(UInt32.random(in: 0 ... .max))".utf8))
}

/// Writes a line to the standard error of an exit test's child, for the parent to show.
func childSays(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// A job for `onThread`, passed to the new thread as its context.
private final class ThreadJob: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

/// Where `onThread` leaves the thread's result; read only after `pthread_join`.
private final class ThreadOutcome<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

/// Runs `body` on a new POSIX thread (not on the cooperative pool, which blocking socket calls
/// of other tests may occupy) and returns a function that waits for it and returns its result.
func onThread<T>(_ body: @escaping () throws -> T) -> () throws -> T {
    let outcome = ThreadOutcome<T>()
    let job = Unmanaged.passRetained(ThreadJob { outcome.result = Result { try body() } }).toOpaque()
    var thread = pthread_t()
    let created = pthread_create(&thread, nil, { context in
        Unmanaged<ThreadJob>.fromOpaque(context!).takeRetainedValue().body()
        return nil
    }, job)
    precondition(created == 0, "pthread_create failed")
    return {
        pthread_join(thread, nil)
        return try outcome.result!.get()
    }
}
