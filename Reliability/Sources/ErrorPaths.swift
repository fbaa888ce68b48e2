// Error paths x N with fd delta 0, each outcome compared with the one CPython 3.13 gave (Reliability/expected-errors.tsv).
import Glibc
import PySocket
import Synchronization

/// What one attempt of an error path gave: the exception (nil if none), a description of the
/// result otherwise, and the port to blank out of the message.
struct Attempt {
    var error: (any Error)?
    var detail: String = ""
    var port: Int? = nil
}

/// Runs `attempt` `count` times after one warm-up run; the row passes when every outcome is the
/// one CPython gave for the same program and the descriptor count is unchanged.
func check(_ name: String, _ count: Int, _ expected: [String: (type: String, text: String, detail: String)],
           _ attempt: () throws -> Attempt) {
    guard let want = expected[name] else {
        report(name, "CPython's outcome", "no captured outcome", false)
        return
    }
    func run() -> (String, String, String) {
        do {
            let outcome = try attempt()
            let (type, text) = describeOutcome(outcome.error, port: outcome.port)
            return (type, text, outcome.detail)
        } catch {
            let (type, text) = describeOutcome(error)
            return ("setup failed: " + type, text, "")
        }
    }
    _ = run()
    let before = openDescriptorCount()
    var mismatches = 0
    var first: (String, String, String)? = nil
    let start = nowNanoseconds()
    for _ in 0..<count {
        let got = run()
        if first == nil { first = got }
        if got != (want.type, want.text, want.detail) { mismatches += 1 }
    }
    let delta = openDescriptorCount() - before
    let shown = first.map { $0.0 == "None" ? $0.2 : "\($0.0): \($0.1)" } ?? "-"
    report("\(name) x\(grouped(count))", "CPython's outcome every time, fd delta 0",
           "\(shown); \(mismatches) differ; fd delta \(delta); \(formatted(secondsSince(start), 1)) s",
           mismatches == 0 && delta == 0)
    if mismatches > 0, let first {
        say("  want: \(want.type): \(want.text) \(want.detail)\n  got:  \(first.0): \(first.1) \(first.2)")
    }
}

/// The error paths that need no descriptor limit.
func errorPaths(count: Int, expected path: String) throws {
    let expected = expectedOutcomes(path)

    let holder = try socket.socket()
    try holder.bind(("127.0.0.1", 0))
    let refusing = try holder.getsockname().port
    check("create_connection refused", count, expected) {
        do { try socket.create_connection(("127.0.0.1", refusing)).close() } catch { return Attempt(error: error, port: refusing) }
        return Attempt(error: nil)
    }
    check("create_connection all_errors", count, expected) {
        do { try socket.create_connection(("127.0.0.1", refusing), all_errors: true).close() } catch {
            return Attempt(error: error, port: refusing)
        }
        return Attempt(error: nil)
    }
    holder.close()

    // A listener whose accept queue is full drops further SYNs: connect() can only time out.
    let full = try socket.socket()
    try full.bind(("127.0.0.1", 0))
    try full.listen(0)
    let fullPort = try full.getsockname().port
    var fillers: [socket] = []
    for _ in 0..<5 {
        let filler = try socket.socket()
        try filler.setblocking(false)
        _ = try filler.connect_ex(("127.0.0.1", fullPort))
        fillers.append(filler)
    }
    check("create_connection timed out", count, expected) {
        do { try socket.create_connection(("127.0.0.1", fullPort), timeout: 0.001).close() } catch {
            return Attempt(error: error, port: fullPort)
        }
        return Attempt(error: nil)
    }
    for filler in fillers { filler.close() }
    full.close()

    let server = try socket.create_server(("127.0.0.1", 0))
    let inUse = try server.getsockname().port
    check("create_server port in use", count, expected) {
        do { try socket.create_server(("127.0.0.1", inUse)).close() } catch { return Attempt(error: error, port: inUse) }
        return Attempt(error: nil)
    }
    server.close()

    try abortedAccepts(count, expected)

    check("recvmsg CMSG_LEN-sized", count, expected) { try receiveTwoDescriptors(ancbufsize: try socket.CMSG_LEN(4)) }
    check("recvmsg zero-sized", count, expected) { try receiveTwoDescriptors(ancbufsize: 0) }

    let directory = try TemporaryDirectory()
    let home = getcwd(nil, 0)
    chdir(directory.path)
    for length in [107, 108] {
        let name = String(repeating: "x", count: length)
        check("AF_UNIX path \(length) bytes", count, expected) {
            let s = try socket.socket(socket.AF_UNIX)
            defer {
                s.close()
                unlink(name)
            }
            do { try s.bind(name) } catch { return Attempt(error: error) }
            return Attempt(error: nil, detail: "bound=\(try s.getsockname() == .unix(name) ? "True" : "False")")
        }
    }
    if let home {
        chdir(home)
        free(home)
    }
    directory.remove()
}

