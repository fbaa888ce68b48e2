// threading: Python's Thread, Lock and Event, for the socket programs that serve in a thread.
import PySocket
import Synchronization

/// `import threading`: Python's `Thread` and `Lock`.
///
/// Python: `threading`.
public enum threading {
    /// `threading.Thread(target=f, name=None, daemon=None)`: a function run on its own thread
    /// once `start()` is called; `join()` waits for it. `threading.Thread(target=serve,
    /// args=(3,))` ports as `threading.Thread(target: serve, args: (3))`.
    ///
    /// At exit the process waits for every started thread that is not a daemon, as CPython
    /// does. An error the target throws is written to standard error
    /// (`Exception in thread Thread-1:` and `ClassName: message`), and the thread ends.
    ///
    /// Python: `threading.Thread`. C: `pthread_create(3)`, `pthread_join(3)`.
    ///
    /// Differs from CPython: no traceback is printed for an error the target throws; `kwargs`
    /// are a closure's captures.
    public final class Thread: Sendable {
        /// `t.name`: the thread's name, `Thread-N` unless given.
        ///
        /// Python: `Thread.name`.
        public let name: String
        /// `t.daemon`: whether the process may exit without waiting for the thread; settable
        /// before `start()` (`t.daemon = True`), as in Python.
        ///
        /// Python: `Thread.daemon`.
        public var daemon: Bool {
            get { daemonFlag.withLock { $0 } }
            set { daemonFlag.withLock { $0 = newValue } }
        }
        private let daemonFlag: Mutex<Bool>
        /// Dropped once run, as CPython's `run()` deletes `_target`: a target that refers to its
        /// own thread would otherwise hold it (and itself) for ever.
        private let target: Mutex<(@Sendable () throws -> Void)?>
        private let state = Mutex(State())

        private struct State {
            var handle: ThreadHandle?
            var started = false
            var finished = false
            var joined = false
        }

        /// `threading.Thread(target=f, name=None, daemon=False)`: a thread that will run `target`.
        ///
        /// Python: `threading.Thread()`.
        public init(target: @escaping @Sendable () throws -> Void, name: String? = nil, daemon: Bool = false) {
            self.target = Mutex(target)
            self.name = name ?? "Thread-\(threadCounter.add(1, ordering: .relaxed).newValue)"
            self.daemonFlag = Mutex(daemon)
        }

        /// `threading.Thread(target=f, args=(a, b))`: a thread that will call `target(a, b)`:
        /// `threading.Thread(target: handle, args: (conn, 1))`.
        ///
        /// Python: `threading.Thread(target=..., args=..., name=..., daemon=...)`.
        public convenience init<each Argument: Sendable>(
            target: @escaping @Sendable (repeat each Argument) throws -> Void, args: (repeat each Argument),
            name: String? = nil, daemon: Bool = false
        ) {
            self.init(target: { try target(repeat each args) }, name: name, daemon: daemon)
        }

        /// `t.start()`: starts the thread; raises CPython's `RuntimeError` when called twice.
        ///
        /// Python: `Thread.start()`. C: `pthread_create(3)`.
        public func start() throws {
            try state.withLock { state in
                guard !state.started else { throw RuntimeError("threads can only be started once") }
                state.started = true
            }
            guard let handle = SystemClock.startThread({ [self] in run() }) else {
                throw RuntimeError("can't start new thread")
            }
            state.withLock { $0.handle = handle }
            if !daemon { registerForExit(self) }
        }

        /// `t.join(timeout=None)`: waits until the thread ends, or at most `timeout` seconds;
        /// raises CPython's `RuntimeError` for a thread that was not started.
        ///
        /// Python: `Thread.join()`. C: `pthread_join(3)`.
        /// `t.join(timeout=5)` with the timeout given by keyword.
        ///
        /// Python: `Thread.join(timeout=...)`. C: `pthread_join(3)` or a timed wait.
        public func join(timeout: Double?) throws { try join(timeout) }

        public func join(_ timeout: Double? = nil) throws {
            guard state.withLock({ $0.started }) else {
                throw RuntimeError("cannot join thread before it is started")
            }
            if let timeout {
                // Bounded wait: poll the thread's end every millisecond until the deadline.
                let deadline = SystemClock.now(realtime: false) + max(timeout, 0)
                while !state.withLock({ $0.finished }) && SystemClock.now(realtime: false) < deadline {
                    SystemClock.sleep(0.001)
                }
                guard state.withLock({ $0.finished }) else { return }
            }
            reap()
        }

        /// `t.is_alive()`: whether the thread has started and not yet ended.
        ///
        /// Python: `Thread.is_alive()`.
        public func is_alive() -> Bool {
            state.withLock { $0.started && !$0.finished }
        }

        private func run() {
            runningThreads.withLock { $0[SystemClock.currentThreadID()] = self }
            defer { _ = runningThreads.withLock { $0.removeValue(forKey: SystemClock.currentThreadID()) } }
            let body = target.withLock { target -> (@Sendable () throws -> Void)? in
                let taken = target
                target = nil
                return taken
            }
            do {
                try body?()
            } catch {
                // The last line of CPython's traceback: the class (qualified outside builtins and
                // __main__) and str(e).
                let cls = pythonType(of: error)
                let qualified = ["builtins", "__main__"].contains(cls.__module__) ? cls.__name__ : cls.__module__ + "." + cls.__name__
                _ = sys.stderr.write("Exception in thread \(self.name):\n\(qualified): \(str(error))\n")
            }
            state.withLock { $0.finished = true }
        }

