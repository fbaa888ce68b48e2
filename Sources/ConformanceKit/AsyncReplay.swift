// The asyncio half of the replay: awaited loop.sock_* calls, wait_for/timeout/create_task, on each event-loop backend.
import Foundation
import PySocket
import PySocketAsync

/// A task `asyncio.create_task` started during a replay: `await task`, `task.cancel()` and
/// `task.done()` reach it through its trace ref.
final class ReplayTask {
    let task: asyncio.Task<PyValue>
    init(_ task: asyncio.Task<PyValue>) { self.task = task }
}

/// Hands replay state into a task closure: every task of a replay runs on the one loop thread,
/// the thread that replays the scenario.
struct LoopThreadOnly<T>: @unchecked Sendable {
    let value: T
}

extension Replayer {
    /// The event-loop backends this machine really runs (io_uring only where the ring sets up).
    public static let backends: [asyncio.Backend] = [.io_uring, .epoll, .poll].filter { backend in
        (try? asyncio.run(backend: backend) { asyncio.get_running_loop().backend }) == backend
    }

    /// The area name of an asyncio trace replayed on `backend`: `asyncio_epoll`.
    public static func areaName(_ trace: Trace, _ backend: asyncio.Backend?) -> String {
        backend.map { "\(trace.area)_\($0)" } ?? trace.area
    }

    /// Replays every scenario of an asyncio trace on `backend`, each in its own `asyncio.run`.
    public func replay(_ trace: Trace, backend: asyncio.Backend, only: Set<String> = []) -> AreaResult {
        let area = Replayer.areaName(trace, backend)
        let results = trace.scenarios.filter { only.isEmpty || only.contains($0.name) }.map { replay($0, area: area, backend: backend) }
        return AreaResult(area: area, python: trace.python, scenarios: results, leftOut: trace.leftOut)
    }

    /// Every area a trace replays as: one per backend for an asyncio trace.
    public func replayAll(_ trace: Trace, only: Set<String> = []) -> [AreaResult] {
        guard trace.asyncio else { return [replay(trace, only: only)] }
        return Replayer.backends.map { replay(trace, backend: $0, only: only) }
    }

    /// Runs an awaited call of an asyncio scenario on the loop thread.
    func runAwaited(_ event: Event, _ i: Int, _ ctx: ScenarioContext) async -> StepResult? {
        guard case .awaitCall(let target, let name, let args, let kwargs, let expected, let after) = event else { return runOnLoop(event, i, ctx) }
        var invocation: Call
        do { invocation = try Call(name, resolving: args, kwargs, in: ctx) } catch { return judge(i, event, expected, .raised(Py.exc(error)), ctx) }
        let actual: Outcome
        do { actual = .value(try await awaitable(target, &invocation)) } catch { actual = .raised(Py.exc(error)) }
        return judgeCall(i, event, expected, actual, after, invocation, ctx)
    }

    /// Runs any other event of an asyncio scenario on the loop thread, without suspending (as
    /// the Python scenario ran it: other tasks run only at an `await`).
    func runOnLoop(_ event: Event, _ i: Int, _ ctx: ScenarioContext) -> StepResult? {
        switch event {
        case .call(let target, let name, let args, let kwargs, let expected, _) where target == "aio":
            return step(i, event, expected, ctx: ctx) {
                try asyncioCall(try Call(name, resolving: args, kwargs, in: ctx))
            }
        case .call(let target, let name, let args, let kwargs, let expected, _) where Replayer.isStreamObject(ctx.refs[target]):
            return step(i, event, expected, ctx: ctx) {
                guard let object = ctx.refs[target] else { throw ReplayError("\(target) does not exist") }
                var invocation = try Call(name, resolving: args, kwargs, in: ctx)
                return try streamCall(object, &invocation)
            }
        case .get(let target, let name, let expected) where Replayer.isStreamObject(ctx.refs[target]):
            return step(i, event, .value(expected), ctx: ctx) {
                guard let object = ctx.refs[target] else { throw ReplayError("\(target) does not exist") }
                return try streamGet(object, name)
            }
        case .call(let target, let name, let args, let kwargs, let expected, _) where ctx.refs[target] is ReplayTask:
            return step(i, event, expected, ctx: ctx) {
                guard let task = ctx.refs[target] as? ReplayTask, args.isEmpty, kwargs.isEmpty else { throw Unexpressible("Task.\(name)") }
                switch name {
                case "cancel": return .bool(task.task.cancel())
                case "done": return .bool(task.task.done())
                default: throw NoBinding("Task.\(name)")
                }
            }
        default:
            return run(event, i, ctx)
        }
    }

