// A line-oriented echo server with a small command set, and many clients under gather.
import PySocket
import PyBuiltins
import PySocketAsync

let HEADER_SIZE = 4


@Sendable func handle_client(_ reader: asyncio.StreamReader, _ writer: asyncio.StreamWriter) async throws {
    let peer = writer.get_extra_info("peername")
    let host: String = try peer[0]
    var served = 0
    @Sendable func finally_(_ served: Int) async throws {
        print("server: \(host) done after \(served) commands")
        writer.close()
        try await writer.wait_closed()
    }
    do {
        while true {
            let line = try await reader.readline()
            if line.isEmpty {
                break
            }
            let cmd = try line.decode().strip()
            if cmd == "QUIT" {
                try writer.write("BYE\n")
                try await writer.drain()
                break
            } else if cmd.startswith("LEN ") {
                let size = try int(cmd[4, nil])
                let payload = try await reader.readexactly(size)
                try writer.write("GOT \(len(payload)) \(payload.hex())\n".encode())
            } else if cmd == "UNTIL" {
                let chunk = try await reader.readuntil("$$")
                try writer.write("CHUNK " + chunk[nil, -2] + "\n")
            } else {
                try writer.write(line.upper())
            }
            served += 1
            try await writer.drain()
        }
    } catch let e as asyncio.IncompleteReadError {
        print("server: incomplete from \(host): partial=\(repr(e.partial)) expected=\(e.expected)")
    } catch {
        try await finally_(served)
        throw error
    }
    try await finally_(served)
}


@Sendable func client(_ port: Int, _ name: String, _ lines: [String]) async throws -> (String, [String], bytes, bytes) {
    let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
    var replies: [String] = []
    for text in lines {
        try writer.write(text.encode() + "\n")
        try await writer.drain()
        replies.append(try (try await reader.readline()).decode().rstrip("\n"))
    }
    try writer.write("QUIT\n")
    try await writer.drain()
    let bye = try await reader.readline()
    let rest = try await reader.read()
    writer.close()
    try await writer.wait_closed()
    return (name, replies, bye, rest)
}


@Sendable func main() async throws {
    let server = try await asyncio.start_server(handle_client, "127.0.0.1", 0)
    let port: Int = try server.sockets[0].getsockname()[1]
    print("serving on port > 0:", port > 0)
    let results = try await asyncio.gather(range(5).map { i in { try await client(port, "c\(i)", ["hello \(i)", "line \(i * i)"]) } })
    for (name, replies, bye, rest) in results {
        print(name, replies, bye, rest)
    }

    var (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
    try writer.write([0x4c, 0x45, 0x4e, 0x20, 0x35, 0x0a, 0x61, 0x62, 0x00, 0x63, 0x64] as bytes)
    try writer.write("UNTIL\nsome$data$$")
    try await writer.drain()
    print(try await reader.readline())
    print(try await reader.readline())
    try writer.write("LEN 10\nshort")
    try writer.write_eof()
    print(try await reader.read(), reader.at_eof())
    writer.close()
    try await writer.wait_closed()
    try await asyncio.sleep(0.05)

    (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
    try writer.write("no newline")
    try writer.write_eof()
    do {
        _ = try await reader.readexactly(100)
    } catch let e as asyncio.IncompleteReadError {
        print("client:", e, len(e.partial))
    }
    writer.close()
    try await writer.wait_closed()
    try await asyncio.sleep(0.05)
    server.close()
    try await server.wait_closed()
    print("server closed:", !server.is_serving())
}


try asyncio.run { try await main() }
