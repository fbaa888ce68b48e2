// The loop outside a running loop: what get_running_loop() returns there, and the check every loop method makes.
import PySocket

/// The backend of `EventLoop.notRunning`: holds no descriptor and is never waited on (every
/// loop method raises RuntimeError before it reaches a backend).
final class NotRunningBackend: IOBackend {
    var kind: asyncio.Backend { .poll }
    var completesIO: Bool { false }
    func submit(_ token: UInt64, _ request: IORequest) throws(Errno) { throw Errno(System.EBADF) }
    func cancel(_ token: UInt64, fd: Int32) -> Bool { true }
    func cancelAll(fd: Int32, _ body: (UInt64, Bool) -> Void) {}
    func wait(timeout: UInt64?, _ deliver: (UInt64, Int32) -> Void) throws(Errno) {}
    func wakeup() {}
    func close() {}
}

extension asyncio.EventLoop {
    /// CPython's `get_running_loop()` error, raised by the first operation on the loop
    /// `get_running_loop()` returned outside a running loop.
    @inline(__always)
    func checkRunning() throws {
        if !isRunnable { throw RuntimeError("no running event loop") }
    }
}