/// `accept()` failing with ECONNABORTED (injected by `HookedInterface` on every other call),
/// then succeeding on the same pending connection.
func abortedAccepts(_ count: Int, _ expected: [String: (type: String, text: String, detail: String)]) throws {
    let server = try socket.$interface.withValue(HookedInterface(abortingAccepts: true)) { () throws -> socket in
        let server = try socket.socket()
        try server.bind(("127.0.0.1", 0))
        try server.listen()
        return server
    }
    let address = try server.getsockname()
    var accepted = 0
    check("accept ECONNABORTED", count, expected) {
        let client = try socket.socket()
        defer { client.close() }
        try client.connect(address)
        var failure: (any Error)? = nil
        do { _ = try server.accept() } catch { failure = error }
        let (connection, _) = try server.accept()
        connection.close()
        accepted += 1
        return Attempt(error: failure)
    }
    server.close()
}

/// Sends two descriptors (a pipe's ends) over a socketpair and receives them with `ancbufsize`
/// bytes of control buffer; closes whatever arrived. Describes it as the capture does.
func receiveTwoDescriptors(ancbufsize: Int) throws -> Attempt {
    let (a, b) = try socket.socketpair()
    defer {
        a.close()
        b.close()
    }
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { throw OSError.from(errno: Int(errno)) }
    defer {
        Glibc.close(ends[0])
        Glibc.close(ends[1])
    }
    _ = try socket.send_fds(a, [bytes("x")], ends)
    let (data, ancillary, flags, _) = try b.recvmsg(1, ancbufsize)
    var descriptors: [Int32] = []
    for (_, _, payload) in ancillary {
        let whole = payload.count - payload.count % 4
        for offset in stride(from: 0, to: whole, by: 4) {
            let raw = UInt32(payload[offset]) | UInt32(payload[offset + 1]) << 8
                | UInt32(payload[offset + 2]) << 16 | UInt32(payload[offset + 3]) << 24
            descriptors.append(Int32(bitPattern: raw))
        }
    }
    for fd in descriptors { Glibc.close(fd) }
    let truncated = flags & Int(MSG_CTRUNC) != 0 ? "True" : "False"
    return Attempt(error: nil, detail: "data=\(data) ctrunc=\(truncated) items=\(ancillary.count) fds=\(descriptors.count)")
}

/// The paths that meet the descriptor limit: RLIMIT_NOFILE is lowered (this is a child process
/// of scripts/reliability) and every descriptor under it is taken, then accept, socket,
/// socketpair, dup and recvmsg with SCM_RIGHTS must fail cleanly, N times, with fd delta 0.
func descriptorLimitPaths(count: Int, expected path: String) throws {
    let expected = expectedOutcomes(path)
    let server = try socket.socket()
    try server.bind(("127.0.0.1", 0))
    try server.listen()
    let client = try socket.socket()
    try client.connect(try server.getsockname())
    let (a, b) = try socket.socketpair()
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { throw OSError.from(errno: Int(errno)) }
    var original = rlimit()
    getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &original)

    let limit = rlim_t(highestDescriptor() + 1)

    /// Runs `body` with every descriptor below a lowered limit taken.
    func atTheLimit(_ body: () throws -> Attempt) throws -> Attempt {
        var lowered = original
        lowered.rlim_cur = limit
        setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &lowered)
        var held: [Int32] = []
        while true {
            let fd = open("/dev/null", O_RDONLY | O_CLOEXEC)
            if fd < 0 { break }
            held.append(fd)
        }
        defer {
            for fd in held { Glibc.close(fd) }
            setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &original)
        }
        return try body()
    }
    func failure(_ body: () throws -> Void) -> Attempt {
        do { try body() } catch { return Attempt(error: error) }
        return Attempt(error: nil)
    }
    check("accept EMFILE", count, expected) { try atTheLimit { failure { _ = try server.accept() } } }
    check("socket EMFILE", count, expected) { try atTheLimit { failure { _ = try socket.socket() } } }
    check("socketpair EMFILE", count, expected) { try atTheLimit { failure { _ = try socket.socketpair() } } }
    check("dup EMFILE", count, expected) { try atTheLimit { failure { _ = try server.dup() } } }
    check("recvmsg at the fd limit", count, expected) {
        _ = try socket.send_fds(a, [bytes("x")], ends)
        return try atTheLimit {
            let (data, ancillary, flags, _) = try b.recvmsg(1, try socket.CMSG_SPACE(8))
            let fds = ancillary.reduce(0) { $0 + $1.2.count / 4 }
            let truncated = flags & Int(MSG_CTRUNC) != 0 ? "True" : "False"
            return Attempt(error: nil, detail: "data=\(data) ctrunc=\(truncated) items=\(ancillary.count) fds=\(fds)")
        }
    }
    Glibc.close(ends[0])
    Glibc.close(ends[1])
    a.close()
    b.close()
    client.close()
    server.close()
}

