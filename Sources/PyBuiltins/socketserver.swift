// socketserver: Python's TCPServer, ThreadingTCPServer, UDPServer and their request handlers, over PySocket and selectors.
import PySocket
import Synchronization

/// `import socketserver`: servers that accept requests and hand each to a handler class.
///
/// A handler is a subclass of `socketserver.BaseRequestHandler<socket>` (TCP) or
/// `BaseRequestHandler<(bytes, socket)>` (UDP: the datagram and the server's socket), or of
/// `socketserver.StreamRequestHandler` (TCP, with `rfile` and `wfile`), overriding `handle()`;
/// the server is given the class: `socketserver.TCPServer(("127.0.0.1", 0), Handler.self)`.
///
/// Python: `socketserver`.
public enum socketserver {
    /// `socketserver.BaseRequestHandler`: one object per request; the server calls `setup()`,
    /// `handle()` and `finish()` on it (`finish()` also after `handle()` raised).
    ///
    /// Python: `socketserver.BaseRequestHandler`.
    open class BaseRequestHandler<Request>: @unchecked Sendable {
        /// `self.request`: the connected socket (TCP), or `(data, socket)` (UDP).
        ///
        /// Python: `BaseRequestHandler.request`.
        public let request: Request
        /// `self.client_address`: the peer's address.
        ///
        /// Python: `BaseRequestHandler.client_address`.
        public let client_address: SocketAddress
        /// `self.server`: the server that received the request.
        ///
        /// Python: `BaseRequestHandler.server`.
        public let server: BaseServer<Request>

        /// `Handler(request, client_address, server)`: made by the server for each request.
        ///
        /// Python: `BaseRequestHandler.__init__` (which also runs setup, handle and finish:
        /// here the server calls them after making the handler).
        public required init(_ request: Request, _ client_address: SocketAddress, _ server: BaseServer<Request>) throws {
            self.request = request
            self.client_address = client_address
            self.server = server
        }

        /// `setup()`: runs before `handle()`; does nothing here.
        ///
        /// Python: `BaseRequestHandler.setup()`.
        open func setup() throws {}

        /// `handle()`: serves the request; override it.
        ///
        /// Python: `BaseRequestHandler.handle()`.
        open func handle() throws {}

        /// `finish()`: runs after `handle()`; does nothing here.
        ///
        /// Python: `BaseRequestHandler.finish()`.
        open func finish() throws {}
    }

    /// `self.wfile` of a `StreamRequestHandler`: each `write` sends all its bytes at once.
    ///
    /// Python: `socketserver._SocketWriter`. C: `send(2)` (as `sendall`).
    public final class SocketWriter: @unchecked Sendable {
        private let sock: socket
        /// `wfile.closed`: whether `close()` was called.
        ///
        /// Python: `IOBase.closed`.
        public private(set) var closed = false

        init(_ sock: socket) { self.sock = sock }

        /// `wfile.write(b)`: sends every byte of `data` (also after `close()`, as CPython's does);
        /// returns its length.
        ///
        /// Python: `_SocketWriter.write()`. C: `send(2)`.
        /// - Throws: what `sendall` raises.
        @discardableResult
        public func write(_ data: bytes) throws -> Int {
            try sock.sendall(data)
            return data.count
        }

        /// `wfile.flush()`: nothing is buffered, so nothing to send.
        ///
        /// Python: `IOBase.flush()`.
        public func flush() throws {
            if closed { throw ValueError("I/O operation on closed file.") }
        }

        /// `wfile.close()`: no more writes (the socket stays open).
        ///
        /// Python: `IOBase.close()`.
        public func close() { closed = true }
    }

    /// `socketserver.StreamRequestHandler`: a TCP handler with `self.rfile` (buffered binary
    /// reads: `readline()`, iteration) and `self.wfile` (each `write` is sent at once).
    ///
    /// Python: `socketserver.StreamRequestHandler`.
    open class StreamRequestHandler: BaseRequestHandler<socket>, @unchecked Sendable {
        /// `self.rfile`: `request.makefile('rb')`.
        ///
        /// Python: `StreamRequestHandler.rfile`.
        public let rfile: SocketFile<bytes>
        /// `self.wfile`: writes sent at once (`wbufsize = 0`).
        ///
        /// Python: `StreamRequestHandler.wfile`.
        public let wfile: SocketWriter

        /// Made by the server for each connection, with its files.
        ///
        /// Python: `StreamRequestHandler.setup()` makes the files.
        public required init(_ request: socket, _ client_address: SocketAddress, _ server: BaseServer<socket>) throws {
            rfile = try request.makefile("rb")
            wfile = SocketWriter(request)
            try super.init(request, client_address, server)
        }

