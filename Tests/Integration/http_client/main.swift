// The Swift port of http_client.py, line by line: keep-alive GETs, Content-Length and chunked bodies.
import PySocket
import PyBuiltins

let SHOWN: [bytes] = ["content-type", "content-length", "transfer-encoding", "connection", "server"]

func get(_ sock: socket, _ f: SocketFile<bytes>, _ path: bytes) throws -> (bytes, Int, bytes, dict<bytes, bytes>, bytes, String) {
    try sock.sendall(try "GET %b HTTP/1.1\r\nHost: localhost\r\nUser-Agent: pysocket-test\r\n\r\n" % path)
    let status = try f.readline(65537)
    let parts = try status.rstrip("\r\n").split(" ", 2)
    let (version, code, reason) = (parts[0], parts[1], parts[2])
    var headers: dict<bytes, bytes> = [:]
    while true {
        let line = try f.readline(65537)
        if ["\r\n", "\n", ""].contains(line) {
            break
        }
        let (name, _, value) = try line.partition(":")
        headers[name.strip().lower()] = value.strip()
    }
    let body: bytes, shape: String
    if headers["transfer-encoding"] == "chunked" {
        var chunks: [bytes] = []
        while true {
            let size_line = try f.readline(65537)
            let size = try Int(try size_line.split(";", 1)[0], 16)
            if size == 0 {
                while !["\r\n", "\n", ""].contains(try f.readline(65537)) {
                }
                break
            }
            chunks.append(try f.read(size))
            _ = try f.readline(65537)
        }
        body = bytes().join(chunks)
        shape = "chunked \(chunks.count)"
    } else {
        body = try f.read(try Int(headers["content-length"]!))
        shape = "length"
    }
    return (version, try Int(code), reason, headers, body, shape)
}

@discardableResult
func show(_ sock: socket, _ f: SocketFile<bytes>, _ path: bytes) throws -> bytes {
    let (version, code, reason, headers, body, shape) = try get(sock, f, path)
    print(try path.decode(), try version.decode(), code, try reason.decode(), shape, body.count)
    for name in SHOWN {
        if let value = headers[name] {
            print("  ", try name.decode(), value)
        }
    }
    let first = !body.isEmpty ? try body.splitlines()[0].decode("utf-8", "replace") : ""
    print("  first line:", first)
    print("  tail:", body[(-12)...])
    return body
}

func main() throws {
    let port = try Int(CommandLine.arguments[1].encode())
    let n = CommandLine.arguments.count > 2 ? try Int(CommandLine.arguments[2].encode()) : 100
    do {
        let sock = try socket.create_connection(("127.0.0.1", port))
        defer { sock.close() }
        let f: SocketFile<bytes> = try sock.makefile("rb")
        try show(sock, f, "/index.html")
        try show(sock, f, "/chunked/page.html")
        try show(sock, f, "/data/utf8.txt")
        try show(sock, f, "/missing")
        var total = 0
        for _ in 0..<n {
            let (_, code, _, _, body, _) = try get(sock, f, "/small.txt")
            total += code + body.count
        }
        print("keep-alive", n, total)
        try f.close()
    }
    do {
        let sock = try socket.create_connection(("::1", port))
        defer { sock.close() }
        let f: SocketFile<bytes> = try sock.makefile("rb")
        let body = try show(sock, f, "/chunked/page.html")
        print("count of PySocket:", body.count(of: "PySocket"), body.contains("PySocket") ? "found" : "absent")
        try f.close()
    }
}

try main()
