// asyncio's synchronisation primitives: Event, Lock, Semaphore, BoundedSemaphore, for the tasks of one loop.
import PySocket

extension asyncio {
    /// A FIFO of waiters (futures), CPython's `_waiters` deque.
    struct Waiters {
        private(set) var items: [Future<Bool>] = []

        mutating func add() -> Future<Bool> {
            let waiter = Future<Bool>()
            items.append(waiter)
            return waiter
        }

        mutating func remove(_ waiter: Future<Bool>) {
            if let index = items.firstIndex(where: { $0 === waiter }) { items.remove(at: index) }
        }
    }

    /// `asyncio.Event()`: a flag tasks wait on: `wait()` returns once `set()` is called.
    /// Use it from the loop's tasks only.
    ///
    /// Python: `asyncio.Event`. C: none.
    public final class Event: @unchecked Sendable {
        private var value = false
        private var waiters = Waiters()

        /// `asyncio.Event()`: an event not set.
        ///
        /// Python: `asyncio.Event()`. C: none.
        public init() {}

        /// `event.is_set()`: whether it is set.
        ///
        /// Python: `Event.is_set()`. C: none.
        public func is_set() -> Bool { value }

        /// `event.set()`: sets it and wakes every waiting task.
        ///
        /// Python: `Event.set()`. C: none.
        public func set() {
            if value { return }
            value = true
            for waiter in waiters.items where !waiter.done() { waiter.settle(.result(true)) }
        }

        /// `event.clear()`: unsets it; later `wait()` calls wait again.
        ///
        /// Python: `Event.clear()`. C: none.
        public func clear() { value = false }

        /// `await event.wait()`: returns true once the event is set (at once if it is).
        ///
        /// Python: `Event.wait()`. C: none.
        /// - Throws: `CancelledError`.
        @discardableResult
        public func wait() async throws -> Bool {
            if value { return true }
            let waiter = waiters.add()
            defer { waiters.remove(waiter) }
            _ = try await waiter.value
            return true
        }
    }

    /// `asyncio.Lock()`: a mutual-exclusion lock for tasks; waiters get it in the order they
    /// came. Use it from the loop's tasks only.
    ///
    /// Python: `asyncio.Lock`. C: none.
    public final class Lock: @unchecked Sendable {
        private var isLocked = false
        private var waiters = Waiters()

        /// `asyncio.Lock()`: an unlocked lock.
        ///
        /// Python: `asyncio.Lock()`. C: none.
        public init() {}

        /// `lock.locked()`: whether a task holds it.
        ///
        /// Python: `Lock.locked()`. C: none.
        public func locked() -> Bool { isLocked }

        /// `await lock.acquire()`: waits until the lock is free, takes it, returns true.
        ///
        /// Python: `Lock.acquire()`. C: none.
        /// - Throws: `CancelledError`.
        @discardableResult
        public func acquire() async throws -> Bool {
            if !isLocked && waiters.items.allSatisfy({ $0.cancelled() }) {
                isLocked = true
                return true
            }
            let waiter = waiters.add()
            do {
                _ = try await waiter.value
                waiters.remove(waiter)
            } catch {
                waiters.remove(waiter)
                if !isLocked { wakeUpFirst() }
                throw error
            }
            isLocked = true
            return true
        }

        /// `lock.release()`: frees the lock; the first waiting task gets it.
        ///
        /// Python: `Lock.release()`. C: none.
        /// - Throws: `RuntimeError('Lock is not acquired.')`.
        public func release() throws {
            guard isLocked else { throw RuntimeError("Lock is not acquired.") }
            isLocked = false
            wakeUpFirst()
        }

        private func wakeUpFirst() {
            if let first = waiters.items.first, !first.done() { first.settle(.result(true)) }
        }

        /// `async with lock:`: runs `body` holding the lock, and releases it on every exit.
        ///
        /// Python: `Lock.__aenter__`/`__aexit__`. C: none.
        ///
        /// Differs from CPython: a closure rather than an `async with` block.
        public func with<R>(_ body: () async throws -> R) async throws -> R {
            try await acquire()
            defer { try? release() }
            return try await body()
        }
    }

