// struct: pack and unpack binary records, as Python's struct module does (`struct` is a Swift keyword: write `struct`).
import PySocket

/// `import struct`: binary records for wire formats: `` try `struct`.pack("!HI", 1, 2) ``,
/// `` let (a, b): (Int, Int) = try `struct`.unpack("!HI", data) ``.
///
/// Python: `struct`.
///
/// Differs from CPython: `struct` is a Swift keyword, so a port writes it in backquotes;
/// `unpack` returns a Swift tuple whose types the port states (`Int`, `Double`, `Bool`, `bytes`);
/// 64-bit unsigned values past `Int.max` unpack as `UInt64` only; the `e` (half float), `n`/`N`
/// (ssize_t) and `P` (pointer) codes are not supported.
public enum `struct` {
    /// `struct.error`: the exception `pack` and `unpack` raise for a bad format or value.
    ///
    /// Python: `struct.error`.
    open class error: Exception, @unchecked Sendable {}

    /// One item of a format: its code and, for `s`/`p`/`x`, its count.
    private struct Item {
        let code: Character
        let count: Int
    }

    /// A parsed format: byte order, native sizes and alignment or not, and the items.
    private struct Layout {
        var little: Bool
        var native: Bool
        var items: [Item] = []

        init(_ format: String) throws {
            var characters = Substring(format)
            little = 1.littleEndian == 1
            native = true
            if let first = characters.first, "@=<>!".contains(first) {
                native = first == "@"
                if first == "<" { little = true }
                if first == ">" || first == "!" { little = false }
                characters = characters.dropFirst()
            }
            var count: Int?
            for character in characters {
                if character.isWhitespace { continue }
                if let digit = character.wholeNumberValue, character.isASCII {
                    let (times, o1) = (count ?? 0).multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times.addingReportingOverflow(digit)
                    if o1 || o2 || sum > 1 << 30 { throw `struct`.error("total struct size too long") }
                    count = sum
                    continue
                }
                guard Layout.size(of: character, native: native) != nil else {
                    throw `struct`.error("bad char in struct format")
                }
                if "spx".contains(character) {
                    items.append(Item(code: character, count: count ?? 1))
                } else {
                    for _ in 0..<(count ?? 1) { items.append(Item(code: character, count: 1)) }
                }
                count = nil
            }
            if count != nil { throw `struct`.error("repeat count given without format specifier") }
        }

        /// The size of one value of `code` (standard sizes unless `native`).
        static func size(of code: Character, native: Bool) -> Int? {
            switch code {
            case "x", "c", "b", "B", "?", "s", "p": return 1
            case "h", "H": return 2
            case "i", "I", "f": return 4
            case "l", "L": return native ? 8 : 4
            case "q", "Q", "d": return 8
            default: return nil
            }
        }

        /// The offset of each item and the total size, with native alignment for `@`.
        func offsets() -> ([Int], Int) {
            var offsets: [Int] = []
            var at = 0
            for item in items {
                let size = Layout.size(of: item.code, native: native) ?? 1
                if native && size > 1 && !"sp".contains(item.code) { at = (at + size - 1) / size * size }
                offsets.append(at)
                at += "spx".contains(item.code) ? item.count : size
            }
            return (offsets, at)
        }

        /// The items that take a value (`x` pads take none).
        var valueCount: Int { items.filter { $0.code != "x" }.count }
    }

    /// `struct.calcsize(format)`: the number of bytes `pack(format, ...)` gives.
    ///
    /// Python: `struct.calcsize`.
    /// - Throws: `struct.error('bad char in struct format')`.
    public static func calcsize(_ format: String) throws -> Int {
        try Layout(format).offsets().1
    }

