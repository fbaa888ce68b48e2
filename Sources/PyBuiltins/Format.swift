// format(value, spec): Python's format-specification mini-language for int, float, str and the values PyBuiltins renders.
import PySocket

/// `format(value, format_spec='')`: the value formatted by a Python format specification, as
/// f-strings and `str.format` do: `format(255, "#06x")` is `"0x00ff"`, `format(1 / 3, ".3f")` is
/// `"0.333"`, `format("ab", "*^6")` is `"**ab**"`, `format(1234567, ",")` is `"1,234,567"`.
///
/// Python: `format(value, format_spec)`.
/// - Throws: CPython's `ValueError` for a specification the value's type rejects (`Unknown
///   format code 's' for object of type 'int'`, `Cannot specify ',' with 'x'.`) and `TypeError`
///   for a non-empty specification on a value with no format of its own (`unsupported format
///   string passed to tuple.__format__`).
///
/// Differs from CPython: the `n` type formats as `d`/`g` (the C locale's digits), Swift's
/// integers are at most 64 bits, and a width or float precision past 2**28 raises `MemoryError`
/// (CPython tries to allocate the text).
public func format<Value>(_ value: Value, _ format_spec: String = "") throws -> String {
    try formatted(value, format_spec)
}

/// Python's `format(value, spec)` of any Swift value seen through `Any`.
func formatted(_ value: Any, _ spec: String) throws -> String {
    if let optional = value as? any PyOptionalValue {
        guard let wrapped = optional.pyWrapped else { return try formatObject(value, spec) }
        return try formatted(wrapped, spec)
    }
    if spec.isEmpty { return render(value, repr: false) }
    switch value {
    case let text as String: return try formatString(text, spec)
    case let text as Substring: return try formatString(String(text), spec)
    case let character as Character: return try formatString(String(character), spec)
    case let flag as Bool: return try formatInteger(flag ? 1 : 0, magnitude: flag ? 1 : 0, spec, typeName: "bool")
    case let number as any BinaryInteger: return try formatAnyInteger(number, spec)
    case let number as Double: return try formatFloat(number, spec)
    case let number as Float: return try formatFloat(Double(number), spec)
    default: break
    }
    // IntEnum and IntFlag members format as their number (Python 3.12+).
    if let member = value as? any RawRepresentable<Int>, pythonType(of: value).kind != "class" {
        return try formatAnyInteger(member.rawValue, spec)
    }
    return try formatObject(value, spec)
}

/// `object.__format__`: only the empty specification.
private func formatObject(_ value: Any, _ spec: String) throws -> String {
    guard spec.isEmpty else {
        throw TypeError("unsupported format string passed to \(pythonType(of: value).__name__).__format__")
    }
    return render(value, repr: false)
}

/// The longest text (in characters) a width or precision may ask for: beyond it `format` raises
/// `MemoryError` rather than letting Swift's allocator end the process.
let largestText = 1 << 28

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, read as CPython's
/// `parse_internal_render_format_spec` reads it.
struct FormatSpec {
    var fill: Character = " "
    var fillSpecified = false
    var align: Character?
    /// The sign character as written (`+`, `-`, ` `), nil when none was.
    var signFlag: Character?
    var zeroCoerce = false
    var alternate = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    var sign: Character { signFlag ?? "-" }

