// The "try now" half of readiness emulation: one system call through the socket's own kernel, no waiting.
import PySocket

extension asyncio.EventLoop {
    /// One `recv(2)` attempt on the socket of `handle` through its kernel (so an injected
    /// interface sees it); EAGAIN comes back as an `Errno` for the classifier, not an exception.
    @inline(__always)
    func attemptRecv(_ handle: SocketHandle, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32) throws(Errno) -> Int {
        try handle.kernel.recv(handle.fd, buffer, flags)
    }

    /// One `send(2)` attempt (the platform keeps SIGPIPE away).
    @inline(__always)
    func attemptSend(_ handle: SocketHandle, _ buffer: UnsafeRawBufferPointer, _ flags: Int32) throws(Errno) -> Int {
        try handle.kernel.send(handle.fd, buffer, flags)
    }
}
