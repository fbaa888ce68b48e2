// asyncio.Protocol servers and clients: a key-value store speaking lines, with connection bookkeeping.
import PySocket
import PyBuiltins
import PySocketAsync

nonisolated(unsafe) var store: dict<String, String> = [:]
nonisolated(unsafe) var events: [(String, Any?)] = []


final class KVServerProtocol: asyncio.`Protocol`, @unchecked Sendable {
    var transport: asyncio.Transport? = nil
    var buffer: bytes = ""
    var commands = 0

    override func connection_made(_ transport: asyncio.Transport) throws {
        self.transport = transport
        let peer = transport.get_extra_info("peername")
        events.append(("open", try peer[0] as String))
    }

    override func data_received(_ data: bytes) throws {
        self.buffer += data
        while self.buffer.contains("\n") {
            let parts = try self.buffer.split("\n", 1)
            let line = parts[0]
            self.buffer = parts[1]
            self.commands += 1
            try self.handle(try line.decode())
        }
    }

    func handle(_ line: String) throws {
        let parts = try line.split(" ", 2)
        if parts[0] == "SET" && len(parts) == 3 {
            store[parts[1]] = parts[2]
            try self.transport!.write("OK\n")
        } else if parts[0] == "GET" && len(parts) == 2 {
            let value = store.get(parts[1])
            try self.transport!.write(value != nil ? "VALUE \(value!)\n".encode() : "MISSING\n")
        } else if parts[0] == "CLOSE" {
            try self.transport!.write("CLOSING\n")
            self.transport!.close()
        } else {
            try self.transport!.write("ERROR unknown command \(repr(parts[0]))\n".encode())
        }
    }

    override func eof_received() throws -> Bool? {
        events.append(("eof", self.commands))
        return false
    }

    override func connection_lost(_ exc: (any Error)?) throws {
        events.append(("lost", exc))
    }
}


final class KVClientProtocol: asyncio.`Protocol`, @unchecked Sendable {
    let commands: [String]
    let on_done: asyncio.Future<([String], (any Error)?)>
    var replies: [String] = []
    var pending: bytes = ""

    init(_ commands: [String], _ on_done: asyncio.Future<([String], (any Error)?)>) {
        self.commands = commands
        self.on_done = on_done
    }

    override func connection_made(_ transport: asyncio.Transport) throws {
        for c in self.commands {
            try transport.write(c.encode() + "\n")
        }
    }

    override func data_received(_ data: bytes) throws {
        self.pending += data
        var lines = try self.pending.split("\n")
        self.pending = try lines.pop()
        self.replies.extend(try lines.map { l in try l.decode() })
    }

    override func connection_lost(_ exc: (any Error)?) throws {
        try self.on_done.set_result((self.replies, exc))
    }
}


@Sendable func main() async throws {
    let loop = asyncio.get_running_loop()
    let server = try await loop.create_server(KVServerProtocol.init, "127.0.0.1", 0)
    let port: Int = try server.sockets[0].getsockname()[1]

    let done: asyncio.Future<([String], (any Error)?)> = loop.create_future()
    var (transport, protocol_) = try await loop.create_connection(
        { KVClientProtocol(["SET a 1", "SET b two words", "GET a", "GET b", "GET c", "PING", "CLOSE"], done) },
        "127.0.0.1", port)
    var (replies, exc) = try await done.value
    print("replies:", replies)
    print("exc:", exc, "closing:", transport.is_closing())
    print("protocol kept", len(protocol_.replies), "replies")

    let done2: asyncio.Future<([String], (any Error)?)> = loop.create_future()
    (transport, protocol_) = try await loop.create_connection(
        { KVClientProtocol(["GET b", "SET a 3", "GET a"], done2) }, "127.0.0.1", port)
    try await asyncio.sleep(0.05)
    print("so far:", protocol_.replies)
    try transport.write_eof()
    (replies, exc) = try await done2.value
    print("after eof:", replies, exc)

    let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
    try writer.write("GET a\nSET partial")
    try await writer.drain()
    print("stream client:", try await reader.readline())
    writer.close()
    try await writer.wait_closed()
    try await asyncio.sleep(0.05)

    server.close()
    try await server.wait_closed()
    for e in events {
        print("event", e)
    }
    print("store", store)
}


try asyncio.run { try await main() }
