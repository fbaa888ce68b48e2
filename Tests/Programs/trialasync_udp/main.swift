// UDP with DatagramProtocol: an uppercasing server that drops some datagrams, a client that retries.
import PySocket
import PyBuiltins
import PySocketAsync


final class UpperServer: asyncio.DatagramProtocol, @unchecked Sendable {
    var seen = 0
    var transport: asyncio.DatagramTransport? = nil

    override func connection_made(_ transport: asyncio.DatagramTransport) throws {
        self.transport = transport
        print("server sockname family:", transport.get_extra_info("socket").socket!.family)
    }

    override func datagram_received(_ data: bytes, _ addr: SocketAddress) throws {
        self.seen += 1
        if data.startswith("drop") && self.seen % 2 == 0 {
            print("server: dropping datagram #\(self.seen): \(repr(data))")
            return
        }
        let reply = !data.startswith("sum ") ? data.upper() : str(try sum(try data.split()[1, nil].map { x in try int(x) })).encode()
        try self.transport!.sendto(reply, addr)
    }
}


final class Client: asyncio.DatagramProtocol, @unchecked Sendable {
    var waiter: asyncio.Future<bytes>? = nil
    var errors: [String] = []
    let closed: asyncio.Future<(any Error)?> = asyncio.get_running_loop().create_future()

    override func datagram_received(_ data: bytes, _ addr: SocketAddress) throws {
        if self.waiter != nil && !self.waiter!.done() {
            try self.waiter!.set_result(data)
        }
    }

    override func error_received(_ exc: any Error) throws {
        self.errors.append(type(exc).__name__)
        if self.waiter != nil && !self.waiter!.done() {
            try self.waiter!.set_exception(exc)
        }
    }

    override func connection_lost(_ exc: (any Error)?) throws {
        try self.closed.set_result(exc)
    }
}


@Sendable func request(_ transport: asyncio.DatagramTransport, _ protocol_: Client, _ payload: bytes, timeout: Double = 0.1, retries: Int = 3) async throws -> (Int, bytes?) {
    let loop = asyncio.get_running_loop()
    for attempt in range(1, retries + 1) {
        protocol_.waiter = loop.create_future()
        try transport.sendto(payload)
        do {
            return (attempt, try await asyncio.wait_for(await protocol_.waiter!.value, timeout))
        } catch is asyncio.TimeoutError {
            print("  attempt \(attempt) for \(repr(payload)) timed out")
        }
    }
    return (retries, nil)
}


@Sendable func main() async throws {
    let loop = asyncio.get_running_loop()
    let (transport, server) = try await loop.create_datagram_endpoint(UpperServer.init, local_addr: ("127.0.0.1", 0))
    let addr = transport.get_extra_info("sockname")
    print("server bound:", try addr[0], try addr[1] > 0)

    let (ctransport, client) = try await loop.create_datagram_endpoint(Client.init, remote_addr: addr.address)
    for payload in ["hello", "drop me", "sum 1 2 3 4", "mixed Case 123"] as [bytes] {
        let (attempts, reply) = try await request(ctransport, client, payload)
        print("\(repr(payload)) -> \(repr(reply)) after \(attempts) attempt(s)")
    }
    print("server saw", server.seen, "datagrams")
    ctransport.close()
    print("client closed with:", try await client.closed.value)

    transport.close()
    try await asyncio.sleep(0.01)
    let (dead_transport, dead_client) = try await loop.create_datagram_endpoint(Client.init, remote_addr: addr.address)
    do {
        print(try await request(dead_transport, dead_client, "anyone?", timeout: 0.05, retries: 2))
    } catch let e as ConnectionRefusedError {
        print("refused:", e, dead_client.errors)
    }
    dead_transport.close()

    let raw = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try raw.bind(("127.0.0.1", 0))
    try raw.setblocking(false)
    let other = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try other.setblocking(false)
    _ = try await loop.sock_sendto(other, "via sock_sendto", try raw.getsockname())
    let (data, src) = try await loop.sock_recvfrom(raw, 100)
    print(data, try src[0], try src[1] == (try other.getsockname()[1]))
    raw.close()
    other.close()
}


try asyncio.run { try await main() }