    /// `struct.pack(format, v1, v2, ...)`: the values as bytes laid out by `format`: `!`/`>` big
    /// endian, `<` little, `=`/`@` native; `b B h H i I l L q Q` integers, `?` bool, `f d`
    /// floats, `s` bytes (`4s`), `c` one byte, `x` a pad byte.
    ///
    /// Python: `struct.pack`.
    /// - Throws: `struct.error` with CPython's texts (`pack expected 2 items for packing (got 1)`,
    ///   `'H' format requires 0 <= number <= 65535`, `argument out of range`, `required argument
    ///   is not an integer`).
    public static func pack(_ format: String, _ values: Any...) throws -> bytes {
        try packValues(format, spreading(values))
    }

    /// The values of `pack`, with any `*items` spread.
    static func packValues(_ format: String, _ values: [Any]) throws -> bytes {
        let layout = try Layout(format)
        guard values.count == layout.valueCount else {
            throw `struct`.error("pack expected \(layout.valueCount) items for packing (got \(values.count))")
        }
        let (offsets, total) = layout.offsets()
        var out = [UInt8](repeating: 0, count: total)
        var next = 0
        for (item, offset) in zip(layout.items, offsets) where item.code != "x" {
            let value = values[next]
            next += 1
            let encoded = try encode(value, item, layout)
            out.replaceSubrange(offset..<(offset + encoded.count), with: encoded)
        }
        return bytes(out)
    }

    /// One value's bytes for `item`.
    private static func encode(_ value: Any, _ item: Item, _ layout: Layout) throws -> [UInt8] {
        switch item.code {
        case "s", "p":
            guard let data = (value as? bytes).map(Array.init) ?? (value as? bytearray).map(Array.init) else {
                throw `struct`.error("argument for '\(item.code)' must be a bytes object")
            }
            if item.code == "p" {
                let body = Array(data.prefix(Swift.max(0, Swift.min(item.count - 1, 255))))
                return Array(([UInt8(body.count)] + body + [UInt8](repeating: 0, count: item.count)).prefix(item.count))
            }
            return Array((data + [UInt8](repeating: 0, count: item.count)).prefix(item.count))
        case "c":
            guard let data = value as? bytes, data.count == 1 else {
                throw `struct`.error("char format requires a bytes object of length 1")
            }
            return [data[0]]
        case "?":
            return [bool(value) ? 1 : 0]
        case "f", "d":
            let number: Double
            switch value {
            case let d as Double: number = d
            case let i as Int: number = Double(i)
            default: throw `struct`.error("required argument is not a float")
            }
            if item.code == "f" {
                let single = Float(number)
                if single.isInfinite && number.isFinite { throw OverflowError("float too large to pack with f format") }
                return ordered(UInt64(single.bitPattern), 4, layout.little)
            }
            return ordered(number.bitPattern, 8, layout.little)
        default:
            let number: Int
            switch value {
            case let i as Int: number = i
            case let b as Bool: number = b ? 1 : 0
            case let member as any RawRepresentable<Int>: number = member.rawValue
            case let other as any BinaryInteger:
                guard let i = Int(exactly: other) else { throw `struct`.error("argument out of range") }
                number = i
            default: throw `struct`.error("required argument is not an integer")
            }
            let size = Layout.size(of: item.code, native: layout.native) ?? 1
            let signed = item.code.isLowercase
            let bits = size * 8
            if signed {
                let low = bits == 64 ? Int.min : -(1 << (bits - 1)), high = bits == 64 ? Int.max : (1 << (bits - 1)) - 1
                guard number >= low && number <= high else {
                    throw `struct`.error(layout.native || bits == 64 ? "argument out of range"
                                         : "'\(item.code)' format requires \(low) <= number <= \(high)")
                }
            } else {
                let high = bits == 64 ? UInt64.max : (UInt64(1) << UInt64(bits)) - 1
                guard number >= 0 && UInt64(number) <= high else {
                    throw `struct`.error(layout.native || bits == 64 ? "argument out of range"
                                         : "'\(item.code)' format requires 0 <= number <= \(high)")
                }
            }
            return ordered(UInt64(bitPattern: Int64(number)), size, layout.little)
        }
    }

