// socketserver docs: ThreadingMixIn and ForkingMixIn servers with a BaseRequestHandler echo.
import PySocket
import PyBuiltins


final class EchoRequestHandler: socketserver.BaseRequestHandler<socket>, @unchecked Sendable {

    override func handle() throws {
        let data = try self.request.recv(1024)
        let cur = threading.current_thread()
        let kind = cur !== threading.main_thread() ? "thread" : "main"
        let response = try bytes(try "{}: {}".format(kind, try data.decode("ascii").upper()), "ascii")
        try self.request.sendall(response)
    }
}


final class ThreadedTCPServer: socketserver.ThreadingTCPServer, @unchecked Sendable {
}


final class ForkingTCPServer: socketserver.ForkingTCPServer, @unchecked Sendable {
}


func client(_ ip: String, _ port: Int, _ message: String) throws {
    try socket.socket(socket.AF_INET, socket.SOCK_STREAM).with { sock in
        try sock.connect((ip, port))
        try sock.sendall(try bytes(message, "ascii"))
        let response = try str(try sock.recv(1024), "ascii")
        print(try "Received: {}".format(response))
    }
}


for cls in [ThreadedTCPServer.self, ForkingTCPServer.self] as [socketserver.TCPServer.Type] {
    print("==", cls.__name__)
    let server = try cls.init(("127.0.0.1", 0), EchoRequestHandler.self)
    try server.with { server in
        let (ip, port) = try server.server_address.pair
        print("address family:", server.address_family == socket.AF_INET)
        print("socket type:", server.socket_type == socket.SOCK_STREAM)
        print("allow_reuse_address:", server.allow_reuse_address)
        let server_thread = threading.Thread(target: { try server.serve_forever() })
        server_thread.daemon = true
        try server_thread.start()
        print("Server loop running:", server_thread.is_alive())
        try client(ip, port, "Hello World 1")
        try client(ip, port, "Hello World 2")
        try client(ip, port, "Hello World 3")
        server.shutdown()
        try server_thread.join()
        print("after shutdown:", server_thread.is_alive())
    }
    print("closed fileno:", server.socket.fileno())
}
print("pid unchanged:", os.getpid() == os.getpid())
