// A loop.sock_* server over a non-blocking listening socket: one task per connection, clients gathered.
import PySocket
import PySocketAsync
import PyBuiltins


func serve_client(_ loop: asyncio.AbstractEventLoop, _ conn: socket, _ number: Int) async throws -> (Int, Int) {
    var total = 0
    while true {
        let data = try await loop.sock_recv(conn, 1024)
        if data.isEmpty {
            break
        }
        total += len(data)
        try await loop.sock_sendall(conn, str(len(data)).encode() + " bytes\n")
    }
    conn.close()
    return (number, total)
}


func accept_loop(_ loop: asyncio.AbstractEventLoop, _ srv: socket, _ count: Int) async throws -> [(Int, Int)] {
    var tasks: [asyncio.Task<(Int, Int)>] = []
    for number in range(count) {
        let (conn, addr) = try await loop.sock_accept(srv)
        print("accepted", number, "from", try addr[0], "blocking:", conn.getblocking(), "timeout:", conn.gettimeout())
        tasks.append(asyncio.create_task { try await serve_client(loop, conn, number) })
    }
    return try await asyncio.gather(tasks)
}


func client(_ loop: asyncio.AbstractEventLoop, _ address: SocketAddress, _ payloads: [bytes]) async throws -> [String] {
    let sock = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try sock.setblocking(false)
    try await loop.sock_connect(sock, address)
    var replies: [String] = []
    for payload in payloads {
        try await loop.sock_sendall(sock, payload)
        replies.append(try (try await loop.sock_recv(sock, 1024)).decode().strip())
    }
    sock.close()
    return replies
}


func main() async throws {
    let loop = asyncio.get_running_loop()
    let srv = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try srv.bind(("127.0.0.1", 0))
    try srv.listen(8)
    try srv.setblocking(false)
    let address = try srv.getsockname()

    let server = asyncio.create_task { try await accept_loop(loop, srv, 3) }
    var replies: [[String]] = []
    for payloads: [bytes] in [[try "x" * 10], ["hello", "world!"], [try "a" * 100, "b", "cc"]] {
        replies.append(try await client(loop, address, payloads))
    }
    print("replies:", replies)
    print("server totals:", try await server.value)

    let late = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try late.setblocking(false)
    srv.close()
    do {
        try await loop.sock_connect(late, address)
    } catch let e as ConnectionRefusedError {
        print("refused:", type(e).__name__, e.errno, str(e).startswith("[Errno 111] Connect call failed"))
    }
    late.close()
}


try asyncio.run { try await main() }
