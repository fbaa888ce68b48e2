// An HTTP/1.0 server on loopback: parse the request line and headers, answer, log; a client that reads it all.
import PySocket
import PyBuiltins

let ROUTES: dict<String, bytes> = ["/": "<h1>home</h1>", "/hello": "hello, world\n"]
nonisolated(unsafe) var status_counts = Counter<String>()


func parse_request(_ raw: bytes) throws -> (String, String, String, dict<String, String>, bytes) {
    let (head, _, body) = try raw.partition("\r\n\r\n")
    let lines = try head.decode("iso-8859-1").split("\r\n")
    let parts = try lines[0].split(" ", 2)
    let (method, path, version) = (parts[0], parts[1], parts[2])
    var headers: dict<String, String> = [:]
    for line in lines[1...] {
        let (name, _, value) = try line.partition(":")
        headers[name.strip().lower()] = value.strip()
    }
    return (method, path, version, headers, body)
}


func handle(_ conn: socket) throws {
    try conn.with { conn in
        let rfile: SocketFile<bytes> = try conn.makefile("rb")
        try rfile.with { rfile in
            var raw: bytes = ""
            while !raw.endswith("\r\n\r\n") {
                let line = try rfile.readline()
                if line.isEmpty {
                    break
                }
                raw += line
            }
            let (method, path, version, headers, _) = try parse_request(raw)
            var body = ROUTES.get(path)
            let status: String
            if method != "GET" {
                (status, body) = ("405 Method Not Allowed", "")
            } else if body == nil {
                (status, body) = ("404 Not Found", "no such page: " + path.encode())
            } else {
                status = "200 OK"
            }
            status_counts[status.split()[0]] += 1
            let agent = headers.get("user-agent", "-")
            print("\(method) \(path) \(version) \"\(agent)\" -> \(status[..<3]) \(len(body!))")
            let response = "HTTP/1.0 \(status)\r\nContent-Length: \(len(body!))\r\nContent-Type: text/plain\r\n\r\n"
            try conn.sendall(try response.encode("ascii") + body!)
        }
    }
}


func serve(_ listener: socket, _ count: Int) throws {
    for _ in range(count) {
        let (conn, _) = try listener.accept()
        try handle(conn)
    }
}


func fetch(_ address: SocketAddress, _ method: String, _ path: String, _ agent: String? = nil) throws -> (String, Int, bytes) {
    var chunks: [bytes] = []
    try socket.create_connection(address).with { s in
        var request = "\(method) \(path) HTTP/1.0\r\nHost: localhost\r\n"
        if let agent {
            request += "User-Agent: \(agent)\r\n"
        }
        try s.sendall((request + "\r\n").encode())
        while case let chunk = try s.recv(7), !chunk.isEmpty {
            chunks.append(chunk)
        }
    }
    let response = bytes("").join(chunks)
    let (status_line, _, rest) = try response.partition("\r\n")
    let (_, _, _, headers, body) = try parse_request("X / Y\r\n" + rest)
    return (try status_line.decode(), try int(headers["content-length"]!), body)
}


let requests: [(String, String, String?)] = [("GET", "/", "curl/8.0"), ("GET", "/hello", nil), ("GET", "/missing", "test"), ("POST", "/", nil), ("GET", "/hello", "py")]
let listener = try socket.create_server(("127.0.0.1", 0))
let worker = threading.Thread(target: { try serve(listener, len(requests)) }, daemon: true)
try worker.start()
for (method, path, agent) in requests {
    let (status, length, body) = try fetch(try listener.getsockname(), method, path, agent)
    print("  client:", status, length, body)
}
try worker.join(timeout: 5)
listener.close()
print(sorted(status_counts.items()), status_counts.most_common(1), try sum(status_counts.values()))
