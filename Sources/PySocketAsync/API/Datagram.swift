// asyncio's datagram endpoints: loop.create_datagram_endpoint and its DatagramTransport.
import PySocket

extension asyncio {
    /// The transport of `loop.create_datagram_endpoint`, asyncio's `_SelectorDatagramTransport`:
    /// receives every datagram into its protocol's `datagram_received`, sends with `sendto`.
    /// Use it from the loop's tasks only.
    ///
    /// Python: `asyncio.DatagramTransport` (`_SelectorDatagramTransport`). C: `recvfrom(2)`, `sendto(2)`.
    public final class DatagramTransport: CustomStringConvertible, CustomDebugStringConvertible, @unchecked Sendable {
        let loop: EventLoop
        private var sock: socket?
        private let fd: Int32
        private var user: DatagramProtocol?
        /// The connected peer (`remote_addr`), if any.
        private let address: SocketAddress?
        private var extra: [String: ExtraInfo] = [:]
        private var buffer: [(bytes, SocketAddress?)] = []
        private var closing = false
        private var writing = false

        /// asyncio's `max_size`: what one `recvfrom` asks for.
        static let maxSize = 256 * 1024

        init(loop: EventLoop, sock: socket, user: DatagramProtocol, address: SocketAddress?) {
            self.loop = loop
            self.sock = sock
            fd = sock.fileno()
            self.user = user
            self.address = address
            extra["socket"] = .socket(TransportSocket(sock))
            extra["sockname"] = (try? sock.getsockname()).map { ExtraInfo.address($0) } ?? ExtraInfo.none
            extra["peername"] = (try? sock.getpeername()).map { ExtraInfo.address($0) } ?? ExtraInfo.none
        }

        /// The constructor's `call_soon`s: `connection_made`, then reading, then `waiter`.
        func start(_ waiter: LoopFuture) {
            let me = LoopBound(self)
            asyncio.loopTask {
                let transport = me.value
                transport.call { try $0.connection_made(transport) }
                waiter.setResult()
                await transport.readLoop()
            }
        }

        private func call(_ body: (DatagramProtocol) throws -> Void) {
            guard let user else { return }
            do { try body(user) } catch { forceClose(error) }
        }

        /// `_read_ready`: one `recvfrom` per readiness, until the transport closes.
        private func readLoop() async {
            while let sock, !closing {
                do {
                    try await loop.wait(sock, .readable)
                } catch {
                    return
                }
                guard !closing else { return }
                do {
                    let (data, addr) = try sock.recvfrom(Self.maxSize)
                    call { try $0.datagram_received(data, addr) }
                } catch is BlockingIOError {
                } catch is InterruptedError {
                } catch let error as OSError {
                    call { try $0.error_received(error) }
                } catch {
                    forceClose(error)
                }
            }
        }

        /// `transport.sendto(data, addr=None)`: sends one datagram to `addr` (nil: the connected
        /// peer); a send error goes to the protocol's `error_received`.
        ///
        /// Python: `DatagramTransport.sendto()`. C: `sendto(2)`, `send(2)`.
        /// - Throws: `ValueError('Invalid address: must be None or ...')` on a connected transport.
        public func sendto(_ data: bytes, _ addr: SocketAddress? = nil) throws {
            if let address, let addr, String(reflecting: addr) != String(reflecting: address) {
                throw ValueError("Invalid address: must be None or \(String(reflecting: address))")
            }
            guard let sock, !closing else { return }
            if buffer.isEmpty {
                do {
                    if address != nil { _ = try sock.send(data) } else if let addr { _ = try sock.sendto(data, addr) } else {
                        throw DestinationAddressRequiredError()
                    }
                    return
                } catch is BlockingIOError {
                } catch is InterruptedError {
                } catch let error as OSError {
                    call { try $0.error_received(error) }
                    return
                }
            }
            buffer.append((data, addr))
            if !writing {
                writing = true
                let me = LoopBound(self)
                asyncio.loopTask { await me.value.writeLoop() }
            }
        }

