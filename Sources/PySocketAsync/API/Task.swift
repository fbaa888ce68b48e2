// asyncio.Task: create_task, the handle (cancel/cancelling/uncancel, names, repr), current_task and all_tasks.
import PySocket
import Synchronization

extension asyncio {
    /// What every handle on one task shares: its name, its cancellation state (the loop's
    /// `TaskHook`), its outcome seen as `Any`, its place in the loop's task table.
    final class TaskCore: @unchecked Sendable {
        /// CPython's `_task_name_counter`: one count per process, for tasks made without a name.
        private static let counter = Atomic<Int>(0)

        let hook: TaskHook
        let loop: EventLoop
        private let name: Mutex<String>
        /// The loop's id for it (its leftover-task table), 0 for none.
        let id = Atomic<UInt64>(0)
        /// Builds the future of the `Task<any Sendable>` view (`current_task()`, `all_tasks()`),
        /// once. The future is kept, not the view: a view holds this core, which would then
        /// hold itself (and its loop) for ever.
        private let erasedView: Mutex<(make: (@Sendable (TaskCore) -> Future<any Sendable>)?, made: Future<any Sendable>?)>
        /// `repr` of the result or exception once done, pending otherwise.
        let describe: @Sendable () -> String

        init<T: Sendable>(_ loop: EventLoop, _ hook: TaskHook, name: String?, _ future: Future<T>) {
            self.loop = loop
            self.hook = hook
            self.name = Mutex(name ?? "Task-\(Self.counter.add(1, ordering: .relaxed).newValue)")
            describe = { [unowned future] in
                switch future.outcome {
                case .pending: return ""
                case .cancelled: return ""
                case .result(let value): return " result=\(asyncio.pyRepr(value))"
                case .exception(let error): return " exception=\(String(reflecting: error))"
                }
            }
            erasedView = Mutex((nil, nil))
            hook.owner = self
            let make: @Sendable (TaskCore) -> Future<any Sendable> = { core in
                let erased = Future<any Sendable>(cancelHook: { [unowned core] in core.cancel() })
                future.add_done_callback { typed in
                    switch typed.outcome {
                    case .result(let value): erased.settle(.result(value))
                    case .exception(let error): erased.settle(.exception(error))
                    case .cancelled, .pending: erased.settle(.cancelled)
                    }
                }
                return erased
            }
            erasedView.withLock { $0.make = make }
        }

        var taskName: String {
            get { name.withLock { $0 } }
            set { name.withLock { $0 = newValue } }
        }

        /// The task as a `Task<any Sendable>`.
        func erased() -> Task<any Sendable> {
            let (make, made) = erasedView.withLock { ($0.make, $0.made) }
            if let made { return Task<any Sendable>(self, made) }
            let future = make!(self)
            return Task<any Sendable>(self, erasedView.withLock { state in
                if let made = state.made { return made }
                state.made = future
                return future
            })
        }

        /// asyncio's `Task.cancel()` once the task is known not to be done.
        func cancel() {
            loop.cancel(hook)
        }
    }

    /// `asyncio.Task`: a handle on a task started by `create_task` (or `asyncio.run`'s main).
    ///
    /// Python: `asyncio.Task`. C: none.
    ///
    /// Differs from CPython: generic over its result type (`current_task()` and `all_tasks()`
    /// give `Task<any Sendable>`, the same task: `==` and `===` compare identity); its `repr` has no
    /// `coro=<...>` part.
    public struct Task<T: Sendable>: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
        let core: TaskCore
        /// The task's outcome, as asyncio's Task is a Future.
        let future: Future<T>

        init(_ core: TaskCore, _ future: Future<T>) {
            self.core = core
            self.future = future
        }

        /// `t.cancel()`: asks the task to stop: the operation or future it waits on is cancelled
        /// and `CancelledError` is raised there once, or at its next wait if it is not waiting.
        /// Each call is one request (`cancelling()`); a task that catches `CancelledError` can
        /// go on awaiting. Returns false if it had already finished.
        ///
        /// Python: `Task.cancel()`. C: none.
        ///
        /// Differs from CPython: no `msg` argument.
        @discardableResult
        public func cancel() -> Bool {
            if future.done() { return false }
            core.cancel()
            return true
        }

