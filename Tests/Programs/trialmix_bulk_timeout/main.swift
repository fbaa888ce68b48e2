// sendall of a large payload with progress prints, socket.timeout vs TimeoutError, half-close.
import PySocket
import PyBuiltins

let TOTAL = 1 << 20
let CHUNK = 64 * 1024
let payload = try bytes(range(256)) * (TOTAL / 256)
print("payload", len(payload), "bytes, md5", hashlib.md5(payload).hexdigest())

let listener = try socket.create_server(("127.0.0.1", 0))
let (host, port) = try listener.getsockname().pair
try listener.settimeout(0.05)
do {
    _ = try listener.accept()
} catch let e as socket.timeout {
    print("accept timed out:", e, "| is TimeoutError:", isinstance(e, TimeoutError.self))
}
print("socket.timeout is TimeoutError:", socket.timeout.self == TimeoutError.self)
try listener.settimeout(nil)

nonisolated(unsafe) var received: [(Int, String)] = []


func receiver() throws {
    let (conn, _) = try listener.accept()
    try conn.with { conn in
        try conn.settimeout(1.0)
        var total = 0
        let digest = hashlib.md5()
        while true {
            let chunk = try conn.recv(CHUNK)
            if chunk.isEmpty {
                break
            }
            total += len(chunk)
            digest.update(chunk)
        }
        received.append((total, digest.hexdigest()))
        try conn.sendall(try bytes("OK %d") % total)
    }
}


let t = threading.Thread(target: receiver)
try t.start()
let sock = try socket.create_connection((host, port), timeout: 2)
print("client timeout:", sock.gettimeout())
var sent = 0
let start = time.monotonic()
let view = memoryview(payload)
while sent < TOTAL {
    let piece = view[sent, sent + 4 * CHUNK]
    try sock.sendall(piece)
    sent += len(piece)
    print(try "progress: %3d%% (%d/%d)" % (sent * 100 / TOTAL, sent, TOTAL))
}
try sock.shutdown(socket.SHUT_WR)
let reply = try sock.recv(100)
print("reply:", reply)
print("fast enough:", time.monotonic() - start < 2)
try sock.settimeout(0.05)
do {
    let more = try sock.recv(10)
    print("after reply:", more)
} catch let e as TimeoutError {
    print("unexpected timeout", e)
}
do {
    _ = try sock.send("x")
} catch let e as OSError {
    print("send after SHUT_WR:", type(e).__name__, e.errno, e.strerror)
}
sock.close()
try t.join()
print("received:", received[0].0, received[0].1 == hashlib.md5(payload).hexdigest())

let (a, b) = try socket.socketpair()
try a.settimeout(0.02)
do {
    _ = try a.recv(1)
} catch let e as TimeoutError {
    print("TimeoutError caught:", repr(e), e.args)
}
a.close()
b.close()
listener.close()
