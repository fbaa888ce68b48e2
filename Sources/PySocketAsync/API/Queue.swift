// asyncio.Queue, LifoQueue, PriorityQueue between the loop's tasks (put/get/task_done/join/shutdown), and QueueEmpty/QueueFull/QueueShutDown.
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

    /// `asyncio.QueueShutDown`: `put` on a queue shut down, `get` on one shut down and empty.
    ///
    /// Python: `asyncio.QueueShutDown` (a subclass of `Exception`, new in 3.13). C: none.
    public final class QueueShutDown: Exception, @unchecked Sendable {}

    /// `asyncio.Queue(maxsize=0)`: a first-in first-out queue between tasks; `get()` waits
    /// while it is empty, `put()` while it is full (`maxsize` items; 0 or less: no bound).
    /// Use it from the loop's tasks only.
    ///
    /// Python: `asyncio.Queue`. C: none.
    ///
    /// Differs from CPython: generic over its item type.
    public class Queue<T>: @unchecked Sendable, CustomStringConvertible, CustomDebugStringConvertible {
        /// `q.maxsize`: the bound given (0: none).
        ///
        /// Python: `Queue.maxsize`. C: none.
        public let maxsize: Int
        /// The storage (`_queue`): FIFO from `head`; LifoQueue and PriorityQueue keep `head` at 0.
        var items: [T] = []
        var head = 0
        private var getters: [Future<Bool>] = []
        private var putters: [Future<Bool>] = []
        private var unfinished = 0
        private let finished = Event()
        private var isShutdown = false

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

        /// The queue's order: first in, first out (LifoQueue and PriorityQueue override these).
        func _put(_ item: T) { items.append(item) }

        func _get() -> T {
            let item = items[head]
            head += 1
            if head == items.count {
                items.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 64 && head * 2 >= items.count {
                items.removeFirst(head)
                head = 0
            }
            return item
        }

        /// The items in the order the queue keeps them (its `_queue`).
        var _items: [T] { Array(items[head...]) }

        /// `repr(q)`: `<Queue maxsize=0 _queue=[1, 2] tasks=2 shutdown>`.
        ///
        /// Python: `Queue.__repr__`.
        ///
        /// Differs from CPython: no `at 0x...` address (this is CPython's `str(q)`).
        public var debugDescription: String {
            var result = "<\(Self.pythonName) maxsize=\(maxsize)"
            let queued = _items
            if !queued.isEmpty { result += " _queue=[" + queued.map { pyRepr($0) }.joined(separator: ", ") + "]" }
            if !getters.isEmpty { result += " _getters[\(getters.count)]" }
            if !putters.isEmpty { result += " _putters[\(putters.count)]" }
            if unfinished > 0 { result += " tasks=\(unfinished)" }
            if isShutdown { result += " shutdown" }
            return result + ">"
        }

        /// `str(q)`: `<Queue maxsize=0 ...>` (CPython's `__str__`, which has no address).
        ///
        /// Python: `Queue.__str__`.
        public var description: String { debugDescription }

        class var pythonName: String { "Queue" }

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
                if isShutdown { throw QueueShutDown() }
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
        /// - Throws: `QueueFull()`, `QueueShutDown()`.
        public func put_nowait(_ item: T) throws {
            if isShutdown { throw QueueShutDown() }
            if full() { throw QueueFull() }
            _put(item)
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
                if isShutdown { throw QueueShutDown() }
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
        /// - Throws: `QueueEmpty()`, `QueueShutDown()` (shut down and empty).
        public func get_nowait() throws -> T {
            if empty() { throw isShutdown ? QueueShutDown() : QueueEmpty() }
            let item = _get()
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

        /// `q.shutdown(immediate=False)`: later `put`s raise `QueueShutDown`, and `get`s do
        /// once the queue is empty; every task waiting in `put` or `get` wakes to see it. With
        /// `immediate`, the items left are dropped (each counted as done for `join`).
        ///
        /// Python: `Queue.shutdown()` (new in 3.13). C: none.
        public func shutdown(immediate: Bool = false) {
            isShutdown = true
            if immediate {
                while !empty() {
                    _ = _get()
                    if unfinished > 0 { unfinished -= 1 }
                }
                if unfinished == 0 { finished.set() }
            }
            for getter in getters where !getter.done() { getter.settle(.result(true)) }
            getters.removeAll()
            for putter in putters where !putter.done() { putter.settle(.result(true)) }
            putters.removeAll()
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

    /// `asyncio.LifoQueue(maxsize=0)`: a queue whose `get()` returns the item put last.
    ///
    /// Python: `asyncio.LifoQueue`. C: none.
    public final class LifoQueue<T>: Queue<T>, @unchecked Sendable {
        override func _put(_ item: T) { items.append(item) }
        override func _get() -> T { items.removeLast() }
        override class var pythonName: String { "LifoQueue" }
    }

    /// `asyncio.PriorityQueue(maxsize=0)`: a queue whose `get()` returns the smallest item
    /// (lowest priority number first), kept as a binary heap in CPython's `heapq` order.
    ///
    /// Python: `asyncio.PriorityQueue`. C: none.
    ///
    /// Differs from CPython: items are `Comparable`; for Python's `(priority, data)` tuples
    /// write `asyncio.PriorityQueue<(Int, String)>(by: <)` or use a `Comparable` struct.
    public final class PriorityQueue<T>: Queue<T>, @unchecked Sendable {
        private let less: (T, T) -> Bool

        /// `asyncio.PriorityQueue(maxsize=0)` over an order of the caller's (`by: <` for tuples).
        ///
        /// Python: `asyncio.PriorityQueue()`. C: none.
        public init(maxsize: Int = 0, by areInIncreasingOrder: @escaping (T, T) -> Bool) {
            less = areInIncreasingOrder
            super.init(maxsize: maxsize)
        }

        // heapq.heappush: append, then _siftdown.
        override func _put(_ item: T) {
            items.append(item)
            siftDown(0, items.count - 1)
        }

        // heapq.heappop: the last item goes to the top, then _siftup.
        override func _get() -> T {
            let last = items.removeLast()
            guard !items.isEmpty else { return last }
            let top = items[0]
            items[0] = last
            siftUp(0)
            return top
        }

        override class var pythonName: String { "PriorityQueue" }

        /// heapq's `_siftdown`: moves the item at `pos` up towards `start` while it is smaller.
        private func siftDown(_ start: Int, _ position: Int) {
            var pos = position
            let item = items[pos]
            while pos > start {
                let parent = (pos - 1) >> 1
                if less(item, items[parent]) {
                    items[pos] = items[parent]
                    pos = parent
                } else {
                    break
                }
            }
            items[pos] = item
        }

        /// heapq's `_siftup`: the smaller child moves up until a leaf, then `_siftdown`.
        private func siftUp(_ position: Int) {
            var pos = position
            let end = items.count, start = pos
            let item = items[pos]
            var child = 2 * pos + 1
            while child < end {
                let right = child + 1
                if right < end && !less(items[child], items[right]) { child = right }
                items[pos] = items[child]
                pos = child
                child = 2 * pos + 1
            }
            items[pos] = item
            siftDown(start, pos)
        }
    }
}

extension asyncio.PriorityQueue where T: Comparable {
    /// `asyncio.PriorityQueue(maxsize=0)`: smallest item first.
    ///
    /// Python: `asyncio.PriorityQueue()`. C: none.
    public convenience init(maxsize: Int = 0) { self.init(maxsize: maxsize, by: <) }
}
