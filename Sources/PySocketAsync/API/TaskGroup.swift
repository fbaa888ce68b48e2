// asyncio.TaskGroup, asyncio.to_thread / loop.run_in_executor, and the loop's call_soon / call_later handles.
import PySocket

extension asyncio {
    /// `async with asyncio.TaskGroup() as tg:`: tasks started with `tg.create_task` are all
    /// awaited when the block ends. The first task that raises cancels the others and the block;
    /// the errors come out as `ExceptionGroup('unhandled errors in a TaskGroup', [...])`. Use it
    /// from the loop's tasks only.
    ///
    /// Python: `asyncio.TaskGroup`. C: none.
    ///
    /// Differs from CPython: the block is a closure, `try await asyncio.TaskGroup().with { tg in
    /// ... }`, run as a task of its own (so that a failing child can cancel it).
    public final class TaskGroup: CustomStringConvertible, CustomDebugStringConvertible, @unchecked Sendable {
        private var tasks: [ObjectIdentifier: @Sendable () -> Void] = [:]
        private var errors: [any Error] = []
        private var entered = false
        private var exiting = false
        private var aborting = false
        private var cancelBody: (@Sendable () -> Void)?
        private var bodyCancelRequested = false
        private var emptied: Future<Bool>?

        /// `asyncio.TaskGroup()`.
        ///
        /// Python: `asyncio.TaskGroup()`. C: none.
        public init() {}

        /// `repr(tg)`: `<TaskGroup tasks=2 errors=1 cancelling>`, `<TaskGroup entered>`.
        ///
        /// Python: `TaskGroup.__repr__`.
        public var debugDescription: String {
            var info = [""]
            if !tasks.isEmpty { info.append("tasks=\(tasks.count)") }
            if !errors.isEmpty { info.append("errors=\(errors.count)") }
            if aborting { info.append("cancelling") } else if entered { info.append("entered") }
            return "<TaskGroup" + info.joined(separator: " ") + ">"
        }

        /// `str(tg)`: the same as `repr(tg)`.
        ///
        /// Python: `object.__str__`.
        public var description: String { debugDescription }

        /// `tg.create_task(coro)`: starts the closure as a task of the group.
        ///
        /// Python: `TaskGroup.create_task()`. C: none.
        /// - Throws: `RuntimeError('TaskGroup <TaskGroup> has not been entered')`, `... is
        ///   finished`, `... is shutting down`.
        @discardableResult
        public func create_task<T: Sendable>(_ coro: @escaping Coroutine<T>) throws -> Task<T> {
            if !entered { throw RuntimeError("TaskGroup \(debugDescription) has not been entered") }
            if exiting && tasks.isEmpty { throw RuntimeError("TaskGroup \(debugDescription) is finished") }
            if aborting { throw RuntimeError("TaskGroup \(debugDescription) is shutting down") }
            let task = spawn(coro)
            let key = ObjectIdentifier(task.future)
            tasks[key] = { task.cancel() }
            let me = LoopBound(self)
            task.future.add_done_callback { future in me.value.taskDone(key, future.outcome) }
            return task
        }

        /// CPython's `_on_task_done`.
        private func taskDone<T>(_ key: ObjectIdentifier, _ outcome: Future<T>.Outcome) {
            tasks[key] = nil
            if tasks.isEmpty, let emptied { emptied.settle(.result(true)) }
            guard case .exception(let error) = outcome else { return }
            errors.append(error)
            if !aborting { abort() }
            if !exiting, !bodyCancelRequested, let cancelBody {
                bodyCancelRequested = true
                cancelBody()
            }
        }

        private func abort() {
            aborting = true
            for cancel in tasks.values { cancel() }
        }

        /// `async with tg:` around `body`: runs `body(tg)`, then waits for every task of the group.
        ///
        /// Python: `TaskGroup.__aenter__`/`__aexit__`. C: none.
        /// - Throws: `ExceptionGroup('unhandled errors in a TaskGroup', [...])`,
        ///   `CancelledError`, `RuntimeError('TaskGroup <TaskGroup> has already been entered')`.
        @discardableResult
        public func with<R: Sendable>(_ body: @escaping (TaskGroup) async throws -> R) async throws -> R {
            if entered { throw RuntimeError("TaskGroup \(debugDescription) has already been entered") }
            entered = true
            let me = LoopBound(self)
            let bound = LoopBound(body)
            let bodyTask = spawn { try await bound.value(me.value) }
            cancelBody = { bodyTask.cancel() }
            var outcome: Result<R, any Error>
            do {
                outcome = .success(try await bodyTask.future.wait(cancelling: true))
            } catch {
                outcome = .failure(error)
            }
            exiting = true
            var propagateCancel = false
            if case .failure(let error) = outcome {
                if error is CancellationError {
                    // Cancelled from outside, not by a failing child: the cancellation goes on.
                    if !bodyCancelRequested || currentCancelling() > 0 { propagateCancel = true }
                } else {
                    errors.append(error)
                }
                if !aborting { abort() }
            }
            if currentCancelling() > 0 && !aborting { abort() }
            if !tasks.isEmpty {
                // Wait whatever happens to this task (CPython waits again after a cancellation).
                let emptied = Future<Bool>()
                self.emptied = emptied
                await emptied.settled()
                self.emptied = nil
            }
            if !errors.isEmpty {
                let group = ExceptionGroup("unhandled errors in a TaskGroup", errors)
                errors = []
                throw group
            }
            if propagateCancel { throw CancellationError() }
            return try outcome.get()
        }
    }

