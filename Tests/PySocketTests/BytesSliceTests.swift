// Slices of a heap `bytes` share its array (no allocation), and copy-on-write keeps every slice and
// its parent apart: mutating either, by any path, never changes the other.
import Testing
import TestSupport
@testable import PySocket

@Suite("bytes slices share storage; mutations never leak between slice and parent", .fdBalanced)
struct BytesSliceTests {

    /// 0, 1, 2, ... 199.
    private static let source: [UInt8] = (0..<200).map { UInt8($0) }

    /// A mutation of a value, and the same mutation on an array (the model of its result).
    private struct Mutation: Sendable {
        let name: String
        let value: @Sendable (inout bytes) -> Void
        let model: @Sendable (inout [UInt8]) -> Void
    }

    private static let mutations: [Mutation] = [
        Mutation(name: "b[i] = x", value: { $0[3] = 0xEE }, model: { $0[3] = 0xEE }),
        Mutation(name: "storage[i] = x (_modify)", value: { $0.storage[5] = 0xEE }, model: { $0[5] = 0xEE }),
        Mutation(name: "storage.append (_modify)", value: { $0.storage.append(0xEE) }, model: { $0.append(0xEE) }),
        Mutation(name: "storage = array", value: { $0.storage = [9, 9] }, model: { $0 = [9, 9] }),
        Mutation(name: "+= short", value: { $0 += bytes("xyz") }, model: { $0 += Array("xyz".utf8) }),
        Mutation(name: "+= a slice", value: { $0 += bytes(BytesSliceTests.source)[nil, -150] }, model: { $0 += BytesSliceTests.source[0..<50] }),
        Mutation(name: "append(contentsOf:)", value: { $0.append(contentsOf: [1, 2]) }, model: { $0.append(contentsOf: [1, 2]) }),
        Mutation(name: "replaceSubrange", value: { $0.replaceSubrange(1..<4, with: [7]) }, model: { $0.replaceSubrange(1..<4, with: [7]) }),
        Mutation(name: "removeLast", value: { $0.removeLast() }, model: { $0.removeLast() }),
        Mutation(name: "removeFirst(2)", value: { $0.removeFirst(2) }, model: { $0.removeFirst(2) }),
        Mutation(name: "reserveCapacity then b[0] = x", value: { $0.reserveCapacity(1000); $0[0] = 1 }, model: { $0[0] = 1 }),
        Mutation(name: "reverse()", value: { $0.reverse() }, model: { $0.reverse() }),
        Mutation(name: "sort(by: >)", value: { $0.sort(by: >) }, model: { $0.sort(by: >) }),
        Mutation(name: "withContiguousMutableStorageIfAvailable", value: { _ = $0.withContiguousMutableStorageIfAvailable { $0[0] = 0xEE } },
                 model: { $0[0] = 0xEE }),
        Mutation(name: "withUnsafeMutableBytes (through storage)", value: { $0.storage.withUnsafeMutableBytes { $0[1] = 0xEE } },
                 model: { $0[1] = 0xEE }),
    ]

    @Test("a slice longer than 16 bytes shares its parent's array; shorter ones are inline")
    func sharing() throws {
        let parent = bytes(Self.source)
        let piece = parent[10..<150]
        #expect(piece._isSharedSlice)
        let parentBase = parent.withUnsafeBytes { $0.baseAddress! }
        #expect(piece.withUnsafeBytes { $0.baseAddress! } == parentBase + 10)
        #expect(Array(piece) == Array(Self.source[10..<150]))
        #expect(piece.storage == Array(Self.source[10..<150]))
        #expect(piece.count == 140 && piece[0] == 10 && piece[139] == 149)
        #expect(piece == bytes(Array(Self.source[10..<150])))
        #expect(piece.hashValue == bytes(Array(Self.source[10..<150])).hashValue)
        #expect(piece.reduce(0) { $0 + Int($1) } == Self.source[10..<150].reduce(0) { $0 + Int($1) })
        #expect(piece.withContiguousStorageIfAvailable { Array($0) } == Array(Self.source[10..<150]))
        // A slice of a slice points further into the same array.
        let inner = piece[5, -5]
        #expect(inner._isSharedSlice)
        #expect(inner.withUnsafeBytes { $0.baseAddress! } == parentBase + 15)
        #expect(Array(inner) == Array(Self.source[15..<145]))
        // 16 bytes or fewer: inline, whatever the parent.
        let short = parent[20..<36]
        #expect(!short._isOnHeap && Array(short) == Array(Self.source[20..<36]))
        // The whole value is the value itself.
        #expect(parent[0, nil]._inlineCount == parent._inlineCount && !parent._isSharedSlice)
        // partition and splitlines give slices too.
        let line = bytes(Array("a header name that is long: and its value, long too\r\n".utf8))
        let (name, sep, rest) = try line.partition(": ")
        #expect(name._isSharedSlice && rest._isSharedSlice)
        #expect(name == bytes("a header name that is long") && sep == bytes(": ") && rest == bytes("and its value, long too\r\n"))
        let lines = bytes(Array("the first line of the text\nthe second line of the text".utf8)).splitlines()
        #expect(lines.map(\.count) == [26, 27] && lines.allSatisfy { $0._isSharedSlice })
    }

