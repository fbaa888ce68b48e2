// asyncio's cancellation counted per task (cancel/cancelling/uncancel), task names and current_task/all_tasks, on every backend.
import Glibc
import PySocket
import PySocketAsync
import Testing
import TestSupport

/// Sleeps `delay` seconds and returns it.
private func named(_ delay: Double) async throws -> Double {
    try await asyncio.sleep(delay)
    return delay
}

/// Counts the `CancelledError`s three sleeps of 30 ms see.
private func countErrors() async throws -> Int {
    var n = 0
    for _ in 0..<3 {
        do { try await asyncio.sleep(0.03) } catch is asyncio.CancelledError { n += 1 }
    }
    return n
}

/// Waits long; a cancel makes it return instead.
private func innerSwallows() async throws -> String {
    do { try await asyncio.sleep(10) } catch is asyncio.CancelledError { return "inner swallowed" }
    return "slept"
}

/// Answers each chunk in capitals.
private final class UpperEcho: asyncio.`Protocol` {
    var transport: asyncio.Transport?
    override func connection_made(_ transport: asyncio.Transport) { self.transport = transport }
    override func data_received(_ data: bytes) throws { try transport?.write(data.upper()) }
}

/// Sends `over unix` and EOF; resolves `done` with the 9-byte reply.
private final class UnixClient: asyncio.`Protocol` {
    let done: asyncio.Future<bytes>
    var got = bytes()
    init(_ done: asyncio.Future<bytes>) { self.done = done }

    override func connection_made(_ transport: asyncio.Transport) throws {
        try transport.write("over unix")
        try transport.write_eof()
    }

    override func data_received(_ data: bytes) throws {
        got += data
        if got.count >= 9 { try done.set_result(got) }
    }
}

/// A string as Python's `repr` of a list of strings prints it.
private func pyList(_ items: [String]) -> String {
    "[" + items.map { "'\($0)'" }.joined(separator: ", ") + "]"
}

