// Python's `bytes % args` (printf-style formatting, PEP 461): the operator and the values it takes.

/// A value `bytes % value` can format: integers, `bytes`, `String` (for `%r`/`%a` only), `Double`.
///
/// Python: the operands of `bytes.__mod__`. C: none.
public protocol PyFormatArgument {
    /// The value as the formatter sees it.
    var pyFormatValue: PyFormatValue { get }
}

/// What a `PyFormatArgument` is to the formatter: Python's int, bytes, str or float.
///
/// Python: the types `bytes.__mod__` distinguishes. C: none.
public enum PyFormatValue: Sendable {
    /// An int: its sign and magnitude.
    case int(negative: Bool, magnitude: UInt64)
    /// A bytes-like object.
    case bytes(bytes)
    /// A str.
    case str(String)
    /// A float.
    case float(Double)
}

extension Int: PyFormatArgument {
    /// The value as Python's int.
    public var pyFormatValue: PyFormatValue { .int(negative: self < 0, magnitude: UInt64(magnitude)) }
}
extension Int32: PyFormatArgument {
    /// The value as Python's int.
    public var pyFormatValue: PyFormatValue { .int(negative: self < 0, magnitude: UInt64(magnitude)) }
}
extension Int64: PyFormatArgument {
    /// The value as Python's int.
    public var pyFormatValue: PyFormatValue { .int(negative: self < 0, magnitude: UInt64(magnitude)) }
}
extension UInt8: PyFormatArgument {
    /// The value as Python's int.
    public var pyFormatValue: PyFormatValue { .int(negative: false, magnitude: UInt64(self)) }
}
extension UInt16: PyFormatArgument {
    /// The value as Python's int.
    public var pyFormatValue: PyFormatValue { .int(negative: false, magnitude: UInt64(self)) }
}
extension UInt32: PyFormatArgument {
    /// The value as Python's int.
    public var pyFormatValue: PyFormatValue { .int(negative: false, magnitude: UInt64(self)) }
}
extension UInt64: PyFormatArgument {
    /// The value as Python's int.
    public var pyFormatValue: PyFormatValue { .int(negative: false, magnitude: self) }
}
extension UInt: PyFormatArgument {
    /// The value as Python's int.
    public var pyFormatValue: PyFormatValue { .int(negative: false, magnitude: UInt64(self)) }
}
extension bytes: PyFormatArgument {
    /// The value as Python's bytes.
    public var pyFormatValue: PyFormatValue { .bytes(self) }
}
extension String: PyFormatArgument {
    /// The value as Python's str.
    public var pyFormatValue: PyFormatValue { .str(self) }
}
extension Double: PyFormatArgument {
    /// The value as Python's float.
    public var pyFormatValue: PyFormatValue { .float(self) }
}

extension bytes {
    /// `b % value`: printf-style formatting with one value (`b"$%d\r\n" % n`).
    ///
    /// Conversions: `%d %i %u %x %X %o %c %b %s %r %a %%` with flags `-+ #0`, width and
    /// precision (`*` too).
    ///
    /// Python: `bytes.__mod__`. C: none.
    /// - Throws: CPython's `TypeError`s (`not enough arguments for format string`, `%b requires a
    ///   bytes-like object, ... not 'str'`, `%d format: a real number is required, not bytes`)
    ///   and `ValueError`s (`unsupported format character 'q' (0x71) at index 1`, `incomplete format`).
    ///
    /// Differs from CPython:
    /// - `%e %f %g` and `%(name)s` (a mapping) are not supported: they raise
    ///   `ValueError("unsupported format character ...")` and `TypeError('format requires a mapping')`.
    public static func % <T: PyFormatArgument>(lhs: bytes, rhs: T) throws -> bytes {
        var formatter = PyBytesFormatter(lhs)
        return try formatter.format(CollectionOfOne(rhs.pyFormatValue), single: true)
    }

    /// `b % (v1, v2, ...)`: printf-style formatting with a tuple of values.
    ///
    /// Python: `bytes.__mod__`. C: none.
    public static func % <each T: PyFormatArgument>(lhs: bytes, rhs: (repeat each T)) throws -> bytes {
        var values: [PyFormatValue] = []
        for value in repeat each rhs { values.append(value.pyFormatValue) }
        var formatter = PyBytesFormatter(lhs)
        return try formatter.format(values, single: false)
    }
}

/// One `bytes % args` call: CPython's `_PyBytes_FormatEx`.
struct PyBytesFormatter {
    let format: [UInt8]
    var out: [UInt8] = []

