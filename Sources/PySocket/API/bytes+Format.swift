// Python's `bytes % args` (printf-style formatting, PEP 461): the operator and the values it takes.

/// A value `bytes % value` can format: integers, `bytes`, `String` (for `%r`/`%a` only), `Double`.
///
/// Python: the operands of `bytes.__mod__`. C: none.
public protocol PyFormatArgument {
    /// The value as the formatter sees it.
    ///
    /// Python: none (Python's `%` reads the operand's type at run time; Swift asks the value). C: none.
    var pyFormatValue: PyFormatValue { get }
}

/// What a `PyFormatArgument` is to the formatter: Python's int, bytes, str or float.
///
/// Python: the types `bytes.__mod__` distinguishes. C: none.
public enum PyFormatValue: Sendable {
    /// An int: its sign and magnitude.
    ///
    /// Python: `int` (`%d %i %u %x %X %o %c %r %a` take it). C: none.
    case int(negative: Bool, magnitude: UInt64)
    /// A bytes-like object.
    ///
    /// Python: `bytes` (`%b %s %r %a` take it, `%c` one byte). C: none.
    case bytes(bytes)
    /// A str.
    ///
    /// Python: `str` (only `%r %a` take it). C: none.
    case str(String)
    /// A float.
    ///
    /// Python: `float` (`%d %i %u` truncate it, `%r %a` show its repr; `%e %f %g` are not supported). C: none.
    case float(Double)
}

extension Int: PyFormatArgument {
    /// The value as Python's int.
    ///
    /// Python: a `int` operand of `bytes % value`. C: none.
    @inlinable public var pyFormatValue: PyFormatValue { .int(negative: self < 0, magnitude: UInt64(magnitude)) }
}
extension Int32: PyFormatArgument {
    /// The value as Python's int.
    ///
    /// Python: a `int` operand of `bytes % value`. C: none.
    @inlinable public var pyFormatValue: PyFormatValue { .int(negative: self < 0, magnitude: UInt64(magnitude)) }
}
extension Int64: PyFormatArgument {
    /// The value as Python's int.
    ///
    /// Python: a `int` operand of `bytes % value`. C: none.
    @inlinable public var pyFormatValue: PyFormatValue { .int(negative: self < 0, magnitude: UInt64(magnitude)) }
}
extension UInt8: PyFormatArgument {
    /// The value as Python's int.
    ///
    /// Python: a `int` operand of `bytes % value`. C: none.
    @inlinable public var pyFormatValue: PyFormatValue { .int(negative: false, magnitude: UInt64(self)) }
}
extension UInt16: PyFormatArgument {
    /// The value as Python's int.
    ///
    /// Python: a `int` operand of `bytes % value`. C: none.
    @inlinable public var pyFormatValue: PyFormatValue { .int(negative: false, magnitude: UInt64(self)) }
}
extension UInt32: PyFormatArgument {
    /// The value as Python's int.
    ///
    /// Python: a `int` operand of `bytes % value`. C: none.
    @inlinable public var pyFormatValue: PyFormatValue { .int(negative: false, magnitude: UInt64(self)) }
}
extension UInt64: PyFormatArgument {
    /// The value as Python's int.
    ///
    /// Python: a `int` operand of `bytes % value`. C: none.
    @inlinable public var pyFormatValue: PyFormatValue { .int(negative: false, magnitude: self) }
}
extension UInt: PyFormatArgument {
    /// The value as Python's int.
    ///
    /// Python: a `int` operand of `bytes % value`. C: none.
    @inlinable public var pyFormatValue: PyFormatValue { .int(negative: false, magnitude: UInt64(self)) }
}
extension bytes: PyFormatArgument {
    /// The value as Python's bytes.
    ///
    /// Python: a `bytes` operand of `bytes % value`. C: none.
    @inlinable public var pyFormatValue: PyFormatValue { .bytes(self) }
}
extension String: PyFormatArgument {
    /// The value as Python's str.
    ///
    /// Python: a `str` operand of `bytes % value`. C: none.
    @inlinable public var pyFormatValue: PyFormatValue { .str(self) }
}
extension Double: PyFormatArgument {
    /// The value as Python's float.
    ///
    /// Python: a `float` operand of `bytes % value`. C: none.
    @inlinable public var pyFormatValue: PyFormatValue { .float(self) }
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
    // Disfavoured: a string literal formatted where any result fits (`print("%s" % (a, b))`) is a
    // str, as in Python; a `bytes` left operand or a `bytes` context still selects this one.
    @inlinable @_disfavoredOverload
    public static func % <T: PyFormatArgument>(lhs: bytes, rhs: T) throws -> bytes {
        var value = rhs.pyFormatValue
        return try Swift.withUnsafeMutablePointer(to: &value) { try _format(lhs, UnsafeRawPointer($0), 1) }
    }

