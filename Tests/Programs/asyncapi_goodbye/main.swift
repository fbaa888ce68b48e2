// A server shut down gracefully: handlers named after their client catch CancelledError and say goodbye, found with all_tasks(); a Barrier and a shut-down Queue.
import PySocket
import PySocketAsync
import PyBuiltins

nonisolated(unsafe) var log: [String] = []


func handle(_ reader: asyncio.StreamReader, _ writer: asyncio.StreamWriter) async throws {
    let me = asyncio.current_task()!
    me.set_name("handler-" + (try (try await reader.readline()).decode().strip()))
    do {
        while true {
            let line = try await reader.readline()
            if line.isEmpty {
                break
            }
            try writer.write(line.upper())
            try await writer.drain()
        }
    } catch is asyncio.CancelledError {
        log.append("\(me.get_name()) cancelled (cancelling=\(me.cancelling()))")
        try writer.write("server going away\n")
        try await writer.drain()
        writer.close()
        try await writer.wait_closed()
        log.append("\(me.get_name()) said goodbye")
        throw asyncio.CancelledError()
    }
}


func client(_ name: String, _ port: Int, _ barrier: asyncio.Barrier, _ results: asyncio.Queue<String>) async throws -> (Int, Bool) {
    let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
    try writer.write("\(name)\n".encode())
    try writer.write("hello from \(name)\n".encode())
    try await writer.drain()
    try results.put_nowait("\(name): \(try (try await reader.readline()).decode().strip())")
    let index = try await barrier.wait()
    let farewell = try await reader.readline()
    try results.put_nowait("\(name): \(try farewell.decode().strip())")
    let eof = try await reader.read() == ""
    writer.close()
    try await writer.wait_closed()
    return (index, eof)
}


func main() async throws {
    let server = try await asyncio.start_server(handle, "127.0.0.1", 0)
    let port: Int = try server.sockets[0].getsockname()[1]
    let barrier = try asyncio.Barrier(3)
    let results = asyncio.Queue<String>()
    let clients = ["ann", "bob"].map { n in asyncio.create_task(name: "client-\(n)") { try await client(n, port, barrier, results) } }
    print("main task:", asyncio.current_task()!.get_name())
    print("clients:", clients.map { t in t.get_name() })
    print("main waits at index", try await barrier.wait())
    let handlers = try asyncio.all_tasks().filter { t in t.get_name().startswith("handler-") }
    print("handlers:", sorted(handlers.map { t in t.get_name() }))
    for t in sorted(handlers, key: { t in t.get_name() }) {
        t.cancel()
    }
    let outcomes = try await asyncio.gather(clients)
    print("client indexes:", sorted(outcomes.map { (index, _) in index }), "saw EOF:", outcomes.map { (_, eof) in eof })
    results.shutdown()
    var lines: [String] = []
    do {
        while true {
            lines.append(try await results.get())
        }
    } catch is asyncio.QueueShutDown {
        print("results queue shut down after", len(lines), "items")
    }
    for line in sorted(lines) {
        print(" ", line)
    }
    try await asyncio.sleep(0.01)
    for entry in sorted(log) {
        print(entry)
    }
    print("handlers cancelled:", handlers.map { t in t.cancelled() })
    server.close()
    try await server.wait_closed()
    print("tasks left:", sorted(try asyncio.all_tasks().map { t in t.get_name() }))
    print("barrier:", barrier.n_waiting, "waiting of", barrier.parties, "broken:", barrier.broken)
}


try asyncio.run { try await main() }
