// The cmsg parser and builder on hostile buffers: short, oversized, misaligned, zero-length, lying lengths.
import TestSupport
import Testing
@testable import PySocket

/// A cmsghdr as the Linux x86-64/arm64 ABI lays it out: size_t cmsg_len, int level, int type.
private func header(_ length: UInt64, _ level: Int32, _ type: Int32) -> [UInt8] {
    withUnsafeBytes(of: length.littleEndian) { Array($0) } + withUnsafeBytes(of: level) { Array($0) } + withUnsafeBytes(of: type) { Array($0) }
}

/// `parse` over `bytes` placed `shift` bytes past an 8-byte boundary, in an exact-size allocation.
private func parse(_ bytes: [UInt8], length: Int? = nil, shift: Int = 0) -> [Cmsg.Item] {
    let block = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count + shift, alignment: 8)
    defer { block.deallocate() }
    let buffer = UnsafeMutableRawBufferPointer(rebasing: block[shift...])
    buffer.copyBytes(from: bytes)
    return Cmsg.parse(UnsafeRawBufferPointer(buffer), length: length ?? bytes.count)
}

private func item(_ level: Int32, _ type: Int32, _ data: Range<Int>, truncated: Bool = false) -> Cmsg.Item {
    Cmsg.Item(level: level, type: type, data: data, truncated: truncated)
}

@Suite(.fdBalanced) struct CmsgTests {
    @Test func layoutIsLinux() {
        #expect(Cmsg.headerSize == 16 && Cmsg.dataOffset == 16 && Cmsg.alignment == 8)
        // print(socket.CMSG_LEN(6), socket.CMSG_SPACE(8), socket.CMSG_SPACE(12), socket.CMSG_LEN(4)) -> 22 24 32 20
        #expect(Cmsg.len(6) == 22 && Cmsg.space(8) == 24 && Cmsg.space(12) == 32 && Cmsg.len(4) == 20)
    }

