// The asyncio namespace: run, get_running_loop, create_task, sleep, wait_for, timeout, and the Task handle.
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
    /// PySocket's own; no `debug` argument (the non-blocking check is always on).
    /// - Throws: `RuntimeError("asyncio.run() cannot be called from a running event loop")`.
    public static func run<T: Sendable>(backend: Backend? = nil, _ main: @escaping @Sendable () async throws -> T) throws -> T {
        if EventLoop.current != nil {
            throw RuntimeError("asyncio.run() cannot be called from a running event loop")
        }
        let loop = try EventLoop(backend: backend)
        defer { loop.close() }
        return try loop.runMain(main)
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

    /// `asyncio.create_task(coro)`: starts `body` as a task on the running loop (it runs on the
    /// loop's thread) and returns its handle.
    ///
    /// Python: `asyncio.create_task()`. C: none.
    ///
    /// Differs from CPython: takes a closure; the task starts at the loop's next turn, as in
    /// Python, but holds a Swift `Task`. Outside a running loop CPython raises
    /// `RuntimeError('no running event loop')` here; PySocket returns a finished task whose
    /// `value` raises it (the body never runs), so the line ports without `try`.
    @discardableResult
    public static func create_task<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Task<T> {
        let state = TaskState()
        guard let loop = EventLoop.current else {
            state.finished.store(true, ordering: .releasing)
            let future = Future<T>()
            future.settle(.exception(RuntimeError("no running event loop")))
            return Task(_Concurrency.Task { throw RuntimeError("no running event loop") }, state, future)
        }
        let cancel = TaskCancel()
        let future = Future<T>(cancelHook: { cancel.cancel() })
        let task = _Concurrency.Task<T, any Error>(executorPreference: loop) {
            defer {
                state.finished.store(true, ordering: .releasing)
                loop.release(state.id.load(ordering: .acquiring))
            }
            do {
                // Cancelled before it ran: the body never starts, as a coroutine never does.
                try _Concurrency.Task.checkCancellation()
                let value = try await loop.hooked(body)
                future.settle(.result(value))
                return value
            } catch is CancellationError {
                future.settle(.cancelled)
                throw CancellationError()
            } catch {
                future.settle(.exception(error))
                throw error
            }
        }
        cancel.set { task.cancel() }
        state.id.store(loop.adopt { task.cancel() }, ordering: .releasing)
        return Task(task, state, future)
    }

    /// The cancel action of a task, known once the task is made.
    final class TaskCancel: @unchecked Sendable {
        private let action = Mutex<(@Sendable () -> Void)?>(nil)
        func set(_ body: @escaping @Sendable () -> Void) { action.withLock { $0 = body } }
        func cancel() { action.withLock { $0 }?() }
    }

    /// What a task handle shares with its running body.
    final class TaskState: Sendable {
        let finished = Atomic<Bool>(false)
        let id = Atomic<UInt64>(0)
    }

    /// `asyncio.Task`: a handle on a task started by `create_task`.
    ///
    /// Python: `asyncio.Task`. C: none.
    public struct Task<T: Sendable>: Sendable, Hashable {
        let task: _Concurrency.Task<T, any Error>
        let state: TaskState
        /// The task's outcome, as asyncio's Task is a Future.
        let future: Future<T>

        init(_ task: _Concurrency.Task<T, any Error>, _ state: TaskState, _ future: Future<T>) {
            self.task = task
            self.state = state
            self.future = future
        }

        /// `t.cancel()`: asks the task to stop; the operation it waits on is cancelled and the
        /// task sees `CancellationError`. Returns false if it had already finished.
        ///
        /// Python: `Task.cancel()`. C: none.
        @discardableResult
        public func cancel() -> Bool {
            if done() { return false }
            task.cancel()
            return true
        }

        /// `t.done()`: whether the task has finished (returned, raised or been cancelled).
        ///
        /// Python: `Task.done()`. C: none.
        public func done() -> Bool { state.finished.load(ordering: .acquiring) }

        /// `await t`: the task's result, or the error it threw (`CancellationError` if cancelled).
        /// Cancelling the awaiting task cancels this one, which it then waits for, as asyncio does.
        ///
        /// Python: `await task`. C: none.
        public var value: T {
            get async throws { try await future.value }
        }
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
        return try await race(operation, timeout)
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
        return try await race(body, max(0, delay))
    }

    private enum Outcome<T: Sendable>: Sendable {
        case value(T)
        case expired
    }

    /// Runs `operation` against a timer of `seconds` on the running loop.
    private static func race<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T, _ seconds: Double) async throws -> T {
        let loop = try runningLoop()
        let wait = nanoseconds(seconds)
        return try await withThrowingTaskGroup(of: Outcome<T>.self) { group in
            group.addTask { .value(try await loop.hooked(operation)) }
            group.addTask {
                try await loop.hooked { try await loop.sleep(nanoseconds: wait) }
                return .expired
            }
            defer { group.cancelAll() }
            switch try await group.next() {
            case .value(let value)?:
                return value
            case .expired?, nil:
                group.cancelAll()
                // The operation gives its buffer back before the TimeoutError leaves.
                while let outcome = try? await group.next() {
                    if case .value(let value) = outcome { return value }
                }
                throw TimeoutError()
            }
        }
    }
}
