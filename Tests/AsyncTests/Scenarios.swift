// The async scenarios, each a function of the backend: run by the parameterised suite and by the leak check.
import Glibc
import PySocket
import PySocketAsync
import Testing

/// One scenario: a name and a body that runs its own `asyncio.run` on the backend given.
typealias Scenario = @Sendable (asyncio.Backend) throws -> Void

/// Makes a socketpair, one of whose descriptors is `number` again (the kernel gives the lowest
/// free one), and expects a receive on that one, waited on, to get what its peer sends. Polled,
/// not `wait_for` (which waits for its inner await): a receive that never wakes fails the
/// scenario instead of hanging it.
func expectFreshReceive(reusing number: Int32, _ loop: asyncio.EventLoop) async throws {
    let (c, d) = try nonBlockingPair()
    defer { c.close(); d.close() }
    #expect(c.fileno() == number || d.fileno() == number)
    let (reused, other) = d.fileno() == number ? (d, c) : (c, d)
    let reader = asyncio.create_task { try await loop.sock_recv(reused, 10) }
    try await asyncio.sleep(0.01)
    _ = try other.send("fresh")
    for _ in 0..<100 where !reader.done() { try await asyncio.sleep(0.01) }
    #expect(reader.done(), "the receive on the reused descriptor never woke")
    if reader.done() {
        #expect(try await reader.value == "fresh")
    } else {
        reader.cancel()
        _ = try? await reader.value
    }
}