    /// `asyncio.get_running_loop()` and `asyncio.create_task(coro)`.
    func asyncioCall(_ c: Call) throws -> PyValue {
        switch c.name {
        case "get_running_loop":
            try c.allow(0)
            return .object(asyncio.get_running_loop(), type: "EventLoop")
        case "create_task":
            try c.allow(1)
            let operation = try operation(try c.need(0, "coro"), c.ctx)
            return .object(ReplayTask(asyncio.create_task { try await operation() }), type: "Task")
        case "StreamReader":
            try c.allow(0, ["limit"])
            return .object(try asyncio.StreamReader(limit: try c.optInt(-1, "limit") ?? 65536), type: "StreamReader")
        default:
            throw NoBinding("asyncio.\(c.name)")
        }
    }

    /// The operation a recorded coroutine stands for, as a closure a task or `wait_for` runs.
    func operation(_ value: PyValue, _ ctx: ScenarioContext) throws -> @Sendable () async throws -> PyValue {
        guard case .coro(let target, let name, let args, let kwargs) = value else {
            throw Unexpressible("\(value.repr) is not a coroutine")
        }
        let state = LoopThreadOnly(value: (self, target, try Call(name, resolving: args, kwargs, in: ctx)))
        return {
            var invocation = state.value.2
            return try await state.value.0.awaitable(state.value.1, &invocation)
        }
    }

    /// An awaited call: on `asyncio` (sleep, wait_for, timeout), on the loop, or `await task`.
    func awaitable(_ target: String, _ c: inout Call) async throws -> PyValue {
        if target == "aio" {
            switch c.name {
            case "sleep":
                try c.allow(1, ["delay"])
                try await asyncio.sleep(try c.timeout(0, "delay") ?? 0)
                return .none
            case "wait_for":
                try c.allow(2, ["fut", "timeout"])
                let operation = try operation(try c.need(0, "fut"), c.ctx)
                return try await asyncio.wait_for(await operation(), try c.timeout(1, "timeout"))
            case "timeout":
                try c.allow(2)
                let operation = try operation(try c.need(1, nil), c.ctx)
                return try await asyncio.timeout(try c.timeout(0)) { try await operation() }
            default:
                return try await streamFunction(&c)
            }
        }
        let object = try table.object(target, c.ctx)
        if let result = try await streamAwait(object, &c) { return result }
        if let task = object as? ReplayTask, c.name == "__await__" {
            return try await task.task.value
        }
        guard let loop = object as? asyncio.EventLoop else { throw NoBinding("\(NameTable.typeName(object)).\(c.name)") }
        return try await loopCall(loop, &c)
    }