        /// `t.cancelling()`: the number of cancel requests not yet undone by `uncancel()`.
        ///
        /// Python: `Task.cancelling()`. C: none.
        public func cancelling() -> Int { core.hook.requests }

        /// `t.uncancel()`: takes back one cancel request and returns how many are left; at 0 a
        /// cancellation not yet delivered is dropped.
        ///
        /// Python: `Task.uncancel()`. C: none.
        @discardableResult
        public func uncancel() -> Int {
            let hook = core.hook
            if hook.requests > 0 {
                hook.requests -= 1
                if hook.requests == 0 { hook.mustCancel = false }
            }
            return hook.requests
        }

        /// `t.done()`: whether the task has finished (returned, raised or been cancelled).
        ///
        /// Python: `Task.done()`. C: none.
        public func done() -> Bool { future.done() }

        /// `t.get_name()`: its name, `Task-N` unless one was given.
        ///
        /// Python: `Task.get_name()`. C: none.
        public func get_name() -> String { core.taskName }

        /// `t.set_name(value)`: renames it (to `str(value)`).
        ///
        /// Python: `Task.set_name()`. C: none.
        public func set_name(_ value: Any) { core.taskName = "\(value)" }

        /// `t.get_loop()`: the loop it runs on.
        ///
        /// Python: `Task.get_loop()`. C: none.
        public func get_loop() -> EventLoop { core.loop }

        /// `await t`: the task's result, or the error it threw (`CancellationError` if cancelled).
        /// Cancelling the awaiting task cancels this one, which it then waits for, as asyncio does.
        ///
        /// Python: `await task`. C: none.
        public var value: T {
            get async throws { try await future.value }
        }

        /// `repr(t)`: `<Task pending name='Task-2'>`, `<Task cancelling name='Task-2'>`,
        /// `<Task finished name='Task-2' result=3>`, `<Task cancelled name='Task-2'>`.
        ///
        /// Python: `Task.__repr__`.
        ///
        /// Differs from CPython: no `coro=<...>` or `wait_for=` parts.
        public var debugDescription: String {
            let state: String
            if future.cancelled() {
                state = "cancelled"
            } else if future.done() {
                state = "finished"
            } else {
                state = core.hook.requests > 0 ? "cancelling" : "pending"
            }
            return "<Task \(state) name=\(pythonRepr(core.taskName))\(core.describe())>"
        }

        /// `str(t)`: the same as `repr(t)`.
        ///
        /// Python: `object.__str__`.
        public var description: String { debugDescription }

        /// `a is b`: whether two handles are the same task, whatever their result types.
        ///
        /// Python: `is`.
        public static func === <U>(a: Task<T>, b: Task<U>?) -> Bool { a.core === b?.core }