    /// `await asyncio.to_thread(func)`: runs the blocking `func` on another thread and returns
    /// what it returns, while the loop runs its other tasks.
    ///
    /// Python: `asyncio.to_thread()`. C: none.
    ///
    /// Differs from CPython: `func` and its arguments are one closure (`{ blocking(a, b) }`);
    /// it runs on Swift's global executor, not a `ThreadPoolExecutor`; cancelling the awaiting
    /// task does not return before `func` does.
    public static func to_thread<T: Sendable>(_ function: @escaping @Sendable () throws -> T) async throws -> T {
        _ = try runningLoop()
        return try await _Concurrency.Task.detached { try function() }.value
    }
}

extension asyncio.EventLoop {
    /// `await loop.run_in_executor(None, func)`: runs the blocking `func` on another thread
    /// (the default executor) and returns what it returns.
    ///
    /// Python: `loop.run_in_executor()`. C: none.
    ///
    /// Differs from CPython: only the default executor (`nil`); `func` and its arguments are
    /// one closure.
    public func run_in_executor<T: Sendable>(_ executor: Never?, _ function: @escaping @Sendable () throws -> T) async throws -> T {
        try asyncio.checkRunning(self)
        return try await _Concurrency.Task.detached { try function() }.value
    }

    /// `loop.time()`: the loop's monotonic clock, in seconds.
    ///
    /// Python: `loop.time()`. C: `clock_gettime(CLOCK_MONOTONIC)`.
    public func time() -> Double { Double(clock.monotonicNanoseconds()) / 1e9 }

    /// `handle = loop.call_soon(callback)`: runs `callback` at the loop's next turn.
    ///
    /// Python: `loop.call_soon()`. C: none.
    ///
    /// Differs from CPython: the callback and its arguments are one closure.
    /// - Throws: `RuntimeError('no running event loop')` on a loop that does not run.
    @discardableResult
    public func call_soon(_ callback: @escaping () -> Void) throws -> asyncio.Handle {
        try call_later(0, callback)
    }

    /// `handle = loop.call_later(delay, callback)`: runs `callback` after `delay` seconds,
    /// unless the handle is cancelled first.
    ///
    /// Python: `loop.call_later()`. C: none (the loop's timer).
    ///
    /// Differs from CPython: the callback and its arguments are one closure.
    @discardableResult
    public func call_later(_ delay: Double, _ callback: @escaping () -> Void) throws -> asyncio.Handle {
        try asyncio.checkRunning(self)
        let handle = asyncio.Handle(when: time() + max(0, delay))
        let bound = LoopBound(callback)
        let task = asyncio.loopTask {
            try await asyncio.sleep(delay)
            guard !handle.cancelled() else { return }
            handle.ran = true
            bound.value()
        }
        handle.cancelTask = { task.cancel() }
        return handle
    }

    /// `handle = loop.call_at(when, callback)`: runs `callback` once `loop.time()` reaches `when`.
    ///
    /// Python: `loop.call_at()`. C: none.
    @discardableResult
    public func call_at(_ when: Double, _ callback: @escaping () -> Void) throws -> asyncio.Handle {
        try call_later(when - time(), callback)
    }
}

extension asyncio {
    /// What `call_soon`/`call_later`/`call_at` return: `cancel()` stops the callback.
    ///
    /// Python: `asyncio.Handle` / `asyncio.TimerHandle`. C: none.
    public final class Handle: @unchecked Sendable {
        private var isCancelled = false
        var ran = false
        var cancelTask: (@Sendable () -> Void)?
        private let due: Double

        init(when: Double) { due = when }

        /// `handle.cancel()`: the callback will not run (nothing if it ran already).
        ///
        /// Python: `Handle.cancel()`. C: none.
        public func cancel() {
            if isCancelled || ran { return }
            isCancelled = true
            cancelTask?()
        }

        /// `handle.cancelled()`: whether `cancel()` was called before it ran.
        ///
        /// Python: `Handle.cancelled()`. C: none.
        public func cancelled() -> Bool { isCancelled }

        /// `handle.when()`: the `loop.time()` the callback is due at.
        ///
        /// Python: `TimerHandle.when()`. C: none.
        public func when() -> Double { due }
    }
}
