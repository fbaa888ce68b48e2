// asyncio's socket transport under the streams: reading into the reader, the write buffer and its flow control, closing.
import PySocket

extension asyncio {
    /// `writer.transport`: the connection under a stream, asyncio's `_SelectorSocketTransport`.
    ///
    /// It reads whenever the socket is readable (CPython's `add_reader`) and hands the bytes to
    /// the stream's reader; `write` sends at once what the kernel takes and buffers the rest,
    /// which a writer sends as the socket becomes writable. Past the high-water mark (64 KiB)
    /// `drain()` waits until the buffer is down to the low-water mark (16 KiB). Use it from the
    /// loop's tasks only.
    ///
    /// Python: `asyncio.Transport` (`_SelectorSocketTransport`). C: `recv(2)`, `send(2)`,
    /// `shutdown(2)`, `close(2)`, the loop's readiness waits.
    public final class Transport: CustomStringConvertible, CustomDebugStringConvertible, @unchecked Sendable {
        let loop: EventLoop
        /// The socket; nil once the connection is lost (and the socket closed).
        private(set) var sock: socket?
        private let fd: Int32
        private var extra: [String: ExtraInfo] = [:]
        var stream: (any TransportSink)?
        private var server: Server?

        private var writeBuffer: [UInt8] = []
        private var writeStart = 0
        private(set) var connLost = 0
        private var closing = false
        private var eof = false
        private var paused = false
        private var protocolPaused = false
        private var highWater = 64 * 1024
        private var lowWater = 16 * 1024
        private var readerRegistered = false
        private var writerRegistered = false
        private var readerWake: LoopFuture?
        private var writerWake: LoopFuture?
        private var writerRunning = false

        init(loop: EventLoop, sock: socket, stream: any TransportSink, server: Server?) {
            self.loop = loop
            self.sock = sock
            fd = sock.fileno()
            self.stream = stream
            self.server = server
            extra["socket"] = .socket(TransportSocket(sock))
            extra["sockname"] = (try? sock.getsockname()).map { ExtraInfo.address($0) } ?? ExtraInfo.none
            extra["peername"] = (try? sock.getpeername()).map { ExtraInfo.address($0) } ?? ExtraInfo.none
            server?.attach(self)
            // base_events._set_nodelay: TCP over IP only.
            if sock.family == socket.AF_INET || sock.family == socket.AF_INET6, sock.type == socket.SOCK_STREAM,
               sock.proto == socket.IPPROTO_TCP {
                try? sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            }
        }

        /// Starts the transport as CPython's constructor does with `call_soon`: the protocol's
        /// `connection_made`, then reading, then `waiter` (what `open_connection` awaits).
        func start(_ waiter: LoopFuture?) {
            let me = LoopBound(self)
            asyncio.loopTask {
                let transport = me.value
                transport.stream?.connection_made(transport)
                transport.addReader()
                waiter?.setResult()
                await transport.watch(.reading)
            }
        }

        // MARK: Reading

        private func addReader() {
            guard is_reading() else { return }
            readerRegistered = true
            if let wake = readerWake {
                readerWake = nil
                wake.setResult()
            }
        }

        private func removeReader() { readerRegistered = false }

        /// A side of the connection, as CPython registers it with the selector.
        private enum Side {
            case reading, writing
        }

        /// The task of one side: CPython's `add_reader`/`add_writer` emulated. While the side is
        /// registered it waits for readiness and calls `readReady`/`writeReady`; while it is
        /// not, it parks until it is again; it ends when the connection is lost.
        private func watch(_ side: Side) async {
            defer { if side == .writing { writerRunning = false } }
            while let sock, connLost == 0 {
                if !(side == .reading ? readerRegistered : writerRegistered) {
                    let wake = LoopFuture()
                    if side == .reading { readerWake = wake } else { writerWake = wake }
                    do { try await wake.wait() } catch { return }
                    continue
                }
                do {
                    try await loop.wait(sock, side == .reading ? .readable : .writable)
                } catch is CancellationError {
                    return
                } catch {
                    // The socket closed under the wait (by callConnectionLost), or the wait failed.
                    if self.sock != nil { fatalError(error) }
                    return
                }
                guard connLost == 0 else { return }
                if side == .reading, readerRegistered { readReady() }
                if side == .writing, writerRegistered { writeReady() }
            }
        }

