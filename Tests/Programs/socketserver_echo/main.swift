// socketserver: a TCPServer handling one request at a time, a ThreadingTCPServer of line echoes run by
// serve_forever in a thread until shutdown(), and a UDPServer.
import PySocket
import PyBuiltins


final class UpperHandler: socketserver.BaseRequestHandler<socket>, @unchecked Sendable {
    var data: bytes = ""
    override func handle() throws {
        self.data = try self.request.recv(1024).strip()
        print("\(try self.client_address[0]) wrote: \(self.data)")
        try self.request.sendall(self.data.upper())
    }
}


final class LineHandler: socketserver.StreamRequestHandler, @unchecked Sendable {
    override func handle() throws {
        for line in self.rfile {
            try self.wfile.write("echo: " + line)
        }
    }
}


final class UDPHandler: socketserver.BaseRequestHandler<(bytes, socket)>, @unchecked Sendable {
    override func handle() throws {
        let data = self.request.0.strip()
        let sock = self.request.1
        print("udp from \(try self.client_address[0]): \(data)")
        _ = try sock.sendto(data.upper(), self.client_address)
    }
}


try socketserver.TCPServer(("127.0.0.1", 0), UpperHandler.self).with { server in
    let client = try socket.create_connection(server.server_address, timeout: 2)
    try client.sendall("hello world\n")
    try server.handle_request()
    print("received:", try client.recv(1024))
    client.close()
    server.timeout = 0.05
    try server.handle_request()
    print("timed out with nothing to do")
}

try socketserver.ThreadingTCPServer(("127.0.0.1", 0), LineHandler.self).with { server in
    let t = threading.Thread(target: server.serve_forever, args: (0.05))
    try t.start()
    var replies: [bytes] = []
    for i in range(3) {
        try socket.create_connection(server.server_address, timeout: 2).with { c in
            let f: SocketFile<bytes> = try c.makefile("rb")
            try c.sendall("line \(i)\n".encode())
            replies.append(try f.readline())
            try c.sendall("bye\n")
            replies.append(try f.readline())
            try f.close()
        }
    }
    print(replies)
    server.shutdown()
    try t.join()
    print("serve_forever returned")
}

let server = try socketserver.UDPServer(("127.0.0.1", 0), UDPHandler.self)
try server.with { server in
    let c = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try c.settimeout(2)
    _ = try c.sendto("ping\n", server.server_address)
    try server.handle_request()
    print(try c.recvfrom(1024).0)
    c.close()
}
print("closed:", server.socket.fileno())