    /// `asyncio.Semaphore(value=1)`: a counter of free places; `acquire()` waits while it is
    /// 0, and waiters go in the order they came. Use it from the loop's tasks only.
    ///
    /// Python: `asyncio.Semaphore`. C: none.
    public class Semaphore: @unchecked Sendable {
        var count: Int
        private var waiters = Waiters()

        /// `asyncio.Semaphore(value=1)`.
        ///
        /// Python: `asyncio.Semaphore()`. C: none.
        /// - Throws: `ValueError('Semaphore initial value must be >= 0')`.
        public init(_ value: Int = 1) throws {
            guard value >= 0 else { throw ValueError("Semaphore initial value must be >= 0") }
            count = value
        }

        /// `sem.locked()`: true if `acquire()` would wait.
        ///
        /// Python: `Semaphore.locked()`. C: none.
        public func locked() -> Bool {
            count == 0 || waiters.items.contains { !$0.cancelled() }
        }

        /// `await sem.acquire()`: takes a place (waiting for one), returns true.
        ///
        /// Python: `Semaphore.acquire()`. C: none.
        /// - Throws: `CancelledError`.
        @discardableResult
        public func acquire() async throws -> Bool {
            if !locked() {
                count -= 1
                return true
            }
            let waiter = waiters.add()
            defer {
                // Waiters that came meanwhile may have to wait for FIFO's sake: wake as many as fit.
                while count > 0 && wakeUpNext() {}
            }
            do {
                _ = try await waiter.value
                waiters.remove(waiter)
            } catch {
                waiters.remove(waiter)
                if waiter.done() && !waiter.cancelled() { count += 1 }
                throw error
            }
            return true
        }

        /// `sem.release()`: gives a place back and wakes the first waiter.
        ///
        /// Python: `Semaphore.release()`. C: none.
        public func release() throws {
            count += 1
            _ = wakeUpNext()
        }

        private func wakeUpNext() -> Bool {
            for waiter in waiters.items where !waiter.done() {
                count -= 1
                waiter.settle(.result(true))
                return true
            }
            return false
        }

        /// `async with sem:`: runs `body` holding a place, and gives it back on every exit.
        ///
        /// Python: `Semaphore.__aenter__`/`__aexit__`. C: none.
        ///
        /// Differs from CPython: a closure rather than an `async with` block.
        public func with<R>(_ body: () async throws -> R) async throws -> R {
            try await acquire()
            defer { try? release() }
            return try await body()
        }
    }

    /// `asyncio.BoundedSemaphore(value=1)`: a semaphore that refuses to be released above its
    /// initial value.
    ///
    /// Python: `asyncio.BoundedSemaphore`. C: none.
    public final class BoundedSemaphore: Semaphore, @unchecked Sendable {
        private let bound: Int

        /// `asyncio.BoundedSemaphore(value=1)`.
        ///
        /// Python: `asyncio.BoundedSemaphore()`. C: none.
        /// - Throws: `ValueError('Semaphore initial value must be >= 0')`.
        public override init(_ value: Int = 1) throws {
            bound = value
            try super.init(value)
        }

        /// `sem.release()`.
        ///
        /// Python: `BoundedSemaphore.release()`. C: none.
        /// - Throws: `ValueError('BoundedSemaphore released too many times')`.
        public override func release() throws {
            if count >= bound { throw ValueError("BoundedSemaphore released too many times") }
            try super.release()
        }
    }
}

extension asyncio {
    /// `asyncio.Condition(lock=None)`: tasks wait (holding its lock) until another task
    /// notifies them. Use it from the loop's tasks only.
    ///
    /// Python: `asyncio.Condition`. C: none.
    public final class Condition: @unchecked Sendable {
        private let lock: Lock
        private var waiters = Waiters()

