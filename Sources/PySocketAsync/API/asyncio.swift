// The asyncio namespace: run, get_running_loop, sleep, wait_for, timeout.
import PySocket
import Synchronization

/// `asyncio`: Python's asyncio module, the socket face of it: the event loop and its `sock_*`
/// methods over PySocket sockets.
///
/// Python: `asyncio`. C: none.
public enum asyncio {
    /// The kernel interface an event loop waits on.
    ///
    /// Python: none (PySocket only). C: `io_uring_setup(2)`, `epoll_create1(2)`, `poll(2)`.
    public enum Backend: String, Sendable, CustomStringConvertible {
        /// Linux io_uring (falls back to epoll when the ring cannot be set up).
        ///
        /// Python: none (PySocket only). C: `io_uring_setup(2)`, `io_uring_enter(2)`.
        case io_uring
        /// Linux epoll, readiness turned into completions.
        ///
        /// Python: none (PySocket only). C: `epoll_create1(2)`, `epoll_wait(2)`.
        case epoll
        /// poll(2), the portable fallback.
        ///
        /// Python: none (PySocket only). C: `poll(2)`.
        case poll

        /// The name, as `PYSOCKET_BACKEND` spells it.
        ///
        /// Python: none (PySocket only).
        public var description: String { rawValue }
    }

    /// `asyncio.CancelledError`: Swift's `CancellationError`, which a cancelled task throws.
    ///
    /// Python: `asyncio.CancelledError`. C: none.
    public typealias CancelledError = CancellationError

    /// `asyncio.AbstractEventLoop`: the loop type.
    ///
    /// Python: `asyncio.AbstractEventLoop`. C: none.
    public typealias AbstractEventLoop = EventLoop

    /// `asyncio.run(main())`: runs `main` as a task on a new event loop on the calling thread
    /// until it returns, cancels the tasks it left running, closes the loop, and returns what
    /// `main` returned (or throws what it threw).
    ///
    /// `backend` chooses the kernel interface (default: `PYSOCKET_BACKEND`, else the best that
    /// works here: io_uring, epoll, poll).
    ///
    /// Python: `asyncio.run()`. C: none.
    ///
    /// ```swift
    /// let answer = try asyncio.run(backend: .poll) { () async throws -> Int in
    ///     try await asyncio.sleep(0.01)
    ///     return 42
    /// }
    /// print(answer)   // 42
    /// ```
    ///
    /// Differs from CPython: takes a closure rather than a coroutine object; `backend` is
    /// PySocket's own; `debug` changes nothing (the non-blocking check is always on, and no
    /// slow-callback warnings are printed).
    /// - Throws: `RuntimeError("asyncio.run() cannot be called from a running event loop")`.
    public static func run<T: Sendable>(backend: Backend? = nil, debug: Bool? = nil, _ main: @escaping @Sendable () async throws -> T) throws -> T {
        if EventLoop.current != nil {
            throw RuntimeError("asyncio.run() cannot be called from a running event loop")
        }
        let loop = try EventLoop(backend: backend)
        defer { loop.closeLoop() }
        return try runMain(loop, main)
    }

    /// `asyncio.get_running_loop()`: the event loop running on the calling thread.
    ///
    /// Outside a running loop it returns a loop that is not running, whose every operation
    /// raises `RuntimeError('no running event loop')`, so that the line ports without `try`
    /// and the error CPython raises still comes, at the first use of the loop.
    ///
    /// Python: `asyncio.get_running_loop()`. C: none.
    ///
    /// Differs from CPython: outside a loop, CPython raises `RuntimeError('no running event
    /// loop')` here; PySocket raises it from the loop's first operation
    /// (`asyncio._get_running_loop()` returns nil there, as CPython's returns None).
    public static func get_running_loop() -> EventLoop {
        EventLoop.current ?? EventLoop.notRunning
    }

    /// `asyncio._get_running_loop()`: the event loop running on the calling thread, or nil.
    ///
    /// Python: `asyncio._get_running_loop()`. C: none.
    public static func _get_running_loop() -> EventLoop? {
        EventLoop.current
    }

    /// The running loop, or CPython's RuntimeError.
    static func runningLoop() throws -> EventLoop {
        guard let loop = EventLoop.current else { throw RuntimeError("no running event loop") }
        return loop
    }

    /// `await asyncio.sleep(delay)`: suspends the task for `delay` seconds on the loop's
    /// monotonic clock; 0 or less just lets the other tasks run.
    ///
    /// Python: `asyncio.sleep()`. C: none (the loop's wait times out).
    /// - Throws: `CancellationError` when cancelled, `RuntimeError('no running event loop')`.
    public static func sleep(_ delay: Double) async throws {
        let loop = try runningLoop()
        if !(delay > 0) {
            await _Concurrency.Task.yield()
            try _Concurrency.Task.checkCancellation()
            try loop.currentHook()?.checkOwed()
            return
        }
        try await loop.sleep(nanoseconds: nanoseconds(delay))
    }

