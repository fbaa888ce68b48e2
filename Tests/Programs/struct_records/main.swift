// A binary request/response protocol over UDP with struct: a fixed header, then a payload.
import PySocket
import PyBuiltins

let HEADER = "!HBBI"  // request id, kind, flags, payload length
let HEADER_SIZE = try `struct`.calcsize(HEADER)
let KINDS = [1: "echo", 2: "sum", 3: "stat"]

let server = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try server.bind(("127.0.0.1", 0))


func serve(_ count: Int) throws {
    for _ in range(count) {
        let (packet, peer) = try server.recvfrom(1024)
        let (ident, kind, flags, length): (Int, Int, Int, Int) = try `struct`.unpack(HEADER, packet[..<HEADER_SIZE])
        let payload = packet[HEADER_SIZE..<HEADER_SIZE + length]
        let body: bytes
        if KINDS.get(kind) == "echo" {
            body = payload
        } else if KINDS.get(kind) == "sum" {
            let numbers: [Int] = try `struct`.unpack(try "!%dh" % (len(payload) / 2), payload)
            body = try `struct`.pack("!q", try sum(numbers))
        } else {
            body = try `struct`.pack("!?dI", flags & 1 == 1, Double(len(payload)) / 4, len(packet))
        }
        _ = try server.sendto(try `struct`.pack(HEADER, ident, kind | 0x80, 0, len(body)) + body, peer)
    }
}


let t = threading.Thread(target: serve, args: (4))
try t.start()
let client = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try client.settimeout(2)
let requests: [(Int, Int, bytes)] = [
    (1, 0, "hello"),
    (2, 0, try `struct`.pack("!4h", 1, -2, 300, -32768)),
    (3, 1, "abcdefgh"),
    (1, 0, ""),
]
for (ident, (kind, flags, payload)) in try enumerate(requests, start: 100) {
    _ = try client.sendto(try `struct`.pack(HEADER, ident, kind, flags, len(payload)) + payload, try server.getsockname())
    let (reply, _) = try client.recvfrom(1024)
    let (rid, rkind, _, length): (Int, Int, Int, Int) = try `struct`.unpack_from(HEADER, reply)
    let body = reply[HEADER_SIZE...]
    print(try "#\(rid) \(KINDS[rkind & 0x7f]!, "<5") kind=0x\(rkind, "02x") len=\(length, "<3") raw=\(try reply[..<HEADER_SIZE].hex(" "))")
    if rkind & 0x7f == 2 {
        let total: Int = try `struct`.unpack("!q", body)
        print("   sum:", total)
    } else if rkind & 0x7f == 3 {
        let (odd, quarter, size): (Bool, Double, Int) = try `struct`.unpack("!?dI", body)
        print("   stat:", odd, quarter, size)
    } else {
        print("   echo:", body)
    }
}
try t.join()
do {
    let _: (Int, Int, Int, Int) = try `struct`.unpack(HEADER, bytes("short"))
} catch let e as `struct`.error {
    print("error:", e)
}
print(HEADER_SIZE, try `struct`.calcsize("@HBBI"), try `struct`.pack("<I", 1) == (try (1).to_bytes(4, "little")))
client.close()
server.close()
