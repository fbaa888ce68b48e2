// asyncio's streams on the real kernel, on every backend: echo servers, flow control, limits, closing, AF_UNIX, IPv6, and no descriptor leaks.
import Glibc
import PySocket
import PySocketAsync
import Testing
import TestSupport

/// The port a server listens on.
private func port(of server: asyncio.Server) throws -> Int {
    guard let first = server.sockets.first else { throw ValueError("no socket") }
    return try first.getsockname().port
}

/// Echoes each line until the end of the stream.
private let echoLines: asyncio.ClientConnected = { reader, writer in
    for try await line in reader {
        try writer.write(line)
        try await writer.drain()
    }
    writer.close()
    try await writer.wait_closed()
}

/// Reads until the end of the stream and answers with the count.
private let countUntilEOF: asyncio.ClientConnected = { reader, writer in
    let data = try await reader.read()
    try writer.write(bytes("\(data.count) bytes".utf8))
    try await writer.drain()
    writer.close()
}

/// Every stream scenario, by name. Texts expected here are CPython 3.13's (Conformance/traces/linux/asyncio_streams.json).
let streamScenarios: [String: Scenario] = [
    "an echo server serves 20 clients at once": { backend in
        let replies = try asyncio.run(backend: backend) { () -> [String] in
            let server = try await asyncio.start_server(echoLines, "127.0.0.1", 0)
            let port = try port(of: server)
            let replies = try await withThrowingTaskGroup(of: String.self) { group in
                for client in 0..<20 {
                    group.addTask {
                        let (reader, writer) = try await asyncio.open_connection("127.0.0.1", port)
                        var got: [UInt8] = []
                        for line in 0..<5 {
                            try writer.write(bytes("client \(client) line \(line)\n".utf8))
                            try await writer.drain()
                            got += try await reader.readline()
                        }
                        writer.close()
                        try await writer.wait_closed()
                        return String(decoding: got, as: UTF8.self)
                    }
                }
                var all: [String] = []
                for try await reply in group { all.append(reply) }
                return all.sorted()
            }
            server.close()
            try await server.wait_closed()
            return replies
        }
        #expect(replies.count == 20)
        #expect(replies.allSatisfy { reply in
            guard let client = reply.split(separator: " ").dropFirst().first else { return false }
            return reply == (0..<5).map { "client \(client) line \($0)\n" }.joined()
        })
    },
    "4 MiB through write and drain arrive whole": { backend in
        let answer = try asyncio.run(backend: backend) { () -> bytes in
            let server = try await asyncio.start_server(countUntilEOF, "127.0.0.1", 0)
            let (reader, writer) = try await asyncio.open_connection("127.0.0.1", try port(of: server))
            let chunk = bytes(repeatElement(UInt8(ascii: "z"), count: 65536))
            for _ in 0..<64 {
                try writer.write(chunk)
                try await writer.drain()
            }
            try writer.write_eof()
            let answer = try await reader.read()
            writer.close()
            server.close()
            try await server.wait_closed()
            return answer
        }
        #expect(answer == "4194304 bytes")
    },
    "drain waits above the high-water mark until the buffer is down to the low one": { backend in
        let (size, waited, sizeAfter) = try asyncio.run(backend: backend) { () -> (Int, Bool, Int) in
            let loop = asyncio.get_running_loop()
            let (a, b) = try nonBlockingPair()
            defer { b.close() }
            let (_, writer) = try await asyncio.open_connection(sock: a)
            try writer.write(bytes(repeatElement(0x61, count: 1_000_000)))
            let size = writer.transport.get_write_buffer_size()
            let drain = asyncio.create_task { try await writer.drain() }
            try await asyncio.sleep(0.02)
            let waited = !drain.done()
            var received = 0
            while received < 1_000_000 {
                received += try await loop.sock_recv(b, 65536).count
            }
            try await drain.value
            let after = writer.transport.get_write_buffer_size()
            writer.close()
            try await writer.wait_closed()
            return (size, waited, after)
        }
        #expect(size > 65536)
        #expect(waited)
        #expect(sizeAfter == 0)
    },
    "readline over the limit raises ValueError and drops the line": { backend in
        let (error, next) = try asyncio.run(backend: backend) { () -> (String, bytes) in
            let (a, b) = try nonBlockingPair()
            defer { b.close() }
            let (reader, writer) = try await asyncio.open_connection(limit: 10, sock: a)
            _ = try b.send(bytes(repeatElement(0x78, count: 100)) + "\ntail\n")
            var error = "none"
            do { _ = try await reader.readline() } catch let e as ValueError { error = "\(type(of: e)): \(e)" }
            let next = try await reader.readline()
            writer.close()
            return (error, next)
        }
        #expect(error == "ValueError: Separator is found, but chunk is longer than limit")
        #expect(next == "tail\n")
    },
    "readexactly past the end raises IncompleteReadError with the partial bytes": { backend in
        let (text, repr, partial, expected) = try asyncio.run(backend: backend) { () -> (String, String, bytes, Int?) in
            let (a, b) = try nonBlockingPair()
            let (reader, writer) = try await asyncio.open_connection(sock: a)
            _ = try b.send("lo\nwor")
            b.close()
            defer { writer.close() }
            do {
                _ = try await reader.readexactly(100)
                return ("", "", "", nil)
            } catch let e as asyncio.IncompleteReadError {
                return ("\(e)", String(reflecting: e), e.partial, e.expected)
            }
        }
        #expect(text == "6 bytes read on a total of 100 expected bytes")
        #expect(repr == "IncompleteReadError('6 bytes read on a total of 100 expected bytes')")
        #expect(partial == "lo\nwor")
        #expect(expected == 100)
    },
    "a reset is kept: read, drain and wait_closed raise it every time": { backend in
        let texts = try asyncio.run(backend: backend) { () -> [String] in
            let resetting: asyncio.ClientConnected = { _, writer in
                try writer.get_extra_info("socket").socket?.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, [1, 0, 0, 0, 0, 0, 0, 0] as bytes)
                writer.close()
            }
            let server = try await asyncio.start_server(resetting, "127.0.0.1", 0)
            let (reader, writer) = try await asyncio.open_connection("127.0.0.1", try port(of: server))
            var texts: [String] = []
            for step in 0..<4 {
                do {
                    switch step {
                    case 0, 1: _ = try await reader.read(10)
                    case 2: try await writer.drain()
                    default: try await writer.wait_closed()
                    }
                    texts.append("no error")
                } catch {
                    texts.append(String(reflecting: error))
                }
            }
            server.close()
            try await server.wait_closed()
            return texts
        }
        #expect(texts == Array(repeating: "ConnectionResetError(104, 'Connection reset by peer')", count: 4))
    },
    "drain after your own close raises ConnectionResetError('Connection lost')": { backend in
        let (text, errnoValue) = try asyncio.run(backend: backend) { () -> (String, Int?) in
            let (a, b) = try nonBlockingPair()
            defer { b.close() }
            let (_, writer) = try await asyncio.open_connection(sock: a)
            writer.close()
            do {
                try await writer.drain()
                return ("no error", nil)
            } catch let e as ConnectionResetError {
                return (String(reflecting: e), e.errno)
            }
        }
        #expect(text == "ConnectionResetError('Connection lost')")
        #expect(errnoValue == nil)
    },
    "writing after write_eof raises RuntimeError, even b''": { backend in
        let text = try asyncio.run(backend: backend) { () -> String in
            let (a, b) = try nonBlockingPair()
            defer { b.close() }
            let (_, writer) = try await asyncio.open_connection(sock: a)
            defer { writer.close() }
            try writer.write_eof()
            do {
                try writer.write("")
                return "no error"
            } catch {
                return String(reflecting: error)
            }
        }
        #expect(text == "RuntimeError('Cannot call write() after write_eof()')")
    },
    "write takes any bytes: a literal, [UInt8], bytearray, a UTF-8 view": { backend in
        let received = try asyncio.run(backend: backend) { () -> bytes in
            let loop = asyncio.get_running_loop()
            let (a, b) = try nonBlockingPair()
            defer { b.close() }
            let (_, writer) = try await asyncio.open_connection(sock: a)
            try writer.write("a")
            try writer.write([UInt8(ascii: "b")])
            try writer.write(bytearray("c"))
            try writer.write("d".utf8)
            try await writer.drain()
            writer.close()
            try await writer.wait_closed()
            return try await loop.sock_recv(b, 10)
        }
        #expect(received == "abcd")
    },
    "a cancelled read leaves the stream readable": { backend in
        let data = try asyncio.run(backend: backend) { () -> bytes in
            let (a, b) = try nonBlockingPair()
            defer { b.close() }
            let (reader, writer) = try await asyncio.open_connection(sock: a)
            defer { writer.close() }
            let waiting = asyncio.create_task { try await reader.read(10) }
            try await asyncio.sleep(0.01)
            waiting.cancel()
            do { _ = try await waiting.value } catch is CancellationError {}
            _ = try b.send("after")
            return try await reader.read(10)
        }
        #expect(data == "after")
    },
    "streams left open when asyncio.run ends close with the loop's tasks": { backend in
        try asyncio.run(backend: backend) {
            let server = try await asyncio.start_server(echoLines, "127.0.0.1", 0)
            let (_, writer) = try await asyncio.open_connection("127.0.0.1", try port(of: server))
            try writer.write("left open\n")
            try await asyncio.sleep(0.01)
        }
    },
    "AF_UNIX: echo, and closing the server removes its path": { backend in
        var template = Array("/tmp/pysocket-streams-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw OSError("mkdtemp failed") }
        let directory = String(cString: made)
        let path = directory + "/echo.sock"
        defer {
            unlink(path)
            rmdir(directory)
        }
        let (line, exists) = try asyncio.run(backend: backend) { () -> (bytes, Bool) in
            let server = try await asyncio.start_unix_server(echoLines, path)
            let (reader, writer) = try await asyncio.open_unix_connection(path)
            try writer.write("unix\n")
            let line = try await reader.readline()
            writer.close()
            try await writer.wait_closed()
            server.close()
            try await server.wait_closed()
            return (line, access(path, F_OK) == 0)
        }
        #expect(line == "unix\n")
        #expect(!exists)
    },
    "IPv6: the peer is a 4-tuple": { backend in
        let (peer, reply) = try asyncio.run(backend: backend) { () -> (String, bytes) in
            let server = try await asyncio.start_server(echoLines, "::1", 0)
            let (reader, writer) = try await asyncio.open_connection("::1", try port(of: server))
            try writer.write("six\n")
            let reply = try await reader.readline()
            let peer = String(reflecting: writer.get_extra_info("peername"))
            writer.close()
            server.close()
            try await server.wait_closed()
            return (peer.replacingPort(), reply)
        }
        #expect(peer == "('::1', PORT, 0, 0)")
        #expect(reply == "six\n")
    },
    "async with server: the closure form closes and waits": { backend in
        let serving = try asyncio.run(backend: backend) { () -> [Bool] in
            let server = try await asyncio.start_server(echoLines, "127.0.0.1", 0)
            let inside = try await server.with { $0.is_serving() }
            return [inside, server.is_serving(), server.sockets.isEmpty]
        }
        #expect(serving == [true, false, true])
    },
]

extension String {
    /// The text with its 4-or-5-digit port numbers written `PORT`.
    fileprivate func replacingPort() -> String {
        var out = "", digits = ""
        for ch in self {
            if ch.isNumber { digits.append(ch); continue }
            out += digits.count >= 4 ? "PORT" : digits
            digits = ""
            out.append(ch)
        }
        return out + (digits.count >= 4 ? "PORT" : digits)
    }
}

@Suite(.fdBalanced) struct StreamTests {
    @Test(arguments: availableBackends, streamScenarios.keys.sorted())
    func scenario(_ backend: asyncio.Backend, _ name: String) throws {
        try streamScenarios[name]!(backend)
    }

    @Test func noStreamScenarioLeaksADescriptor() async {
        // In a child process, where no other test opens descriptors meanwhile.
        await #expect(processExitsWith: .success) {
            exit(descriptorLeaks(streamScenarios) == 0 ? 0 : 1)
        }
    }
}