    /// The low `size` bytes of `value` in the layout's byte order.
    private static func ordered(_ value: UInt64, _ size: Int, _ little: Bool) -> [UInt8] {
        let bytesLittle = (0..<size).map { UInt8(truncatingIfNeeded: value >> UInt64($0 * 8)) }
        return little ? bytesLittle : bytesLittle.reversed()
    }

    /// `a, b = struct.unpack(format, buffer)`: the values `buffer` holds, as a tuple of the types
    /// the port states: `` let (n, kind): (Int, Int) = try `struct`.unpack("!IB", header) ``.
    /// Integers and `?` unpack as `Int`/`Bool`, `f`/`d` as `Double`, `s`/`p`/`c` as `bytes`.
    ///
    /// Python: `struct.unpack`.
    /// - Throws: `struct.error('unpack requires a buffer of 5 bytes')`, and `TypeError` when a
    ///   stated type does not fit the unpacked value.
    public static func unpack<Buffer: Collection, each Value>(_ format: String, _ buffer: Buffer) throws -> (repeat each Value)
    where Buffer.Element == UInt8 {
        let layout = try Layout(format)
        let data = Array(buffer)
        let (_, total) = layout.offsets()
        guard data.count == total else { throw `struct`.error("unpack requires a buffer of \(total) bytes") }
        var values = try decode(data, layout)
        values.reverse()
        func take<T>(_: T.Type) throws -> T {
            guard let value = values.popLast() else {
                throw TypeError("unpack gives \(layout.valueCount) values, more were asked for")
            }
            if let typed = value as? T { return typed }
            if T.self == Double.self, let int = value as? Int, let converted = Double(int) as? T { return converted }
            throw TypeError("unpack: \(pythonType(of: value).__name__) value where \(T.self) was asked for")
        }
        let result = (repeat try take((each Value).self))
        guard values.isEmpty else {
            throw TypeError("unpack gives \(layout.valueCount) values, fewer were asked for")
        }
        return result
    }

    /// `values = struct.unpack("!%dh" % n, buffer)`: the values as a list of one type, for a
    /// format whose count is only known at run time: `` let numbers: [Int] = try
    /// `struct`.unpack("!4h", data) ``.
    ///
    /// Python: `struct.unpack` (the tuple used as a sequence).
    /// - Throws: `struct.error('unpack requires a buffer of 8 bytes')`, and `TypeError` for a
    ///   value that is not an `Element`.
    public static func unpack<Buffer: Collection, Element>(_ format: String, _ buffer: Buffer) throws -> [Element]
    where Buffer.Element == UInt8 {
        let layout = try Layout(format)
        let data = Array(buffer)
        let (_, total) = layout.offsets()
        guard data.count == total else { throw `struct`.error("unpack requires a buffer of \(total) bytes") }
        return try decode(data, layout).map { value in
            guard let typed = value as? Element else {
                throw TypeError("unpack: \(pythonType(of: value).__name__) value where \(Element.self) was asked for")
            }
            return typed
        }
    }