        /// `finish()`: closes `wfile` and `rfile`.
        ///
        /// Python: `StreamRequestHandler.finish()`.
        open override func finish() throws {
            if !wfile.closed { try wfile.flush() }
            wfile.close()
            try rfile.close()
        }
    }

    /// `socketserver.BaseServer`: `serve_forever`, `shutdown`, `handle_request`, `server_close`,
    /// and `with`; `TCPServer` and `UDPServer` say how a request arrives.
    ///
    /// Python: `socketserver.BaseServer`.
    open class BaseServer<Request>: @unchecked Sendable {
        /// `server.server_address`: the address bound (with the port the kernel chose for port 0).
        ///
        /// Python: `BaseServer.server_address`.
        public internal(set) var server_address: SocketAddress
        /// `server.socket`: the listening (TCP) or bound (UDP) socket.
        ///
        /// Python: `TCPServer.socket`.
        public let socket: PySocket.socket
        /// `server.RequestHandlerClass`: the handler class given.
        ///
        /// Python: `BaseServer.RequestHandlerClass`.
        public let RequestHandlerClass: BaseRequestHandler<Request>.Type
        /// `server.timeout`: how long `handle_request()` waits (nil: forever).
        ///
        /// Python: `BaseServer.timeout`.
        public var timeout: Double?

        private let shutdownRequest = Atomic<Bool>(false)
        private let isShutDown = threading.Event()

        init(_ server_address: SocketAddress, _ handler: BaseRequestHandler<Request>.Type, _ sock: PySocket.socket) {
            self.server_address = server_address
            self.RequestHandlerClass = handler
            self.socket = sock
            isShutDown.set()
        }

        /// `server.fileno()`: the socket's descriptor.
        ///
        /// Python: `BaseServer.fileno()`.
        public func fileno() -> Int32 { socket.fileno() }

        /// `server.serve_forever(poll_interval=0.5)`: handles requests until `shutdown()` is
        /// called (from another thread), looking for it every `poll_interval` seconds.
        ///
        /// Python: `BaseServer.serve_forever()`. C: `poll(2)`.
        public func serve_forever(_ poll_interval: Double = 0.5) throws {
            isShutDown.clear()
            defer {
                shutdownRequest.store(false, ordering: .sequentiallyConsistent)
                isShutDown.set()
            }
            let selector = selectors.PollSelector<PySocket.socket, Never>()
            defer { selector.close() }
            try selector.register(socket, selectors.EVENT_READ)
            while !shutdownRequest.load(ordering: .sequentiallyConsistent) {
                let ready = try selector.select(poll_interval)
                if shutdownRequest.load(ordering: .sequentiallyConsistent) { break }
                if !ready.isEmpty { handleRequestNoBlock() }
                service_actions()
            }
        }

        /// `server.serve_forever(poll_interval=...)`: the keyword spelling.
        ///
        /// Python: `BaseServer.serve_forever()`. C: `poll(2)`.
        @_disfavoredOverload
        public func serve_forever(poll_interval: Double) throws { try serve_forever(poll_interval) }

        /// `server.shutdown()`: asks `serve_forever` to stop and waits until it has; call it from
        /// another thread (from the serving thread it waits forever, as in Python).
        ///
        /// Python: `BaseServer.shutdown()`.
        public func shutdown() {
            shutdownRequest.store(true, ordering: .sequentiallyConsistent)
            _ = isShutDown.wait()
        }

        /// `server.service_actions()`: called once per `serve_forever` loop; does nothing here.
        ///
        /// Python: `BaseServer.service_actions()`.
        open func service_actions() {}

        /// `server.handle_request()`: waits for one request (at most `timeout` seconds) and handles it.
        ///
        /// Python: `BaseServer.handle_request()`. C: `poll(2)`.
        public func handle_request() throws {
            let selector = selectors.PollSelector<PySocket.socket, Never>()
            defer { selector.close() }
            try selector.register(socket, selectors.EVENT_READ)
            if try selector.select(timeout).isEmpty {
                handle_timeout()
            } else {
                handleRequestNoBlock()
            }
        }

        /// `server.handle_timeout()`: called when `handle_request()` timed out; does nothing here.
        ///
        /// Python: `BaseServer.handle_timeout()`.
        open func handle_timeout() {}

        private func handleRequestNoBlock() {
            let request: Request
            let address: SocketAddress
            do {
                (request, address) = try get_request()
            } catch {
                return
            }
            do {
                try process_request(request, address)
            } catch {
                handle_error(error, address)
                shutdown_request(request)
            }
        }

        /// Receives one request: `accept()` (TCP) or `recvfrom()` (UDP).
        ///
        /// Python: `TCPServer.get_request()`, `UDPServer.get_request()`.
        open func get_request() throws -> (Request, SocketAddress) {
            throw NotImplementedError()
        }