        /// `transport.sendto(data, addr)` with a `(host, port)` tuple.
        ///
        /// Python: `DatagramTransport.sendto()`. C: `sendto(2)`.
        public func sendto(_ data: bytes, _ addr: (String, Int)) throws {
            try sendto(data, .inet(host: addr.0, port: addr.1))
        }

        /// `_sendto_ready`: sends the buffer as the socket becomes writable.
        private func writeLoop() async {
            defer { writing = false }
            while let sock, !buffer.isEmpty {
                do {
                    try await loop.wait(sock, .writable)
                } catch {
                    return
                }
                while let (data, addr) = buffer.first {
                    do {
                        if address != nil { _ = try sock.send(data) } else if let addr { _ = try sock.sendto(data, addr) }
                        buffer.removeFirst()
                    } catch is BlockingIOError {
                        break
                    } catch is InterruptedError {
                        break
                    } catch let error as OSError {
                        buffer.removeFirst()
                        call { try $0.error_received(error) }
                    } catch {
                        buffer.removeFirst()
                    }
                }
            }
            if buffer.isEmpty && closing { callConnectionLost(nil) }
        }

        /// `transport.get_write_buffer_size()`: the bytes of the datagrams not sent yet.
        ///
        /// Python: `DatagramTransport.get_write_buffer_size()`. C: none.
        public func get_write_buffer_size() -> Int { buffer.reduce(0) { $0 + $1.0.count } }

        /// `transport.get_extra_info(name, default=None)`: `"sockname"`, `"peername"`, `"socket"`.
        ///
        /// Python: `BaseTransport.get_extra_info()`. C: none.
        public func get_extra_info(_ name: String, _ default: ExtraInfo = .none) -> ExtraInfo {
            extra[name] ?? `default`
        }

        /// `transport.is_closing()`: true once `close()` was called.
        ///
        /// Python: `BaseTransport.is_closing()`. C: none.
        public func is_closing() -> Bool { closing }

        /// `transport.close()`: stops receiving; once the buffer is sent, closes the socket and
        /// calls the protocol's `connection_lost(None)` (at the loop's next turn).
        ///
        /// Python: `BaseTransport.close()`. C: `close(2)`.
        public func close() {
            if closing { return }
            closing = true
            if buffer.isEmpty {
                let me = LoopBound(self)
                asyncio.callSoon { me.value.callConnectionLost(nil) }
            }
        }

        /// `transport.abort()`: closes at once, dropping unsent datagrams.
        ///
        /// Python: `DatagramTransport.abort()`. C: `close(2)`.
        public func abort() { forceClose(nil) }

        private func forceClose(_ error: (any Error)?) {
            if sock == nil { return }
            buffer.removeAll()
            closing = true
            let me = LoopBound(self)
            let failure = LoopBound(error)
            asyncio.callSoon { me.value.callConnectionLost(failure.value) }
        }

        private func callConnectionLost(_ error: (any Error)?) {
            guard let sock else { return }
            let user = self.user
            self.user = nil
            try? user?.connection_lost(error)
            sock.close()
            self.sock = nil
        }

        /// `repr(transport)`: `<_SelectorDatagramTransport fd=6 read=polling write=<idle, bufsize=0>>`.
        ///
        /// Python: `_SelectorTransport.__repr__`.
        public var debugDescription: String {
            var info = ["_SelectorDatagramTransport"]
            if sock == nil { info.append("closed") } else if closing { info.append("closing") }
            info.append("fd=\(fd)")
            if sock != nil {
                info.append(closing ? "read=idle" : "read=polling")
                info.append("write=<\(buffer.isEmpty ? "idle" : "polling"), bufsize=\(get_write_buffer_size())>")
            }
            return "<" + info.joined(separator: " ") + ">"
        }

        /// `str(transport)`: the same as `repr(transport)`.
        ///
        /// Python: `object.__str__`.
        public var description: String { debugDescription }
    }
}

/// EDESTADDRREQ: `sendto` without an address on an unconnected datagram transport.
private func DestinationAddressRequiredError() -> OSError {
    OSError.from(errno: PySocket.errno.EDESTADDRREQ)
}

