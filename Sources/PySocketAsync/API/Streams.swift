// asyncio's stream functions: open_connection, open_unix_connection, start_server, start_unix_server.
import PySocket

extension asyncio {
    /// `client_connected_cb(reader, writer)`: what `start_server` runs, as a task on the loop,
    /// for each connection.
    ///
    /// Python: the `client_connected_cb` coroutine function. C: none.
    public typealias ClientConnected = @Sendable (StreamReader, StreamWriter) async throws -> Void

    /// `reader, writer = await asyncio.open_connection(host, port)`: connects over TCP and
    /// returns the connection's two streams.
    ///
    /// The host is resolved with `loop.getaddrinfo` (a numeric one inline) and every address
    /// is tried in turn, as `loop.create_connection` does.
    ///
    /// Python: `asyncio.open_connection()`. C: `getaddrinfo(3)`, `socket(2)`, `connect(2)`.
    ///
    /// ```swift
    /// try asyncio.run {
    ///     let server = try await asyncio.start_server({ reader, writer in
    ///         try writer.write(try await reader.readline())
    ///         writer.close()
    ///     }, "127.0.0.1", 0)
    ///     let port: Int = try server.sockets[0].getsockname()[1]
    ///     let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
    ///     try writer.write("ping\n")
    ///     try await writer.drain()
    ///     print(try await reader.readline())   // b'ping\n'
    ///     writer.close()
    ///     try await writer.wait_closed()
    ///     server.close()
    ///     try await server.wait_closed()
    /// }
    /// ```
    ///
    /// Differs from CPython: no `ssl`, `happy_eyeballs_delay`, `interleave`; `local_addr` is a
    /// `(host, port)` pair.
    /// - Throws: `ValueError('Limit cannot be <= 0')`; the connection's error (one address:
    ///   its error, e.g. `ConnectionRefusedError(111, "Connect call failed ('127.0.0.1', 1)")`;
    ///   several with different messages: `OSError('Multiple exceptions: ...')`; with
    ///   `all_errors`, an `ExceptionGroup('create_connection failed', ...)`).
    public static func open_connection(_ host: String? = nil, _ port: Int? = nil, limit: Int = 65536,
                                       family: socket.AddressFamily = 0, proto: Int = 0, flags: socket.AddressInfo = 0,
                                       sock: socket? = nil, local_addr: (String, Int)? = nil,
                                       all_errors: Bool = false) async throws -> (StreamReader, StreamWriter) {
        let loop = try runningLoop()
        let reader = try StreamReader(limit: limit)
        let stream = StreamProtocol(loop: loop, reader: reader)
        let connected: socket
        if host != nil || port != nil {
            if sock != nil { throw ValueError("host/port and sock can not be specified at the same time") }
            connected = try await connect(loop, host, port, family: family, proto: proto, flags: flags,
                                          local: local_addr, all_errors: all_errors)
        } else {
            guard let sock else { throw ValueError("host and port was not specified and no sock specified") }
            if sock.type != socket.SOCK_STREAM { throw ValueError("A Stream Socket was expected, got \(String(reflecting: sock))") }
            connected = sock
        }
        let transport = try await makeTransport(loop, connected, stream)
        return (reader, StreamWriter(transport, stream, reader))
    }

    /// `reader, writer = await asyncio.open_unix_connection(path)`: connects to an AF_UNIX
    /// stream socket.
    ///
    /// Python: `asyncio.open_unix_connection()`. C: `socket(2)`, `connect(2)`.
    /// - Throws: `ValueError('Limit cannot be <= 0')`, the socket's error
    ///   (`FileNotFoundError(2, 'No such file or directory')`...).
    public static func open_unix_connection(_ path: String? = nil, limit: Int = 65536, sock: socket? = nil) async throws -> (StreamReader, StreamWriter) {
        let loop = try runningLoop()
        let reader = try StreamReader(limit: limit)
        let stream = StreamProtocol(loop: loop, reader: reader)
        let connected = try await unixConnect(loop, path, sock)
        let transport = try await makeTransport(loop, connected, stream)
        return (reader, StreamWriter(transport, stream, reader))
    }

