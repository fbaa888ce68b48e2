// base64 and binascii: Base64/Base16 and hex codecs and CRC-32, with binascii.Error's CPython texts.
import PySocket

/// `import binascii`: conversions between binary data and ASCII.
///
/// Python: `binascii`.
///
/// Differs from CPython: `hexlify`/`a2b_base64`/`b2a_base64`/`crc32`/`unhexlify` and their
/// aliases only (no uu, qp or hqx codecs).
public enum binascii {
    /// `binascii.Error`: invalid encoded data (a `ValueError`).
    ///
    /// Python: `binascii.Error`.
    open class Error: ValueError, @unchecked Sendable {}

    /// `binascii.hexlify(data, sep=None, bytes_per_sep=1)`: two lowercase hex digits per byte.
    ///
    /// Python: `binascii.hexlify`.
    public static func hexlify<Data: Sequence>(_ data: Data) -> bytes where Data.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(data.underestimatedCount * 2)
        for byte in data {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return bytes(out)
    }

    /// `binascii.hexlify(data, sep)`: hex digits with `sep` between every `bytes_per_sep` bytes
    /// (counted from the right, as CPython counts for a positive value).
    ///
    /// Python: `binascii.hexlify(data, sep, bytes_per_sep)`.
    /// - Throws: `ValueError('sep must be ASCII.')`.
    public static func hexlify(_ data: bytes, _ sep: Character, _ bytes_per_sep: Int = 1) throws -> bytes {
        bytes(try data.hex(sep, bytes_per_sep).utf8)
    }

    /// `binascii.b2a_hex(data)`: `hexlify(data)`.
    ///
    /// Python: `binascii.b2a_hex`.
    public static func b2a_hex<Data: Sequence>(_ data: Data) -> bytes where Data.Element == UInt8 { hexlify(data) }

    /// `binascii.unhexlify(hexstr)`: the bytes written by pairs of hex digits.
    ///
    /// Python: `binascii.unhexlify`.
    /// - Throws: `binascii.Error('Odd-length string')`, `binascii.Error('Non-hexadecimal digit
    ///   found')`.
    public static func unhexlify<Data: Sequence>(_ hexstr: Data) throws -> bytes where Data.Element == UInt8 {
        let digits = Array(hexstr)
        if digits.count % 2 != 0 { throw Error("Odd-length string") }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var i = 0
        while i < digits.count {
            guard let high = hexValue(digits[i]), let low = hexValue(digits[i + 1]) else {
                throw Error("Non-hexadecimal digit found")
            }
            out.append(high << 4 | low)
            i += 2
        }
        return bytes(out)
    }

    /// `binascii.unhexlify(str)`: the same for an ASCII string.
    ///
    /// Python: `binascii.unhexlify(str)`.
    /// - Throws: `ValueError('string argument should contain only ASCII characters')` too.
    public static func unhexlify(_ hexstr: String) throws -> bytes { try unhexlify(try asciiBytes(hexstr)) }

    /// `binascii.a2b_hex(hexstr)`: `unhexlify(hexstr)`.
    ///
    /// Python: `binascii.a2b_hex`.
    public static func a2b_hex(_ hexstr: String) throws -> bytes { try unhexlify(hexstr) }

    /// `binascii.a2b_hex(hexstr)`: `unhexlify(hexstr)`.
    ///
    /// Python: `binascii.a2b_hex`.
    public static func a2b_hex<Data: Sequence>(_ hexstr: Data) throws -> bytes where Data.Element == UInt8 {
        try unhexlify(hexstr)
    }

