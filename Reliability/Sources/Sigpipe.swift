// SIGPIPE: every write path to a closed peer, each in a child process with SIGPIPE at its default disposition.
import Glibc
import PySocket

/// The write paths, each a function that writes to `writer` (whose peer is closed) until it throws.
let writePaths: [(name: String, peer: PeerKind, write: @Sendable (socket, Int32) throws -> Void)] = [
    ("send", .unix, { s, _ in _ = try s.send("x") }),
    ("send with a timeout", .unixTimeout, { s, _ in _ = try s.send("x") }),
    ("send over TCP", .tcp, { s, _ in _ = try s.send("x") }),
    ("sendall", .unix, { s, _ in try s.sendall([UInt8](repeating: 0x78, count: 100_000)) }),
    ("sendall with a timeout", .unixTimeout, { s, _ in try s.sendall([UInt8](repeating: 0x78, count: 100_000)) }),
    ("sendall over TCP", .tcp, { s, _ in try s.sendall([UInt8](repeating: 0x78, count: 100_000)) }),
    ("sendto over TCP", .tcp, { s, _ in _ = try s.sendto(bytes("x"), try s.getpeername_or_self()) }),
    ("sendmsg", .unix, { s, _ in _ = try s.sendmsg([bytes("x"), bytes("y")]) }),
    ("sendmsg with SCM_RIGHTS", .unix, { s, _ in _ = try socket.send_fds(s, [bytes("x")], [0]) }),
    ("sendmsg over TCP", .tcp, { s, _ in _ = try s.sendmsg([bytes("x")]) }),
    ("sendfile", .unix, { s, file in _ = try s.sendfile(file) }),
    ("sendfile with a timeout", .unixTimeout, { s, file in _ = try s.sendfile(file) }),
    ("sendfile over TCP", .tcp, { s, file in _ = try s.sendfile(file) }),
    ("makefile('wb').write + flush", .unix, { s, _ in
        let f: SocketFile<bytes> = try s.makefile("wb")
        _ = try f.write(bytes("x"))
        try f.flush()
    }),
    ("makefile('wb', buffering=0).write", .unix, { s, _ in
        let f: SocketFile<bytes> = try s.makefile("wb", buffering: 0)
        _ = try f.write(bytes("x"))
    }),
    ("makefile('w').write + flush", .unix, { s, _ in
        let f = try s.makefile("w")
        _ = try f.write("x\n")
        try f.flush()
    }),
]

/// How the writer's peer is made before it is closed.
enum PeerKind: Sendable {
    case unix, unixTimeout, tcp
}

extension socket {
    /// The peer's address, or this socket's own for a socket without one (sendto's target).
    func getpeername_or_self() throws -> SocketAddress {
        do { return try getpeername() } catch { return try getsockname() }
    }
}

/// The disposition of SIGPIPE (the handler's address, 0 = SIG_DFL, 1 = SIG_IGN), the mask's
/// SIGPIPE bit, and whether a SIGPIPE is pending.
func sigpipeState() -> (handler: UInt, blocked: Bool, pending: Bool) {
    var action = sigaction()
    sigaction(SIGPIPE, nil, &action)
    let handler = unsafeBitCast(action.__sigaction_handler.sa_handler, to: UInt.self)
    var mask = sigset_t()
    pthread_sigmask(SIG_SETMASK, nil, &mask)
    var pending = sigset_t()
    sigpending(&pending)
    return (handler, sigismember(&mask, SIGPIPE) == 1, sigismember(&pending, SIGPIPE) == 1)
}