    /// `b % (v1, v2, ...)`: printf-style formatting with a tuple of values.
    ///
    /// Python: `bytes.__mod__`. C: none.
    /// Inlinable, so that the tuple is specialised where it is written (no runtime tuple metadata).
    // Disfavoured: a string literal formatted where any result fits (`print("%s" % (a, b))`) is a
    // str, as in Python; a `bytes` left operand or a `bytes` context still selects this one.
    @inlinable @_disfavoredOverload
    public static func % <each T: PyFormatArgument>(lhs: bytes, rhs: (repeat each T)) throws -> bytes {
        var count = 0
        for _ in repeat each rhs { count += 1 }
        // The values on the stack, not in an array.
        return try withUnsafeTemporaryAllocation(of: PyFormatValue.self, capacity: count) { values in
            var initialized = 0
            for value in repeat each rhs {
                (values.baseAddress! + initialized).initialize(to: value.pyFormatValue)
                initialized += 1
            }
            defer { if initialized > 0 { values.baseAddress!.deinitialize(count: initialized) } }
            return try _format(lhs, UnsafeRawPointer(values.baseAddress!), count)
        }
    }

    /// `b % (v1, v2)`: the tuple of two, the commonest (`b"$%d\r\n%b\r\n" % (len(arg), arg)`),
    /// with its values in a stack tuple (a parameter pack goes through value witnesses).
    ///
    /// Python: `bytes.__mod__`. C: none.
    // Disfavoured: a string literal formatted where any result fits (`print("%s" % (a, b))`) is a
    // str, as in Python; a `bytes` left operand or a `bytes` context still selects this one.
    @inlinable @_disfavoredOverload
    public static func % <A: PyFormatArgument, B: PyFormatArgument>(lhs: bytes, rhs: (A, B)) throws -> bytes {
        var values = (rhs.0.pyFormatValue, rhs.1.pyFormatValue)
        return try Swift.withUnsafeMutablePointer(to: &values) { try _format(lhs, UnsafeRawPointer($0), 2) }
    }

    /// `b % (v1, v2, v3)`: a tuple of three, in a stack tuple.
    ///
    /// Python: `bytes.__mod__`. C: none.
    // Disfavoured: a string literal formatted where any result fits (`print("%s" % (a, b))`) is a
    // str, as in Python; a `bytes` left operand or a `bytes` context still selects this one.
    @inlinable @_disfavoredOverload
    public static func % <A: PyFormatArgument, B: PyFormatArgument, C: PyFormatArgument>(lhs: bytes, rhs: (A, B, C)) throws -> bytes {
        var values = (rhs.0.pyFormatValue, rhs.1.pyFormatValue, rhs.2.pyFormatValue)
        return try Swift.withUnsafeMutablePointer(to: &values) { try _format(lhs, UnsafeRawPointer($0), 3) }
    }

    /// `lhs % values` (`count` of them at `values`: one, or a homogeneous tuple, laid out as an
    /// array), past the generic entry points.
    @usableFromInline
    static func _format(_ lhs: bytes, _ values: UnsafeRawPointer, _ count: Int) throws -> bytes {
        try PyBytesFormatter.run(lhs, values, count)
    }
}

/// One `bytes % args` call: CPython's `_PyBytes_FormatEx`, writing into a stack buffer that
/// spills to the heap only for a long result.
struct PyBytesFormatter {
    let format: UnsafeRawBufferPointer
    /// The first bytes of the result; `spill` holds the whole result once it outgrew them.
    let stack: UnsafeMutableRawBufferPointer
    var used = 0
    var spill: [UInt8]?
    /// The index of the next argument.
    var next = 0

