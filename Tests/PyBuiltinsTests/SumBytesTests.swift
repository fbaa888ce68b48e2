// sum() of bytes, bytearray and [UInt8]: an int total (CPython 3.13's values), never a UInt8 overflow trap.
import PyBuiltins
import PySocket
import Testing
import TestSupport

@Suite("sum() of a bytes-like value is an int, as in CPython", .fdBalanced)
struct SumBytesTests {
    @Test("totals beyond 255 (which trapped when summed as UInt8)")
    func totals() throws {
        // python3.13 -c 'print(sum(b"\xff\xff"), sum(bytes(range(256))*8192), sum(bytearray(b"\x80"*3)), sum([200, 100]))'
        // 510 267386880 384 300
        #expect(sum(bytes([0xff, 0xff])) == 510)
        #expect(try sum(bytes(0...255) * 8192) == 267_386_880)
        #expect(sum(bytearray([0x80, 0x80, 0x80])) == 384)
        #expect(sum([200, 100] as [UInt8]) == 300)
        #expect(sum(bytes()) == 0)
    }

    @Test("a slice of a bytes sums without copying through the element type")
    func slice() {
        let data: bytes = [0xff, 0xff, 0xff]
        #expect(sum(data.dropFirst()) == 510)
    }
}
