// The one shape of every buffer transfer on the loop: try the call, classify its errno, then wait for readiness or run it in the kernel.
import PySocket

extension asyncio.EventLoop {
    /// Moves bytes on `sock` with one call: `attempt` (a `recv(2)` or `send(2)` through the
    /// socket's kernel) when the backend thinks it worth trying, else (or on EAGAIN) the
    /// backend's way to wait: `inKernel(fd)` run by the kernel on io_uring for a socket on the
    /// native interface, a readiness wait and another attempt elsewhere. Returns the count
    /// moved (`requested` is what the call asked for: a stream call that moved less tells the
    /// backend). EINTR retries; any other errno raises its Python exception. `tryFirst` false:
    /// wait before the first attempt (after a partial send, as asyncio does).
    @inline(__always)
    nonisolated(nonsending) func transfer(_ sock: socket, _ event: PollEvent, requested: Int, tryFirst: Bool = true,
                  attempt: (SocketHandle) throws(Errno) -> Int,
                  inKernel: (Int32) -> IORequest) async throws -> Int {
        let onLoop = isLoopThread
        var mayTry = tryFirst
        while true {
            let handle = sock.handle()
            let failure: Errno
            if mayTry && (!onLoop || io.worthTrying(handle.fd, event)) {
                do throws(Errno) {
                    let count = try attempt(handle)
                    if onLoop, count > 0 { io.transferred(handle.fd, event, all: count == requested) }
                    return count
                } catch {
                    failure = error
                }
            } else {
                failure = .EAGAIN
            }
            mayTry = true
            switch next(failure, event) {
            case .retry: continue
            case .fail: throw pythonError(failure)
            case .wait:
                guard native(handle) else {
                    try await wait(sock, event)
                    continue
                }
                if onLoop { io.wouldBlock(handle.fd, event) }
                let result = try await operate(sock, inKernel)
                if result >= 0 {
                    if onLoop, result > 0 { io.transferred(handle.fd, event, all: Int(result) == requested) }
                    return Int(result)
                }
                if case .fail = next(Errno(-result), event) { throw pythonError(Errno(-result)) }
            }
        }
    }
}