    /// Parses `spec` for a value whose default alignment is `defaultAlign` (`<` for str, `>` for
    /// numbers) and whose type is `defaultType` when none is written (`s`, `d`, or nil for float).
    init(_ spec: String, typeName: String, defaultAlign: Character, defaultType: Character?) throws {
        let characters = Array(spec)
        var i = 0
        let aligns: Set<Character> = ["<", ">", "=", "^"]
        if characters.count >= 2, aligns.contains(characters[1]) {
            fill = characters[0]
            fillSpecified = true
            align = characters[1]
            i = 2
        } else if let first = characters.first, aligns.contains(first) {
            align = first
            i = 1
        }
        if i < characters.count, "+- ".contains(characters[i]) {
            signFlag = characters[i]
            i += 1
        }
        if i < characters.count, characters[i] == "z" {
            zeroCoerce = true
            i += 1
        }
        if i < characters.count, characters[i] == "#" {
            alternate = true
            i += 1
        }
        // '0' is the zero-padding flag only when no fill character was written.
        if !fillSpecified, i < characters.count, characters[i] == "0" {
            fill = "0"
            if align == nil && defaultAlign == ">" { align = "=" }
            i += 1
        }
        width = try FormatSpec.number(characters, &i) ?? 0
        if i < characters.count, characters[i] == "," || characters[i] == "_" {
            grouping = characters[i]
            i += 1
            if i < characters.count, characters[i] == "," || characters[i] == "_" {
                throw ValueError("Cannot specify both ',' and '_'.")
            }
        }
        if i < characters.count, characters[i] == "." {
            i += 1
            guard let digits = try FormatSpec.number(characters, &i) else {
                throw ValueError("Format specifier missing precision")
            }
            precision = digits
        }
        if characters.count - i > 1 {
            throw ValueError("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        type = i < characters.count ? characters[i] : defaultType
        if let grouping {
            let allowed: Set<Character?> = ["d", "e", "f", "g", "E", "G", "%", "F", nil]
            if !allowed.contains(type) && !(grouping == "_" && type.map({ "boxX".contains($0) }) == true) {
                throw ValueError("Cannot specify '\(grouping)' with '\(type.map(String.init) ?? "")'.")
            }
        }
    }

    /// The decimal number at `i`, if any, moving `i` past it.
    private static func number(_ characters: [Character], _ i: inout Int) throws -> Int? {
        var value: Int?
        while i < characters.count, let digit = characters[i].wholeNumberValue, characters[i].isASCII {
            let (times, o1) = (value ?? 0).multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(digit)
            if o1 || o2 { throw ValueError("Too many decimal digits in format string") }
            value = sum
            i += 1
        }
        return value
    }

    /// `body` padded to the width: `prefix` (sign, `0x`) goes before the padding for `=`.
    /// A width past `largestText` raises `MemoryError`, where CPython tries to allocate it.
    func pad(_ body: String, prefix: String = "", defaultAlign: Character) throws -> String {
        let length = len(prefix) + len(body)
        guard width > length else { return prefix + body }
        if width > largestText { throw MemoryError() }
        let padding = width - length
        switch align ?? defaultAlign {
        case "<": return prefix + body + String(repeating: fill, count: padding)
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + prefix + body + String(repeating: fill, count: padding - left)
        case "=": return prefix + String(repeating: fill, count: padding) + body
        default: return String(repeating: fill, count: padding) + prefix + body
        }
    }

    /// The sign prefix of a number.
    func signText(negative: Bool) -> String {
        if negative { return "-" }
        switch sign {
        case "+": return "+"
        case " ": return " "
        default: return ""
        }
    }
}

private func formatString(_ text: String, _ spec: String) throws -> String {
    let format = try FormatSpec(spec, typeName: "str", defaultAlign: "<", defaultType: "s")
    if let type = format.type, type != "s" {
        throw ValueError("Unknown format code '\(type)' for object of type 'str'")
    }
    if let sign = format.signFlag {
        throw ValueError(sign == " " ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier")
    }
    if format.zeroCoerce { throw ValueError("Negative zero coercion (z) not allowed in string format specifier") }
    if format.alternate { throw ValueError("Alternate form (#) not allowed in string format specifier") }
    if format.align == "=" { throw ValueError("'=' alignment not allowed in string format specifier") }
    var body = text
    if let precision = format.precision, len(text) > precision {
        body = String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision)))
    }
    return try format.pad(body, defaultAlign: "<")
}

private func formatAnyInteger<Integer: BinaryInteger>(_ number: Integer, _ spec: String) throws -> String {
    // A 128-bit value past 64 bits cannot be formatted here (CPython's int can): an error, not a trap.
    guard let magnitude = UInt64(exactly: number.magnitude) else {
        throw OverflowError("int too large to format (more than 64 bits)")
    }
    return try formatInteger(number < 0 ? -1 : 1, magnitude: magnitude, spec, typeName: "int")
}