    /// Seconds to nanoseconds, rounded up, saturating.
    static func nanoseconds(_ seconds: Double) -> UInt64 {
        let value = (seconds * 1e9).rounded(.up)
        return value >= 1.8e19 ? UInt64.max : UInt64(max(0, value))
    }

    /// `await asyncio.wait_for(aw, timeout)`: the result of `operation`, or `TimeoutError()`
    /// once `timeout` seconds pass, in which case the operation (and the kernel operation it
    /// waits on) is cancelled first. `nil` waits as long as it takes; 0 or less times out
    /// without starting the operation, as in CPython 3.13.
    ///
    /// `try await asyncio.wait_for(loop.sock_recv(s, 10), 1.0)`: the operation is an async
    /// autoclosure, run as a child task on the loop.
    ///
    /// Python: `asyncio.wait_for()`. C: none.
    /// - Throws: `TimeoutError()` (asyncio.TimeoutError is the builtin one), or the operation's error.
    public static func wait_for<T: Sendable>(_ operation: @autoclosure @escaping @Sendable () async throws -> T, _ timeout: Double?) async throws -> T {
        guard let timeout else { return try await operation() }
        if !(timeout > 0) { throw TimeoutError() }
        let loop = try runningLoop()
        return try await race(operation, Timeout(loop.time() + timeout, loop))
    }

    /// `await asyncio.wait_for(task, timeout)`: the task's result, or `TimeoutError()` once
    /// `timeout` seconds pass, the task cancelled (and waited for) first. With `timeout` 0 or
    /// less, a task already done gives its result, as in CPython.
    ///
    /// Python: `asyncio.wait_for()` on a task. C: none.
    /// - Throws: `TimeoutError()`, or the task's error.
    public static func wait_for<T: Sendable>(_ task: Task<T>, _ timeout: Double?) async throws -> T {
        if let timeout, !(timeout > 0) {
            if !task.done() {
                task.cancel()
                await task.future.settled()
            }
            if task.cancelled() { throw TimeoutError() }
            return try task.result()
        }
        return try await wait_for(await task.value, timeout)
    }

    /// `await asyncio.wait_for(fut, timeout)`: the future's result, or `TimeoutError()` once
    /// `timeout` seconds pass (the future is cancelled then); a future already done gives its
    /// result even with `timeout` 0.
    ///
    /// Python: `asyncio.wait_for()` on a future. C: none.
    /// - Throws: `TimeoutError()`, or the future's exception.
    public static func wait_for<T: Sendable>(_ fut: Future<T>, _ timeout: Double?) async throws -> T {
        if let timeout, !(timeout > 0) {
            if !fut.done() { fut.cancel() }
            if fut.cancelled() { throw TimeoutError() }
            return try fut.result()
        }
        return try await wait_for(await fut.value, timeout)
    }

    /// `async with asyncio.timeout(delay):`: runs `body`, raising `TimeoutError()` if it takes
    /// longer than `delay` seconds (nil: no limit); the operation in flight is cancelled.
    ///
    /// Python: `asyncio.timeout()`. C: none.
    ///
    /// Differs from CPython: a closure rather than an `async with` block; the body runs as a
    /// child task (so it is `@Sendable`); `delay <= 0` runs the body until its first wait.
    /// - Throws: `TimeoutError()`, or the body's error.
    public static func timeout<T: Sendable>(_ delay: Double?, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let delay else { return try await body() }
        let loop = try runningLoop()
        return try await race(body, Timeout(loop.time() + max(0, delay), loop))
    }

    /// `async with asyncio.timeout(delay) as cm:`: as `timeout(delay) { }`, the body given the
    /// `Timeout` (`cm.reschedule(when)`, `cm.when()`, `cm.expired()`).
    ///
    /// Python: `asyncio.timeout()`. C: none.
    ///
    /// Differs from CPython: a closure rather than an `async with` block (see `timeout(_:_:)`).
    /// - Throws: `TimeoutError()`, or the body's error.
    public static func timeout<T: Sendable>(_ delay: Double?, _ body: @escaping @Sendable (Timeout) async throws -> T) async throws -> T {
        let loop = try runningLoop()
        return try await timeout_at(delay.map { loop.time() + $0 }, body)
    }

    /// `async with asyncio.timeout_at(when):`: as `timeout`, with the deadline given on the
    /// loop's clock (`loop.time()`); nil: none until the body reschedules.
    ///
    /// Python: `asyncio.timeout_at()`. C: none.
    ///
    /// Differs from CPython: a closure rather than an `async with` block (see `timeout(_:_:)`).
    /// - Throws: `TimeoutError()`, or the body's error.
    public static func timeout_at<T: Sendable>(_ when: Double?, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await timeout_at(when) { _ in try await body() }
    }

