// A client that retries with a growing timeout: the UDP server ignores the first two requests.
import PySocket
import PyBuiltins


func flaky_server(_ sock: socket, _ drop: Int) throws {
    var seen = 0
    while true {
        let (data, addr) = try sock.recvfrom(1024)
        if data == "stop" {
            break
        }
        seen += 1
        if seen > drop {
            _ = try sock.sendto("pong " + data, addr)
        }
    }
}


func request(_ sock: socket, _ addr: SocketAddress, _ data: bytes, _ retries: Int, _ timeout: Double) throws -> (Int, bytes) {
    var timeout = timeout
    for attempt in range(1, retries + 1) {
        try sock.settimeout(timeout)
        _ = try sock.sendto(data, addr)
        do {
            let (reply, _) = try sock.recvfrom(1024)
            return (attempt, reply)
        } catch let e as socket.timeout {
            print("attempt", attempt, e, "after", timeout, "s")
            timeout *= 2
        }
    }
    throw TimeoutError("no reply after \(retries) attempts")
}


let server = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try server.bind(("127.0.0.1", 0))
let t = threading.Thread(target: { try flaky_server(server, 2) })
try t.start()

let client = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
let (attempt, reply) = try request(client, try server.getsockname(), "ping", 5, 0.1)
print("answered on attempt", attempt, reply)
_ = try client.sendto("stop", try server.getsockname())
try t.join()
do {
    _ = try request(client, try server.getsockname(), "ping", 2, 0.05)
} catch let e as TimeoutError {
    print("gave up:", e)
}
client.close()
server.close()
