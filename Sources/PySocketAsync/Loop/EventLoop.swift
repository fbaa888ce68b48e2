// The event loop: the loop thread as its tasks' executor, the waiter table, timers, and the run cycle.
import PySocket
import Synchronization

extension asyncio {
    /// The event loop of one thread: runs its tasks and waits on the kernel for their I/O.
    ///
    /// Created and run by `asyncio.run`; reached inside with `asyncio.get_running_loop()`. The
    /// loop is the executor of the tasks started on it (`asyncio.run`'s task, its `async let`
    /// and task-group children, `asyncio.create_task`), so an I/O completion resumes its task
    /// on the loop thread, without a thread hop or a lock.
    ///
    /// Python: `asyncio.AbstractEventLoop` (`asyncio.EventLoop` in 3.13). C: none.
    ///
    /// Differs from CPython: no `call_soon`/`call_later`/`run_forever` yet (issue 13 is the
    /// socket face); `backend` names the kernel interface the loop runs on.
    public final class EventLoop: TaskExecutor, SerialExecutor, SocketCloseObserver, @unchecked Sendable {
        /// `loop.backend`: the kernel interface this loop waits on (`io_uring`, `epoll`, `poll`).
        ///
        /// Python: none (PySocket only). C: none.
        public var backend: Backend { io.kind }

        let io: any IOBackend
        /// The clock of the socket interface in force when the loop was made (tests inject a fake one).
        let clock: any SocketInterface
        /// The thread that runs the loop.
        let thread: UInt

        // Loop-thread state: only the loop thread reads or writes it.
        private var ready: [UnownedJob] = []
        private var running: [UnownedJob] = []
        private var slots: [Slot] = []
        private var freeSlots: [UInt32] = []
        private var timers = TimerHeap()
        private var cancels: [UInt64] = []
        private var tasks: [UInt64: @Sendable () -> Void] = [:]
        private var nextTaskID: UInt64 = 0
        private var pendingCount = 0

        // Cross-thread state.
        private let inbox = Mutex(Inbox())
        private let hasMail = Atomic<Bool>(false)
        private let isClosed = Atomic<Bool>(false)

        /// What other threads hand the loop.
        private struct Inbox {
            var jobs: [UnownedJob] = []
            var cancels: [UInt64] = []
            var closings: [(socket, Int32)] = []
        }

        /// One operation waiting for its completion.
        private struct Slot {
            var continuation: UnsafeContinuation<Int32, Never>?
            var generation: UInt32 = 0
            /// The descriptor it waits on; -1 for a timer.
            var fd: Int32 = -1
            /// Its socket closed while the kernel still held it: complete with EBADF.
            var closed = false
            /// Cancelled before it was parked (the task had not reached its continuation yet).
            var cancelled = false
        }

        /// Creates a loop on the calling thread for `backend` (nil: `PYSOCKET_BACKEND`, else the best that works).
        init(backend: Backend?) throws {
            io = try Backend.open(backend)
            clock = socket.interface
            thread = System.currentThread()
        }

        /// The loop `get_running_loop()` returns outside a running loop (see `notRunning`).
        private init(notRunning: Void) {
            io = NotRunningBackend()
            clock = socket.interface
            thread = 0
        }

        /// What `asyncio.get_running_loop()` returns outside a running loop: it never runs,
        /// and every operation on it raises `RuntimeError('no running event loop')`.
        static let notRunning = EventLoop(notRunning: ())

        /// False for `notRunning`.
        @inline(__always) var isRunnable: Bool { thread != 0 }

        /// True on the loop thread.
        @inline(__always) var isLoopThread: Bool { System.currentThread() == thread }

        // MARK: Executor

        public func enqueue(_ job: consuming ExecutorJob) {
            if isClosed.load(ordering: .acquiring) {
                globalConcurrentExecutor.enqueue(job)
                return
            }
            let job = UnownedJob(job)
            if isLoopThread {
                ready.append(job)
            } else {
                post { $0.jobs.append(job) }
            }
        }

        public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
            UnownedSerialExecutor(ordinary: self)
        }

        public func asUnownedTaskExecutor() -> UnownedTaskExecutor {
            UnownedTaskExecutor(ordinary: self)
        }

        /// Hands `change` to the loop thread's inbox and wakes the loop.
        private func post(_ change: (inout Inbox) -> Void) {
            inbox.withLock { change(&$0) }
            hasMail.store(true, ordering: .releasing)
            io.wakeup()
        }

        // MARK: Waiting

        /// Waits on the loop thread for `request` to complete; returns its result (>= 0, or
        /// -errno). Cancelling the task cancels the operation: `-ECANCELED` once the kernel let go.
        func submit(_ request: IORequest, fd: Int32) async -> Int32 {
            let token = allocate(fd: fd)
            return await withTaskCancellationHandler {
                await withUnsafeContinuation { continuation in
                    // Only now is the operation visible to the kernel: the task may have been
                    // suspended between `allocate` and here (a hop to the loop's executor).
                    guard park(token, continuation) else { return }
                    do throws(Errno) {
                        try io.submit(token, request)
                    } catch {
                        finish(token, -error.rawValue)
                    }
                }
            } onCancel: {
                self.requestCancel(token)
            }
        }

