// asyncio.Server: the listening sockets of start_server, their accept loops, and close/wait_closed/serve_forever.
import PySocket

extension asyncio {
    /// `asyncio.Server`: what `start_server` returns: its listening sockets, accepting
    /// connections and running the handler for each, until `close()`. Use it from the loop's
    /// tasks only.
    ///
    /// Python: `asyncio.Server`. C: `listen(2)`, `accept4(2)`, `close(2)`.
    public final class Server: CustomStringConvertible, CustomDebugStringConvertible, @unchecked Sendable {
        let loop: EventLoop
        private var listeners: [socket]?
        private let backlog: Int
        private let limit: Int
        private let callback: ClientConnected
        private var clients: [ObjectIdentifier: Weak] = [:]
        private var waiters: [LoopFuture]? = []
        private var serving = false
        private var servingForever: LoopFuture?
        /// `loop.create_server`'s protocol factory: each connection runs its protocol, not `callback`.
        var sinkFactory: (() throws -> any TransportSink)?
        /// AF_UNIX listeners whose path is removed on close if it is still theirs (path, inode).
        var unixPaths: [ObjectIdentifier: (String, UInt64)] = [:]

        private struct Weak {
            weak var transport: Transport?
        }

        init(loop: EventLoop, sockets: [socket], backlog: Int, limit: Int, callback: @escaping ClientConnected) {
            self.loop = loop
            listeners = sockets
            self.backlog = backlog
            self.limit = limit
            self.callback = callback
        }

        /// `repr(server)`: `<Server sockets=(<asyncio.TransportSocket fd=6, ...>,)>`.
        ///
        /// Python: `Server.__repr__`.
        public var debugDescription: String {
            let items = sockets.map(\.debugDescription)
            return "<Server sockets=(" + items.joined(separator: ", ") + (items.count == 1 ? ",)>" : ")>")
        }

        /// `str(server)`: the same as `repr(server)`.
        ///
        /// Python: `object.__str__`.
        public var description: String { debugDescription }

        /// `server.sockets`: the listening sockets; empty once closed.
        ///
        /// Python: `Server.sockets`. C: none.
        public var sockets: [TransportSocket] { (listeners ?? []).map { TransportSocket($0) } }

        /// `server.get_loop()`: the loop the server runs on.
        ///
        /// Python: `Server.get_loop()`. C: none.
        public func get_loop() -> EventLoop { loop }

        /// `server.is_serving()`: true while it accepts connections.
        ///
        /// Python: `Server.is_serving()`. C: none.
        public func is_serving() -> Bool { serving }

        func attach(_ transport: Transport) {
            clients[ObjectIdentifier(transport)] = Weak(transport: transport)
        }

        func detach(_ transport: Transport) {
            clients[ObjectIdentifier(transport)] = nil
            if clients.isEmpty && listeners == nil { wakeup() }
        }

        private func wakeup() {
            let list = waiters ?? []
            waiters = nil
            for waiter in list { waiter.setResult() }
        }

        /// `_start_serving`: listens and starts one accept loop per socket.
        func startServing() throws {
            if serving { return }
            serving = true
            for listener in listeners ?? [] {
                try listener.listen(backlog)
                let me = LoopBound((self, listener))
                asyncio.loopTask { await me.value.0.acceptLoop(me.value.1) }
            }
        }

        /// CPython's `_accept_connection`: up to `backlog` connections per readiness.
        private func acceptLoop(_ listener: socket) async {
            while serving, listener.fileno() >= 0 {
                do {
                    try await loop.wait(listener, .readable)
                } catch {
                    return
                }
                for _ in 0..<max(backlog, 1) {
                    guard serving else { return }
                    do {
                        let (conn, _) = try listener.accept()
                        try conn.setblocking(false)
                        accepted(conn)
                    } catch is BlockingIOError {
                        break
                    } catch is InterruptedError {
                        break
                    } catch is ConnectionAbortedError {
                        break
                    } catch let error as OSError {
                        // Out of descriptors: wait a second instead of spinning, as asyncio does.
                        let code = error.errno ?? 0
                        if [PySocket.errno.EMFILE, PySocket.errno.ENFILE, PySocket.errno.ENOBUFS, PySocket.errno.ENOMEM].contains(code) {
                            try? await asyncio.sleep(1)
                        }
                        break
                    } catch {
                        break
                    }
                }
            }
        }

