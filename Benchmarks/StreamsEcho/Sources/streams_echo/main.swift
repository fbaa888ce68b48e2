// Streams echo: 10 clients doing write, drain, readline against a start_server line echo; round trips per CPU second.
import PySocket
import PySocketAsync
import Glibc

func cpu() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}
let count = Int(CommandLine.arguments.dropFirst().first ?? "20000") ?? 20000
let clients = 10
try asyncio.run {
    let server = try await asyncio.start_server({ reader, writer in
        for try await line in reader {
            try writer.write(line)
            try await writer.drain()
        }
        writer.close()
    }, "127.0.0.1", 0)
    let port: Int = try server.sockets[0].getsockname()[1]
    let line = bytes(repeatElement(UInt8(ascii: "x"), count: 63)) + "\n"
    let start = cpu()
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<clients {
            group.addTask {
                let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
                for _ in 0..<count / clients {
                    try writer.write(line)
                    try await writer.drain()
                    _ = try await reader.readline()
                }
                writer.close()
                try await writer.wait_closed()
            }
        }
        try await group.waitForAll()
    }
    let used = cpu() - start
    print("PySocketAsync streams (\(asyncio.get_running_loop().backend)): \(count) round trips, \(Int(Double(count) / used)) per CPU second")
    server.close()
    try await server.wait_closed()
}