extension asyncio.EventLoop {
    /// `transport, protocol = await loop.create_datagram_endpoint(protocol_factory,
    /// local_addr=None, remote_addr=None)`: a UDP socket bound to `local_addr` and/or connected
    /// to `remote_addr`, with `protocol_factory()`'s protocol receiving its datagrams.
    ///
    /// Python: `loop.create_datagram_endpoint()`. C: `getaddrinfo(3)`, `socket(2)`, `bind(2)`, `connect(2)`.
    ///
    /// Differs from CPython: addresses are `SocketAddress` values or `(host, port)` tuples
    /// (the overloads below); AF_UNIX datagram paths are not resolved.
    /// - Throws: `ValueError('unexpected address family')`, `OSError('can not get address
    ///   information')`, the bind or connect error.
    public func create_datagram_endpoint<P: asyncio.DatagramProtocol>(
        _ protocol_factory: @escaping () throws -> P, local_addr: SocketAddress? = nil, remote_addr: SocketAddress? = nil,
        family: socket.AddressFamily = 0, proto: Int = 0, flags: socket.AddressInfo = 0, reuse_port: Bool? = nil,
        allow_broadcast: Bool? = nil, sock: socket? = nil
    ) async throws -> (asyncio.DatagramTransport, P) {
        try asyncio.checkRunning(self)
        let endpoint: socket
        var remote: SocketAddress?
        if let sock {
            if sock.type != socket.SOCK_DGRAM { throw ValueError("A datagram socket was expected, got \(String(reflecting: sock))") }
            if local_addr != nil || remote_addr != nil || family != 0 || proto != 0 || flags != 0 || reuse_port != nil || allow_broadcast != nil {
                throw ValueError("socket modifier keyword arguments can not be used when sock is specified.")
            }
            try sock.setblocking(false)
            endpoint = sock
            remote = try? sock.getpeername()
        } else if local_addr == nil && remote_addr == nil {
            if family == 0 { throw ValueError("unexpected address family") }
            endpoint = try socket.socket(family, socket.SOCK_DGRAM, proto)
            try endpoint.setblocking(false)
        } else {
            (endpoint, remote) = try await datagramSocket(local_addr, remote_addr, family: family, proto: proto, flags: flags,
                                                          reuse_port: reuse_port ?? false, allow_broadcast: allow_broadcast ?? false)
        }
        let user: P
        do {
            user = try protocol_factory()
        } catch {
            endpoint.close()
            throw error
        }
        let transport = asyncio.DatagramTransport(loop: self, sock: endpoint, user: user, address: remote)
        let waiter = LoopFuture()
        transport.start(waiter)
        do {
            try await waiter.wait()
        } catch {
            transport.abort()
            throw error
        }
        return (transport, user)
    }

    /// `loop.create_datagram_endpoint(factory, local_addr=(host, port), remote_addr=...)`.
    ///
    /// Python: `loop.create_datagram_endpoint()`. C: as above.
    public func create_datagram_endpoint<P: asyncio.DatagramProtocol>(
        _ protocol_factory: @escaping () throws -> P, local_addr: (String, Int), remote_addr: (String, Int)? = nil,
        family: socket.AddressFamily = 0, reuse_port: Bool? = nil, allow_broadcast: Bool? = nil
    ) async throws -> (asyncio.DatagramTransport, P) {
        try await create_datagram_endpoint(protocol_factory, local_addr: .inet(host: local_addr.0, port: local_addr.1),
                                           remote_addr: remote_addr.map { .inet(host: $0.0, port: $0.1) }, family: family,
                                           reuse_port: reuse_port, allow_broadcast: allow_broadcast)
    }

    /// `loop.create_datagram_endpoint(factory, remote_addr=(host, port))`.
    ///
    /// Python: `loop.create_datagram_endpoint()`. C: as above.
    public func create_datagram_endpoint<P: asyncio.DatagramProtocol>(
        _ protocol_factory: @escaping () throws -> P, remote_addr: (String, Int),
        family: socket.AddressFamily = 0, reuse_port: Bool? = nil, allow_broadcast: Bool? = nil
    ) async throws -> (asyncio.DatagramTransport, P) {
        try await create_datagram_endpoint(protocol_factory, local_addr: nil, remote_addr: .inet(host: remote_addr.0, port: remote_addr.1),
                                           family: family, reuse_port: reuse_port, allow_broadcast: allow_broadcast)
    }

