// Hostile API input, table-driven: each case's outcome compared with CPython 3.13's (Reliability/expected-hostile.tsv).
import Glibc
import PySocket

/// The fixtures of one case, fresh for each: `a, b` a connected socketpair with 40 bytes
/// waiting at `b`, `t` a fresh TCP socket, `buf` 10 bytes, `r, w` a pipe, `closed` a
/// descriptor number that was just closed. (As in Reliability/capture_hostile.py.)
final class Fixtures {
    let a: socket, b: socket, t: socket
    var buf = [UInt8](repeating: 0, count: 10)
    let r: Int32, w: Int32, closed: Int32

    init() throws {
        (a, b) = try socket.socketpair()
        try a.sendall(bytes("0123456789") * 4)
        t = try socket.socket()
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw OSError.from(errno: Int(errno)) }
        (r, w) = (ends[0], ends[1])
        closed = dup(w)
        Glibc.close(closed)
    }

    func release() {
        a.close()
        b.close()
        t.close()
        Glibc.close(r)
        Glibc.close(w)
    }

    /// `r` as the 4 bytes of an SCM_RIGHTS payload, `count` times.
    func rights(_ fd: Int32, count: Int = 1) -> bytes {
        let one = withUnsafeBytes(of: fd) { Array($0) }
        return bytes(Array([[UInt8]](repeating: one, count: count).joined()))
    }
}

/// What CPython's `repr` gives for these results (the capture's `describe`).
func shown(_ value: Any?) -> String {
    switch value {
    case nil: return "None"
    case let number as Int: return String(number)
    case let data as bytes: return String(describing: data)
    case is socket: return "socket"
    default: return "tuple"
    }
}