    init(_ format: UnsafeRawBufferPointer, _ stack: UnsafeMutableRawBufferPointer) {
        self.format = format
        self.stack = stack
    }

    /// Formats `lhs % values` (`count` values at `values`) with a 256-byte stack buffer for the
    /// result: a local tuple, whose address `&` passes (no generic `withUnsafeTemporaryAllocation`).
    static func run(_ lhs: bytes, _ values: UnsafeRawPointer, _ count: Int) throws -> bytes {
        let args = UnsafeBufferPointer(start: values.assumingMemoryBound(to: PyFormatValue.self), count: count)
        return try lhs.withUnsafeBytes { format in
            // A short result (`*3\r\n`, `$3\r\nGET\r\n`) is tried first in two zeroed words,
            // which become the inline value as they are (no 256 bytes to zero, no copy).
            var small: (UInt, UInt) = (0, 0)
            if let length = plain(format, args, &small, room: bytes._inlineCapacity) {
                return bytes(_inlineWords: small, count: length)
            }
            var words = zero256
            return try run(format, args, &words)
        }
    }

    /// 256 bytes of stack.
    typealias Stack256 = ((UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64),
                          (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64),
                          (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64),
                          (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64))

    /// 256 zero bytes, for a `Stack256` variable.
    static var zero256: Stack256 {
        ((0, 0, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 0, 0))
    }

    static func run(_ format: UnsafeRawBufferPointer, _ args: UnsafeBufferPointer<PyFormatValue>, _ stack: UnsafeMutableRawPointer) throws -> bytes {
        if let length = plain(format, args, stack, room: 256) {
            return bytes(copying: UnsafeRawBufferPointer(start: stack, count: length))
        }
        var formatter = PyBytesFormatter(format, UnsafeMutableRawBufferPointer(start: stack, count: 256))
        try formatter.format(args)
        return formatter.result()
    }

    /// A protocol format's common shape in one pass with everything in locals: literal bytes,
    /// `%d` of an int, `%b`/`%s` of bytes and `%%`, with no flags, width or precision, every
    /// argument used and a result of at most `room` bytes, written to `stack`. Returns the result's
    /// length, or nil for anything else (which the general formatter then does from the start,
    /// raising CPython's errors).
    static func plain(_ format: UnsafeRawBufferPointer, _ args: UnsafeBufferPointer<PyFormatValue>, _ stack: UnsafeMutableRawPointer, room: Int) -> Int? {
        let n = format.count
        guard n > 0, let f = format.baseAddress?.assumingMemoryBound(to: UInt8.self), let argv = args.baseAddress else {
            return nil
        }
        let out = stack.assumingMemoryBound(to: UInt8.self)
        let k = args.count
        var i = 0, used = 0, next = 0
        while i < n {
            let c = f[i]
            i &+= 1
            if c != 0x25 {
                if used == room { return nil }
                out[used] = c
                used &+= 1
                continue
            }
            if i == n { return nil }
            let conversion = f[i]
            i &+= 1
            if conversion == 0x25 {
                if used == room { return nil }
                out[used] = 0x25
                used &+= 1
                continue
            }
            if next == k { return nil }
            // Through the pointer: a buffer's subscript is a generic call in a debug build.
            switch argv[next] {
            case .int(let negative, let magnitude) where conversion == 0x64:
                let length = _decimalLength(magnitude, negative: negative)
                if used &+ length > room { return nil }
                _writeDecimal(magnitude, negative: negative, length: length, to: out + used)
                used &+= length
            case .bytes(let data) where conversion == 0x62 || conversion == 0x73:
                let length = data.count
                if used &+ length > room { return nil }
                if length > 0 { data._copyBytes(to: out + used) }
                used &+= length
            default:
                return nil
            }
            next &+= 1
        }
        return next == k ? used : nil
    }

    /// The result: inline when short, else one allocation of its exact size (or the spill array).
    func result() -> bytes {
        if let spill { return bytes(spill) }
        // A pointer and a count, not `stack[..<used]` (a generic range subscript in a debug build).
        return bytes(copying: UnsafeRawBufferPointer(start: stack.baseAddress, count: used))
    }