    /// The values of `data` laid out by `layout`.
    private static func decode(_ data: [UInt8], _ layout: Layout) throws -> [Any] {
        let (offsets, _) = layout.offsets()
        var values: [Any] = []
        for (item, offset) in zip(layout.items, offsets) {
            let size = Layout.size(of: item.code, native: layout.native) ?? 1
            switch item.code {
            case "x": continue
            case "s": values.append(bytes(data[offset..<(offset + item.count)]))
            case "p":
                let length = Swift.min(Int(data[offset]), item.count - 1)
                values.append(bytes(data[(offset + 1)..<(offset + 1 + Swift.max(0, length))]))
            case "c": values.append(bytes([data[offset]]))
            case "?": values.append(data[offset] != 0)
            default:
                var raw: UInt64 = 0
                let slice = data[offset..<(offset + size)]
                for byte in (layout.little ? Array(slice.reversed()) : Array(slice)) { raw = raw << 8 | UInt64(byte) }
                switch item.code {
                case "f": values.append(Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw))))
                case "d": values.append(Double(bitPattern: raw))
                default:
                    if item.code.isLowercase {
                        let shift = UInt64(64 - size * 8)
                        values.append(Int(Int64(bitPattern: raw << shift) >> Int64(shift)))
                    } else if raw <= UInt64(Int.max) {
                        values.append(Int(raw))
                    } else {
                        values.append(raw)
                    }
                }
            }
        }
        return values
    }

    /// `struct.unpack_from(format, buffer, offset=0)`: `unpack` of the bytes at `offset`.
    ///
    /// Python: `struct.unpack_from`.
    /// - Throws: `struct.error('unpack_from requires a buffer of at least 9 bytes for unpacking 4 bytes at offset 5 (actual buffer size is 8)')`.
    public static func unpack_from<Buffer: Collection, each Value>(_ format: String, _ buffer: Buffer, _ offset: Int = 0) throws -> (repeat each Value)
    where Buffer.Element == UInt8 {
        let size = try calcsize(format)
        let data = Array(buffer)
        let start = offset < 0 ? offset + data.count : offset
        guard start >= 0, start + size <= data.count else {
            if offset < 0 && start < 0 { throw `struct`.error("offset \(offset) out of range for \(data.count)-byte buffer") }
            throw `struct`.error("unpack_from requires a buffer of at least \(start + size) bytes for unpacking \(size) bytes at offset \(offset) (actual buffer size is \(data.count))")
        }
        return try unpack(format, data[start..<(start + size)])
    }
}

extension `struct` {
    /// `struct.Struct(format)`: a compiled format: `s.pack(...)`, `s.unpack(buffer)`,
    /// `s.unpack_from(buffer, offset)`, `s.size`, `s.format`.
    ///
    /// Python: `struct.Struct`.
    public final class Struct: Sendable {
        /// `s.format`: the format string.
        ///
        /// Python: `Struct.format`.
        public let format: String

        /// `s.size`: the number of bytes `pack` gives (`calcsize(format)`).
        ///
        /// Python: `Struct.size`.
        public let size: Int

        /// `struct.Struct(format)`; raises `struct.error` for a bad format, as CPython does.
        ///
        /// Python: `struct.Struct(format)`.
        public init(_ format: String) throws {
            self.format = format
            self.size = try `struct`.calcsize(format)
        }

        /// `s.pack(v1, v2, ...)`: `struct.pack(s.format, v1, v2, ...)`.
        ///
        /// Python: `Struct.pack`.
        public func pack(_ values: Any...) throws -> bytes {
            try `struct`.packValues(format, spreading(values))
        }

        /// `a, b = s.unpack(buffer)`: `struct.unpack(s.format, buffer)`.
        ///
        /// Python: `Struct.unpack`.
        public func unpack<Buffer: Collection, each Value>(_ buffer: Buffer) throws -> (repeat each Value)
        where Buffer.Element == UInt8 {
            try `struct`.unpack(format, buffer)
        }

        /// `values = s.unpack(buffer)` as a list of one type.
        ///
        /// Python: `Struct.unpack`.
        public func unpack<Buffer: Collection, Element>(_ buffer: Buffer) throws -> [Element]
        where Buffer.Element == UInt8 {
            try `struct`.unpack(format, buffer)
        }

        /// `a, b = s.unpack_from(buffer, offset=0)`: `struct.unpack_from(s.format, buffer, offset)`.
        ///
        /// Python: `Struct.unpack_from`.
        public func unpack_from<Buffer: Collection, each Value>(_ buffer: Buffer, _ offset: Int = 0) throws -> (repeat each Value)
        where Buffer.Element == UInt8 {
            try `struct`.unpack_from(format, buffer, offset)
        }
    }
}
