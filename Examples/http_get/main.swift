// An HTTP/1.0 GET: a tiny server in a thread answers each request; the client reads each response to EOF.
import PySocket
import PyBuiltins

let PAGE: bytes = "<html><body>Hello from a socket</body></html>\n"


func http_server(_ srv: socket, _ requests: Int) throws {
    for _ in range(requests) {
        let (conn, _) = try srv.accept()
        var request: bytes = ""
        while !request.endswith("\r\n\r\n") {
            let chunk = try conn.recv(1024)
            if chunk.isEmpty {
                break
            }
            request += chunk
        }
        let (method, _, rest) = try request.partition(" ")
        let (path, _, _) = try rest.partition(" ")
        var (status, body) = ("200 OK" as bytes, PAGE)
        if method != "GET" || path != "/" {
            (status, body) = ("404 Not Found", "no such page: " + path + "\n")
        }
        let header = try bytes("HTTP/1.0 %s\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n") % (status, len(body))
        try conn.sendall(header + body)
        conn.close()
    }
}


func http_get(_ host: String, _ port: Int, _ path: bytes) throws -> bytes {
    let s = try socket.create_connection((host, port), timeout: 5)
    try s.sendall(try bytes("GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n") % path)
    var response: bytes = ""
    while true {
        let chunk = try s.recv(4096)
        if chunk.isEmpty {
            break
        }
        response += chunk
    }
    s.close()
    return response
}


let srv = try socket.create_server(("127.0.0.1", 0))
let port: Int = try srv.getsockname()[1]
let t = threading.Thread(target: { try http_server(srv, 2) })
try t.start()
for path: bytes in ["/", "/missing"] {
    let response = try http_get("127.0.0.1", port, path)
    let (head, _, body) = try response.partition("\r\n\r\n")
    let lines = try head.split("\r\n")
    print("GET", try path.decode(), "->", try lines[0].decode())
    for line in lines[1...] {
        print("   ", try line.decode())
    }
    print("    body:", body)
}
try t.join()
srv.close()
