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
            // The lock is taken again whatever happened; a cancelled task (its cancellation
            // is sticky in Swift) takes it in a task of the loop's own.
            if failure == nil && !_Concurrency.Task.isCancelled {
                try await lock.acquire()
            } else {
                let lock = self.lock
                _ = try? await asyncio.create_task { try await lock.acquire() }.task.value
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
