// File transfer: a header line "name size sha256\n", then the body via sendfile; the receiver uses makefile.
import PySocket
import PyBuiltins

let CHUNK = 4096


func make_file(_ directory: String, _ name: String, _ size: Int) throws -> String {
    let path = os.path.join(directory, name)
    let f: PyFile<bytes> = try open(path, "wb")
    try f.with { f in
        _ = try f.write(bytes(range(size).map { i in UInt8(i % 251) }))
    }
    return path
}


func send_file(_ sock: socket, _ path: String) throws -> Int {
    let size = try os.path.getsize(path)
    let f: PyFile<bytes> = try open(path, "rb")
    return try f.with { f in
        let digest = hashlib.sha256(try f.read()).hexdigest()
        try f.seek(0)
        let header = try "%s %d %s\n" % (os.path.basename(path), size, digest)
        try sock.sendall(try header.encode("ascii"))
        let sent = try sock.sendfile(f.fileno())
        return sent
    }
}


func receive_file(_ conn: socket, _ directory: String) throws -> (String, Int, Bool, Int)? {
    let rfile: SocketFile<bytes> = try conn.makefile("rb")
    let header = try rfile.readline()
    if header.isEmpty {
        return nil
    }
    let fields = try header.decode("ascii").split()
    let (name, sizeText, digest) = (fields[0], fields[1], fields[2])
    let size = try int(sizeText)
    let h = hashlib.sha256()
    var remaining = size
    let out_path = os.path.join(directory, "recv_" + name)
    let out: PyFile<bytes> = try open(out_path, "wb")
    try out.with { out in
        while remaining > 0 {
            let chunk = try rfile.read(min(CHUNK, remaining))
            if chunk.isEmpty {
                throw ConnectionError(try "peer closed with %d bytes left" % remaining)
            }
            _ = try out.write(chunk)
            h.update(chunk)
            remaining -= len(chunk)
        }
    }
    try rfile.close()
    return (name, size, h.hexdigest() == digest, try os.path.getsize(out_path))
}


nonisolated(unsafe) var results: [(String, Int, Bool, Int)] = []

func server_main(_ srv: socket, _ directory: String) throws {
    while true {
        let (conn, _) = try srv.accept()
        let result = try conn.with { conn in
            let result = try receive_file(conn, directory)
            try conn.sendall(result != nil ? "OK\n" : "BYE\n")
            return result
        }
        guard let result else {
            break
        }
        results.append(result)
    }
}


try tempfile.TemporaryDirectory().with { tmp in
    let sizes: dict<String, Int> = ["empty.bin": 0, "small.bin": 100, "page.bin": 4096, "big.bin": 100_000]
    let paths = try sizes.items().map { (name, size) in try make_file(tmp, name, size) }
    try socket.create_server(("127.0.0.1", 0)).with { srv in
        let t = threading.Thread(target: { try server_main(srv, tmp) })
        try t.start()
        for path in paths {
            try socket.create_connection(try srv.getsockname(), timeout: 5).with { c in
                let sent = try send_file(c, path)
                let reply = try c.recv(16)
                print(try "sent \(os.path.basename(path), "<10") \(sent, ">7") bytes -> \(repr(reply))")
            }
        }
        try socket.create_connection(try srv.getsockname()).with { c in
            try c.shutdown(socket.SHUT_WR)
            print("final:", try c.recv(16))
        }
        try t.join()
    }
    print(try "%-10s %8s %5s %8s" % ("name", "size", "hash", "on disk"))
    for (name, size, ok, on_disk) in sorted(results, key: { r in r.1 }) {
        print(try "%-10s %8d %5s %8d" % (name, size, ok, on_disk))
    }
    print(sorted(try os.listdir(tmp)))
    let total = try sum(results.map { r in r.1 })
    print(try "total bytes: {:,} in {} files".format(total, len(results)))
}
