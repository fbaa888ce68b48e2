// asyncio's functions over several tasks: gather, wait, as_completed, shield, and Task's Future methods.
import PySocket
import Synchronization

extension asyncio.Task {
    /// `t.result()`: the task's result once it is done.
    ///
    /// Python: `Task.result()`. C: none.
    /// - Throws: `CancelledError`, `InvalidStateError('Result is not set.')`, the task's exception.
    public func result() throws -> T { try future.result() }

    /// `t.exception()`: the exception the task ended with, nil if it returned.
    ///
    /// Python: `Task.exception()`. C: none.
    /// - Throws: `CancelledError`, `InvalidStateError('Exception is not set.')`.
    public func exception() throws -> (any Error)? { try future.exception() }

    /// `t.cancelled()`: whether the task ended by `CancelledError`.
    ///
    /// Python: `Task.cancelled()`. C: none.
    public func cancelled() -> Bool { future.cancelled() }

    /// `t.add_done_callback(fn)`: calls `fn(t)` once the task is done.
    ///
    /// Python: `Task.add_done_callback()`. C: none.
    public func add_done_callback(_ fn: @escaping @Sendable (asyncio.Task<T>) -> Void) {
        let me = self
        future.add_done_callback { _ in fn(me) }
    }

    /// `a == b`: the same task (Python compares tasks by identity).
    ///
    /// Python: `object.__eq__`.
    public static func == (a: asyncio.Task<T>, b: asyncio.Task<T>) -> Bool { a.future === b.future }

    /// `hash(t)`: by identity, so that tasks go in a `set` (`asyncio.wait` returns sets).
    ///
    /// Python: `object.__hash__`.
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(future)) }
}

extension asyncio {
    /// `asyncio.TimeoutError`: the builtin `TimeoutError` (the same class since Python 3.11).
    ///
    /// Python: `asyncio.TimeoutError`. C: none.
    public typealias TimeoutError = PySocket.TimeoutError

    /// A coroutine as Swift spells it: an async closure (`{ try await client(1) }`).
    ///
    /// Python: a coroutine object. C: none.
    public typealias Coroutine<T> = () async throws -> T

    /// Runs a coroutine closure as a task on the running loop (the closure runs on the loop's
    /// thread, as everything else the loop runs).
    static func spawn<T: Sendable>(_ coroutine: @escaping Coroutine<T>) -> Task<T> {
        let bound = LoopBound(coroutine)
        return create_task { try await bound.value() }
    }

    /// `asyncio.FIRST_COMPLETED`: `wait` returns when any task is done.
    ///
    /// Python: `asyncio.FIRST_COMPLETED`. C: none.
    public static let FIRST_COMPLETED = "FIRST_COMPLETED"
    /// `asyncio.FIRST_EXCEPTION`: `wait` returns when any task raises, or all are done.
    ///
    /// Python: `asyncio.FIRST_EXCEPTION`. C: none.
    public static let FIRST_EXCEPTION = "FIRST_EXCEPTION"
    /// `asyncio.ALL_COMPLETED`: `wait` returns when every task is done.
    ///
    /// Python: `asyncio.ALL_COMPLETED`. C: none.
    public static let ALL_COMPLETED = "ALL_COMPLETED"

    /// `asyncio.ensure_future(coro)`: the closure started as a task (as `create_task`).
    ///
    /// Python: `asyncio.ensure_future()`. C: none.
    @discardableResult
    public static func ensure_future<T: Sendable>(_ coroutine: @escaping Coroutine<T>) -> Task<T> { spawn(coroutine) }

    /// `asyncio.ensure_future(task)`: the task itself.
    ///
    /// Python: `asyncio.ensure_future()`. C: none.
    @discardableResult
    public static func ensure_future<T: Sendable>(_ task: Task<T>) -> Task<T> { task }

    /// `await asyncio.sleep(delay, result)`: sleeps, then returns `result`.
    ///
    /// Python: `asyncio.sleep(delay, result)`. C: none.
    public static func sleep<T: Sendable>(_ delay: Double, _ result: T) async throws -> T {
        try await sleep(delay)
        return result
    }

    // MARK: gather

    /// `await asyncio.gather(*tasks)`: the tasks' results in order. The first exception (in
    /// time) is raised at once and the other tasks keep running; cancelling the awaiting task
    /// cancels them all.
    ///
    /// Python: `asyncio.gather()`. C: none.
    ///
    /// Differs from CPython: every awaitable has the same result type (for different types use
    /// `async let`); coroutines are closures.
    /// - Throws: the first exception a task raised, `CancelledError`.
    public static func gather<T: Sendable>(_ tasks: [Task<T>]) async throws -> [T] {
        let outcomes = try await gathered(tasks, returnExceptions: false)
        return try outcomes.map { try $0.get() }
    }

    /// `await asyncio.gather(t1, t2, ...)`: as `gather([t1, t2, ...])`.
    ///
    /// Python: `asyncio.gather()`. C: none.
    public static func gather<T: Sendable>(_ tasks: Task<T>...) async throws -> [T] {
        try await gather(tasks)
    }