/// An integer of sign `sign` (-1 or 1) and `magnitude`.
private func formatInteger(_ sign: Int, magnitude: UInt64, _ spec: String, typeName: String) throws -> String {
    let format = try FormatSpec(spec, typeName: typeName, defaultAlign: ">", defaultType: "d")
    let negative = sign < 0 && magnitude != 0
    switch format.type {
    case "e", "E", "f", "F", "g", "G", "%":
        let value = negative ? -Double(magnitude) : Double(magnitude)
        return try formatFloat(value, spec)
    case "b", "c", "d", "o", "x", "X", "n": break
    case let other:
        throw ValueError("Unknown format code '\(other.map(String.init) ?? "")' for object of type '\(typeName)'")
    }
    if format.precision != nil { throw ValueError("Precision not allowed in integer format specifier") }
    if format.zeroCoerce { throw ValueError("Negative zero coercion (z) not allowed in integer format specifier") }
    let radix: Int
    var prefix = ""
    switch format.type {
    case "b": radix = 2; prefix = "0b"
    case "o": radix = 8; prefix = "0o"
    case "x": radix = 16; prefix = "0x"
    case "X": radix = 16; prefix = "0X"
    case "c":
        if format.signFlag != nil { throw ValueError("Sign not allowed with integer format specifier 'c'") }
        if format.alternate { throw ValueError("Alternate form (#) not allowed with integer format specifier 'c'") }
        guard !negative, magnitude <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(magnitude)) else {
            throw OverflowError("%c arg not in range(0x110000)")
        }
        return try format.pad(String(Character(scalar)), defaultAlign: ">")
    default: radix = 10
    }
    var digits = String(magnitude, radix: radix)
    if format.type == "X" { digits = digits.uppercased() }
    let lead = format.signText(negative: negative) + (format.alternate ? prefix : "")
    if let grouping = format.grouping {
        digits = try grouped(digits, separator: grouping, every: radix == 10 ? 3 : 4,
                         minimum: format.align == "=" && format.fill == "0" ? format.width - len(lead) : 0)
    }
    return try format.pad(digits, prefix: lead, defaultAlign: ">")
}

/// `digits` with `separator` every `every` digits from the right; zero-padded first so that the
/// result is at least `minimum` long (Python's `format(1234, "08,")` is `0,001,234`).
private func grouped(_ digits: String, separator: Character, every: Int, minimum: Int) throws -> String {
    if minimum > largestText { throw MemoryError() }
    // The fewest digits whose grouped length reaches `minimum` (a leading separator is never
    // written, so a zero more is added instead).
    var count = Swift.max(digits.count, minimum * every / (every + 1))
    while count + (count - 1) / every < minimum { count += 1 }
    let padded = Array(String(repeating: "0", count: count - digits.count) + digits)
    var out: [Character] = []
    out.reserveCapacity(count + count / every)
    for (offset, character) in padded.reversed().enumerated() {
        if offset > 0 && offset % every == 0 { out.append(separator) }
        out.append(character)
    }
    return String(out.reversed())
}

private func formatFloat(_ value: Double, _ spec: String) throws -> String {
    let format = try FormatSpec(spec, typeName: "float", defaultAlign: ">", defaultType: nil)
    var type = format.type
    if type == "n" { type = "g" }
    if let other = type, !"eEfFgG%".contains(other) {
        throw ValueError("Unknown format code '\(other)' for object of type 'float'")
    }
    if let precision = format.precision, precision > Int(Int32.max) { throw ValueError("precision too big") }
    if let precision = format.precision, precision > largestText { throw MemoryError() }
    var magnitude = abs(value)
    var negative = value.sign == .minus && !value.isNaN
    var body: String
    if !magnitude.isFinite {
        body = magnitude.isNaN ? "nan" : "inf"
        if type == "E" || type == "F" || type == "G" { body = body.uppercased() }
        if type == "%" { body += "%" }
    } else {
        switch type {
        case nil:
            if let precision = format.precision {
                body = generalWithDot(magnitude, precision: precision, alternate: format.alternate)
            } else if format.alternate {
                // repr with the decimal point kept: `format(1e16, "#")` is `1.e+16`.
                body = pythonFloatRepr(magnitude)
                if !body.contains("."), let e = body.firstIndex(of: "e") { body.insert(".", at: e) }
            } else {
                body = pythonFloatRepr(magnitude)
            }
        case "%":
            magnitude *= 100
            body = cFormat(magnitude, "f", precision: format.precision ?? 6, alternate: format.alternate) + "%"
        case let conversion?:
            body = cFormat(magnitude, conversion, precision: format.precision ?? 6, alternate: format.alternate)
        }
        if format.zeroCoerce && negative && body.allSatisfy({ !"123456789".contains($0) }) { negative = false }
    }
    if let grouping = format.grouping, magnitude.isFinite {
        let end = body.firstIndex(where: { !$0.isNumber }) ?? body.endIndex
        let lead = format.signText(negative: negative)
        let minimum = format.align == "=" && format.fill == "0" ? format.width - len(lead) - len(body[end...]) : 0
        body = try grouped(String(body[..<end]), separator: grouping, every: 3, minimum: minimum) + body[end...]
    }
    return try format.pad(body, prefix: format.signText(negative: negative), defaultAlign: ">")
}

