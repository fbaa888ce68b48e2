// socketserver.ForkingTCPServer (ForkingMixIn), and the class attributes a program reads from a server object.
import PySocket
import Synchronization

extension socketserver {
    /// `socketserver.ForkingTCPServer(server_address, RequestHandlerClass)`: a TCPServer that
    /// handles each connection in a forked child process; `class S(ForkingMixIn, TCPServer)`
    /// ports as `final class S: socketserver.ForkingTCPServer, @unchecked Sendable {}`.
    ///
    /// The child handles the request, shuts it down and ends with `os._exit` (status 0, or 1
    /// after `handle_error`); the parent closes its copy of the connection and reaps children
    /// in `service_actions()` and in `server_close()` (`block_on_close`).
    ///
    /// Python: `socketserver.ForkingTCPServer`, `socketserver.ForkingMixIn`. C: `fork(2)`,
    /// `waitpid(2)`, `_exit(2)`.
    ///
    /// Differs from CPython: `max_children` (40) is not enforced by blocking.
    open class ForkingTCPServer: TCPServer, @unchecked Sendable {
        private let children = Mutex<Set<Int>?>(nil)

        /// `server.active_children`: the pids of children not yet reaped (None before the first fork).
        ///
        /// Python: `ForkingMixIn.active_children`.
        public var active_children: Set<Int>? { children.withLock { $0 } }

        /// `server.process_request(request, client_address)`: forks; the child handles the
        /// request and exits, the parent closes the request.
        ///
        /// Python: `ForkingMixIn.process_request()`. C: `fork(2)`, `_exit(2)`.
        open override func process_request(_ request: socket, _ client_address: SocketAddress) throws {
            let pid = try os.fork()
            if pid != 0 {
                children.withLock { $0 = ($0 ?? []).union([pid]) }
                request.close()
                return
            }
            var status = 1
            do {
                try finish_request(request, client_address)
                status = 0
            } catch {
                handle_error(error, client_address)
            }
            shutdown_request(request)
            os._exit(status)
        }

        /// `server.collect_children(blocking=False)`: reaps the children that have ended (all of
        /// them, waiting, when `blocking`).
        ///
        /// Python: `ForkingMixIn.collect_children()`. C: `waitpid(2)`.
        public func collect_children(blocking: Bool = false) {
            for pid in children.withLock({ Array($0 ?? []) }) {
                let done = (try? os.waitpid(pid, blocking ? 0 : 1 /* WNOHANG */))?.0
                if done == pid || done == nil {
                    _ = children.withLock { $0?.remove(pid) }
                }
            }
        }

        /// `server.service_actions()`: reaps ended children (called by `serve_forever`).
        ///
        /// Python: `ForkingMixIn.service_actions()`. C: `waitpid(2)` with `WNOHANG`.
        open override func service_actions() { collect_children() }

        /// `server.server_close()`: closes the socket, then waits for every child.
        ///
        /// Python: `ForkingMixIn.server_close()`. C: `close(2)`, `waitpid(2)`.
        open override func server_close() {
            super.server_close()
            collect_children(blocking: true)
        }
    }
}

extension socketserver.BaseServer {
    /// `cls.__name__` of a server class: `for cls in (A, B): print(cls.__name__)` ports as
    /// `for cls in [A.self, B.self] as [socketserver.TCPServer.Type] { print(cls.__name__) }`.
    ///
    /// Python: `type.__name__`.
    public static var __name__: String { String(describing: self) }
}

extension socketserver.BaseServer {
    /// `server.address_family` read from a server object: the family of its socket.
    ///
    /// Python: `TCPServer.address_family`, `UDPServer.address_family`.
    public var address_family: PySocket.socket.AddressFamily { socket.family }
    /// `server.socket_type`: the type of its socket (`SOCK_STREAM` for TCP, `SOCK_DGRAM` for UDP).
    ///
    /// Python: `TCPServer.socket_type`, `UDPServer.socket_type`.
    public var socket_type: PySocket.socket.SocketKind { socket.type }
    /// `server.allow_reuse_address` read from a server object: its class's value (false
    /// unless a subclass says true).
    ///
    /// Python: `TCPServer.allow_reuse_address`.
    public var allow_reuse_address: Bool { (type(of: self) as? socketserver.TCPServer.Type)?.allow_reuse_address ?? false }
}