        /// Waits until `sock` is ready for `event`; throws CancellationError when the task is
        /// cancelled, `OSError(EBADF)` when the socket is closed meanwhile.
        func wait(_ sock: socket, _ event: PollEvent) async throws {
            let result = try await operate(sock) { .poll(fd: $0, event: event) }
            if result < 0 { throw failure(result) }
        }

        /// Runs the operation `request(fd)` on `sock`'s descriptor from the loop thread and
        /// returns its result (>= 0, or -errno for the caller to classify). Throws
        /// CancellationError when the task is cancelled (once the kernel let go),
        /// `OSError(EBADF)` when the socket is closed meanwhile.
        func operate(_ sock: socket, _ request: (Int32) -> IORequest) async throws -> Int32 {
            guard isLoopThread else {
                let operation = request(-1)
                return try await withTaskExecutorPreference(self) {
                    try await self.operate(sock) { fd in operation.on(fd) }
                }
            }
            try _Concurrency.Task.checkCancellation()
            let fd = sock.fileno()
            if fd < 0 { throw OSError.from(errno: Int(System.EBADF)) }
            sock.observeClose(self)
            let result = await submit(request(fd), fd: fd)
            if result == -System.ECANCELED || result == -System.EBADF { throw failure(result) }
            return result
        }

        /// The error a negative result stands for.
        func failure(_ result: Int32) -> any Error {
            if result == -System.ECANCELED { return CancellationError() }
            return OSError.from(errno: Int(-result))
        }

        /// Sleeps on the loop's clock until `nanoseconds` from now.
        func sleep(nanoseconds: UInt64) async throws {
            guard isLoopThread else {
                return try await withTaskExecutorPreference(self) { try await self.sleep(nanoseconds: nanoseconds) }
            }
            try _Concurrency.Task.checkCancellation()
            let now = clock.monotonicNanoseconds()
            let deadline = nanoseconds >= UInt64.max - now ? UInt64.max : now + nanoseconds
            let token = allocate(fd: -1)
            let result: Int32 = await withTaskCancellationHandler {
                await withUnsafeContinuation { continuation in
                    if park(token, continuation) { timers.push(deadline, token) }
                }
            } onCancel: {
                self.requestCancel(token)
            }
            if result < 0 { throw failure(result) }
        }

        private func allocate(fd: Int32) -> UInt64 {
            let index: UInt32
            if let free = freeSlots.popLast() {
                index = free
            } else {
                index = UInt32(slots.count)
                slots.append(Slot())
            }
            slots[Int(index)].fd = fd
            slots[Int(index)].closed = false
            slots[Int(index)].cancelled = false

            return UInt64(slots[Int(index)].generation) << 32 | UInt64(index)
        }

        /// Stores the continuation of `token`; false (and completed with -ECANCELED) when the
        /// task was cancelled before it got here.
        private func park(_ token: UInt64, _ continuation: UnsafeContinuation<Int32, Never>) -> Bool {
            let index = Int(UInt32(truncatingIfNeeded: token))
            slots[index].continuation = continuation
            pendingCount += 1
            if slots[index].cancelled {
                finish(token, -System.ECANCELED)
                return false
            }
            return true
        }

        /// The slot index of `token` if it is still live.
        @inline(__always) private func live(_ token: UInt64) -> Int? {
            let index = Int(UInt32(truncatingIfNeeded: token))
            guard index < slots.count, slots[index].generation == UInt32(truncatingIfNeeded: token >> 32),
                  slots[index].continuation != nil else { return nil }
            return index
        }

        /// Completes `token` with `result` and frees its slot.
        private func finish(_ token: UInt64, _ result: Int32) {
            guard let index = live(token) else { return }
            let continuation = slots[index].continuation!
            let outcome = slots[index].closed && result == -System.ECANCELED ? -System.EBADF : result
            slots[index].continuation = nil
            slots[index].generation &+= 1
            slots[index].fd = -1
            freeSlots.append(UInt32(index))
            pendingCount -= 1
            continuation.resume(returning: outcome)
        }

        /// Cancels `token` from any thread; the loop does it between jobs.
        private func requestCancel(_ token: UInt64) {
            if isLoopThread {
                cancels.append(token)
            } else {
                post { $0.cancels.append(token) }
            }
        }

        private func processCancels() {
            while let token = cancels.popLast() {
                let index = Int(UInt32(truncatingIfNeeded: token))
                guard index < slots.count, slots[index].generation == UInt32(truncatingIfNeeded: token >> 32) else { continue }
                // Not parked yet: it completes as cancelled when it parks.
                guard slots[index].continuation != nil else {
                    slots[index].cancelled = true
                    continue
                }
                let fd = slots[index].fd
                if fd < 0 || io.cancel(token, fd: fd) { finish(token, -System.ECANCELED) }
            }
        }

        // MARK: Closing sockets

