// select.select, os/os.path/tempfile, threading.Event and Lock.acquire, and socket identity, against the real kernel.
import PyBuiltins
import PySocket
import Testing
import TestSupport

@Suite("select, os, tempfile, threading, socket identity", .fdBalanced)
struct ModulesTests {
    @Test("select.select: readable after data, writable at once, empty lists on timeout, in the given order")
    func selectReadiness() throws {
        let (a, b) = try socket.socketpair()
        let (c, d) = try socket.socketpair()
        defer { for s in [a, b, c, d] { s.close() } }
        var (r, w, x) = try select.select([a, b, c, d], [], [], 0)
        #expect(r.isEmpty && w.isEmpty && x.isEmpty)
        try b.sendall("x")
        try c.sendall("y")
        (r, w, _) = try select.select([d, a], [b, c], [], 1.0)
        #expect(r == [d, a] && w == [b, c])
        _ = try a.recv(1)
        (r, _, _) = try select.select([a, d], [], [], 0.0)
        #expect(r == [d])
        c.close()
        (r, _, _) = try select.select([d], [], [], 1.0)  // end of stream is readable
        let got = try d.recv(10)
        #expect(r == [d] && got == "y")
        let start = time.monotonic()
        (r, _, _) = try select.select([a], [], [], 0.05)
        #expect(r.isEmpty && time.monotonic() - start >= 0.05)
        let (fdReady, _, _) = try select.select([Int(b.fileno())], [], [], 0)
        #expect(fdReady.isEmpty)
    }

    @Test("select.select raises CPython's errors: a closed socket, a negative timeout, an fd not open")
    func selectErrors() throws {
        let s = try socket.socket()
        s.close()
        #expect(outcome { try select.select([s], [], [], 0) } == "ValueError: file descriptor cannot be a negative integer (-1)")
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        #expect(outcome { try select.select([a], [], [], -1) } == "ValueError: timeout must be non-negative")
        #expect(outcome { try select.select([5000], [], [], 0) } == "ValueError: filedescriptor out of range in select()")
        let unused = Int(b.fileno()) + 100
        #expect(outcome { try select.select([unused], [], [], 0) } == "OSError: [Errno 9] Bad file descriptor")
    }

    @Test("os and tempfile: a directory made, listed, cleaned up on every exit, and CPython's FileNotFoundError")
    func filesystem() throws {
        var made = ""
        let names = try tempfile.TemporaryDirectory().with { tmp in
            made = tmp
            let path = os.path.join(tmp, "s.sock")
            let s = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            defer { s.close() }
            try s.bind(path)
            #expect(os.path.exists(path) && os.path.isdir(tmp) && !os.path.isdir(path))
            let address = try s.getsockname()
            let (base, directory) = (try os.path.basename(address), try os.path.dirname(address))
            #expect(base == "s.sock" && directory == tmp)
            try os.mkdir(os.path.join(tmp, "sub"))
            return sorted(try os.listdir(tmp))
        }
        #expect(names == ["s.sock", "sub"])
        #expect(made.hasPrefix("/tmp/tmp") && !os.path.exists(made))
        struct Stop: Error {}
        var second = ""
        #expect(throws: Stop.self) {
            try tempfile.TemporaryDirectory(suffix: "-x", prefix: "pysocket").with { tmp in
                second = tmp
                throw Stop()
            }
        }
        #expect(second.hasPrefix("/tmp/pysocket") && second.hasSuffix("-x") && !os.path.exists(second))
        #expect(outcome { try os.rmdir(made) } == "FileNotFoundError: [Errno 2] No such file or directory: '\(made)'")
        #expect(os.getpid() > 0 && !os.getcwd().isEmpty)
    }

    @Test("threading: Thread(target:args:), Event.wait with and without a timeout, Lock.acquire/release")
    func threads() throws {
        let ready = threading.Event()
        let lock = threading.Lock()
        #expect(!ready.wait(timeout: 0.01) && !ready.is_set())
        let box = Box()
        @Sendable func work(_ count: Int, _ label: String) throws {
            for _ in 0..<count {
                lock.acquire()
                box.value += 1
                try lock.release()
            }
            box.label = label
            ready.set()
        }
        let t = threading.Thread(target: work, args: (1000, "done"))
        let u = threading.Thread(target: work, args: (1000, "done"))
        try t.start()
        try u.start()
        #expect(ready.wait(5))
        try t.join()
        try u.join()
        #expect(box.value == 2000 && box.label == "done" && ready.is_set())
        ready.clear()
        #expect(!ready.is_set())
        #expect(lock.acquire() && !lock.acquire(false) && !lock.acquire(timeout: 0.01) && lock.locked())
        try lock.release()
        #expect(outcome { try lock.release() } == "RuntimeError: release unlocked lock")
        #expect(lock.with { lock.locked() } && !lock.locked())
    }

    @Test("a socket is equal to itself only and hashes by identity, so it keys a dict and is removed from a list")
    func socketIdentity() throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        var buffers: [socket: bytes] = [a: "x"]
        buffers[b] = "y"
        #expect(buffers[a] == "x" && buffers[b] == "y" && a != b && a == a)
        var inputs = [a, b]
        try inputs.remove(a)
        #expect(inputs == [b] && Set([a, a, b]).count == 2)
        #expect(outcome { try inputs.remove(a) } == "ValueError: list.remove(x): x not in list")
    }
}

/// Shared state the threads of a test write (under the test's lock).
private final class Box: @unchecked Sendable {
    var value = 0
    var label = ""
}

/// `ClassName: str(e)` for what `body` throws, or "returned".
private func outcome<T>(_ body: () throws -> T) -> String {
    do {
        _ = try body()
        return "returned"
    } catch let error as BaseException {
        return "\(type(error).__name__): \(str(error))"
    } catch {
        return "\(error)"
    }
}
