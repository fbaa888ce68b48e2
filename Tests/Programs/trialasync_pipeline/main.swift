// A producer/consumer pipeline: lines read from a socket go through two asyncio.Queue stages.
import PySocket
import PyBuiltins
import PySocketAsync

let WORKERS = 3


@Sendable func source_server(_ reader: asyncio.StreamReader, _ writer: asyncio.StreamWriter) async throws {
    for i in range(12) {
        try writer.write(try "record-\(i, "02d"),\(i * 7 % 5)\n".encode())
    }
    try await writer.drain()
    writer.close()
    try await writer.wait_closed()
}


@Sendable func producer(_ port: Int, _ raw: asyncio.Queue<bytes?>) async throws -> Int {
    let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
    var count = 0
    while true {
        let line = try await reader.readline()
        if !bool(line) { break }
        try await raw.put(line.rstrip("\n"))
        count += 1
    }
    writer.close()
    try await writer.wait_closed()
    for _ in range(WORKERS) {
        try await raw.put(nil)
    }
    return count
}


@Sendable func parse_worker(_ wid: Int, _ raw: asyncio.Queue<bytes?>, _ parsed: asyncio.Queue<(Int, String, String)>) async throws -> (Int, Int) {
    var handled = 0
    while true {
        let item = try await raw.get()
        guard let item else {
            try raw.task_done()
            break
        }
        let parts = try item.split(",")
        let (name, weight) = (parts[0], parts[1])
        try await asyncio.sleep(0.001 * Double(try int(weight)))
        try await parsed.put((try int(weight), try name.decode(), hashlib.md5(item).hexdigest()[..<8]))
        handled += 1
        try raw.task_done()
    }
    return (wid, handled)
}


final class Totals: @unchecked Sendable {
    var counts: dict<Int, Int> = [:]
    var names: [String] = []
}


@Sendable func collector(_ parsed: asyncio.Queue<(Int, String, String)>, _ totals: Totals) async throws {
    while true {
        let (weight, name, _) = try await parsed.get()
        totals.counts[weight] = totals.counts.get(weight, 0)! + 1
        totals.names.append(name)
        try parsed.task_done()
    }
}


@Sendable func main() async throws {
    let server = try await asyncio.start_server(source_server, "127.0.0.1", 0)
    let port: Int = try server.sockets[0].getsockname()[1]
    let raw = asyncio.Queue<bytes?>(maxsize: 4)
    let parsed = asyncio.Queue<(Int, String, String)>()
    let totals = Totals()
    print("queues:", raw.maxsize, parsed.maxsize, raw.empty(), raw.full())

    let workers = range(WORKERS).map { i in asyncio.create_task { try await parse_worker(i, raw, parsed) } }
    let coll = asyncio.create_task { try await collector(parsed, totals) }
    let produced = try await producer(port, raw)
    print("produced", produced)
    try await raw.join()
    try await parsed.join()
    let results = try await asyncio.gather(workers)
    print("workers handled", try sum(results.map { (_, n) in n }), "in", len(results), "workers")
    coll.cancel()
    do {
        try await coll.value
    } catch is asyncio.CancelledError {
        print("collector cancelled:", coll.cancelled())
    }

    let names = sorted(totals.names)
    print(names[nil, 3], try names[py: -1], len(names))
    for weight in sorted(totals.counts) {
        print("weight \(weight): \(totals.counts[weight]!) records")
    }
    print("queue sizes at the end:", raw.qsize(), parsed.qsize())

    let q = asyncio.Queue<String>(maxsize: 1)
    try q.put_nowait("x")
    do {
        try q.put_nowait("y")
    } catch is asyncio.QueueFull {
        print("QueueFull raised, full:", q.full())
    }
    print(try q.get_nowait())
    do {
        _ = try q.get_nowait()
    } catch is asyncio.QueueEmpty {
        print("QueueEmpty raised, empty:", q.empty())
    }
    do {
        _ = try await asyncio.wait_for(await q.get(), timeout: 0.02)
    } catch is TimeoutError {
        print("get timed out")
    }
    server.close()
    try await server.wait_closed()
}


try asyncio.run { try await main() }
