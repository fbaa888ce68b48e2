// The pre-asyncio.run way to drive a loop: new_event_loop, set_event_loop, get_event_loop, loop.run_until_complete, close.
import PySocket
import Synchronization

extension asyncio {
    /// Per thread, the loop `set_event_loop` made current (what `get_event_loop()` returns
    /// outside a running loop).
    private static let currentLoops = Mutex<[UInt: EventLoop]>([:])

    /// `asyncio.new_event_loop()`: a new event loop for the calling thread, not running
    /// (`loop.run_until_complete(...)`, then `loop.close()`).
    ///
    /// Python: `asyncio.new_event_loop()`. C: none (the backend's descriptors).
    ///
    /// Differs from CPython: the loop runs only on the thread that made it; `backend` is PySocket's own.
    public static func new_event_loop(backend: Backend? = nil) throws -> EventLoop {
        try EventLoop(backend: backend)
    }

    /// `asyncio.set_event_loop(loop)`: makes `loop` the calling thread's current loop (nil: none).
    ///
    /// Python: `asyncio.set_event_loop()`. C: none.
    public static func set_event_loop(_ loop: EventLoop?) {
        let thread = System.currentThread()
        currentLoops.withLock { $0[thread] = loop }
    }

    /// `asyncio.get_event_loop()`: the running loop; outside one, the thread's current loop,
    /// made (and set) on first use as CPython 3.13 does.
    ///
    /// Python: `asyncio.get_event_loop()`. C: none.
    ///
    /// Differs from CPython: no `DeprecationWarning` is printed when it makes the loop; if no
    /// loop can be made it returns the loop that is not running (whose operations raise
    /// `RuntimeError('no running event loop')`).
    public static func get_event_loop() -> EventLoop {
        if let running = EventLoop.current { return running }
        let thread = System.currentThread()
        if let current = currentLoops.withLock({ $0[thread] }), !current.closed { return current }
        guard let made = try? EventLoop(backend: nil) else { return EventLoop.notRunning }
        currentLoops.withLock { $0[thread] = made }
        return made
    }
}

extension asyncio.EventLoop {
    /// `loop.run_until_complete(main())`: runs the loop on the calling thread until `main`
    /// returns, and returns what it returned (or throws what it threw). Tasks it leaves stay
    /// pending for the next run, as in CPython.
    ///
    /// Python: `loop.run_until_complete()`. C: none.
    ///
    /// Differs from CPython: takes a closure (a task made with `loop.create_task` is run with
    /// `loop.run_until_complete { try await t.value }`).
    /// - Throws: `RuntimeError('Event loop is closed')`, `RuntimeError('This event loop is
    ///   already running')`, `RuntimeError('Cannot run the event loop while another loop is
    ///   running')`, what `main` throws.
    public func run_until_complete<T: Sendable>(_ main: @escaping @Sendable () async throws -> T) throws -> T {
        if closed || !isRunnable { throw RuntimeError("Event loop is closed") }
        if let running = asyncio.EventLoop.current {
            if running === self { throw RuntimeError("This event loop is already running") }
            throw RuntimeError("Cannot run the event loop while another loop is running")
        }
        if !isLoopThread { throw RuntimeError("This event loop runs only on the thread that made it") }
        return try asyncio.runMain(self, leftovers: false, main)
    }

    /// `loop.close()`: closes the loop and its kernel descriptors; a second call does nothing.
    ///
    /// Python: `loop.close()`. C: `close(2)`.
    /// - Throws: `RuntimeError('Cannot close a running event loop')`.
    public func close() throws {
        if asyncio.EventLoop.current === self { throw RuntimeError("Cannot close a running event loop") }
        if isRunnable { closeLoop() }
    }

    /// `loop.is_closed()`: whether `close()` was called.
    ///
    /// Python: `loop.is_closed()`. C: none.
    public func is_closed() -> Bool { closed }

    /// `loop.is_running()`: whether the loop runs now.
    ///
    /// Python: `loop.is_running()`. C: none.
    public func is_running() -> Bool { asyncio.EventLoop.current === self }
}
