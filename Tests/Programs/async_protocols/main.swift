// Protocol classes: a loop.create_server echo server and a loop.create_connection client that waits on a future.
import PySocket
import PySocketAsync
import PyBuiltins


final class EchoServerProtocol: asyncio.`Protocol` {
    nonisolated(unsafe) static var connections = 0
    var number = 0
    var transport: asyncio.Transport!

    override func connection_made(_ transport: asyncio.Transport) throws {
        EchoServerProtocol.connections += 1
        self.number = EchoServerProtocol.connections
        let peername = transport.get_extra_info("peername")
        print("server \(self.number): connection from \(try peername[0])")
        self.transport = transport
    }

    override func data_received(_ data: bytes) throws {
        let message = try data.decode()
        print("server \(self.number): data received: \(repr(message))")
        try self.transport.write(try data[nil, nil, -1])
        if message.endswith(".") {
            print("server \(self.number): closing the client socket")
            self.transport.close()
        }
    }

    override func eof_received() -> Bool? {
        print("server \(self.number): eof received")
        return nil
    }

    override func connection_lost(_ exc: (any Error)?) {
        print("server \(self.number): connection lost, exc=\(exc)")
    }
}


final class EchoClientProtocol: asyncio.`Protocol` {
    var messages: [String]
    let on_con_lost: asyncio.Future<Bool>
    var received: [String]
    var transport: asyncio.Transport!

    init(_ messages: [String], _ on_con_lost: asyncio.Future<Bool>) {
        self.messages = messages
        self.on_con_lost = on_con_lost
        self.received = []
    }

    override func connection_made(_ transport: asyncio.Transport) throws {
        self.transport = transport
        try transport.write(try self.messages.pop(0).encode())
    }

    override func data_received(_ data: bytes) throws {
        self.received.append(try data.decode())
        if !self.messages.isEmpty {
            try self.transport.write(try self.messages.pop(0).encode())
        } else if self.transport.can_write_eof() {
            try self.transport.write_eof()
        }
    }

    override func connection_lost(_ exc: (any Error)?) throws {
        print("client: the server closed the connection, exc =", exc)
        try self.on_con_lost.set_result(true)
    }
}


func talk(_ loop: asyncio.AbstractEventLoop, _ port: Int, _ messages: [String]) async throws {
    let on_con_lost: asyncio.Future<Bool> = loop.create_future()
    let (transport, protocol_) = try await loop.create_connection(
        { EchoClientProtocol(messages, on_con_lost) }, "127.0.0.1", port)
    do {
        defer { transport.close() }
        _ = try await on_con_lost.value
    }
    print("client received", protocol_.received, "closing:", transport.is_closing())
}


func main() async throws {
    let loop = asyncio.get_running_loop()
    let server = try await loop.create_server(EchoServerProtocol.init, "127.0.0.1", 0)
    let port: Int = try server.sockets[0].getsockname()[1]
    print("serving:", server.is_serving(), type(server).__name__)

    try await talk(loop, port, ["hello", "world."])
    try await talk(loop, port, ["abc", "no full stop"])

    let serving = asyncio.create_task { try await server.serve_forever() }
    try await asyncio.sleep(0.01)
    serving.cancel()
    do {
        try await serving.value
    } catch is asyncio.CancelledError {
        print("serve_forever cancelled; serving:", server.is_serving())
    }
    try await server.wait_closed()

    do {
        _ = try await loop.create_connection({ EchoClientProtocol(["x"], loop.create_future()) }, "127.0.0.1", port)
    } catch let e as ConnectionRefusedError {
        print("after close:", type(e).__name__, e.errno)
    }
}


try asyncio.run { try await main() }
