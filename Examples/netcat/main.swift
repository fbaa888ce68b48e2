// A netcat clone: `netcat HOST PORT` sends standard input and prints what comes back;
// `netcat -l PORT` accepts one connection on loopback and prints what it receives.
// With no arguments it listens on a free loopback port and talks to itself.
import PySocket
import PyBuiltins


func listen(_ srv: socket) throws {
    let (conn, _) = try srv.accept()
    var received: bytes = ""
    while true {
        let chunk = try conn.recv(4096)
        if chunk.isEmpty {
            break
        }
        received += chunk
    }
    _ = sys.stdout.write(try received.decode())
    try conn.sendall(try bytes("got %d bytes\n") % len(received))
    conn.close()
}


func connect(_ host: String, _ port: Int, _ data: bytes) throws {
    let s = try socket.create_connection((host, port))
    try s.sendall(data)
    try s.shutdown(socket.SHUT_WR)
    while true {
        let chunk = try s.recv(4096)
        if chunk.isEmpty {
            break
        }
        _ = sys.stdout.write(try chunk.decode())
    }
    s.close()
}


let args = Array(sys.argv[1...])
if len(args) == 2 && args[0] == "-l" {
    let srv = try socket.create_server(("127.0.0.1", try int(args[1])))
    try listen(srv)
    srv.close()
} else if len(args) == 2 {
    try connect(args[0], try int(args[1]), bytes(Array(AnyIterator { readLine(strippingNewline: false) }.joined().utf8)))
} else {
    let srv = try socket.create_server(("127.0.0.1", 0))
    let t = threading.Thread(target: { try listen(srv) })
    try t.start()
    try connect("127.0.0.1", try srv.getsockname()[1], "GET / HTTP/1.0\nHello, netcat\n")
    try t.join()
    srv.close()
}
