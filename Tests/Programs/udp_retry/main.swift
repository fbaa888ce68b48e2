// A UDP client that retries with settimeout against a server that drops the first requests.
import PySocket
import PyBuiltins

let server = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try server.bind(("127.0.0.1", 0))
let addr = try server.getsockname()
nonisolated(unsafe) var dropped = 0

func serve() throws {
    while true {
        let (data, peer) = try server.recvfrom(2048)
        if data == "STOP" {
            break
        }
        if data.startswith("drop") && dropped < 2 {
            dropped += 1
            continue
        }
        _ = try server.sendto("ack:" + data, peer)
    }
}

let t = threading.Thread(target: serve, daemon: true)
try t.start()

let client = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try client.settimeout(0.2)
print("timeout is", client.gettimeout())

func request(_ payload: bytes, _ retries: Int = 4) throws -> bytes? {
    for attempt in range(1, retries + 1) {
        _ = try client.sendto(payload, addr)
        defer {
            print("  tried", attempt)
        }
        let reply: bytes, source: SocketAddress
        do {
            (reply, source) = try client.recvfrom(2048)
        } catch let e as socket.timeout {
            print(try "  attempt %d: %s (%s)" % (attempt, e, type(e).__name__))
            continue
        }
        print(try "  attempt %d: got %r from port match %s" % (attempt, reply, try source[1] == addr[1]))
        return reply
    }
    return nil
}

for payload: bytes in try ["hello", "drop me", "x" * 10] {
    print("request", payload)
    let result = try request(payload)
    print("result", result, len(result ?? ""))
}

try client.settimeout(0.05)
do {
    _ = try client.recvfrom(10)
} catch let e as TimeoutError {
    print("alias:", socket.timeout.self == TimeoutError.self, e.errno, e.args)
}

_ = try client.sendto("STOP", addr)
try t.join()
print("dropped", dropped)
client.close()
server.close()