/// Every scenario, by name (expected texts measured with scripts/async_probe.py under CPython 3.13).
let scenarios: [String: Scenario] = [
    "the README's taste": { backend in
        let received = try asyncio.run(backend: backend) { () -> bytes in
            let loop = asyncio.get_running_loop()
            let srv = try socket.create_server(("127.0.0.1", 0)); try srv.setblocking(false)
            let c = try socket.socket(); try c.setblocking(false)
            defer { srv.close(); c.close() }
            try await loop.sock_connect(c, try srv.getsockname())
            let (conn, _) = try await loop.sock_accept(srv)
            defer { conn.close() }
            try await loop.sock_sendall(c, "hello")
            return try await asyncio.wait_for(await loop.sock_recv(conn, 1024), 1.0)
        }
        #expect("\(received)" == "b'hello'")
    },
    "run returns main's value and names its backend": { backend in
        let (value, name) = try asyncio.run(backend: backend) { () -> (Int, asyncio.Backend) in
            (42, asyncio.get_running_loop().backend)
        }
        #expect(value == 42)
        #expect(name == backend)
    },
    "nested run and missing loop raise RuntimeError": { backend in
        let nested = try asyncio.run(backend: backend) { () -> String in
            do {
                _ = try asyncio.run(backend: backend) { 1 }
                return "no error"
            } catch let error as RuntimeError {
                return "\(error)"
            }
        }
        #expect(nested == "asyncio.run() cannot be called from a running event loop")
        // Outside a running loop (a detached task runs on the global pool): get_running_loop()
        // ports without `try`, and CPython's RuntimeError comes from the loop's first use.
        let outside = try asyncio.run(backend: backend) { () -> [String] in
            try await _Concurrency.Task.detached { () -> [String] in
                var seen: [String] = []
                if asyncio._get_running_loop() == nil { seen.append("nil") }
                let loop = asyncio.get_running_loop()
                let (a, b) = try nonBlockingPair()
                defer { a.close(); b.close() }
                _ = try b.send("x")
                do { _ = try await loop.sock_recv(a, 1) } catch let error as RuntimeError { seen.append("\(error)") }
                do { _ = try await loop.getaddrinfo("127.0.0.1", 80) } catch let error as RuntimeError { seen.append("\(error)") }
                let task = asyncio.create_task { 1 }
                if task.done() { seen.append("done") }
                do { _ = try await task.value } catch let error as RuntimeError { seen.append("\(error)") }
                do { try await asyncio.sleep(0.01) } catch let error as RuntimeError { seen.append("\(error)") }
                // The byte is still there: the receive never ran.
                seen.append("\(try a.recv(1))")
                return seen
            }.value
        }
        #expect(outside == ["nil", "no running event loop", "no running event loop", "done", "no running event loop",
                            "no running event loop", "b'x'"])
    },
    "sock_recv waits for data, then sees EOF": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            let (a, b) = try nonBlockingPair()
            defer { a.close(); b.close() }
            let sender = asyncio.create_task {
                try await asyncio.sleep(0.02)
                try await loop.sock_sendall(b, "hello")
                b.close()
            }
            let data = try await loop.sock_recv(a, 100)
            #expect(data == "hello")
            try await sender.value
            #expect(try await loop.sock_recv(a, 100) == bytes())
        }
    },
    "the non-blocking check": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            do {
                _ = try await loop.sock_recv(a, 1)
                Issue.record("no error")
            } catch let error as ValueError {
                #expect("\(error)" == "the socket must be non-blocking")
            }
        }
    },
    "TCP accept, connect and echo; the accepted socket is non-blocking": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            let (listener, port) = try loopbackListener()
            defer { listener.close() }
            let server = asyncio.create_task { () -> Bool in
                let (conn, _) = try await loop.sock_accept(listener)
                defer { conn.close() }
                let blocking = conn.getblocking()
                let data = try await loop.sock_recv(conn, 100)
                try await loop.sock_sendall(conn, data)
                return blocking
            }
            let client = try socket.socket()
            defer { client.close() }
            try client.setblocking(false)
            try await loop.sock_connect(client, ("127.0.0.1", port))
            try await loop.sock_sendall(client, "ping")
            #expect(try await loop.sock_recv(client, 100) == "ping")
            #expect(try await server.value == false)
        }
    },
    "refused connect: asyncio's message with the address": { backend in
        let port = try refusedPort()
        let text = try asyncio.run(backend: backend) { () -> String in
            let loop = asyncio.get_running_loop()
            let s = try socket.socket()
            defer { s.close() }
            try s.setblocking(false)
            do {
                try await loop.sock_connect(s, ("127.0.0.1", port))
                return "connected"
            } catch let error as ConnectionRefusedError {
                return "\(error.errno ?? 0) \(error)"
            }
        }
        #expect(text == "111 [Errno 111] Connect call failed ('127.0.0.1', \(port))")
        let text6 = try asyncio.run(backend: backend) { () -> String in
            let loop = asyncio.get_running_loop()
            let s = try socket.socket(socket.AF_INET6)
            defer { s.close() }
            try s.setblocking(false)
            do {
                try await loop.sock_connect(s, ("::1", port))
                return "connected"
            } catch let error as OSError {
                return "\(error)"
            }
        }
        // ::1 may be missing in a container: then the error is not a refusal.
        if text6.contains("111") {
            #expect(text6 == "[Errno 111] Connect call failed ('::1', \(port), 0, 0)")
        }
    },
    "UDP sendto, recvfrom and recvfrom_into": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            let a = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            let b = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            defer { a.close(); b.close() }
            try a.bind(("127.0.0.1", 0))
            try b.bind(("127.0.0.1", 0))
            try a.setblocking(false)
            try b.setblocking(false)
            let addressA = try a.getsockname(), addressB = try b.getsockname()
            let receiver = asyncio.create_task { try await loop.sock_recvfrom(b, 100) }
            try await asyncio.sleep(0.01)
            #expect(try await loop.sock_sendto(a, "one", addressB) == 3)
            let (data, from) = try await receiver.value
            #expect(data == "one")
            #expect(from == addressA)
            _ = try await loop.sock_sendto(b, "two!", addressA)
            var buffer = [UInt8](repeating: 0, count: 16)
            let (count, sender) = try await loop.sock_recvfrom_into(a, &buffer)
            #expect(count == 4)
            #expect(Array(buffer[..<4]) == Array("two!".utf8))
            #expect(sender == addressB)
        }
    },
    "sleep waits on the loop's clock": { backend in
        try asyncio.run(backend: backend) {
            let start = now()
            try await asyncio.sleep(0.05)
            #expect(now() - start >= 0.05)
            try await asyncio.sleep(0)
        }
    },
    "wait_for times out with TimeoutError() and leaves the socket usable": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            let (a, b) = try nonBlockingPair()
            defer { a.close(); b.close() }
            do {
                _ = try await asyncio.wait_for(await loop.sock_recv(a, 10), 0.05)
                Issue.record("no timeout")
            } catch let error as TimeoutError {
                #expect("\(error)" == "")
                #expect(error.args.isEmpty)
            }
            _ = try b.send("x")
            // wait_for(..., 0) times out without trying the operation: the byte stays.
            await #expect(throws: TimeoutError.self) { _ = try await asyncio.wait_for(await loop.sock_recv(a, 10), 0) }
            #expect(try await asyncio.wait_for(await loop.sock_recv(a, 10), 1.0) == "x")
        }
    },
    "timeout cancels the accept in flight": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            let (listener, _) = try loopbackListener()
            defer { listener.close() }
            let start = now()
            await #expect(throws: TimeoutError.self) {
                _ = try await asyncio.timeout(0.05) { try await loop.sock_accept(listener) }
            }
            #expect(now() - start < 1.0)
            #expect(try await asyncio.timeout(1.0) { 7 } == 7)
        }
    },
    "cancelling a task cancels its receive; the socket stays usable": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            let (a, b) = try nonBlockingPair()
            defer { a.close(); b.close() }
            let reader = asyncio.create_task { try await loop.sock_recv(a, 10) }
            try await asyncio.sleep(0.01)
            #expect(!reader.done())
            #expect(reader.cancel())
            await #expect(throws: CancellationError.self) { _ = try await reader.value }
            #expect(reader.done())
            #expect(!reader.cancel())
            _ = try b.send("after")
            #expect(try await loop.sock_recv(a, 10) == "after")
        }
    },
    "a cancelled receive into caller memory leaves the memory alone": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            let (a, b) = try nonBlockingPair()
            defer { a.close(); b.close() }
            let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: 64, alignment: 1)
            defer { memory.deallocate() }
            let box = UncheckedBuffer(memory)
            let reader = asyncio.create_task { try await loop.sock_recv_into(a, box.buffer) }
            try await asyncio.sleep(0.01)
            reader.cancel()
            await #expect(throws: CancellationError.self) { _ = try await reader.value }
            // The kernel has let go: data sent now is neither written there nor consumed.
            memory.initializeMemory(as: UInt8.self, repeating: 0xEE)
            _ = try b.send("late")
            try await asyncio.sleep(0.01)
            #expect(memory.allSatisfy { $0 == 0xEE })
            #expect(try await loop.sock_recv(a, 10) == "late")
            // And a receive into caller memory that waits gets the bytes there.
            let second = asyncio.create_task { try await loop.sock_recv_into(a, box.buffer) }
            try await asyncio.sleep(0.01)
            _ = try b.send("into")
            #expect(try await second.value == 4)
            #expect(Array(memory[..<4]) == Array("into".utf8))
        }
    },
    "closing a socket wakes its pending receive with EBADF": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            let (a, b) = try nonBlockingPair()
            defer { b.close() }
            let reader = asyncio.create_task { () -> String in
                do {
                    _ = try await loop.sock_recv(a, 10)
                    return "returned"
                } catch let error as OSError {
                    return "\(type(of: error)) \(error.errno ?? 0)"
                }
            }
            try await asyncio.sleep(0.01)
            let number = a.fileno()
            a.close()
            #expect(try await asyncio.wait_for(await reader.value, 1.0) == "OSError \(Int(EBADF))")
            // A new socket that reuses the number (the kernel gives the lowest free one) is not
            // disturbed by a stale registration (asyncio's would hang here).
            try await expectFreshReceive(reusing: number, loop)
        }
    },
    "a socket dropped without close: a new socket on its number is waited on afresh": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            var number: Int32 = -1
            do {
                let (a, b) = try nonBlockingPair()
                number = a.fileno()
                // A receive that waits (the backend registers the descriptor), then times out.
                await #expect(throws: TimeoutError.self) { _ = try await asyncio.wait_for(await loop.sock_recv(a, 10), 0.01) }
                _ = try b.getsockname()
            }
            // Both dropped: their deinit closed the descriptors without telling the loop. The
            // loop must not take a new socket on the same number (perhaps at the same address)
            // for the old one, whose registration the kernel dropped with the file.
            try await expectFreshReceive(reusing: number, loop)
        }
    },
    "run cancels the tasks main left behind": { backend in
        let handle = try asyncio.run(backend: backend) { () -> asyncio.Task<Void> in
            let loop = asyncio.get_running_loop()
            let (a, b) = try nonBlockingPair()
            let task = asyncio.create_task {
                defer { a.close(); b.close() }
                _ = try await loop.sock_recv(a, 1)
            }
            try await asyncio.sleep(0.01)
            return task
        }
        #expect(handle.done())
    },
    "sendall of a megabyte through a small buffer": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            let (a, b) = try nonBlockingPair()
            defer { a.close(); b.close() }
            let payload = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            let reader = asyncio.create_task { () -> [UInt8] in
                var got: [UInt8] = []
                while got.count < payload.count {
                    let chunk = try await loop.sock_recv(b, 65536)
                    if chunk.isEmpty { break }
                    got += chunk.storage
                }
                return got
            }
            try await loop.sock_sendall(a, payload)
            #expect(try await reader.value == payload)
        }
    },
    "getaddrinfo and getnameinfo, numeric, inline": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            let infos = try await loop.getaddrinfo("127.0.0.1", 80, family: socket.AF_INET, type: socket.SOCK_STREAM)
            #expect(infos.count == 1)
            #expect(infos.first?.sockaddr == .inet(host: "127.0.0.1", port: 80))
            let name = try await loop.getnameinfo(.inet(host: "127.0.0.1", port: 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV)
            #expect(name.host == "127.0.0.1")
            #expect(name.port == "80")
        }
    },
    "sock_sendfile sends a file": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            var template = Array("/tmp/pysocket-async-XXXXXX".utf8CString)
            let file = mkstemp(&template)
            defer { Glibc.close(file); unlink(template) }
            let content = [UInt8](repeating: 65, count: 100_000)
            _ = content.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
            let (a, b) = try nonBlockingPair()
            defer { a.close(); b.close() }
            let reader = asyncio.create_task { () -> Int in
                var total = 0
                while total < 99_990 {
                    let chunk = try await loop.sock_recv(b, 65536)
                    if chunk.isEmpty { break }
                    total += chunk.count
                }
                return total
            }
            #expect(try await loop.sock_sendfile(a, file, 10) == 99_990)
            #expect(try await reader.value == 99_990)
            do {
                _ = try await loop.sock_sendfile(a, file, 0, 0)
            } catch let error as ValueError {
                #expect("\(error)" == "count must be a positive integer (got 0)")
            }
        }
    },
    "send_fds and recv_fds, sendmsg and recvmsg": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            let (a, b) = try nonBlockingPair()
            defer { a.close(); b.close() }
            let (x, y) = try socket.socketpair()
            defer { x.close(); y.close() }
            let receiver = asyncio.create_task { try await loop.sock_recv_fds(b, 10, 1) }
            try await asyncio.sleep(0.01)
            _ = try await loop.sock_send_fds(a, ["fd"], [x.fileno()])
            let (data, fds, _, _) = try await receiver.value
            #expect(data == "fd")
            #expect(fds.count == 1)
            for fd in fds { Glibc.close(fd) }
            _ = try await loop.sock_sendmsg(a, ["m", "sg"])
            let (message, _, _, _) = try await loop.sock_recvmsg(b, 10)
            #expect(message == "msg")
        }
    },
    "connections iterates until the listener closes": { backend in
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            let (listener, port) = try loopbackListener()
            let clients = asyncio.create_task { () -> Int in
                var count = 0
                for _ in 0..<3 {
                    let c = try socket.socket()
                    try c.setblocking(false)
                    try await loop.sock_connect(c, ("127.0.0.1", port))
                    c.close()
                    count += 1
                }
                return count
            }
            var accepted = 0
            for try await (conn, _) in loop.connections(listener) {
                conn.close()
                accepted += 1
                if accepted == 3 {
                    let closer = asyncio.create_task { try await asyncio.sleep(0.01); listener.close() }
                    _ = closer
                }
            }
            #expect(accepted == 3)
            #expect(try await clients.value == 3)
        }
    },
    "a thousand connections on one loop": { backend in
        let connections = 1000
        #expect(raiseDescriptorLimit(4 * connections + 256) >= 2 * connections + 64)
        try asyncio.run(backend: backend) {
            let loop = asyncio.get_running_loop()
            let (listener, port) = try loopbackListener(connections)
            defer { listener.close() }
            let server = asyncio.create_task { () -> Int in
                var handlers: [asyncio.Task<Int>] = []
                for _ in 0..<connections {
                    let (conn, _) = try await loop.sock_accept(listener)
                    handlers.append(asyncio.create_task {
                        defer { conn.close() }
                        let data = try await loop.sock_recv(conn, 16)
                        try await loop.sock_sendall(conn, data)
                        return data.count
                    })
                }
                var total = 0
                for handler in handlers { total += try await handler.value }
                return total
            }
            var clients: [socket] = []
            defer { for c in clients { c.close() } }
            for _ in 0..<connections {
                let c = try socket.socket()
                try c.setblocking(false)
                try await loop.sock_connect(c, ("127.0.0.1", port))
                clients.append(c)
            }
            // Every connection is open at once; now each says something and reads it back.
            var replies: [asyncio.Task<bytes>] = []
            for (index, c) in clients.enumerated() {
                replies.append(asyncio.create_task {
                    try await loop.sock_sendall(c, bytes(Array("\(index % 10)".utf8)))
                    return try await loop.sock_recv(c, 16)
                })
            }
            var echoed = 0
            for (index, reply) in replies.enumerated() where try await reply.value == bytes(Array("\(index % 10)".utf8)) {
                echoed += 1
            }
            #expect(echoed == connections)
            #expect(try await server.value == connections)
        }
    },
]
