// A non-blocking line server over select.select: per-client input and output buffers, uppercase echo.
import PySocket
import PyBuiltins

let listener = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try listener.bind(("127.0.0.1", 0))
try listener.listen(8)
try listener.setblocking(false)
let address = try listener.getsockname()

var inbuf: dict<socket, bytes> = [:]
var outbuf: dict<socket, bytes> = [:]
var names: dict<socket, String> = [:]
var stats: dict<String, Int> = ["accepted": 0, "lines": 0, "bytes_in": 0, "closed": 0]

var clients: [socket] = []
for i in range(3) {
    let c = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try c.setblocking(false)
    let rc = try c.connect_ex(address)
    print("client \(i) connect_ex -> \(errno.errorcode.get(rc, String(rc)))")
    clients.append(c)
}

let script: [bytes] = ["hello\nwor", "ld\n", "partial", " line\nbye\n"]
var step = 0
var replies: dict<Int, bytes> = dict(range(len(clients)).map { i in (i, "" as bytes) })
var rounds = 0
while rounds < 200 {
    rounds += 1
    let readers = [listener] + list(inbuf)
    let writers = outbuf.filter { s in bool(outbuf[s]) }
    let (readable, writable, _) = try select.select(readers, writers, [], 0.5)
    for s in readable {
        if s === listener {
            let (conn, _) = try listener.accept()
            try conn.setblocking(false)
            inbuf[conn] = ""
            outbuf[conn] = ""
            names[conn] = try "peer%d" % stats["accepted"]!
            stats["accepted"]! += 1
            continue
        }
        let data = try s.recv(4)
        if data.isEmpty {
            stats["closed"]! += 1
            inbuf[s] = nil; outbuf[s] = nil
            s.close()
            continue
        }
        stats["bytes_in"]! += len(data)
        inbuf[s]! += data
        while inbuf[s]!.contains("\n") {
            let parts = try inbuf[s]!.split("\n", 1)
            let line = parts[0]
            inbuf[s] = parts[1]
            stats["lines"]! += 1
            outbuf[s]! += names[s]!.encode() + ": " + line.upper() + "\n"
        }
    }
    for s in writable {
        if outbuf.contains(s) {
            let n = try s.send(outbuf[s]!)
            outbuf[s] = outbuf[s]![n...]
        }
    }
    if stats["accepted"] == len(clients) && step < len(script) {
        for c in clients {
            _ = try c.send(script[step])
        }
        step += 1
    }
    for (i, c) in enumerate(clients) {
        do {
            replies[i]! += try c.recv(1024)
        } catch is BlockingIOError {
        }
    }
    if all(replies.values().map { r in r.count("\n") == 4 }) {
        break
    }
}

print("done after a few rounds:", rounds < 50)
for (i, r) in sorted(replies.items()) {
    print(i, try r.decode().splitlines())
}
for c in clients {
    c.close()
}
while bool(inbuf) {
    let (readable, _, _) = try select.select(list(inbuf), [], [], 1.0)
    for s in readable {
        if try s.recv(100) == "" {
            stats["closed"]! += 1
            inbuf[s] = nil; outbuf[s] = nil
            s.close()
        }
    }
}
listener.close()
print(stats)
print(", ".join(sorted(stats.items(), key: { kv in -kv.1 }).map { (k, v) in "\(k)=\(v)" }))