/// Every scenario of this file; expected lines are CPython 3.13's, printed by
/// `scripts/asyncapi_probe.py` (a task's repr there without its `coro=` part).
let asyncAPIScenarios: [String: Scenario] = [
    "a task that catches CancelledError awaits again": { backend in
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            let loop = asyncio.get_running_loop()
            nonisolated(unsafe) var log: [String] = []
            let (a, b) = try nonBlockingPair()
            let t = asyncio.create_task { () async throws -> String in
                do {
                    try await asyncio.sleep(10)
                } catch is asyncio.CancelledError {
                    log.append("caught, cancelling=\(asyncio.current_task()!.cancelling())")
                    try await asyncio.sleep(0.01)
                    log.append("slept after the cancel")
                    try await loop.sock_sendall(a, "bye")
                    log.append("sent goodbye")
                }
                return "finished"
            }
            try await asyncio.sleep(0.01)
            log.append("cancel \(t.cancel() ? "True" : "False")")
            log.append(try await t.value)
            log.append("cancelled=\(t.cancelled() ? "True" : "False") cancelling=\(t.cancelling()) got=\(try await loop.sock_recv(b, 10))")
            a.close()
            b.close()
            return log
        }
        #expect(lines == ["cancel True", "caught, cancelling=1", "slept after the cancel", "sent goodbye", "finished",
                          "cancelled=False cancelling=1 got=b'bye'"])
    },
    "two cancels are one CancelledError; uncancel counts down": { backend in
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            let t = asyncio.create_task(name: "counter") { try await countErrors() }
            try await asyncio.sleep(0.01)
            t.cancel()
            t.cancel()
            var lines = ["cancelling=\(t.cancelling())", String(reflecting: t)]
            let errors = try await t.value
            lines.append("errors=\(errors) cancelling=\(t.cancelling()) uncancel=\(t.uncancel()) \(t.uncancel()) \(t.uncancel())")
            return lines
        }
        #expect(lines == ["cancelling=2", "<Task cancelling name='counter'>", "errors=1 cancelling=2 uncancel=1 0 0"])
    },
    "a task cancels itself: uncancel drops it, else the next await raises": { backend in
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            let me = asyncio.current_task()!
            var lines = ["cancel=\(me.cancel() ? "True" : "False") cancelling=\(me.cancelling()) uncancel=\(me.uncancel())"]
            try await asyncio.sleep(0.001)
            lines.append("not cancelled after uncancel")
            me.cancel()
            do {
                try await asyncio.sleep(0)
                lines.append("not raised")
            } catch is asyncio.CancelledError {
                lines.append("raised at the next await, cancelling=\(me.cancelling())")
            }
            me.uncancel()
            try await asyncio.sleep(0)
            lines.append("then runs on")
            return lines
        }
        #expect(lines == ["cancel=True cancelling=1 uncancel=0", "not cancelled after uncancel",
                          "raised at the next await, cancelling=1", "then runs on"])
    },
    "cancelling a task that awaits a task which swallows it": { backend in
        let line = try asyncio.run(backend: backend) { () -> String in
            let i = asyncio.create_task { try await innerSwallows() }
            let o = asyncio.create_task { try await i.value }
            try await asyncio.sleep(0.01)
            o.cancel()
            let r = try await o.value
            return "\(r) outer.cancelling=\(o.cancelling()) outer.cancelled=\(o.cancelled()) inner.cancelled=\(i.cancelled())"
        }
        #expect(line == "inner swallowed outer.cancelling=1 outer.cancelled=false inner.cancelled=false")
    },
    "a task cancelled just before it returns ends cancelled": { backend in
        let cancelled = try asyncio.run(backend: backend) { () -> Bool in
            let t = asyncio.create_task { () async throws -> Int in
                asyncio.current_task()!.cancel()
                return 1
            }
            do { _ = try await t.value } catch is asyncio.CancelledError {}
            return t.cancelled()
        }
        #expect(cancelled)
    },
    "a cancelled stream client says goodbye and waits for the close": { backend in
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            nonisolated(unsafe) var got: [bytes] = []
            let server = try await asyncio.start_server({ reader, writer in
                got.append(try await reader.read(100))
                writer.close()
                try await writer.wait_closed()
            }, "127.0.0.1", 0)
            let port = try server.sockets[0].getsockname().port
            nonisolated(unsafe) var log: [String] = []
            let t = asyncio.create_task {
                let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
                do {
                    _ = try await reader.read(100)
                } catch is asyncio.CancelledError {
                    log.append("client cancelled in read")
                    try writer.write("goodbye")
                    try await writer.drain()
                    writer.close()
                    try await writer.wait_closed()
                    log.append("closed after goodbye")
                    throw asyncio.CancelledError()
                }
            }
            try await asyncio.sleep(0.02)
            t.cancel()
            do { try await t.value } catch is asyncio.CancelledError { log.append("client task cancelled=\(t.cancelled() ? "True" : "False")") }
            try await asyncio.sleep(0.02)
            server.close()
            try await server.wait_closed()
            log.append("server got [\(got.map { "\($0)" }.joined(separator: ", "))]")
            return log
        }
        #expect(lines == ["client cancelled in read", "closed after goodbye", "client task cancelled=True", "server got [b'goodbye']"])
    },
    "task names, repr, current_task, all_tasks, done callbacks": { backend in
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            let me = asyncio.current_task()!
            let base = Int(asyncio.create_task { try await named(0) }.get_name().split(separator: "-")[1])!
            let a = asyncio.create_task { try await named(0.01) }
            let b = asyncio.create_task(name: "second") { try await named(1) }
            var lines = ["\(Int(a.get_name().split(separator: "-")[1])! - base) \(b.get_name())", String(reflecting: b)]
            b.set_name(42)
            let all = try asyncio.all_tasks()
            lines.append("'\(b.get_name())' \(all.count) \(all.contains(me)) \(asyncio.current_task()! === me)")
            _ = try await a.value
            let aName = a.get_name()
            lines.append(String(reflecting: a).split(separator: aName, omittingEmptySubsequences: false).joined(separator: "A"))
            b.cancel()
            lines.append(String(reflecting: b))
            do { _ = try await b.value } catch is asyncio.CancelledError { lines.append(String(reflecting: b)) }
            let f = asyncio.create_task(name: "bad") { () async throws -> Int in throw ValueError("boom") }
            do { _ = try await f.value } catch is ValueError {}
            lines.append(String(reflecting: f))
            nonisolated(unsafe) var seen: [String] = []
            f.add_done_callback { seen.append($0.get_name()) }
            try await asyncio.sleep(0)
            lines.append("\(pyList(seen)) \(try asyncio.all_tasks().count)")
            return lines
        }
        #expect(lines == ["1 second", "<Task pending name='second'>", "'42' 4 true true", "<Task finished name='A' result=0.01>",
                          "<Task cancelling name='42'>", "<Task cancelled name='42'>",
                          "<Task finished name='bad' exception=ValueError('boom')>", "['bad'] 1"])
    },
    "Queue.shutdown, LifoQueue, PriorityQueue": { backend in
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            var lines: [String] = []
            let q = asyncio.Queue<Int>()
            for i in 0..<3 { try q.put_nowait(i) }
            lines.append("\(q)")
            nonisolated(unsafe) var got: [String] = []
            let c = asyncio.create_task {
                do {
                    while true {
                        got.append("\(try await q.get())")
                        try q.task_done()
                    }
                } catch is asyncio.QueueShutDown {
                    got.append("'shut down'")
                }
            }
            try await asyncio.sleep(0.01)
            q.shutdown()
            try await c.value
            lines.append("[\(got.joined(separator: ", "))] \(q)")
            do { try q.put_nowait(9) } catch let e as asyncio.QueueShutDown { lines.append("put: \(type(of: e)) \(String(reflecting: e))") }
            do { _ = try await q.get() } catch is asyncio.QueueShutDown { lines.append("get: QueueShutDown") }
            do { _ = try q.get_nowait() } catch is asyncio.QueueShutDown { lines.append("get_nowait: QueueShutDown") }
            let r = asyncio.Queue<Int>()
            for i in 0..<4 { try await r.put(i) }
            let waiter = asyncio.create_task { try await r.join() }
            try await asyncio.sleep(0)
            r.shutdown(immediate: true)
            try await waiter.value
            lines.append("\(r) joined=\(waiter.done() ? "True" : "False") empty=\(r.empty() ? "True" : "False")")
            do { try r.task_done() } catch let e as ValueError { lines.append("\(e)") }
            let full = asyncio.Queue<String>(maxsize: 1)
            try full.put_nowait("a")
            let putter = asyncio.create_task { try await full.put("b") }
            try await asyncio.sleep(0)
            full.shutdown()
            do { try await putter.value } catch is asyncio.QueueShutDown { lines.append("blocked put: QueueShutDown '\(try full.get_nowait())'") }
            let lifo = asyncio.LifoQueue<String>()
            for x in ["a", "b", "c"] { try await lifo.put(x) }
            lines.append("\(lifo) [\(try (0..<3).map { _ in "'\(try lifo.get_nowait())'" }.joined(separator: ", "))]")
            let pq = asyncio.PriorityQueue<Int>()
            for x in [5, 1, 4, 2, 3, 1] { try pq.put_nowait(x) }
            lines.append("\(pq)")
            var popped: [Int] = []
            for _ in 0..<6 { popped.append(try await pq.get()) }
            lines.append("\(popped)")
            let tq = asyncio.PriorityQueue<(Int, String)>(by: <)
            for item in [(2, "b"), (1, "z"), (3, "c"), (1, "a")] { try tq.put_nowait(item) }
            lines.append("[" + (try (0..<4).map { _ in try tq.get_nowait() }.map { "(\($0.0), '\($0.1)')" }).joined(separator: ", ") + "]")
            return lines
        }
        #expect(lines == ["<Queue maxsize=0 _queue=[0, 1, 2] tasks=3>", "[0, 1, 2, 'shut down'] <Queue maxsize=0 shutdown>",
                          "put: QueueShutDown QueueShutDown()", "get: QueueShutDown", "get_nowait: QueueShutDown",
                          "<Queue maxsize=0 shutdown> joined=True empty=True", "task_done() called too many times",
                          "blocked put: QueueShutDown 'a'", "<LifoQueue maxsize=0 _queue=['a', 'b', 'c'] tasks=3> ['c', 'b', 'a']",
                          "<PriorityQueue maxsize=0 _queue=[1, 2, 1, 5, 3, 4] tasks=6>", "[1, 1, 2, 3, 4, 5]",
                          "[(1, 'a'), (1, 'z'), (2, 'b'), (3, 'c')]"])
    },
    "Barrier: indexes, repr, reset and abort": { backend in
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            var lines: [String] = []
            do { _ = try asyncio.Barrier(0) } catch let e as ValueError { lines.append("\(e)") }
            let b = try asyncio.Barrier(3)
            nonisolated(unsafe) var order: [String] = []
            let tasks = (0..<3).map { n in
                asyncio.create_task { () async throws -> Int in
                    try await asyncio.sleep(Double(n) * 0.005)
                    let i = try await b.wait()
                    order.append("(\(n), \(i))")
                    return i
                }
            }
            try await asyncio.sleep(0.007)
            lines.append(String(reflecting: b))
            let results = try await asyncio.gather(tasks)
            lines.append("\(results) [\(order.joined(separator: ", "))] \(b.n_waiting) \(b.broken ? "True" : "False")")
            let w = asyncio.create_task { try await b.wait() }
            try await asyncio.sleep(0.01)
            try await b.reset()
            do { _ = try await w.value } catch let e as asyncio.BrokenBarrierError {
                lines.append("reset: \(type(of: e)) \(e) \((e as Any) is RuntimeError ? "True" : "False")")
            }
            let w2 = asyncio.create_task { try await b.wait() }
            try await asyncio.sleep(0.01)
            try await b.abort()
            do { _ = try await w2.value } catch let e as asyncio.BrokenBarrierError { lines.append("abort: \(e)") }
            do { try await b.wait() } catch let e as asyncio.BrokenBarrierError { lines.append("after abort: \(e) \(String(reflecting: b))") }
            return lines
        }
        #expect(lines == ["parties must be > 0", "<asyncio.locks.Barrier object [filling, waiters:2/3]>", "[0, 1, 2] [(2, 2), (0, 0), (1, 1)] 0 False",
                          "reset: BrokenBarrierError Abort or reset of barrier True", "abort: Abort or reset of barrier",
                          "after abort: Barrier aborted <asyncio.locks.Barrier object [broken]>"])
    },
    "loop.create_unix_server and create_unix_connection": { backend in
        var template = Array("/tmp/pysocket-asyncapi-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw OSError("mkdtemp failed") }
        let directory = String(cString: made)
        let path = directory + "/proto.sock"
        defer {
            unlink(path)
            rmdir(directory)
        }
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            let loop = asyncio.get_running_loop()
            var lines: [String] = []
            let server = try await loop.create_unix_server(UpperEcho.init, path)
            lines.append("\(String(describing: try server.sockets[0].getsockname()) == path ? "True" : "False") \(server.is_serving() ? "True" : "False")")
            let done: asyncio.Future<bytes> = loop.create_future()
            let (transport, _) = try await loop.create_unix_connection({ UnixClient(done) }, path)
            lines.append("\(try await asyncio.wait_for(await done.value, 2))")
            transport.close()
            server.close()
            try await server.wait_closed()
            lines.append("file removed: \(access(path, F_OK) != 0 ? "True" : "False")")
            do { _ = try await loop.create_unix_connection(UpperEcho.init, directory + "/missing.sock") } catch let e as OSError {
                lines.append("\(type(of: e)) \(e)")
            }
            let s = try socket.socket()
            do { _ = try await loop.create_unix_connection(UpperEcho.init, path, sock: s) } catch let e as ValueError { lines.append("\(e)") }
            do { _ = try await loop.create_unix_connection(UpperEcho.init) } catch let e as ValueError { lines.append("\(e)") }
            s.close()
            return lines
        }
        #expect(lines == ["True True", "b'OVER UNIX'", "file removed: True", "FileNotFoundError [Errno 2] No such file or directory",
                          "path and sock can not be specified at the same time", "no path and sock were specified"])
    },
    "timeout's reschedule/when/expired, timeout_at": { backend in
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            let loop = asyncio.get_running_loop()
            nonisolated(unsafe) var lines: [String] = []
            nonisolated(unsafe) var kept: asyncio.Timeout?
            do {
                try await asyncio.timeout(0.01) { cm in
                    kept = cm
                    lines.append(String(reflecting: cm).split(separator: " when=")[0] + " when=T>")
                    try cm.reschedule(loop.time() + 0.05)
                    lines.append("moved: \(cm.when()! > loop.time() + 0.03 ? "True" : "False")")
                    try await asyncio.sleep(0.03)
                    lines.append("outlived the first deadline")
                    try await asyncio.sleep(1)
                }
            } catch let e as TimeoutError {
                lines.append("TimeoutError \(String(reflecting: e)) expired=\(kept!.expired() ? "True" : "False") \(String(reflecting: kept!))")
            }
            do { try kept!.reschedule(nil) } catch let e as RuntimeError { lines.append("\(e)") }
            try await asyncio.timeout(nil) { cm2 in
                kept = cm2
                lines.append(String(reflecting: cm2))
                try cm2.reschedule(loop.time() + 10)
                try await asyncio.sleep(0.001)
            }
            lines.append("\(String(reflecting: kept!)) expired=\(kept!.expired() ? "True" : "False")")
            do {
                try await asyncio.timeout_at(loop.time() + 0.01) { try await asyncio.sleep(1) }
            } catch is TimeoutError {
                lines.append("timeout_at expired")
            }
            do {
                try await asyncio.timeout_at(nil) { cm3 in
                    kept = cm3
                    try cm3.reschedule(loop.time() - 1)
                    do {
                        try await asyncio.sleep(1)
                    } catch is asyncio.CancelledError {
                        lines.append("cancelled inside")
                        throw asyncio.CancelledError()
                    }
                }
            } catch is TimeoutError {
                lines.append("rescheduled into the past: TimeoutError \(String(reflecting: kept!))")
            }
            return lines
        }
        #expect(lines == ["<Timeout [active] when=T>", "moved: True", "outlived the first deadline",
                          "TimeoutError TimeoutError() expired=True <Timeout [expired]>", "Cannot change state of expired Timeout",
                          "<Timeout [active] when=None>", "<Timeout [finished]> expired=False", "timeout_at expired", "cancelled inside",
                          "rescheduled into the past: TimeoutError <Timeout [expired]>"])
    },
    "wait_for on tasks and futures: zero timeout, cancellation": { backend in
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            var lines: [String] = []
            let done = asyncio.create_task { try await asyncio.sleep(0, "ready") }
            try await asyncio.sleep(0.01)
            lines.append(try await asyncio.wait_for(done, 0))
            let slow = asyncio.create_task { try await asyncio.sleep(1, "late") }
            do { _ = try await asyncio.wait_for(slow, 0) } catch is TimeoutError {
                lines.append("zero timeout: TimeoutError cancelled=\(slow.cancelled() ? "True" : "False")")
            }
            let fut: asyncio.Future<Int> = asyncio.get_running_loop().create_future()
            try fut.set_result(7)
            lines.append("\(try await asyncio.wait_for(fut, 0))")
            let pending: asyncio.Future<Int> = asyncio.get_running_loop().create_future()
            do { _ = try await asyncio.wait_for(pending, 0.01) } catch is TimeoutError {
                lines.append("future: TimeoutError cancelled=\(pending.cancelled() ? "True" : "False")")
            }
            let t = asyncio.create_task { try await asyncio.sleep(1, "x") }
            do { _ = try await asyncio.wait_for(t, 0.01) } catch is TimeoutError {
                lines.append("task: TimeoutError cancelled=\(t.cancelled() ? "True" : "False") cancelling=\(asyncio.current_task()!.cancelling())")
            }
            return lines
        }
        #expect(lines == ["ready", "zero timeout: TimeoutError cancelled=True", "7", "future: TimeoutError cancelled=True",
                          "task: TimeoutError cancelled=True cancelling=0"])
    },
    "new_event_loop, run_until_complete, close": { backend in
        var lines: [String] = []
        let loop = try asyncio.new_event_loop(backend: backend)
        lines.append("\(loop.is_running() ? "True" : "False") \(loop.is_closed() ? "True" : "False")")
        lines.append("\(try loop.run_until_complete { () async throws -> Int in try await asyncio.sleep(0.01, 5) })")
        do { _ = try loop.run_until_complete { try loop.run_until_complete { 1 } } } catch let e as RuntimeError { lines.append("\(e)") }
        try loop.close()
        lines.append("\(loop.is_closed() ? "True" : "False")")
        do { _ = try loop.run_until_complete { 1 } } catch let e as RuntimeError { lines.append("closed: \(e)") }
        #expect(lines == ["False False", "5", "This event loop is already running", "True", "closed: Event loop is closed"])
    },
    "a task cancelled inside wait_for gets CancelledError at once and reads again": { backend in
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            let loop = asyncio.get_running_loop()
            let (a, b) = try nonBlockingPair()
            nonisolated(unsafe) var log: [String] = []
            let t = asyncio.create_task { () async throws -> String in
                let start = now()
                do {
                    _ = try await asyncio.wait_for(await loop.sock_recv(a, 10), 10)
                } catch is asyncio.CancelledError {
                    log.append("cancelled in wait_for promptly=\(now() - start < 1 ? "True" : "False") cancelling=\(asyncio.current_task()!.cancelling())")
                }
                _ = try b.send("later")
                log.append("\(try await asyncio.wait_for(await loop.sock_recv(a, 10), 1))")
                return "ok"
            }
            try await asyncio.sleep(0.01)
            t.cancel()
            log.append(try await t.value)
            a.close()
            b.close()
            return log
        }
        #expect(lines == ["cancelled in wait_for promptly=True cancelling=1", "b'later'", "ok"])
    },
    "asyncio.run cancels a leftover task once and waits for its cleanup": { backend in
        nonisolated(unsafe) var log: [String] = []
        let result = try asyncio.run(backend: backend) { () -> String in
            asyncio.create_task { () async throws -> Int in
                do {
                    try await asyncio.sleep(10)
                } catch is asyncio.CancelledError {
                    log.append("lingering cancelled")
                    try await asyncio.sleep(0.01)
                    log.append("lingering cleaned up")
                }
                return 1
            }
            try await asyncio.sleep(0)
            return "main done"
        }
        log.append(result)
        #expect(log == ["lingering cancelled", "lingering cleaned up", "main done"])
    },
]

@Suite(.fdBalanced) struct AsyncAPITests {
    @Test(arguments: availableBackends, asyncAPIScenarios.keys.sorted())
    func scenario(_ backend: asyncio.Backend, _ name: String) throws {
        try asyncAPIScenarios[name]!(backend)
    }

    @Test func noAsyncAPIScenarioLeaksADescriptor() async {
        // In a child process, where no other test opens descriptors meanwhile.
        await #expect(processExitsWith: .success) {
            exit(descriptorLeaks(asyncAPIScenarios) == 0 ? 0 : 1)
        }
    }
}
