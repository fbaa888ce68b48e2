// asyncio.Future: a result set by the loop's code and awaited by tasks; loop.create_future; InvalidStateError.
import PySocket
import Synchronization

extension asyncio {
    /// `asyncio.InvalidStateError`: a future's result asked for before it is set, or set twice.
    ///
    /// Python: `asyncio.InvalidStateError` (a subclass of `Exception`). C: none.
    public final class InvalidStateError: Exception, @unchecked Sendable {}

    /// `asyncio.Future`: a value that will be set later (`set_result`, `set_exception`,
    /// `cancel`) and that tasks await (`try await fut.value`). A task's outcome is one too.
    ///
    /// Python: `asyncio.Future`. C: none.
    ///
    /// Differs from CPython: generic over its result type; `await fut` is `try await fut.value`.
    public final class Future<T: Sendable>: Hashable, CustomStringConvertible, CustomDebugStringConvertible, @unchecked Sendable {
        enum Outcome: Sendable {
            case pending
            case result(T)
            case exception(any Error)
            case cancelled
        }

        private struct State {
            var outcome: Outcome = .pending
            var waiters: [(id: Int, continuation: CheckedContinuation<T, any Error>)] = []
            var callbacks: [@Sendable (Future<T>) -> Void] = []
            var next = 0
        }

        private let state = Mutex(State())
        /// A task's future: cancelling it cancels the task (which settles the future when it ends).
        let cancelHook: (@Sendable () -> Void)?

        init(cancelHook: (@Sendable () -> Void)? = nil) {
            self.cancelHook = cancelHook
        }

        /// `asyncio.Future()`: a pending future (on the running loop).
        ///
        /// Python: `asyncio.Future()`. C: none.
        public convenience init() { self.init(cancelHook: nil) }

        var outcome: Outcome { state.withLock { $0.outcome } }

        /// `fut.done()`: whether it has a result, an exception, or was cancelled.
        ///
        /// Python: `Future.done()`. C: none.
        public func done() -> Bool {
            if case .pending = outcome { return false }
            return true
        }

        /// `fut.cancelled()`: whether it was cancelled (a task: it ended by `CancelledError`).
        ///
        /// Python: `Future.cancelled()`. C: none.
        public func cancelled() -> Bool {
            if case .cancelled = outcome { return true }
            return false
        }

        /// `fut.result()`: the result; raises the exception it was set with.
        ///
        /// Python: `Future.result()`. C: none.
        /// - Throws: `CancelledError`, `InvalidStateError('Result is not set.')`, the exception.
        public func result() throws -> T {
            switch outcome {
            case .pending: throw InvalidStateError("Result is not set.")
            case .cancelled: throw CancellationError()
            case .exception(let error): throw error
            case .result(let value): return value
            }
        }

        /// `fut.exception()`: the exception it was set with, nil if it has a result.
        ///
        /// Python: `Future.exception()`. C: none.
        /// - Throws: `CancelledError`, `InvalidStateError('Exception is not set.')`.
        public func exception() throws -> (any Error)? {
            switch outcome {
            case .pending: throw InvalidStateError("Exception is not set.")
            case .cancelled: throw CancellationError()
            case .exception(let error): return error
            case .result: return nil
            }
        }

        /// `fut.set_result(result)`: settles it and wakes its waiters.
        ///
        /// Python: `Future.set_result()`. C: none.
        /// - Throws: `InvalidStateError('invalid state')` when already done.
        public func set_result(_ result: T) throws {
            guard settle(.result(result)) else { throw InvalidStateError("invalid state") }
        }

        /// `fut.set_exception(exception)`: settles it with an error; its waiters raise it.
        ///
        /// Python: `Future.set_exception()`. C: none.
        /// - Throws: `InvalidStateError('invalid state')` when already done.
        public func set_exception(_ exception: any Error) throws {
            guard settle(.exception(exception)) else { throw InvalidStateError("invalid state") }
        }

        /// `fut.cancel()`: cancels it (its waiters raise `CancelledError`); false if already
        /// done. A task's future asks the task to stop instead.
        ///
        /// Python: `Future.cancel()`. C: none.
        @discardableResult
        public func cancel() -> Bool {
            if done() { return false }
            if let cancelHook {
                cancelHook()
                return true
            }
            return settle(.cancelled)
        }

        /// `fut.add_done_callback(fn)`: calls `fn(fut)` once it is done (at once if it is).
        ///
        /// Python: `Future.add_done_callback()`. C: none.
        public func add_done_callback(_ fn: @escaping @Sendable (Future<T>) -> Void) {
            let now = state.withLock { state -> Bool in
                if case .pending = state.outcome {
                    state.callbacks.append(fn)
                    return false
                }
                return true
            }
            if now { fn(self) }
        }

        /// Settles the future once; false when it was done already.
        @discardableResult
        func settle(_ outcome: Outcome) -> Bool {
            let taken = state.withLock { state -> (waiters: [CheckedContinuation<T, any Error>], callbacks: [@Sendable (Future<T>) -> Void])? in
                guard case .pending = state.outcome else { return nil }
                state.outcome = outcome
                defer {
                    state.waiters = []
                    state.callbacks = []
                }
                return (state.waiters.map(\.continuation), state.callbacks)
            }
            guard let taken else { return false }
            let result = Self.result(of: outcome)
            for waiter in taken.waiters { waiter.resume(with: result) }
            for callback in taken.callbacks { callback(self) }
            return true
        }