        /// `asyncio.Condition(lock=None)`: over `lock`, or a new `Lock`.
        ///
        /// Python: `asyncio.Condition()`. C: none.
        public init(_ lock: Lock? = nil) { self.lock = lock ?? Lock() }

        /// `cond.locked()`: whether its lock is held.
        ///
        /// Python: `Condition.locked()`. C: none.
        public func locked() -> Bool { lock.locked() }

        /// `await cond.acquire()`: takes its lock.
        ///
        /// Python: `Condition.acquire()`. C: none.
        @discardableResult
        public func acquire() async throws -> Bool { try await lock.acquire() }

        /// `cond.release()`: frees its lock.
        ///
        /// Python: `Condition.release()`. C: none.
        /// - Throws: `RuntimeError('Lock is not acquired.')`.
        public func release() throws { try lock.release() }

        /// `await cond.wait()`: frees the lock, waits for a `notify`, takes the lock again (also
        /// when cancelled), returns true.
        ///
        /// Python: `Condition.wait()`. C: none.
        /// - Throws: `RuntimeError('cannot wait on un-acquired lock')`, `CancelledError`.
        @discardableResult
        public func wait() async throws -> Bool {
            guard locked() else { throw RuntimeError("cannot wait on un-acquired lock") }
            try lock.release()
            let waiter = waiters.add()
            var failure: (any Error)?
            do {
                _ = try await waiter.value
            } catch {
                failure = error
            }
            waiters.remove(waiter)
            // The lock is taken again whatever happened; a task cancelled the Swift way (which
            // stays) takes it in a task of the loop's own.
            if !_Concurrency.Task.isCancelled {
                // CPython: a cancellation while taking the lock again is kept, and it tries again.
                while true {
                    do {
                        try await lock.acquire()
                        break
                    } catch let error as CancellationError {
                        failure = error
                    }
                }
            } else {
                let lock = self.lock
                await asyncio.loopTask { try await lock.acquire() }.future.settled()
            }
            if let failure { throw failure }
            return true
        }

        /// `await cond.wait_for(predicate)`: waits until `predicate()` is true; returns its value.
        ///
        /// Python: `Condition.wait_for()`. C: none.
        @discardableResult
        public func wait_for(_ predicate: () throws -> Bool) async throws -> Bool {
            var result = try predicate()
            while !result {
                try await wait()
                result = try predicate()
            }
            return result
        }

        /// `cond.notify(n=1)`: wakes up to `n` waiting tasks.
        ///
        /// Python: `Condition.notify()`. C: none.
        /// - Throws: `RuntimeError('cannot notify on un-acquired lock')`.
        public func notify(_ n: Int = 1) throws {
            guard locked() else { throw RuntimeError("cannot notify on un-acquired lock") }
            var woken = 0
            for waiter in waiters.items {
                if woken >= n { break }
                if !waiter.done() {
                    woken += 1
                    waiter.settle(.result(false))
                }
            }
        }

        /// `cond.notify_all()`: wakes every waiting task.
        ///
        /// Python: `Condition.notify_all()`. C: none.
        /// - Throws: `RuntimeError('cannot notify on un-acquired lock')`.
        public func notify_all() throws { try notify(waiters.items.count) }

        /// `async with cond:`: runs `body` holding the lock, and releases it on every exit.
        ///
        /// Python: `Condition.__aenter__`/`__aexit__`. C: none.
        ///
        /// Differs from CPython: a closure rather than an `async with` block.
        public func with<R>(_ body: () async throws -> R) async throws -> R {
            try await acquire()
            defer { try? release() }
            return try await body()
        }
    }
}

extension asyncio {
    /// `asyncio.BrokenBarrierError`: a barrier was aborted or reset while a task waited on it.
    ///
    /// Python: `asyncio.BrokenBarrierError` (a subclass of `RuntimeError`). C: none.
    public final class BrokenBarrierError: RuntimeError, @unchecked Sendable {}

