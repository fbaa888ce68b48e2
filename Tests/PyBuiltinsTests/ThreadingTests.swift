// threading.Thread/Lock and time: a target runs and is joined, a timed join returns early, errors go to stderr, exit waits.
import Glibc
import PyBuiltins
import PySocket
import Synchronization
import Testing
import TestSupport

@Suite(.fdBalanced) struct ThreadingTests {
    @Test("start runs the target on another thread; join waits for it")
    func startAndJoin() throws {
        let result = Mutex<[String]>([])
        let t = threading.Thread(target: {
            try time.sleep(0.05)
            result.withLock { $0.append("done") }
        })
        #expect(!t.is_alive())
        try t.start()
        try t.join()
        #expect(result.withLock { $0 } == ["done"])
        #expect(!t.is_alive())
    }

    @Test("join(timeout) returns at the deadline while the thread runs on")
    func timedJoin() throws {
        let t = threading.Thread(target: { try time.sleep(0.5) }, name: "sleeper")
        try t.start()
        let before = time.monotonic()
        try t.join(0.05)
        let waited = time.monotonic() - before
        #expect(waited >= 0.05 && waited < 0.4)
        #expect(t.is_alive())
        #expect(t.name == "sleeper")
        try t.join()
        #expect(!t.is_alive())
    }

    @Test("a served connection in a thread, as the socket programs do")
    func servesInAThread() throws {
        let srv = try socket.create_server(("127.0.0.1", 0))
        defer { srv.close() }
        let port = try srv.getsockname().port
        let t = threading.Thread(target: {
            let (conn, _) = try srv.accept()
            try conn.with { conn in try conn.sendall(try conn.recv(100).upper()) }
        })
        try t.start()
        let reply = try socket.create_connection(("127.0.0.1", port), timeout: 5).with { c in
            try c.sendall("ping")
            return try c.recv(100)
        }
        try t.join()
        #expect(reply == "PING")
    }

    @Test("a lock's with block excludes other threads")
    func lock() throws {
        let lock = threading.Lock()
        let counter = Mutex(0)
        nonisolated(unsafe) var plain = 0
        let threads = (0..<4).map { _ in
            threading.Thread(target: {
                for _ in 0..<1000 {
                    lock.with { plain += 1 }
                }
                counter.withLock { $0 += 1 }
            })
        }
        for t in threads { try t.start() }
        for t in threads { try t.join() }
        #expect(lock.with { plain } == 4000)
        #expect(counter.withLock { $0 } == 4)
    }

    @Test("time.sleep sleeps; time.time is the epoch clock")
    func clocks() throws {
        let start = time.perf_counter()
        try time.sleep(0.02)
        #expect(time.perf_counter() - start >= 0.02)
        #expect(time.time() > 1_700_000_000)
    }

    @Test("an error thrown by the target is written to stderr as CPython's last traceback line")
    func targetErrorGoesToStderr() async throws {
        let result = try await #require(
            #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
                let t = threading.Thread(target: { throw socket.gaierror(-2, "Name or service not known") }, name: "resolver")
                try? t.start()
                try? t.join()
                exit(0)
            })
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).hasSuffix(
            "Exception in thread resolver:\nsocket.gaierror: [Errno -2] Name or service not known\n"))
    }

    @Test("at exit the process waits for a started thread that is not a daemon, as CPython does")
    func exitWaitsForThreads() async throws {
        let result = try await #require(
            #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
                let t = threading.Thread(target: {
                    try time.sleep(0.2)
                    print("thread done")
                })
                try? t.start()
                print("main done")
                exit(0)
            })
        #expect(String(decoding: result.standardOutputContent, as: UTF8.self) == "main done\nthread done\n")
    }
}
