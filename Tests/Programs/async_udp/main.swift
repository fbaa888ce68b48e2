// An asyncio UDP exchange: loop.sock_sendto / loop.sock_recvfrom between two datagram sockets.
import PySocket
import PySocketAsync
import PyBuiltins

func responder(_ loop: asyncio.AbstractEventLoop, _ sock: socket, _ count: Int) async throws -> [bytes] {
    var seen: [bytes] = []
    for _ in range(count) {
        let (data, peer) = try await loop.sock_recvfrom(sock, 1024)
        seen.append(data)
        _ = try await loop.sock_sendto(sock, try data[nil, nil, -1], peer)
    }
    return seen
}

func main() async throws {
    let loop = asyncio.get_running_loop()
    let a = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    let b = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for s in [a, b] {
        try s.setblocking(false)
        try s.bind(("127.0.0.1", 0))
    }
    let messages: [bytes] = ["ping", "datagram", "12345"]
    let task = asyncio.create_task { try await responder(loop, b, len(messages)) }
    for m in messages {
        let sent = try await loop.sock_sendto(a, m, try b.getsockname())
        let (data, peer) = try await loop.sock_recvfrom(a, 1024)
        print(sent, m, "->", data, peer == (try b.getsockname()))
    }
    print("responder saw", try await task.value)

    do {
        _ = try await asyncio.timeout(0.05) {
            try await loop.sock_recvfrom(a, 1024)
        }
    } catch is TimeoutError {
        print("nothing more after 0.05 s")
    }

    var buf = try bytearray(4)
    _ = try await loop.sock_sendto(b, "truncated!", try a.getsockname())
    let (n, _) = try await loop.sock_recvfrom_into(a, &buf)
    print(n, buf, try bytes(buf[..<n]).decode())
    a.close()
    b.close()
}

try asyncio.run { try await main() }
