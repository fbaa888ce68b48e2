// A line-based chat with asyncio streams: start_server runs one handler per client, clients use open_connection.
import PySocket
import PySocketAsync
import PyBuiltins

nonisolated(unsafe) var clients = dict<String, asyncio.StreamWriter>()


func handle(_ reader: asyncio.StreamReader, _ writer: asyncio.StreamWriter) async throws {
    let name = try (try await reader.readline()).strip().decode()
    let peer = writer.get_extra_info("peername")
    print("server:", name, "joined from", try peer[0])
    clients[name] = writer
    try writer.write("welcome " + name.encode() + "\n")
    try await writer.drain()
    for try await line in reader {
        let text = try line.rstrip("\n").decode()
        for (other, out) in clients.items() {
            if other != name {
                try out.write("\(name): \(text)\n".encode())
                try await out.drain()
            }
        }
    }
    clients[name] = nil
    print("server:", name, "left")
    writer.close()
    try await writer.wait_closed()
}


func join(_ port: Int, _ name: bytes) async throws -> (asyncio.StreamReader, asyncio.StreamWriter) {
    let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
    try writer.write(name + "\n")
    try await writer.drain()
    print(try name.decode(), "got", try await reader.readline())
    return (reader, writer)
}


func main() async throws {
    let server = try await asyncio.start_server(handle, "127.0.0.1", 0)
    let port: Int = try server.sockets[0].getsockname()[1]
    print("serving:", server.is_serving())

    let (ann_r, ann_w) = try await join(port, "ann")
    let (bob_r, bob_w) = try await join(port, "bob")

    try ann_w.write("hi bob\n")
    try await ann_w.drain()
    print("bob got", try await bob_r.readline())
    try bob_w.writelines(["hello ", "ann\n", "bye\n"])
    try await bob_w.drain()
    print("ann got", try await ann_r.readuntil("\n"))
    print("ann got", try await ann_r.readline())

    try ann_w.write_eof()
    print("ann got", try await ann_r.read(), "at eof:", ann_r.at_eof())
    do {
        try ann_w.write("too late\n")
    } catch let e as RuntimeError {
        print("ann:", e)
    }
    ann_w.close()
    try await ann_w.wait_closed()

    bob_w.close()
    try await bob_w.wait_closed()
    do {
        _ = try await bob_r.readexactly(10)
    } catch let e as asyncio.IncompleteReadError {
        print("bob: short read", e.partial, e.expected, "-", e)
    }

    server.close()
    try await server.wait_closed()
    print("serving:", server.is_serving(), "clients left:", len(clients))
}


try asyncio.run { try await main() }