/// Every case: its name (as in the capture) and the Swift of the same Python line.
let hostileCases: [(String, @Sendable (Fixtures) throws -> Any?)] = [
    ("recvfrom_into nbytes > len(buf)", { f in try f.b.recvfrom_into(&f.buf, 11) }),
    ("recvfrom_into nbytes 2**62", { f in try f.b.recvfrom_into(&f.buf, 1 << 62) }),
    ("recv_into nbytes > len(buf)", { f in try f.b.recv_into(&f.buf, 11) }),
    ("recv_into nbytes -1", { f in try f.b.recv_into(&f.buf, -1) }),
    ("recvfrom_into nbytes -1", { f in try f.b.recvfrom_into(&f.buf, -1) }),
    ("recv_into nbytes 0 (the whole buffer)", { f in try f.b.recv_into(&f.buf, 0) }),
    ("recv -1", { f in try f.b.recv(-1) }),
    ("recv 0", { f in try f.b.recv(0) }),
    ("recv 2**63-1", { f in try f.b.recv(Int.max) }),
    ("recvfrom -1", { f in try f.b.recvfrom(-1) }),
    ("recvfrom 2**63-1", { f in try f.b.recvfrom(Int.max) }),
    ("recvmsg -1", { f in try f.b.recvmsg(-1) }),
    ("recvmsg 2**63-1", { f in try f.b.recvmsg(Int.max) }),
    ("recvmsg ancbufsize -1", { f in try f.b.recvmsg(1, -1) }),
    ("recvmsg ancbufsize 2**63-1", { f in try f.b.recvmsg(1, Int.max) }),
    ("recvmsg_into 10,000 buffers", { f in
        var buffers = [[UInt8]](repeating: [0], count: 10_000)
        return try f.b.recvmsg_into(&buffers)
    }),
    ("setsockopt SO_REUSEADDR 1-byte buffer", { f in try f.t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, bytes([1])) }),
    ("setsockopt SO_REUSEADDR empty buffer", { f in try f.t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, bytes()) }),
    ("setsockopt SO_REUSEADDR 1000-byte buffer", { f in
        try f.t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, bytes([UInt8](repeating: 1, count: 1000)))
    }),
    ("setsockopt SO_LINGER 4-byte buffer", { f in try f.t.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, bytes([1, 0, 0, 0])) }),
    ("setsockopt SO_RCVTIMEO 8-byte buffer", { f in
        try f.t.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, bytes([UInt8](repeating: 0, count: 8)))
    }),
    ("setsockopt int 2**31", { f in try f.t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1 << 31) }),
    ("setsockopt int -1", { f in try f.t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, -1) }),
    ("setsockopt None, optlen 4", { f in try f.t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, nil, 4) }),
    ("setsockopt None, optlen -1", { f in try f.t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, nil, -1) }),
    ("setsockopt None, optlen 2**32", { f in try f.t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, nil, 1 << 32) }),
    ("getsockopt buflen -1", { f in try f.t.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, -1) }),
    ("getsockopt buflen 1", { f in try f.t.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1) }),
    ("getsockopt buflen 1024", { f in try f.t.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1024).count }),
    ("getsockopt buflen 1025", { f in try f.t.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1025) }),
    ("getsockopt level 2**31", { f in try f.t.getsockopt(1 << 31, socket.SO_REUSEADDR) }),
    ("sendmsg 1,024 buffers", { f in try f.a.sendmsg([bytes](repeating: "x", count: 1024)) }),
    ("sendmsg 1,025 buffers", { f in try f.a.sendmsg([bytes](repeating: "x", count: 1025)) }),
    ("sendmsg 10,000 buffers", { f in try f.a.sendmsg([bytes](repeating: "x", count: 10_000)) }),
    ("sendmsg 10,000 SCM_RIGHTS items", { f in
        try f.a.sendmsg(["x"], [(Int, Int, bytes)](repeating: (socket.SOL_SOCKET, socket.SCM_RIGHTS, f.rights(f.r)), count: 10_000))
    }),
    ("sendmsg 100 SCM_RIGHTS items", { f in
        try f.a.sendmsg(["x"], [(Int, Int, bytes)](repeating: (socket.SOL_SOCKET, socket.SCM_RIGHTS, f.rights(f.r)), count: 100))
    }),
    ("sendmsg SCM_RIGHTS of 254 fds", { f in try f.a.sendmsg(["x"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, f.rights(f.r, count: 254))]) }),
    ("sendmsg SCM_RIGHTS of 3 bytes", { f in try f.a.sendmsg(["x"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, bytes([0, 0, 0]))]) }),
    ("sendmsg SCM_RIGHTS of a closed fd", { f in try f.a.sendmsg(["x"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, f.rights(f.closed))]) }),
    ("sendmsg unknown cmsg type", { f in try f.a.sendmsg(["x"], [(socket.SOL_SOCKET, 9999, bytes())]) }),
    ("sendmsg cmsg level 2**31", { f in try f.a.sendmsg(["x"], [(1 << 31, 1, bytes())]) }),
    ("send_fds 254 fds", { f in try socket.send_fds(f.a, ["x"], [Int32](repeating: f.r, count: 254)) }),
    ("recv_fds maxfds -1", { f in try socket.recv_fds(f.b, 1, -1) }),
    ("fromfd on a pipe", { f in try socket.fromfd(f.r, socket.AF_INET, socket.SOCK_STREAM).getsockname() }),
    ("fromfd on a closed fd", { f in try socket.fromfd(f.closed, socket.AF_INET, socket.SOCK_STREAM) }),
    ("fromfd -1", { f in try socket.fromfd(-1, socket.AF_INET, socket.SOCK_STREAM) }),
    ("socket(fileno=pipe)", { f in try socket.socket(fileno: f.r) }),
    ("socket(fileno=closed)", { f in try socket.socket(fileno: f.closed) }),
    ("socket(fileno=-1)", { f in try socket.socket(fileno: -1) }),
    ("socket(AF_INET, SOCK_STREAM, 0, fileno=pipe).recv(1)", { f in
        let s = try socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, fileno: f.r)
        defer { _ = s.detach() }
        return try s.recv(1)
    }),
    ("socket(AF_INET, SOCK_STREAM, 0, fileno=closed)", { f in try socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, fileno: f.closed) }),
    ("settimeout -1", { f in try f.t.settimeout(-1) }),
    ("settimeout 1e300", { f in try f.t.settimeout(1e300) }),
    ("settimeout nan", { f in try f.t.settimeout(.nan) }),
    ("listen -1", { f in try f.t.listen(-1) }),
    ("listen 2**31", { f in try f.t.listen(1 << 31) }),
    ("shutdown 3", { f in try f.a.shutdown(3) }),
    ("shutdown 2**31", { f in try f.a.shutdown(1 << 31) }),
    ("CMSG_LEN -1", { _ in try socket.CMSG_LEN(-1) }),
    ("CMSG_LEN 2**63-1", { _ in try socket.CMSG_LEN(Int.max) }),
    ("CMSG_SPACE 2**63-1", { _ in try socket.CMSG_SPACE(Int.max) }),
    ("htons -1", { _ in try socket.htons(-1) }),
    ("htons 65536", { _ in try socket.htons(65536) }),
    ("htonl 2**32", { _ in try socket.htonl(1 << 32) }),
    ("if_indextoname -1", { _ in try socket.if_indextoname(-1) }),
    ("if_indextoname 2**32", { _ in try socket.if_indextoname(1 << 32) }),
    ("inet_ntop 5 bytes", { _ in try socket.inet_ntop(socket.AF_INET, bytes([0, 0, 0, 0, 0])) }),
    ("inet_ntoa 5 bytes", { _ in try socket.inet_ntoa(bytes([0, 0, 0, 0, 0])) }),
    ("bind port -1", { f in try f.t.bind(("127.0.0.1", -1)) }),
    ("bind port 65536", { f in try f.t.bind(("127.0.0.1", 65536)) }),
    ("bind port 2**63-1", { f in try f.t.bind(("127.0.0.1", Int.max)) }),
    ("connect_ex port 65536", { f in try f.t.connect_ex(("127.0.0.1", 65536)) }),
    ("sendto port -1", { _ in try socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto("x", ("127.0.0.1", -1)) }),
    ("socket family -1", { _ in try socket.socket(socket.AddressFamily(-1)) }),
    ("socket type -1", { _ in try socket.socket(socket.AF_INET, socket.SocketKind(-1)) }),
    ("socketpair AF_INET", { _ in try socket.socketpair(socket.AF_INET) }),
]

