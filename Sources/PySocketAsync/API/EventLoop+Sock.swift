// The loop's socket methods, asyncio's names and messages: sock_recv ... sock_accept, getaddrinfo, connections.
import PySocket

extension asyncio.EventLoop {
    /// asyncio's debug-mode check, always on: the socket must be in non-blocking mode.
    @inline(__always)
    func checkNonBlocking(_ sock: socket) throws {
        try checkRunning()
        if sock.gettimeout() != 0 { throw ValueError("the socket must be non-blocking") }
    }

    /// Readiness emulation: tries `call` now (through the socket, so through its interface);
    /// on EAGAIN (or EINTR) waits until the socket is ready for `event`, then tries again.
    @inline(__always)
    func attempt<R>(_ sock: socket, _ event: PollEvent, _ call: () throws -> R) async throws -> R {
        while true {
            do { return try call() } catch is BlockingIOError {} catch is InterruptedError {}
            try await wait(sock, event)
        }
    }

    /// The classifier's decision for a socket the loop waits on: EINTR retries; EAGAIN waits
    /// (the socket is non-blocking, so the loop does the waiting the timeout model would).
    @inline(__always)
    func next(_ failure: Errno, _ event: PollEvent) -> NextStep {
        classify(failure, timeout: .infinity, waitingFor: event)
    }

    /// Whether the backend should run `sock`'s calls in the kernel: io_uring, and a socket on
    /// the native interface (an injected one must see every call, so it gets readiness).
    @inline(__always)
    func native(_ handle: SocketHandle) -> Bool {
        io.completesIO && handle.kernel.isNative
    }

    /// `data = await loop.sock_recv(sock, nbytes)`: up to `nbytes` bytes; `b''` at end of stream.
    ///
    /// Python: `loop.sock_recv()`. C: `recv(2)`, then the backend's wait on EAGAIN (io_uring:
    /// `IORING_OP_RECV`).
    ///
    /// ```swift
    /// try asyncio.run {
    ///     let loop = asyncio.get_running_loop()
    ///     let (a, b) = try socket.socketpair()
    ///     try a.setblocking(false); try b.setblocking(false)
    ///     try await loop.sock_sendall(a, "hi")
    ///     print(try await loop.sock_recv(b, 10))   // b'hi'
    ///     a.close(); b.close()
    /// }
    /// ```
    ///
    /// Differs from CPython: the non-blocking check is always made (CPython: debug mode only).
    /// - Throws: `ValueError('the socket must be non-blocking')`, the socket's OSError,
    ///   `CancellationError`.
    nonisolated(nonsending) public func sock_recv(_ sock: socket, _ nbytes: Int) async throws -> bytes {
        try checkNonBlocking(sock)
        guard nbytes > 0 else {
            if nbytes < 0 { throw ValueError("negative buffersize in recv") }
            return bytes()
        }
        var data = try bytes(count: nbytes)
        while true {
            let handle = sock.handle()
            var failure = Errno(0)
            let count: Int = data.storage.withUnsafeMutableBytes { buffer in
                do throws(Errno) {
                    return try attemptRecv(handle, buffer, 0)
                } catch {
                    failure = error
                    return -1
                }
            }
            if count >= 0 {
                data.storage.removeLast(nbytes - min(count, nbytes))
                return data
            }
            switch next(failure, .readable) {
            case .retry: continue
            case .fail: throw pythonError(failure)
            case .wait:
                guard native(handle) else {
                    try await wait(sock, .readable)
                    continue
                }
                // The kernel writes into memory the operation owns until it completes.
                let owned = UnsafeMutableRawBufferPointer.allocate(byteCount: nbytes, alignment: 1)
                defer { owned.deallocate() }
                let result = try await operate(sock) { .recv(fd: $0, buffer: owned, flags: 0) }
                if result >= 0 {
                    return bytes(UnsafeRawBufferPointer(rebasing: owned[..<Int(result)]))
                }
                if case .fail = next(Errno(-result), .readable) { throw pythonError(Errno(-result)) }
            }
        }
    }