        /// `a is not b`.
        ///
        /// Python: `is not`.
        public static func !== <U>(a: Task<T>, b: Task<U>?) -> Bool { !(a === b) }
    }

    /// A value as Python's `repr` writes it: strings quoted as Python quotes them, `True`,
    /// `False`, `None`, tuples and arrays of those; anything else as `String(reflecting:)`.
    static func pyRepr(_ value: Any) -> String {
        switch value {
        case let text as String: return pythonRepr(text)
        case let text as Substring: return pythonRepr(String(text))
        case let flag as Bool: return flag ? "True" : "False"
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional?:
                guard let wrapped = mirror.children.first else { return "None" }
                return pyRepr(wrapped.value)
            case .tuple?:
                let items = mirror.children.map { pyRepr($0.value) }
                return "(" + items.joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
            case .collection?:
                return "[" + mirror.children.map { pyRepr($0.value) }.joined(separator: ", ") + "]"
            default:
                return String(reflecting: value)
            }
        }
    }

    /// `asyncio.create_task(coro, name=None)`: starts `body` as a task on the running loop (it
    /// runs on the loop's thread) and returns its handle; named `Task-N` unless `name` is given.
    ///
    /// Python: `asyncio.create_task()`. C: none.
    ///
    /// Differs from CPython: takes a closure; the task starts at the loop's next turn, as in
    /// Python, but holds a Swift `Task`. Outside a running loop CPython raises
    /// `RuntimeError('no running event loop')` here; PySocket returns a finished task whose
    /// `value` raises it (the body never runs), so the line ports without `try`.
    @discardableResult
    public static func create_task<T: Sendable>(name: String? = nil, _ body: @escaping @Sendable () async throws -> T) -> Task<T> {
        makeTask(name: name, visible: true, body)
    }

    /// A task of PySocketAsync's own (a transport's reader, a timer): CPython has none there, so
    /// it takes no `Task-N` number and `all_tasks()` does not list it.
    @discardableResult
    static func loopTask<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Task<T> {
        makeTask(name: nil, visible: false, body)
    }

    private static func makeTask<T: Sendable>(name: String?, visible: Bool, _ body: @escaping @Sendable () async throws -> T) -> Task<T> {
        guard let loop = EventLoop.current else {
            let future = Future<T>()
            future.settle(.exception(RuntimeError("no running event loop")))
            return Task(TaskCore(EventLoop.notRunning, TaskHook(), name: name ?? "Task-0", future), future)
        }
        let hook = TaskHook()
        let future = Future<T>(cancelHook: { loop.cancel(hook) })
        let core = TaskCore(loop, hook, name: visible ? name : "", future)
        core.id.store(loop.adopt({ [weak core] in
            if let core, !future.done() { core.cancel() }
        }, owner: visible ? core : nil), ordering: .releasing)
        _Concurrency.Task<Void, Never>(executorPreference: loop) {
            defer { loop.release(core.id.load(ordering: .acquiring)) }
            await run(core, future, body)
        }
        return Task(core, future)
    }

    /// The body of a task: never started if cancelled first (as a coroutine never is), ended
    /// as cancelled if a cancellation is still owed when it returns (CPython's `__step`).
    private static func run<T: Sendable>(_ core: TaskCore, _ future: Future<T>, _ body: @escaping @Sendable () async throws -> T) async {
        let hook = core.hook
        do {
            try hook.checkOwed()
            let value = try await core.loop.hooked(hook, body)
            if hook.mustCancel {
                hook.mustCancel = false
                future.settle(.cancelled)
            } else {
                future.settle(.result(value))
            }
        } catch is CancellationError {
            future.settle(.cancelled)
        } catch {
            future.settle(.exception(error))
        }
    }

    /// Runs `main` as the root task of `loop` (`asyncio.run`'s `Task-N`), registered for
    /// `current_task()`/`all_tasks()`.
    static func runMain<T: Sendable>(_ loop: EventLoop, leftovers: Bool = true, _ main: @escaping @Sendable () async throws -> T) throws -> T {
        let hook = TaskHook()
        let future = Future<T>(cancelHook: { loop.cancel(hook) })
        let core = TaskCore(loop, hook, name: nil, future)
        let id = loop.adopt({}, owner: core)
        return try loop.runMain(core.hook, leftovers: leftovers) {
            defer { loop.release(id) }
            do {
                let value = try await main()
                future.settle(.result(value))
                return value
            } catch is CancellationError {
                future.settle(.cancelled)
                throw CancellationError()
            } catch {
                future.settle(.exception(error))
                throw error
            }
        }
    }

    /// `asyncio.current_task()`: the task running now, nil outside one.
    ///
    /// Python: `asyncio.current_task()`. C: none.
    ///
    /// Differs from CPython: a `Task<any Sendable>` (the same task as the handle `create_task` gave:
    /// compare with `===`); inside `wait_for`/`timeout` it is the task that called them.
    public static func current_task() -> Task<any Sendable>? {
        guard let loop = EventLoop.current, let hook = loop.currentHook(), let core = hook.owner as? TaskCore else { return nil }
        return core.erased()
    }

    /// `asyncio.all_tasks()`: the running loop's tasks not yet done.
    ///
    /// Python: `asyncio.all_tasks()`. C: none.
    /// - Throws: `RuntimeError('no running event loop')`.
    public static func all_tasks() throws -> Set<Task<any Sendable>> {
        let loop = try runningLoop()
        var tasks = Set<Task<any Sendable>>()
        for case let core as TaskCore in loop.liveTasks() {
            let task = core.erased()
            if !task.done() { tasks.insert(task) }
        }
        return tasks
    }

    /// The running task's cancel requests (`current_task().cancelling()`), 0 outside a task;
    /// a Swift cancellation counts as one.
    static func currentCancelling() -> Int {
        if _Concurrency.Task.isCancelled { return max(1, EventLoop.current?.currentHook()?.requests ?? 0) }
        return EventLoop.current?.currentHook()?.requests ?? 0
    }
}
