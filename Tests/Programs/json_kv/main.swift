// A key-value store speaking newline-delimited JSON over TCP; the client checks every reply.
import PySocket
import PyBuiltins

nonisolated(unsafe) var store: dict<String, Any?> = [:]
let lock = threading.Lock()


func handle(_ conn: socket) throws {
    try conn.with { conn in
        let f: SocketFile<bytes> = try conn.makefile("rwb")
        try f.with { f in
            for raw in f {
                var reply: dict<String, Any?>
                do {
                    let req = try json.loads(raw) as! dict<String, Any?>
                    let op = req.get("op") as? String
                    reply = try lock.with {
                        if op == "set" {
                            store[req["key"] as! String] = req["value"]!
                            return ["ok": true]
                        } else if op == "get" {
                            return ["ok": store.contains(req["key"] as! String), "value": store.get(req["key"] as! String) ?? nil]
                        } else if op == "keys" {
                            return ["ok": true, "keys": sorted(store)]
                        } else {
                            return ["ok": false, "error": try "unknown op %r" % (op as Any?)]
                        }
                    }
                } catch let e as json.JSONDecodeError {
                    reply = ["ok": false, "error": "bad json: \(e.msg) at \(e.pos)"]
                }
                _ = try f.write(try json.dumps(reply).encode() + "\n")
                try f.flush()
            }
        }
    }
}


let srv = try socket.create_server(("127.0.0.1", 0))
let t = threading.Thread(target: { try handle(try srv.accept().0) })
try t.start()

let requests: [dict<String, Any?>] = [
    ["op": "set", "key": "name", "value": "pysocket"],
    ["op": "set", "key": "ports", "value": [80, 443]],
    ["op": "set", "key": "nested", "value": ["a": 1.5, "b": nil, "ü": true] as dict<String, Any?>],
    ["op": "get", "key": "ports"],
    ["op": "get", "key": "missing"],
    ["op": "keys"],
    ["op": "drop"],
]
try socket.create_connection(try srv.getsockname()).with { c in
    let f: SocketFile<bytes> = try c.makefile("rwb")
    for req in requests {
        let line = try json.dumps(req)
        _ = try f.write(line.encode() + "\n")
        try f.flush()
        let reply = try json.loads(try f.readline())
        print(try "\(req["op"]!, ">4") \(len(line), "3d") -> \(reply)")
    }
    _ = try f.write("{not json}\n")
    try f.flush()
    print("bad ->", try json.loads(try f.readline()))
    try f.close()
}
try t.join()
srv.close()
print(try json.dumps(store, indent: 2, sort_keys: true))
print(try json.dumps([1, "two", nil, 3.0, [] as [Int], [:] as dict<String, Int>] as [Any?]), try json.loads("[1e2, -0.5, \"\\u00e9\"]"))