    /// `binascii.crc32(data, value=0)`: the CRC-32 of `data` (continuing from `value`), an
    /// unsigned 32-bit int.
    ///
    /// Python: `binascii.crc32`.
    public static func crc32<Data: Sequence>(_ data: Data, _ value: Int = 0) -> Int where Data.Element == UInt8 {
        var crc = ~UInt32(truncatingIfNeeded: value)  // CPython takes the value modulo 2**32
        for byte in data {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return Int(~crc)
    }

    /// `binascii.b2a_base64(data, *, newline=True)`: Base64 with a trailing newline unless
    /// `newline` is false.
    ///
    /// Python: `binascii.b2a_base64`.
    public static func b2a_base64<Data: Sequence>(_ data: Data, newline: Bool = true) -> bytes where Data.Element == UInt8 {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let input = Array(data)
        var out: [UInt8] = []
        out.reserveCapacity((input.count + 2) / 3 * 4 + 1)
        var i = 0
        while i < input.count {
            let n = min(3, input.count - i)
            let b0 = UInt32(input[i]), b1 = n > 1 ? UInt32(input[i + 1]) : 0, b2 = n > 2 ? UInt32(input[i + 2]) : 0
            let word = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(word >> 18 & 63)])
            out.append(alphabet[Int(word >> 12 & 63)])
            out.append(n > 1 ? alphabet[Int(word >> 6 & 63)] : UInt8(ascii: "="))
            out.append(n > 2 ? alphabet[Int(word & 63)] : UInt8(ascii: "="))
            i += 3
        }
        if newline { out.append(UInt8(ascii: "\n")) }
        return bytes(out)
    }

    /// `binascii.a2b_base64(data, *, strict_mode=False)`: decodes Base64, skipping characters
    /// outside the alphabet (unless `strict_mode`) and stopping at the padding.
    ///
    /// Python: `binascii.a2b_base64`.
    /// - Throws: `binascii.Error` with CPython's texts (`Incorrect padding`, `Invalid
    ///   base64-encoded string: ...`, and in strict mode `Only base64 data is allowed`...).
    public static func a2b_base64<Data: Sequence>(_ data: Data, strict_mode: Bool = false) throws -> bytes where Data.Element == UInt8 {
        let input = Array(data)
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 4 * 3 + 3)
        var quad = 0, left: UInt8 = 0, pads = 0, paddingStarted = false
        for (i, ch) in input.enumerated() {
            if ch == UInt8(ascii: "=") {
                paddingStarted = true
                if strict_mode && quad == 0 {
                    throw Error(i == 0 ? "Leading padding not allowed" : "Excess padding not allowed")
                }
                if quad >= 2 {
                    pads += 1
                    if quad + pads >= 4 {
                        if strict_mode && i + 1 < input.count { throw Error("Excess data after padding") }
                        return bytes(out)
                    }
                }
                continue
            }
            guard let value = base64Value(ch) else {
                if strict_mode { throw Error("Only base64 data is allowed") }
                continue
            }
            if strict_mode && paddingStarted { throw Error("Discontinuous padding not allowed") }
            pads = 0
            switch quad {
            case 0: left = value
            case 1: out.append(left << 2 | value >> 4); left = value & 0x0F
            case 2: out.append(left << 4 | value >> 2); left = value & 0x03
            default: out.append(left << 6 | value); left = 0
            }
            quad = (quad + 1) % 4
        }
        if quad == 1 {
            throw Error("Invalid base64-encoded string: number of data characters (\(out.count / 3 * 4 + 1)) cannot be 1 more than a multiple of 4")
        }
        if quad != 0 { throw Error("Incorrect padding") }
        return bytes(out)
    }

    /// `binascii.a2b_base64(str)`: the same for an ASCII string.
    ///
    /// Python: `binascii.a2b_base64(str)`.
    public static func a2b_base64(_ data: String, strict_mode: Bool = false) throws -> bytes {
        try a2b_base64(try asciiBytes(data), strict_mode: strict_mode)
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func base64Value(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): c - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): c - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }

    /// A `str` argument of the codecs: its bytes when it is all ASCII.
    static func asciiBytes(_ s: String) throws -> [UInt8] {
        let utf8 = Array(s.utf8)
        if utf8.contains(where: { $0 >= 0x80 }) {
            throw ValueError("string argument should contain only ASCII characters")
        }
        return utf8
    }
}

/// `import base64`: Base64 and Base16 encodings of bytes.
///
/// Python: `base64`.
///
/// Differs from CPython: no Base32/Base85, no `altchars` (use the `urlsafe_` functions).
public enum base64 {
    /// `base64.b64encode(s)`: the Base64 encoding of the bytes, as bytes.
    ///
    /// Python: `base64.b64encode`.
    public static func b64encode<Data: Sequence>(_ s: Data) -> bytes where Data.Element == UInt8 {
        binascii.b2a_base64(s, newline: false)
    }

