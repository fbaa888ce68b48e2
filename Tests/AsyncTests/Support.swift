// What the async tests share: the backends this machine has, descriptor counting, small fixtures.
import Glibc
import PySocket
import PySocketAsync
import Testing
import TestSupport

/// Every backend that really runs here (io_uring only when the ring sets up; it falls back otherwise).
let availableBackends: [asyncio.Backend] = {
    var found: [asyncio.Backend] = []
    for backend in [asyncio.Backend.io_uring, .epoll, .poll] {
        if let actual = try? asyncio.run(backend: backend, { asyncio.get_running_loop().backend }), actual == backend {
            found.append(backend)
        }
    }
    return found
}()

/// How many descriptors this process has open, every kind counted (the loop's own epoll,
/// eventfd, pipe and ring included), less the one reading the directory.
func openDescriptorCount() -> Int {
    directoryEntries("/proc/self/fd").count - 1
}

/// A non-blocking socketpair.
func nonBlockingPair(_ family: socket.AddressFamily = socket.AF_UNIX, _ type: socket.SocketKind = socket.SOCK_STREAM) throws -> (socket, socket) {
    let (a, b) = try socket.socketpair(family, type)
    try a.setblocking(false)
    try b.setblocking(false)
    return (a, b)
}

/// A non-blocking TCP listener on 127.0.0.1, port 0.
func loopbackListener(_ backlog: Int = 128) throws -> (socket, Int) {
    let listener = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try listener.bind(("127.0.0.1", 0))
    try listener.listen(backlog)
    try listener.setblocking(false)
    guard case .inet(_, let port) = try listener.getsockname() else { throw ValueError("no port") }
    return (listener, port)
}

/// A port on 127.0.0.1 nobody listens on (bound, then closed).
func refusedPort() throws -> Int {
    let holder = try socket.socket()
    defer { holder.close() }
    try holder.bind(("127.0.0.1", 0))
    guard case .inet(_, let port) = try holder.getsockname() else { throw ValueError("no port") }
    return port
}

/// The monotonic clock in seconds.
func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Raises the descriptor limit to `wanted`: the soft limit up to the hard one, and the hard
/// one too where the process may (root: up to `fs.nr_open`); returns the soft limit now.
func raiseDescriptorLimit(_ wanted: Int) -> Int {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    if limit.rlim_max < rlim_t(wanted) {
        var raised = limit
        raised.rlim_max = rlim_t(wanted)
        raised.rlim_cur = rlim_t(wanted)
        if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { return wanted }
    }
    let target = min(rlim_t(wanted), limit.rlim_max)
    if limit.rlim_cur < target {
        limit.rlim_cur = target
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
    return Int(limit.rlim_cur)
}

/// Raw memory handed to a task (the test keeps it alive until the task is done).
struct UncheckedBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableRawBufferPointer
    init(_ buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }
}

/// Runs every scenario on every backend, once to warm up and once counted, and returns how many
/// changed this process's descriptor count (each printed). For a child process, where no other
/// test opens descriptors meanwhile.
func descriptorLeaks(_ scenarios: [String: Scenario]) -> Int {
    var leaks = 0
    for backend in availableBackends {
        for name in scenarios.keys.sorted() {
            try? scenarios[name]!(backend)
        }
        for name in scenarios.keys.sorted() {
            let before = openDescriptorCount()
            try? scenarios[name]!(backend)
            let after = openDescriptorCount()
            if after != before {
                print("\(backend) \(name): \(before) descriptors before, \(after) after")
                leaks += 1
            }
        }
    }
    return leaks
}