        /// `pthread_join` once, whoever asks first (the owner or the exit handler).
        fileprivate func reap() {
            let handle: ThreadHandle? = state.withLock { state in
                guard !state.joined, let handle = state.handle else { return nil }
                state.joined = true
                return handle
            }
            if let handle { SystemClock.join(handle) }
            threadsToJoin.withLock { threads in threads.removeAll { $0 === self } }
        }
    }

    /// `threading.Lock()`: a mutual-exclusion lock: `lock.acquire()` / `lock.release()`, or
    /// `try lock.with { ... }` for `with lock:`.
    ///
    /// Python: `threading.Lock`.
    ///
    /// Differs from CPython: a waiting `acquire` polls the lock every 0.1 ms rather than sleeping
    /// in the kernel until it is released.
    public final class Lock: Sendable {
        private let held = Mutex(false)

        /// `threading.Lock()`: an unlocked lock.
        ///
        /// Python: `threading.Lock()`.
        public init() {}

        /// `with lock:`: runs `body` holding the lock, released on every exit.
        ///
        /// Python: `Lock.__enter__` / `Lock.__exit__`.
        public func with<Result>(_ body: () throws -> Result) rethrows -> Result {
            _ = acquire()
            defer { try? release() }
            return try body()
        }

        /// `lock.acquire(blocking=True, timeout=-1)`: takes the lock, waiting for it unless
        /// `blocking` is false, at most `timeout` seconds when it is not -1; whether it was taken.
        ///
        /// Python: `Lock.acquire`.
        @discardableResult
        public func acquire(_ blocking: Bool = true, timeout: Double = -1) -> Bool {
            let deadline = timeout < 0 ? Double.infinity : SystemClock.now(realtime: false) + timeout
            while true {
                let taken = held.withLock { held -> Bool in
                    if held { return false }
                    held = true
                    return true
                }
                if taken { return true }
                if !blocking || SystemClock.now(realtime: false) >= deadline { return false }
                SystemClock.sleep(0.0001)
            }
        }

        /// `lock.release()`: frees the lock.
        ///
        /// Python: `Lock.release`.
        /// - Throws: `RuntimeError('release unlocked lock')`.
        public func release() throws {
            try held.withLock { held in
                guard held else { throw RuntimeError("release unlocked lock") }
                held = false
            }
        }

        /// `lock.locked()`: whether the lock is held.
        ///
        /// Python: `Lock.locked`.
        public func locked() -> Bool { held.withLock { $0 } }
    }

    /// `threading.Event()`: a flag threads wait on: `set()`, `clear()`, `is_set()`, `wait(timeout)`.
    ///
    /// Python: `threading.Event`.
    ///
    /// Differs from CPython: `wait` polls the flag every 0.1 ms rather than sleeping in the kernel.
    public final class Event: Sendable {
        private let flag = Mutex(false)

        /// `threading.Event()`: an event whose flag is false.
        ///
        /// Python: `threading.Event()`.
        public init() {}

        /// `event.set()`: sets the flag; every `wait` returns.
        ///
        /// Python: `Event.set`.
        public func set() { flag.withLock { $0 = true } }

        /// `event.clear()`: resets the flag.
        ///
        /// Python: `Event.clear`.
        public func clear() { flag.withLock { $0 = false } }

        /// `event.is_set()`: the flag.
        ///
        /// Python: `Event.is_set`.
        public func is_set() -> Bool { flag.withLock { $0 } }

        /// `event.wait(timeout=None)`: waits until the flag is set, at most `timeout` seconds; the
        /// flag on return (False after a timeout).
        ///
        /// Python: `Event.wait`.
        @discardableResult
        public func wait(_ timeout: Double? = nil) -> Bool {
            let deadline = timeout.map { SystemClock.now(realtime: false) + Swift.max($0, 0) } ?? Double.infinity
            while !is_set() {
                if SystemClock.now(realtime: false) >= deadline { return false }
                SystemClock.sleep(0.0001)
            }
            return true
        }

        /// `event.wait(timeout=t)`: `wait` with Python's keyword.
        ///
        /// Python: `Event.wait(timeout=...)`.
        @discardableResult
        public func wait(timeout: Double?) -> Bool { wait(timeout) }
    }
}

/// The numbers of `Thread-N` names.
private let threadCounter = Atomic<Int>(0)

/// The started non-daemon threads the process waits for at exit, as CPython's shutdown does.
private let threadsToJoin = Mutex<[threading.Thread]>([])

private func registerForExit(_ thread: threading.Thread) {
    let first = threadsToJoin.withLock { threads in
        threads.append(thread)
        return threads.count == 1
    }
    if first { SystemClock.atExit(joinThreadsAtExit) }
}

/// Joins every registered thread, including those started while joining.
private func joinThreadsAtExit() {
    while let thread = threadsToJoin.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
        thread.reap()
    }
}
