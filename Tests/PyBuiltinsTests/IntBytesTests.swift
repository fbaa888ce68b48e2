// int.to_bytes / int.from_bytes against CPython 3.13's results and messages (captured with python3.13).
import PyBuiltins
import PySocket
import Testing
import TestSupport

@Suite("int.to_bytes and int.from_bytes as CPython's", .fdBalanced)
struct IntBytesTests {
    @Test("to_bytes: byte orders, sign, and CPython's errors")
    func toBytes() throws {
        // (5).to_bytes(4, "little") b'\x05\x00\x00\x00'; (258).to_bytes(2, "big") b'\x01\x02';
        // (-1).to_bytes(2, "little", signed=True) b'\xff\xff'; (-129).to_bytes(2, "big", signed=True) b'\xff\x7f'
        #expect(try 5.to_bytes(4, "little") == bytes([5, 0, 0, 0]))
        #expect(try 258.to_bytes(2, "big") == bytes([1, 2]))
        #expect(try (-1).to_bytes(2, "little", signed: true) == bytes([0xff, 0xff]))
        #expect(try (-129).to_bytes(2, "big", signed: true) == bytes([0xff, 0x7f]))
        #expect(try Int32(7).to_bytes(4, "little") == bytes([7, 0, 0, 0]))
        let failures: [(Int, Int, String, Bool, String)] = [
            (256, 1, "big", false, "OverflowError: int too big to convert"),
            (-1, 1, "big", false, "OverflowError: can't convert negative int to unsigned"),
            (128, 1, "big", true, "OverflowError: int too big to convert"),
            (-129, 1, "big", true, "OverflowError: int too big to convert"),
            (1, 1, "middle", false, "ValueError: byteorder must be either 'little' or 'big'"),
            // (5).to_bytes(2**62) / (-5).to_bytes(2**62, signed=True) / (0).to_bytes(2**62, "little")
            // / (5).to_bytes(2**40) -> MemoryError: (no trap where length * 8 overflows Int)
            (5, 1 << 62, "big", false, "MemoryError: "),
            (-5, 1 << 62, "big", true, "MemoryError: "),
            (0, 1 << 62, "little", false, "MemoryError: "),
            (5, 1 << 40, "big", false, "MemoryError: "),
        ]
        for (value, length, order, signed, expected) in failures {
            do {
                _ = try value.to_bytes(length, order, signed: signed)
                Issue.record("\(value).to_bytes(\(length), \(order)) did not raise")
            } catch let e as BaseException {
                #expect("\(type(e).__name__): \(e)" == expected)
            }
        }
    }

    @Test("from_bytes: byte orders, sign, leading zeros and sign bytes")
    func fromBytes() throws {
        // 5 -2 65534 0 1 -1, then -9223372036854775808
        #expect(try Int.from_bytes(bytes([5, 0, 0, 0]), "little") == 5)
        #expect(try Int.from_bytes(bytes([0xff, 0xfe]), "big", signed: true) == -2)
        #expect(try Int.from_bytes(bytes([0xff, 0xfe]), "big") == 65534)
        #expect(try Int.from_bytes(bytes(), "big") == 0)
        #expect(try Int.from_bytes(bytes(count: 12) + bytes([1]), "big") == 1)
        #expect(try Int.from_bytes(bytes(repeating: 0xff, count: 12), "big", signed: true) == -1)
        #expect(try Int.from_bytes(bytes([0x80, 0, 0, 0, 0, 0, 0, 0]), "big", signed: true) == Int.min)
        #expect(throws: OverflowError.self) { try Int.from_bytes(bytes([1] + [UInt8](repeating: 0, count: 8)), "big") }
    }
}