        /// `_read_ready__data_received`: one `recv` of up to 256 KiB.
        private func readReady() {
            guard let sock else { return }
            do {
                let count: Int = try ReceiveBuffers.with { buffer in
                    let count = try sock.recv_into(buffer)
                    if count > 0 { stream?.data_received(UnsafeRawBufferPointer(rebasing: buffer[..<count])) }
                    return count
                }
                if count == 0 { readEOF() }
            } catch is BlockingIOError {
            } catch is InterruptedError {
            } catch {
                fatalError(error)
            }
        }

        /// `_read_ready__on_eof`: the reader sees the end; the connection stays open for writing.
        private func readEOF() {
            // A protocol that returns a false value from eof_received() closes the transport.
            if stream?.eof_received() ?? true {
                removeReader()
            } else {
                close()
            }
        }

        /// `transport.is_reading()`: whether the transport reads (not paused, not closing).
        ///
        /// Python: `ReadTransport.is_reading()`. C: none.
        public func is_reading() -> Bool { !closing && !paused }

        /// `transport.pause_reading()`: stops reading until `resume_reading()`.
        ///
        /// Python: `ReadTransport.pause_reading()`. C: none.
        public func pause_reading() {
            guard is_reading() else { return }
            paused = true
            removeReader()
        }

        /// `transport.resume_reading()`: reads again after `pause_reading()`.
        ///
        /// Python: `ReadTransport.resume_reading()`. C: none.
        public func resume_reading() {
            if closing || !paused { return }
            paused = false
            addReader()
        }

        // MARK: Writing

        /// `transport.get_write_buffer_size()`: the bytes written but not yet sent.
        ///
        /// Python: `WriteTransport.get_write_buffer_size()`. C: none.
        public func get_write_buffer_size() -> Int { writeBuffer.count - writeStart }

        /// `transport.get_write_buffer_limits()`: `(low, high)`, the water marks (16 KiB, 64 KiB).
        ///
        /// Python: `WriteTransport.get_write_buffer_limits()`. C: none.
        public func get_write_buffer_limits() -> (Int, Int) { (lowWater, highWater) }

        /// `transport.set_write_buffer_limits(high=None, low=None)`: the water marks of `drain()`;
        /// `high` defaults to 64 KiB (4 × `low` if only `low` is given), `low` to `high / 4`.
        ///
        /// Python: `WriteTransport.set_write_buffer_limits()`. C: none.
        ///
        /// Differs from CPython: a `high` of 4 × `low` past `Int.max` is `Int.max` (Python's int has no bound).
        /// - Throws: `ValueError('high (1) must be >= low (2) must be >= 0')`.
        public func set_write_buffer_limits(high: Int? = nil, low: Int? = nil) throws {
            let high = high ?? low.map { $0.multipliedReportingOverflow(by: 4).overflow ? Int.max : 4 * $0 } ?? 64 * 1024
            let low = low ?? high / 4
            guard high >= low, low >= 0 else { throw ValueError("high (\(high)) must be >= low (\(low)) must be >= 0") }
            highWater = high
            lowWater = low
        }

        private func maybePauseProtocol() {
            if get_write_buffer_size() <= highWater { return }
            if !protocolPaused {
                protocolPaused = true
                stream?.pause_writing()
            }
        }

        private func maybeResumeProtocol() {
            if protocolPaused && get_write_buffer_size() <= lowWater {
                protocolPaused = false
                stream?.resume_writing()
            }
        }

