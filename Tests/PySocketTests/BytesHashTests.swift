// How Dictionary and Set hash bytes keys: SipHash-1-3 checked against CPython's own bytes hash, and equal values hashing alike in both storages.
import Testing
import TestSupport
@testable import PySocket

@Suite("bytes keys hash with SipHash-1-3", .fdBalanced)
struct BytesHashTests {

    /// `PYTHONHASHSEED=0 python3.13 -c 'print(hash(b"..."))'`: CPython's bytes hash is SipHash-1-3
    /// keyed with zeros then (its empty value is special-cased to 0, so it is left out).
    @Test("SipHash-1-3 with a zero key is CPython's hash() of the same bytes under PYTHONHASHSEED=0",
          arguments: [("a", 4644417185603328019), ("abc", -4594863902769663758), ("abcdefg", 7904145750247929094),
                      ("abcdefgh", 4574395652268504554), ("abcdefghi", -532774252720507163),
                      ("content-length", 2551976182517171234), ("0123456789abcdef", 2108444454683020324),
                      ("0123456789abcdefg", 3684970308279301995), ("transfer-encoding: chunked and more", 879202402078038485)])
    func cpythonHash(text: String, expected: Int64) {
        let inline = text.encode()
        let heap = bytes(Array(text.utf8))
        #expect(heap._isOnHeap)
        #expect(Int64(bitPattern: inline._sipHash13(0, 0)) == expected)
        #expect(Int64(bitPattern: heap._sipHash13(0, 0)) == expected)
    }

    @Test("equal values hash alike with every seed, whatever their storage", arguments: [0, 1, 5, 7, 8, 9, 15, 16, 17, 23, 24, 40])
    func storages(count: Int) {
        let array = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 3) }
        let a = array.withUnsafeBytes { bytes(copying: $0) }, b = bytes(array)
        for seed in [0, 1, -1, 0x1234_5678, Int.min] {
            #expect(a._rawHashValue(seed: seed) == b._rawHashValue(seed: seed))
        }
        #expect(a._rawHashValue(seed: 1) != a._rawHashValue(seed: 2))
    }

    @Test("a dictionary of bytes keys finds every key, inline or not, and no other")
    func dictionary() {
        var table: [bytes: Int] = [:]
        for i in 0..<500 { table[bytes(Array("key:\(i)".utf8) + [UInt8](repeating: 0x2E, count: i % 20))] = i }
        #expect(table.count == 500)
        for i in 0..<500 {
            let key = ("key:\(i)" + String(repeating: ".", count: i % 20)).encode()
            #expect(table[key] == i)
        }
        #expect(table["key:"] == nil)
        #expect(Set(["", "a", "a", "ab", bytes([0x61, 0x62])]).count == 3)
    }
}
