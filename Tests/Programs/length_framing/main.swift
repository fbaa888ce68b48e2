// Length-prefixed binary framing without struct: int.to_bytes / int.from_bytes.
import PySocket
import PyBuiltins

func send_frame(_ sock: socket, _ kind: Int, _ payload: bytes) throws {
    let header = try len(payload).to_bytes(4, "big") + kind.to_bytes(1, "big")
    try sock.sendall(header + payload)
}

func recv_exactly(_ sock: socket, _ n: Int) throws -> bytes {
    var buf = bytearray()
    while len(buf) < n {
        let chunk = try sock.recv(n - len(buf))
        if chunk.isEmpty {
            throw ConnectionError("peer closed after \(len(buf)) of \(n) bytes")
        }
        buf.extend(chunk)
    }
    return bytes(buf)
}

func recv_frame(_ sock: socket) throws -> (Int, bytes) {
    let header = try recv_exactly(sock, 5)
    let length = try Int.from_bytes(header[..<4], "big")
    let kind = Int(header[4])
    return (kind, try recv_exactly(sock, length))
}

let (a, b) = try socket.socketpair()
let frames: [(Int, bytes)] = [(1, "hello"), (2, try bytes(range(8))), (3, ""), (4, try "héllo wörld".encode("utf-8")), (5, try bytes([0xff]) * 300)]
for (kind, payload) in frames {
    try send_frame(a, kind, payload)
}

for _ in frames {
    let (kind, payload) = try recv_frame(b)
    let shown = len(payload) < 16 ? payload : payload[..<8] + "..."
    print(try "kind=\(kind) len=\(len(payload), ">4") hex=\(payload[..<6].hex()) \(shown)")
}

let word = 0xDEADBEEF
let raw = try word.to_bytes(4, "little")
print(raw, raw.hex(), try raw.hex(":"), try Int.from_bytes(raw, "little") == word)
print(try bytes.fromhex("de ad be ef"), try int("beef", 16), try int("0x10", 0), hex(word), try "\(word, "08x")", try "\(255, "#06x")")
print(try (-2).to_bytes(2, "big", signed: true), try Int.from_bytes(bytes([0xff, 0xfe]), "big", signed: true))
let counter = try Int.from_bytes(bytes([0x00, 0x01]), "big")
print(range(3).map { counter + $0 }, sum(bytes([1, 2, 3])))

try a.sendall(try (7).to_bytes(4, "big") + "abc")
a.close()
do {
    _ = try recv_frame(b)
} catch let e as ConnectionError {
    print("error:", e, "|", type(e).__name__, e.args)
}
b.close()
