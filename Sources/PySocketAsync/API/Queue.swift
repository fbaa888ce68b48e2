// asyncio.Queue: a FIFO between the loop's tasks (put/get/task_done/join), and QueueEmpty/QueueFull.
import PySocket

extension asyncio {
    /// `asyncio.QueueEmpty`: `get_nowait()` on an empty queue.
    ///
    /// Python: `asyncio.QueueEmpty` (a subclass of `Exception`). C: none.
    public final class QueueEmpty: Exception, @unchecked Sendable {}

    /// `asyncio.QueueFull`: `put_nowait()` on a full queue.
    ///
    /// Python: `asyncio.QueueFull` (a subclass of `Exception`). C: none.
    public final class QueueFull: Exception, @unchecked Sendable {}

    /// `asyncio.Queue(maxsize=0)`: a first-in first-out queue between tasks; `get()` waits
    /// while it is empty, `put()` while it is full (`maxsize` items; 0 or less: no bound).
    /// Use it from the loop's tasks only.
    ///
    /// Python: `asyncio.Queue`. C: none.
    ///
    /// Differs from CPython: generic over its item type; no `shutdown()` yet.
    public final class Queue<T>: @unchecked Sendable {
        /// `q.maxsize`: the bound given (0: none).
        ///
        /// Python: `Queue.maxsize`. C: none.
        public let maxsize: Int
        private var items: [T] = []
        private var head = 0
        private var getters: [Future<Bool>] = []
        private var putters: [Future<Bool>] = []
        private var unfinished = 0
        private let finished = Event()

        /// `asyncio.Queue(maxsize=0)`.
        ///
        /// Python: `asyncio.Queue()`. C: none.
        public init(maxsize: Int = 0) {
            self.maxsize = maxsize
            finished.set()
        }

        /// `q.qsize()`: the number of items in the queue.
        ///
        /// Python: `Queue.qsize()`. C: none.
        public func qsize() -> Int { items.count - head }

        /// `q.empty()`: whether it holds no item.
        ///
        /// Python: `Queue.empty()`. C: none.
        public func empty() -> Bool { qsize() == 0 }

        /// `q.full()`: whether it holds `maxsize` items (never, without a bound).
        ///
        /// Python: `Queue.full()`. C: none.
        public func full() -> Bool { maxsize > 0 && qsize() >= maxsize }

        /// `await q.put(item)`: adds `item`, waiting while the queue is full.
        ///
        /// Python: `Queue.put()`. C: none.
        /// - Throws: `CancelledError`.
        public func put(_ item: T) async throws {
            while full() {
                let putter = Future<Bool>()
                putters.append(putter)
                do {
                    _ = try await putter.value
                } catch {
                    putter.cancel()
                    Self.remove(putter, from: &putters)
                    if !full() && !putter.cancelled() { Self.wakeUpNext(&putters) }
                    throw error
                }
            }
            try put_nowait(item)
        }

        /// `q.put_nowait(item)`: adds `item` at once.
        ///
        /// Python: `Queue.put_nowait()`. C: none.
        /// - Throws: `QueueFull()`.
        public func put_nowait(_ item: T) throws {
            if full() { throw QueueFull() }
            items.append(item)
            unfinished += 1
            finished.clear()
            Self.wakeUpNext(&getters)
        }

        /// `await q.get()`: removes and returns the first item, waiting while the queue is empty.
        ///
        /// Python: `Queue.get()`. C: none.
        /// - Throws: `CancelledError`.
        public func get() async throws -> T {
            while empty() {
                let getter = Future<Bool>()
                getters.append(getter)
                do {
                    _ = try await getter.value
                } catch {
                    getter.cancel()
                    Self.remove(getter, from: &getters)
                    if !empty() && !getter.cancelled() { Self.wakeUpNext(&getters) }
                    throw error
                }
            }
            return try get_nowait()
        }

        /// `q.get_nowait()`: removes and returns the first item at once.
        ///
        /// Python: `Queue.get_nowait()`. C: none.
        /// - Throws: `QueueEmpty()`.
        public func get_nowait() throws -> T {
            if empty() { throw QueueEmpty() }
            let item = items[head]
            head += 1
            if head == items.count {
                items.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 64 && head * 2 >= items.count {
                items.removeFirst(head)
                head = 0
            }
            Self.wakeUpNext(&putters)
            return item
        }

        /// `q.task_done()`: says that an item taken with `get()` is dealt with; `join()`
        /// returns once every item put is.
        ///
        /// Python: `Queue.task_done()`. C: none.
        /// - Throws: `ValueError('task_done() called too many times')`.
        public func task_done() throws {
            if unfinished <= 0 { throw ValueError("task_done() called too many times") }
            unfinished -= 1
            if unfinished == 0 { finished.set() }
        }

        /// `await q.join()`: waits until every item put has had its `task_done()`.
        ///
        /// Python: `Queue.join()`. C: none.
        /// - Throws: `CancelledError`.
        public func join() async throws {
            if unfinished > 0 { try await finished.wait() }
        }

        private static func wakeUpNext(_ waiters: inout [Future<Bool>]) {
            while !waiters.isEmpty {
                let waiter = waiters.removeFirst()
                if !waiter.done() {
                    waiter.settle(.result(true))
                    break
                }
            }
        }

        private static func remove(_ waiter: Future<Bool>, from waiters: inout [Future<Bool>]) {
            if let index = waiters.firstIndex(where: { $0 === waiter }) { waiters.remove(at: index) }
        }
    }
}