        /// `server.process_request(request, client_address)`: handles the request (here, in the
        /// calling thread) and then closes it.
        ///
        /// Python: `BaseServer.process_request()`.
        open func process_request(_ request: Request, _ client_address: SocketAddress) throws {
            try finish_request(request, client_address)
            shutdown_request(request)
        }

        /// `server.finish_request(request, client_address)`: makes the handler and runs its
        /// `setup()`, `handle()` and `finish()`.
        ///
        /// Python: `BaseServer.finish_request()`.
        public func finish_request(_ request: Request, _ client_address: SocketAddress) throws {
            let handler = try RequestHandlerClass.init(request, client_address, self)
            try handler.setup()
            do {
                try handler.handle()
            } catch {
                try? handler.finish()
                throw error
            }
            try handler.finish()
        }

        /// `server.shutdown_request(request)`: ends a request (closes a TCP connection).
        ///
        /// Python: `TCPServer.shutdown_request()`.
        open func shutdown_request(_ request: Request) {}

        /// `server.handle_error(request, client_address)`: reports an exception a handler raised,
        /// on standard error, between two lines of dashes; the server goes on.
        ///
        /// Python: `BaseServer.handle_error()`.
        ///
        /// Differs from CPython: prints `Type: message` where CPython prints the traceback.
        open func handle_error(_ error: any Error, _ client_address: SocketAddress) {
            let dashes = String(repeating: "-", count: 40)
            let name = (error as? BaseException).map { type($0).__name__ } ?? "\(Swift.type(of: error))"
            print(dashes, file: sys.stderr)
            print("Exception occurred during processing of request from", client_address, file: sys.stderr)
            print("\(name): \(str(error))", file: sys.stderr)
            print(dashes, file: sys.stderr)
        }

        /// `server.server_close()`: closes the socket (ThreadingTCPServer: after its handler threads end).
        ///
        /// Python: `BaseServer.server_close()`. C: `close(2)`.
        open func server_close() { socket.close() }

        /// `with socketserver.TCPServer(...) as server:`: runs `body` with the server and calls
        /// `server_close()` on every exit, returning or throwing.
        ///
        /// Python: `BaseServer.__enter__`/`__exit__`.
        @discardableResult
        public func with<Result>(_ body: (BaseServer<Request>) throws -> Result) rethrows -> Result {
            defer { server_close() }
            return try body(self)
        }
    }

    /// `socketserver.TCPServer(server_address, RequestHandlerClass, bind_and_activate=True)`: a
    /// server that accepts connections and handles each, one at a time.
    ///
    /// Python: `socketserver.TCPServer`. C: `socket(2)`, `bind(2)`, `listen(2)`, `accept(2)`.
    open class TCPServer: BaseServer<socket>, @unchecked Sendable {
        /// `TCPServer.request_queue_size`: the backlog given to `listen`, 5.
        ///
        /// Python: `TCPServer.request_queue_size`.
        public static let request_queue_size = 5

        /// `TCPServer.allow_reuse_address`: whether to set `SO_REUSEADDR` before binding; false.
        /// A subclass says true with `override class var allow_reuse_address: Bool { true }`.
        ///
        /// Python: `TCPServer.allow_reuse_address`.
        open class var allow_reuse_address: Bool { false }

        /// `TCPServer.address_family`: the family of the server's socket, `AF_INET`; an IPv6
        /// server says `override class var address_family: PySocket.socket.AddressFamily { PySocket.socket.AF_INET6 }`.
        ///
        /// Python: `TCPServer.address_family`.
        open class var address_family: PySocket.socket.AddressFamily { PySocket.socket.AF_INET }

        /// `socketserver.TCPServer(server_address, RequestHandlerClass, bind_and_activate=True)`:
        /// binds and listens (unless `bind_and_activate` is false), closing the socket on error.
        ///
        /// Python: `socketserver.TCPServer(...)`. C: `socket(2)`, `bind(2)`, `listen(2)`.
        /// - Throws: what `bind` and `listen` raise (`OSError` EADDRINUSE...).
        public required init(
            _ server_address: (String, Int), _ RequestHandlerClass: BaseRequestHandler<socket>.Type,
            bind_and_activate: Bool = true
        ) throws {
            let sock = try PySocket.socket.socket(Self.address_family, PySocket.socket.SOCK_STREAM)
            super.init(initialAddress(Self.address_family, server_address), RequestHandlerClass, sock)
            if bind_and_activate {
                do {
                    if type(of: self).allow_reuse_address { try sock.setsockopt(PySocket.socket.SOL_SOCKET, PySocket.socket.SO_REUSEADDR, 1) }
                    try sock.bind(server_address)
                    server_address_from_socket()
                    try sock.listen(Self.request_queue_size)
                } catch {
                    sock.close()
                    throw error
                }
            }
        }