    @Test("a short slice of a buffer over 64 KiB is copied, so it does not keep the buffer alive")
    func largeBuffer() {
        let big = bytes([UInt8](repeating: 7, count: 100_000))
        #expect(big[0..<100]._inlineCount == bytes._ownBuffer)
        #expect(big[0..<60_000]._isSharedSlice)
        #expect(big[0..<100] == bytes([UInt8](repeating: 7, count: 100)))
    }

    /// The three heap storages a parent can have: the array it was made from, a buffer of its
    /// own of exactly its size, and a buffer grown by `+=` (with room to spare, so appends
    /// write in place while the value references it alone).
    static let parents: [String] = ["array", "buffer", "grown"]

    private static func parent(_ kind: String) -> bytes {
        switch kind {
        case "array": return bytes(source)
        case "buffer": return source.withUnsafeBytes { bytes(copying: $0) }
        default:
            var value = Array(source[0..<150]).withUnsafeBytes { bytes(copying: $0) }
            value += Array(source[150...]).withUnsafeBytes { bytes(copying: $0) }
            return value
        }
    }

    @Test("each parent storage holds the same bytes", arguments: parents)
    func parentKinds(kind: String) {
        let parent = Self.parent(kind)
        #expect(Array(parent) == Self.source)
        #expect(parent._inlineCount == (kind == "array" ? bytes._wholeArray : bytes._ownBuffer))
        if kind == "grown" { #expect(parent._capacity > parent.count) }
    }

    @Test("a copy of a value with room to spare appends without changing the original", arguments: parents)
    func appendToCopy(kind: String) {
        var a = Self.parent(kind)
        var b = a
        b += bytes("tail")
        #expect(Array(a) == Self.source && Array(b) == Self.source + Array("tail".utf8))
        a += bytes("other")
        #expect(Array(a) == Self.source + Array("other".utf8) && Array(b) == Self.source + Array("tail".utf8))
        var c = b
        c.append(1)
        b[0] = 0xEE
        #expect(c[0] == 0 && c.count == 205 && b[0] == 0xEE && b.count == 204)
    }

    @Test("mutating a slice never changes its parent", arguments: parents)
    func mutateSlice(kind: String) {
        for mutation in Self.mutations {
            let parent = Self.parent(kind)
            var piece = parent[10..<150]
            var model = Array(Self.source[10..<150])
            mutation.value(&piece)
            mutation.model(&model)
            #expect(Array(piece) == model, "\(mutation.name)")
            #expect(piece == bytes(model), "\(mutation.name)")
            #expect(Array(parent) == Self.source, "\(mutation.name)")
        }
    }

    @Test("mutating the parent never changes its slices", arguments: parents)
    func mutateParent(kind: String) {
        for mutation in Self.mutations {
            var parent = Self.parent(kind)
            let piece = parent[10..<150]
            let inner = piece[1, nil]
            var model = Self.source
            mutation.value(&parent)
            mutation.model(&model)
            #expect(Array(parent) == model, "\(mutation.name)")
            #expect(Array(piece) == Array(Self.source[10..<150]), "\(mutation.name)")
            #expect(Array(inner) == Array(Self.source[11..<150]), "\(mutation.name)")
        }
    }

    @Test("a bytearray made from a slice is its own copy")
    func bytearrayFromSlice() {
        let parent = bytes(Self.source)
        let piece = parent[10..<150]
        var buffer = bytearray(piece)
        buffer[0] = 0xEE
        buffer += [1, 2, 3]
        #expect(buffer.count == 143 && buffer[0] == 0xEE)
        #expect(Array(piece) == Array(Self.source[10..<150]))
        #expect(Array(parent) == Self.source)
        #expect(bytes(buffer)[1, -3] == piece[1, nil])
    }

    @Test("two slices of one parent mutate independently")
    func siblings() {
        let parent = bytes(Self.source)
        var a = parent[0..<100]
        var b = parent[50..<150]
        a[60] = 0xAA
        b[10] = 0xBB
        #expect(a[60] == 0xAA && b[10] == 0xBB)
        #expect(a[60 - 0] != Self.source[60] && b[10] == 0xBB && Self.source[60] == 60)
        #expect(parent[60] == 60)
        var c = a
        c += bytes("tail")
        #expect(a.count == 100 && c.count == 104 && Array(c[nil, 100]) == Array(a))
    }

    @Test("every piece of up to 16 bytes, at every offset, of inline and heap values, is the model's slice")
    func shortPieces() throws {
        // Inline sources (up to 16 bytes) are cut with shifts, heap ones with loads: both
        // against the array model, every length and offset.
        for total in [1, 7, 8, 9, 15, 16, 17, 24, 40] {
            let model = Array(Self.source[100..<(100 + total)])
            let value = model.withUnsafeBytes { bytes(copying: $0) }
            for offset in 0..<total {
                for n in 1...Swift.min(16, total - offset) {
                    let piece = value[offset..<(offset + n)]
                    #expect(Array(piece) == Array(model[offset..<(offset + n)]), "\(total) \(offset) \(n)")
                    #expect(piece == bytes(Array(model[offset..<(offset + n)])))
                    #expect(!piece._isOnHeap)
                }
            }
        }
    }

    @Test("a makefile line past 16 bytes is a slice of the read buffer, not a copy")
    func makefileLinesShare() throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let f: SocketFile<bytes> = try b.makefile("rb")
        try a.sendall("a line longer than sixteen bytes\nshort\n")
        let long = try f.readline(), short = try f.readline()
        #expect(long._isSharedSlice && !short._isOnHeap)
        #expect(long == "a line longer than sixteen bytes\n" && short == "short\n")
        try f.close()
    }