/// The child: writes to a closed peer down path `name` until it raises, then reports a row.
/// A death by SIGPIPE reports nothing: the parent sees the signal and reports it.
func sigpipeChild(_ name: String) throws {
    guard let path = writePaths.first(where: { $0.name == name }) else {
        report("SIGPIPE: \(name)", "a known path", "unknown path", false)
        return
    }
    let start = sigpipeState()
    let writer: socket
    var keep: [socket] = []
    switch path.peer {
    case .unix, .unixTimeout:
        let (a, b) = try socket.socketpair()
        b.close()
        writer = a
        if path.peer == .unixTimeout { try a.settimeout(0.05) }
    case .tcp:
        let server = try socket.socket()
        try server.bind(("127.0.0.1", 0))
        try server.listen()
        let client = try socket.socket()
        try client.connect(try server.getsockname())
        let (accepted, _) = try server.accept()
        accepted.close()
        keep.append(server)
        writer = client
        pause(microseconds: 10_000)
    }
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = open(directory.path + "/data", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    let chunk = [UInt8](repeating: 0x61, count: 65_536)
    _ = chunk.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
    var writes = 0
    var outcome = "no error after 1,000 writes"
    var passed = false
    do {
        while writes < 1000 {
            writes += 1
            try path.write(writer, file)
        }
    } catch let error as BrokenPipeError {
        outcome = "\(type(of: error)): \(error)"
        passed = String(describing: error) == "[Errno 32] Broken pipe"
    } catch {
        outcome = "\(type(of: error)): \(error)"
    }
    Glibc.close(file)
    let end = sigpipeState()
    let unchanged = start.handler == 0 && end.handler == 0 && start.blocked == end.blocked && !end.pending
    report("SIGPIPE: \(name)", "alive, BrokenPipeError, SIGPIPE still SIG_DFL",
           "\(outcome) after \(writes) writes; disposition \(end.handler == 0 ? "SIG_DFL" : "changed"), \(end.pending ? "SIGPIPE pending" : "none pending")",
           passed && unchanged)
    _ = keep
}

/// The parent: runs every path in a child spawned with SIGPIPE reset to SIG_DFL and unblocked,
/// and fails a path whose child dies (of SIGPIPE or anything else).
func sigpipeAll() {
    let before = sigpipeState()
    for path in writePaths {
        let status = spawnSelf(["sigpipe-child", path.name])
        if status.signal != 0 {
            report("SIGPIPE: \(path.name)", "alive, BrokenPipeError, SIGPIPE still SIG_DFL",
                   "child killed by signal \(status.signal)\(status.signal == SIGPIPE ? " (SIGPIPE)" : "")", false)
        } else if status.exit != 0 && status.exit != 1 {
            report("SIGPIPE: \(path.name)", "alive, BrokenPipeError, SIGPIPE still SIG_DFL", "child exited \(status.exit)", false)
        }
    }
    let control = spawnSelf(["sigpipe-control"])
    report("SIGPIPE control: write(2) to a pipe without a reader", "the child dies of SIGPIPE (the harness can see a death)",
           control.signal == SIGPIPE ? "killed by SIGPIPE" : "exit \(control.exit), signal \(control.signal)", control.signal == SIGPIPE)
    let after = sigpipeState()
    report("SIGPIPE disposition of the parent", "never changed by PySocket",
           before.handler == after.handler ? "unchanged" : "changed", before.handler == after.handler)
}

/// Runs this executable with `arguments` in a child whose SIGPIPE is at SIG_DFL and unblocked;
/// its standard output is ours, or a pipe whose text is returned with `capture`. Returns its
/// exit status or the signal that killed it.
func spawnSelf(_ arguments: [String], capture: Bool = false) -> (exit: Int32, signal: Int32, output: String) {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    let argv: [UnsafeMutablePointer<CChar>?] = (["/proc/self/exe"] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let envp: [UnsafeMutablePointer<CChar>?] = [nil]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var ends: [Int32] = [-1, -1]
    if capture {
        _ = pipe(&ends)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    var child: pid_t = 0
    let spawned = posix_spawn(&child, "/proc/self/exe", &actions, &attributes, argv, envp)
    var output: [UInt8] = []
    if capture {
        Glibc.close(ends[1])
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(ends[0], &chunk, chunk.count)
            if count > 0 { output += chunk[0..<count] } else if count == 0 || errno != EINTR { break }
        }
        Glibc.close(ends[0])
    }
    guard spawned == 0 else { return (127, 0, "") }
    var status: Int32 = 0
    while waitpid(child, &status, 0) == -1 && errno == EINTR {}
    let signal = status & 0x7f
    let text = String(decoding: output, as: UTF8.self)
    return signal == 0 ? ((status >> 8) & 0xff, 0, text) : (0, signal, text)
}

/// The control child: a plain write(2) to a pipe without a reader, which SIGPIPE must kill.
func sigpipeControl() {
    var ends: [Int32] = [0, 0]
    _ = pipe(&ends)
    Glibc.close(ends[0])
    var byte: UInt8 = 0
    _ = write(ends[1], &byte, 1)
}