        private static func result(of outcome: Outcome) -> Result<T, any Error> {
            switch outcome {
            case .result(let value): return .success(value)
            case .exception(let error): return .failure(error)
            case .cancelled, .pending: return .failure(CancellationError())
            }
        }

        /// `await fut`: its result, or the exception it was set with. Cancelling the awaiting
        /// task cancels the future (a task's: the task), as asyncio does.
        ///
        /// Python: `await fut`. C: none.
        /// - Throws: the future's exception, `CancelledError`.
        public var value: T {
            get async throws { try await wait(cancelling: true) }
        }

        /// Awaits the outcome; `cancelling`: a cancellation of the waiter cancels the future,
        /// else it only stops the waiter (`shield`).
        func wait(cancelling: Bool) async throws -> T {
            if let hook = EventLoop.current?.currentHook() { return try await wait(hook, cancelling: cancelling) }
            let id = state.withLock { state -> Int in
                state.next += 1
                return state.next
            }
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                    let now = state.withLock { state -> Result<T, any Error>? in
                        if case .pending = state.outcome {
                            state.waiters.append((id, continuation))
                            return nil
                        }
                        return Self.result(of: state.outcome)
                    }
                    if let now { continuation.resume(with: now) }
                }
            } onCancel: {
                if cancelling {
                    // A task's future settles when the task ends; a plain one settles now.
                    self.cancel()
                    if self.cancelHook != nil { return }
                }
                let waiter = state.withLock { state -> CheckedContinuation<T, any Error>? in
                    guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                    return state.waiters.remove(at: index).continuation
                }
                waiter?.resume(throwing: CancellationError())
            }
        }

        /// `wait` in a task the loop runs: a cancel request reaches this wait through the task's
        /// hook (CPython's `_fut_waiter.cancel()`), once.
        private func wait(_ hook: TaskHook, cancelling: Bool) async throws -> T {
            try hook.checkOwed()
            let id = state.withLock { state -> Int in
                state.next += 1
                return state.next
            }
            let outcome: Result<T, any Error>
            do {
                outcome = .success(try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                    let now = state.withLock { state -> Result<T, any Error>? in
                        if case .pending = state.outcome {
                            state.waiters.append((id, continuation))
                            return nil
                        }
                        return Self.result(of: state.outcome)
                    }
                    if let now {
                        continuation.resume(with: now)
                    } else {
                        hook.waiter = { self.cancelWait(id, cancelling: cancelling) }
                    }
                })
            } catch {
                outcome = .failure(error)
            }
            hook.waiter = nil
            try hook.checkOwed()
            return try outcome.get()
        }

        /// Cancels the wait `id`: the future itself when `cancelling` (a task's: the task),
        /// else only the waiter (`shield`). True if the wait will end by itself.
        private func cancelWait(_ id: Int, cancelling: Bool) -> Bool {
            if cancelling { return cancel() }
            let waiter = state.withLock { state -> CheckedContinuation<T, any Error>? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index).continuation
            }
            guard let waiter else { return false }
            waiter.resume(throwing: CancellationError())
            return true
        }

        /// Waits until it is done, whatever happens to the waiting task (no cancellation).
        func settled() async {
            if done() { return }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                add_done_callback { _ in continuation.resume() }
            }
        }

        /// `a == b`: the same future (Python compares futures by identity).
        ///
        /// Python: `object.__eq__`.
        public static func == (a: Future<T>, b: Future<T>) -> Bool { a === b }

        /// `hash(fut)`: by identity, so that futures go in a `set`.
        ///
        /// Python: `object.__hash__`.
        public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

        /// `repr(fut)`: `<Future pending>`, `<Future finished result=3>`, `<Future cancelled>`,
        /// `<Future finished exception=ValueError('x')>`.
        ///
        /// Python: `Future.__repr__`.
        public var debugDescription: String {
            switch outcome {
            case .pending: return "<Future pending>"
            case .cancelled: return "<Future cancelled>"
            case .result(let value): return "<Future finished result=\(asyncio.pyRepr(value))>"
            case .exception(let error): return "<Future finished exception=\(String(reflecting: error))>"
            }
        }

        /// `str(fut)`: the same as `repr(fut)`.
        ///
        /// Python: `object.__str__`.
        public var description: String { debugDescription }
    }
}

extension asyncio.EventLoop {
    /// `loop.create_future()`: a pending future on this loop; the type says what it will hold
    /// (`let done: asyncio.Future<Bool> = loop.create_future()`).
    ///
    /// Python: `loop.create_future()`. C: none.
    public func create_future<T: Sendable>() -> asyncio.Future<T> { asyncio.Future<T>() }

    /// `loop.create_future()` with its result type named: `loop.create_future(Int.self)`.
    ///
    /// Python: `loop.create_future()`. C: none.
    public func create_future<T: Sendable>(_ type: T.Type) -> asyncio.Future<T> { asyncio.Future<T>() }
}
