// bytearray: printed, sliced and filled as CPython 3.13's (expected texts captured from python3.13).
import PySocket
import Testing
import TestSupport

@Suite("bytearray prints, slices and receives as CPython's", .fdBalanced)
struct ByteArrayTests {
    @Test("repr and str, with CPython's quoting")
    func printing() throws {
        #expect(try String(reflecting: bytearray(4)) == #"bytearray(b'\x00\x00\x00\x00')"#)
        #expect(String(describing: bytearray([0x61, 0x00, 0xff, 0x27])) == #"bytearray(b"a\x00\xff\'")"#)
        #expect(String(describing: bytearray()) == "bytearray(b'')")
    }

    @Test("slices with Python's rules, and slice assignment")
    func slicing() {
        var b: bytearray = "0123456789"
        #expect(b[..<3].description == "bytearray(b'012')")
        #expect(b[7...].description == "bytearray(b'789')")
        #expect(b[(-2)...].description == "bytearray(b'89')")
        #expect(b[2..<5].description == "bytearray(b'234')")
        #expect(b[..<(-8)].description == "bytearray(b'01')")
        b[2..<4] = "xy"
        #expect(b.description == "bytearray(b'01xy456789')")
        b[8...] = "Z"
        #expect(b.description == "bytearray(b'01xy4567Z')")
        #expect(b == bytes("01xy4567Z"))
        #expect(bytes(b).description == "b'01xy4567Z'")
    }

    @Test("recv_into fills it in place, at an offset through a slice")
    func receiving() throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        var buf = try bytearray(10)
        try a.sendall("0123456789abcdef")
        #expect(try b.recv_into(&buf) == 10)
        #expect(buf.description == "bytearray(b'0123456789')")
        #expect(try b.recv_into(&buf, 4) == 4)
        #expect(bytes(buf).description == "b'abcd456789'")
        #expect(try b.recv_into(&buf[2...], 2) == 2)
        #expect(bytes(buf).description == "b'abef456789'")
        #expect(buf.count == 10)
    }
}
