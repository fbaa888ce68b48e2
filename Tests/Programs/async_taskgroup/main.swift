// A port checker with asyncio.TaskGroup: probes under wait_for, a blocking call in asyncio.to_thread, loop.call_later, and a group whose failing task cancels the rest.
import PySocket
import PySocketAsync
import PyBuiltins

nonisolated(unsafe) var results: [Int: String] = [:]
nonisolated(unsafe) var log: [String] = []
nonisolated(unsafe) var beats: [String] = []


func handle(_ reader: asyncio.StreamReader, _ writer: asyncio.StreamWriter) async throws {
    try writer.write("hello from the server\n")
    try await writer.drain()
    writer.close()
    try await writer.wait_closed()
}


func unused_port() throws -> Int {
    let s = try socket.socket()
    try s.bind(("127.0.0.1", 0))
    let port: Int = try s.getsockname()[1]
    s.close()
    return port
}


func probe(_ port: Int) async throws -> Bool {
    let reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    do {
        (reader, writer) = try await asyncio.wait_for(await asyncio.open_connection("127.0.0.1", port), 1.0)
    } catch let e as ConnectionRefusedError {
        results[port] = "closed (errno \(e.errno))"
        return false
    }
    let banner = try await reader.readline()
    writer.close()
    try await writer.wait_closed()
    results[port] = "open: \(try banner.decode().strip())"
    return true
}


func sleeper(_ name: String, _ delay: Double) async throws {
    do {
        try await asyncio.sleep(delay)
        log.append("\(name) done")
    } catch let e as asyncio.CancelledError {
        log.append("\(name) cancelled")
        throw e
    }
}


func failing(_ delay: Double) async throws {
    try await asyncio.sleep(delay)
    throw ConnectionResetError("peer went away")
}


func main() async throws {
    let loop = asyncio.get_running_loop()
    let server = try await asyncio.start_server(handle, "127.0.0.1", 0)
    let open_port: Int = try server.sockets[0].getsockname()[1]
    let closed_port = try unused_port()

    try loop.call_later(0.01, { beats.append("beat") })
    let never = try loop.call_later(10, { beats.append("never") })
    never.cancel()
    print("cancelled handle:", never.cancelled())

    var t1: asyncio.Task<Bool>!, t2: asyncio.Task<Bool>!
    var tg = asyncio.TaskGroup()
    try await tg.with { tg in
        t1 = try tg.create_task { try await probe(open_port) }
        t2 = try tg.create_task { try await probe(closed_port) }
        let infos = try await asyncio.to_thread { try socket.getaddrinfo("127.0.0.1", 80, type: socket.SOCK_STREAM) }
        print("to_thread:", infos[0].4)
    }
    print("probes:", try t1.result(), try t2.result())
    print(results[open_port])
    print(results[closed_port])

    do {
        tg = asyncio.TaskGroup()
        try await tg.with { tg in
            try tg.create_task { try await sleeper("slow", 1.0) }
            try tg.create_task { try await sleeper("quick", 0.01) }
            try tg.create_task { try await failing(0.05) }
            try await asyncio.sleep(5)
            log.append("body finished")
        }
    } catch let eg as ExceptionGroup {
        print(type(eg).__name__, "-", eg, "-", list(eg.exceptions))
    }
    print("log:", log)

    func add_later() async throws -> Int {
        return 1
    }

    do {
        try tg.create_task { try await add_later() }
    } catch let e as RuntimeError {
        print("RuntimeError:", e)
    }

    try await asyncio.sleep(0.01)
    print("beats:", beats)
    server.close()
    try await server.wait_closed()
}


try asyncio.run { try await main() }
