// No descriptor leaks: every fd-creating path, measured with /proc/self/fd in a child process where nothing else runs.
import Glibc
import PySocket
import TestSupport
import Testing

/// Runs each step in turn and records an issue (forwarded from the child to the parent) for
/// every step after which the process holds a different number of descriptors than before it.
/// Errors a step throws are expected (the error paths are what is being measured) and ignored.
/// Returns the number of leaking steps.
func leakingSteps(_ steps: [(String, () throws -> Void)]) -> Int {
    var leaks = 0
    for (name, step) in steps {
        let before = openDescriptorCount()
        do { try step() } catch {}
        let after = openDescriptorCount()
        if after != before {
            Issue.record("\(name): \(before) descriptors before, \(after) after")
            leaks += 1
        }
    }
    return leaks
}

/// Runs every step once without measuring, so that what the C library and the runtimes open
/// once and keep (lazily, on first use) is open before anything is counted.
func warmUp(_ steps: [(String, () throws -> Void)]) {
    for (_, step) in steps {
        do { try step() } catch {}
    }
}

/// Every path of the socket object that creates a descriptor, on success and on failure.
func descriptorSteps() -> [(String, () throws -> Void)] {
    [
        ("socket() then close()", { try socket.socket().close() }),
        ("socket() released without close()", { _ = try socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) }),
        ("socket() with SOCK_NONBLOCK", { _ = try socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK) }),
        ("socket() of an unsupported family", { _ = try socket.socket(socket.AddressFamily(12345)) }),
        ("socket() of an unsupported protocol", { _ = try socket.socket(socket.AF_INET, socket.SOCK_STREAM, 9999) }),
        ("close() twice", {
            let s = try socket.socket()
            s.close()
            s.close()
        }),
        ("socketpair()", { _ = try socket.socketpair() }),
        ("socketpair() failing", { _ = try socket.socketpair(socket.AF_INET) }),
        ("bind() in use", {
            let (holder, port) = try refusingPort()
            defer { holder.close() }
            try socket.socket().bind(("127.0.0.1", port))
        }),
        ("bind() with a bad port", { try socket.socket().bind(("127.0.0.1", 70000)) }),
        ("bind() with a too long path", { try socket.socket(socket.AF_UNIX).bind(String(repeating: "x", count: 200)) }),
        ("bind() to a path, and connect()/accept() over it", {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let server = try socket.socket(socket.AF_UNIX)
            try server.bind(directory.file("leak.sock"))
            try server.listen()
            let client = try socket.socket(socket.AF_UNIX)
            try client.connect(directory.file("leak.sock"))
            _ = try server.accept()
        }),
        ("connect() refused", {
            let (holder, port) = try refusingPort()
            defer { holder.close() }
            try socket.socket().connect(("127.0.0.1", port))
        }),
        ("connect() refused with a timeout", {
            let (holder, port) = try refusingPort()
            defer { holder.close() }
            let s = try socket.socket()
            try s.settimeout(0.05)
            try s.connect(("127.0.0.1", port))
        }),
        ("connect_ex() refused", {
            let (holder, port) = try refusingPort()
            defer { holder.close() }
            _ = try socket.socket().connect_ex(("127.0.0.1", port))
        }),
        ("connect() to a missing path", { try socket.socket(socket.AF_UNIX).connect("/nonexistent/pysocket.sock") }),
        ("connect() timing out on a full backlog", {
            let (server, address) = try listener(backlog: 0)
            let first = try socket.socket()
            try first.connect(address)
            let second = try socket.socket()
            try second.settimeout(0.05)
            defer { _ = (server, first) }
            try second.connect(address)
        }),
        ("accept()", { _ = try tcpPair() }),
        ("accept() over IPv6", { _ = try tcpPair("::1") }),
        ("accept() timing out", {
            let (server, _) = try listener()
            try server.settimeout(0.05)
            _ = try server.accept()
        }),
        ("accept() would block", {
            let (server, _) = try listener()
            try server.setblocking(false)
            _ = try server.accept()
        }),
        ("accept() on a socket that is not listening", {
            let (holder, _) = try refusingPort()
            _ = try holder.accept()
        }),
        ("dup()", {
            let s = try socket.socket()
            let d = try s.dup()
            d.close()
            _ = try s.dup()
        }),
        ("dup() of a closed socket", {
            let s = try socket.socket()
            s.close()
            _ = try s.dup()
        }),
        ("socket(fileno:) negative", { _ = try socket.socket(fileno: -1) }),
        ("socket(fileno:) not open", { _ = try socket.socket(fileno: 1_000_000) }),
        ("socket(fileno:) not a socket", {
            let fd = open("/dev/null", O_RDONLY | O_CLOEXEC)
            defer { Glibc.close(fd) }
            _ = try socket.socket(fileno: fd)
        }),
        ("socket(fileno:) wrapping, released without close()", {
            let (a, _) = try socket.socketpair()
            _ = try socket.socket(fileno: a.detach())
        }),
        ("detach() then close(2)", {
            let fd = try socket.socket().detach()
            Glibc.close(fd)
        }),
        ("sockets made under a default timeout", {
            try socket.setdefaulttimeout(0.05)
            defer { try? socket.setdefaulttimeout(nil) }
            _ = try socket.socket()
            _ = try socket.socketpair()
            let (client, server, _) = try tcpPair()
            _ = try server.recv(1)
            _ = client
        }),
        ("recv() and sendall() timing out", {
            let (a, b) = try socket.socketpair()
            try a.settimeout(0.05)
            do { _ = try a.recv(1) } catch {}
            try a.sendall([UInt8](repeating: 0, count: 16 * 1024 * 1024))
            _ = b
        }),
        ("send() to a closed peer", {
            let (a, b) = try socket.socketpair()
            b.close()
            for _ in 0..<100 { _ = try a.send("x") }
        }),
        ("getsockopt()/setsockopt() failing", {
            let s = try socket.socket()
            do { _ = try s.getsockopt(socket.SOL_SOCKET, 9999) } catch {}
            try s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, bytes([1]))
        }),
    ]
}