        /// `transport.write(data)`: sends what the kernel takes now and buffers the rest.
        ///
        /// Python: `WriteTransport.write()`. C: `send(2)`.
        /// - Throws: `RuntimeError('Cannot call write() after write_eof()')`, even for `b''`.
        public func write(_ data: bytes) throws {
            if eof { throw RuntimeError("Cannot call write() after write_eof()") }
            if data.isEmpty { return }
            if connLost > 0 {
                connLost += 1
                return
            }
            var sent = 0
            if get_write_buffer_size() == 0, let sock {
                do {
                    sent = try data.withUnsafeBytes { try sock.send($0) }
                } catch is BlockingIOError {
                } catch is InterruptedError {
                } catch {
                    fatalError(error)
                    return
                }
                if sent == data.count { return }
                addWriter()
            }
            data.withUnsafeBytes { writeBuffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[sent...])) }
            maybePauseProtocol()
        }

        /// `transport.writelines(list_of_data)`: buffers every item and sends what the kernel
        /// takes now.
        ///
        /// Python: `WriteTransport.writelines()`. C: `send(2)`.
        /// - Throws: `RuntimeError('Cannot call writelines() after write_eof()')`; after
        ///   `close()`, CPython's own `TypeError("'NoneType' object is not callable")`.
        public func writelines(_ data: [bytes]) throws {
            if eof { throw RuntimeError("Cannot call writelines() after write_eof()") }
            if data.isEmpty { return }
            for item in data { item.withUnsafeBytes { writeBuffer.append(contentsOf: $0) } }
            // CPython calls its write handler, which close() set to None.
            if closing { throw TypeError("'NoneType' object is not callable") }
            writeReady()
            if get_write_buffer_size() > 0 { addWriter() }
        }

        private func addWriter() {
            writerRegistered = true
            if let wake = writerWake {
                writerWake = nil
                wake.setResult()
            }
            if !writerRunning {
                writerRunning = true
                let me = LoopBound(self)
                asyncio.loopTask { await me.value.watch(.writing) }
            }
        }

        private func removeWriter() { writerRegistered = false }

        /// `_write_sendmsg`: sends the buffer; once empty, finishes a `close()` or `write_eof()`.
        private func writeReady() {
            guard connLost == 0, let sock, get_write_buffer_size() > 0 else { return }
            do {
                let sent = try writeBuffer.withUnsafeBytes { try sock.send(UnsafeRawBufferPointer(rebasing: $0[writeStart...])) }
                writeStart += sent
                if writeStart == writeBuffer.count {
                    writeBuffer.removeAll(keepingCapacity: writeBuffer.count <= 1 << 20)
                    writeStart = 0
                } else if writeStart > 1 << 16 && writeStart >= writeBuffer.count / 2 {
                    writeBuffer.removeFirst(writeStart)
                    writeStart = 0
                }
            } catch is BlockingIOError {
                return
            } catch is InterruptedError {
                return
            } catch {
                removeWriter()
                clearWriteBuffer()
                fatalError(error)
                return
            }
            maybeResumeProtocol()
            if get_write_buffer_size() == 0 {
                removeWriter()
                if closing {
                    callConnectionLost(nil)
                } else if eof {
                    try? sock.shutdown(socket.SHUT_WR)
                }
            }
        }

        private func clearWriteBuffer() {
            writeBuffer.removeAll()
            writeStart = 0
        }

        /// `transport.write_eof()`: shuts the sending side once the buffer is sent; later
        /// writes raise RuntimeError.
        ///
        /// Python: `WriteTransport.write_eof()`. C: `shutdown(2)` with `SHUT_WR`.
        public func write_eof() throws {
            if closing || eof { return }
            eof = true
            if get_write_buffer_size() == 0, let sock { try sock.shutdown(socket.SHUT_WR) }
        }

        /// `transport.can_write_eof()`: true (a socket can shut its sending side).
        ///
        /// Python: `WriteTransport.can_write_eof()`. C: none.
        public func can_write_eof() -> Bool { true }

        // MARK: Closing

        /// `transport.is_closing()`: true once `close()` was called or the connection was lost.
        ///
        /// Python: `BaseTransport.is_closing()`. C: none.
        public func is_closing() -> Bool { closing }

        /// `transport.close()`: stops reading; once the buffer is sent, closes the socket and
        /// tells the stream (its reader sees the end, `wait_closed()` returns).
        ///
        /// Python: `BaseTransport.close()`. C: `close(2)` (at the loop's next turn).
        public func close() {
            if closing { return }
            closing = true
            removeReader()
            if get_write_buffer_size() == 0 {
                connLost += 1
                removeWriter()
                let me = LoopBound(self)
                asyncio.callSoon { me.value.callConnectionLost(nil) }
            }
        }

        /// `transport.abort()`: closes at once, dropping the unsent buffer.
        ///
        /// Python: `WriteTransport.abort()`. C: `close(2)` (at the loop's next turn).
        public func abort() { forceClose(nil) }

        /// `_fatal_error`: the connection failed with `error` (an OSError from `recv`/`send`).
        func fatalError(_ error: any Error) { forceClose(error) }

        private func forceClose(_ error: (any Error)?) {
            if connLost > 0 { return }
            if get_write_buffer_size() > 0 {
                clearWriteBuffer()
                removeWriter()
            }
            if !closing {
                closing = true
                removeReader()
            }
            connLost += 1
            let me = LoopBound(self)
            let failure = LoopBound(error)
            asyncio.callSoon { me.value.callConnectionLost(failure.value) }
        }

        /// `_call_connection_lost`: tells the stream, closes the socket, leaves the server.
        private func callConnectionLost(_ error: (any Error)?) {
            guard let sock else { return }
            stream?.connection_lost(error)
            sock.close()
            self.sock = nil
            stream = nil
            readerWake?.setResult()
            writerWake?.setResult()
            if let server {
                self.server = nil
                server.detach(self)
            }
        }

        /// `transport.get_extra_info(name, default=None)`: `"peername"`, `"sockname"` or
        /// `"socket"` (read when the connection was made), else `default`.
        ///
        /// Python: `BaseTransport.get_extra_info()`. C: none.
        public func get_extra_info(_ name: String, _ default: ExtraInfo = .none) -> ExtraInfo {
            extra[name] ?? `default`
        }

        /// `repr(transport)`: `<_SelectorSocketTransport fd=7 read=polling write=<idle, bufsize=0>>`.
        ///
        /// Python: `_SelectorTransport.__repr__`.
        public var debugDescription: String {
            var info = ["_SelectorSocketTransport"]
            if sock == nil {
                info.append("closed")
            } else if closing {
                info.append("closing")
            }
            info.append("fd=\(fd)")
            if sock != nil {
                info.append(readerRegistered ? "read=polling" : "read=idle")
                info.append("write=<\(writerRegistered ? "polling" : "idle"), bufsize=\(get_write_buffer_size())>")
            }
            return "<" + info.joined(separator: " ") + ">"
        }

        /// `str(transport)`: the same as `repr(transport)`.
        ///
        /// Python: `object.__str__`.
        public var description: String { debugDescription }
    }

    /// What `get_extra_info` returns: an address, the transport's socket, or None.
    ///
    /// Python: the value of `BaseTransport.get_extra_info()`. C: none.
    public enum ExtraInfo: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
        /// `None`.
        ///
        /// Python: `None`.
        case none
        /// `('127.0.0.1', 8888)`: `peername` or `sockname`.
        ///
        /// Python: the address tuple (or str path for AF_UNIX).
        case address(SocketAddress)
        /// `get_extra_info('socket')`.
        ///
        /// Python: `asyncio.TransportSocket`.
        case socket(TransportSocket)

        /// The address, if it is one.
        ///
        /// Python: the tuple itself.
        public var address: SocketAddress? {
            if case .address(let address) = self { return address }
            return nil
        }

        /// The socket, if it is one.
        ///
        /// Python: the `TransportSocket` itself.
        public var socket: TransportSocket? {
            if case .socket(let sock) = self { return sock }
            return nil
        }

        /// The address, or CPython's TypeError for subscripting anything else.
        private func subscripted() throws -> SocketAddress {
            switch self {
            case .address(let address): return address
            case .none: throw TypeError("'NoneType' object is not subscriptable")
            case .socket: throw TypeError("'TransportSocket' object is not subscriptable")
            }
        }

        /// `peer[i]`: an item of the address (`peer[0]` the host, `peer[1]` the port).
        ///
        /// Python: `tuple[i]`. C: none.
        /// - Throws: `IndexError`; `TypeError("'NoneType' object is not subscriptable")`.
        public subscript(i: Int) -> SocketAddress.Item {
            get throws { try subscripted()[i] }
        }

        /// `peer[i]` where an `Int` is wanted: `let port: Int = try peer[1]`.
        ///
        /// Python: `tuple[i]`. C: none.
        @_disfavoredOverload
        public subscript(i: Int) -> Int {
            get throws { try subscripted()[i] }
        }

        /// `peer[i]` where a `String` is wanted: `let host: String = try peer[0]`.
        ///
        /// Python: `tuple[i]`. C: none.
        @_disfavoredOverload
        public subscript(i: Int) -> String {
            get throws { try subscripted()[i] }
        }

        /// `str(value)`: `('127.0.0.1', 8888)`, `None`.
        ///
        /// Python: `str()` of the value.
        public var description: String {
            switch self {
            case .none: return "None"
            case .address(let address): return String(describing: address)
            case .socket(let sock): return sock.description
            }
        }

        /// `repr(value)`.
        ///
        /// Python: `repr()` of the value.
        public var debugDescription: String {
            switch self {
            case .none: return "None"
            case .address(let address): return String(reflecting: address)
            case .socket(let sock): return sock.debugDescription
            }
        }
    }

    /// `asyncio.TransportSocket`: a transport's socket as `get_extra_info('socket')` and
    /// `server.sockets` hand it out, without `close` and friends.
    ///
    /// Python: `asyncio.trsock.TransportSocket`. C: none.
    public final class TransportSocket: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
        let sock: PySocket.socket

        init(_ sock: PySocket.socket) { self.sock = sock }

        /// `s.family`.
        ///
        /// Python: `TransportSocket.family`.
        public var family: PySocket.socket.AddressFamily { sock.family }
        /// `s.type`.
        ///
        /// Python: `TransportSocket.type`.
        public var type: PySocket.socket.SocketKind { sock.type }
        /// `s.proto`.
        ///
        /// Python: `TransportSocket.proto`.
        public var proto: Int { sock.proto }

        /// `s.fileno()`: the descriptor, -1 once the transport closed it.
        ///
        /// Python: `TransportSocket.fileno()`. C: none.
        public func fileno() -> Int32 { sock.fileno() }

        /// `s.getsockname()`.
        ///
        /// Python: `TransportSocket.getsockname()`. C: `getsockname(2)`.
        public func getsockname() throws -> SocketAddress { try sock.getsockname() }

        /// `s.getpeername()`.
        ///
        /// Python: `TransportSocket.getpeername()`. C: `getpeername(2)`.
        public func getpeername() throws -> SocketAddress { try sock.getpeername() }

        /// `s.getsockopt(level, optname)`.
        ///
        /// Python: `TransportSocket.getsockopt()`. C: `getsockopt(2)`.
        public func getsockopt(_ level: Int, _ optname: Int) throws -> Int { try sock.getsockopt(level, optname) }

        /// `s.setsockopt(level, optname, value)`.
        ///
        /// Python: `TransportSocket.setsockopt()`. C: `setsockopt(2)`.
        public func setsockopt(_ level: Int, _ optname: Int, _ value: Int) throws { try sock.setsockopt(level, optname, value) }

        /// `s.setsockopt(level, optname, value)` with a bytes value (`SO_LINGER`...).
        ///
        /// Python: `TransportSocket.setsockopt()`. C: `setsockopt(2)`.
        public func setsockopt(_ level: Int, _ optname: Int, _ value: bytes) throws { try sock.setsockopt(level, optname, value) }

        /// `s.gettimeout()`: `0`, the int CPython returns (a transport's socket is non-blocking).
        ///
        /// Python: `TransportSocket.gettimeout()`. C: none.
        public func gettimeout() -> Int { 0 }

        /// `s.dup()`: a new socket on a duplicate of the descriptor.
        ///
        /// Python: `TransportSocket.dup()`. C: `dup(2)`.
        public func dup() throws -> PySocket.socket { try sock.dup() }

        /// `repr(s)`: `<asyncio.TransportSocket fd=6, family=2, type=1, proto=6, laddr=('127.0.0.1', 8888)>`.
        ///
        /// Python: `TransportSocket.__repr__`.
        public var debugDescription: String {
            var text = "<asyncio.TransportSocket fd=\(sock.fileno()), family=\(family), type=\(type), proto=\(proto)"
            if sock.fileno() != -1 {
                if let local = try? sock.getsockname(), !Self.isEmpty(local) { text += ", laddr=\(local)" }
                if let remote = try? sock.getpeername(), !Self.isEmpty(remote) { text += ", raddr=\(remote)" }
            }
            return text + ">"
        }

        /// Python's `if laddr:`: an empty AF_UNIX name is false.
        private static func isEmpty(_ address: SocketAddress) -> Bool {
            switch address {
            case .unix(let path): return path.isEmpty
            case .unixBytes(let name): return name.isEmpty
            default: return false
            }
        }

        /// `str(s)`: the same as `repr(s)`.
        ///
        /// Python: `object.__str__`.
        public var description: String { debugDescription }
    }
}
