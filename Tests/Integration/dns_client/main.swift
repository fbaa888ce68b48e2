// The Swift port of dns_client.py, line by line: DNS queries over UDP and TCP, with name compression.
import PySocket

let TYPES: [Int: String] = [1: "A", 5: "CNAME", 15: "MX", 16: "TXT", 28: "AAAA", 33: "SRV"]
let CODES: [String: UInt8] = ["A": 1, "CNAME": 5, "MX": 15, "TXT": 16, "AAAA": 28, "SRV": 33]

func u16(_ data: bytes, _ i: Int) -> Int {
    Int(data[i]) << 8 | Int(data[i + 1])
}

func u32(_ data: bytes, _ i: Int) -> Int {
    u16(data, i) << 16 | u16(data, i + 2)
}

func query(_ qid: Int, _ name: bytes, _ qtype: String) throws -> bytes {
    let header = bytes([UInt8(qid >> 8), UInt8(qid & 255), 1, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    let labels = bytes().join(try name.split(".").map { label in bytes([UInt8(label.count)]) + label })
    return header + labels + [0] + bytes([0, CODES[qtype]!, 0, 1])
}

func read_name(_ data: bytes, _ start: Int) -> (bytes, Int) {
    var i = start
    var labels: [bytes] = []
    var end: Int? = nil
    while true {
        let n = Int(data[i])
        if n == 0 {
            i += 1
            break
        }
        if n >= 0xC0 {
            if end == nil {
                end = i + 2
            }
            i = (n & 0x3F) << 8 | Int(data[i + 1])
            continue
        }
        labels.append(data[(i + 1)..<(i + 1 + n)])
        i += 1 + n
    }
    return (bytes(".").join(labels), end != nil ? end! : i)
}

func rdata_text(_ data: bytes, _ rtype: Int, _ start: Int, _ length: Int) throws -> String {
    let rdata = data[start..<(start + length)]
    if rtype == 1 {
        return try socket.inet_ntoa(rdata)
    }
    if rtype == 28 {
        return try socket.inet_ntop(socket.AF_INET6, rdata)
    }
    if rtype == 5 {
        return try read_name(data, start).0.decode()
    }
    if rtype == 15 {
        return "\(u16(data, start)) \(try read_name(data, start + 2).0.decode())"
    }
    if rtype == 33 {
        let target = try read_name(data, start + 6).0.decode()
        return "\(u16(data, start)) \(u16(data, start + 2)) \(u16(data, start + 4)) \(target)"
    }
    if rtype == 16 {
        var strings: [bytes] = []
        var i = 0
        while i < rdata.count {
            strings.append(rdata[(i + 1)..<(i + 1 + Int(rdata[i]))])
            i += 1 + Int(rdata[i])
        }
        return try bytes(" ").join(strings).decode()
    }
    return rdata.hex()
}

func parse(_ data: bytes, _ qid: Int) throws -> (Int, Int, [String]) {
    if u16(data, 0) != qid {
        throw ValueError("id mismatch")
    }
    let flags = u16(data, 2)
    let rcode = flags & 15
    let (qdcount, ancount) = (u16(data, 4), u16(data, 6))
    var i = 12
    for _ in 0..<qdcount {
        (_, i) = read_name(data, i)
        i += 4
    }
    var answers: [String] = []
    for _ in 0..<ancount {
        let name: bytes
        (name, i) = read_name(data, i)
        let (rtype, ttl, length) = (u16(data, i), u32(data, i + 4), u16(data, i + 8))
        i += 10
        answers.append("\(try name.decode()) \(TYPES[rtype] ?? String(rtype)) \(ttl) \(try rdata_text(data, rtype, i, length))")
        i += length
    }
    return (rcode, flags >> 15, answers)
}

func over_udp(_ address: (String, Int), _ qid: Int, _ name: bytes, _ qtype: String) throws -> (Int, Int, [String]) {
    let data: bytes
    do {
        let sock = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        defer { sock.close() }
        try sock.settimeout(5)
        try sock.connect(address)
        _ = try sock.send(try query(qid, name, qtype))
        data = try sock.recv(4096)
    }
    return try parse(data, qid)
}

func recv_exactly(_ sock: socket, _ count: Int) throws -> bytes {
    var n = count
    var chunks: [bytes] = []
    while n > 0 {
        let chunk = try sock.recv(n)
        if chunk.isEmpty {
            throw ConnectionError("short read")
        }
        chunks.append(chunk)
        n -= chunk.count
    }
    return bytes().join(chunks)
}

func over_tcp(_ address: (String, Int), _ qid: Int, _ name: bytes, _ qtype: String) throws -> (Int, Int, [String]) {
    let data: bytes
    do {
        let sock = try socket.create_connection(address, timeout: 5)
        defer { sock.close() }
        let message = try query(qid, name, qtype)
        try sock.sendall(bytes([UInt8(message.count >> 8), UInt8(message.count & 255)]) + message)
        let size = u16(try recv_exactly(sock, 2), 0)
        data = try recv_exactly(sock, size)
    }
    return try parse(data, qid)
}

func show(_ transport: String, _ result: (Int, Int, [String]), _ name: bytes, _ qtype: String) throws {
    let (rcode, qr, answers) = result
    print(transport, try name.decode(), qtype, "rcode", rcode, "qr", qr, "answers", answers.count)
    for answer in answers {
        print("  ", answer)
    }
}

func main() throws {
    let address = ("127.0.0.1", try Int(CommandLine.arguments[1].encode()))
    let n = CommandLine.arguments.count > 2 ? try Int(CommandLine.arguments[2].encode()) : 50
    let questions: [(bytes, String)] = [("web.pysocket.test", "A"), ("web.pysocket.test", "AAAA"), ("www.pysocket.test", "A"),
                                        ("pysocket.test", "MX"), ("pysocket.test", "TXT"), ("_redis._tcp.pysocket.test", "SRV"),
                                        ("nowhere.pysocket.test", "A")]
    var qid = 100
    for (name, qtype) in questions {
        qid += 1
        try show("udp", try over_udp(address, qid, name, qtype), name, qtype)
        qid += 1
        try show("tcp", try over_tcp(address, qid, name, qtype), name, qtype)
    }
    var count = 0
    for i in 0..<n {
        count += try over_udp(address, 1000 + i, "web.pysocket.test", "A").2.count
    }
    print("udp loop", n, count)
}

try main()
