// A class-based word-count server: threading.Event for readiness, a Lock around shared state,
// makefile("rb") lines, and main() returning the exit status.
import PySocket
import PyBuiltins


final class WordCountServer: @unchecked Sendable {
    let sock: socket
    let address: SocketAddress
    let ready: threading.Event
    let lock: threading.Lock
    var totals: dict<String, Int>
    var clients: Int

    init(_ host: String = "127.0.0.1") throws {
        self.sock = try socket.create_server((host, 0))
        self.address = try self.sock.getsockname()
        self.ready = threading.Event()
        self.lock = threading.Lock()
        self.totals = [:]
        self.clients = 0
    }

    func handle(_ conn: socket, _ number: Int) throws {
        var counts: dict<String, Int> = [:]
        try conn.with { conn in try conn.makefile("rb").with { (f: SocketFile<bytes>) in
            for line in f {
                for word in try line.decode().lower().split() {
                    counts[word] = counts.get(word, 0) + 1
                }
            }
            let top = sorted(counts.items(), key: { kv in (-kv.1, kv.0) })[..<2]
            try conn.sendall((try "%d: %s\n" % (number, top)).encode())
        } }
        self.lock.acquire()
        defer {
            try? self.lock.release()
        }
        for (word, n) in counts.items() {
            self.totals[word] = self.totals.get(word, 0) + n
        }
        self.clients += 1
    }

    func serve(_ count: Int) throws {
        self.ready.set()
        var workers: [threading.Thread] = []
        for number in range(1, count + 1) {
            let (conn, _) = try self.sock.accept()
            let t = threading.Thread(target: self.handle, args: (conn, number))
            try t.start()
            workers.append(t)
        }
        for t in workers {
            try t.join()
        }
        self.sock.close()
    }
}


func client(_ address: SocketAddress, _ text: String) throws -> String {
    try socket.create_connection(address).with { c in
        try c.sendall(text.encode())
        try c.shutdown(socket.SHUT_WR)
        return try c.recv(1024).decode().strip()
    }
}


func main() throws -> Int {
    let server = try WordCountServer()
    let t = threading.Thread(target: server.serve, args: (3), daemon: true)
    try t.start()
    if !server.ready.wait(timeout: 5) {
        print("server did not start", file: sys.stderr)
        return 1
    }
    let texts = ["the cat sat\non the mat\n", "The end\nthe END\n", "one two two three three three"]
    let replies = try texts.map { text in try client(server.address, text) }
    try t.join()
    for (i, reply) in try enumerate(replies, start: 1) {
        print(i, reply)
    }
    let best = try max(server.totals, key: { k in server.totals.get(k)! })
    print("clients:", server.clients, "words:", len(server.totals), "most:", best, server.totals[best]!)
    print("is_set:", server.ready.is_set(), "alive:", t.is_alive(), "name:", t.name.startswith("Thread-"))
    print("all counted:", all(server.totals.values().map { n in n > 0 }), any(server.totals.map { w in w.isdigit() }))
    print("done", file: sys.stderr)
    return 0
}


sys.exit(try main())