    mutating func append(_ source: UnsafeRawBufferPointer) {
        let n = source.count
        guard n > 0 else { return }
        if spill == nil, used + n <= stack.count {
            (stack.baseAddress! + used).copyMemory(from: source.baseAddress!, byteCount: n)
            used += n
            return
        }
        spillIfNeeded()
        spill!.append(contentsOf: source)
    }

    mutating func append(_ byte: UInt8) {
        if spill == nil, used < stack.count {
            stack[used] = byte
            used += 1
            return
        }
        spillIfNeeded()
        spill!.append(byte)
    }

    mutating func append(repeating byte: UInt8, count: Int) {
        if count <= 16 {
            for _ in 0..<Swift.max(count, 0) { append(byte) }
            return
        }
        // A wide field (`%6952040a`) in one fill, not a byte at a time.
        if spill == nil, used + count <= stack.count {
            (stack.baseAddress! + used).initializeMemory(as: UInt8.self, repeating: byte, count: count)
            used += count
            return
        }
        spillIfNeeded()
        spill!.append(contentsOf: repeatElement(byte, count: count))
    }

    mutating func spillIfNeeded() {
        if spill != nil { return }
        var array: [UInt8] = []
        array.reserveCapacity(Swift.max(used * 2, 512))
        array.append(contentsOf: UnsafeRawBufferPointer(start: stack.baseAddress, count: used))
        spill = array
    }

    /// The next argument, or CPython's error when the format wants more than were given.
    mutating func take(_ args: UnsafeBufferPointer<PyFormatValue>) throws -> PyFormatValue {
        guard next < args.count else { throw TypeError("not enough arguments for format string") }
        defer { next += 1 }
        return args[next]
    }

    mutating func format(_ args: UnsafeBufferPointer<PyFormatValue>) throws {
        let n = format.count
        if n > 0, let f = format.baseAddress {
            var i = 0
            let p = f.assumingMemoryBound(to: UInt8.self)
            while i < n {
                // The literal run up to the next '%': its first 8 bytes one by one into the stack
                // buffer (a protocol format's runs are short: `\r\n`, `$`), the rest of a long
                // run found with memchr and copied in one go.
                if spill == nil, let out = stack.baseAddress {
                    let q = out.assumingMemoryBound(to: UInt8.self)
                    let stop = Swift.min(n, i &+ 8), room = stack.count
                    while i < stop && used < room {
                        let c = p[i]
                        if c == 0x25 { break }
                        q[used] = c
                        used &+= 1
                        i &+= 1
                    }
                }
                if i < n && p[i] != 0x25 {
                    let j = ByteSearch.index(of: 0x25, f, from: i, to: n) ?? n
                    append(UnsafeRawBufferPointer(start: f + i, count: j &- i))
                    i = j
                }
                if i == n { break }
                i &+= 1
                guard i < n else { throw ValueError("incomplete format") }
                // The common `%d` of an int and `%b`/`%s` of bytes, with no flags, width or
                // precision, written directly.
                let conversion = p[i]
                if next < args.count, let argv = args.baseAddress {
                    // Through the pointer: a buffer's subscript is a generic call in a debug build.
                    if conversion == 0x64, case .int(let negative, let magnitude) = argv[next] {
                        next &+= 1
                        appendDecimal(magnitude, negative: negative)
                        i &+= 1
                        continue
                    }
                    if conversion == 0x62 || conversion == 0x73, case .bytes(let data) = argv[next] {
                        next &+= 1
                        data.withUnsafeBytes { append($0) }
                        i &+= 1
                        continue
                    }
                }
                i = try specification(at: i, args)
            }
        }
        // CPython ignores a leftover single argument only when it is a mapping; none of ours is.
        if next != args.count {
            throw TypeError("not all arguments converted during bytes formatting")
        }
    }