    init(_ format: bytes) {
        self.format = format.storage
        out.reserveCapacity(format.count + 16)
    }

    mutating func format<C: Collection>(_ args: C, single: Bool) throws -> bytes where C.Element == PyFormatValue {
        var next = args.startIndex
        func take() throws -> PyFormatValue {
            guard next != args.endIndex else { throw TypeError("not enough arguments for format string") }
            defer { next = args.index(after: next) }
            return args[next]
        }
        var i = 0
        let n = format.count
        while i < n {
            let byte = format[i]
            if byte != 0x25 {
                // Copy the literal run up to the next '%' in one go.
                var j = i + 1
                while j < n, format[j] != 0x25 { j += 1 }
                out.append(contentsOf: format[i..<j])
                i = j
                continue
            }
            i += 1
            guard i < n else { throw ValueError("incomplete format") }
            if format[i] == 0x28 { throw TypeError("format requires a mapping") }
            var spec = Spec()
            while i < n, let flag = Spec.flag(format[i]) { spec.flags.insert(flag); i += 1 }
            if i < n, format[i] == 0x2A {
                spec.width = try Self.intArgument(try take(), "* wants int")
                if spec.width < 0 { spec.flags.insert(.left); spec.width = -spec.width }
                i += 1
            } else {
                while i < n, (0x30...0x39).contains(format[i]) { spec.width = spec.width * 10 + Int(format[i] - 0x30); i += 1 }
            }
            if i < n, format[i] == 0x2E {
                i += 1
                spec.precision = 0
                if i < n, format[i] == 0x2A {
                    spec.precision = Swift.max(try Self.intArgument(try take(), "* wants int"), 0)
                    i += 1
                } else {
                    while i < n, (0x30...0x39).contains(format[i]) { spec.precision = spec.precision! * 10 + Int(format[i] - 0x30); i += 1 }
                }
            }
            while i < n, format[i] == 0x68 || format[i] == 0x6C || format[i] == 0x4C { i += 1 }
            guard i < n else { throw ValueError("incomplete format") }
            let conversion = format[i]
            if conversion == 0x25 {
                out.append(0x25)
                i += 1
                continue
            }
            try convert(conversion, try take(), spec, at: i)
            i += 1
        }
        if next != args.endIndex, !(single && Self.isMappingLike(args[next])) {
            throw TypeError("not all arguments converted during bytes formatting")
        }
        return bytes(out)
    }

    /// CPython ignores a leftover single argument only when it is a mapping; none of ours is.
    static func isMappingLike(_ value: PyFormatValue) -> Bool { false }

    struct Spec {
        struct Flags: OptionSet {
            let rawValue: UInt8
            static let left = Flags(rawValue: 1), sign = Flags(rawValue: 2), blank = Flags(rawValue: 4)
            static let alternate = Flags(rawValue: 8), zero = Flags(rawValue: 16)
        }
        var flags: Flags = []
        var width = 0
        var precision: Int?

        static func flag(_ byte: UInt8) -> Flags? {
            switch byte {
            case 0x2D: return .left
            case 0x2B: return .sign
            case 0x20: return .blank
            case 0x23: return .alternate
            case 0x30: return .zero
            default: return nil
            }
        }
    }

    static func typeName(_ value: PyFormatValue) -> String {
        switch value {
        case .int: return "int"
        case .bytes: return "bytes"
        case .str: return "str"
        case .float: return "float"
        }
    }

    static func intArgument(_ value: PyFormatValue, _ message: String) throws -> Int {
        guard case .int(let negative, let magnitude) = value, magnitude <= UInt64(Int.max) else { throw TypeError(message) }
        return negative ? -Int(magnitude) : Int(magnitude)
    }

