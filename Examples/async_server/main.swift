// A select-free multi-client server with asyncio: one task per client, over loop.sock_*.
import PySocket
import PySocketAsync
import PyBuiltins


func handle(_ loop: asyncio.AbstractEventLoop, _ conn: socket) async throws {
    while true {
        let data = try await loop.sock_recv(conn, 1024)
        if data.isEmpty {
            break
        }
        try await loop.sock_sendall(conn, data.upper())
    }
    conn.close()
}


func serve(_ loop: asyncio.AbstractEventLoop, _ srv: socket, _ clients: Int) async throws -> Int {
    var handlers: [asyncio.Task<Void>] = []
    for _ in range(clients) {
        let (conn, _) = try await loop.sock_accept(srv)
        handlers.append(asyncio.create_task { try await handle(loop, conn) })
    }
    for handler in handlers {
        try await handler.value
    }
    return len(handlers)
}


func client(_ loop: asyncio.AbstractEventLoop, _ port: Int, _ name: bytes) async throws -> [bytes] {
    let s = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try s.setblocking(false)
    try await loop.sock_connect(s, ("127.0.0.1", port))
    var replies: [bytes] = []
    for i in range(3) {
        try await loop.sock_sendall(s, try bytes("%s says %d") % (name, i))
        replies.append(try await loop.sock_recv(s, 1024))
    }
    s.close()
    return replies
}


func main() async throws {
    let loop = asyncio.get_running_loop()
    let srv = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try srv.bind(("127.0.0.1", 0))
    try srv.listen()
    try srv.setblocking(false)
    let port: Int = try srv.getsockname()[1]
    let names: [bytes] = ["ann", "bob", "cyd"]
    let server = asyncio.create_task { try await serve(loop, srv, len(names)) }
    var clients: [asyncio.Task<[bytes]>] = []
    for name in names {
        clients.append(asyncio.create_task { try await client(loop, port, name) })
    }
    for (name, task) in zip(names, clients) {
        print(try name.decode(), try await task.value)
    }
    print("handled", try await server.value, "clients")
    srv.close()
}


try asyncio.run { try await main() }
