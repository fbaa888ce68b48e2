// asyncio's protocol classes (Protocol, DatagramProtocol) and loop.create_server / loop.create_connection over them.
import PySocket

/// What a `Transport` tells about its connection: the streams' protocol, or a user's `Protocol`.
protocol TransportSink: AnyObject {
    func connection_made(_ transport: asyncio.Transport)
    func data_received(_ data: UnsafeRawBufferPointer)
    /// True keeps the transport open for writing; false closes it.
    func eof_received() -> Bool
    func connection_lost(_ error: (any Error)?)
    func pause_writing()
    func resume_writing()
}

extension asyncio {
    /// `asyncio.BaseProtocol`: what every protocol class has: `connection_lost`,
    /// `pause_writing`, `resume_writing`. Subclass `Protocol` or `DatagramProtocol`.
    ///
    /// Python: `asyncio.BaseProtocol`. C: none.
    open class BaseProtocol {
        /// `BaseProtocol()`.
        ///
        /// Python: `asyncio.BaseProtocol()`. C: none.
        public init() {}

        /// `connection_lost(exc)`: the connection is closed; `exc` is nil for a normal close
        /// or EOF, else the error that closed it.
        ///
        /// Python: `BaseProtocol.connection_lost()`. C: none.
        open func connection_lost(_ exc: (any Error)?) throws {}

        /// `pause_writing()`: the transport's buffer went over its high-water mark.
        ///
        /// Python: `BaseProtocol.pause_writing()`. C: none.
        open func pause_writing() throws {}

        /// `resume_writing()`: the transport's buffer drained to its low-water mark.
        ///
        /// Python: `BaseProtocol.resume_writing()`. C: none.
        open func resume_writing() throws {}
    }

    /// `asyncio.Protocol`: a stream protocol class, subclassed and handed to
    /// `loop.create_server` / `loop.create_connection`; the loop calls its methods on the loop
    /// thread. Swift writes `Protocol` in backquotes here (`X.Protocol` is Swift's metatype syntax).
    ///
    /// Python: `asyncio.Protocol`. C: none.
    ///
    /// Differs from CPython: an exception a method throws closes the transport with that
    /// error, as CPython's `_fatal_error` does, without CPython's log message.
    open class `Protocol`: BaseProtocol {
        /// `connection_made(transport)`: the connection is up; keep `transport` to write.
        ///
        /// Python: `BaseProtocol.connection_made()`. C: none.
        open func connection_made(_ transport: Transport) throws {}

        /// `data_received(data)`: bytes arrived.
        ///
        /// Python: `Protocol.data_received()`. C: none.
        open func data_received(_ data: bytes) throws {}

        /// `eof_received()`: the peer sent EOF. Return nil or false (Python's `None`) to close
        /// the transport, true to keep it open for writing.
        ///
        /// Python: `Protocol.eof_received()`. C: none.
        open func eof_received() throws -> Bool? { nil }
    }

    /// `asyncio.DatagramProtocol`: a datagram protocol class for
    /// `loop.create_datagram_endpoint`.
    ///
    /// Python: `asyncio.DatagramProtocol`. C: none.
    open class DatagramProtocol: BaseProtocol {
        /// `connection_made(transport)`: the endpoint is ready; keep `transport` to send.
        ///
        /// Python: `BaseProtocol.connection_made()`. C: none.
        open func connection_made(_ transport: DatagramTransport) throws {}

        /// `datagram_received(data, addr)`: a datagram arrived from `addr`.
        ///
        /// Python: `DatagramProtocol.datagram_received()`. C: none.
        open func datagram_received(_ data: bytes, _ addr: SocketAddress) throws {}

        /// `error_received(exc)`: a send or receive failed (`ConnectionRefusedError` after an
        /// ICMP port unreachable...); the endpoint stays open.
        ///
        /// Python: `DatagramProtocol.error_received()`. C: none.
        open func error_received(_ exc: any Error) throws {}
    }

    /// Runs a user protocol under a `Transport`.
    final class ProtocolSink: TransportSink {
        let user: `Protocol`
        weak var transport: Transport?

