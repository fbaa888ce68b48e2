// UDP with loop.create_datagram_endpoint: a DatagramProtocol echo server and a client protocol that waits for replies.
import PySocket
import PySocketAsync
import PyBuiltins


final class EchoServerProtocol: asyncio.DatagramProtocol {
    var count: Int
    var transport: asyncio.DatagramTransport!

    override init() {
        self.count = 0
    }

    override func connection_made(_ transport: asyncio.DatagramTransport) {
        self.transport = transport
        print("server: listening, transport is", type(transport).__name__)
    }

    override func datagram_received(_ data: bytes, _ addr: SocketAddress) throws {
        self.count += 1
        let message = try data.decode()
        print("server: received \(repr(message)) from the client: \(try addr[1] == client_port[0])")
        try self.transport.sendto(message.upper().encode(), addr)
    }
}


final class ClientProtocol: asyncio.DatagramProtocol {
    let messages: [String]
    let done: asyncio.Future<Int>
    var replies: [String]
    var transport: asyncio.DatagramTransport?

    init(_ messages: [String], _ done: asyncio.Future<Int>) {
        self.messages = messages
        self.done = done
        self.replies = []
        self.transport = nil
    }

    override func connection_made(_ transport: asyncio.DatagramTransport) throws {
        self.transport = transport
        try self.transport!.sendto(self.messages[0].encode())
    }

    override func datagram_received(_ data: bytes, _ addr: SocketAddress) throws {
        self.replies.append(try data.decode())
        if len(self.replies) < len(self.messages) {
            try self.transport!.sendto(self.messages[len(self.replies)].encode())
        } else {
            try self.done.set_result(len(self.replies))
        }
    }

    override func error_received(_ exc: any Error) {
        print("client: error received", exc)
    }

    override func connection_lost(_ exc: (any Error)?) {
        print("client: connection lost", exc)
    }
}


nonisolated(unsafe) var client_port: [Int] = []


func main() async throws {
    let loop = asyncio.get_running_loop()
    let (transport, server) = try await loop.create_datagram_endpoint(
        EchoServerProtocol.init, local_addr: ("127.0.0.1", 0))
    let address = transport.get_extra_info("sockname")
    print("server bound:", try address[0], type(server).__name__)

    let done: asyncio.Future<Int> = loop.create_future()
    let (ctransport, client) = try await loop.create_datagram_endpoint(
        { ClientProtocol(["ping", "datagram", "bye"], done) },
        remote_addr: ("127.0.0.1", try address[1]))
    client_port.append(try ctransport.get_extra_info("sockname")[1])
    print("client peer is server:", ctransport.get_extra_info("peername") == address)
    let count = try await asyncio.wait_for(await done.value, 1.0)
    print("client got", count, "replies:", client.replies)
    print("server counted", server.count)
    print("done:", done.done(), try done.result())

    ctransport.close()
    try await asyncio.sleep(0)
    print("client closing:", ctransport.is_closing())
    transport.close()
    try await asyncio.sleep(0.01)
}


try asyncio.run { try await main() }