    @Test("partition with a one-byte separator, and strip, on inline, heap and shared values")
    func partitionAndStrip() throws {
        // print(held[1].partition(b":"), b"ab:cd".partition(b":"), b"abcd".partition(b":"), b"".partition(b":"),
        //       b":".partition(b":"), (b"x" * 20 + b":").partition(b":")[0])
        // (b'Date', b':', b' Mon, 07 Dec 2026 11:53:22 GMT\r\n') (b'ab', b':', b'cd') (b'abcd', b'', b'') (b'', b'', b'')
        // (b'', b':', b'') b'xxxxxxxxxxxxxxxxxxxx'
        let line: bytes = "Date: Mon, 07 Dec 2026 11:53:22 GMT\r\n"
        let parts = [try line.partition(":"), try ("ab:cd" as bytes).partition(":"), try ("abcd" as bytes).partition(":"),
                     try bytes().partition(":"), try (":" as bytes).partition(":")]
        #expect(parts.map { "(\($0.0), \($0.1), \($0.2))" }.joined(separator: " ")
            == "(b'Date', b':', b' Mon, 07 Dec 2026 11:53:22 GMT\\r\\n') (b'ab', b':', b'cd') (b'abcd', b'', b'') (b'', b'', b'') (b'', b':', b'')")
        #expect(try (try "x" * 20 + ":" as bytes).partition(":").0 == (try "x" * 20 as bytes))
        // print(b" \t ab \r\n".strip(), b"abcdefghijklmnopq"[3:19], b"  abcdefghijklmnopqrstuv\n".strip()[1:15])
        // b'ab' b'defghijklmnopq' b'bcdefghijklmno'
        let stripped = [(" \t ab \r\n" as bytes).strip(), ("abcdefghijklmnopq" as bytes)[3, 19],
                        ("  abcdefghijklmnopqrstuv\n" as bytes).strip()[1, 15]]
        #expect("\(stripped)" == "[b'ab', b'defghijklmnopq', b'bcdefghijklmno']")
    }
}