    /// One conversion specification from just after its '%': flags, width, precision, length
    /// modifier and conversion, formatted; returns the index after it.
    mutating func specification(at start: Int, _ args: UnsafeBufferPointer<PyFormatValue>) throws -> Int {
        let format = self.format
        let n = format.count
        var i = start
        if format[i] == 0x28 { throw TypeError("format requires a mapping") }
        var spec = Spec()
        while i < n, let flag = Spec.flag(format[i]) { spec.flags.insert(flag); i += 1 }
        if i < n, format[i] == 0x2A {
            spec.width = try Self.intArgument(try take(args), "* wants int")
            // CPython negates a Py_ssize_t: the most negative stays negative, so no padding.
            if spec.width < 0 { spec.flags.insert(.left); spec.width = spec.width == Int.min ? 0 : -spec.width }
            i += 1
        } else {
            while i < n, (0x30...0x39).contains(format[i]) {
                let digit = Int(format[i] - 0x30)
                if spec.width > (Int.max - digit) / 10 { throw ValueError("width too big") }
                spec.width = spec.width * 10 + digit
                i += 1
            }
        }
        if i < n, format[i] == 0x2E {
            i += 1
            var precision = 0
            if i < n, format[i] == 0x2A {
                precision = Swift.max(try Self.intArgument(try take(args), "* wants int", cInt: true), 0)
                i += 1
            } else {
                while i < n, (0x30...0x39).contains(format[i]) {
                    let digit = Int(format[i] - 0x30)
                    if precision > (Int(Int32.max) - digit) / 10 { throw ValueError("prec too big") }
                    precision = precision * 10 + digit
                    i += 1
                }
            }
            spec.precision = precision
        }
        while i < n, format[i] == 0x68 || format[i] == 0x6C || format[i] == 0x4C { i += 1 }
        guard i < n else { throw ValueError("incomplete format") }
        let conversion = format[i]
        if conversion == 0x25 {
            append(0x25)
        } else {
            let value = try take(args)
            // Padding past 1 TiB: MemoryError without trying, as recv does (CPython's allocation fails).
            if spec.width > 1 << 40 { throw MemoryError() }
            try convert(conversion, value, spec, at: i)
        }
        return i + 1
    }

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

    /// A `*` argument as CPython reads it: an int (else `TypeError(message)`) that fits the C
    /// type (`Py_ssize_t`, or `int` for a precision; else its OverflowError).
    static func intArgument(_ value: PyFormatValue, _ message: String, cInt: Bool = false) throws -> Int {
        guard case .int(let negative, let magnitude) = value else { throw TypeError(message) }
        let limit = cInt ? UInt64(Int32.max) : UInt64(Int.max)
        if !negative && magnitude <= limit { return Int(magnitude) }
        if negative && magnitude <= limit { return -Int(magnitude) }
        if negative && magnitude == limit + 1 { return cInt ? Int(Int32.min) : Int.min }
        throw OverflowError("Python int too large to convert to C \(cInt ? "int" : "ssize_t")")
    }