    /// The connected AF_UNIX socket of `open_unix_connection`/`create_unix_connection`.
    static func unixConnect(_ loop: EventLoop, _ path: String?, _ sock: socket?) async throws -> socket {
        let connected: socket
        if let path {
            if sock != nil { throw ValueError("path and sock can not be specified at the same time") }
            connected = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0)
            do {
                try connected.setblocking(false)
                try await loop.sock_connect(connected, .unix(path))
            } catch {
                connected.close()
                throw error
            }
        } else {
            guard let sock else { throw ValueError("no path and sock were specified") }
            if sock.family != socket.AF_UNIX || sock.type != socket.SOCK_STREAM {
                throw ValueError("A UNIX Domain Stream Socket was expected, got \(String(reflecting: sock))")
            }
            try sock.setblocking(false)
            connected = sock
        }
        return connected
    }

    /// `_create_connection_transport`: the transport over a connected socket, once it reads.
    static func makeTransport(_ loop: EventLoop, _ sock: socket, _ stream: any TransportSink) async throws -> Transport {
        try sock.setblocking(false)
        let transport = Transport(loop: loop, sock: sock, stream: stream, server: nil)
        let waiter = LoopFuture()
        transport.start(waiter)
        do {
            try await waiter.wait()
        } catch {
            transport.close()
            throw error
        }
        return transport
    }

    /// `loop.create_connection`'s loop over the resolved addresses.
    static func connect(_ loop: EventLoop, _ host: String?, _ port: Int?, family: socket.AddressFamily, proto: Int,
                                flags: socket.AddressInfo, local: (String, Int)?, all_errors: Bool) async throws -> socket {
        let infos = try await loop.getaddrinfo(host, port, family: family, type: socket.SOCK_STREAM, proto: proto, flags: flags)
        if infos.isEmpty { throw OSError("getaddrinfo() returned empty list") }
        var locals: socket.TupleList<socket.AddrInfo>?
        if let local {
            locals = try await loop.getaddrinfo(local.0, local.1, family: family, type: socket.SOCK_STREAM, proto: proto, flags: flags)
            if locals?.isEmpty ?? true { throw OSError("getaddrinfo() returned empty list") }
        }
        var errors: [any Error] = []
        for info in infos {
            let sock: socket
            do {
                sock = try socket.socket(info.family, info.type, info.proto)
            } catch let error as OSError {
                errors.append(error)
                continue
            }
            do {
                try sock.setblocking(false)
                if let locals { try bindLocal(sock, info.family, locals, &errors) }
                try await loop.sock_connect(sock, info.sockaddr)
                return sock
            } catch let error as OSError {
                errors.append(error)
                sock.close()
            } catch {
                sock.close()
                throw error
            }
        }
        if all_errors { throw ExceptionGroup("create_connection failed", errors) }
        if errors.count == 1 { throw errors[0] }
        let model = String(describing: errors[0])
        if errors.allSatisfy({ String(describing: $0) == model }) { throw errors[0] }
        throw OSError("Multiple exceptions: " + errors.map { String(describing: $0) }.joined(separator: ", "))
    }

    /// `_connect_sock`'s bind to the first local address of the same family.
    private static func bindLocal(_ sock: socket, _ family: socket.AddressFamily, _ locals: socket.TupleList<socket.AddrInfo>,
                                  _ errors: inout [any Error]) throws {
        var mine: [OSError] = []
        for local in locals where local.family == family {
            do {
                try sock.bind(local.sockaddr)
                return
            } catch let error as OSError {
                let text = String(describing: error).lowercased()
                mine.append(OSError.from(errno: error.errno ?? 0, "error while attempting to bind on address \(String(reflecting: local.sockaddr)): \(text)"))
            }
        }
        if let last = mine.popLast() {
            errors.append(contentsOf: mine)
            throw last
        }
        throw OSError("no matching local address with family=\(String(reflecting: family)) found")
    }

    /// `server = await asyncio.start_server(client_connected_cb, host, port)`: listens on every
    /// address `host` resolves to (nil or `""`: all interfaces) and runs
    /// `client_connected_cb(reader, writer)` as a task for each connection.
    ///
    /// As asyncio does: SO_REUSEADDR on, IPV6_V6ONLY on IPv6 sockets, backlog 100.
    ///
    /// Python: `asyncio.start_server()`. C: `socket(2)`, `setsockopt(2)`, `bind(2)`, `listen(2)`, `accept4(2)`.
    ///
    /// ```swift
    /// try asyncio.run {
    ///     let server = try await asyncio.start_server({ reader, writer in
    ///         for try await line in reader {
    ///             try writer.write(line.upper())
    ///             try await writer.drain()
    ///         }
    ///         writer.close()
    ///     }, "127.0.0.1", 0)
    ///     try await server.with { server in
    ///         let port: Int = try server.sockets[0].getsockname()[1]
    ///         let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
    ///         try writer.write("hi\n")
    ///         print(try await reader.readline())   // b'HI\n'
    ///         writer.close()
    ///     }
    /// }
    /// ```
    ///
    /// Differs from CPython: no `ssl`; `host` is one host (the `[String]` overload takes several).
    /// - Throws: `ValueError('Limit cannot be <= 0')` (at the first connection, as CPython's
    ///   factory raises it there), `OSError(98, "error while attempting to bind on address
    ///   ('127.0.0.1', 8888): [errno 98] address already in use")`.
    public static func start_server(_ client_connected_cb: @escaping ClientConnected, _ host: String? = nil, _ port: Int? = nil,
                                    limit: Int = 65536, family: socket.AddressFamily = 0, flags: socket.AddressInfo = socket.AI_PASSIVE,
                                    sock: socket? = nil, backlog: Int = 100, reuse_address: Bool? = nil, reuse_port: Bool? = nil,
                                    keep_alive: Bool? = nil, start_serving: Bool = true) async throws -> Server {
        let hosts: [String?]? = host == nil && port == nil ? nil : [host == "" ? nil : host]
        return try await startServer(client_connected_cb, hosts, port, limit: limit, family: family, flags: flags, sock: sock,
                                     backlog: backlog, reuse_address: reuse_address, reuse_port: reuse_port,
                                     keep_alive: keep_alive, start_serving: start_serving)
    }

    /// `server = await asyncio.start_server(client_connected_cb, [host1, host2], port)`:
    /// listens on the addresses of several hosts.
    ///
    /// Python: `asyncio.start_server()` with a sequence of hosts. C: as `start_server`.
    public static func start_server(_ client_connected_cb: @escaping ClientConnected, _ host: [String], _ port: Int? = nil,
                                    limit: Int = 65536, family: socket.AddressFamily = 0, flags: socket.AddressInfo = socket.AI_PASSIVE,
                                    backlog: Int = 100, reuse_address: Bool? = nil, reuse_port: Bool? = nil,
                                    keep_alive: Bool? = nil, start_serving: Bool = true) async throws -> Server {
        try await startServer(client_connected_cb, host.map { $0 }, port, limit: limit, family: family, flags: flags, sock: nil,
                              backlog: backlog, reuse_address: reuse_address, reuse_port: reuse_port,
                              keep_alive: keep_alive, start_serving: start_serving)
    }

    static func startServer(_ callback: @escaping ClientConnected, _ hosts: [String?]?, _ port: Int?, limit: Int,
                            family: socket.AddressFamily, flags: socket.AddressInfo, sock: socket?, backlog: Int,
                            reuse_address: Bool?, reuse_port: Bool?, keep_alive: Bool?,
                            start_serving: Bool, sink: (() throws -> any TransportSink)? = nil) async throws -> Server {
        let loop = try runningLoop()
        var sockets: [socket]
        if let hosts {
            if sock != nil { throw ValueError("host/port and sock can not be specified at the same time") }
            sockets = try await bindAll(loop, hosts, port, family: family, flags: flags, reuse_address: reuse_address ?? true,
                                        reuse_port: reuse_port ?? false, keep_alive: keep_alive ?? false)
        } else {
            guard let sock else { throw ValueError("Neither host/port nor sock were specified") }
            if sock.type != socket.SOCK_STREAM { throw ValueError("A Stream Socket was expected, got \(String(reflecting: sock))") }
            sockets = [sock]
        }
        for sock in sockets { try sock.setblocking(false) }
        let server = Server(loop: loop, sockets: sockets, backlog: backlog, limit: limit, callback: callback)
        server.sinkFactory = sink
        if start_serving {
            try server.startServing()
            try await asyncio.sleep(0)
        }
        return server
    }

    /// `create_server`'s sockets: one per distinct address of the hosts, each bound.
    private static func bindAll(_ loop: EventLoop, _ hosts: [String?], _ port: Int?, family: socket.AddressFamily,
                                flags: socket.AddressInfo, reuse_address: Bool, reuse_port: Bool, keep_alive: Bool) async throws -> [socket] {
        var infos: [socket.AddrInfo] = []
        for host in hosts {
            let found = try await loop.getaddrinfo(host, port, family: family, type: socket.SOCK_STREAM, proto: 0, flags: flags)
            if found.isEmpty { throw OSError("getaddrinfo(\(host.map { String(reflecting: PythonText($0)) } ?? "None")) returned empty list") }
            for info in found where !infos.contains(where: { same($0, info) }) { infos.append(info) }
        }
        var sockets: [socket] = []
        var completed = false
        defer { if !completed { for sock in sockets { sock.close() } } }
        for info in infos {
            guard let sock = try? socket.socket(info.family, info.type, info.proto) else { continue }
            sockets.append(sock)
            if reuse_address { try sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1) }
            if reuse_port {
                do {
                    try sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                } catch is OSError {
                    throw ValueError("reuse_port not supported by socket module, SO_REUSEPORT defined but not implemented.")
                }
            }
            if keep_alive { try sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1) }
            if info.family == socket.AF_INET6 { try sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1) }
            do {
                try sock.bind(info.sockaddr)
            } catch let error as OSError {
                let text = "error while attempting to bind on address \(String(reflecting: info.sockaddr)): \(String(describing: error).lowercased())"
                if error.errno == PySocket.errno.EADDRNOTAVAIL {
                    sockets.removeLast()
                    sock.close()
                    continue
                }
                throw OSError.from(errno: error.errno ?? 0, text)
            }
        }
        if sockets.isEmpty {
            throw OSError("could not bind on any address out of [" + infos.map { String(reflecting: $0.sockaddr) }.joined(separator: ", ") + "]")
        }
        completed = true
        return sockets
    }

    private static func same(_ a: socket.AddrInfo, _ b: socket.AddrInfo) -> Bool {
        a.family == b.family && a.type == b.type && a.proto == b.proto && a.canonname == b.canonname
            && String(reflecting: a.sockaddr) == String(reflecting: b.sockaddr)
    }

    /// `server = await asyncio.start_unix_server(client_connected_cb, path)`: listens on an
    /// AF_UNIX stream socket at `path` (a stale socket file there is removed first; closing the
    /// server removes the file it made, as asyncio's `cleanup_socket` does).
    ///
    /// Python: `asyncio.start_unix_server()`. C: `stat(2)`, `unlink(2)`, `socket(2)`, `bind(2)`, `listen(2)`.
    /// - Throws: `OSError(98, "Address '/tmp/x.sock' is already in use")`, the socket's error.
    public static func start_unix_server(_ client_connected_cb: @escaping ClientConnected, _ path: String? = nil, limit: Int = 65536,
                                         sock: socket? = nil, backlog: Int = 100, start_serving: Bool = true,
                                         cleanup_socket: Bool = true) async throws -> Server {
        try await startUnixServer(try runningLoop(), client_connected_cb, path, limit: limit, sock: sock, backlog: backlog,
                                  start_serving: start_serving, cleanup_socket: cleanup_socket, sink: nil)
    }

    /// `start_unix_server` and `loop.create_unix_server` (`sink`: the protocol's, else the streams').
    static func startUnixServer(_ loop: EventLoop, _ client_connected_cb: @escaping ClientConnected, _ path: String?, limit: Int,
                                sock: socket?, backlog: Int, start_serving: Bool, cleanup_socket: Bool,
                                sink: (() throws -> any TransportSink)?) async throws -> Server {
        let listener: socket
        if let path {
            if sock != nil { throw ValueError("path and sock can not be specified at the same time") }
            listener = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            if !path.hasPrefix("\0"), let found = System.inode(path), found.isSocket { System.unlink(path) }
            do {
                try listener.bind(path)
            } catch let error as OSError {
                listener.close()
                if error.errno == PySocket.errno.EADDRINUSE {
                    throw OSError.from(errno: PySocket.errno.EADDRINUSE, "Address \(String(reflecting: PythonText(path))) is already in use")
                }
                throw error
            }
        } else {
            guard let sock else { throw ValueError("path was not specified, and no sock specified") }
            if sock.family != socket.AF_UNIX || sock.type != socket.SOCK_STREAM {
                throw ValueError("A UNIX Domain Stream Socket was expected, got \(String(reflecting: sock))")
            }
            listener = sock
        }
        var cleanup: (String, UInt64)?
        if cleanup_socket, case .unix(let bound)? = try? listener.getsockname(), !bound.isEmpty, !bound.hasPrefix("\0"),
           let found = System.inode(bound) {
            cleanup = (bound, found.inode)
        }
        try listener.setblocking(false)
        let server = Server(loop: loop, sockets: [listener], backlog: backlog, limit: limit, callback: client_connected_cb)
        if let cleanup { server.unixPaths[ObjectIdentifier(listener)] = cleanup }
        server.sinkFactory = sink
        if start_serving {
            try server.startServing()
            try await asyncio.sleep(0)
        }
        return server
    }
}

/// A Swift string printed as Python's `repr` of a `str`: `'/tmp/x.sock'`.
struct PythonText: CustomDebugStringConvertible {
    let text: String
    init(_ text: String) { self.text = text }
    var debugDescription: String { BaseException.Argument.str(text).debugDescription }
}
