// An asyncio request/response exchange over loop.sock_* with length-prefixed messages.
import PySocket
import PySocketAsync
import PyBuiltins

func read_message(_ loop: asyncio.AbstractEventLoop, _ sock: socket) async throws -> String? {
    var header: bytes = ""
    while len(header) < 2 {
        let chunk = try await loop.sock_recv(sock, 2 - len(header))
        if chunk.isEmpty {
            return nil
        }
        header += chunk
    }
    let size = try Int.from_bytes(header, "big")
    var body: bytes = ""
    while len(body) < size {
        body += try await loop.sock_recv(sock, size - len(body))
    }
    return try body.decode()
}

func write_message(_ loop: asyncio.AbstractEventLoop, _ sock: socket, _ text: String) async throws {
    let data = text.encode()
    try await loop.sock_sendall(sock, try len(data).to_bytes(2, "big") + data)
}

func server(_ loop: asyncio.AbstractEventLoop, _ srv: socket) async throws -> Int {
    let (conn, _) = try await loop.sock_accept(srv)
    print("server: accepted, blocking =", conn.getblocking())
    var handled = 0
    while let text = try await read_message(loop, conn) {
        let words = text.split()
        let reply = " ".join(reversed(words))
        try await write_message(loop, conn, "\(len(words)):\(reply)")
        handled += 1
    }
    conn.close()
    return handled
}

func main() async throws {
    let loop = asyncio.get_running_loop()
    let srv = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try srv.setblocking(false)
    try srv.bind(("127.0.0.1", 0))
    try srv.listen()
    let task = asyncio.create_task { try await server(loop, srv) }

    let client = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try client.setblocking(false)
    try await loop.sock_connect(client, try srv.getsockname())
    for text in ["hello async world", "one", "a b c d e"] {
        try await write_message(loop, client, text)
        let reply = try await read_message(loop, client)!
        let (count, _, words) = try reply.partition(":")
        print("client: \(repr(text)) -> \(repr(words)) (\(try int(count)) words)")
    }

    do {
        _ = try await asyncio.wait_for(await loop.sock_recv(client, 10), 0.05)
    } catch let e as TimeoutError {
        print("client: no reply within 0.05 s:", type(e).__name__)
    }

    try client.shutdown(socket.SHUT_WR)
    print("server handled", try await task.value)
    print("client: eof", try await loop.sock_recv(client, 10))
    client.close()
    srv.close()
}

try asyncio.run { try await main() }
