// One loop holding 10,000 concurrent TCP connections on loopback, each echoing a small message, on every backend.
import Glibc
import PySocket
import PySocketAsync
import Testing
import TestSupport

/// How many connections the test holds: `PYSOCKET_CONNECTIONS`, else 10,000.
let manyConnections = getenv("PYSOCKET_CONNECTIONS").flatMap { Int(String(cString: $0)) } ?? 10_000

@Suite(.fdBalanced, .serialized) struct ManyConnectionsTests {
    /// The server side runs on one loop in this process and holds every connection at once; the
    /// clients run in a child process (each process then needs one descriptor per connection,
    /// which the usual hard limit of 20,000 allows), also on a loop of the same backend. Every
    /// connection says something and reads it back; afterwards the descriptor count is as before.
    @Test(arguments: availableBackends)
    func tenThousandConnections(_ backend: asyncio.Backend) async throws {
        let n = manyConnections
        let limit = raiseDescriptorLimit(n + 1024)
        try #require(limit >= n + 256, "RLIMIT_NOFILE is \(limit) and cannot be raised to \(n + 256)")
        let before = openDescriptorCount()
        let start = now()
        let (listener, port) = try loopbackListener(4096)
        let server = ServerThread {
            try asyncio.run(backend: backend) { try await asyncio.wait_for(await acceptAndEcho(listener, n), 120) }
        }
        let name = backend.rawValue
        await #expect(processExitsWith: .success) { [port = port as Int, n = n as Int, name = name as String] in
            _ = raiseDescriptorLimit(n + 1024)
            let echoed = try? asyncio.run(backend: asyncio.Backend(rawValue: name) ?? .poll) {
                try await asyncio.wait_for(await connectAndEcho(port, n), 120)
            }
            exit(echoed == n ? 0 : 1)
        }
        let held = try server.join()
        listener.close()
        let seconds = now() - start
        #expect(held == n)
        #expect(openDescriptorCount() == before)
        print("\(n) connections on \(backend): \((seconds * 100).rounded() / 100) s")
    }
}

/// The server: accepts `n` connections and holds them all at once, then echoes one message on
/// each, all at once. Returns how many distinct descriptors the connections held at the peak.
func acceptAndEcho(_ listener: socket, _ n: Int) async throws -> Int {
    let loop = asyncio.get_running_loop()
    var conns: [socket] = []
    conns.reserveCapacity(n)
    defer { for c in conns { c.close() } }
    while conns.count < n { conns.append(try await loop.sock_accept(listener).0) }
    let held = Set(conns.map { $0.fileno() }.filter { $0 >= 0 }).count
    let handlers = conns.map { conn in
        asyncio.create_task {
            let data = try await loop.sock_recv(conn, 16)
            try await loop.sock_sendall(conn, data)
        }
    }
    for handler in handlers { try await handler.value }
    return held
}

/// The clients: open `n` connections to `port` (at most `wave` handshakes in flight, fewer than
/// the listen backlog, so that no SYN is dropped and retried a second later), then every one
/// sends a message and reads it back, all at once. Returns how many came back right.
func connectAndEcho(_ port: Int, _ n: Int, wave: Int = 512) async throws -> Int {
    let loop = asyncio.get_running_loop()
    var clients: [socket] = []
    clients.reserveCapacity(n)
    defer { for c in clients { c.close() } }
    while clients.count < n {
        let batch = (0..<min(wave, n - clients.count)).map { _ in
            asyncio.create_task { () -> socket in
                let c = try socket.socket()
                try c.setblocking(false)
                try await loop.sock_connect(c, ("127.0.0.1", port))
                return c
            }
        }
        for task in batch { clients.append(try await task.value) }
    }
    let replies = clients.enumerated().map { index, c in
        asyncio.create_task { () -> Bool in
            let message = bytes(Array("\(index)".utf8))
            try await loop.sock_sendall(c, message)
            return try await loop.sock_recv(c, 16) == message
        }
    }
    var echoed = 0
    for reply in replies where try await reply.value { echoed += 1 }
    return echoed
}

/// A body run on a thread of its own (an event loop runs on the thread that calls asyncio.run).
final class ServerThread: @unchecked Sendable {
    private var thread = pthread_t()
    private var result: Result<Int, any Error> = .failure(ValueError("not run"))
    private let body: () throws -> Int

    init(_ body: @escaping () throws -> Int) {
        self.body = body
        pthread_create(&thread, nil, { argument in
            let me = Unmanaged<ServerThread>.fromOpaque(argument!).takeRetainedValue()
            me.result = Result { try me.body() }
            return nil
        }, Unmanaged.passRetained(self).toOpaque())
    }

    /// Waits for the thread; returns what the body returned or throws what it threw.
    func join() throws -> Int {
        pthread_join(thread, nil)
        return try result.get()
    }
}