        init(_ user: `Protocol`) { self.user = user }

        private func guarded(_ body: () throws -> Void) {
            do { try body() } catch { transport?.fatalError(error) }
        }

        func connection_made(_ transport: Transport) {
            self.transport = transport
            guarded { try user.connection_made(transport) }
        }

        func data_received(_ data: UnsafeRawBufferPointer) {
            guarded { try user.data_received(bytes(copying: data)) }
        }

        func eof_received() -> Bool {
            do {
                return try user.eof_received() ?? false
            } catch {
                transport?.fatalError(error)
                return true
            }
        }

        func connection_lost(_ error: (any Error)?) { try? user.connection_lost(error) }

        func pause_writing() { guarded { try user.pause_writing() } }

        func resume_writing() { guarded { try user.resume_writing() } }
    }
}

extension asyncio.StreamProtocol: TransportSink {}

extension asyncio.EventLoop {
    /// `server = await loop.create_server(protocol_factory, host, port)`: listens as
    /// `start_server` does and, for each connection, calls `protocol_factory()` and runs the
    /// protocol it returns over the connection's transport.
    ///
    /// Python: `loop.create_server()`. C: `socket(2)`, `bind(2)`, `listen(2)`, `accept4(2)`.
    ///
    /// Differs from CPython: no `ssl`; the factory returns a subclass of `asyncio.Protocol`.
    /// - Throws: as `start_server`.
    public func create_server<P: asyncio.`Protocol`>(_ protocol_factory: @escaping () throws -> P, _ host: String? = nil,
                                                      _ port: Int? = nil, family: socket.AddressFamily = 0,
                                                      flags: socket.AddressInfo = socket.AI_PASSIVE, sock: socket? = nil,
                                                      backlog: Int = 100, reuse_address: Bool? = nil, reuse_port: Bool? = nil,
                                                      keep_alive: Bool? = nil, start_serving: Bool = true) async throws -> asyncio.Server {
        try asyncio.checkRunning(self)
        let factory = LoopBound(protocol_factory)
        let server = try await asyncio.startServer({ _, _ in }, host == nil && port == nil ? nil : [host == "" ? nil : host], port,
                                                   limit: asyncio.defaultLimit, family: family, flags: flags, sock: sock,
                                                   backlog: backlog, reuse_address: reuse_address, reuse_port: reuse_port,
                                                   keep_alive: keep_alive, start_serving: false,
                                                   sink: { asyncio.ProtocolSink(try factory.value()) })
        if start_serving { try await server.start_serving() }
        return server
    }

    /// `transport, protocol = await loop.create_connection(protocol_factory, host, port)`:
    /// connects over TCP as `open_connection` does and runs `protocol_factory()`'s protocol
    /// over the connection.
    ///
    /// Python: `loop.create_connection()`. C: `getaddrinfo(3)`, `socket(2)`, `connect(2)`.
    ///
    /// Differs from CPython: no `ssl`, `happy_eyeballs_delay`, `interleave`.
    /// - Throws: as `open_connection` (`ConnectionRefusedError(111, "Connect call failed
    ///   ('127.0.0.1', 1)")`...).
    public func create_connection<P: asyncio.`Protocol`>(_ protocol_factory: @escaping () throws -> P, _ host: String? = nil,
                                                          _ port: Int? = nil, family: socket.AddressFamily = 0, proto: Int = 0,
                                                          flags: socket.AddressInfo = 0, sock: socket? = nil,
                                                          local_addr: (String, Int)? = nil,
                                                          all_errors: Bool = false) async throws -> (asyncio.Transport, P) {
        try asyncio.checkRunning(self)
        let connected: socket
        if host != nil || port != nil {
            if sock != nil { throw ValueError("host/port and sock can not be specified at the same time") }
            connected = try await asyncio.connect(self, host, port, family: family, proto: proto, flags: flags,
                                                  local: local_addr, all_errors: all_errors)
        } else {
            guard let sock else { throw ValueError("host and port was not specified and no sock specified") }
            if sock.type != socket.SOCK_STREAM { throw ValueError("A Stream Socket was expected, got \(String(reflecting: sock))") }
            connected = sock
        }
        return try await asyncio.startProtocol(self, connected, protocol_factory)
    }
}