    /// The loop's coroutine methods.
    func loopCall(_ loop: asyncio.EventLoop, _ c: inout Call) async throws -> PyValue {
        switch c.name {
        case "sock_recv":
            try c.allow(2)
            return Py.v(try await loop.sock_recv(try c.sock(0), try c.int(1)))
        case "sock_recv_into":
            try c.allow(2)
            var buffer = try c.buffer(1)
            let count = try await loop.sock_recv_into(try c.sock(0), &buffer)
            c.after[1] = .bytearray(buffer)
            return .int(count)
        case "sock_recvfrom":
            try c.allow(2)
            let (data, address) = try await loop.sock_recvfrom(try c.sock(0), try c.int(1))
            return .tuple([Py.v(data), Py.v(address)])
        case "sock_recvfrom_into":
            try c.allow(3, ["nbytes"])
            var buffer = try c.buffer(1)
            let (count, address) = try await loop.sock_recvfrom_into(try c.sock(0), &buffer, try c.optInt(2, "nbytes") ?? 0)
            c.after[1] = .bytearray(buffer)
            return .tuple([.int(count), Py.v(address)])
        case "sock_sendall":
            try c.allow(2)
            try await loop.sock_sendall(try c.sock(0), try c.bytesArg(1))
            return .none
        case "sock_sendto":
            try c.allow(3)
            return .int(try await loop.sock_sendto(try c.sock(0), try c.bytesArg(1), try c.address(2)))
        case "sock_connect":
            try c.allow(2)
            try await loop.sock_connect(try c.sock(0), try c.address(1))
            return .none
        case "sock_accept":
            try c.allow(1)
            let (conn, address) = try await loop.sock_accept(try c.sock(0))
            return .tuple([Py.v(conn, c.ctx), Py.v(address)])
        case "sock_sendfile":
            try c.allow(4, ["offset", "count"])
            return .int(try await loop.sock_sendfile(try c.sock(0), try c.int32(1), try c.optInt(2, "offset") ?? 0, try c.optInt(3, "count")))
        case "getaddrinfo":
            return try await getaddrinfo(loop, c)
        case "getnameinfo":
            try c.allow(2, ["flags"])
            let name = try await loop.getnameinfo(try c.address(0), try c.optInt(1, "flags") ?? 0)
            return .tuple([.str(name.host), .str(name.port)])
        default:
            throw NoBinding("loop.\(c.name)")
        }
    }

    /// `loop.getaddrinfo(host, port, *, family=0, type=0, proto=0, flags=0)`.
    func getaddrinfo(_ loop: asyncio.EventLoop, _ c: Call) async throws -> PyValue {
        try c.allow(2, ["family", "type", "proto", "flags"])
        let family = c.has(-1, "family") ? try c.family(-1, "family") : 0
        let kind = c.has(-1, "type") ? try c.kind(-1, "type") : 0
        let proto = try c.optInt(-1, "proto") ?? 0
        let flags = socket.AddressInfo(rawValue: try c.optInt(-1, "flags") ?? 0)
        let host = try NameTable.host(c.arg(0) ?? .none)
        switch c.arg(1) ?? .none {
        case .int(let port):
            return NameTable.addrinfo(try await loop.getaddrinfo(host, port, family: family, type: kind, proto: proto, flags: flags))
        case .none:
            return NameTable.addrinfo(try await loop.getaddrinfo(host, nil as Int?, family: family, type: kind, proto: proto, flags: flags))
        case .str(let port):
            return NameTable.addrinfo(try await loop.getaddrinfo(host, port, family: family, type: kind, proto: proto, flags: flags))
        case let port:
            throw Unexpressible("getaddrinfo: port \(port.repr)")
        }
    }
}

extension Replayer.Shared {
    /// Runs the scenario's events in order inside one `asyncio.run` on `backend`.
    func runAllAsync(_ backend: asyncio.Backend) {
        let shared = LoopThreadOnly(value: self)
        do {
            try asyncio.run(backend: backend) {
                let me = shared.value
                for (i, event) in me.scenario.events.enumerated() {
                    guard me.begin(i) else { return }
                    if case .awaitCall = event {
                        me.record(await me.replayer.runAwaited(event, i, me.ctx))
                    } else {
                        me.record(me.replayer.runOnLoop(event, i, me.ctx))
                    }
                }
            }
        } catch {
            record(StepResult(index: scenario.events.count, call: "asyncio.run", verdict: .differed, expected: "returns",
                              actual: "raises \(Py.exc(error).summary)", note: "the loop failed"))
        }
    }
}
