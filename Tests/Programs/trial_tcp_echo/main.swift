// Port of trial_tcp_echo.py: a threaded TCP echo over 127.0.0.1, a client timeout, a refused connect.
import PySocket
import PyBuiltins

func handle(_ conn: socket, _ addr: SocketAddress) throws {
    try conn.with { conn in
        while true {
            let data = try conn.recv(1024)
            if data.isEmpty {
                break
            }
            try conn.sendall(data.upper())
        }
    }
}

func serve(_ srv: socket, _ count: Int) throws {
    for _ in range(count) {
        let (conn, addr) = try srv.accept()
        let t = threading.Thread(target: { try handle(conn, addr) })
        try t.start()
        try t.join()
    }
}

let srv = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try srv.bind(("127.0.0.1", 0))
try srv.listen(5)
let port: Int = try srv.getsockname()[1]
let server_thread = threading.Thread(target: { try serve(srv, 2) }, daemon: true)
try server_thread.start()

for msg in ["hello", "second line"] as [bytes] {
    try socket.create_connection(("127.0.0.1", port), timeout: 5).with { c in
        print("peer is server:", try c.getpeername() == ("127.0.0.1", port))
        try c.sendall(msg)
        try c.shutdown(socket.SHUT_WR)
        var chunks: [bytes] = []
        while true {
            let part = try c.recv(4)
            if part.isEmpty {
                break
            }
            chunks.append(part)
        }
        let reply = bytes("").join(chunks)
        print("sent", msg, "got", reply, len(reply))
    }
}

try server_thread.join(timeout: 5)
print("server done:", !server_thread.is_alive())

// a server that never answers: the client times out
let quiet = try socket.create_server(("127.0.0.1", 0))
let c = try socket.socket()
try c.settimeout(0.2)
try c.connect(try quiet.getsockname())
do {
    _ = try c.recv(10)
} catch let e as socket.timeout {
    print("timeout:", e, type(e).__name__, repr(e), e.errno)
} catch let e as OSError {
    print("other", e)
}
print(isinstance(socket.timeout(), TimeoutError.self))
c.close()
quiet.close()

srv.close()
do {
    _ = try socket.create_connection(("127.0.0.1", port), timeout: 1)
} catch let e as ConnectionRefusedError {
    print("refused:", e.errno, e.strerror, e)
    print(repr(e))
}