    /// `asyncio.Barrier(parties)`: `wait()` blocks until `parties` tasks wait, then lets them all
    /// go; the barrier can then be used again. Use it from the loop's tasks only.
    ///
    /// Python: `asyncio.Barrier` (new in 3.11). C: none.
    public final class Barrier: CustomStringConvertible, CustomDebugStringConvertible, @unchecked Sendable {
        private enum State: String {
            case filling, draining, resetting, broken
        }

        private let cond = Condition()
        private var state = State.filling
        private var count = 0

        /// `b.parties`: the number of tasks `wait()` waits for.
        ///
        /// Python: `Barrier.parties`. C: none.
        public let parties: Int

        /// `asyncio.Barrier(parties)`.
        ///
        /// Python: `asyncio.Barrier()`. C: none.
        /// - Throws: `ValueError('parties must be > 0')`.
        public init(_ parties: Int) throws {
            if parties < 1 { throw ValueError("parties must be > 0") }
            self.parties = parties
        }

        /// `b.n_waiting`: the tasks waiting now (while it fills).
        ///
        /// Python: `Barrier.n_waiting`. C: none.
        public var n_waiting: Int { state == .filling ? count : 0 }

        /// `b.broken`: whether it was aborted.
        ///
        /// Python: `Barrier.broken`. C: none.
        public var broken: Bool { state == .broken }

        /// `repr(b)`: `<asyncio.locks.Barrier object [filling, waiters:1/3]>`.
        ///
        /// Python: `Barrier.__repr__`.
        ///
        /// Differs from CPython: no `at 0x...` address.
        public var debugDescription: String {
            var extra = state.rawValue
            if !broken { extra += ", waiters:\(n_waiting)/\(parties)" }
            return "<asyncio.locks.Barrier object [\(extra)]>"
        }

        /// `str(b)`: the same as `repr(b)`.
        ///
        /// Python: `object.__str__`.
        public var description: String { debugDescription }

        /// `await b.wait()`: waits until `parties` tasks wait, then returns this task's index
        /// (0 to parties-1, in the order they came).
        ///
        /// Python: `Barrier.wait()`. C: none.
        /// - Throws: `BrokenBarrierError('Barrier aborted')`, `BrokenBarrierError('Abort or reset
        ///   of barrier')`, `CancelledError`.
        @discardableResult
        public func wait() async throws -> Int {
            try await cond.with {
                // CPython's _block: wait while it drains or resets.
                try await cond.wait_for { self.state != .draining && self.state != .resetting }
                if state == .broken { throw BrokenBarrierError("Barrier aborted") }
                let index = count
                count += 1
                defer {
                    count -= 1
                    exit()
                }
                if index + 1 == parties {
                    state = .draining
                    try cond.notify_all()
                } else {
                    try await cond.wait_for { self.state != .filling }
                    if state == .broken || state == .resetting { throw BrokenBarrierError("Abort or reset of barrier") }
                }
                return index
            }
        }

        /// CPython's `_exit`: the last task out lets the barrier fill again.
        private func exit() {
            if count == 0 {
                if state == .resetting || state == .draining { state = .filling }
                try? cond.notify_all()
            }
        }

        /// `await b.reset()`: back to empty; tasks waiting get `BrokenBarrierError`.
        ///
        /// Python: `Barrier.reset()`. C: none.
        public func reset() async throws {
            try await cond.with {
                if count > 0 {
                    if state != .resetting { state = .resetting }
                } else {
                    state = .filling
                }
                try cond.notify_all()
            }
        }

        /// `await b.abort()`: breaks it: waiting tasks and later `wait()`s get `BrokenBarrierError`.
        ///
        /// Python: `Barrier.abort()`. C: none.
        public func abort() async throws {
            try await cond.with {
                state = .broken
                try cond.notify_all()
            }
        }

        /// `async with barrier as index:`: waits, then runs `body` with this task's index.
        ///
        /// Python: `Barrier.__aenter__`/`__aexit__`. C: none.
        ///
        /// Differs from CPython: a closure rather than an `async with` block.
        public func with<R>(_ body: (Int) async throws -> R) async throws -> R {
            try await body(try await wait())
        }
    }
}