        func server_address_from_socket() {
            if let address = try? socket.getsockname() { server_address = address }
        }

        /// `server.get_request()`: `accept()`.
        ///
        /// Python: `TCPServer.get_request()`. C: `accept(2)`.
        open override func get_request() throws -> (socket, SocketAddress) {
            try socket.accept()
        }

        /// `server.shutdown_request(request)`: `shutdown(SHUT_WR)` (errors ignored), then `close()`.
        ///
        /// Python: `TCPServer.shutdown_request()`. C: `shutdown(2)`, `close(2)`.
        open override func shutdown_request(_ request: socket) {
            try? request.shutdown(PySocket.socket.SHUT_WR)
            request.close()
        }
    }

    /// `socketserver.ThreadingTCPServer(...)`: a TCPServer that handles each connection in a new
    /// thread; `server_close()` waits for them (`block_on_close`).
    ///
    /// Python: `socketserver.ThreadingTCPServer`. C: `pthread_create(3)`.
    open class ThreadingTCPServer: TCPServer, @unchecked Sendable {
        private let threads = Mutex<[threading.Thread]>([])

        /// `server.process_request(request, client_address)`: starts a thread that handles the
        /// request and closes it (its errors go to `handle_error`).
        ///
        /// Python: `ThreadingMixIn.process_request()`. C: `pthread_create(3)`.
        open override func process_request(_ request: socket, _ client_address: SocketAddress) throws {
            let thread = threading.Thread(target: { [self] in
                do {
                    try finish_request(request, client_address)
                } catch {
                    handle_error(error, client_address)
                }
                shutdown_request(request)
            })
            threads.withLock { threads in
                threads.removeAll { !$0.is_alive() }
                threads.append(thread)
            }
            try thread.start()
        }

        /// `server.server_close()`: closes the socket, then waits for every handler thread.
        ///
        /// Python: `ThreadingMixIn.server_close()`. C: `close(2)`, `pthread_join(3)`.
        open override func server_close() {
            super.server_close()
            let running = threads.withLock { threads in
                defer { threads.removeAll() }
                return threads
            }
            for thread in running { try? thread.join() }
        }
    }

    /// `socketserver.UDPServer(server_address, RequestHandlerClass)`: a server that handles each
    /// datagram; the handler's `request` is `(data, socket)`.
    ///
    /// Python: `socketserver.UDPServer`. C: `socket(2)`, `bind(2)`, `recvfrom(2)`.
    open class UDPServer: BaseServer<(bytes, socket)>, @unchecked Sendable {
        /// `UDPServer.address_family`: `AF_INET`; override it with `AF_INET6` for IPv6.
        ///
        /// Python: `UDPServer.address_family`.
        open class var address_family: PySocket.socket.AddressFamily { PySocket.socket.AF_INET }

        /// `UDPServer.max_packet_size`: the largest datagram read, 8192 bytes.
        ///
        /// Python: `UDPServer.max_packet_size`.
        public static let max_packet_size = 8192

        /// `socketserver.UDPServer(server_address, RequestHandlerClass, bind_and_activate=True)`.
        ///
        /// Python: `socketserver.UDPServer(...)`. C: `socket(2)`, `bind(2)`.
        /// - Throws: what `bind` raises.
        public init(
            _ server_address: (String, Int), _ RequestHandlerClass: BaseRequestHandler<(bytes, socket)>.Type,
            bind_and_activate: Bool = true
        ) throws {
            let sock = try PySocket.socket.socket(Self.address_family, PySocket.socket.SOCK_DGRAM)
            super.init(initialAddress(Self.address_family, server_address), RequestHandlerClass, sock)
            if bind_and_activate {
                do {
                    try sock.bind(server_address)
                    if let address = try? sock.getsockname() { self.server_address = address }
                } catch {
                    sock.close()
                    throw error
                }
            }
        }

        /// `server.get_request()`: `recvfrom(max_packet_size)`, as `((data, socket), address)`.
        ///
        /// Python: `UDPServer.get_request()`. C: `recvfrom(2)`.
        open override func get_request() throws -> ((bytes, socket), SocketAddress) {
            let (data, address) = try socket.recvfrom(Self.max_packet_size)
            return ((data, socket), address)
        }
    }
}

/// The server address before binding: `(host, port)` as the family's address.
private func initialAddress(_ family: socket.AddressFamily, _ address: (String, Int)) -> SocketAddress {
    family == socket.AF_INET6
        ? .inet6(host: address.0, port: address.1, flowinfo: 0, scope_id: 0)
        : .inet(host: address.0, port: address.1)
}