    /// `await asyncio.gather(coro1(), coro2(), ...)`: each closure runs as a task (in order);
    /// their results in order.
    ///
    /// Python: `asyncio.gather()`. C: none.
    public static func gather<T: Sendable>(_ coroutines: Coroutine<T>...) async throws -> [T] {
        try await gather(coroutines.map { spawn($0) })
    }

    /// `await asyncio.gather(*[coro(i) for i in ...])`: each closure runs as a task.
    ///
    /// Python: `asyncio.gather()`. C: none.
    public static func gather<T: Sendable>(_ coroutines: [Coroutine<T>]) async throws -> [T] {
        try await gather(coroutines.map { spawn($0) })
    }

    /// `a, b = await asyncio.gather(coro_a(), coro_b())` with results of different types: a
    /// tuple (`let (a, b) = try await asyncio.gather({ ... }, { ... })`). Where every closure
    /// returns the same type, the `[T]` overload is chosen; a tuple pattern picks this one.
    ///
    /// Python: `asyncio.gather()`. C: none.
    @_disfavoredOverload
    public static func gather<each T: Sendable>(_ coroutines: repeat @escaping Coroutine<each T>) async throws -> (repeat each T) {
        let tasks = (repeat spawn(each coroutines))
        var watchers: [Task<Bool>] = []
        for task in repeat each tasks {
            watchers.append(loopTask {
                _ = try await task.value
                return true
            })
        }
        _ = try await gather(watchers)
        return (repeat try (each tasks).result())
    }

    /// `await asyncio.gather()`: with nothing to wait for, `[]`.
    ///
    /// Python: `asyncio.gather()`. C: none.
    public static func gather() async throws -> [Any] { [] }

    /// `await asyncio.gather(*tasks, return_exceptions=True)`: each task's result or, in its
    /// place, the exception it raised (`CancelledError` for a cancelled one); nothing is raised.
    ///
    /// Python: `asyncio.gather(..., return_exceptions=True)`. C: none.
    ///
    /// Differs from CPython: the list holds `Any` (a result or an error); `return_exceptions:
    /// false` raises as `gather` does.
    public static func gather<T: Sendable>(_ tasks: [Task<T>], return_exceptions: Bool) async throws -> [Any] {
        let outcomes = try await gathered(tasks, returnExceptions: return_exceptions)
        return try outcomes.map { outcome -> Any in
            switch outcome {
            case .success(let value): return value
            case .failure(let error):
                if return_exceptions { return error }
                throw error
            }
        }
    }

    /// `await asyncio.gather(coro1(), coro2(), return_exceptions=True)`.
    ///
    /// Python: `asyncio.gather(..., return_exceptions=True)`. C: none.
    public static func gather<T: Sendable>(_ coroutines: Coroutine<T>..., return_exceptions: Bool) async throws -> [Any] {
        try await gather(coroutines.map { spawn($0) }, return_exceptions: return_exceptions)
    }

    /// `await asyncio.gather(*[...], return_exceptions=True)` over closures.
    ///
    /// Python: `asyncio.gather(..., return_exceptions=True)`. C: none.
    public static func gather<T: Sendable>(_ coroutines: [Coroutine<T>], return_exceptions: Bool) async throws -> [Any] {
        try await gather(coroutines.map { spawn($0) }, return_exceptions: return_exceptions)
    }

    /// CPython's `_GatheringFuture`: every outcome in order, or the first exception.
    private static func gathered<T: Sendable>(_ tasks: [Task<T>], returnExceptions: Bool) async throws -> [Result<T, any Error>] {
        if tasks.isEmpty { return [] }
        let box = GatherState<T>(count: tasks.count)
        let outer = Future<[Result<T, any Error>]>(cancelHook: {
            box.cancelRequested.store(true, ordering: .releasing)
            for task in tasks { task.cancel() }
        })
        for (index, task) in tasks.enumerated() {
            task.future.add_done_callback { future in
                let outcome: Result<T, any Error>
                switch future.outcome {
                case .result(let value): outcome = .success(value)
                case .exception(let error): outcome = .failure(error)
                case .cancelled, .pending: outcome = .failure(CancellationError())
                }
                if !returnExceptions, case .failure(let error) = outcome {
                    outer.settle(.exception(error))
                }
                guard let all = box.record(index, outcome) else { return }
                if box.cancelRequested.load(ordering: .acquiring) {
                    outer.settle(.cancelled)
                } else {
                    outer.settle(.result(all))
                }
            }
        }
        return try await outer.value
    }

    private final class GatherState<T: Sendable>: Sendable {
        let cancelRequested = Atomic<Bool>(false)
        private let outcomes: Mutex<(left: Int, items: [Result<T, any Error>?])>

        init(count: Int) { outcomes = Mutex((count, Array(repeating: nil, count: count))) }

        /// Records one outcome; all of them once the last came.
        func record(_ index: Int, _ outcome: Result<T, any Error>) -> [Result<T, any Error>]? {
            outcomes.withLock { state in
                state.items[index] = outcome
                state.left -= 1
                return state.left == 0 ? state.items.compactMap { $0 } : nil
            }
        }
    }

