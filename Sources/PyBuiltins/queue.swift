// queue: Python's thread-safe FIFO queue, as worker-pool socket servers use it.
import PySocket
import Synchronization

/// `import queue`: `queue.Queue` and its exceptions `queue.Empty` and `queue.Full`.
///
/// Python: `queue`.
public enum queue {
    /// `queue.Empty`: `get(block=False)` on an empty queue, or `get(timeout=...)` that ran out.
    ///
    /// Python: `queue.Empty`.
    open class Empty: Exception, @unchecked Sendable {}

    /// `queue.Full`: `put(block=False)` on a full queue, or `put(timeout=...)` that ran out.
    ///
    /// Python: `queue.Full`.
    open class Full: Exception, @unchecked Sendable {}

    /// `queue.Queue(maxsize=0)`: a first-in first-out queue shared between threads; `maxsize`
    /// bounds it (0 or less: unbounded).
    ///
    /// `let q = queue.Queue<String>()`, `try q.put(x)`, `let x = try q.get(timeout: 1)`.
    ///
    /// Python: `queue.Queue`.
    ///
    /// Differs from CPython: a waiting `get` or `put` polls every 0.1 ms, as PyBuiltins' `Lock`
    /// does.
    public final class Queue<Element>: @unchecked Sendable {
        private struct State {
            var items: [Element] = []
            var head = 0
            var unfinished = 0
            var count: Int { items.count - head }
        }

        private let state = Mutex(State())

        /// `q.maxsize`: the bound given at creation.
        ///
        /// Python: `Queue.maxsize`.
        public let maxsize: Int

        /// `queue.Queue(maxsize=0)`.
        ///
        /// Python: `queue.Queue(maxsize)`.
        public init(_ maxsize: Int = 0) { self.maxsize = maxsize }

        /// `queue.Queue(maxsize=n)` with the bound given by keyword.
        ///
        /// Python: `queue.Queue(maxsize=n)`.
        public convenience init(maxsize: Int) { self.init(maxsize) }

        /// `q.qsize()`: the number of items now.
        ///
        /// Python: `Queue.qsize`.
        public func qsize() -> Int { state.withLock { $0.count } }

        /// `q.empty()`.
        ///
        /// Python: `Queue.empty`.
        public func empty() -> Bool { qsize() == 0 }

        /// `q.full()`: true when bounded and at its bound.
        ///
        /// Python: `Queue.full`.
        public func full() -> Bool { maxsize > 0 && qsize() >= maxsize }

        /// `q.put(item, block=True, timeout=None)`: adds `item`, waiting for room in a bounded
        /// queue; raises `queue.Full` when `block` is false or `timeout` runs out, and CPython's
        /// `ValueError("'timeout' must be a non-negative number")`.
        ///
        /// Python: `Queue.put`.
        public func put(_ item: Element, _ block: Bool = true, timeout: Double? = nil) throws {
            try wait(block, timeout, failure: Full()) { state in
                guard self.maxsize <= 0 || state.count < self.maxsize else { return false }
                state.items.append(item)
                state.unfinished += 1
                return true
            }
        }

        /// `q.put_nowait(item)`: `put(item, block=False)`.
        ///
        /// Python: `Queue.put_nowait`.
        public func put_nowait(_ item: Element) throws { try put(item, false) }

        /// `q.get(block=True, timeout=None)`: removes and returns the oldest item, waiting for one;
        /// raises `queue.Empty` when `block` is false or `timeout` runs out.
        ///
        /// Python: `Queue.get`.
        public func get(_ block: Bool = true, timeout: Double? = nil) throws -> Element {
            var taken: Element?
            try wait(block, timeout, failure: Empty()) { state in
                guard state.count > 0 else { return false }
                taken = state.items[state.head]
                state.head += 1
                if state.head > 64 && state.head * 2 > state.items.count {
                    state.items.removeFirst(state.head)
                    state.head = 0
                }
                return true
            }
            guard let taken else { throw Empty() }
            return taken
        }

        /// `q.get_nowait()`: `get(block=False)`.
        ///
        /// Python: `Queue.get_nowait`.
        public func get_nowait() throws -> Element { try get(false) }

        /// `q.task_done()`: one item taken by `get` is finished; raises CPython's
        /// `ValueError('task_done() called too many times')`.
        ///
        /// Python: `Queue.task_done`.
        public func task_done() throws {
            let ok = state.withLock { state -> Bool in
                guard state.unfinished > 0 else { return false }
                state.unfinished -= 1
                return true
            }
            if !ok { throw ValueError("task_done() called too many times") }
        }

        /// `q.join()`: waits until every item put has been marked `task_done`.
        ///
        /// Python: `Queue.join`.
        public func join() {
            while state.withLock({ $0.unfinished > 0 }) { SystemClock.sleep(0.0001) }
        }

        /// Runs `attempt` under the lock until it succeeds, polling while `block` and the
        /// deadline allow; throws `failure` otherwise.
        private func wait(_ block: Bool, _ timeout: Double?, failure: @autoclosure () -> Exception,
                          _ attempt: (inout State) -> Bool) throws {
            if block, let timeout, !(timeout >= 0) { throw ValueError("'timeout' must be a non-negative number") }
            let deadline = timeout.map { time.monotonic() + $0 }
            while true {
                if state.withLock({ attempt(&$0) }) { return }
                if !block { throw failure() }
                if let deadline, time.monotonic() >= deadline { throw failure() }
                SystemClock.sleep(0.0001)
            }
        }
    }
}
