// What the streams are built from: a loop future, call_soon, the shared receive buffers, the reader's byte buffer.
import PySocket
import Synchronization

/// asyncio's `Future` for the streams' waits (`_waiter`, drain waiters, `_closed`, the server's
/// waiters): tasks await it, the loop's code resolves it. Awaiting a resolved future returns at
/// once; resolving wakes every waiter in the order they came (each resumes at the loop's next
/// turn, as CPython's callbacks do). A waiter cancelled meanwhile gets `CancellationError`.
final class LoopFuture: Sendable {
    fileprivate struct State {
        var outcome: Result<Void, any Error>?
        var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
        var next = 0
    }
    fileprivate let state = Mutex(State())

    /// `fut.done()`.
    var done: Bool { state.withLock { $0.outcome != nil } }

    /// The exception it was resolved with, if any.
    var failure: (any Error)? {
        state.withLock { state in
            if case .failure(let error)? = state.outcome { return error }
            return nil
        }
    }

    /// `fut.set_result(None)`; nothing if already done.
    func setResult() { finish(.success(())) }

    /// `fut.set_exception(exc)`; nothing if already done.
    func setException(_ error: any Error) { finish(.failure(error)) }

    /// `fut.cancel()`: its waiters get `CancellationError`.
    func cancel() { finish(.failure(CancellationError())) }

    private func finish(_ outcome: Result<Void, any Error>) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            guard state.outcome == nil else { return [] }
            state.outcome = outcome
            defer { state.waiters = [] }
            return state.waiters.map(\.continuation)
        }
        for waiter in waiters { waiter.resume(with: outcome) }
    }

    /// `await fut`.
    func wait() async throws {
        let id = state.withLock { state -> Int in
            state.next += 1
            return state.next
        }
        if let hook = asyncio.EventLoop.current?.currentHook() { return try await wait(id, hook) }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let now = state.withLock { state -> Result<Void, any Error>? in
                    if let outcome = state.outcome { return outcome }
                    if _Concurrency.Task.isCancelled { return .failure(CancellationError()) }
                    state.waiters.append((id, continuation))
                    return nil
                }
                if let now { continuation.resume(with: now) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index).continuation
            }
            waiter?.resume(throwing: CancellationError())
        }
    }
}

extension LoopFuture {
    /// `await fut` in a task the loop runs: a cancel request reaches it through the task's hook, once.
    private func wait(_ id: Int, _ hook: TaskHook) async throws {
        try hook.checkOwed()
        var failure: (any Error)?
        do {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let now = state.withLock { state -> Result<Void, any Error>? in
                    if let outcome = state.outcome { return outcome }
                    state.waiters.append((id, continuation))
                    return nil
                }
                if let now {
                    continuation.resume(with: now)
                } else {
                    hook.waiter = { self.cancelWait(id) }
                }
            }
        } catch {
            failure = error
        }
        hook.waiter = nil
        try hook.checkOwed()
        if let failure { throw failure }
    }

    /// Stops the wait `id` with `CancellationError`; false if it was woken already.
    private func cancelWait(_ id: Int) -> Bool {
        let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index).continuation
        }
        guard let waiter else { return false }
        waiter.resume(throwing: CancellationError())
        return true
    }
}

/// Hands a value that only the loop thread touches into a task the loop runs.
struct LoopBound<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

extension asyncio {
    /// `loop.call_soon(callback)`: runs `body` on the running loop at its next turn, after the
    /// jobs already queued (a task of its own; nothing runs without a running loop).
    static func callSoon(_ body: @escaping @Sendable () -> Void) {
        guard EventLoop.current != nil else { return }
        loopTask { body() }
    }

    /// asyncio's `_DEFAULT_LIMIT`: 64 KiB.
    static let defaultLimit = 65536
}

/// The receive buffers of the streams: `max_size` (256 KiB, CPython's) each, lent for one
/// `recv(2)` on the loop thread and given back at once, so a process needs about one per loop.
enum ReceiveBuffers {
    /// asyncio's `_SelectorTransport.max_size`: what one `recv` asks for.
    static let size = 256 * 1024
    private static let free = Mutex<[UInt]>([])

    /// Runs `body` with a buffer of `size` bytes.
    static func with<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        let address = free.withLock { $0.popLast() }
        let buffer: UnsafeMutableRawBufferPointer
        if let address, let pointer = UnsafeMutableRawPointer(bitPattern: address) {
            buffer = UnsafeMutableRawBufferPointer(start: pointer, count: size)
        } else {
            buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        }
        defer {
            let kept = free.withLock { list -> Bool in
                guard list.count < 8 else { return false }
                list.append(UInt(bitPattern: buffer.baseAddress))
                return true
            }
            if !kept { buffer.deallocate() }
        }
        return try body(buffer)
    }
}

/// The bytes a `StreamReader` holds: Python's `bytearray` with cheap removal at the front.
struct ByteBuffer {
    private var storage: [UInt8] = []
    private var head = 0

    var count: Int { storage.count - head }
    var isEmpty: Bool { count == 0 }

    mutating func append(_ data: UnsafeRawBufferPointer) {
        if head > 0 && head >= storage.count / 2 {
            storage.removeFirst(head)
            head = 0
        }
        storage.append(contentsOf: data)
    }

    mutating func append(_ data: bytes) {
        data.withUnsafeBytes { append($0) }
    }

    /// `bytes(buf[:n])`, removed from the buffer.
    mutating func take(_ n: Int) -> bytes {
        let n = min(max(n, 0), count)
        let chunk = storage.withUnsafeBytes { bytes(copying: UnsafeRawBufferPointer(rebasing: $0[head..<head + n])) }
        head += n
        if head == storage.count {
            storage.removeAll(keepingCapacity: storage.count <= 1 << 20)
            head = 0
        }
        return chunk
    }

    /// `buf.clear()`.
    mutating func clear() {
        storage.removeAll(keepingCapacity: false)
        head = 0
    }

    /// `buf.find(sep, start)`: the offset of the first `separator` at or after `start`, or -1.
    func find(_ separator: bytes, _ start: Int) -> Int {
        let n = separator.count
        guard n > 0, start >= 0, count - start >= n else { return n == 0 && start <= count ? start : -1 }
        return storage.withUnsafeBytes { raw in
            separator.withUnsafeBytes { sep in
                let first = sep[0]
                var i = head + start
                let last = storage.count - n
                while i <= last {
                    if raw[i] == first {
                        var j = 1
                        while j < n && raw[i + j] == sep[j] { j += 1 }
                        if j == n { return i - head }
                    }
                    i += 1
                }
                return -1
            }
        }
    }

    /// `buf.startswith(sep, start)`.
    func startsWith(_ separator: bytes, at start: Int) -> Bool {
        guard start >= 0, count - start >= separator.count else { return false }
        return find(separator, start) == start
    }
}
