// A broadcast chat server: a set of writers, and one task that sends what an asyncio.Queue receives to all of them.
import PySocket
import PySocketAsync
import PyBuiltins

nonisolated(unsafe) var writers = Set<asyncio.StreamWriter>()
let messages = asyncio.Queue<(String, String)>()


func broadcaster() async throws {
    while true {
        let (sender, text) = try await messages.get()
        for writer in list(writers) {
            try writer.write("[\(sender)] \(text)\n".encode())
            try await writer.drain()
        }
        try messages.task_done()
    }
}


func handle(_ reader: asyncio.StreamReader, _ writer: asyncio.StreamWriter) async throws {
    let name = try (try await reader.readline()).decode().strip()
    writers.insert(writer)
    try await messages.put(("server", "\(name) joined"))
    while case let line = try await reader.readline(), !line.isEmpty {
        try await messages.put((name, try line.decode().strip()))
    }
    writers.remove(writer)
    try await messages.put(("server", "\(name) left"))
    writer.close()
    try await writer.wait_closed()
}


func read_lines(_ reader: asyncio.StreamReader, _ count: Int) async throws -> [String] {
    var lines: [String] = []
    for _ in range(count) {
        lines.append(try (try await reader.readline()).decode().rstrip("\n"))
    }
    return lines
}


func main() async throws {
    let task = asyncio.create_task { try await broadcaster() }
    let server = try await asyncio.start_server(handle, "127.0.0.1", 0)
    let port: Int = try server.sockets[0].getsockname()[1]

    let (ann_r, ann_w) = try await asyncio.open_connection("127.0.0.1", port)
    try ann_w.write("ann\n")
    print("ann sees", try await read_lines(ann_r, 1))

    let (bob_r, bob_w) = try await asyncio.open_connection("127.0.0.1", port)
    try bob_w.write("bob\n")
    print("ann sees", try await read_lines(ann_r, 1))
    print("bob sees", try await read_lines(bob_r, 1))

    try ann_w.write("hello everyone\n")
    print("ann sees", try await read_lines(ann_r, 1))
    print("bob sees", try await read_lines(bob_r, 1))
    try bob_w.write("hi ann\nhow are you?\n")
    print("ann sees", try await read_lines(ann_r, 2))
    print("bob sees", try await read_lines(bob_r, 2))

    bob_w.close()
    try await bob_w.wait_closed()
    print("ann sees", try await read_lines(ann_r, 1))
    try await messages.join()
    print("queue empty:", messages.empty(), "size:", messages.qsize(), "writers:", len(writers))

    ann_w.close()
    try await ann_w.wait_closed()
    try await asyncio.sleep(0.05)
    try await messages.join()
    print("writers left:", len(writers))

    let q = asyncio.Queue<String>(maxsize: 2)
    try q.put_nowait("a")
    try q.put_nowait("b")
    print("full:", q.full(), "maxsize:", q.maxsize)
    do {
        try q.put_nowait("c")
    } catch let e as asyncio.QueueFull {
        print("QueueFull", repr(e), repr(str(e)))
    }
    print(try q.get_nowait(), try q.get_nowait(), q.empty())
    do {
        _ = try q.get_nowait()
    } catch let e as asyncio.QueueEmpty {
        print("QueueEmpty", repr(e))
    }
    do {
        try q.task_done()
        try q.task_done()
        try q.task_done()
    } catch let e as ValueError {
        print("ValueError:", e)
    }
    do {
        _ = try await asyncio.wait_for(await q.get(), 0.02)
    } catch is TimeoutError {
        print("get() timed out on an empty queue")
    }

    task.cancel()
    server.close()
    try await server.wait_closed()
}


try asyncio.run { try await main() }
