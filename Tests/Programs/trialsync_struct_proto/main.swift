// A binary record protocol: struct headers, recv_into a bytearray through a memoryview, checksums.
import PySocket
import PyBuiltins

let HEADER = try `struct`.Struct(">HHI")        // type, flags, length
let (MSG_TEXT, MSG_NUMS, MSG_END) = (1, 2, 0xFFFF)


func encode(_ kind: Int, _ payload: bytes, flags: Int = 0) throws -> bytes {
    return try HEADER.pack(kind, flags, len(payload)) + payload
}


func recv_exactly(_ sock: socket, _ n: Int) throws -> bytearray {
    let buf = try bytearray(n)
    let view = memoryview(buf)
    var got = 0
    while got < n {
        let k = try sock.recv_into(view[got...], n - got)
        if k == 0 {
            throw EOFError("expected \(n) bytes, got \(got)")
        }
        got += k
    }
    return buf
}


func read_message(_ sock: socket) throws -> (Int, Int, bytes) {
    let (kind, flags, length): (Int, Int, Int) = try HEADER.unpack(try recv_exactly(sock, HEADER.size))
    let payload = bytes(try recv_exactly(sock, length))
    return (kind, flags, payload)
}


let (a, b) = try socket.socketpair()
let nums = [1, -2, 300, try 2**31 - 1]
let messages = [
    try encode(MSG_TEXT, "grüße".encode()),
    try encode(MSG_NUMS, try `struct`.pack(">\(len(nums))i", *nums), flags: 0x0001),
    try encode(MSG_TEXT, "", flags: 0x8000),
    try encode(MSG_END, ""),
]
let stream = "".join(messages)
print("stream:", len(stream), try "bytes, crc32 %08x" % zlib.crc32(stream))
print("first header:", try stream[..<HEADER.size].hex(" "), try HEADER.unpack_from(stream) as (Int, Int, Int))
for i in try range(0, len(stream), 5) {      // split the stream at awkward places
    _ = try a.send(stream[i, i + 5])
}

while true {
    let (kind, flags, payload) = try read_message(b)
    if kind == MSG_END {
        print(try "end (kind=\(kind, "#06x"))")
        break
    }
    if kind == MSG_TEXT {
        print(try "text  flags=%04x %r -> %r" % (flags, payload, payload.decode()))
    } else if kind == MSG_NUMS {
        let count = len(payload) / 4
        let values: tuple<Int> = tuple(try `struct`.unpack(try ">%di" % count, payload))
        print(try "nums  flags=%04x" % flags, values, try sum(values), values == tuple(nums))
    }
}

var buf = try bytearray(16)
_ = try a.send([0x01, 0x02, 0x03, 0x04, 0x05, 0x06])
let n = try b.recv_into(&buf, 4)
print(n, buf, try Int.from_bytes(buf[..<n], "little"), try Int.from_bytes(buf[..<n], "big", signed: true))
let n2 = try b.recv_into(memoryview(buf)[10...])
print(n2, buf.hex(), list(buf[10..<12]))
do {
    let _: (Int, Int, Int) = try `struct`.unpack(">HHI", [0x00, 0x01] as bytes)
} catch let e as `struct`.error {
    print("struct.error:", e)
}
a.close()
do {
    _ = try read_message(b)
} catch let e as EOFError {
    print(type(e).__name__, e, e.args)
}
b.close()