/// A temporary directory (mkdtemp), removed with its entries by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/pysocket-reliability-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw OSError.from(errno: Int(errno)) }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func remove() {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}

/// The native system calls, through a hook (a fault-injecting seam, as Go's tests hook their
/// syscalls): with `abortingAccepts`, every other `accept` fails with ECONNABORTED before
/// reaching the kernel; every EINTR a call returns is counted in `interrupted`.
struct HookedInterface: SocketInterface {
    let native = NativeSocketInterface()
    let abortingAccepts: Bool
    let counters = Counters()

    init(abortingAccepts: Bool = false) { self.abortingAccepts = abortingAccepts }

    final class Counters: Sendable {
        let accepts = Atomic<Int>(0)
        let interrupted = Atomic<Int>(0)
    }

    /// Runs a native call, counting an EINTR it fails with.
    @inline(__always)
    func hooked<R>(_ call: () throws(Errno) -> R) throws(Errno) -> R {
        do { return try call() } catch {
            if error == .EINTR { counters.interrupted.wrappingAdd(1, ordering: .relaxed) }
            throw error
        }
    }

    func accept(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32, _ flags: Int32) throws(Errno) -> Int32 {
        if abortingAccepts && counters.accepts.wrappingAdd(1, ordering: .relaxed).oldValue % 2 == 0 { throw Errno(ECONNABORTED) }
        var size = length
        defer { length = size }
        return try hooked { () throws(Errno) in try native.accept(fd, address, &size, flags) }
    }

    func socket(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> Int32 { try native.socket(domain, type, proto) }
    func socketpair(_ domain: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> (Int32, Int32) { try native.socketpair(domain, type, proto) }
    func close(_ fd: Int32) throws(Errno) { try native.close(fd) }
    func bind(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) { try native.bind(fd, address, length) }
    func connect(_ fd: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) {
        try hooked { () throws(Errno) in try native.connect(fd, address, length) }
    }
    func listen(_ fd: Int32, _ backlog: Int32) throws(Errno) { try native.listen(fd, backlog) }
    func send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32) throws(Errno) -> Int {
        try hooked { () throws(Errno) in try native.send(fd, buffer, flags) }
    }
    func sendto(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ flags: Int32, _ address: UnsafeRawPointer, _ length: UInt32) throws(Errno) -> Int {
        try hooked { () throws(Errno) in try native.sendto(fd, buffer, flags, address, length) }
    }
    func sendmsg(_ fd: Int32, _ message: UnsafePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int {
        try hooked { () throws(Errno) in try native.sendmsg(fd, message, flags) }
    }
    func recv(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32) throws(Errno) -> Int {
        try hooked { () throws(Errno) in try native.recv(fd, buffer, flags) }
    }
    func recvfrom(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) -> Int {
        var size = length
        defer { length = size }
        return try hooked { () throws(Errno) in try native.recvfrom(fd, buffer, flags, address, &size) }
    }
    func recvmsg(_ fd: Int32, _ message: UnsafeMutablePointer<msghdr>, _ flags: Int32) throws(Errno) -> Int {
        try hooked { () throws(Errno) in try native.recvmsg(fd, message, flags) }
    }
    func shutdown(_ fd: Int32, _ how: Int32) throws(Errno) { try native.shutdown(fd, how) }
    func getsockname(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) { try native.getsockname(fd, address, &length) }
    func getpeername(_ fd: Int32, _ address: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) { try native.getpeername(fd, address, &length) }
    func getsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        try native.getsockopt(fd, level, name, value, &length)
    }
    func setsockopt(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: UnsafeRawPointer?, _ length: UInt32) throws(Errno) {
        try native.setsockopt(fd, level, name, value, length)
    }
    func fcntl(_ fd: Int32, _ command: Int32, _ argument: Int32) throws(Errno) -> Int32 { try native.fcntl(fd, command, argument) }
    func poll(_ fd: Int32, _ events: Int16, _ timeout: Int32) throws(Errno) -> Int16 {
        try hooked { () throws(Errno) in try native.poll(fd, events, timeout) }
    }
    func poll(_ fd: Int32, _ events: Int16, nanoseconds: UInt64?) throws(Errno) -> Int16 {
        try hooked { () throws(Errno) in try native.poll(fd, events, nanoseconds: nanoseconds) }
    }
    func monotonicNanoseconds() -> UInt64 { native.monotonicNanoseconds() }
    func sendfile(_ outFD: Int32, _ inFD: Int32, _ offset: inout Int64, _ count: Int) throws(Errno) -> Int {
        var position = offset
        defer { offset = position }
        return try hooked { () throws(Errno) in try native.sendfile(outFD, inFD, &position, count) }
    }
    func pread(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ offset: Int64) throws(Errno) -> Int { try native.pread(fd, buffer, offset) }
}
