// A streams echo server and several concurrent clients run together with asyncio.gather.
import PySocket
import PySocketAsync
import PyBuiltins

nonisolated(unsafe) var served: [Int] = []


func handle(_ reader: asyncio.StreamReader, _ writer: asyncio.StreamWriter) async throws {
    var count = 0
    while case let line = try await reader.readline(), !line.isEmpty {
        try writer.write(line.upper())
        try await writer.drain()
        count += 1
    }
    served.append(count)
    writer.close()
    try await writer.wait_closed()
}


func client(_ port: Int, _ name: String, _ lines: [String]) async throws -> (String, [String], bytes) {
    let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
    var replies: [String] = []
    for text in lines {
        try writer.write("\(name): \(text)\n".encode())
        try await writer.drain()
        let reply = try await reader.readline()
        replies.append(try reply.decode().rstrip())
    }
    try writer.write_eof()
    let tail = try await reader.read()
    writer.close()
    try await writer.wait_closed()
    return (name, replies, tail)
}


func unused_port() throws -> Int {
    let s = try socket.socket()
    try s.bind(("127.0.0.1", 0))
    let port: Int = try s.getsockname()[1]
    s.close()
    return port
}


func main() async throws {
    let server = try await asyncio.start_server(handle, "127.0.0.1", 0)
    let port: Int = try server.sockets[0].getsockname()[1]
    try await server.with { server in
        let results = try await asyncio.gather(
            { try await client(port, "ann", ["hello", "bye"]) },
            { try await client(port, "bob", ["one", "two", "three"]) },
            { try await client(port, "cy", []) }
        )
        print(type(results).__name__, len(results))
        for (name, replies, tail) in results {
            print(name, replies, tail)
        }

        let outcomes = try await asyncio.gather(
            { try await client(port, "dee", ["last"]) },
            { try await client(try unused_port(), "eve", ["never"]) },
            return_exceptions: true
        )
        for item in outcomes {
            if let item = item as? OSError {
                print("error:", type(item).__name__, item.errno, isinstance(item, OSError.self))
            } else {
                print("ok:", item)
            }
        }

        do {
            _ = try await asyncio.gather({ try await client(try unused_port(), "fay", []) })
        } catch let e as ConnectionRefusedError {
            print("gather raised", type(e).__name__, e.errno)
        }

        print("empty gather:", try await asyncio.gather())
        server.close()
    }
    print("served", sorted(served), "serving:", server.is_serving())
}


try asyncio.run { try await main() }
