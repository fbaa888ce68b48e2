// A chat room: clients log in with a name, messages are broadcast; serve_forever stopped by a task.
import PySocket
import PyBuiltins
import PySocketAsync

nonisolated(unsafe) var clients: dict<String, asyncio.StreamWriter> = [:]
nonisolated(unsafe) var history: [bytes] = []


@Sendable func broadcast(_ sender: String, _ text: String) async throws {
    let message = "[\(sender)] \(text)\n".encode()
    history.append(message)
    for (name, writer) in clients.items() {
        if name != sender {
            try writer.write(message)
            try await writer.drain()
        }
    }
}


@Sendable func handle(_ reader: asyncio.StreamReader, _ writer: asyncio.StreamWriter) async throws {
    try writer.write("NAME?\n")
    try await writer.drain()
    let name = try (try await reader.readline()).decode().strip()
    if clients.contains(name) {
        try writer.write("TAKEN\n")
        try await writer.drain()
        writer.close()
        try await writer.wait_closed()
        return
    }
    clients[name] = writer
    try writer.write("WELCOME \(name), \(len(clients)) online\n".encode())
    try await writer.drain()
    do {
        defer {
            clients[name] = nil
            writer.close()
        }
        for try await line in reader {
            let text = try line.decode().rstrip()
            if text == "/who" {
                try writer.write((", ".join(sorted(clients)) + "\n").encode())
                try await writer.drain()
            } else {
                try await broadcast(name, text)
            }
        }
    }
    print("\(name) left; \(len(clients)) remain")
}


@Sendable func join(_ port: Int, _ name: String) async throws -> (asyncio.StreamReader, asyncio.StreamWriter) {
    let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
    let prompt = try await reader.readline()
    try writer.write(name.encode() + "\n")
    try await writer.drain()
    let greeting = try await reader.readline()
    print(name, "<-", prompt, greeting)
    return (reader, writer)
}


@Sendable func stopper(_ server: asyncio.Server, _ done: asyncio.Event) async throws {
    _ = try await done.wait()
    print("stopper: closing server")
    server.close()
}


@Sendable func main() async throws {
    let done = asyncio.Event()
    let server = try await asyncio.start_server(handle, "127.0.0.1", 0)
    let port: Int = try server.sockets[0].getsockname()[1]
    asyncio.create_task { try await stopper(server, done) }

    @Sendable func script() async throws {
        let (ra, wa) = try await join(port, "alice")
        let (rb, wb) = try await join(port, "bob")
        let (rt, wt) = try await join(port, "alice")
        print("duplicate:", try await rt.readline(), try await rt.read())
        wt.close()
        try wa.write("hi bob\n")
        try await wa.drain()
        print("bob got", try await rb.readline())
        try wb.write("hello alice\n/who\n")
        try await wb.drain()
        print("alice got", try await ra.readline())
        print("bob got", try await rb.readline())
        wb.close()
        try await wb.wait_closed()
        try await asyncio.sleep(0.05)
        try wa.write("/who\n")
        try await wa.drain()
        print("alice got", try await ra.readline())
        wa.close()
        try await wa.wait_closed()
        try await asyncio.sleep(0.05)
        done.set()
    }

    let task = asyncio.create_task { try await script() }
    try await server.with { server in
        do {
            try await server.serve_forever()
        } catch is asyncio.CancelledError {
            print("serve_forever cancelled")
        }
    }
    try await task.value
    print("history:", len(history), history)
    print("serving:", server.is_serving(), "clients:", clients)
}


try asyncio.run { try await main() }
