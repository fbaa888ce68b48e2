// socketserver's servers and handlers against the real kernel: bind errors, handle_request, serve_forever/shutdown, handle_error; texts from CPython 3.13.
import PyBuiltins
import PySocket
import Testing
import TestSupport

/// Replies "hi " + the first line, then writes once more after closing wfile (which CPython allows).
final class GreetHandler: socketserver.StreamRequestHandler, @unchecked Sendable {
    override func handle() throws {
        try self.wfile.write("hi " + (try self.rfile.readline()))
        self.wfile.close()
        try self.wfile.write("x")
    }
}

/// A server that sets SO_REUSEADDR, as a Python subclass saying `allow_reuse_address = True` does.
final class ReusingServer: socketserver.TCPServer, @unchecked Sendable {
    override class var allow_reuse_address: Bool { true }
}

/// Raises, so that the server reports it with handle_error.
final class FailingHandler: socketserver.BaseRequestHandler<socket>, @unchecked Sendable {
    override func handle() throws { throw ValueError("bad request") }
}

/// `address_family = socket.AF_INET6` in a ThreadingTCPServer subclass, as a Python IPv6 server says it.
final class V6ThreadingServer: socketserver.ThreadingTCPServer, @unchecked Sendable {
    override class var address_family: PySocket.socket.AddressFamily { PySocket.socket.AF_INET6 }
}

/// The same for UDP.
final class V6UDPServer: socketserver.UDPServer, @unchecked Sendable {
    override class var address_family: PySocket.socket.AddressFamily { PySocket.socket.AF_INET6 }
}

/// Echoes a datagram back in upper case.
final class UpperDatagram: socketserver.BaseRequestHandler<(bytes, socket)>, @unchecked Sendable {
    override func handle() throws {
        let (data, sock) = self.request
        _ = try sock.sendto(data.upper(), self.client_address)
    }
}

@Suite("socketserver", .fdBalanced)
struct SocketServerTests {
    @Test("TCPServer: a port in use raises CPython's OSError and leaks no socket; handle_request serves one; with closes")
    func tcpServer() throws {
        let server = try socketserver.TCPServer(("127.0.0.1", 0), GreetHandler.self)
        try server.with { server in
            let port: Int = try server.server_address[1]
            // python3.13: socketserver.TCPServer(("127.0.0.1", port), H) -> OSError [Errno 98] Address already in use
            expectOutcome("OSError: [Errno 98] Address already in use") {
                try socketserver.TCPServer(("127.0.0.1", port), GreetHandler.self)
            }
            let c = try socket.create_connection(server.server_address, timeout: 2)
            defer { c.close() }
            try c.sendall("x\n")
            try server.handle_request()
            #expect(repr(try c.recv(100)) == "b'hi x\\nx'")
        }
        #expect(repr(server.socket) == "<socket.socket [closed] fd=-1, family=2, type=1, proto=0>")
        try ReusingServer(("127.0.0.1", 0), GreetHandler.self).with { reusing in
            let reuse: Int = try reusing.socket.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR)
            #expect(reuse != 0)
        }
        server.with { _ in }  // server_close twice is harmless
    }

    @Test("a handler's exception is reported on stderr between dashes, as CPython's handle_error, and the connection is closed")
    func handleError() throws {
        try socketserver.TCPServer(("127.0.0.1", 0), FailingHandler.self).with { server in
            let c = try socket.create_connection(server.server_address, timeout: 2)
            defer { c.close() }
            let err = io.StringIO()
            try sys.$stderr.withValue(err) { try server.handle_request() }
            let lines = err.getvalue().split(separator: "\n").map(String.init)
            let dashes = String(repeating: "-", count: 40)
            // python3.13 (first two and last two lines; CPython prints the traceback between them)
            #expect(lines.count == 4 && lines[0] == dashes && lines[3] == dashes)
            #expect(lines[1] == "Exception occurred during processing of request from \(try c.getsockname())")
            #expect(lines[2] == "ValueError: bad request")
            #expect(try c.recv(10).isEmpty)
        }
    }

    @Test("ThreadingTCPServer: serve_forever in a thread until shutdown(); server_close waits for the handlers")
    func threadingServer() throws {
        let server = try socketserver.ThreadingTCPServer(("127.0.0.1", 0), GreetHandler.self)
        let t = threading.Thread(target: server.serve_forever, args: (0.02))
        try t.start()
        for i in range(3) {
            try socket.create_connection(server.server_address, timeout: 2).with { c in
                try c.sendall("n\(i)\n".encode())
                let f: SocketFile<bytes> = try c.makefile("rb")
                #expect(try f.read() == "hi n\(i)\nx".encode())
                try f.close()
            }
        }
        server.shutdown()
        try t.join()
        server.server_close()
        #expect(server.fileno() == -1)
    }

    @Test("UDPServer: the handler gets (data, socket) and the sender's address")
    func udpServer() throws {
        final class Echo: socketserver.BaseRequestHandler<(bytes, socket)>, @unchecked Sendable {
            override func handle() throws {
                _ = try self.request.1.sendto(self.request.0.upper(), self.client_address)
            }
        }
        try socketserver.UDPServer(("127.0.0.1", 0), Echo.self).with { server in
            let c = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            defer { c.close() }
            try c.settimeout(2)
            _ = try c.sendto("ping", server.server_address)
            try server.handle_request()
            #expect(try c.recv(100) == "PING")
            server.timeout = 0.02
            try server.handle_request()  // times out: nothing to handle
        }
    }

    @Test("address_family = AF_INET6: TCP (threading, serve_forever stopped by shutdown from another thread) and UDP servers on ::1")
    func ipv6Servers() throws {
        try V6ThreadingServer(("::1", 0), GreetHandler.self).with { server in
            // python3.13: server.server_address -> ('::1', port, 0, 0); server.socket.family -> AddressFamily.AF_INET6
            #expect(len(server.server_address) == 4 && str(server.socket.family) == "10")
            let runner = threading.Thread(target: { try server.serve_forever(0.05) })
            try runner.start()
            let port: Int = try server.server_address[1]
            for _ in 0..<2 {
                let c = try socket.create_connection(("::1", port), timeout: 2)
                defer { c.close() }
                try c.sendall("v6\n")
                var reply = bytes()
                while case let chunk = try c.recv(100), bool(chunk) { reply += chunk }
                #expect(repr(reply) == "b'hi v6\\nx'")
            }
            server.shutdown()
            try runner.join(2)
            #expect(!runner.is_alive())
        }
        try V6UDPServer(("::1", 0), UpperDatagram.self).with { server in
            let c = try socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
            defer { c.close() }
            try c.settimeout(2)
            _ = try c.sendto("ping", server.server_address)
            try server.handle_request()
            #expect(repr(try c.recv(100)) == "b'PING'")
        }
    }
}
