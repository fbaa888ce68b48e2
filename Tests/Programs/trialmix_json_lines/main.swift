// A makefile + json.dumps line protocol over AF_UNIX in a temp dir, with shutdown(SHUT_WR) half-close.
import PySocket
import PyBuiltins

let tmpdir = try tempfile.mkdtemp()
let path = os.path.join(tmpdir, "rpc.sock")
let srv = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try srv.bind(path)
try srv.listen(1)
print("listening on", try os.path.basename(try srv.getsockname()))


func serve() throws {
    let (conn, addr) = try srv.accept()
    print("server: peer address", repr(addr))
    let rfile: SocketFile<String> = try conn.makefile("r", encoding: "utf-8")
    let wfile: SocketFile<String> = try conn.makefile("w", encoding: "utf-8")
    try conn.with { conn in try rfile.with { rfile in try wfile.with { wfile in
        var count = 0
        for line in rfile {
            let request = try json.loads(line) as! dict<String, Any?>
            count += 1
            var result: dict<String, Any?>
            if request["op"] as! String == "add" {
                result = ["id": request["id"]!, "result": try sum(request["args"] as! [Int])]
            } else if request["op"] as! String == "upper" {
                result = ["id": request["id"]!, "result": (request["args"] as! [String])[0].upper()]
            } else {
                result = ["id": request["id"]!, "error": try "unknown op %r" % request["op"]!]
            }
            try wfile.write(try json.dumps(result) + "\n")
            try wfile.flush()
        }
        print("server: EOF after", count, "requests")
        try wfile.write(try json.dumps(["bye": true, "count": count] as dict<String, Any?>) + "\n")
    } } }
}


let t = threading.Thread(target: serve)
try t.start()

let client = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try client.connect(path)
let requests: [dict<String, Any?>] = [
    ["id": 1, "op": "add", "args": [1, 2, 3]],
    ["id": 2, "op": "upper", "args": ["héllo"]],
    ["id": 3, "op": "mul", "args": [2, 3]],
]
let f: SocketFile<String> = try client.makefile("rw", encoding: "utf-8")
for req in requests {
    try f.write(try json.dumps(req) + "\n")
    try f.flush()
    let reply = try json.loads(try f.readline())
    print("request", req["id"]!, "->", reply)
}
try client.shutdown(socket.SHUT_WR)
let last = try f.readline()
print("final line:", last.rstrip("\n"))
print("after final:", repr(try f.readline()))
try f.close()
client.close()
try t.join()
srv.close()
try os.unlink(path)
try os.rmdir(tmpdir)
print("cleaned up:", !os.path.exists(tmpdir))