/// `round(number)`: the nearest integer, a half rounding to the even one (`round(2.5)` is 2), as
/// Python's `round` does.
///
/// Python: `round(float)`.
/// - Throws: `ValueError('cannot convert float NaN to integer')`, `OverflowError('cannot
///   convert float infinity to integer')`.
public func round(_ number: Double) throws -> Int {
    try int(number.rounded(.toNearestOrEven))
}

/// `round(number, ndigits)`: the float nearest to `number` rounded to `ndigits` decimal places
/// (negative: to tens, hundreds...), a half rounding to even on the exact decimal value:
/// `round(2.675, 2)` is `2.67`, as in CPython.
///
/// Python: `round(float, ndigits)`.
public func round(_ number: Double, _ ndigits: Int) -> Double {
    guard number.isFinite, number != 0 else { return number }
    if ndigits >= 0 {
        // Beyond 17 significant digits a double is already exact at that precision.
        if ndigits > 323 { return number }
        return Double(cFormat(number, "f", precision: ndigits, alternate: false)) ?? number
    }
    if ndigits < -308 { return 0.0 * number }
    var scale = 1.0
    for _ in 0..<(-ndigits) { scale *= 10 }
    return (number / scale).rounded(.toNearestOrEven) * scale
}

/// `divmod(a, b)`: `(a // b, a % b)` with Python's floor division, whose remainder takes the
/// sign of `b` (`divmod(-7, 2)` is `(-4, 1)`, where Swift's `-7 / 2, -7 % 2` are `-3, -1`).
///
/// Python: `divmod(int, int)`.
/// - Throws: `ZeroDivisionError('integer division or modulo by zero')`, and `OverflowError` for
///   `divmod(Int.min, -1)` (Python's ints have no limit).
public func divmod(_ a: Int, _ b: Int) throws -> (Int, Int) {
    guard b != 0 else { throw ZeroDivisionError("integer division or modulo by zero") }
    let (quotient, overflow) = a.dividedReportingOverflow(by: b)
    if overflow { throw OverflowError("Python int too large to convert to C long") }
    let remainder = a - quotient * b
    if remainder != 0 && (remainder < 0) != (b < 0) { return (quotient - 1, remainder + b) }
    return (quotient, remainder)
}

/// Python's float format with a precision and no type: like `g`, but the exponent form is
/// chosen from one digit earlier and a fixed-point result keeps one digit after the point
/// (`format(123.0, ".3")` is `1.23e+02`, `format(2.0, ".3")` is `2.0`).
private func generalWithDot(_ magnitude: Double, precision: Int, alternate: Bool) -> String {
    let digits = Swift.max(precision, 1)
    let scientific = cFormat(magnitude, "e", precision: digits - 1, alternate: alternate)
    guard let e = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: e)...]) else {
        return scientific
    }
    let point = exponent + 1
    func trimmed(_ text: Substring) -> String {
        guard !alternate, text.contains(".") else { return String(text) }
        var t = text
        while t.last == "0" { t.removeLast() }
        if t.last == "." { t.removeLast() }
        return String(t)
    }
    if point <= -4 || point > digits - 1 {
        return trimmed(scientific[..<e]) + scientific[e...]
    }
    var fixed = trimmed(Substring(cFormat(magnitude, "f", precision: digits - point, alternate: alternate)))
    if !fixed.contains(".") { fixed += ".0" }
    return fixed
}
