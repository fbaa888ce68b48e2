// int.to_bytes() and int.from_bytes(): the integer <-> bytes conversions socket programs use for wire formats and fds.
import PySocket

extension BinaryInteger {
    /// `n.to_bytes(length, byteorder, *, signed=False)`
    /// The integer as `length` bytes, `"big"` or `"little"` endian; two's complement when
    /// `signed`. `fd.to_bytes(4, "little")` is the `int` of an SCM_RIGHTS payload.
    ///
    /// Python: `int.to_bytes`.
    public func to_bytes(_ length: Int = 1, _ byteorder: String = "big", signed: Bool = false) throws -> bytes {
        guard byteorder == "little" || byteorder == "big" else {
            throw ValueError("byteorder must be either 'little' or 'big'")
        }
        guard length >= 0 else { throw ValueError("length argument must be non-negative") }
        if !signed && self < 0 { throw OverflowError("can't convert negative int to unsigned") }
        // Fits when the value's magnitude needs at most length*8 bits (one fewer when signed);
        // a length whose bit count overflows Int holds any value.
        let (bits, overflow) = length.multipliedReportingOverflow(by: 8)
        let bitsAvailable = overflow ? Int.max : bits - (signed ? 1 : 0)
        // A negative value -m fits in two's complement when m - 1 does.
        let fits = bitLength(self < 0 ? self.magnitude - 1 : self.magnitude) <= bitsAvailable
        guard fits else { throw OverflowError("int too big to convert") }
        // CPython's MemoryError for a length no memory holds (bytes(count:) raises it).
        var out = try bytes(count: length)
        if self < 0 { _ = out.withContiguousMutableStorageIfAvailable { $0.update(repeating: 0xff) } }
        var value = self
        for index in 0..<Swift.min(length, (bitWidth + 7) / 8 + 1) {
            out[index] = UInt8(truncatingIfNeeded: value)
            value >>= 8
        }
        return byteorder == "big" ? bytes(out.reversed()) : out
    }

    /// `n.to_bytes(length, byteorder="little", signed=...)` with the byte order given by keyword.
    ///
    /// Python: `int.to_bytes`.
    public func to_bytes(_ length: Int = 1, byteorder: String, signed: Bool = false) throws -> bytes {
        try to_bytes(length, byteorder, signed: signed)
    }
}

extension FixedWidthInteger {
    /// `int.from_bytes(data, byteorder, *, signed=False)`
    /// The integer that `data` encodes, `"big"` or `"little"` endian; two's complement when
    /// `signed`. `Int32.from_bytes(payload[0..<4], "little")` reads back an fd of SCM_RIGHTS.
    ///
    /// Python: `int.from_bytes`.
    ///
    /// Differs from CPython: a value beyond the Swift type (at most `Int`) raises
    /// `OverflowError` (Python's int has no bound).
    public static func from_bytes<Data: Collection>(_ data: Data, _ byteorder: String = "big", signed: Bool = false) throws -> Self
    where Data.Element == UInt8 {
        guard let value = Self(exactly: try intFromBytes(data, byteorder, signed: signed)) else {
            throw OverflowError("Python int too large to convert to C long")
        }
        return value
    }

    /// `int.from_bytes(data, byteorder="little", signed=...)` with the byte order given by keyword.
    ///
    /// Python: `int.from_bytes`.
    public static func from_bytes<Data: Collection>(_ data: Data, byteorder: String, signed: Bool = false) throws -> Self
    where Data.Element == UInt8 {
        try from_bytes(data, byteorder, signed: signed)
    }
}

/// `int.from_bytes` into an `Int`.
private func intFromBytes<Data: Collection>(_ data: Data, _ byteorder: String, signed: Bool) throws -> Int
where Data.Element == UInt8 {
    guard byteorder == "little" || byteorder == "big" else {
        throw ValueError("byteorder must be either 'little' or 'big'")
    }
    let bigEndian = byteorder == "big" ? Array(data) : Array(data.reversed())
    let negative = signed && (bigEndian.first ?? 0) >= 0x80
    // Skip the sign-extension bytes, then the rest must fit in 63 bits (+ sign).
    let significant = bigEndian.drop(while: { $0 == (negative ? 0xff : 0) })
    let tooLong = OverflowError("Python int too large to convert to C long")
    guard significant.count <= 8 else { throw tooLong }
    var magnitude: UInt64 = 0
    for byte in significant { magnitude = magnitude << 8 | UInt64(byte) }
    if negative {
        // Two's complement of the significant bytes, sign-extended to 64 bits.
        let width = significant.count * 8
        let extended = width == 64 ? magnitude : magnitude | (~0 << UInt64(width))
        guard width < 64 || extended >= 1 << 63 else { throw tooLong }
        return Int(bitPattern: UInt(extended))
    }
    guard magnitude <= UInt64(Int.max) else { throw tooLong }
    return Int(magnitude)
}

/// The number of bits `value` needs (0 for 0), as Python's `int.bit_length()`.
private func bitLength<Magnitude: BinaryInteger>(_ value: Magnitude) -> Int {
    var rest = value
    var bits = 0
    while rest != 0 {
        rest >>= 1
        bits += 1
    }
    return bits
}
