// The Swift port of redis_client.py, line by line: RESP over TCP (IPv4, IPv6) and a unix socket.
import PySocket

struct RedisError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// A RESP reply: what the Python client returns as bytes, int, None or list.
enum Reply: Equatable, CustomStringConvertible {
    case data(bytes), int(Int), none, list([Reply])
    var description: String {
        switch self {
        case .data(let b): return b.description
        case .int(let n): return n.description
        case .none: return "None"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        }
    }
    var data: bytes { if case .data(let b) = self { return b }; return bytes() }
}

func encode(_ args: [bytes]) throws -> bytes {
    var parts = [try "*%d\r\n" % args.count]
    for arg in args {
        parts.append(try "$%d\r\n%b\r\n" % (arg.count, arg))
    }
    return bytes().join(parts)
}

func read_reply(_ f: SocketFile<bytes>) throws -> Reply {
    let line = try f.readline()
    if !line.endswith("\r\n") {
        throw ConnectionError("connection closed: \(line)")
    }
    let (kind, rest) = (line[nil, 1], line[1, -2])
    if kind == "+" {
        return .data(rest)
    }
    if kind == "-" {
        throw RedisError(try rest.decode())
    }
    if kind == ":" {
        return .int(try Int(rest))
    }
    if kind == "$" {
        let n = try Int(rest)
        if n < 0 {
            return .none
        }
        return .data(try f.read(n + 2)[nil, -2])
    }
    if kind == "*" {
        let n = try Int(rest)
        if n < 0 {
            return .none
        }
        return .list(try (0..<n).map { _ in try read_reply(f) })
    }
    throw RedisError("bad reply \(line)")
}

func call(_ sock: socket, _ f: SocketFile<bytes>, _ args: bytes...) throws -> Reply {
    try sock.sendall(try encode(args))
    return try read_reply(f)
}

func session(_ sock: socket, _ label: String) throws {
    let f: SocketFile<bytes> = try sock.makefile("rb")
    print(label, "PING", try call(sock, f, "PING"))
    print(label, "SET", try call(sock, f, "SET", "greeting:" + label.encode(), "héllo wörld".encode()))
    let value = try call(sock, f, "GET", "greeting:" + label.encode())
    print(label, "GET", value, try value.data.decode())
    print(label, "GET missing", try call(sock, f, "GET", "missing:key"))
    print(label, "DEL", try call(sock, f, "DEL", "counter:" + label.encode()))
    print(label, "INCRBY", try call(sock, f, "INCRBY", "counter:" + label.encode(), try "%d" % 41))
    print(label, "INCR", try call(sock, f, "INCR", "counter:" + label.encode()))
    _ = try call(sock, f, "DEL", "list:" + label.encode())
    print(label, "RPUSH", try call(sock, f, "RPUSH", "list:" + label.encode(), "a", "bc", "", [0x00, 0xff]))
    print(label, "LRANGE", try call(sock, f, "LRANGE", "list:" + label.encode(), "0", "-1"))
    do {
        _ = try call(sock, f, "INCR", "list:" + label.encode())
    } catch let e as RedisError {
        print(label, "error", e)
    }
    let info = try call(sock, f, "INFO", "server").data
    print(label, "INFO", info.contains("redis_version:") ? "has" : "lacks", "redis_version")
    for line in info.splitlines() {
        let (key, _, value) = try line.partition(":")
        if ["redis_mode", "tcp_port", "arch_bits"].contains(key) {
            print(label, "INFO", try key.decode(), value)
        }
    }
    try f.close()
}

func pipeline(_ sock: socket, _ n: Int) throws -> Int {
    let f: SocketFile<bytes> = try sock.makefile("rb")
    var total = 0
    try sock.sendall(bytes().join(try (0..<n).map { i in try encode(["SET", try "k:%d" % i, "v" * (i % 50)]) }))
    for _ in 0..<n {
        if try read_reply(f) != .data("OK") {
            throw RedisError("SET failed")
        }
    }
    let batch = try (0..<n).map { i in try encode(["GET", try "k:%d" % i]) }
    try sock.sendall(bytes().join(batch))
    for _ in 0..<n {
        total += try read_reply(f).data.count
    }
    try f.close()
    return total
}

func main() throws {
    let port = try Int(CommandLine.arguments[1].encode())
    let path = CommandLine.arguments[2]
    let n = CommandLine.arguments.count > 3 ? try Int(CommandLine.arguments[3].encode()) : 200
    do {
        let sock = try socket.create_connection(("127.0.0.1", port))
        defer { sock.close() }
        let f: SocketFile<bytes> = try sock.makefile("rb")
        print("FLUSHALL", try call(sock, f, "FLUSHALL"))
        try f.close()
        try session(sock, "tcp4")
        print("pipeline", n, try pipeline(sock, n))
    }
    do {
        let sock = try socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        defer { sock.close() }
        try sock.connect(("::1", port, 0, 0))
        try session(sock, "tcp6")
    }
    do {
        let sock = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        defer { sock.close() }
        try sock.connect(path)
        try session(sock, "unix")
    }
    do {
        _ = try socket.create_connection(("127.0.0.1", 1), timeout: 2)
    } catch let e as ConnectionRefusedError {
        print("refused", e.errno!, e)
    }
}

try main()