/// One case's outcome: (type, str, result) as the capture writes them.
func runHostileCase(_ body: (Fixtures) throws -> Any?) -> (String, String, String) {
    let fixtures: Fixtures
    do { fixtures = try Fixtures() } catch { return ("setup failed", "\(error)", "") }
    defer { fixtures.release() }
    do {
        let value = try body(fixtures)
        if let made = value as? socket { made.close() }
        return ("None", "", value is Void ? "None" : shown(value))
    } catch {
        let (type, text) = describeOutcome(error)
        return (type, text, "")
    }
}

/// The child of `hostileInput` for one case: prints its outcome as a tab-separated line.
func hostileChild(_ name: String) {
    guard let (_, body) = hostileCases.first(where: { $0.0 == name }) else { return }
    let (type, text, detail) = runHostileCase(body)
    say("OUTCOME\t\(type)\t\(text)\t\(detail)")
}

/// Runs every case once in a child process of its own (so that a trap is reported as that
/// case's failure), compares it with CPython's outcome, then runs the cases that did not crash
/// `rounds` times more in this process with the descriptor count checked.
func hostileInput(expected path: String, rounds: Int) {
    let expected = expectedOutcomes(path)
    var differ = 0
    var crashed: Set<String> = []
    for (name, _) in hostileCases {
        guard let want = expected[name] else {
            report("hostile: \(name)", "CPython's outcome", "no captured outcome", false)
            differ += 1
            continue
        }
        let child = spawnSelf(["hostile-case", name], capture: true)
        let line = child.output.split(separator: "\n").first { $0.hasPrefix("OUTCOME\t") }
        let fields = line.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) } ?? []
        let cpython = want.type == "None" ? want.detail : "\(want.type): \(want.text)"
        if child.signal != 0 || fields.count < 4 {
            crashed.insert(name)
            differ += 1
            report("hostile: \(name)", "CPython: \(cpython)", child.signal != 0 ? "crashed (signal \(child.signal))" : "no outcome (exit \(child.exit))", false)
            continue
        }
        if (fields[1], fields[2], fields[3]) != (want.type, want.text, want.detail) {
            differ += 1
            report("hostile: \(name)", "CPython: \(cpython)", fields[1] == "None" ? fields[3] : "\(fields[1]): \(fields[2])", false)
        }
    }
    report("hostile input: \(hostileCases.count) cases", "each as CPython 3.13 (type and message, or result); no crash",
           "\(hostileCases.count - differ) match, \(differ) differ (\(crashed.count) crash)", differ == 0)
    let survivors = hostileCases.filter { !crashed.contains($0.0) }
    for (_, body) in survivors { _ = runHostileCase(body) }
    let before = openDescriptorCount()
    for _ in 0..<rounds {
        for (_, body) in survivors { _ = runHostileCase(body) }
    }
    let delta = openDescriptorCount() - before
    report("hostile input x\(grouped(rounds)) rounds (\(survivors.count) cases)", "fd delta 0", "fd delta \(delta)", delta == 0)
}