    mutating func convert(_ conversion: UInt8, _ value: PyFormatValue, _ spec: Spec, at index: Int) throws {
        switch conversion {
        case 0x64, 0x69, 0x75:  // d i u
            switch value {
            case .int(let negative, let magnitude):
                pad(number: Self.digits(magnitude, 10, upper: false), negative: negative, prefix: [], spec)
            case .float(let x) where x.isFinite:
                let truncated = x.rounded(.towardZero)
                pad(number: Self.digits(UInt64(Swift.min(truncated.magnitude, 1.8e19)), 10, upper: false),
                    negative: truncated < 0, prefix: [], spec)
            case .float:
                throw OverflowError("cannot convert float infinity to integer")
            default:
                throw TypeError("%\(Character(Unicode.Scalar(conversion))) format: a real number is required, not \(Self.typeName(value))")
            }
        case 0x78, 0x58, 0x6F:  // x X o
            guard case .int(let negative, let magnitude) = value else {
                throw TypeError("%\(Character(Unicode.Scalar(conversion))) format: an integer is required, not \(Self.typeName(value))")
            }
            let radix = conversion == 0x6F ? 8 : 16
            let prefix: [UInt8] = spec.flags.contains(.alternate) ? [0x30, conversion == 0x6F ? 0x6F : conversion] : []
            pad(number: Self.digits(magnitude, radix, upper: conversion == 0x58), negative: negative, prefix: prefix, spec)
        case 0x62, 0x73:  // b s
            guard case .bytes(let data) = value else {
                throw TypeError("%b requires a bytes-like object, or an object that implements __bytes__, not '\(Self.typeName(value))'")
            }
            let body = spec.precision.map { Array(data.storage.prefix($0)) } ?? data.storage
            pad(text: body, spec)
        case 0x72, 0x61:  // r a
            let text: String
            switch value {
            case .int(let negative, let magnitude): text = (negative ? "-" : "") + String(magnitude)
            case .bytes(let data): text = data.debugDescription
            case .str(let string): text = PyBytesFormatter.asciiRepr(string)
            case .float(let x): text = Self.floatRepr(x)
            }
            var body = Array(text.utf8)
            if let precision = spec.precision { body = Array(body.prefix(precision)) }
            pad(text: body, spec)
        case 0x63:  // c
            switch value {
            case .int(let negative, let magnitude):
                guard !negative, magnitude < 256 else { throw OverflowError("%c arg not in range(256)") }
                pad(text: [UInt8(magnitude)], spec)
            case .bytes(let data) where data.count == 1:
                pad(text: data.storage, spec)
            default:
                throw TypeError("%c requires an integer in range(256) or a single byte")
            }
        default:
            let scalar = Unicode.Scalar(conversion)
            let shown = conversion >= 0x20 && conversion < 0x7F ? String(Character(scalar)) : "?"
            throw ValueError("unsupported format character '\(shown)' (0x\(String(conversion, radix: 16))) at index \(index)")
        }
    }

    static func digits(_ value: UInt64, _ radix: Int, upper: Bool) -> [UInt8] {
        if value == 0 { return [0x30] }
        var v = value
        var out: [UInt8] = []
        let r = UInt64(radix)
        while v > 0 {
            let d = UInt8(v % r)
            out.append(d < 10 ? 0x30 + d : (upper ? 0x41 : 0x61) + d - 10)
            v /= r
        }
        out.reverse()
        return out
    }

    /// A number with sign, prefix, precision (minimum digits), width and the `0`/`-` flags.
    mutating func pad(number: [UInt8], negative: Bool, prefix: [UInt8], _ spec: Spec) {
        var digits = number
        if let precision = spec.precision, digits.count < precision {
            digits = [UInt8](repeating: 0x30, count: precision - digits.count) + digits
        }
        var head: [UInt8] = negative ? [0x2D] : spec.flags.contains(.sign) ? [0x2B] : spec.flags.contains(.blank) ? [0x20] : []
        head += prefix
        let fill = Swift.max(spec.width - head.count - digits.count, 0)
        if spec.flags.contains(.left) {
            out += head; out += digits; out += repeatElement(0x20, count: fill)
        } else if spec.flags.contains(.zero) {
            out += head; out += repeatElement(0x30, count: fill); out += digits
        } else {
            out += repeatElement(0x20, count: fill); out += head; out += digits
        }
    }

    /// Text padded to the width, on the left unless `-`.
    mutating func pad(text: [UInt8], _ spec: Spec) {
        let fill = Swift.max(spec.width - text.count, 0)
        if !spec.flags.contains(.left) { out += repeatElement(0x20, count: fill) }
        out += text
        if spec.flags.contains(.left) { out += repeatElement(0x20, count: fill) }
    }

    /// `ascii(s)`: the str's repr with every non-ASCII character escaped.
    static func asciiRepr(_ string: String) -> String {
        let quote: Character = string.contains("'") && !string.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote { out += "\\" + String(quote) }
                else if scalar.value < 0x20 || scalar.value >= 0x7F { out += PyCodec.escaped(scalar.value) }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        out.append(quote)
        return out
    }

    /// `repr(float)` for the values Swift prints alike: Swift's shortest round-trip digits.
    static func floatRepr(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return x.description
    }
}
