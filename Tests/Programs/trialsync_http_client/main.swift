// A tiny HTTP/1.1 client over create_connection, against a canned server in a thread.
import PySocket
import PyBuiltins

let RESPONSES: [bytes] = [
    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 12\r\nX-Trace: abc\r\n\r\nhello, world",
    "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found",
    "HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n",
]


func canned_server(_ srv: socket) throws {
    for body in RESPONSES {
        let (conn, _) = try srv.accept()
        var request: bytes = ""
        while !request.contains("\r\n\r\n") {
            let chunk = try conn.recv(1024)
            if chunk.isEmpty {
                break
            }
            request += chunk
        }
        let first = try request.split("\r\n", 1)[0]
        print("server saw:", first)
        for i in try range(0, len(body), 10) {     // dribble the response
            _ = try conn.send(body[i, i + 10])
        }
        conn.close()
    }
}


final class HTTPResponse: CustomStringConvertible {
    let status: Int
    let reason: String
    let headers: dict<String, String>
    let body: bytes

    init(_ status: Int, _ reason: String, _ headers: dict<String, String>, _ body: bytes) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }

    var description: String {
        return (try? "<HTTPResponse %d %s, %d headers, %d bytes>" % (
            self.status, self.reason, len(self.headers), len(self.body))) ?? ""
    }
}


func http_get(_ address: (String, Int), _ path: String) throws -> HTTPResponse {
    let data = try socket.create_connection(address, timeout: 3).with { sock in
        let request = try "GET {} HTTP/1.1\r\nHost: {}:{}\r\nConnection: close\r\n\r\n".format(path, *address)
        try sock.sendall(request.encode())
        var data: bytes = ""
        while true {
            let chunk = try sock.recv(7)
            if chunk.isEmpty {
                break
            }
            data += chunk
        }
        return data
    }
    let (head, _, body) = try data.partition("\r\n\r\n")
    let lines = try head.decode("iso-8859-1").split("\r\n")
    let first = try lines[0].split(" ", 2)
    let (_, status, reason) = (first[0], first[1], first[2])
    var headers: dict<String, String> = [:]
    for line in lines[1...] {
        let parts = try line.split(":", 1)
        let (name, value) = (parts[0], parts[1])
        headers[name.strip().lower()] = value.strip()
    }
    let length = try int(headers.get("content-length", String(len(body))))
    return HTTPResponse(try int(status), reason, headers, body[nil, length])
}


let srv = try socket.socket()
try srv.bind(("127.0.0.1", 0))
try srv.listen()
let t = threading.Thread(target: { try canned_server(srv) })
try t.start()
let (host, port) = try srv.getsockname().pair
for path in ["/", "/missing", "/old"] {
    let resp = try http_get((host, port), path)
    print(resp)
    print("  status:", resp.status, resp.reason, 200 <= resp.status && resp.status < 300 ? "ok" : "not ok")
    for (name, value) in sorted(resp.headers.items()) {
        print(try "  \(name, ">15"): \(value)")
    }
    print("  body:", resp.body, try resp.body.decode().title())
    if resp.headers.contains("location") {
        print("  redirect to", repr(resp.headers["location"]))
    }
}
try t.join()
srv.close()
do {
    _ = try http_get((host, port), "/")
} catch let e as ConnectionRefusedError {
    print("after close:", e.__class__.__name__, e.args)
}