    /// `async with asyncio.timeout_at(when) as cm:`: as `timeout_at`, the body given the `Timeout`.
    ///
    /// Python: `asyncio.timeout_at()`. C: none.
    ///
    /// Differs from CPython: a closure rather than an `async with` block (see `timeout(_:_:)`).
    /// - Throws: `TimeoutError()`, or the body's error.
    public static func timeout_at<T: Sendable>(_ when: Double?, _ body: @escaping @Sendable (Timeout) async throws -> T) async throws -> T {
        let loop = try runningLoop()
        let cm = Timeout(when, loop)
        return try await race({ try await body(cm) }, cm)
    }

    /// What `asyncio.timeout()`/`timeout_at()` give their body: the deadline, which the body can
    /// move. Use it from the loop's tasks only.
    ///
    /// Python: `asyncio.Timeout`. C: none.
    public final class Timeout: CustomStringConvertible, CustomDebugStringConvertible, @unchecked Sendable {
        enum State: String {
            case created, active, expiring, expired, finished
        }

        private var deadline: Double?
        var state = State.created
        let loop: EventLoop
        /// The timer's task hook: cancelling it makes the timer read the deadline again.
        let timer = TaskHook()

        init(_ when: Double?, _ loop: EventLoop) {
            deadline = when
            self.loop = loop
        }

        /// `cm.when()`: the deadline on the loop's clock, nil for none.
        ///
        /// Python: `Timeout.when()`. C: none.
        public func when() -> Double? { deadline }

        /// `cm.reschedule(when)`: moves the deadline (nil: none).
        ///
        /// Python: `Timeout.reschedule()`. C: none.
        /// - Throws: `RuntimeError('Timeout has not been entered')`, `RuntimeError('Cannot change
        ///   state of expired Timeout')` (and of `expiring`, `finished` ones).
        public func reschedule(_ when: Double?) throws {
            if state != .active {
                if state == .created { throw RuntimeError("Timeout has not been entered") }
                throw RuntimeError("Cannot change state of \(state.rawValue) Timeout")
            }
            deadline = when
            loop.cancel(timer)
        }

        /// `cm.expired()`: whether the deadline passed (and cancelled the body).
        ///
        /// Python: `Timeout.expired()`. C: none.
        public func expired() -> Bool { state == .expiring || state == .expired }

        /// `repr(cm)`: `<Timeout [active] when=12.345>`, `<Timeout [expired]>`.
        ///
        /// Python: `Timeout.__repr__`.
        public var debugDescription: String {
            var info = ""
            if state == .active {
                if let deadline { info = " when=\(((deadline * 1000).rounded()) / 1000)" } else { info = " when=None" }
            }
            return "<Timeout [\(state.rawValue)]\(info)>"
        }

        /// `str(cm)`: the same as `repr(cm)`.
        ///
        /// Python: `object.__str__`.
        public var description: String { debugDescription }

        /// The timer: sleeps until the deadline, reading it again when rescheduled.
        func run() async throws {
            while true {
                do {
                    guard let deadline else {
                        try await loop.sleep(nanoseconds: 86_400_000_000_000)
                        continue
                    }
                    let left = deadline - loop.time()
                    if !(left > 0) { return }
                    try await loop.sleep(nanoseconds: nanoseconds(left))
                } catch is CancellationError {
                    // Rescheduled (asyncio's cancel, delivered once), unless the race is over.
                    if _Concurrency.Task.isCancelled { throw CancellationError() }
                }
            }
        }
    }

    private enum Outcome<T: Sendable>: Sendable {
        case value(T)
        case expired
    }

    /// Runs `operation` against the timer of `cm` on the running loop. The operation runs as a
    /// child task that is the calling task as far as `current_task()` goes; cancelling the
    /// calling task (asyncio's way, which Swift's task group does not see) cancels it.
    private static func race<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T, _ cm: Timeout) async throws -> T {
        let loop = cm.loop
        let parent = loop.currentHook()
        try parent?.checkOwed()
        let child = TaskHook()
        child.owner = parent?.owner
        cm.state = .active
        defer { if cm.state == .active { cm.state = .finished } }
        return try await withThrowingTaskGroup(of: Outcome<T>.self) { group in
            group.addTask { .value(try await loop.hooked(child, operation)) }
            group.addTask {
                try await loop.hooked(cm.timer) { try await cm.run() }
                return .expired
            }
            parent?.waiter = {
                loop.cancel(child)
                return true
            }
            defer {
                parent?.waiter = nil
                group.cancelAll()
            }
            switch try await group.next() {
            case .value(let value)?:
                return value
            case .expired?, nil:
                cm.state = .expiring
                group.cancelAll()
                // The operation gives its buffer back before the TimeoutError leaves.
                while let outcome = try? await group.next() {
                    if case .value(let value) = outcome {
                        cm.state = .finished
                        return value
                    }
                }
                cm.state = .expired
                throw TimeoutError()
            }
        }
    }
}