    mutating func convert(_ conversion: UInt8, _ value: PyFormatValue, _ spec: Spec, at index: Int) throws {
        switch conversion {
        case 0x64, 0x69, 0x75:  // d i u
            switch value {
            case .int(let negative, let magnitude):
                number(magnitude, 10, upper: false, negative: negative, prefix: 0, spec)
            case .float(let x) where x.isFinite:
                let truncated = x.rounded(.towardZero)
                number(UInt64(Swift.min(truncated.magnitude, 1.8e19)), 10, upper: false, negative: truncated < 0, prefix: 0, spec)
            case .float:
                throw OverflowError("cannot convert float infinity to integer")
            default:
                throw TypeError("%\(Character(Unicode.Scalar(conversion))) format: a real number is required, not \(Self.typeName(value))")
            }
        case 0x78, 0x58, 0x6F:  // x X o
            guard case .int(let negative, let magnitude) = value else {
                throw TypeError("%\(Character(Unicode.Scalar(conversion))) format: an integer is required, not \(Self.typeName(value))")
            }
            let prefix = spec.flags.contains(.alternate) ? (conversion == 0x6F ? 0x6F : conversion) : 0
            number(magnitude, conversion == 0x6F ? 8 : 16, upper: conversion == 0x58, negative: negative, prefix: prefix, spec)
        case 0x62, 0x73:  // b s
            guard case .bytes(let data) = value else {
                throw TypeError("%b requires a bytes-like object, or an object that implements __bytes__, not '\(Self.typeName(value))'")
            }
            data.withUnsafeBytes { raw in
                text(UnsafeRawBufferPointer(start: raw.baseAddress, count: Swift.min(raw.count, spec.precision ?? raw.count)), spec)
            }
        case 0x72, 0x61:  // r a
            var shown: String
            switch value {
            case .int(let negative, let magnitude): shown = (negative ? "-" : "") + String(magnitude)
            case .bytes(let data): shown = data.debugDescription
            case .str(let string): shown = PyBytesFormatter.asciiRepr(string)
            case .float(let x): shown = Self.floatRepr(x)
            }
            shown.withUTF8 { utf8 in
                let raw = UnsafeRawBufferPointer(utf8)
                text(UnsafeRawBufferPointer(start: raw.baseAddress, count: Swift.min(raw.count, spec.precision ?? raw.count)), spec)
            }
        case 0x63:  // c
            switch value {
            case .int(let negative, let magnitude):
                guard !negative, magnitude < 256 else { throw OverflowError("%c arg not in range(256)") }
                var byte = UInt8(magnitude)
                Swift.withUnsafeBytes(of: &byte) { text($0, spec) }
            case .bytes(let data) where data.count == 1:
                data.withUnsafeBytes { text($0, spec) }
            default:
                throw TypeError("%c requires an integer in range(256) or a single byte")
            }
        default:
            let shown = conversion >= 0x20 && conversion < 0x7F ? String(Character(Unicode.Scalar(conversion))) : "?"
            throw ValueError("unsupported format character '\(shown)' (0x\(String(conversion, radix: 16))) at index \(index)")
        }
    }

    /// `%d` of an int with no flags: the sign and the digits.
    mutating func appendDecimal(_ value: UInt64, negative: Bool) {
        // Straight into the stack buffer when it has room (the common case): count the digits,
        // then write them backwards, with no scratch tuple (a generic call in a debug build).
        let length = _decimalLength(value, negative: negative)
        if spill == nil, used &+ length <= stack.count, let base = stack.baseAddress {
            _writeDecimal(value, negative: negative, length: length, to: (base + used).assumingMemoryBound(to: UInt8.self))
            used &+= length
            return
        }
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &buffer) { digits in
            var start = digits.count
            var v = value
            repeat {
                start -= 1
                digits[start] = 0x30 &+ UInt8(truncatingIfNeeded: v % 10)
                v /= 10
            } while v > 0
            if negative {
                start -= 1
                digits[start] = 0x2D
            }
            append(UnsafeRawBufferPointer(start: digits.baseAddress! + start, count: digits.count - start))
        }
    }

    /// A number with sign, `0x`/`0o` prefix (`prefix` is its letter, 0 for none), precision
    /// (minimum digits), width and the `0`/`-` flags; the digits are written on the stack.
    mutating func number(_ value: UInt64, _ radix: UInt64, upper: Bool, negative: Bool, prefix: UInt8, _ spec: Spec) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &buffer) { digits in
            var start = digits.count
            var v = value
            repeat {
                let d = UInt8(truncatingIfNeeded: v % radix)
                start -= 1
                digits[start] = d < 10 ? 0x30 + d : (upper ? 0x41 : 0x61) + d - 10
                v /= radix
            } while v > 0
            let count = digits.count - start
            let zeros = Swift.max((spec.precision ?? 0) - count, 0)
            let sign: UInt8 = negative ? 0x2D : spec.flags.contains(.sign) ? 0x2B : spec.flags.contains(.blank) ? 0x20 : 0
            let head = (sign != 0 ? 1 : 0) + (prefix != 0 ? 2 : 0)
            let fill = Swift.max(spec.width - head - zeros - count, 0)
            let left = spec.flags.contains(.left), zeroFill = spec.flags.contains(.zero) && !left
            if !left && !zeroFill { append(repeating: 0x20, count: fill) }
            if sign != 0 { append(sign) }
            if prefix != 0 { append(0x30); append(prefix) }
            if zeroFill { append(repeating: 0x30, count: fill) }
            append(repeating: 0x30, count: zeros)
            append(UnsafeRawBufferPointer(start: digits.baseAddress! + start, count: digits.count - start))
            if left { append(repeating: 0x20, count: fill) }
        }
    }

    /// Text padded to the width, on the left unless `-`.
    mutating func text(_ body: UnsafeRawBufferPointer, _ spec: Spec) {
        let fill = Swift.max(spec.width - body.count, 0)
        if !spec.flags.contains(.left) { append(repeating: 0x20, count: fill) }
        append(body)
        if spec.flags.contains(.left) { append(repeating: 0x20, count: fill) }
    }

    /// `ascii(s)`: the str's repr with every non-ASCII character escaped (Python builds it the
    /// same way, from `repr`).
    static func asciiRepr(_ string: String) -> String {
        var out = ""
        for scalar in pythonRepr(string).unicodeScalars {
            if scalar.value < 0x80 { out.unicodeScalars.append(scalar) } else { out += escapedScalar(scalar.value) }
        }
        return out
    }

    /// `repr(float)` for the values Swift prints alike: Swift's shortest round-trip digits.
    static func floatRepr(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return x.description
    }
}