extension asyncio.EventLoop {
    /// `server = await loop.create_unix_server(protocol_factory, path)`: listens on an AF_UNIX
    /// stream socket as `start_unix_server` does and runs `protocol_factory()`'s protocol over
    /// each connection.
    ///
    /// Python: `loop.create_unix_server()`. C: `socket(2)`, `bind(2)`, `listen(2)`, `accept4(2)`.
    ///
    /// Differs from CPython: no `ssl`.
    /// - Throws: as `start_unix_server`.
    public func create_unix_server<P: asyncio.`Protocol`>(_ protocol_factory: @escaping () throws -> P, _ path: String? = nil,
                                                           sock: socket? = nil, backlog: Int = 100, start_serving: Bool = true,
                                                           cleanup_socket: Bool = true) async throws -> asyncio.Server {
        try asyncio.checkRunning(self)
        let factory = LoopBound(protocol_factory)
        return try await asyncio.startUnixServer(self, { _, _ in }, path, limit: asyncio.defaultLimit, sock: sock, backlog: backlog,
                                                 start_serving: start_serving, cleanup_socket: cleanup_socket,
                                                 sink: { asyncio.ProtocolSink(try factory.value()) })
    }

    /// `transport, protocol = await loop.create_unix_connection(protocol_factory, path)`:
    /// connects to an AF_UNIX stream socket as `open_unix_connection` does and runs
    /// `protocol_factory()`'s protocol over it.
    ///
    /// Python: `loop.create_unix_connection()`. C: `socket(2)`, `connect(2)`.
    ///
    /// Differs from CPython: no `ssl`.
    /// - Throws: as `open_unix_connection` (`FileNotFoundError(2, 'No such file or directory')`...).
    public func create_unix_connection<P: asyncio.`Protocol`>(_ protocol_factory: @escaping () throws -> P, _ path: String? = nil,
                                                               sock: socket? = nil) async throws -> (asyncio.Transport, P) {
        try asyncio.checkRunning(self)
        let connected = try await asyncio.unixConnect(self, path, sock)
        return try await asyncio.startProtocol(self, connected, protocol_factory)
    }
}

extension asyncio {
    /// CPython's RuntimeError for a loop that does not run.
    static func checkRunning(_ loop: EventLoop) throws {
        guard loop.isRunnable, EventLoop.current === loop else { throw RuntimeError("no running event loop") }
    }
}

extension asyncio.ExtraInfo: Equatable {
    /// `a == b`: the same address (or both None, or the same socket).
    ///
    /// Python: `==` on the values.
    public static func == (a: asyncio.ExtraInfo, b: asyncio.ExtraInfo) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.address(let x), .address(let y)): return String(reflecting: x) == String(reflecting: y)
        case (.socket(let x), .socket(let y)): return x === y
        default: return false
        }
    }
}

extension asyncio.StreamWriter: Hashable {
    /// `a == b`: the same writer (Python compares writers by identity).
    ///
    /// Python: `object.__eq__`.
    public static func == (a: asyncio.StreamWriter, b: asyncio.StreamWriter) -> Bool { a === b }

    /// `hash(writer)`: by identity, so that writers go in a `set`.
    ///
    /// Python: `object.__hash__`.
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

extension asyncio {
    /// The end of `create_connection`/`create_unix_connection`: the user's protocol made by
    /// `factory` over `connected` (closed if the factory throws) and its transport.
    static func startProtocol<P: asyncio.`Protocol`>(_ loop: EventLoop, _ connected: socket, _ factory: () throws -> P) async throws -> (Transport, P) {
        let user: P
        do {
            user = try factory()
        } catch {
            connected.close()
            throw error
        }
        return (try await makeTransport(loop, connected, ProtocolSink(user)), user)
    }
}
