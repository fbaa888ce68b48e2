// UDP heartbeats with retries: a monitor pings agents, a silent agent is retried, then marked down.
import PySocket
import PyBuiltins

struct Beat: namedtuple { var seq: Int; var sent_at: Int }
struct Result: namedtuple { var agent: String; var status: String; var tries: Int }
let PACKET = "!HQ"

let monitor = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try monitor.bind(("127.0.0.1", 0))
try monitor.settimeout(0.05)

var agents: dict<String, socket> = [:]
for name in ["db", "web", "cache"] {
    let sock = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try sock.bind(("127.0.0.1", 0))
    agents[name] = sock
}


@discardableResult
func answer(_ sock: socket) throws -> Bool {
    try sock.settimeout(0)
    let data: bytes, addr: SocketAddress
    do {
        (data, addr) = try sock.recvfrom(64)
    } catch is BlockingIOError {
        return false
    }
    let (seq, stamp): (Int, Int) = try `struct`.unpack(PACKET, data)
    _ = try sock.sendto(try `struct`.pack(PACKET, seq + 1000, stamp), addr)
    return true
}


var results: [Result] = []
var seq = 0
for (name, sock) in agents.items() {
    var status = "down"
    var attempt = 0
    for a in range(1, 4) {
        attempt = a
        seq += 1
        let beat = Beat(seq: seq, sent_at: time.monotonic_ns())
        _ = try monitor.sendto(try `struct`.pack(PACKET, *beat), try sock.getsockname())
        if name != "cache" || attempt == 3 {
            try answer(sock)
        } else {
            _ = try sock.recvfrom(64)
        }
        let reply: bytes
        do {
            (reply, _) = try monitor.recvfrom(64)
        } catch let exc as socket.timeout {
            print("  \(name): attempt \(attempt) timed out (\(exc))")
            continue
        }
        let (rseq, stamp): (Int, Int) = try `struct`.unpack(PACKET, reply)
        assert(stamp == beat.sent_at, "echoed timestamp")
        status = "up (seq \(rseq - 1000))"
        break
    }
    results.append(Result(agent: name, status: status, tries: attempt))
}

for r in results {
    print(r)
}
print(results[0]._fields, results[1].status, results[2]._asdict())
print(Beat(seq: 7, sent_at: 0), len(Beat(seq: 1, sent_at: 2)))
let up = results.filter { r in r.status.startswith("up") }.map { r in r.agent }
print("up:", ", ".join(up), "| tries:", try sum(results.map { r in r.tries }))
monitor.close()
for sock in agents.values() {
    sock.close()
}
