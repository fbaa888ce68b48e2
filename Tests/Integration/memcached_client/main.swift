// The Swift port of memcached_client.py, line by line: the text protocol over TCP, and UDP.
import PySocket

@discardableResult
func command(_ sock: socket, _ f: SocketFile<bytes>, _ line: bytes, _ data: bytes? = nil) throws -> bytes {
    try sock.sendall(line + "\r\n" + (data != nil ? data! + "\r\n" : ""))
    return try f.readline().rstrip("\r\n")
}

func get(_ sock: socket, _ f: SocketFile<bytes>, _ keys: [bytes]) throws -> [bytes: (Int, bytes, Int)] {
    try sock.sendall(try "gets %b\r\n" % bytes(" ").join(keys))
    var found: [bytes: (Int, bytes, Int)] = [:]
    while true {
        let line = try f.readline()
        if line == "END\r\n" {
            return found
        }
        let words = try line.split()
        let (key, flags, size, cas) = (words[1], words[2], words[3], words[4])
        let data = try f.read(try Int(size) + 2)
        found[key] = (try Int(flags), data[nil, -2], try Int(cas))
    }
}

func udp_get(_ usock: socket, _ address: (String, Int), _ request_id: Int, _ key: bytes) throws -> bytes {
    let header = bytes([UInt8(request_id >> 8), UInt8(request_id & 255), 0, 0, 0, 1, 0, 0])
    _ = try usock.sendto(header + (try "get %b\r\n" % key), address)
    let peek = try usock.recv(16, socket.MSG_PEEK | socket.MSG_TRUNC)
    print("udp peek", peek.count, peek[..<8].hex())
    var parts: [Int: bytes] = [:]
    var total = 1
    while parts.count < total {
        let (datagram, _) = try usock.recvfrom(2048)
        let rid = Int(datagram[0]) << 8 | Int(datagram[1])
        let seq = Int(datagram[2]) << 8 | Int(datagram[3])
        total = Int(datagram[4]) << 8 | Int(datagram[5])
        if rid != request_id {
            continue
        }
        parts[seq] = datagram[8...]
    }
    let reply = bytes().join((0..<total).map { i in parts[i]! })
    print("udp datagrams", total, "bytes", reply.count)
    let (head, _, rest) = try reply.partition("\r\n")
    print("udp head", head)
    print("udp tail", rest[(-7)...], rest.endswith("END\r\n") ? "complete" : "cut")
    return rest[..<(-7)]
}

func main() throws {
    let port = try Int(CommandLine.arguments[1].encode())
    let n = CommandLine.arguments.count > 2 ? try Int(CommandLine.arguments[2].encode()) : 100
    let big = bytes().join(try (0..<700).map { i in try "%05d|" % i })
    do {
        let sock = try socket.create_connection(("127.0.0.1", port))
        defer { sock.close() }
        let f: SocketFile<bytes> = try sock.makefile("rb")
        print("flush_all", try command(sock, f, "flush_all"))
        print("set", try command(sock, f, "set greeting 7 0 5", "hello"))
        print("add", try command(sock, f, "add greeting 0 0 3", "abc"))
        print("append", try command(sock, f, "append greeting 0 0 6", " world"))
        let found = try get(sock, f, ["greeting", "missing"])
        let (flags, value, cas) = found["greeting"]!
        print("gets", found.count, flags, value)
        print("cas", try command(sock, f, try "cas greeting 0 0 2 %d" % cas, "hi"))
        print("cas again", try command(sock, f, try "cas greeting 0 0 2 %d" % cas, "ho"))
        print("set n", try command(sock, f, "set n 0 0 2", "40"))
        print("incr", try command(sock, f, "incr n 2"))
        print("decr", try command(sock, f, "decr n 50"))
        print("incr bad", try command(sock, f, "incr greeting 1"))
        print("delete", try command(sock, f, "delete n"))
        print("delete again", try command(sock, f, "delete n"))
        print("bogus", try command(sock, f, "bogus command"))
        print("set big", try command(sock, f, try "set big 0 0 %d" % big.count, big))
        var hits = 0
        for i in 0..<n {
            try command(sock, f, try "set key:%d 0 0 %d" % (i, (try "%d" % i).count), try "%d" % i)
            hits += try get(sock, f, [try "key:%d" % i]).count
        }
        print("loop", n, hits)
        try f.close()
    }
    do {
        let usock = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        defer { usock.close() }
        try usock.settimeout(5)
        var value = try udp_get(usock, ("127.0.0.1", port), 7, "greeting")
        print("udp greeting", value)
        value = try udp_get(usock, ("127.0.0.1", port), 258, "big")
        print("udp big", value.count, value[..<12], value[(-12)...], value == big ? "same" : "differs")
    }
}

try main()
