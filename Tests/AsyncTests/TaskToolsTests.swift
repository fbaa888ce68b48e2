// Futures, gather/wait/as_completed/shield, Queue, Lock/Semaphore/Event, protocol servers and datagram endpoints, on every backend.
import Glibc
import PySocket
import PySocketAsync
import Testing
import TestSupport

/// Sleeps `delay` seconds, then returns `value` or raises `ValueError(value)`.
private func after(_ delay: Double, _ value: String, fail: Bool = false) async throws -> String {
    try await asyncio.sleep(delay)
    if fail { throw ValueError(value) }
    return value
}

/// What the echo protocols of one scenario saw.
private final class Log: @unchecked Sendable {
    var events: [String] = []
}

/// A line echo protocol that records what happened to it.
private final class EchoProtocol: asyncio.`Protocol` {
    let log: Log
    var transport: asyncio.Transport!

    init(_ log: Log) { self.log = log }

    override func connection_made(_ transport: asyncio.Transport) { self.transport = transport }

    override func data_received(_ data: bytes) throws { try transport.write(data) }

    override func eof_received() -> Bool? {
        log.events.append("eof")
        return nil
    }

    override func connection_lost(_ exc: (any Error)?) { log.events.append("lost \(exc == nil ? "None" : "\(exc!)")") }
}

/// A client protocol: sends `message`, collects the reply, resolves `done` at connection_lost.
private final class ClientProtocol: asyncio.`Protocol` {
    let message: bytes
    let done: asyncio.Future<String>
    var received = bytes()

    init(_ message: bytes, _ done: asyncio.Future<String>) {
        self.message = message
        self.done = done
    }

    override func connection_made(_ transport: asyncio.Transport) throws {
        try transport.write(message)
        try transport.write_eof()
    }

    override func data_received(_ data: bytes) { received += data }

    override func connection_lost(_ exc: (any Error)?) throws { try done.set_result(String(decoding: received, as: UTF8.self)) }
}

/// A datagram protocol that records the errors it is told about.
private final class ErrorsProtocol: asyncio.DatagramProtocol {
    var errors: [String] = []
    let done = asyncio.Future<Bool>()

    override func error_received(_ exc: any Error) {
        if let exc = exc as? OSError { errors.append("\(type(of: exc)) \(exc.errno ?? 0)") }
        if !done.done() { try? done.set_result(true) }
    }
}

/// An echo datagram protocol.
private final class DatagramEcho: asyncio.DatagramProtocol {
    var transport: asyncio.DatagramTransport!
    override func connection_made(_ transport: asyncio.DatagramTransport) { self.transport = transport }
    override func datagram_received(_ data: bytes, _ addr: SocketAddress) throws { try transport.sendto(data.upper(), addr) }
}

