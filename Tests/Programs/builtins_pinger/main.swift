// An argparse'd echo client: seeded random payloads framed with struct in a BytesIO, checked with crc32, shown in base64.
import PySocket
import PyBuiltins

let parser = argparse.ArgumentParser(prog: "pinger", description: "Send random payloads to an echo server.")
try parser.add_argument("--host", default: "127.0.0.1", help: "server address (default: %(default)s)")
try parser.add_argument("-p", "--port", type: Int.self, default: 0, help: "server port (0 starts one)")
try parser.add_argument("-n", "--count", type: Int.self, default: 3, help: "how many payloads")
try parser.add_argument("--seed", type: Int.self, default: 1234)
try parser.add_argument("-v", "--verbose", action: "store_true")
try parser.add_argument("kinds", nargs: "*", default: ["ping", "data"])
let args = try parser.parse_args(["-n", "5", "-v", "ping", "data", "ack"])
print(args)
print("count:", args.count, "seed:", args.seed, "kinds:", args.kinds)
parser.print_usage()


func recv_exact(_ conn: socket, _ n: Int) throws -> bytes {
    let buf = io.BytesIO()
    while try buf.tell() < n {
        let chunk = try conn.recv(n - buf.tell())
        if !bool(chunk) {
            throw ConnectionError("peer closed")
        }
        try buf.write(chunk)
    }
    return try buf.getvalue()
}


func serve(_ listener: socket) throws {
    let (conn, _) = try listener.accept()
    try conn.with { conn in
        while true {
            let header = try conn.recv(6, socket.MSG_PEEK)
            if !bool(header) {
                break
            }
            let (size, crc): (Int, Int) = try `struct`.unpack("!HI", recv_exact(conn, 6))
            let body = try recv_exact(conn, size)
            let ok = binascii.crc32(body) == crc
            try conn.sendall(try `struct`.pack("!HI?", size, crc, ok) + body[nil, nil, -1])
        }
    }
}


let listener = try socket.create_server((args.host, args.port))
let server = threading.Thread(target: serve, args: (listener))
try server.start()

random.seed(args.seed)
var order = list(range(args.count))
random.shuffle(&order)
let kinds: [String] = args.kinds
print("order:", order, "sample:", try random.sample(kinds, 2))
try socket.create_connection(listener.getsockname(), timeout: 5).with { c in
    for i in order {
        let size = try random.randint(1, 12)
        let payload = try random.randbytes(size)
        let kind = try random.choice(kinds)
        let frame = io.BytesIO()
        try frame.write(try `struct`.pack("!HI", size, binascii.crc32(payload)))
        try frame.write(payload)
        try c.sendall(try frame.getvalue())
        let reply = io.BytesIO(try recv_exact(c, 7 + size))
        let (_, rcrc, ok): (Int, Int, Bool) = try `struct`.unpack("!HI?", reply.read(7))
        let back = try reply.read()
        if args.verbose {
            print(try "\(i) \(kind, "<4") \(size, ">2") \(base64.b64encode(payload).decode(), "<16") \(rcrc, "08x") ok=\(ok) same=\(back[nil, nil, -1] == payload)")
        }
    }
    let jitter = (0..<3).map { _ in round(random.uniform(0.5, 1.5), 3) }
    print("jitter:", jitter, "bits:", try random.getrandbits(20), "pick:", try random.randrange(100, 200, 7))
}
try server.join()
listener.close()
let token = base64.urlsafe_b64encode(try bytes(range(250, 256)) + "pinger")
print("token:", token, try base64.urlsafe_b64decode(token)[-6, nil], try binascii.hexlify(token[nil, 4], "-"))
do {
    _ = try base64.b64decode("abc")
} catch let e as binascii.Error {
    print("bad token:", e)
}
_ = try parser.parse_args(["--count", "many"])
print("not reached")