        /// `_accept_connection2`: the connection's reader, protocol and transport.
        private func accepted(_ conn: socket) {
            if let sinkFactory {
                guard let sink = try? sinkFactory() else {
                    conn.close()
                    return
                }
                Transport(loop: loop, sock: conn, stream: sink, server: self).start(nil)
                return
            }
            guard let reader = try? StreamReader(limit: limit) else {
                conn.close()
                return
            }
            let stream = StreamProtocol(loop: loop, reader: reader, handler: callback)
            Transport(loop: loop, sock: conn, stream: stream, server: self).start(nil)
        }

        /// `server.close()`: stops listening and closes the listening sockets (an AF_UNIX
        /// server's path is removed); open connections stay open.
        ///
        /// Python: `Server.close()`. C: `close(2)`, `unlink(2)`.
        public func close() {
            guard let sockets = listeners else { return }
            listeners = nil
            for listener in sockets {
                let cleanup = unixPaths.removeValue(forKey: ObjectIdentifier(listener))
                listener.close()
                if let (path, inode) = cleanup, System.inode(path)?.inode == inode { System.unlink(path) }
            }
            serving = false
            if let forever = servingForever, !forever.done {
                forever.cancel()
                servingForever = nil
            }
            if clients.isEmpty { wakeup() }
        }

        /// `server.close_clients()`: closes every open connection.
        ///
        /// Python: `Server.close_clients()`. C: `close(2)`.
        public func close_clients() {
            for client in clients.values { client.transport?.close() }
        }

        /// `server.abort_clients()`: closes every open connection at once, unsent data dropped.
        ///
        /// Python: `Server.abort_clients()`. C: `close(2)`.
        public func abort_clients() {
            for client in clients.values { client.transport?.abort() }
        }

        /// `await server.start_serving()`: starts accepting (when `start_server` was given
        /// `start_serving: false`).
        ///
        /// Python: `Server.start_serving()`. C: `listen(2)`.
        public func start_serving() async throws {
            try startServing()
            try await asyncio.sleep(0)
        }

        /// `await server.serve_forever()`: accepts until the server is closed or the task
        /// cancelled; then closes the server, waits for it, and raises `CancellationError`.
        ///
        /// Python: `Server.serve_forever()`. C: `accept4(2)`.
        /// - Throws: `CancellationError`; `RuntimeError('server <Server ...> is closed')`, or
        ///   `... is already being awaited on serve_forever()`.
        public func serve_forever() async throws {
            if servingForever != nil {
                throw RuntimeError("server \(debugDescription) is already being awaited on serve_forever()")
            }
            if listeners == nil { throw RuntimeError("server \(debugDescription) is closed") }
            try startServing()
            let forever = LoopFuture()
            servingForever = forever
            defer { if servingForever === forever { servingForever = nil } }
            do {
                try await forever.wait()
            } catch let error as CancellationError {
                close()
                // Wait for the close whatever happens to this task meanwhile.
                let me = LoopBound(self)
                await asyncio.loopTask { try await me.value.wait_closed() }.future.settled()
                throw error
            }
        }

        /// `await server.wait_closed()`: returns once the server is closed and every connection
        /// it accepted is closed.
        ///
        /// Python: `Server.wait_closed()`. C: none.
        public func wait_closed() async throws {
            guard waiters != nil else { return }
            let waiter = LoopFuture()
            waiters?.append(waiter)
            try await waiter.wait()
        }

        /// `async with server:`: runs `body`, then closes the server and waits until it is closed.
        ///
        /// Python: `Server.__aenter__`/`__aexit__`. C: `close(2)`.
        ///
        /// Differs from CPython: a closure rather than an `async with` block.
        public func with<Result>(_ body: (Server) async throws -> Result) async throws -> Result {
            do {
                let result = try await body(self)
                close()
                try await wait_closed()
                return result
            } catch {
                close()
                try await wait_closed()
                throw error
            }
        }
    }
}
