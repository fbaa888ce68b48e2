// A server that lets 2 handlers run at once with asyncio.Semaphore, counts with an asyncio.Lock, and releases its clients on an asyncio.Event.
import PySocket
import PySocketAsync
import PyBuiltins

let limit = try asyncio.Semaphore(2)
let lock = asyncio.Lock()
let start = asyncio.Event()
nonisolated(unsafe) var stats = ["active": 0, "peak": 0, "handled": 0]
nonisolated(unsafe) var order: [String] = []


func handle(_ reader: asyncio.StreamReader, _ writer: asyncio.StreamWriter) async throws {
    let name = try (try await reader.readline()).decode().strip()
    try await limit.with {
        stats["active"]! += 1
        stats["peak"] = max(stats["peak"]!, stats["active"]!)
        order.append(name)
        try await asyncio.sleep(0.02)
        try writer.write("served \(name)\n".encode())
        try await writer.drain()
        stats["active"]! -= 1
    }
    try await lock.with {
        stats["handled"]! += 1
    }
    writer.close()
    try await writer.wait_closed()
}


func client(_ port: Int, _ name: String) async throws -> String {
    try await start.wait()
    let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
    try writer.write("\(name)\n".encode())
    try await writer.drain()
    let reply = try (try await reader.readline()).decode().strip()
    writer.close()
    try await writer.wait_closed()
    return reply
}


func main() async throws {
    let server = try await asyncio.start_server(handle, "127.0.0.1", 0)
    let port: Int = try server.sockets[0].getsockname()[1]
    let tasks = range(5).map { i in asyncio.create_task { try await client(port, "c\(i)") } }
    try await asyncio.sleep(0.01)
    print("event set:", start.is_set(), "clients done:", try sum(tasks.map { $0.done() ? 1 : 0 }))
    start.set()
    print("event set:", start.is_set())
    let replies = try await asyncio.gather(tasks)
    print("replies:", sorted(replies))
    print("peak:", stats["peak"]!, "handled:", stats["handled"]!, "served:", len(order))
    print("semaphore locked:", limit.locked(), "lock locked:", lock.locked())

    try await lock.acquire()
    print("locked:", lock.locked())
    let waiter = asyncio.create_task { try await lock.acquire() }
    try await asyncio.sleep(0)
    print("second acquire done:", waiter.done())
    try lock.release()
    _ = try await waiter.value
    print("second acquire got it:", try waiter.result(), lock.locked())
    try lock.release()
    do {
        try lock.release()
    } catch let e as RuntimeError {
        print("RuntimeError:", e)
    }

    let sem = try asyncio.Semaphore(1)
    print("acquire:", try await sem.acquire(), "locked:", sem.locked())
    try sem.release()
    do {
        _ = try asyncio.Semaphore(-1)
    } catch let e as ValueError {
        print("ValueError:", e)
    }
    let bounded = try asyncio.BoundedSemaphore(1)
    do {
        try bounded.release()
    } catch let e as ValueError {
        print("ValueError:", e)
    }

    start.clear()
    print("after clear:", start.is_set())
    do {
        _ = try await asyncio.wait_for(await start.wait(), 0.01)
    } catch is TimeoutError {
        print("wait() timed out while clear")
    }
    server.close()
    try await server.wait_closed()
}


try asyncio.run { try await main() }