    /// CPython's address pairing: the first (family, proto) both addresses resolve to that
    /// gives a socket which binds and connects.
    private func datagramSocket(_ local: SocketAddress?, _ remote: SocketAddress?, family: socket.AddressFamily, proto: Int,
                                flags: socket.AddressInfo, reuse_port: Bool, allow_broadcast: Bool) async throws -> (socket, SocketAddress?) {
        func resolve(_ address: SocketAddress?) async throws -> [socket.AddrInfo]? {
            guard let address else { return nil }
            guard case .inet(let host, let port) = address else {
                if case .inet6(let host, let port, _, _) = address {
                    return Array(try await getaddrinfo(host, port, family: family, type: socket.SOCK_DGRAM, proto: proto, flags: flags))
                }
                throw ValueError("2-tuple is expected")
            }
            let infos = Array(try await getaddrinfo(host, port, family: family, type: socket.SOCK_DGRAM, proto: proto, flags: flags))
            if infos.isEmpty { throw OSError("getaddrinfo() returned empty list") }
            return infos
        }
        let locals = try await resolve(local)
        let remotes = try await resolve(remote)
        var pairs: [(socket.AddrInfo?, socket.AddrInfo?)] = []
        for info in locals ?? remotes ?? [] {
            let key = (info.family, info.proto)
            if pairs.contains(where: { ($0.0 ?? $0.1).map { ($0.family, $0.proto) == key } ?? false }) { continue }
            let l = locals?.first { ($0.family, $0.proto) == key }
            let r = remotes?.first { ($0.family, $0.proto) == key }
            if (locals != nil && l == nil) || (remotes != nil && r == nil) { continue }
            pairs.append((l, r))
        }
        if pairs.isEmpty { throw ValueError("can not get address information") }
        var lastError: (any Error)?
        for (l, r) in pairs {
            let info = (l ?? r)!
            let sock: socket
            do {
                sock = try socket.socket(info.family, socket.SOCK_DGRAM, info.proto)
            } catch {
                lastError = error
                continue
            }
            do {
                if reuse_port { try sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1) }
                if allow_broadcast { try sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1) }
                try sock.setblocking(false)
                if let l { try sock.bind(l.sockaddr) }
                if let r {
                    if !allow_broadcast { try await sock_connect(sock, r.sockaddr) }
                    return (sock, r.sockaddr)
                }
                return (sock, nil)
            } catch {
                sock.close()
                lastError = error
            }
        }
        throw lastError ?? OSError("can not get address information")
    }
}

extension asyncio.EventLoop {
    /// `nbytes = await loop.sock_sendto(sock, data, (host, port))`: sends a datagram to an
    /// AF_INET (or, with a numeric IPv6 host, AF_INET6) address given as a tuple.
    ///
    /// Python: `loop.sock_sendto()`. C: `sendto(2)`.
    public func sock_sendto(_ sock: socket, _ data: bytes, _ address: (String, Int)) async throws -> Int {
        try await sock_sendto(sock, data, .inet(host: address.0, port: address.1))
    }

    /// `nbytes = await loop.sock_sendto(sock, data, (host, port, flowinfo, scope_id))`: AF_INET6.
    ///
    /// Python: `loop.sock_sendto()`. C: `sendto(2)`.
    public func sock_sendto(_ sock: socket, _ data: bytes, _ address: (String, Int, Int, Int)) async throws -> Int {
        try await sock_sendto(sock, data, .inet6(host: address.0, port: address.1, flowinfo: address.2, scope_id: address.3))
    }

    /// `nbytes = await loop.sock_sendto(sock, data, path)`: an AF_UNIX datagram to `path`.
    ///
    /// Python: `loop.sock_sendto()`. C: `sendto(2)`.
    public func sock_sendto(_ sock: socket, _ data: bytes, _ path: String) async throws -> Int {
        try await sock_sendto(sock, data, .unix(path))
    }
}
