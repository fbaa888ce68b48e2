// UDP ping: a server that drops every third packet; the client counts losses with a timeout.
import PySocket
import PyBuiltins

let PING = try `struct`.Struct("!IdB")   // sequence, send time, flag


func ping_server(_ sock: socket, _ stop: threading.Event) throws {
    var seen = 0
    while !stop.is_set() {
        let data: bytes
        let addr: SocketAddress
        do {
            (data, addr) = try sock.recvfrom(1024)
        } catch is socket.timeout {
            continue
        }
        seen += 1
        if seen % 3 == 0 {
            continue                      // simulate a lost packet
        }
        let (seq, sent_at, flag): (Int, Double, Int) = try PING.unpack(data)
        _ = try sock.sendto(try PING.pack(seq, sent_at, flag | 0x80), addr)
    }
    sock.close()
}


let server = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try server.bind(("127.0.0.1", 0))
try server.settimeout(0.05)
let stop = threading.Event()
let worker = threading.Thread(target: { try ping_server(server, stop) })
try worker.start()

let client = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try client.settimeout(0.2)
print("client timeout:", client.gettimeout(), "blocking:", client.getblocking())
let target = try server.getsockname()
print(try "pinging %s (port set: %r) with %d-byte packets" % (target[0], target[1] > 0, PING.size))

var (received, lost) = (0, 0)
var rtts: [Double] = []
for seq in range(1, 10) {
    let start = time.monotonic()
    _ = try client.sendto(try PING.pack(seq, start, 1), target)
    let data: bytes
    let peer: SocketAddress
    do {
        (data, peer) = try client.recvfrom(1024)
    } catch let exc as socket.timeout {
        lost += 1
        print("seq=\(seq): request timed out (\(exc))")
        continue
    }
    let (rseq, sent_at, flag): (Int, Double, Int) = try PING.unpack(data)
    let rtt = time.monotonic() - sent_at
    rtts.append(rtt)
    received += 1
    print(try "seq=\(rseq): reply from \(peer[0]) flag=\(flag, "#04x") same=\(sent_at == start) fast=\(rtt < 0.2)")
}

stop.set()
try worker.join()
let sent = received + lost
print("--- \(try target[0]) ping statistics ---")
print(try "\(sent) packets transmitted, \(received) received, \(Double(lost) / Double(sent), ".1%") packet loss")
print("rtt list is", len(rtts) == received ? "complete" : "broken", len(rtts))

do {
    _ = try client.sendto(try bytes("x") * 70000, target)
} catch let e as OSError {
    print("too big:", type(e).__name__, e.errno, e.strerror)
}
try client.setblocking(false)
do {
    _ = try client.recvfrom(1024)
} catch let e as BlockingIOError {
    print("nothing waiting:", e)
}
client.close()
print(client)