    // MARK: shield

    /// `await asyncio.shield(task)`: the task's result; cancelling the awaiting task raises
    /// `CancelledError` there at once but leaves `task` running.
    ///
    /// Python: `asyncio.shield()`. C: none.
    public static func shield<T: Sendable>(_ task: Task<T>) async throws -> T {
        let outer = Future<T>()
        task.future.add_done_callback { inner in
            switch inner.outcome {
            case .result(let value): outer.settle(.result(value))
            case .exception(let error): outer.settle(.exception(error))
            case .cancelled, .pending: outer.settle(.cancelled)
            }
        }
        return try await outer.value
    }

    /// `await asyncio.shield(coro())`: runs the closure as a task and shields it.
    ///
    /// Python: `asyncio.shield()`. C: none.
    public static func shield<T: Sendable>(_ coroutine: @escaping Coroutine<T>) async throws -> T {
        try await shield(spawn(coroutine))
    }

    // MARK: wait

    /// `done, pending = await asyncio.wait(tasks, timeout=None, return_when=ALL_COMPLETED)`:
    /// waits until `return_when` (`FIRST_COMPLETED`, `FIRST_EXCEPTION`, `ALL_COMPLETED`) or
    /// `timeout` seconds; returns the tasks done and those still pending. Raises nothing the
    /// tasks raised and cancels none of them.
    ///
    /// Python: `asyncio.wait()`. C: none.
    ///
    /// Differs from CPython: takes tasks (as 3.13 does), all of one result type.
    /// - Throws: `ValueError('Set of Tasks/Futures is empty.')`, `ValueError('Invalid
    ///   return_when value: ...')`, `CancelledError`.
    public static func wait<T: Sendable, S: Sequence<Task<T>>>(_ fs: S, timeout: Double? = nil,
                                                             return_when: String = ALL_COMPLETED) async throws -> (Set<Task<T>>, Set<Task<T>>) {
        let tasks = Array(Set(fs))
        if tasks.isEmpty { throw ValueError("Set of Tasks/Futures is empty.") }
        guard [FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED].contains(return_when) else {
            throw ValueError("Invalid return_when value: \(return_when)")
        }
        let waiter = Future<Bool>()
        let left = Mutex(tasks.filter { !$0.done() }.count)
        if left.withLock({ $0 }) > 0 {
            for task in tasks {
                task.future.add_done_callback { future in
                    let remaining = left.withLock { count -> Int in
                        count -= 1
                        return count
                    }
                    let failed: Bool
                    if case .exception = future.outcome { failed = true } else { failed = false }
                    if remaining <= 0 || return_when == FIRST_COMPLETED || (return_when == FIRST_EXCEPTION && failed) {
                        waiter.settle(.result(true))
                    }
                }
            }
            let timer = timeout.map { seconds in
                loopTask {
                    try await sleep(seconds)
                    waiter.settle(.result(false))
                }
            }
            defer { timer?.cancel() }
            _ = try await waiter.value
        }
        var done = Set<Task<T>>(), pending = Set<Task<T>>()
        for task in tasks {
            if task.done() || task.future.done() { done.insert(task) } else { pending.insert(task) }
        }
        return (done, pending)
    }

    // MARK: as_completed

    /// `for next_done in asyncio.as_completed(aws, timeout=None)`: one awaitable per task, in
    /// the order the tasks finish: awaiting the first gives the result of whichever finished
    /// first, and so on. After `timeout` seconds the ones not yet done raise `TimeoutError`.
    ///
    /// Python: `asyncio.as_completed()`. C: none.
    ///
    /// Differs from CPython: returns an array of futures (`try await next_done.value`).
    public static func as_completed<T: Sendable>(_ fs: [Task<T>], timeout: Double? = nil) -> [Future<T>] {
        let slots = (0..<fs.count).map { _ in Future<T>() }
        let next = Mutex(0)
        @Sendable func fill(_ outcome: Future<T>.Outcome) {
            let index = next.withLock { index -> Int in
                index += 1
                return index - 1
            }
            if index < slots.count { slots[index].settle(outcome) }
        }
        let timer = timeout.map { seconds in
            loopTask {
                try await sleep(seconds)
                for slot in slots { slot.settle(.exception(TimeoutError())) }
            }
        }
        let left = Mutex(fs.count)
        for task in fs {
            task.future.add_done_callback { future in
                fill(future.outcome)
                if left.withLock({ count -> Int in
                    count -= 1
                    return count
                }) == 0 { timer?.cancel() }
            }
        }
        return slots
    }

    /// `asyncio.as_completed([coro1(), coro2()])`: each closure runs as a task.
    ///
    /// Python: `asyncio.as_completed()`. C: none.
    public static func as_completed<T: Sendable>(_ fs: [Coroutine<T>], timeout: Double? = nil) -> [Future<T>] {
        as_completed(fs.map { spawn($0) }, timeout: timeout)
    }
}