        package func socketClosing(_ sock: socket, _ fd: Int32) {
            if isClosed.load(ordering: .acquiring) { return }
            if isLoopThread {
                forget(fd)
            } else {
                post { $0.closings.append((sock, fd)) }
            }
        }

        /// Wakes every operation on `fd` with EBADF and makes the backend forget it.
        private func forget(_ fd: Int32) {
            io.cancelAll(fd: fd) { token, gone in
                guard let index = live(token) else { return }
                if gone { finish(token, -System.EBADF) } else { slots[index].closed = true }
            }
        }

        // MARK: The cycle

        /// Takes what other threads posted.
        private func drainInbox() {
            guard hasMail.exchange(false, ordering: .acquiringAndReleasing) else { return }
            let mail = inbox.withLock { box -> Inbox in
                let taken = box
                box = Inbox()
                return taken
            }
            ready.append(contentsOf: mail.jobs)
            cancels.append(contentsOf: mail.cancels)
            // Posted from another thread after the descriptor was closed: act only while the
            // socket still has no descriptor (it was not reopened on this number by us).
            for (sock, fd) in mail.closings where sock.fileno() < 0 { forget(fd) }
        }

        /// Runs jobs, waits for the kernel and fires timers until `done()` is true.
        func run(until done: () -> Bool) throws {
            let serial = asUnownedSerialExecutor()
            let executor = asUnownedTaskExecutor()
            while true {
                drainInbox()
                processCancels()
                swap(&ready, &running)
                for job in running { job.runSynchronously(isolatedTo: serial, taskExecutor: executor) }
                running.removeAll(keepingCapacity: true)
                if done() { return }
                processCancels()
                let busy = !ready.isEmpty || !cancels.isEmpty || hasMail.load(ordering: .acquiring)
                let timeout: UInt64? = busy ? 0 : timers.timeout(now: clock.monotonicNanoseconds())
                try io.wait(timeout: timeout) { token, result in finish(token, result) }
                fireTimers()
            }
        }

        private func fireTimers() {
            guard !timers.isEmpty else { return }
            let now = clock.monotonicNanoseconds()
            while let token = timers.popExpired(now: now) {
                finish(token, 0)
            }
        }

        // MARK: Tasks

        /// Remembers a task made by `create_task` so that `run` can cancel it at the end.
        func adopt(_ cancel: @escaping @Sendable () -> Void) -> UInt64 {
            nextTaskID += 1
            tasks[nextTaskID] = cancel
            return nextTaskID
        }

        /// Forgets a finished task.
        func release(_ id: UInt64) {
            if isLoopThread { tasks[id] = nil } else { post { _ in } }
        }

        /// Runs `main` as the loop's root task until it returns, then cancels the tasks it left
        /// and lets them finish, as `asyncio.run` does.
        func runMain<T: Sendable>(_ main: @escaping @Sendable () async throws -> T) throws -> T {
            let box = ResultBox<T>()
            let previous = System.runningLoop
            System.runningLoop = Unmanaged.passUnretained(self).toOpaque()
            defer { System.runningLoop = previous }
            _Concurrency.Task(executorPreference: self) {
                do { box.result = .success(try await main()) } catch { box.result = .failure(error) }
            }
            try run { box.result != nil }
            // asyncio.run cancels the tasks `main` left behind and waits for them.
            if !tasks.isEmpty {
                for (_, cancel) in tasks { cancel() }
                try run { self.tasks.isEmpty }
            }
            return try box.result!.get()
        }

        /// Closes the loop: later jobs go to the global executor, the backend's descriptors go.
        func close() {
            guard !isClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
            let mail = inbox.withLock { box -> Inbox in
                let taken = box
                box = Inbox()
                return taken
            }
            for job in ready + mail.jobs { globalConcurrentExecutor.enqueue(ExecutorJob(job)) }
            ready.removeAll()
            io.close()
        }

        /// The loop running on the calling thread, if any.
        static var current: EventLoop? {
            guard let raw = System.runningLoop else { return nil }
            return Unmanaged<EventLoop>.fromOpaque(raw).takeUnretainedValue()
        }
    }
}

/// The outcome of the root task, read by the loop thread that wrote it.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

/// A min-heap of (deadline, token): the loop's timers. Cancelled timers stay until they
/// expire and are skipped then (their token is stale).
struct TimerHeap {
    private var items: [(deadline: UInt64, token: UInt64)] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func push(_ deadline: UInt64, _ token: UInt64) {
        items.append((deadline, token))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].deadline < items[parent].deadline else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// Nanoseconds until the earliest deadline (0 if past); nil without timers.
    func timeout(now: UInt64) -> UInt64? {
        guard let first = items.first else { return nil }
        return first.deadline > now ? first.deadline - now : 0
    }

    /// Removes and returns the earliest token whose deadline is `now` or earlier.
    mutating func popExpired(now: UInt64) -> UInt64? {
        guard let first = items.first, first.deadline <= now else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, items[left].deadline < items[smallest].deadline { smallest = left }
                if right < items.count, items[right].deadline < items[smallest].deadline { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first.token
    }
}
