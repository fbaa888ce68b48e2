// A fetch service behind a Semaphore: at most 3 requests in flight, with stats under a Lock.
import PySocket
import PyBuiltins
import PySocketAsync

let MAX_CONCURRENT = 3


final class Stats: @unchecked Sendable {
    let lock = asyncio.Lock()
    var active = 0
    var peak = 0
    var served: [String] = []

    func enter(_ name: String) async throws {
        try await self.lock.with {
            self.active += 1
            self.peak = max(self.peak, self.active)
        }
    }

    func leave(_ name: String) async throws {
        try await self.lock.with {
            self.active -= 1
            self.served.append(name)
        }
    }
}


@Sendable func backend(_ reader: asyncio.StreamReader, _ writer: asyncio.StreamWriter) async throws {
    let request = try (try await reader.readuntil("\r\n\r\n")).decode()
    let first = try request.split("\r\n")[0]
    let parts = try first.split(" ")
    let (method, path, _) = (parts[0], parts[1], parts[2])
    let delay = Double(try int(try path.rsplit("/", 1)[py: -1])) / 1000
    try await asyncio.sleep(delay)
    let body = "\(method) \(path) ok".encode()
    try writer.write(try bytes("HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n") % len(body) + body)
    try await writer.drain()
    writer.close()
}


@Sendable func fetch(_ port: Int, _ path: String, _ sem: asyncio.Semaphore, _ stats: Stats) async throws -> (String, String) {
    try await sem.with {
        try await stats.enter(path)
        let result: (String, String)
        do {
            let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
            try writer.write("GET \(path) HTTP/1.0\r\nHost: test\r\n\r\n".encode())
            try await writer.drain()
            let status = try await reader.readline()
            var headers: dict<String, String> = [:]
            while true {
                let line = try await reader.readline()
                if line == "\r\n" { break }
                let (key, _, value) = try line.decode().partition(":")
                headers[key.strip().lower()] = value.strip()
            }
            let body = try await reader.readexactly(try int(headers["content-length"]!))
            writer.close()
            try await writer.wait_closed()
            result = (try status.split()[1].decode(), try body.decode())
        } catch {
            try await stats.leave(path)
            throw error
        }
        try await stats.leave(path)
        return result
    }
}


@Sendable func main() async throws {
    let server = try await asyncio.start_server(backend, "127.0.0.1", 0)
    let port: Int = try server.sockets[0].getsockname()[1]
    let sem = try asyncio.Semaphore(MAX_CONCURRENT)
    let stats = Stats()
    let paths = [30, 10, 20, 5, 15, 25, 1, 40].map { d in "/item/\(d)" }
    let start = time.monotonic()
    let results = try await asyncio.gather(paths.map { p in { try await fetch(port, p, sem, stats) } })
    let elapsed = time.monotonic() - start
    for (path, (status, body)) in zip(paths, results) {
        print(try "\(path, "<10") \(status) \(body)")
    }
    print("peak concurrency:", stats.peak, "active now:", stats.active)
    print("served count:", len(stats.served), "semaphore free:", !sem.locked())
    print("took at least 50 ms:", elapsed >= 0.05, "under 1 s:", elapsed < 1)

    let ready = asyncio.Event()
    final class Order: @unchecked Sendable { var items: [Int] = [] }
    let order = Order()

    @Sendable func waiter(_ i: Int) async throws {
        _ = try await ready.wait()
        try await sem.with {
            order.items.append(i)
            try await asyncio.sleep(0.005)
        }
    }

    let tasks = range(5).map { i in asyncio.create_task { try await waiter(i) } }
    try await asyncio.sleep(0.01)
    print("waiting before set:", ready.is_set(), order.items)
    ready.set()
    _ = try await asyncio.gather(tasks)
    print("order after set:", order.items)

    let bounded = try asyncio.BoundedSemaphore(1)
    _ = try await bounded.acquire()
    try bounded.release()
    do {
        try bounded.release()
    } catch let e as ValueError {
        print("BoundedSemaphore:", e)
    }

    server.close()
    try await server.wait_closed()
}


try asyncio.run { try await main() }