    /// `nbytes = await loop.sock_recv_into(sock, buf)`: receives into `buf`; returns the count.
    ///
    /// Python: `loop.sock_recv_into()`. C: `recv(2)`, then the backend's wait on EAGAIN.
    nonisolated(nonsending) public func sock_recv_into<Buffer: MutableCollection>(_ sock: socket, _ buf: inout Buffer) async throws -> Int where Buffer.Element == UInt8 {
        try checkNonBlocking(sock)
        while true {
            let handle = sock.handle()
            var failure = Errno(0)
            let count: Int?? = buf.withContiguousMutableStorageIfAvailable { storage in
                do throws(Errno) {
                    return try attemptRecv(handle, UnsafeMutableRawBufferPointer(storage), 0)
                } catch {
                    failure = error
                    return nil
                }
            }
            guard let count else { throw TypeError("recv_into() argument 1 must be read-write bytes-like object") }
            if let count { return count }
            switch next(failure, .readable) {
            case .retry: continue
            case .fail: throw pythonError(failure)
            case .wait: try await wait(sock, .readable)
            }
        }
    }

    /// `nbytes = await loop.sock_recv_into(sock, buf)` into memory the caller owns and keeps
    /// alive until the call returns (also when it is cancelled: the call returns only once the
    /// kernel has let go of the memory). On io_uring the kernel receives straight into it.
    ///
    /// Python: `loop.sock_recv_into()`. C: `recv(2)`; io_uring: `IORING_OP_RECV`.
    nonisolated(nonsending) public func sock_recv_into(_ sock: socket, _ buf: UnsafeMutableRawBufferPointer) async throws -> Int {
        try checkNonBlocking(sock)
        return try await transfer(sock, .readable, requested: buf.count,
                                  attempt: { handle throws(Errno) in try attemptRecv(handle, buf, 0) },
                                  inKernel: { .recv(fd: $0, buffer: buf, flags: 0) })
    }

    /// `data, address = await loop.sock_recvfrom(sock, bufsize)`: a datagram and its sender.
    ///
    /// Python: `loop.sock_recvfrom()`. C: `recvfrom(2)`.
    public func sock_recvfrom(_ sock: socket, _ bufsize: Int) async throws -> (bytes, SocketAddress) {
        try checkNonBlocking(sock)
        return try await attempt(sock, .readable) { try sock.recvfrom(bufsize) }
    }

    /// `nbytes, address = await loop.sock_recvfrom_into(sock, buf, nbytes=0)`: into `buf`
    /// (0: all of it).
    ///
    /// Python: `loop.sock_recvfrom_into()`. C: `recvfrom(2)`.
    public func sock_recvfrom_into<Buffer: MutableCollection>(_ sock: socket, _ buf: inout Buffer, _ nbytes: Int = 0) async throws -> (Int, SocketAddress) where Buffer.Element == UInt8 {
        try checkNonBlocking(sock)
        let count = nbytes == 0 ? buf.count : nbytes
        return try await attempt(sock, .readable) { try sock.recvfrom_into(&buf, count) }
    }

    /// `await loop.sock_sendall(sock, data)`: sends all of `data`, waiting as often as needed.
    /// If it fails or is cancelled, how much was sent is unknown, as in CPython.
    ///
    /// What the first `send(2)` does not take is copied once into memory the loop owns until
    /// the kernel is done with it; a send that goes through at once allocates nothing.
    ///
    /// Python: `loop.sock_sendall()`. C: `send(2)` with `MSG_NOSIGNAL`; io_uring: `IORING_OP_SEND`.
    nonisolated(nonsending) public func sock_sendall(_ sock: socket, _ data: bytes) async throws {
        try await sendall(sock, data.storage)
    }

    /// `await loop.sock_sendall(sock, data)` for any bytes.
    ///
    /// Python: `loop.sock_sendall()`. C: `send(2)` with `MSG_NOSIGNAL`.
    public func sock_sendall<Data: Sequence>(_ sock: socket, _ data: Data) async throws where Data.Element == UInt8 {
        try await sendall(sock, Array(data))
    }

