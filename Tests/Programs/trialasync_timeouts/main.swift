// Deadlines and cancellation: wait_for, asyncio.timeout, task.cancel() and CancelledError cleanup.
import PySocket
import PyBuiltins
import PySocketAsync


@Sendable func slow_server(_ reader: asyncio.StreamReader, _ writer: asyncio.StreamWriter) async throws {
    let line = try await reader.readline()
    let delay = try float(try line.decode())
    try await asyncio.sleep(delay)
    try writer.write("late reply\n")
    do {
        try await writer.drain()
    } catch let e as ConnectionError {
        print("server: drain failed:", type(e).__name__)
    }
    writer.close()
}


@Sendable func ask(_ port: Int, _ delay: Double, _ timeout: Double) async throws -> String {
    let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
    try writer.write("\(delay)\n".encode())
    try await writer.drain()
    @Sendable func finally_() async throws {
        writer.close()
        try await writer.wait_closed()
    }
    let result: String
    do {
        let reply = try await asyncio.wait_for(await reader.readline(), timeout: timeout)
        result = "delay=\(delay) timeout=\(timeout): \(repr(reply))"
    } catch is asyncio.TimeoutError {
        result = "delay=\(delay) timeout=\(timeout): timed out"
    } catch {
        try await finally_()
        throw error
    }
    try await finally_()
    return result
}


final class Log: @unchecked Sendable {
    var items: [String] = []
}


@Sendable func worker(_ name: String, _ log: Log) async throws {
    log.items.append("\(name) started")
    do {
        defer { log.items.append("\(name) finally") }
        do {
            while true {
                try await asyncio.sleep(0.01)
            }
        } catch let e as asyncio.CancelledError {
            log.items.append("\(name) cleaning up")
            throw e
        }
    }
}


@Sendable func main() async throws {
    let server = try await asyncio.start_server(slow_server, "127.0.0.1", 0)
    let port: Int = try server.sockets[0].getsockname()[1]
    for (delay, timeout) in [(0.0, 1.0), (0.2, 0.05), (0.01, 0.5)] {
        print(try await ask(port, delay, timeout))
    }

    let log = Log()
    let task = asyncio.create_task { try await worker("w1", log) }
    try await asyncio.sleep(0.03)
    print("cancel returned", task.cancel())
    do {
        try await task.value
    } catch is asyncio.CancelledError {
        print("awaiting the task raised CancelledError")
    }
    print(log.items, task.cancelled(), task.done())
    print("second cancel:", task.cancel())

    do {
        try await asyncio.timeout(0.02) {
            try await asyncio.sleep(5)
        }
    } catch let e as TimeoutError {
        print("timeout block:", type(e).__name__, repr(e))
    }

    do {
        _ = try await asyncio.wait_for(await asyncio.sleep(1, result: "never"), 0.01)
    } catch let e as asyncio.TimeoutError {
        print("wait_for:", isinstance(e, TimeoutError.self), e.args)
    }

    print(try await asyncio.wait_for(await asyncio.sleep(0.001, result: "in time"), 1))

    @Sendable func refuses_to_finish() async throws -> String? {
        do {
            try await asyncio.sleep(10)
        } catch is asyncio.CancelledError {
            print("caught the cancellation, returning a value")
            return "swallowed"
        }
        return nil
    }

    let t2 = asyncio.create_task { try await refuses_to_finish() }
    try await asyncio.sleep(0)
    t2.cancel()
    print("t2 result:", try await t2.value, t2.cancelled())

    let t3 = asyncio.create_task { try await asyncio.sleep(0.01, result: 42) }
    print("t3:", try await t3.value, try t3.result(), try t3.exception())

    try await asyncio.sleep(0.25)
    server.close()
    try await server.wait_closed()
    print("done")
}


try asyncio.run { try await main() }
