// The libFuzzer target for the cmsg parser and builder (Sources/PySocket/Core/Cmsg.swift, compiled in by scripts/fuzz).
import CmsgReference
import CPySocket

/// Stops the run with a crash libFuzzer records, keeping the input that caused it.
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("cmsg fuzzer: \(message())") }
}

/// The input, read front to back.
struct Reader {
    var bytes: UnsafeRawBufferPointer
    var position = 0

    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func int32() -> Int32 {
        var value: UInt32 = 0
        for _ in 0..<4 { value = value << 8 | UInt32(byte()) }
        return Int32(bitPattern: value)
    }

    var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[min(position, bytes.count)...]) }
}

/// Hostile buffers: any bytes, any claimed length, any alignment. The parser must not read out
/// of bounds (ASan watches exact-size allocations), must agree with itself at every alignment,
/// and must find exactly what CPython's walk over the C library's macros finds.
func fuzzParse(_ input: inout Reader) {
    let lengthMode = input.byte(), lengthByte = Int(input.byte()), misalignment = Int(input.byte() % 8)
    let body = input.rest
    let count = body.count
    let claimed: Int
    switch lengthMode % 5 {
    case 0: claimed = count
    case 1: claimed = lengthByte % (count + 1)
    case 2: claimed = count + lengthByte
    case 3: claimed = -lengthByte
    default: claimed = lengthByte.isMultiple(of: 2) ? Int.max : Int.min
    }

    let aligned = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 8)
    defer { aligned.deallocate() }
    if count > 0 { aligned.copyMemory(from: body) }
    let shifted = UnsafeMutableRawBufferPointer.allocate(byteCount: count + misalignment, alignment: 8)
    defer { shifted.deallocate() }
    let misaligned = UnsafeMutableRawBufferPointer(rebasing: shifted[misalignment...])
    if count > 0 { misaligned.copyMemory(from: body) }

    let items = Cmsg.parse(UnsafeRawBufferPointer(aligned), length: claimed)
    let again = Cmsg.parse(UnsafeRawBufferPointer(misaligned), length: claimed)
    check(items == again, "alignment changed the result: \(items) vs \(again)")

    let end = max(0, min(claimed, count))
    var previousEnd = 0
    for (index, item) in items.enumerated() {
        check(item.data.lowerBound >= previousEnd + Cmsg.dataOffset, "item \(index) overlaps: \(items)")
        check(item.data.upperBound <= end, "item \(index) leaves the buffer: \(item), end \(end)")
        check(!item.truncated || index == items.count - 1, "a truncated item is not last: \(items)")
        previousEnd = item.data.upperBound
    }
    _ = Cmsg.allDescriptors(UnsafeRawBufferPointer(aligned), length: claimed)

    // The oracle.
    var reference = [cmsg_reference_item](repeating: cmsg_reference_item(), count: count / Cmsg.dataOffset + 2)
    let found = reference.withUnsafeMutableBufferPointer { out in
        cmsg_reference_parse(aligned.baseAddress, end, out.baseAddress, out.count)
    }
    check(found == items.count, "\(items.count) items, the C library's walk finds \(found)")
    for (item, expected) in zip(items, reference.prefix(found)) {
        check(item.level == expected.level && item.type == expected.type, "level/type differ: \(item) vs \(expected)")
        check(item.data == expected.offset..<(expected.offset + expected.length), "data differs: \(item) vs \(expected)")
        check(item.truncated == (expected.truncated != 0), "truncation differs: \(item) vs \(expected)")
    }
}

/// Builder round trip: whatever items are built, parsing gives them back, none truncated.
func fuzzBuild(_ input: inout Reader) {
    var items: [(level: Int32, type: Int32, data: [UInt8])] = []
    while input.position < input.bytes.count, items.count < 16 {
        let level = input.int32(), type = input.int32(), length = Int(input.byte())
        var data: [UInt8] = []
        for _ in 0..<length where input.position < input.bytes.count { data.append(input.byte()) }
        items.append((level, type, data))
    }
    let control: [UInt8]
    do throws(Cmsg.BuildError) {
        control = try Cmsg.build(items)
    } catch {
        check(false, "small items failed to build: \(error)")
        return
    }
    check(control.count == (try? Cmsg.controlLength(items.map { $0.data.count })), "length disagrees")
    control.withUnsafeBytes { raw in
        let parsed = Cmsg.parse(raw, length: raw.count)
        check(parsed.count == items.count, "built \(items.count) items, parsed \(parsed.count)")
        for (item, built) in zip(parsed, items) {
            check(item.level == built.level && item.type == built.type && !item.truncated, "item differs: \(item)")
            check(Array(raw[item.data]) == built.data, "data differs: \(item)")
        }
    }
    // Range checks of CMSG_LEN/CMSG_SPACE on arbitrary integers never trap.
    let probe = Int(truncatingIfNeeded: UInt64(UInt32(bitPattern: input.int32())) << UInt64(input.byte() % 40))
    for value in [probe, 0 &- probe, Cmsg.lengthLimit &- probe] {
        if let space = Cmsg.checkedSpace(value) { check(space >= value && space <= Cmsg.lengthLimit, "space \(value)") }
        if let len = Cmsg.checkedLen(value) { check(len >= value && len <= Cmsg.lengthLimit, "len \(value)") }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    var input = Reader(bytes: UnsafeRawBufferPointer(start: data, count: size))
    if input.byte() & 1 == 0 { fuzzParse(&input) } else { fuzzBuild(&input) }
    return 0
}