extension bytes {
    /// Copies the bytes to `target`, which has room for `count` of them: a heap value with one
    /// memcpy, an inline one from its two words, with no closure (a debug build calls
    /// `withUnsafeBytes`' closure generically).
    func _copyBytes(to target: UnsafeMutablePointer<UInt8>) {
        let n = count
        if _isOnHeap {
            if n > 0, let source = _heapBase { UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: n) }
            return
        }
        // Inline: the words hold the bytes in memory order; one copy from a local of them
        // (`&words` is a plain address, where `withUnsafeBytes(of:)` is a generic call).
        if n > 0 {
            var words = _inline
            UnsafeMutableRawPointer(target).copyMemory(from: &words, byteCount: n)
        }
    }

    /// The count of the value at `item`, read from its stored fields in place (a debug build
    /// retains and releases a value it copies to call `count` on).
    static func _count(at item: UnsafePointer<bytes>) -> Int {
        let tag = item[0]._inlineCount
        return tag >= bytes._heapKinds ? Int(bitPattern: item[0]._inline.1) : Int(tag)
    }

    /// Copies the bytes of the value at `item` to `target` in place (an inline value from its
    /// own words where it lies, a heap one from its buffer), with one memcpy and no copy of
    /// the value; returns how many it copied.
    static func _copyBytes(at item: UnsafePointer<bytes>, to target: UnsafeMutablePointer<UInt8>) -> Int {
        let tag = item[0]._inlineCount
        if tag >= bytes._heapKinds {
            let n = Int(bitPattern: item[0]._inline.1)
            if n > 0, let source = UnsafeRawPointer(bitPattern: item[0]._inline.0) {
                UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: n)
            }
            return n
        }
        let n = Int(tag)
        if n > 0 {
            UnsafeMutableRawPointer(target).copyMemory(from: UnsafeRawPointer(item) + _inlineOffset, byteCount: n)
        }
        return n
    }

    /// Where a value's inline words lie within it.
    static let _inlineOffset = MemoryLayout<bytes>.offset(of: \bytes._inline) ?? 8

    /// An inline value of `count` (at most 16) bytes held in `words`, whose bytes past the count
    /// are zero.
    init(_inlineWords words: (UInt, UInt), count: Int) {
        self.init()
        _inline = words
        _inlineCount = UInt8(truncatingIfNeeded: count)
    }
}

/// How many bytes `%d` of an int takes: its sign and its decimal digits.
private func _decimalLength(_ magnitude: UInt64, negative: Bool) -> Int {
    var length = negative ? 2 : 1
    var rest = magnitude
    while rest >= 10 { rest /= 10; length &+= 1 }
    return length
}

/// Writes `%d` of an int, `length` bytes (from `_decimalLength`), at `p`: the sign, then the
/// digits backwards from the end.
private func _writeDecimal(_ magnitude: UInt64, negative: Bool, length: Int, to p: UnsafeMutablePointer<UInt8>) {
    if negative { p[0] = 0x2D }
    var at = length
    var v = magnitude
    repeat {
        at &-= 1
        p[at] = 0x30 &+ UInt8(truncatingIfNeeded: v % 10)
        v /= 10
    } while v > 0
}