    /// `base64.b64decode(s, validate=False)`: decodes Base64 bytes; characters outside the
    /// alphabet are skipped unless `validate`.
    ///
    /// Python: `base64.b64decode`.
    /// - Throws: `binascii.Error` with CPython's texts.
    public static func b64decode<Data: Sequence>(_ s: Data, validate: Bool = false) throws -> bytes where Data.Element == UInt8 {
        try binascii.a2b_base64(s, strict_mode: validate)
    }

    /// `base64.b64decode(s, validate=False)` of an ASCII `str`.
    ///
    /// Python: `base64.b64decode(str)`.
    /// - Throws: `ValueError('string argument should contain only ASCII characters')`,
    ///   `binascii.Error`.
    public static func b64decode(_ s: String, validate: Bool = false) throws -> bytes {
        try binascii.a2b_base64(try binascii.asciiBytes(s), strict_mode: validate)
    }

    /// `base64.standard_b64encode(s)`: `b64encode(s)`.
    ///
    /// Python: `base64.standard_b64encode`.
    public static func standard_b64encode<Data: Sequence>(_ s: Data) -> bytes where Data.Element == UInt8 { b64encode(s) }

    /// `base64.standard_b64decode(s)`: `b64decode(s)`.
    ///
    /// Python: `base64.standard_b64decode`.
    public static func standard_b64decode<Data: Sequence>(_ s: Data) throws -> bytes where Data.Element == UInt8 {
        try b64decode(s)
    }

    /// `base64.urlsafe_b64encode(s)`: Base64 with `-` and `_` for `+` and `/`.
    ///
    /// Python: `base64.urlsafe_b64encode`.
    public static func urlsafe_b64encode<Data: Sequence>(_ s: Data) -> bytes where Data.Element == UInt8 {
        bytes(b64encode(s).map { $0 == UInt8(ascii: "+") ? UInt8(ascii: "-") : $0 == UInt8(ascii: "/") ? UInt8(ascii: "_") : $0 })
    }

    /// `base64.urlsafe_b64decode(s)`: decodes the URL-safe alphabet.
    ///
    /// Python: `base64.urlsafe_b64decode`.
    /// - Throws: `binascii.Error` with CPython's texts.
    public static func urlsafe_b64decode<Data: Sequence>(_ s: Data) throws -> bytes where Data.Element == UInt8 {
        try b64decode(s.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "+") : $0 == UInt8(ascii: "_") ? UInt8(ascii: "/") : $0 })
    }

    /// `base64.urlsafe_b64decode(s)` of an ASCII `str`.
    ///
    /// Python: `base64.urlsafe_b64decode(str)`.
    public static func urlsafe_b64decode(_ s: String) throws -> bytes { try urlsafe_b64decode(try binascii.asciiBytes(s)) }

    /// `base64.b16encode(s)`: uppercase hex digits.
    ///
    /// Python: `base64.b16encode`.
    public static func b16encode<Data: Sequence>(_ s: Data) -> bytes where Data.Element == UInt8 {
        bytes(binascii.hexlify(s).map { $0 >= UInt8(ascii: "a") ? $0 - 32 : $0 })
    }

    /// `base64.b16decode(s, casefold=False)`: decodes uppercase hex digits (either case with
    /// `casefold`).
    ///
    /// Python: `base64.b16decode`.
    /// - Throws: `binascii.Error('Non-base16 digit found')`, `binascii.Error('Odd-length string')`.
    public static func b16decode<Data: Sequence>(_ s: Data, casefold: Bool = false) throws -> bytes where Data.Element == UInt8 {
        var digits = Array(s)
        if casefold { digits = digits.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") ? $0 - 32 : $0 } }
        if digits.contains(where: { !(($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "F"))) }) {
            throw binascii.Error("Non-base16 digit found")
        }
        return try binascii.unhexlify(digits)
    }

    /// `base64.b16decode(s)` of an ASCII `str`.
    ///
    /// Python: `base64.b16decode(str)`.
    public static func b16decode(_ s: String, casefold: Bool = false) throws -> bytes {
        try b16decode(try binascii.asciiBytes(s), casefold: casefold)
    }
}