    /// `await loop.sock_sendall(sock, data)` from memory the caller owns and keeps alive (and
    /// unchanged) until the call returns, also when it is cancelled; nothing is copied.
    ///
    /// Python: `loop.sock_sendall()`. C: `send(2)` with `MSG_NOSIGNAL`; io_uring: `IORING_OP_SEND`.
    nonisolated(nonsending) public func sock_sendall(_ sock: socket, _ data: UnsafeRawBufferPointer) async throws {
        try checkNonBlocking(sock)
        try await sendRest(sock, data, waitFirst: false)
    }

    @inline(__always)
    nonisolated(nonsending) private func sendall(_ sock: socket, _ data: [UInt8]) async throws {
        try checkNonBlocking(sock)
        // The first attempt straight from the array; the common case ends here.
        let handle = sock.handle()
        var failure = Errno(0)
        let sent: Int = data.withUnsafeBytes { raw in
            do throws(Errno) {
                return try attemptSend(handle, raw, 0)
            } catch {
                failure = error
                return -1
            }
        }
        if sent == data.count { return }
        if sent < 0, case .fail = next(failure, .writable) { throw pythonError(failure) }
        let start = max(sent, 0)
        let rest = UnsafeMutableRawBufferPointer.allocate(byteCount: data.count - start, alignment: 1)
        defer { rest.deallocate() }
        data.withUnsafeBytes { rest.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[start...])) }
        try await sendRest(sock, UnsafeRawBufferPointer(rest), waitFirst: sent >= 0)
    }

    /// Sends all of `buffer` (valid until this returns): try, and on EAGAIN or a partial send
    /// wait for writability (asyncio does not retry at once) or, on io_uring, send in the
    /// kernel. `waitFirst`: a partial send was just made, so the first step is the wait.
    @inline(__always)
    nonisolated(nonsending) private func sendRest(_ sock: socket, _ buffer: UnsafeRawBufferPointer, waitFirst: Bool) async throws {
        var offset = 0
        var tryFirst = !waitFirst
        while true {
            let part = UnsafeRawBufferPointer(rebasing: buffer[offset...])
            offset += try await transfer(sock, .writable, requested: part.count, tryFirst: tryFirst,
                                         attempt: { handle throws(Errno) in try attemptSend(handle, part, 0) },
                                         inKernel: { .send(fd: $0, buffer: part, flags: 0) })
            if offset == buffer.count { return }
            tryFirst = false
        }
    }

    /// `nbytes = await loop.sock_sendto(sock, data, address)`: sends a datagram to `address`.
    ///
    /// Python: `loop.sock_sendto()`. C: `sendto(2)`.
    public func sock_sendto(_ sock: socket, _ data: bytes, _ address: SocketAddress) async throws -> Int {
        try checkNonBlocking(sock)
        return try await attempt(sock, .writable) { try sock.sendto(data, address) }
    }

    /// `await loop.sock_connect(sock, address)`: connects, resolving a host name first for
    /// AF_INET/AF_INET6 sockets (with `loop.getaddrinfo`, off the loop thread) as asyncio does.
    ///
    /// Python: `loop.sock_connect()`. C: `connect(2)`, then `getsockopt(SO_ERROR)` once writable.
    /// - Throws: a connection that fails while in progress raises its OSError subclass with
    ///   asyncio's message, e.g. `ConnectionRefusedError(111, "Connect call failed ('127.0.0.1', 1)")`;
    ///   one that fails at once (AF_UNIX) raises the socket's own error.
    public func sock_connect(_ sock: socket, _ address: SocketAddress) async throws {
        try checkNonBlocking(sock)
        let target = try await resolved(sock, address)
        if connectedInKernel(sock, set: false) { return }
        if sock.type == socket.SOCK_STREAM, sock.family == socket.AF_INET || sock.family == socket.AF_INET6,
           inKernel(.connect, sock), !waitedOn(sock) {
            return try await connectInKernel(sock, target)
        }
        do {
            try sock.connect(target)
            return
        } catch is BlockingIOError {
        } catch is InterruptedError {
        }
        while true {
            try await wait(sock, .writable)
            let error = try sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if error == 0 { return }
            throw OSError.from(errno: error, "Connect call failed \(String(reflecting: target))")
        }
    }

    /// `await loop.sock_connect(sock, (host, port))`.
    ///
    /// Python: `loop.sock_connect()`. C: `connect(2)`.
    public func sock_connect(_ sock: socket, _ address: (String, Int)) async throws {
        try await sock_connect(sock, .inet(host: address.0, port: address.1))
    }

    /// asyncio's `_ensure_resolved`: a numeric host is used as is (an IPv6 one as the 4-tuple);
    /// a name goes through `getaddrinfo` and the first answer is used.
    private func resolved(_ sock: socket, _ address: SocketAddress) async throws -> SocketAddress {
        guard sock.family == socket.AF_INET || sock.family == socket.AF_INET6 else { return address }
        let host: String, port: Int, flowinfo: Int, scopeID: Int
        switch address {
        case .inet(let h, let p): (host, port, flowinfo, scopeID) = (h, p, 0, 0)
        case .inet6(let h, let p, let f, let s): (host, port, flowinfo, scopeID) = (h, p, f, s)
        default: return address
        }
        if numericHost(host, family: sock.family, type: sock.type, proto: sock.proto) {
            return sock.family == socket.AF_INET6
                ? .inet6(host: host, port: port, flowinfo: flowinfo, scope_id: scopeID)
                : .inet(host: host, port: port)
        }
        let infos = try await getaddrinfo(host, port, family: sock.family, type: sock.type, proto: sock.proto)
        guard let first = infos.first else { throw OSError("getaddrinfo() returned empty list") }
        return first.sockaddr
    }

    /// asyncio's `_ipaddr_info` test: is `host` already an address of `family`?
    private func numericHost(_ host: String, family: socket.AddressFamily, type: socket.SocketKind, proto: Int) -> Bool {
        guard [0, socket.IPPROTO_TCP, socket.IPPROTO_UDP].contains(proto),
              type == socket.SOCK_STREAM || type == socket.SOCK_DGRAM,
              !host.contains("%") else { return false }
        let families = family.rawValue == 0 ? [socket.AF_INET, socket.AF_INET6] : [family]
        return families.contains { (try? socket.inet_pton($0, host)) != nil }
    }

    /// `conn, address = await loop.sock_accept(sock)`: the next connection; the new socket is
    /// non-blocking, as asyncio returns it.
    ///
    /// Python: `loop.sock_accept()`. C: `accept4(2)`.
    public func sock_accept(_ sock: socket) async throws -> (socket, SocketAddress) {
        try checkNonBlocking(sock)
        if inKernel(.accept, sock) { return try await acceptInKernel(sock) }
        return try await attempt(sock, .readable) {
            let (conn, address) = try sock.accept()
            try conn.setblocking(false)
            return (conn, address)
        }
    }

    /// `await loop.sock_sendmsg(sock, buffers, ancdata, flags, address)`: `sendmsg` on the loop.
    ///
    /// Python: none (asyncio has no sock_sendmsg; PySocket only). C: `sendmsg(2)`.
    public func sock_sendmsg(_ sock: socket, _ buffers: [bytes], _ ancdata: [(Int, Int, bytes)] = [], _ flags: socket.MsgFlag = 0, _ address: SocketAddress? = nil) async throws -> Int {
        try checkNonBlocking(sock)
        return try await attempt(sock, .writable) { try sock.sendmsg(buffers, ancdata, flags, address) }
    }

    /// `data, ancdata, msg_flags, address = await loop.sock_recvmsg(sock, bufsize, ancbufsize, flags)`.
    ///
    /// Python: none (PySocket only). C: `recvmsg(2)`.
    public func sock_recvmsg(_ sock: socket, _ bufsize: Int, _ ancbufsize: Int = 0, _ flags: socket.MsgFlag = 0) async throws -> (bytes, [(Int, Int, bytes)], Int, SocketAddress) {
        try checkNonBlocking(sock)
        return try await attempt(sock, .readable) { try sock.recvmsg(bufsize, ancbufsize, flags) }
    }

    /// `await loop.sock_send_fds(sock, buffers, fds)`: `socket.send_fds` on the loop.
    ///
    /// Python: none (PySocket only). C: `sendmsg(2)` with `SCM_RIGHTS`.
    public func sock_send_fds(_ sock: socket, _ buffers: [bytes], _ fds: [Int32], _ flags: socket.MsgFlag = 0, _ address: SocketAddress? = nil) async throws -> Int {
        try checkNonBlocking(sock)
        return try await attempt(sock, .writable) { try socket.send_fds(sock, buffers, fds, flags, address) }
    }

    /// `data, fds, msg_flags, address = await loop.sock_recv_fds(sock, bufsize, maxfds)`.
    ///
    /// Python: none (PySocket only). C: `recvmsg(2)` with `SCM_RIGHTS`.
    public func sock_recv_fds(_ sock: socket, _ bufsize: Int, _ maxfds: Int, _ flags: socket.MsgFlag = 0) async throws -> (bytes, [Int32], Int, SocketAddress) {
        try checkNonBlocking(sock)
        return try await attempt(sock, .readable) { try socket.recv_fds(sock, bufsize, maxfds, flags) }
    }

    /// `sent = await loop.sock_sendfile(sock, file, offset=0, count=None)`: sends the file open
    /// at descriptor `file` from `offset` until its end or `count` bytes; returns the count.
    ///
    /// Python: `loop.sock_sendfile()`. C: `sendfile(2)`; `pread(2)` and `send(2)` when the
    /// descriptor is not something `sendfile(2)` reads.
    ///
    /// Differs from CPython: `file` is a descriptor and its position is not moved (as the sync
    /// `sendfile`); no `fallback=False` (the fallback is always allowed).
    /// - Throws: `ValueError('the socket must be non-blocking')`,
    ///   `ValueError('only SOCK_STREAM type sockets are supported')`,
    ///   `ValueError('count must be a positive integer (got 0)')`,
    ///   `ValueError('offset must be a non-negative integer (got -1)')`.
    public func sock_sendfile(_ sock: socket, _ file: Int32, _ offset: Int = 0, _ count: Int? = nil) async throws -> Int {
        try checkNonBlocking(sock)
        if sock.type != socket.SOCK_STREAM { throw ValueError("only SOCK_STREAM type sockets are supported") }
        if let count, count <= 0 { throw ValueError("count must be a positive integer (got \(count))") }
        if offset < 0 { throw ValueError("offset must be a non-negative integer (got \(offset))") }
        var position = Int64(offset)
        var total = 0
        while count.map({ total < $0 }) ?? true {
            let chunk = min((count ?? Int.max) - total, 1 << 30)
            let fd = sock.fileno()
            do throws(Errno) {
                let sent = try System.sendfile(fd, file, &position, chunk)
                if sent == 0 { break }
                total += sent
            } catch {
                if error.rawValue == System.EAGAIN || error.rawValue == System.EINTR {
                    try await wait(sock, .writable)
                    continue
                }
                if total == 0 && (error.rawValue == Int32(PySocket.errno.EINVAL) || error.rawValue == System.ENOSYS) {
                    return try await sendfileWithSend(sock, file, offset, count)
                }
                throw OSError.from(errno: Int(error.rawValue))
            }
        }
        return total
    }

    /// asyncio's `_sock_sendfile_fallback`: reads chunks with `pread(2)` and sends them.
    private func sendfileWithSend(_ sock: socket, _ file: Int32, _ offset: Int, _ count: Int?) async throws -> Int {
        var total = 0
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        while count.map({ total < $0 }) ?? true {
            let size = min(chunk.count, (count ?? Int.max) - total)
            let got = try chunk.withUnsafeMutableBytes { buffer in
                do throws(Errno) {
                    return try System.pread(file, UnsafeMutableRawBufferPointer(rebasing: buffer[..<size]), Int64(offset + total))
                } catch {
                    throw OSError.from(errno: Int(error.rawValue))
                }
            }
            if got == 0 { break }
            try await sock_sendall(sock, chunk[..<got])
            total += got
        }
        return total
    }

    /// `infos = await loop.getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`:
    /// `socket.getaddrinfo` off the loop thread; a numeric host and port is answered inline.
    ///
    /// Python: `loop.getaddrinfo()`. C: `getaddrinfo(3)` on another thread.
    public func getaddrinfo(_ host: String?, _ port: Int?, family: socket.AddressFamily = 0, type: socket.SocketKind = 0, proto: Int = 0, flags: socket.AddressInfo = 0) async throws -> socket.TupleList<socket.AddrInfo> {
        try checkRunning()
        if host.map({ numericHost($0, family: family, type: type == 0 ? socket.SOCK_STREAM : type, proto: 0) }) ?? true {
            return try socket.getaddrinfo(host, port, family: family, type: type, proto: proto, flags: flags)
        }
        return try await offThread { try socket.getaddrinfo(host, port, family: family, type: type, proto: proto, flags: flags) }
    }

    /// `infos = await loop.getaddrinfo(host, port)` with the port as a service name or text.
    ///
    /// Python: `loop.getaddrinfo()`. C: `getaddrinfo(3)` on another thread.
    public func getaddrinfo(_ host: String?, _ port: String, family: socket.AddressFamily = 0, type: socket.SocketKind = 0, proto: Int = 0, flags: socket.AddressInfo = 0) async throws -> socket.TupleList<socket.AddrInfo> {
        try checkRunning()
        return try await offThread { try socket.getaddrinfo(host, port, family: family, type: type, proto: proto, flags: flags) }
    }

    /// `host, port = await loop.getnameinfo(sockaddr, flags=0)`: `socket.getnameinfo` off the
    /// loop thread; with `NI_NUMERICHOST | NI_NUMERICSERV` answered inline.
    ///
    /// Python: `loop.getnameinfo()`. C: `getnameinfo(3)` on another thread.
    public func getnameinfo(_ sockaddr: SocketAddress, _ flags: Int = 0) async throws -> (host: String, port: String) {
        try checkRunning()
        let numeric = socket.NI_NUMERICHOST | socket.NI_NUMERICSERV
        if flags & numeric == numeric { return try socket.getnameinfo(sockaddr, flags) }
        return try await offThread { try socket.getnameinfo(sockaddr, flags) }
    }

    /// Runs a blocking call on another thread and resumes on the loop when it is done.
    private func offThread<R: Sendable>(_ call: @escaping @Sendable () throws -> R) async throws -> R {
        try await _Concurrency.Task.detached { try call() }.value
    }

    /// `for try await (conn, address) in loop.connections(listener)`: the listener's incoming
    /// connections, each non-blocking, until the listener is closed.
    ///
    /// Running out of descriptors (EMFILE, ENFILE, ENOBUFS, ENOMEM) waits a second and tries
    /// again, as asyncio's servers do, instead of spinning.
    ///
    /// Python: none (asyncio has no such iterator; PySocket only). C: `accept4(2)`.
    public func connections(_ listener: socket) -> Connections {
        Connections(loop: self, listener: listener)
    }

    /// The connections of a listener, as an `AsyncSequence` of `(conn, address)`.
    ///
    /// Python: none (PySocket only; asyncio loops over `sock_accept`). C: `accept4(2)`.
    public struct Connections: AsyncSequence, Sendable {
        public typealias Element = (socket, SocketAddress)
        let loop: asyncio.EventLoop
        let listener: socket

        /// Accepts the next connection each time.
        ///
        /// Python: none (PySocket only). C: `accept4(2)`.
        public struct AsyncIterator: AsyncIteratorProtocol {
            let loop: asyncio.EventLoop
            let listener: socket

            /// The next connection; nil once the listener is closed.
            ///
            /// Python: `await loop.sock_accept(srv)`. C: `accept4(2)`.
            public mutating func next() async throws -> (socket, SocketAddress)? {
                while true {
                    if listener.fileno() < 0 { return nil }
                    do {
                        return try await loop.sock_accept(listener)
                    } catch let error as OSError {
                        let code = error.errno.map { Int32(clamping: $0) } ?? 0
                        if code == System.EBADF && listener.fileno() < 0 { return nil }
                        guard [System.EMFILE, System.ENFILE, System.ENOBUFS, System.ENOMEM].contains(code) else { throw error }
                        try await loop.sleep(nanoseconds: 1_000_000_000)
                    }
                }
            }
        }

        public func makeAsyncIterator() -> AsyncIterator {
            AsyncIterator(loop: loop, listener: listener)
        }
    }
}