@Suite(.fdBalanced) struct FDLeakTests {
    @Test func noPathLeaksADescriptor() async {
        await #expect(processExitsWith: .success) {
            warmUp(descriptorSteps())
            let leaks = leakingSteps(descriptorSteps())
            exit(leaks == 0 ? 0 : 1)
        }
    }

    @Test func theCountSeesALeak() async {
        // The control: a step that leaks a descriptor (detach without close) is counted.
        await #expect(processExitsWith: .failure) {
            let before = openDescriptorCount()
            _ = try socket.socket().detach()
            exit(openDescriptorCount() == before ? 0 : 1)
        }
    }

    @Test func repeatedRunsLeaveTheCountUnchanged() async {
        // Everything, three times over: the total count is back where it started.
        await #expect(processExitsWith: .success) {
            warmUp(descriptorSteps())
            let before = openDescriptorCount()
            for _ in 0..<3 { warmUp(descriptorSteps()) }
            let after = openDescriptorCount()
            if after != before { Issue.record("\(before) descriptors before, \(after) after") }
            exit(after == before ? 0 : 1)
        }
    }
}

/// The `.fdBalanced` trait itself: its scope, nested inside the suite's, reports to a closure.
@Suite(.fdBalanced) struct FDBalancedTraitTests {
    @Test func theTraitReportsADescriptorLeftOpen() async throws {
        // The control: a test body that leaves a socket's descriptor open is reported, naming it.
        let leaked = Shared<Int32>(-1)
        let reports = Shared<[String]>([])
        try await FDBalanced(onImbalance: { reports.value.append($0) }).provideScope(for: Test.current!, testCase: Test.Case.current) {
            leaked.value = try socket.socket().detach()
        }
        #expect(leaked.value >= 0)
        Glibc.close(leaked.value)
        #expect(reports.value.count == 1)
        #expect(reports.value.first?.contains("fd delta 1") == true)
        #expect(reports.value.first?.contains("\(leaked.value)=socket:[") == true)
    }

    @Test func theTraitReportsADescriptorClosedBehindItsBack() async throws {
        let reports = Shared<[String]>([])
        let s = try socket.socket()
        try await FDBalanced(onImbalance: { reports.value.append($0) }).provideScope(for: Test.current!, testCase: Test.Case.current) {
            Glibc.close(s.detach())
        }
        #expect(reports.value.count == 1)
        #expect(reports.value.first?.contains("fd delta -1") == true)
    }

    @Test func theTraitPassesABalancedBody() async throws {
        let reports = Shared<[String]>([])
        try await FDBalanced(onImbalance: { reports.value.append($0) }).provideScope(for: Test.current!, testCase: Test.Case.current) {
            let (a, b) = try socket.socketpair()
            a.close()
            _ = b
        }
        #expect(reports.value.isEmpty)
    }

    @Test func theDescriptorListSeesASocket() throws {
        let before = openDescriptors()
        let s = try socket.socket()
        let opened = openDescriptors().filter { before[$0.key] == nil }
        s.close()
        #expect(opened.count == 1)
        #expect(opened.values.first?.hasPrefix("socket:[") == true)
        #expect(openDescriptors() == before)
    }
}

/// A value shared with a `@Sendable` closure (written by one closure at a time).
final class Shared<Value: Sendable>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