/// Every scenario of this file, by name; expected values are CPython 3.13's (captured with a
/// script running the same calls under `python3.13`).
let taskToolScenarios: [String: Scenario] = [
    "a future's states and errors": { backend in
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            let loop = asyncio.get_running_loop()
            let f: asyncio.Future<Int> = loop.create_future()
            var lines: [String] = []
            do { _ = try f.result() } catch let e as asyncio.InvalidStateError { lines.append("\(type(of: e)) \(e)") }
            do { _ = try f.exception() } catch let e as asyncio.InvalidStateError { lines.append("\(type(of: e)) \(e)") }
            try f.set_result(3)
            do { try f.set_result(4) } catch let e as asyncio.InvalidStateError { lines.append("set twice: \(e)") }
            lines.append("\(try f.result()) \(try f.exception() == nil) \(f.done()) \(f.cancelled()) \(f.cancel())")
            let g = asyncio.Future<Int>()
            lines.append("\(g.cancel()) \(g.cancelled()) \(g.cancel())")
            do { _ = try g.result() } catch is asyncio.CancelledError { lines.append("result of cancelled: CancelledError") }
            return lines
        }
        #expect(lines == ["InvalidStateError Result is not set.", "InvalidStateError Exception is not set.", "set twice: invalid state",
                          "3 true true false false", "true true false", "result of cancelled: CancelledError"])
    },
    "gather raises the first exception in time and keeps order": { backend in
        let (first, ordered, mixed) = try asyncio.run(backend: backend) { () -> (String, [String], String) in
            var first = ""
            do {
                _ = try await asyncio.gather({ try await after(0.03, "a", fail: true) }, { try await after(0.01, "b", fail: true) })
            } catch let e as ValueError {
                first = "\(e)"
            }
            let ordered = try await asyncio.gather({ try await after(0.02, "x") }, { try await after(0.01, "y") })
            let mixed = try await asyncio.gather({ try await after(0.01, "ok") }, { try await after(0.01, "bad", fail: true) },
                                                 return_exceptions: true)
            try await asyncio.sleep(0.04)
            return (first, ordered, mixed.map { ($0 as? ValueError).map { String(reflecting: $0) } ?? "'\($0)'" }.joined(separator: ", "))
        }
        #expect(first == "b")
        #expect(ordered == ["x", "y"])
        #expect(mixed == "'ok', ValueError('bad')")
    },
    "gather of different types gives a tuple; of one type a list": { backend in
        let (n, text, list, pair) = try asyncio.run(backend: backend) { () -> (Int, String, [Int], String) in
            let (n, text) = try await asyncio.gather({ try await asyncio.sleep(0.01, 1) }, { try await asyncio.sleep(0, "s") })
            let list = try await asyncio.gather({ 1 }, { 2 })
            let (a, b) = try await asyncio.gather({ 3 }, { 4 })
            return (n, text, list, "\(a) \(b)")
        }
        #expect(n == 1 && text == "s")
        #expect(list == [1, 2])
        #expect(pair == "3 4")
    },
    "cancelling gather cancels its tasks": { backend in
        let cancelled = try asyncio.run(backend: backend) { () -> [Bool] in
            let tasks = [asyncio.create_task { try await after(5, "a") }, asyncio.create_task { try await after(5, "b") }]
            let outer = asyncio.create_task { try await asyncio.gather(tasks) }
            try await asyncio.sleep(0.01)
            outer.cancel()
            _ = try? await outer.value
            return tasks.map { $0.cancelled() } + [outer.cancelled()]
        }
        #expect(cancelled == [true, true, true])
    },
    "shield keeps the inner task running": { backend in
        let (innerCancelled, value) = try asyncio.run(backend: backend) { () -> (Bool, String) in
            let inner = asyncio.create_task { try await after(0.02, "kept") }
            let outer = asyncio.create_task { try await asyncio.shield(inner) }
            try await asyncio.sleep(0.005)
            outer.cancel()
            do { _ = try await outer.value } catch is asyncio.CancelledError {}
            return (inner.cancelled(), try await inner.value)
        }
        #expect(!innerCancelled)
        #expect(value == "kept")
    },
    "wait: FIRST_COMPLETED, a bad return_when, an empty set": { backend in
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            var lines: [String] = []
            let tasks = [asyncio.create_task { try await after(0.5, "slow") }, asyncio.create_task { try await after(0.01, "fast") }]
            let (done, pending) = try await asyncio.wait(tasks, return_when: asyncio.FIRST_COMPLETED)
            lines.append("\(done.count) \(pending.count) \(try done.first!.result())")
            do { _ = try await asyncio.wait(tasks, return_when: "BOGUS") } catch let e as ValueError { lines.append("\(e)") }
            do { _ = try await asyncio.wait([asyncio.Task<Int>]()) } catch let e as ValueError { lines.append("\(e)") }
            for task in pending { task.cancel() }
            return lines
        }
        #expect(lines == ["1 1 fast", "Invalid return_when value: BOGUS", "Set of Tasks/Futures is empty."])
    },
    "as_completed yields in finishing order": { backend in
        let order = try asyncio.run(backend: backend) { () -> [String] in
            var order: [String] = []
            for next in asyncio.as_completed([{ try await after(0.03, "c") }, { try await after(0.01, "a") }, { try await after(0.02, "b") }]) {
                order.append(try await next.value)
            }
            return order
        }
        #expect(order == ["a", "b", "c"])
    },
    "Lock and Semaphore are FIFO and bound concurrency": { backend in
        let (lockOrder, results, peak) = try asyncio.run(backend: backend) { () -> ([Int], [Int], Int) in
            let lock = asyncio.Lock()
            nonisolated(unsafe) var order: [Int] = []
            _ = try await asyncio.gather((0..<5).map { n in { () async throws -> Int in
                try await lock.with {
                    order.append(n)
                    try await asyncio.sleep(0.001)
                }
                return n
            } })
            let sem = try asyncio.Semaphore(2)
            nonisolated(unsafe) var current = 0, peak = 0
            let results = try await asyncio.gather((0..<6).map { n in { () async throws -> Int in
                try await sem.with {
                    current += 1
                    peak = max(peak, current)
                    try await asyncio.sleep(0.005)
                    current -= 1
                }
                return n
            } })
            return (order, results, peak)
        }
        #expect(lockOrder == [0, 1, 2, 3, 4])
        #expect(results == [0, 1, 2, 3, 4, 5])
        #expect(peak == 2)
    },
    "a bounded Queue between a producer and a consumer": { backend in
        let (got, size) = try asyncio.run(backend: backend) { () -> ([Int], Int) in
            let q = asyncio.Queue<Int?>(maxsize: 1)
            nonisolated(unsafe) var got: [Int] = []
            let producer = asyncio.create_task {
                for i in 0..<4 { try await q.put(i) }
                try await q.put(nil)
            }
            let consumer = asyncio.create_task {
                while let x = try await q.get() {
                    got.append(x)
                    try q.task_done()
                }
                try q.task_done()
            }
            _ = try await asyncio.gather([producer, consumer])
            try await q.join()
            return (got, q.qsize())
        }
        #expect(got == [0, 1, 2, 3])
        #expect(size == 0)
    },
    "Event wakes every waiter": { backend in
        let woken = try asyncio.run(backend: backend) { () -> [Bool] in
            let event = asyncio.Event()
            let waiters = (0..<3).map { _ in asyncio.create_task { try await event.wait() } }
            try await asyncio.sleep(0.01)
            let before = waiters.map { $0.done() }
            event.set()
            return before + (try await asyncio.gather(waiters))
        }
        #expect(woken == [false, false, false, true, true, true])
    },
    "TaskGroup: repr, errors grouped, the body's error, a task after the end": { backend in
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            var lines: [String] = []
            let tg = asyncio.TaskGroup()
            lines.append(String(reflecting: tg))
            do { try tg.create_task { 1 } } catch let e as RuntimeError { lines.append("\(e)") }
            nonisolated(unsafe) var t: asyncio.Task<Int>?
            try await tg.with { tg in
                lines.append(String(reflecting: tg))
                t = try tg.create_task { 1 }
            }
            lines.append("\(try t!.result()) \(String(reflecting: tg))")
            do {
                try await asyncio.TaskGroup().with { g in
                    try g.create_task { () async throws -> Int in throw ValueError("x") }
                    try g.create_task { () async throws -> Int in
                        try await asyncio.sleep(0)
                        throw ValueError("y")
                    }
                }
            } catch let eg as ExceptionGroup {
                lines.append("\(eg) \(eg.exceptions.map { String(reflecting: $0) }.joined(separator: ", "))")
            }
            do {
                try await asyncio.TaskGroup().with { g in
                    try g.create_task { try await asyncio.sleep(1) }
                    throw ValueError("body")
                }
            } catch let eg as ExceptionGroup {
                lines.append("\(eg) \(eg.exceptions.map { String(reflecting: $0) }.joined(separator: ", "))")
            }
            return lines
        }
        #expect(lines == ["<TaskGroup>", "TaskGroup <TaskGroup> has not been entered", "<TaskGroup entered>", "1 <TaskGroup entered>",
                          "unhandled errors in a TaskGroup (1 sub-exception) ValueError('x')",
                          "unhandled errors in a TaskGroup (1 sub-exception) ValueError('body')"])
    },
    "call_soon, call_later, run_in_executor, to_thread": { backend in
        let (due, order, sum, doubled) = try asyncio.run(backend: backend) { () -> (Bool, [String], Int, Int) in
            let loop = asyncio.get_running_loop()
            nonisolated(unsafe) var order: [String] = []
            try loop.call_soon { order.append("soon") }
            let h = try loop.call_later(0.01) { order.append("later") }
            let never = try loop.call_later(0.01) { order.append("never") }
            never.cancel()
            let due = h.when() > loop.time() && !h.cancelled() && never.cancelled()
            try await asyncio.sleep(0.03)
            let sum = try await loop.run_in_executor(nil) { [1, 2, 3].reduce(0, +) }
            let doubled = try await asyncio.to_thread { 21 * 2 }
            return (due, order, sum, doubled)
        }
        #expect(due)
        #expect(order == ["soon", "later"])
        #expect(sum == 6)
        #expect(doubled == 42)
    },
    "Condition: notify(2), notify_all, wait_for, the un-acquired errors": { backend in
        let lines = try asyncio.run(backend: backend) { () -> [String] in
            let cond = asyncio.Condition()
            nonisolated(unsafe) var items: [String] = []
            nonisolated(unsafe) var got: [String] = []
            let tasks = (0..<3).map { n in
                asyncio.create_task {
                    try await cond.with {
                        try await cond.wait_for { !items.isEmpty }
                        got.append("\(n) \(items.removeFirst())")
                    }
                }
            }
            try await asyncio.sleep(0.01)
            try await cond.with {
                items += ["a", "b"]
                try cond.notify(2)
            }
            try await asyncio.sleep(0.01)
            var lines = ["\(got) \(tasks.filter { $0.done() }.count)"]
            try await cond.with {
                items.append("c")
                try cond.notify_all()
            }
            _ = try await asyncio.gather(tasks)
            lines.append("\(got) \(cond.locked())")
            do { try cond.notify() } catch let e as RuntimeError { lines.append("\(e)") }
            do { try await cond.wait() } catch let e as RuntimeError { lines.append("\(e)") }
            lines.append(try await asyncio.sleep(0, "result"))
            return lines
        }
        #expect(lines == ["[\"0 a\", \"1 b\"] 2", "[\"0 a\", \"1 b\", \"2 c\"] false",
                          "cannot notify on un-acquired lock", "cannot wait on un-acquired lock", "result"])
    },
    "a Protocol server and a Protocol client": { backend in
        let log = Log()
        let reply = try asyncio.run(backend: backend) { () -> String in
            let loop = asyncio.get_running_loop()
            let server = try await loop.create_server({ EchoProtocol(log) }, "127.0.0.1", 0)
            let port = try server.sockets[0].getsockname().port
            let done: asyncio.Future<String> = loop.create_future()
            let (transport, _) = try await loop.create_connection({ ClientProtocol("hello protocol", done) }, "127.0.0.1", port)
            let reply = try await asyncio.wait_for(await done.value, 2)
            transport.close()
            server.close()
            try await server.wait_closed()
            return reply
        }
        #expect(reply == "hello protocol")
        #expect(log.events == ["eof", "lost None"])
    },
    "a datagram echo endpoint and error_received": { backend in
        let (echo, errors, invalid, family) = try asyncio.run(backend: backend) { () -> (String, [String], String, String) in
            let loop = asyncio.get_running_loop()
            let (server, _) = try await loop.create_datagram_endpoint(DatagramEcho.init, local_addr: ("127.0.0.1", 0))
            let port = try server.get_extra_info("sockname")[1] as Int
            let client = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            try client.setblocking(false)
            _ = try await loop.sock_sendto(client, "ping", ("127.0.0.1", port))
            let (data, _) = try await asyncio.wait_for(await loop.sock_recvfrom(client, 100), 2)
            client.close()
            server.close()

            let dead = try refusedPort()
            let (transport, errorsProtocol) = try await loop.create_datagram_endpoint(ErrorsProtocol.init, remote_addr: ("127.0.0.1", dead))
            try transport.sendto("x")
            try await asyncio.sleep(0.05)
            try transport.sendto("y")
            let told = errorsProtocol.done
            _ = try await asyncio.wait_for(await told.value, 2)
            var invalid = ""
            do { try transport.sendto("z", ("127.0.0.1", 9)) } catch let e as ValueError {
                invalid = "\(e)".replacingOccurrences(of: "\(dead)", with: "PORT")
            }
            transport.close()
            var family = ""
            do { _ = try await loop.create_datagram_endpoint(ErrorsProtocol.init) } catch let e as ValueError { family = "\(e)" }
            try await asyncio.sleep(0.01)
            return (String(decoding: data, as: UTF8.self), errorsProtocol.errors, invalid, family)
        }
        #expect(echo == "PING")
        #expect(errors.first == "ConnectionRefusedError 111")
        #expect(invalid == "Invalid address: must be None or ('127.0.0.1', PORT)")
        #expect(family == "unexpected address family")
    },
]

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

@Suite(.fdBalanced) struct TaskToolsTests {
    @Test(arguments: availableBackends, taskToolScenarios.keys.sorted())
    func scenario(_ backend: asyncio.Backend, _ name: String) throws {
        try taskToolScenarios[name]!(backend)
    }

    @Test func noTaskToolScenarioLeaksADescriptor() async {
        // In a child process, where no other test opens descriptors meanwhile.
        await #expect(processExitsWith: .success) {
            exit(descriptorLeaks(taskToolScenarios) == 0 ? 0 : 1)
        }
    }
}