    @Test func wellFormed() {
        // Credentials (12 bytes, padded to 16) then one descriptor, as the kernel writes them.
        let bytes = header(28, 1, 2) + [UInt8](repeating: 0xAA, count: 12) + [0, 0, 0, 0] + header(20, 1, 1) + [7, 0, 0, 0]
        let expected = [item(1, 2, 16..<28), item(1, 1, 48..<52)]
        for shift in 0..<8 { #expect(parse(bytes, shift: shift) == expected) }
        #expect(Cmsg.allDescriptors(bytes.withUnsafeBytes { $0 }, length: bytes.count) == [7])
    }

    @Test func emptyAndShortBuffers() {
        #expect(parse([]).isEmpty)
        #expect(parse([UInt8](repeating: 0xFF, count: 15)).isEmpty)
        // A whole header claimed, but only part of it in the buffer.
        #expect(parse(header(24, 1, 1), length: 15).isEmpty)
        // A negative or zero length.
        #expect(parse(header(16, 1, 1), length: -1).isEmpty)
        #expect(parse(header(16, 1, 1), length: 0).isEmpty)
        #expect(parse(header(16, 1, 1), length: Int.min).isEmpty)
        // Exactly a header with no data.
        #expect(parse(header(16, 3, 4)) == [item(3, 4, 16..<16)])
    }

    @Test func lengthBeyondBufferIsClamped() {
        let bytes = header(20, 1, 1) + [9, 0, 0, 0]
        #expect(parse(bytes, length: Int.max) == [item(1, 1, 16..<20)])
        #expect(parse(bytes, length: bytes.count + 1000) == [item(1, 1, 16..<20)])
    }

    @Test func truncatedDataIsCutAndEndsTheList() {
        // cmsg_len says 100, the buffer holds 8 bytes of data: CPython returns them (with a
        // RuntimeWarning) and stops.
        let bytes = header(100, 41, 52) + [1, 2, 3, 4, 5, 6, 7, 8] + header(16, 1, 1)
        #expect(parse(bytes) == [item(41, 52, 16..<40, truncated: true)])
        #expect(parse(bytes, length: 20) == [item(41, 52, 16..<20, truncated: true)])
    }

    @Test func lengthsSmallerThanAHeaderStop() {
        for length: UInt64 in [0, 1, 8, 15] {
            #expect(parse(header(length, 1, 1) + header(16, 1, 1)).isEmpty, "cmsg_len \(length)")
        }
        // A good message, then a zero-length one: the walk stops, no endless loop.
        #expect(parse(header(16, 1, 1) + header(0, 1, 1) + header(0, 1, 1)) == [item(1, 1, 16..<16)])
    }

    @Test func hugeLengthsDoNotOverflow() {
        for length in [UInt64.max, UInt64.max - 7, 1 << 63, UInt64(Int.max), UInt64(UInt32.max) + 17] {
            let found = parse(header(length, 1, 1) + [0, 0, 0, 0])
            #expect(found == [item(1, 1, 16..<20, truncated: true)], "cmsg_len \(length)")
        }
    }

    @Test func nextHeaderMustFitWhole() {
        // 17 bytes of data, padded to 24: the next header starts at 40 and needs 16 bytes.
        let first = header(33, 0, 1) + [UInt8](repeating: 0x10, count: 24)
        #expect(parse(first + header(16, 5, 6)) == [item(0, 1, 16..<33), item(5, 6, 56..<56)])
        #expect(parse(first + header(16, 5, 6), length: 55) == [item(0, 1, 16..<33)])
        // The current message ends exactly at the end: nothing follows.
        #expect(parse(header(24, 1, 1) + [1, 0, 0, 0, 2, 0, 0, 0]) == [item(1, 1, 16..<24)])
        // Misaligned cmsg_len: the next header is at the aligned offset (24), not at 17.
        let odd = header(17, 1, 1) + [0xEE] + [UInt8](repeating: 0, count: 7) + header(20, 2, 2) + [1, 1, 1, 1]
        #expect(parse(odd) == [item(1, 1, 16..<17), item(2, 2, 40..<44)])
    }

    @Test func descriptorsAreWholeInts() {
        let data: [UInt8] = [7, 0, 0, 0, 8, 0, 0, 0, 9, 0]
        #expect(data.withUnsafeBytes { Cmsg.descriptors($0) } == [7, 8])
        #expect([UInt8]().withUnsafeBytes { Cmsg.descriptors($0) } == [])
        // SCM_RIGHTS with a half descriptor; other levels/types are not descriptors.
        let bytes = header(22, 1, 1) + [3, 0, 0, 0, 4, 0] + [0, 0] + header(20, 1, 2) + [5, 0, 0, 0]
        #expect(bytes.withUnsafeBytes { Cmsg.allDescriptors($0, length: $0.count) } == [3])
    }

    @Test func buildRoundTrip() throws {
        let items: [(level: Int32, type: Int32, data: [UInt8])] = [(1, 1, [7, 0, 0, 0, 8, 0, 0, 0]), (41, 52, [7]), (-1, Int32.max, [])]
        let control = try Cmsg.build(items)
        // Each item takes CMSG_SPACE(len): 24 + 24 + 16.
        #expect(control.count == 64)
        #expect(Array(control[0..<16]) == header(24, 1, 1))
        #expect(Array(control[24..<40]) == header(17, 41, 52))
        #expect(control[41..<48].allSatisfy { $0 == 0 })
        let parsed = control.withUnsafeBytes { Cmsg.parse($0, length: $0.count) }
        #expect(parsed == [item(1, 1, 16..<24), item(41, 52, 40..<41), item(-1, Int32.max, 64..<64)])
        #expect(try Cmsg.build([]).isEmpty)
    }

    // CPython: OSError('ancillary data item too large') when CMSG_SPACE(len) > 2**31 - 1,
    // OSError('too much ancillary data') when the sum is; print(socket.CMSG_LEN(2**31-1-16)) -> 2147483647
    @Test func lengthLimits() {
        #expect(Cmsg.checkedLen(Cmsg.lengthLimit - 16) == Cmsg.lengthLimit)
        #expect(Cmsg.checkedLen(Cmsg.lengthLimit - 15) == nil)
        #expect(Cmsg.checkedLen(-1) == nil && Cmsg.checkedLen(Int.max) == nil && Cmsg.checkedLen(Int.min) == nil)
        #expect(Cmsg.checkedSpace(Cmsg.lengthLimit - 24) != nil)
        #expect(Cmsg.checkedSpace(Cmsg.lengthLimit - 23) == nil)
        #expect(Cmsg.checkedSpace(-1) == nil && Cmsg.checkedSpace(Int.max) == nil)
        #expect(throws: Cmsg.BuildError.itemTooLarge) { try Cmsg.controlLength([0, Cmsg.lengthLimit]) }
        #expect(throws: Cmsg.BuildError.tooMuchData) { try Cmsg.controlLength([1 << 30, 1 << 30]) }
        #expect(throws: Cmsg.BuildError.itemTooLarge) { try Cmsg.controlLength([1 << 30, Int.max]) }
        #expect((try? Cmsg.controlLength([8, 1, 0])) == 24 + 24 + 16)
    }

    // Every buffer of up to 40 bytes drawn from a few byte values, at every claimed length:
    // the parser stays inside the buffer and agrees with itself at every alignment.
    @Test func exhaustiveSmallBuffers() {
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0, 1, 7, 8, 15, 16, 17, 20, 24, 0xFF]
        for _ in 0..<2000 {
            let count = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<count).map { index in
                // Lengths where a header's cmsg_len may start, mostly zeros or noise elsewhere.
                index % 8 == 0 ? interesting.randomElement(using: &generator)!
                    : Bool.random(using: &generator) ? 0 : UInt8.random(in: 0...255, using: &generator)
            }
            let length = Int.random(in: -2...(count + 2), using: &generator)
            let reference = parse(bytes, length: length)
            let end = max(0, min(length, count))
            for found in reference { #expect(found.data.upperBound <= end && found.data.lowerBound >= 16) }
            for shift in 1..<8 { #expect(parse(bytes, length: length, shift: shift) == reference) }
        }
    }
}
