// A class wrapping an AF_UNIX socket as a context manager; a request/response service in a temp dir.
import PySocket
import PyBuiltins


/// A framed connection: each message is a 2-byte big-endian length and the payload.
final class Connection: ContextManager {
    let sock: socket
    var sent: Int
    var received: Int

    init(_ sock: socket) {
        self.sock = sock
        self.sent = 0
        self.received = 0
    }

    func __enter__() -> Connection {
        return self
    }

    func __exit__(_ exc_type: PyType?, _ exc: (any Error)?, _ tb: Any?) throws -> Bool {
        print("    closing \(try self.name()) (exception: \(exc_type != nil ? exc_type!.__name__ : nil))")
        self.sock.close()
        return false
    }

    func name() throws -> String {
        return try self.sock.getsockname() == "" ? "client" : os.path.basename(try self.sock.getsockname())
    }

    func send(_ payload: bytes) throws {
        try self.sock.sendall(try len(payload).to_bytes(2, "big") + payload)
        self.sent += 1
    }

    func recv() throws -> bytes? {
        guard let header = try self._exact(2) else {
            return nil
        }
        self.received += 1
        return try self._exact(try Int.from_bytes(header, "big"))
    }

    func _exact(_ n: Int) throws -> bytes? {
        var data: bytes = ""
        while len(data) < n {
            let chunk = try self.sock.recv(n - len(data))
            if chunk.isEmpty {
                if !data.isEmpty {
                    throw ConnectionError("short read")
                }
                return nil
            }
            data += chunk
        }
        return data
    }
}


func serve(_ listener: socket, _ ready: threading.Event) throws {
    ready.set()
    let (conn, peer) = try listener.accept()
    try Connection(conn).with { c in
        while let msg = try c.recv() {
            if c.received == 1 {
                print("    server accepted from", repr(peer))
            }
            let words = try msg.decode().split()
            try c.send(" ".join(reversed(words)).encode())
        }
        print("    server: \(c.received) in, \(c.sent) out")
    }
}


try tempfile.TemporaryDirectory().with { tmp in
    let path = os.path.join(tmp, "svc.sock")
    let listener = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try listener.bind(path)
    try listener.listen(1)
    print("listening:", try os.path.basename(try listener.getsockname()), os.path.exists(path))
    print("family/type:", listener.family, listener.type, repr(listener.family))
    let ready = threading.Event()
    let t = threading.Thread(target: { try serve(listener, ready) })
    try t.start()
    _ = ready.wait(1)
    let sock = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try sock.connect(path)
    print("peer name:", try os.path.basename(try sock.getpeername()), "own name:", repr(try sock.getsockname()))
    do {
        try Connection(sock).with { c in
            for text in ["one two three", "hello unix world", "", try "x" * 300] {
                try c.send(text.encode())
                let reply = try c.recv()!
                let shown = len(reply) < 40 ? reply : reply[..<10] + "..." + str(len(reply)).encode()
                print(try "  \(repr(text[nil, 20]), "<24") -> \(repr(shown))")
            }
            throw RuntimeError("client is done")
        }
    } catch let e as RuntimeError {
        try t.join()
        print("client stopped:", e)
    }
    listener.close()
    print("socket file left behind:", os.path.exists(path))
    try os.unlink(path)
    print("after unlink:", try os.listdir(tmp))
    let bad = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    do {
        defer { bad.close() }
        do {
            try bad.connect(path)
        } catch let e as FileNotFoundError {
            print("connect to removed path:", e.errno, e.strerror)
        }
    }
    do {
        try bad.bind(os.path.join(tmp, try "p" * 200))
    } catch let e as OSError {
        print(type(e).__name__, e)
    }
}
