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
        // Behind a pointer, not in stored `var`s: a class's stored properties are checked for
        // exclusive access at run time (swift_beginAccess, a thread-local access set), which
        // cost about 1,300 instructions per echoed message; the pointer's are not.
        private let state: UnsafeMutablePointer<State>
        private var tasks: [UInt64: @Sendable () -> Void] = [:]
        private var owners: [UInt64: AnyObject] = [:]
        private var nextTaskID: UInt64 = 0

        /// What the loop thread works with on every operation.
        private struct State {
            var ready = FlatArray<UnownedJob>(capacity: 256)
            var running = FlatArray<UnownedJob>(capacity: 256)
            /// The job the loop runs now: for a task's job, the task's address.
            var runningJob: UInt = 0
            /// Set while the backend delivers completions with `reentrantDelivery`: a task
            /// resumed then runs at once (see `enqueue`).
            var runResumedInline = false
            var slots = FlatArray<Slot>(capacity: 64)
            var freeSlots = FlatArray<UInt32>(capacity: 64)
            var timers = TimerHeap()
            var cancels: [UInt64] = []
            /// Hooked tasks cancelled (their handler ran): their operation, if any, is cancelled.
            var hookCancels: [TaskHook] = []
            var pendingCount = 0
            /// Per descriptor, the socket the loop last waited on through it (by identity: the loop
            /// keeps no socket alive). A different socket on the same number means the old one
            /// was closed without telling the loop (dropped, not closed): the backend forgets
            /// the number first.
            var owners = OwnerTable()
            /// The hook of each task `hooked` runs, by the task's address.
            var hooks = HookTable()
        }

        /// A socket the loop waits on, known by its identity. Not a weak reference: a weak
        /// reference gives the socket a side table, which makes every retain and release of it
        /// take the slow path (about 120 instructions per echoed message with the weak load).
        struct Owner {
            /// The socket's identity, compared without touching its reference count.
            var identity: ObjectIdentifier?
            /// Pins the socket's memory while `identity` names it: an unowned reference keeps
            /// the object's memory, not the object (a dropped socket still deinitialises and
            /// closes its descriptor), so no later socket can be made at that address and be
            /// taken for it on a reused descriptor number.
            unowned var pin: socket?
            /// Connected by `IORING_OP_CONNECT`, whose kernel made the confirming second
            /// `connect(2)` that CPython's next `sock_connect` would make (and get 0 from).
            var connectedInKernel = false

            init() {}

            init(sock: socket) {
                identity = ObjectIdentifier(sock)
                pin = sock
            }
        }

        // Cross-thread state.
        private let inbox = Mutex(Inbox())
        private let hasMail = Atomic<Bool>(false)
        private let isClosed = Atomic<Bool>(false)

        /// What other threads hand the loop.
        private struct Inbox {
            var jobs: [UnownedJob] = []
            var cancels: [UInt64] = []
            var hookCancels: [TaskHook] = []
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
            state = UnsafeMutablePointer<State>.allocate(capacity: 1)
            state.initialize(to: State())
            clock = socket.interface
            thread = System.currentThread()
        }

        /// The loop `get_running_loop()` returns outside a running loop (see `notRunning`).
        private init(notRunning: Void) {
            io = NotRunningBackend()
            state = UnsafeMutablePointer<State>.allocate(capacity: 1)
            state.initialize(to: State())
            clock = socket.interface
            thread = 0
        }

        deinit {
            state.pointee.owners.release()
            state.pointee.hooks.release()
            state.pointee.slots.release()
            state.pointee.ready.release()
            state.pointee.running.release()
            state.pointee.freeSlots.release()
            state.deinitialize(count: 1)
            state.deallocate()
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
                // A completion delivered with nothing queued ahead of it: run its task now,
                // while the lines its resumption touched (the task's status, its continuation,
                // its frame) are still in cache. Queued, it would run after every other
                // completion of the batch, which at 1,000 connections evicts them. Not nested:
                // what this job enqueues is queued, and so is everything after it (FIFO kept).
                if state.pointee.runResumedInline && state.pointee.ready.isEmpty {
                    state.pointee.runResumedInline = false
                    state.pointee.runningJob = unsafeBitCast(job, to: UInt.self)
                    job.runSynchronously(on: asUnownedTaskExecutor())
                    state.pointee.runningJob = 0
                    state.pointee.runResumedInline = true
                    return
                }
                state.pointee.ready.append(job)
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
        /// `hook`: the running task's (`currentHookRef()`), looked up once per operation by the caller.
        @inline(__always)
        nonisolated(nonsending) func submit(_ request: IORequest, fd: Int32, hook: Unmanaged<TaskHook>?) async -> Int32 {
            let token = allocate(fd: fd)
            return await suspend(token, hook) {
                do throws(Errno) {
                    try io.submit(token, request)
                } catch {
                    finish(token, -error.rawValue)
                }
            }
        }

        /// Parks the task on `token` until it completes and calls `start` once it is parked (the
        /// operation becomes visible to the kernel only then). A task run by the loop
        /// (`asyncio.run`'s, `create_task`'s, `wait_for`'s) has one cancellation handler for its
        /// whole life (`hooked`), which cancels whatever operation it waits on; any other task
        /// gets a handler per operation (`withTaskCancellationHandler`: a status-record lock, a
        /// mutex and two executor switches each time).
        @inline(__always)
        nonisolated(nonsending) private func suspend(_ token: UInt64, _ hook: Unmanaged<TaskHook>?, _ start: () -> Void) async -> Int32 {
            if let hook {
                // Through the unmanaged reference, without a retain: `hooked` holds the hook
                // until the task's body returns, which is after this operation.
                hook._withUnsafeGuaranteedRef {
                    // A cancellation owed (asyncio's `_must_cancel`): the operation never starts.
                    if $0.mustCancel { state.pointee.slots[Int(UInt32(truncatingIfNeeded: token))].cancelled = true }
                    $0.pending = token
                }
                // Not `withUnsafeContinuation`: its `isolation` parameter makes the call switch
                // executors first (a status-record lock), though the task is on the loop already.
                let result = await _unsafeInheritExecutor_withUnsafeContinuation { continuation in
                    if park(token, continuation) { start() }
                }
                let settled = hook._withUnsafeGuaranteedRef { hook -> Int32? in
                    hook.pending = TaskHook.none
                    return hook.mustCancel || hook.cancelSent ? hook.settle(result) : nil
                }
                if let settled { return settled }
                return result
            }
            return await withTaskCancellationHandler {
                await withUnsafeContinuation { continuation in
                    // The task may have been suspended between `allocate` and here (a hop to
                    // the loop's executor): a cancellation meanwhile is seen by `park`.
                    if park(token, continuation) { start() }
                }
            } onCancel: {
                self.requestCancel(token)
            }
        }

        /// The running task's hook, if the loop runs this very task under `hooked` (a child
        /// task is not in the table, though it runs on the loop).
        func currentHook() -> TaskHook? { currentHookRef()?.takeUnretainedValue() }

        /// `currentHook()` without a retain, for the operations' hot path.
        @inline(__always)
        private func currentHookRef() -> Unmanaged<TaskHook>? {
            // The job the loop runs is the task itself (an AsyncTask is its own Job): no
            // runtime call to learn which task this is, and no task-local read (a runtime call,
            // a thread-local lookup, and a retain and release of the hook per operation).
            let task = state.pointee.runningJob
            guard task != 0, isLoopThread else { return nil }
            return state.pointee.hooks.find(task)
        }

        /// Runs `body` under one cancellation handler that cancels, for the whole of `body`,
        /// whichever operation the task waits on: the loop's tasks pay for a handler once, not
        /// per operation.
        ///
        /// The hook is found by the task's address in the loop's `hooks` table (registered on
        /// the loop thread, where the task runs: it prefers the loop as its executor, so its
        /// body also ends there). `hook`: an asyncio task's own, which outlives this call.
        func hooked<T: Sendable>(_ hook: TaskHook = TaskHook(), _ body: @Sendable () async throws -> T) async throws -> T {
            let task = TaskHook.currentTask()
            hook.task = task
            let registered = task != 0 && isLoopThread
            let outer = registered ? state.pointee.hooks.insert(task, Unmanaged.passUnretained(hook)) : nil
            defer {
                hook.task = 0
                if registered {
                    if let outer { _ = state.pointee.hooks.insert(task, outer) } else { state.pointee.hooks.remove(task) }
                }
            }
            return try await withTaskCancellationHandler {
                try await body()
            } onCancel: {
                hook.cancelled.store(true, ordering: .releasing)
                self.requestCancel(hook)
            }
        }

        /// Waits until `sock` is ready for `event`; throws CancellationError when the task is
        /// cancelled, `OSError(EBADF)` when the socket is closed meanwhile.
        @inline(__always)
        nonisolated(nonsending) func wait(_ sock: socket, _ event: PollEvent) async throws {
            let result = try await operate(sock) { .poll(fd: $0, event: event) }
            if result < 0 { throw failure(result) }
        }

        /// Runs the operation `request(fd)` on `sock`'s descriptor from the loop thread and
        /// returns its result (>= 0, or -errno for the caller to classify). Throws
        /// CancellationError when the task is cancelled (once the kernel let go),
        /// `OSError(EBADF)` when the socket is closed meanwhile.
        ///
        /// A readiness wait made on the loop thread follows a call that just failed with EAGAIN
        /// (no suspension in between), so the backend learns the socket is not ready; one that
        /// hopped from another thread may have missed an edge meanwhile, so it does not.
        @inline(__always)
        nonisolated(nonsending) func operate(_ sock: socket, _ request: (Int32) -> IORequest) async throws -> Int32 {
            guard isLoopThread else { return try await operateFromElsewhere(sock, request(-1)) }
            return try await operate(sock, sawEAGAIN: true, request)
        }

        /// `operate` called off the loop thread: hops to the loop first.
        private func operateFromElsewhere(_ sock: socket, _ operation: IORequest) async throws -> Int32 {
            try await withTaskExecutorPreference(self) {
                try await self.operate(sock, sawEAGAIN: false) { fd in operation.on(fd) }
            }
        }

        @inline(__always)
        nonisolated(nonsending) private func operate(_ sock: socket, sawEAGAIN: Bool, _ request: (Int32) -> IORequest) async throws -> Int32 {
            let hook = currentHookRef()
            // A hooked task's cancellation is the flag its handler set: a field load instead of
            // the runtime's `swift_task_isCancelled` on the current task (a thread-local lookup).
            if let hook {
                if hook._withUnsafeGuaranteedRef({ $0.cancelled.load(ordering: .acquiring) }) { throw CancellationError() }
            } else {
                try _Concurrency.Task.checkCancellation()
            }
            let fd = sock.fileno()
            if fd < 0 { throw OSError.from(errno: Int(System.EBADF)) }
            adopt(sock, fd)
            let operation = request(fd)
            if sawEAGAIN, case .poll(_, let event) = operation { io.wouldBlock(fd, event) }
            let result = await submit(operation, fd: fd, hook: hook)
            if result == -System.ECANCELED || result == -System.EBADF { throw failure(result) }
            return result
        }

        /// Makes the loop the one `sock` tells before its descriptor `fd` goes, once per socket
        /// and descriptor (no lock in steady state).
        @inline(__always) func adopt(_ sock: socket, _ fd: Int32) {
            let index = Int(fd)
            if state.pointee.owners.isOwner(index, sock) { return }
            adoptSlow(sock, fd)
        }

        /// Whether the loop has waited on `sock` (under its present descriptor) before.
        func waitedOn(_ sock: socket) -> Bool {
            let index = Int(sock.fileno())
            return state.pointee.owners.isOwner(index, sock)
        }

        /// Records (`set`) or takes (returns and clears) that `sock` was connected in the kernel.
        func connectedInKernel(_ sock: socket, set: Bool) -> Bool {
            guard waitedOn(sock) else { return false }
            let index = Int(sock.fileno())
            let was = state.pointee.owners.entry(index).pointee.connectedInKernel
            state.pointee.owners.entry(index).pointee.connectedInKernel = set
            return was
        }

        private func adoptSlow(_ sock: socket, _ fd: Int32) {
            let index = Int(fd)
            state.pointee.owners.ensure(index)
            // The backend may know this number from a socket that is gone: start afresh.
            io.renew(fd)
            state.pointee.owners.entry(index).pointee = Owner(sock: sock)
            sock.observeClose(self)
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
            let result = await suspend(token, currentHookRef()) { state.pointee.timers.push(deadline, token) }
            if result < 0 { throw failure(result) }
        }

        private func allocate(fd: Int32) -> UInt64 {
            let index: UInt32
            if let free = state.pointee.freeSlots.popLast() {
                index = free
            } else {
                index = UInt32(state.pointee.slots.count)
                state.pointee.slots.append(Slot())
            }
            state.pointee.slots[Int(index)].fd = fd
            state.pointee.slots[Int(index)].closed = false
            state.pointee.slots[Int(index)].cancelled = false

            return UInt64(state.pointee.slots[Int(index)].generation) << 32 | UInt64(index)
        }

        /// Stores the continuation of `token`; false (and completed with -ECANCELED) when the
        /// task was cancelled before it got here.
        private func park(_ token: UInt64, _ continuation: UnsafeContinuation<Int32, Never>) -> Bool {
            let index = Int(UInt32(truncatingIfNeeded: token))
            state.pointee.slots[index].continuation = continuation
            state.pointee.pendingCount += 1
            if state.pointee.slots[index].cancelled {
                finish(token, -System.ECANCELED)
                return false
            }
            return true
        }

        /// The slot index of `token` if it is still live.
        @inline(__always) private func live(_ token: UInt64) -> Int? {
            let index = Int(UInt32(truncatingIfNeeded: token))
            guard index < state.pointee.slots.count, state.pointee.slots[index].generation == UInt32(truncatingIfNeeded: token >> 32),
                  state.pointee.slots[index].continuation != nil else { return nil }
            return index
        }

        /// Completes `token` with `result` and frees its slot.
        private func finish(_ token: UInt64, _ result: Int32) {
            guard let index = live(token) else { return }
            guard let continuation = state.pointee.slots[index].continuation else { return }
            let outcome = state.pointee.slots[index].closed && result == -System.ECANCELED ? -System.EBADF : result
            state.pointee.slots[index].continuation = nil
            state.pointee.slots[index].generation &+= 1
            state.pointee.slots[index].fd = -1
            state.pointee.freeSlots.append(UInt32(index))
            state.pointee.pendingCount -= 1
            continuation.resume(returning: outcome)
        }

        /// Cancels `token` from any thread; the loop does it between jobs.
        private func requestCancel(_ token: UInt64) {
            if isLoopThread {
                state.pointee.cancels.append(token)
            } else {
                post { $0.cancels.append(token) }
            }
        }

        /// Cancels the operation a hooked task waits on, from any thread; the loop does it
        /// between jobs (the task is then parked, or runs again and meets its cancelled flag).
        private func requestCancel(_ hook: TaskHook) {
            if isLoopThread {
                state.pointee.hookCancels.append(hook)
            } else {
                post { $0.hookCancels.append(hook) }
            }
        }

        /// asyncio's `Task.cancel()` on a task the loop runs, on the loop thread: one more
        /// cancel request (`cancelling()`), delivered once, at the wait the task is in or its
        /// next one (Swift's own cancellation, which stays, is not used).
        func cancel(_ hook: TaskHook) {
            hook.requests += 1
            if isLoopThread { deliver(hook) } else { requestCancel(hook) }
        }

        /// Cancels the wait `hook`'s task is in (its operation, or its future's wait), else
        /// makes its next wait raise `CancellationError`: CPython's `Task.cancel()` body.
        private func deliver(_ hook: TaskHook) {
            if hook.pending != TaskHook.none && hook.task != state.pointee.runningJob {
                hook.cancelSent = true
                state.pointee.cancels.append(hook.pending)
            } else if let waiter = hook.waiter, hook.task != state.pointee.runningJob, waiter() {
                return
            } else {
                hook.mustCancel = true
            }
        }

        private func processCancels() {
            while let hook = state.pointee.hookCancels.popLast() { deliver(hook) }
            while let token = state.pointee.cancels.popLast() {
                let index = Int(UInt32(truncatingIfNeeded: token))
                guard index < state.pointee.slots.count, state.pointee.slots[index].generation == UInt32(truncatingIfNeeded: token >> 32) else { continue }
                // Not parked yet: it completes as cancelled when it parks.
                guard state.pointee.slots[index].continuation != nil else {
                    state.pointee.slots[index].cancelled = true
                    continue
                }
                let fd = state.pointee.slots[index].fd
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
            if fd >= 0, Int(fd) < state.pointee.owners.count { state.pointee.owners.entry(Int(fd)).pointee = Owner() }
            io.cancelAll(fd: fd) { token, gone in
                guard let index = live(token) else { return }
                if gone { finish(token, -System.EBADF) } else { state.pointee.slots[index].closed = true }
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
            for job in mail.jobs { state.pointee.ready.append(job) }
            state.pointee.cancels.append(contentsOf: mail.cancels)
            state.pointee.hookCancels.append(contentsOf: mail.hookCancels)
            // Posted from another thread after the descriptor was closed: act only while the
            // socket still has no descriptor (it was not reopened on this number by us).
            for (sock, fd) in mail.closings where sock.fileno() < 0 { forget(fd) }
        }

        /// Runs jobs, waits for the kernel and fires timers until `done()` is true.
        func run(until done: () -> Bool) throws {
            // Jobs run on the loop as their task executor, not isolated to it as a serial
            // executor: a task isolated to the serial executor meets a switch at every call of a
            // nonisolated async function (sock_recv_into, operate, withTaskCancellationHandler
            // ...), and each switch went through the loop's queue again: ten enqueues per echoed
            // message instead of one (callgrind, io_uring).
            let executor = asUnownedTaskExecutor()
            while true {
                drainInbox()
                processCancels()
                swap(&state.pointee.ready, &state.pointee.running)
                for index in 0..<state.pointee.running.count {
                    let job = state.pointee.running[index]
                    state.pointee.runningJob = unsafeBitCast(job, to: UInt.self)
                    job.runSynchronously(on: executor)
                }
                state.pointee.runningJob = 0
                state.pointee.running.removeAll()
                if done() { return }
                processCancels()
                let busy = !state.pointee.ready.isEmpty || !state.pointee.cancels.isEmpty || !state.pointee.hookCancels.isEmpty
                    || hasMail.load(ordering: .acquiring)
                let timeout: UInt64? = busy ? 0 : state.pointee.timers.timeout(now: clock.monotonicNanoseconds())
                state.pointee.runResumedInline = io.reentrantDelivery
                defer { state.pointee.runResumedInline = false }
                try io.wait(timeout: timeout) { token, result in finish(token, result) }
                state.pointee.runResumedInline = false
                fireTimers()
            }
        }

        private func fireTimers() {
            guard !state.pointee.timers.isEmpty else { return }
            let now = clock.monotonicNanoseconds()
            while let token = state.pointee.timers.popExpired(now: now) {
                finish(token, 0)
            }
        }

        // MARK: Tasks

        /// Remembers a task made by `create_task` so that `run` can cancel it at the end;
        /// `owner` is the asyncio task `all_tasks()` lists (nil: one of PySocketAsync's own).
        func adopt(_ cancel: @escaping @Sendable () -> Void, owner: AnyObject? = nil) -> UInt64 {
            nextTaskID += 1
            tasks[nextTaskID] = cancel
            if let owner { owners[nextTaskID] = owner }
            return nextTaskID
        }

        /// The asyncio tasks of this loop not yet finished, in the order they were made.
        func liveTasks() -> [AnyObject] {
            owners.sorted { $0.key < $1.key }.map(\.value)
        }

        /// Forgets a finished task.
        func release(_ id: UInt64) {
            if isLoopThread {
                tasks[id] = nil
                owners[id] = nil
            } else {
                post { _ in }
            }
        }

        /// Runs `main` as the loop's root task until it returns, then cancels the tasks it left
        /// and lets them finish, as `asyncio.run` does.
        func runMain<T: Sendable>(_ hook: TaskHook = TaskHook(), leftovers: Bool = true,
                                  _ main: @escaping @Sendable () async throws -> T) throws -> T {
            let box = ResultBox<T>()
            let previous = System.runningLoop
            System.runningLoop = Unmanaged.passUnretained(self).toOpaque()
            defer { System.runningLoop = previous }
            _Concurrency.Task(executorPreference: self) {
                do { box.result = .success(try await self.hooked(hook, main)) } catch { box.result = .failure(error) }
            }
            try run { box.result != nil }
            // asyncio.run cancels the tasks `main` left behind and waits for them.
            if leftovers && !tasks.isEmpty {
                for (_, cancel) in tasks { cancel() }
                try run { self.tasks.isEmpty }
            }
            return try box.result!.get()
        }

        /// Whether `closeLoop()` was called.
        var closed: Bool { isClosed.load(ordering: .acquiring) }

        /// Closes the loop: later jobs go to the global executor, the backend's descriptors go.
        func closeLoop() {
            guard !isClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
            let mail = inbox.withLock { box -> Inbox in
                let taken = box
                box = Inbox()
                return taken
            }
            for index in 0..<state.pointee.ready.count { globalConcurrentExecutor.enqueue(ExecutorJob(state.pointee.ready[index])) }
            for job in mail.jobs { globalConcurrentExecutor.enqueue(ExecutorJob(job)) }
            state.pointee.ready.removeAll()
            io.close()
        }

        /// The loop running on the calling thread, if any.
        static var current: EventLoop? {
            guard let raw = System.runningLoop else { return nil }
            return Unmanaged<EventLoop>.fromOpaque(raw).takeUnretainedValue()
        }
    }
}

/// The one cancellation handler of a task the loop runs (see `EventLoop.hooked`): which
/// operation that task waits on. Read and written on the loop thread; the handler itself only
/// posts the hook to the loop.
final class TaskHook: @unchecked Sendable {
    /// The task's address while `hooked` runs its body (0 otherwise): whether a cancel comes
    /// from the task itself.
    var task: UInt = 0
    /// The token of the operation the task waits on, or `none`.
    var pending: UInt64 = TaskHook.none
    /// Set by the task's cancellation handler (on whichever thread cancels it), before the
    /// loop hears of it: what the task's operations check instead of `Task.isCancelled`.
    let cancelled = Atomic<Bool>(false)
    static let none = UInt64.max

    // asyncio's cancellation, counted per task instead of Swift's flag, which cannot be undone.
    /// `Task.cancelling()`: cancel requests not undone by `uncancel()`.
    @exclusivity(unchecked) var requests = 0
    /// A `CancellationError` is owed (CPython's `_must_cancel`): the task's next wait raises it.
    @exclusivity(unchecked) var mustCancel = false
    /// The operation the task waits on was asked to cancel (it may still complete).
    @exclusivity(unchecked) var cancelSent = false
    /// The wait the task is in when it is not an operation (a future's): cancels it, true if
    /// that wait will then end by itself (CPython: `_fut_waiter.cancel()` returned True).
    @exclusivity(unchecked) var waiter: (() -> Bool)?
    /// The asyncio task this hook is the cancellation state of (`current_task()`).
    weak var owner: AnyObject?

    /// An operation's result once the task runs again after a cancel: the cancellation is
    /// delivered once (`-ECANCELED`), or, when the operation completed anyway, owed to the
    /// next wait (its result is kept).
    func settle(_ result: Int32) -> Int32 {
        let sent = cancelSent
        cancelSent = false
        if result == -System.ECANCELED {
            mustCancel = false
            return result
        }
        if mustCancel {
            mustCancel = false
            return -System.ECANCELED
        }
        if sent { mustCancel = true }
        return result
    }

    /// Raises the `CancellationError` owed, once.
    func checkOwed() throws(CancellationError) {
        if mustCancel {
            mustCancel = false
            throw CancellationError()
        }
    }


    /// The running task's address, 0 outside a task.
    @inline(__always) static func currentTask() -> UInt {
        withUnsafeCurrentTask { task in task.map { unsafeBitCast($0, to: UInt.self) } ?? 0 }
    }
}

/// The hooks of the tasks the loop runs (`EventLoop.hooked`), by task address: an open-addressed
/// table with linear probing, at most half full, in memory of its own (see `OwnerTable`). A
/// task is in it from the start of its body to its end, so an address found is a live task's;
/// a child task (`async let`, a group's) is not, and takes a handler per operation.
struct HookTable {
    private struct Entry {
        /// The task's address; 0: empty.
        var task: UInt = 0
        var hook: Unmanaged<TaskHook>?
    }
    private var entries: UnsafeMutablePointer<Entry>
    private var mask: Int
    private var count = 0

    init() {
        mask = 63
        entries = UnsafeMutablePointer<Entry>.allocate(capacity: mask + 1)
        entries.initialize(repeating: Entry(), count: mask + 1)
    }

    /// Where probing for `task` starts (tasks are 16-byte aligned: the low bits say nothing).
    @inline(__always) private func home(_ task: UInt) -> Int {
        Int(bitPattern: ((task >> 4) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The hook of `task`, if it has one.
    @inline(__always) func find(_ task: UInt) -> Unmanaged<TaskHook>? {
        var index = home(task)
        while true {
            let entry = entries[index]
            if entry.task == task { return entry.hook }
            if entry.task == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    /// Sets the hook of `task`; returns the one it replaces.
    mutating func insert(_ task: UInt, _ hook: Unmanaged<TaskHook>) -> Unmanaged<TaskHook>? {
        if (count + 1) * 2 > mask + 1 { grow() }
        var index = home(task)
        while entries[index].task != 0 {
            if entries[index].task == task {
                let previous = entries[index].hook
                entries[index].hook = hook
                return previous
            }
            index = (index + 1) & mask
        }
        entries[index] = Entry(task: task, hook: hook)
        count += 1
        return nil
    }

    /// Forgets `task`'s hook: the entries after it in its run move back (no tombstones).
    mutating func remove(_ task: UInt) {
        var index = home(task)
        while entries[index].task != task {
            if entries[index].task == 0 { return }
            index = (index + 1) & mask
        }
        var hole = index
        var next = (index + 1) & mask
        while entries[next].task != 0 {
            let wanted = home(entries[next].task)
            // The entry at `next` may fill the hole if its home is not in (hole, next].
            if (next > hole && (wanted <= hole || wanted > next)) || (next < hole && wanted <= hole && wanted > next) {
                entries[hole] = entries[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        entries[hole] = Entry()
        count -= 1
    }

    private mutating func grow() {
        let old = entries, oldSize = mask + 1
        mask = oldSize * 2 - 1
        entries = UnsafeMutablePointer<Entry>.allocate(capacity: mask + 1)
        entries.initialize(repeating: Entry(), count: mask + 1)
        count = 0
        for index in 0..<oldSize where old[index].task != 0 {
            if let hook = old[index].hook { _ = insert(old[index].task, hook) }
        }
        old.deallocate()
    }

    /// Frees the memory (the loop's deinit).
    mutating func release() {
        entries.deallocate()
        mask = 0
        count = 0
    }
}

/// Per descriptor, the socket the loop last waited on through it (its identity, its memory
/// pinned by an unowned reference), in memory of its own: an array's element would be copied,
/// reference and all, on every read; through the pointer only the identity is compared.
struct OwnerTable {
    private var base = UnsafeMutablePointer<asyncio.EventLoop.Owner>.allocate(capacity: 64)
    private var capacity = 64
    /// Entries made (descriptor numbers below it have one).
    private(set) var count = 0

    /// Whether descriptor `index`'s entry is `sock`.
    @inline(__always) func isOwner(_ index: Int, _ sock: socket) -> Bool {
        index >= 0 && index < count && base[index].identity == ObjectIdentifier(sock)
    }

    /// The entry of descriptor `index` (below `count`).
    @inline(__always) func entry(_ index: Int) -> UnsafeMutablePointer<asyncio.EventLoop.Owner> {
        base + index
    }

    /// Makes entries up to descriptor `index`.
    mutating func ensure(_ index: Int) {
        guard index >= count else { return }
        if index >= capacity {
            let grown = max(index + 1, capacity * 2)
            let moved = UnsafeMutablePointer<asyncio.EventLoop.Owner>.allocate(capacity: grown)
            moved.moveInitialize(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = grown
        }
        (base + count).initialize(repeating: asyncio.EventLoop.Owner(), count: index + 1 - count)
        count = index + 1
    }

    /// Frees the entries (the loop's deinit).
    mutating func release() {
        base.deinitialize(count: count)
        base.deallocate()
        count = 0
        capacity = 0
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
