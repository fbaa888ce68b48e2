// Low-level loop.sock_* servers over TCP on ::1 and AF_UNIX in a temp dir, with a reset connection.
import PySocket
import PyBuiltins
import PySocketAsync


@Sendable func serve_one(_ loop: asyncio.EventLoop, _ srv: socket, _ tag: String) async throws -> Int {
    let (conn, addr) = try await loop.sock_accept(srv)
    print(tag, "accepted; blocking:", conn.getblocking(), "addr type:", type(addr).__name__)
    var total = 0
    try await conn.with { conn in
        while true {
            let header = try await loop.sock_recv(conn, 4)
            if !bool(header) {
                break
            }
            let size: Int = try `struct`.unpack("!I", header)
            var body: bytes = ""
            while len(body) < size {
                let chunk = try await loop.sock_recv(conn, size - len(body))
                if !bool(chunk) {
                    throw ConnectionError("short body")
                }
                body += chunk
            }
            total += size
            try await loop.sock_sendall(conn, try `struct`.pack("!I", size) + (try body[nil, nil, -1]))
        }
    }
    return total
}


@Sendable func talk(_ loop: asyncio.EventLoop, _ family: socket.AddressFamily, _ addr: SocketAddress, _ messages: [bytes]) async throws -> [bytes] {
    let c = try socket.socket(family, socket.SOCK_STREAM)
    try c.setblocking(false)
    try await loop.sock_connect(c, addr)
    var replies: [bytes] = []
    for m in messages {
        try await loop.sock_sendall(c, try `struct`.pack("!I", len(m)) + m)
        let header = try await loop.sock_recv(c, 4)
        let size: Int = try `struct`.unpack("!I", header)
        let buf = try bytearray(size)
        var got = 0
        while got < size {
            got += try await loop.sock_recv_into(c, memoryview(buf)[got...])
        }
        replies.append(bytes(buf))
    }
    c.close()
    return replies
}


@Sendable func main() async throws {
    let loop = asyncio.get_running_loop()

    let srv6 = try socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    try srv6.bind(("::1", 0))
    try srv6.listen()
    try srv6.setblocking(false)
    let addr6 = try srv6.getsockname()
    print("ipv6 listener:", try addr6[0], len(addr6))
    var server_task = asyncio.create_task { try await serve_one(loop, srv6, "v6") }
    print(try await talk(loop, socket.AF_INET6, .inet(host: try addr6[0], port: try addr6[1]), ["hello", "", try "x" * 3, bytes(range(5))]))
    print("v6 server total:", try await server_task.value)
    srv6.close()

    try await tempfile.TemporaryDirectory().with { tmp in
        let path = os.path.join(tmp, "echo.sock")
        let usrv = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try usrv.bind(path)
        try usrv.listen()
        try usrv.setblocking(false)
        server_task = asyncio.create_task { try await serve_one(loop, usrv, "unix") }
        print(try await talk(loop, socket.AF_UNIX, .unix(path), ["over a unix socket"]))
        print("unix server total:", try await server_task.value)
        usrv.close()
        print("socket file exists:", os.path.exists(path))
    }

    let srv = try socket.create_server(("127.0.0.1", 0))
    try srv.setblocking(false)
    let c = try socket.socket()
    try c.setblocking(false)
    try await loop.sock_connect(c, try srv.getsockname())
    var (conn, _) = try await loop.sock_accept(srv)
    try conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, try `struct`.pack("ii", 1, 0))
    conn.close()
    do {
        let data = try await loop.sock_recv(c, 100)
        print("recv after reset:", data)
    } catch let e as ConnectionResetError {
        print("reset:", e.errno, e.strerror, isinstance(e, ConnectionError.self))
    }
    print("then:", try await loop.sock_recv(c, 100))
    c.close()

    let probe = try socket.socket()
    try probe.setblocking(false)
    do {
        defer { probe.close() }
        try await loop.sock_connect(probe, try srv.getsockname())
        (conn, _) = try await loop.sock_accept(srv)
        try await loop.sock_sendall(conn, "direct")
        print(try await asyncio.wait_for(await loop.sock_recv(probe, 10), 1.0))
        do {
            _ = try await asyncio.wait_for(await loop.sock_recv(probe, 10), 0.02)
        } catch is TimeoutError {
            print("nothing more within 20 ms")
        }
        conn.close()
    }
    srv.close()

    let closed = try socket.socket()
    try closed.bind(("127.0.0.1", 0))
    let closed_port: Int = try closed.getsockname()[1]
    closed.close()
    let refused = try socket.socket()
    try refused.setblocking(false)
    do {
        defer { refused.close() }
        try await loop.sock_connect(refused, ("127.0.0.1", closed_port))
    } catch let e as ConnectionRefusedError {
        print("refused:", e.errno, str(e).replace(str(closed_port), "PORT"))
    }
}


try asyncio.run { try await main() }
