// Spellings ported programs use: wait_for(timeout=), sleep(result=), memoryview receives, paths, extra info.

import PySocket

extension asyncio {
    /// `await asyncio.wait_for(aw, timeout=timeout)`: `wait_for` with its timeout passed by
    /// keyword, as Python programs often write it.
    ///
    /// `try await asyncio.wait_for(await reader.readline(), timeout: 1.0)`.
    ///
    /// Python: `asyncio.wait_for(aw, timeout=...)`. C: none.
    /// - Throws: `TimeoutError()`, or the operation's error.
    public static func wait_for<T: Sendable>(_ operation: @autoclosure @escaping @Sendable () async throws -> T, timeout: Double?) async throws -> T {
        try await wait_for(await operation(), timeout)
    }

    /// `await asyncio.sleep(delay, result=result)`: sleeps, then returns `result` (the keyword
    /// form of `sleep(delay, result)`).
    ///
    /// Python: `asyncio.sleep(delay, result=...)`. C: none.
    /// - Throws: `CancellationError` when cancelled.
    public static func sleep<T: Sendable>(_ delay: Double, result: T) async throws -> T {
        try await sleep(delay, result)
    }
}

extension asyncio.EventLoop {
    /// `nbytes = await loop.sock_recv_into(sock, memoryview(buf)[n:])`: receives into a writable
    /// buffer object (PyBuiltins' `memoryview`), so into the bytes it views.
    ///
    /// Python: `loop.sock_recv_into()` with a memoryview. C: `recv(2)`; io_uring: `IORING_OP_RECV`.
    /// - Throws: `TypeError('recv_into() argument 1 must be read-write bytes-like object, not
    ///   memoryview')` for a view of `bytes`.
    public func sock_recv_into(_ sock: socket, _ buf: any WritableBuffer) async throws -> Int {
        let memory = try buf.withWritableBytes("recv_into") { $0 }
        defer { withExtendedLifetime(buf) {} }
        return try await sock_recv_into(sock, memory)
    }

    /// `nbytes, address = await loop.sock_recvfrom_into(sock, memoryview(buf)[n:], nbytes=0)`:
    /// a datagram into a writable buffer object (PyBuiltins' `memoryview`).
    ///
    /// Python: `loop.sock_recvfrom_into()` with a memoryview. C: `recvfrom(2)`.
    public func sock_recvfrom_into(_ sock: socket, _ buf: any WritableBuffer, _ nbytes: Int = 0) async throws -> (Int, SocketAddress) {
        let memory = try buf.withWritableBytes("recvfrom_into") { $0 }
        defer { withExtendedLifetime(buf) {} }
        var view = memory
        return try await sock_recvfrom_into(sock, &view, nbytes)
    }

    /// `await loop.sock_connect(sock, path)`: connects an AF_UNIX socket to the path in a `str`
    /// (a string literal is already an address).
    ///
    /// Python: `loop.sock_connect()` with a path. C: `connect(2)`.
    public func sock_connect(_ sock: socket, _ path: String) async throws {
        try await sock_connect(sock, .unix(path))
    }

    /// `await loop.sock_connect(sock, (host, port, flowinfo, scope_id))`: AF_INET6's 4-tuple.
    ///
    /// Python: `loop.sock_connect()`. C: `connect(2)`.
    public func sock_connect(_ sock: socket, _ address: (String, Int, Int, Int)) async throws {
        try await sock_connect(sock, .inet6(host: address.0, port: address.1, flowinfo: address.2, scope_id: address.3))
    }
}

extension asyncio.ExtraInfo {
    /// The socket, or CPython's AttributeError for reading `attribute` of anything else.
    private func transportSocket(_ attribute: String) throws -> asyncio.TransportSocket {
        switch self {
        case .socket(let sock): return sock
        case .none: throw AttributeError("'NoneType' object has no attribute '\(attribute)'")
        case .address(let address):
            let kind: String
            switch address {
            case .unix: kind = "str"
            case .unixBytes: kind = "bytes"
            default: kind = "tuple"
            }
            throw AttributeError("'\(kind)' object has no attribute '\(attribute)'")
        }
    }

    /// `get_extra_info('socket').family`: the socket's address family.
    ///
    /// Python: `TransportSocket.family`. C: none.
    /// - Throws: `AttributeError("'NoneType' object has no attribute 'family'")` when the value is not a socket.
    public var family: socket.AddressFamily {
        get throws { try transportSocket("family").family }
    }

    /// `get_extra_info('socket').type`: the socket's kind.
    ///
    /// Python: `TransportSocket.type`. C: none.
    /// - Throws: `AttributeError` when the value is not a socket.
    public var type: socket.SocketKind {
        get throws { try transportSocket("type").type }
    }

    /// `get_extra_info('socket').proto`: the socket's protocol number.
    ///
    /// Python: `TransportSocket.proto`. C: none.
    /// - Throws: `AttributeError` when the value is not a socket.
    public var proto: Int {
        get throws { try transportSocket("proto").proto }
    }

    /// `get_extra_info('socket').fileno()`: the socket's descriptor.
    ///
    /// Python: `TransportSocket.fileno()`. C: none.
    /// - Throws: `AttributeError` when the value is not a socket.
    public func fileno() throws -> Int32 { try transportSocket("fileno").fileno() }

    /// `get_extra_info('socket').getsockname()`: the socket's own address.
    ///
    /// Python: `TransportSocket.getsockname()`. C: `getsockname(2)`.
    /// - Throws: `AttributeError` when the value is not a socket; the call's OSError.
    public func getsockname() throws -> SocketAddress { try transportSocket("getsockname").getsockname() }

    /// `get_extra_info('socket').getpeername()`: the peer's address.
    ///
    /// Python: `TransportSocket.getpeername()`. C: `getpeername(2)`.
    /// - Throws: `AttributeError` when the value is not a socket; the call's OSError.
    public func getpeername() throws -> SocketAddress { try transportSocket("getpeername").getpeername() }

    /// `get_extra_info('socket').getsockopt(level, optname)`: an integer option.
    ///
    /// Python: `TransportSocket.getsockopt()`. C: `getsockopt(2)`.
    /// - Throws: `AttributeError` when the value is not a socket; the call's OSError.
    public func getsockopt(_ level: Int, _ optname: Int) throws -> Int { try transportSocket("getsockopt").getsockopt(level, optname) }

    /// `get_extra_info('socket').setsockopt(level, optname, value)`: sets an integer option.
    ///
    /// Python: `TransportSocket.setsockopt()`. C: `setsockopt(2)`.
    /// - Throws: `AttributeError` when the value is not a socket; the call's OSError.
    public func setsockopt(_ level: Int, _ optname: Int, _ value: Int) throws { try transportSocket("setsockopt").setsockopt(level, optname, value) }
}
