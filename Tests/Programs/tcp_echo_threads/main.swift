// A TCP echo server in a thread and a few clients, on 127.0.0.1.
import PySocket
import PyBuiltins

let srv = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try srv.bind(("127.0.0.1", 0))
try srv.listen(5)
let port: Int = try srv.getsockname()[1]
nonisolated(unsafe) var served: [(String, Int)] = []

func serve(_ count: Int) throws {
    for _ in range(count) {
        let (conn, addr) = try srv.accept()
        var total = 0
        while true {
            let data = try conn.recv(4)
            if data.isEmpty {
                break
            }
            try conn.sendall(data.upper())
            total += len(data)
        }
        served.append((try addr[0], total))
        conn.close()
    }
}

let t = threading.Thread(target: { try serve(3) })
try t.start()

for message: bytes in try ["hello", "echo server", "x" * 100] {
    let c = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try c.connect(("127.0.0.1", port))
    print("peer", try c.getpeername()[0], try c.getpeername()[1] == port)
    try c.sendall(message)
    try c.shutdown(socket.SHUT_WR)
    var reply: bytes = ""
    while true {
        let chunk = try c.recv(1024)
        if chunk.isEmpty {
            break
        }
        reply += chunk
    }
    print(len(reply), reply[..<20], reply == message.upper())
    c.close()
}

try t.join()
srv.close()
print(served)
