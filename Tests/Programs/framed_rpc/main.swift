// A length-prefixed request/response protocol: a client class, a threaded server, memoryview I/O.
import PySocket
import PyBuiltins

let HEADER = try `struct`.Struct("!I")


func send_frame(_ sock: socket, _ payload: bytes) throws {
    let data = try HEADER.pack(len(payload)) + payload
    var view = memoryview(data)
    while bool(view) {
        let n = try sock.send(view)
        view = view[n...]
    }
}


func recv_exact(_ sock: socket, _ size: Int) throws -> bytes {
    let buf = try bytearray(size)
    let view = memoryview(buf)
    var got = 0
    while got < size {
        let n = try sock.recv_into(view[got...], size - got)
        if n == 0 {
            throw ConnectionError("peer closed after \(got) of \(size) bytes")
        }
        got += n
    }
    return bytes(buf)
}


func recv_frame(_ sock: socket) throws -> bytes {
    let size: Int = try HEADER.unpack(try recv_exact(sock, HEADER.size))
    return try recv_exact(sock, size)
}


class RpcClient {
    let sock: socket
    var calls: Int

    init(_ address: SocketAddress) throws {
        self.sock = try socket.create_connection(address, timeout: 5)
        self.calls = 0
    }

    func call(_ method: String, _ params: [String]) throws -> dict<String, Any> {
        self.calls += 1
        let request = " ".join([str(self.calls), method] + params)
        try send_frame(self.sock, request.encode())
        let parts = try recv_frame(self.sock).decode().split(" ")
        let (ident, status, result) = (parts[0], parts[1], Array(parts[2...]))
        return ["id": try int(ident), "ok": status == "ok", "result": result]
    }

    func close() {
        self.sock.close()
    }
}


func serve(_ listener: socket) throws {
    let (conn, _) = try listener.accept()
    try conn.with { conn in
        while true {
            let ident: String, method: String, params: [String]
            do {
                let parts = try recv_frame(conn).decode().split(" ")
                (ident, method, params) = (parts[0], parts[1], Array(parts[2...]))
            } catch let e as ConnectionError {
                print("server:", e)
                break
            }
            let reply: String
            if method == "add" {
                reply = "\(ident) ok \(try sum(try params.map { p in try int(p) }))"
            } else if method == "upper" {
                reply = " ".join([ident, "ok"] + params.map { p in p.upper() })
            } else {
                reply = "\(ident) error unknown-method:\(repr(method))"
            }
            try send_frame(conn, reply.encode())
        }
    }
}


let listener = try socket.create_server(("127.0.0.1", 0))
let thread = threading.Thread(target: serve, args: (listener))
try thread.start()

let client = try RpcClient(try listener.getsockname())
for (method, params) in [("add", ["1", "2", "39"]), ("upper", ["a", "bc"]), ("nope", []), ("add", [])] {
    let reply = try client.call(method, params)
    print(try "\(method, ">6") -> \(reply)")
}
let big = try client.call("upper", [try "x" * 70000])
print("big reply:", len((big["result"] as! [String])[0]), big["id"]!)
print(["calls": client.calls, "ok": true, "none": nil] as dict<String, Any?>)
client.close()
try thread.join()
listener.close()
print(HEADER.size, HEADER.format, try HEADER.pack(258).hex())
