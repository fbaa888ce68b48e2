// accept and connect run by the kernel (io_uring's IORING_OP_ACCEPT / IORING_OP_CONNECT, where the probe found them).
import PySocket

extension asyncio.EventLoop {
    /// Whether `sock`'s `call` can run in the kernel: a completion backend that has it, a socket
    /// on the native interface (an injected one must see every call), on the loop thread.
    @inline(__always)
    func inKernel(_ call: KernelCall, _ sock: socket) -> Bool {
        io.completesIO && isLoopThread && io.supports(call) && sock.kernel.isNative
    }

    /// `sock_accept` with the kernel doing the waiting: `accept4(2)` is tried first while the
    /// backend thinks it worth it (a backlog drains without a submission), then
    /// `IORING_OP_ACCEPT` (SOCK_CLOEXEC | SOCK_NONBLOCK) writes the peer's address into memory
    /// the operation owns. The new socket is non-blocking, as asyncio returns it.
    func acceptInKernel(_ sock: socket) async throws -> (socket, SocketAddress) {
        while true {
            let fd = sock.fileno()
            if io.worthTrying(fd, .readable) {
                do {
                    let (conn, address) = try sock.accept()
                    try conn.setblocking(false)
                    return (conn, address)
                } catch is BlockingIOError {
                    io.wouldBlock(fd, .readable)
                } catch is InterruptedError {
                    continue
                }
            }
            let peer = SockaddrBuffer()
            let result = try await operate(sock) { .accept(fd: $0, address: peer) }
            if result >= 0 {
                let conn = socket(owning: OwnedFD(result, sock.kernel), family: sock.family, type: sock.type,
                                  proto: sock.proto, timeout: 0)
                return (conn, peer.decoded())
            }
            if result == -System.EAGAIN || result == -System.EINTR { continue }
            throw pythonError(Errno(-result))
        }
    }

    /// `sock_connect` of a TCP socket the loop never waited on, with the kernel doing the
    /// waiting (`IORING_OP_CONNECT`): errors a connection in progress reports (refused, timed
    /// out, unreachable host, reset) carry asyncio's "Connect call failed" message; others
    /// carry the socket's own. The kernel's connect makes the second `connect(2)` that
    /// confirms the connection, so the loop remembers it: the next `sock_connect` returns
    /// None, as CPython's does when its own second `connect(2)` returns 0.
    ///
    /// A socket the loop has waited on (a connect again after a refusal, a connected socket)
    /// takes `connect(2)` and a readiness wait instead: the kernel's connect retries the
    /// ECONNABORTED that `connect(2)` reports once after a refusal, which asyncio passes
    /// through (the conformance replay showed it).
    func connectInKernel(_ sock: socket, _ target: SocketAddress) async throws {
        let encoded: Sockaddr
        do throws(AddressError) {
            encoded = try SockaddrCodec.encode(target, family: sock.family.rawValue, caller: "connect")
        } catch {
            throw pythonError(error)
        }
        let address = SockaddrBuffer(encoded)
        let result = try await operate(sock) { .connect(fd: $0, address: address) }
        if result >= 0 {
            _ = connectedInKernel(sock, set: true)
            return
        }
        let code = -result
        if [System.ECONNREFUSED, System.ETIMEDOUT, System.EHOSTUNREACH, System.ECONNRESET].contains(code) {
            throw OSError.from(errno: Int(code), "Connect call failed \(String(reflecting: target))")
        }
        throw pythonError(Errno(code))
    }
}
