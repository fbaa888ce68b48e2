// f-strings, str.format and str % args: Python's three ways of formatting text, for a ported program.
import PySocket

extension DefaultStringInterpolation {
    // Importing PyBuiltins makes a file's string interpolation Python's f-string: `"\(flag)"` is
    // `True`, `"\(timeout)"` of a nil optional is `None`, `"\(["a"])"` is `['a']`. These overloads
    // have the signatures of the standard library's, which they shadow in an importing file.

    /// `f"{value}"`: the value as Python's `str()` prints it (`True`, `None`, `0.1`, `('a', 1)`).
    ///
    /// Python: an f-string replacement field, `format(value, '')`.
    public mutating func appendInterpolation<T>(_ value: T) {
        appendLiteral(render(value, repr: false))
    }

    /// `f"{value}"` of a `CustomStringConvertible` value: Python's `str()` of it.
    ///
    /// Python: an f-string replacement field.
    public mutating func appendInterpolation<T>(_ value: T) where T: CustomStringConvertible {
        appendLiteral(render(value, repr: false))
    }

    /// `f"{value}"` of a `TextOutputStreamable` value: Python's `str()` of it.
    ///
    /// Python: an f-string replacement field.
    public mutating func appendInterpolation<T>(_ value: T) where T: TextOutputStreamable {
        appendLiteral(render(value, repr: false))
    }

    /// `f"{value}"` of a value that is both `TextOutputStreamable` and `CustomStringConvertible`
    /// (`String`, `Bool`, the integers): Python's `str()` of it.
    ///
    /// Python: an f-string replacement field.
    public mutating func appendInterpolation<T>(_ value: T) where T: TextOutputStreamable, T: CustomStringConvertible {
        appendLiteral(render(value, repr: false))
    }

    /// `f"{value}"` of an optional: `None` for nil, else the value as Python prints it.
    ///
    /// Python: an f-string replacement field.
    public mutating func appendInterpolation<T>(_ value: T?) {
        appendLiteral(render(value as Any, repr: false))
    }

    /// `f"{value:spec}"`: the value formatted by a Python format specification:
    /// `"\(port, ">6")"` for `f"{port:>6}"`, `"\(t, ".3f")"` for `f"{t:.3f}"`,
    /// `"\(repr(name), "<10")"` for `f"{name!r:<10}"`. The literal needs `try`.
    ///
    /// Python: an f-string replacement field with a format specification.
    /// - Throws: what `format(value, spec)` throws.
    public mutating func appendInterpolation<T>(_ value: T, _ spec: String) throws {
        appendLiteral(try formatted(value, spec))
    }

    /// `f"{value:spec}"` of an optional: `format(None, spec)` for nil (CPython's `TypeError` for
    /// a non-empty spec), else the value formatted.
    ///
    /// Python: an f-string replacement field with a format specification.
    /// - Throws: what `format(value, spec)` throws.
    public mutating func appendInterpolation<T>(_ value: T?, _ spec: String) throws {
        appendLiteral(try formatted(value as Any, spec))
    }
}

extension String {
    /// `s % values`: printf-style formatting: `"%s:%d" % (host, port)`, `"%5.1f%%" % pct`,
    /// `"%(host)s" % ["host": h]`. A tuple supplies one value per conversion; anything else is
    /// the one value (a `dict` or Swift dictionary is the mapping of `%(name)s`).
    ///
    /// Conversions: `%s %r %a %d %i %u %x %X %o %c %e %E %f %F %g %G %%` with flags `-+ #0`,
    /// width and precision (`*` too).
    ///
    /// Python: `str.__mod__`.
    /// - Throws: CPython's `TypeError`s (`not enough arguments for format string`, `not all
    ///   arguments converted during string formatting`, `%d format: a real number is required, not
    ///   str`) and `ValueError`s (`unsupported format character 'q' (0x71) at index 1`,
    ///   `incomplete format`).
    ///
    /// Differs from CPython: Swift has no 1-tuple, so `"%s" % (t,)` of a tuple `t` is written
    /// `"%s" % str(t)`.
    public static func % <Values>(lhs: String, rhs: Values) throws -> String {
        try percentFormat(lhs, rhs)
    }

    // The overloads below have the shapes of `bytes % ...` (whose operands are constrained to
    // `PyFormatArgument`). Without them the type checker, favouring the overload whose shape
    // matches the operands, picks `bytes.%` for a string literal whose result type is free
    // (`print("%s=%d" % (name, n))`) and never weighs this one; with them, the literal's default
    // type, String, wins, as Python's `str % tuple` does.

    /// `s % value` of one value that bytes formatting also accepts.
    ///
    /// Python: `str.__mod__`.
    public static func % <T: PyFormatArgument>(lhs: String, rhs: T) throws -> String {
        try percentFormat(lhs, rhs)
    }

    /// `s % (v1, v2, ...)` of values that bytes formatting also accepts.
    ///
    /// Python: `str.__mod__`.
    public static func % <each T: PyFormatArgument>(lhs: String, rhs: (repeat each T)) throws -> String {
        try percentFormat(lhs, (repeat each rhs))
    }

    /// `s % (v1, v2)` of values that bytes formatting also accepts.
    ///
    /// Python: `str.__mod__`.
    public static func % <A: PyFormatArgument, B: PyFormatArgument>(lhs: String, rhs: (A, B)) throws -> String {
        try percentFormat(lhs, rhs)
    }

    /// `s % (v1, v2, v3)` of values that bytes formatting also accepts.
    ///
    /// Python: `str.__mod__`.
    public static func % <A: PyFormatArgument, B: PyFormatArgument, C: PyFormatArgument>(lhs: String, rhs: (A, B, C)) throws -> String {
        try percentFormat(lhs, rhs)
    }

    /// `s.format(*args, **kwargs)`: `"{} {}".format(a, b)`, `"{0}-{1}-{0}".format(a, b)`,
    /// `"{name}={value:04d}".format(name: n, value: v)`, `"{:>{}}".format(x, width)`. Call it
    /// with `try`: `try "{}".format(x)`.
    ///
    /// Python: `str.format`.
    /// - Throws: CPython's `IndexError` (`Replacement index 1 out of range for positional args
    ///   tuple`), `KeyError`, and `ValueError`s (`Single '}' encountered in format string`, `cannot
    ///   switch from automatic field numbering to manual field specification`).
    ///
    /// Differs from CPython: `{0[1]}` and `{0.attr}` (item and attribute access) raise
    /// `ValueError`.
    public var format: PyStrFormat { PyStrFormat(template: self) }
}

/// The callable `s.format` returns: `try s.format(a, b, name: c)`.
///
/// Python: the bound method `str.format`.
@dynamicCallable
public struct PyStrFormat {
    let template: String

    /// `s.format(*args, **kwargs)`: unlabelled arguments are positional (a `*items` argument
    /// spreads its items among them, as Python's `*` does), labelled ones keywords.
    ///
    /// Python: `str.format(*args, **kwargs)`.
    public func dynamicallyCall(withKeywordArguments arguments: KeyValuePairs<String, Any?>) throws -> String {
        var positional: [Any?] = []
        var keywords: [String: Any?] = [:]
        for (label, value) in arguments {
            if label.isEmpty {
                if let starred = value as? Starred {
                    positional.append(contentsOf: starred.items.map { $0 as Any? })  // "{}:{}".format(*address)
                } else {
                    positional.append(value)
                }
            } else {
                keywords[label] = value
            }
        }
        var automatic: Int? = 0
        return try braceFormat(template, positional, keywords, &automatic, depth: 2)
    }
}

/// `str.format`'s engine: the replacement fields of `template`, `depth` levels of nesting allowed.
private func braceFormat(
    _ template: String, _ positional: [Any?], _ keywords: [String: Any?], _ automatic: inout Int?, depth: Int
) throws -> String {
    guard depth > 0 else { throw ValueError("Max string recursion exceeded") }
    let characters = Array(template)
    var out = ""
    var i = 0
    while i < characters.count {
        let c = characters[i]
        if c == "}" {
            guard i + 1 < characters.count, characters[i + 1] == "}" else {
                throw ValueError("Single '}' encountered in format string")
            }
            out.append("}")
            i += 2
            continue
        }
        guard c == "{" else {
            out.append(c)
            i += 1
            continue
        }
        if i + 1 < characters.count, characters[i + 1] == "{" {
            out.append("{")
            i += 2
            continue
        }
        // The field runs to the matching '}', nested braces counted.
        var level = 1
        var end = i + 1
        while end < characters.count {
            if characters[end] == "{" { level += 1 }
            if characters[end] == "}" { level -= 1; if level == 0 { break } }
            end += 1
        }
        guard end < characters.count else {
            throw ValueError(level > 1 ? "expected '}' before end of string" : "Single '{' encountered in format string")
        }
        let field = characters[(i + 1)..<end]
        i = end + 1
        var name = field[...]
        var conversion: Character?
        var spec = ""
        if let colon = field.firstIndex(of: ":") {
            name = field[..<colon]
            spec = String(field[(colon + 1)...])
        }
        if let bang = name.firstIndex(of: "!") {
            guard bang + 2 == name.endIndex else {
                throw ValueError(bang + 1 == name.endIndex ? "end of string while looking for conversion specifier"
                                                          : "expected ':' after conversion specifier")
            }
            conversion = name[bang + 1]
            name = name[..<bang]
        }
        let value = try fieldValue(String(name), positional, keywords, &automatic)
        if spec.contains("{") {
            spec = try braceFormat(spec, positional, keywords, &automatic, depth: depth - 1)
        }
        var shown: Any? = value
        switch conversion {
        case nil: break
        case "r", "a": shown = render(value as Any, repr: true)
        case "s": shown = render(value as Any, repr: false)
        case let other?: throw ValueError("Unknown conversion specifier \(other)")
        }
        out += try formatted(shown as Any, spec)
    }
    return out
}

/// The argument a field's name selects: automatic (`{}`), by index (`{0}`) or by keyword.
private func fieldValue(_ name: String, _ positional: [Any?], _ keywords: [String: Any?], _ automatic: inout Int?) throws -> Any? {
    if name.contains(where: { $0 == "." || $0 == "[" }) {
        throw ValueError("PyBuiltins' str.format has no attribute or item access in field '\(name)'")
    }
    let index: Int
    if name.isEmpty {
        guard let next = automatic else {
            throw ValueError("cannot switch from manual field specification to automatic field numbering")
        }
        index = next
        automatic = next + 1
    } else if let number = Int(name), name.allSatisfy({ $0.isASCII && $0.isNumber }) {
        if let next = automatic, next > 0 {
            throw ValueError("cannot switch from automatic field numbering to manual field specification")
        }
        automatic = nil
        index = number
    } else {
        guard let value = keywords[name] else { throw KeyError(name) }
        return value
    }
    guard index < positional.count else {
        throw IndexError("Replacement index \(index) out of range for positional args tuple")
    }
    return positional[index]
}

/// `str % values`: the values spread from a tuple, or the one value (a mapping for `%(name)s`).
private func percentFormat(_ template: String, _ values: Any) throws -> String {
    var arguments: [Any] = [values]
    var isTuple = false
    var mapping: (any PyDictValue)?
    if let optional = values as? any PyOptionalValue, optional.pyWrapped == nil {
        arguments = [values]
    } else if let elements = tupleElements(values), elements.count >= 2 {
        arguments = elements
        isTuple = true
    } else if let dictionary = values as? any PyDictValue {
        mapping = dictionary
    }
    return try percentFormat(template, arguments, isTuple: isTuple, mapping: mapping)
}

/// `msg % args` as logging does it: the arguments as a tuple, or one mapping.
func percentFormat(_ template: String, arguments: [Any]) throws -> String {
    if arguments.count == 1, let dictionary = arguments[0] as? any PyDictValue, !dictionary.pyItems.isEmpty {
        return try percentFormat(template, arguments, isTuple: false, mapping: dictionary)
    }
    return try percentFormat(template, arguments, isTuple: true, mapping: nil)
}

/// The engine of `str % values`.
private func percentFormat(_ template: String, _ arguments: [Any], isTuple: Bool, mapping: (any PyDictValue)?) throws -> String {
    let characters = Array(template)
    var out = ""
    var next = 0
    var i = 0
    func take() throws -> Any {
        guard next < arguments.count else { throw TypeError("not enough arguments for format string") }
        defer { next += 1 }
        return arguments[next]
    }
    func starValue() throws -> Int {
        let value = try take()
        guard let number = value as? any BinaryInteger, let int = Int(exactly: number) else {
            throw TypeError("* wants int")
        }
        return int
    }
    while i < characters.count {
        if characters[i] != "%" {
            out.append(characters[i])
            i += 1
            continue
        }
        let start = i
        i += 1
        var value: Any?
        if i < characters.count, characters[i] == "(" {
            guard let mapping else { throw TypeError("format requires a mapping") }
            var level = 1
            var end = i + 1
            while end < characters.count, level > 0 {
                if characters[end] == "(" { level += 1 }
                if characters[end] == ")" { level -= 1 }
                end += 1
            }
            guard level == 0 else { throw ValueError("incomplete format key") }
            let key = String(characters[(i + 1)..<(end - 1)])
            guard let item = mapping.pyItems.first(where: { render($0.key, repr: false) == key && pythonType(of: $0.key).__name__ == "str" }) else {
                throw KeyError(key)
            }
            value = item.value
            i = end
        }
        var flags = Set<Character>()
        while i < characters.count, "-+ #0".contains(characters[i]) {
            flags.insert(characters[i])
            i += 1
        }
        // A width or precision: `*` takes the next value, else the digits (at most a C int).
        func number(_ tooBig: String) throws -> Int? {
            if i < characters.count, characters[i] == "*" {
                let star = try starValue()
                guard star.magnitude <= UInt(Int32.max) else { throw OverflowError("Python int too large to convert to C int") }
                i += 1
                return star
            }
            var value: Int?
            while i < characters.count, let digit = characters[i].wholeNumberValue, characters[i].isASCII {
                let (times, o1) = (value ?? 0).multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(digit)
                if o1 || o2 || sum > Int(Int32.max) { throw ValueError(tooBig) }
                value = sum
                i += 1
            }
            return value
        }
        var width = try number("width too big")
        if let star = width, star < 0 {
            flags.insert("-")
            width = -star
        }
        var precision: Int?
        if i < characters.count, characters[i] == "." {
            i += 1
            precision = max(0, try number("precision too big") ?? 0)
        }
        while i < characters.count, "hlL".contains(characters[i]) { i += 1 }
        guard i < characters.count else { throw ValueError("incomplete format") }
        let conversion = characters[i]
        i += 1
        if conversion == "%" && start + 1 == i - 1 {
            out.append("%")
            continue
        }
        if value == nil && mapping == nil { value = try take() }
        if value == nil, mapping != nil {
            // `%s` beside `%(name)s`: the mapping itself is the value, as in CPython.
            value = mapping.map { $0 as Any }
        }
        out += try percentConversion(value as Any, conversion, flags: flags, width: width, precision: precision,
                                     index: i - 1)
    }
    if mapping == nil, next < arguments.count, isTuple || next == 0 {
        throw TypeError("not all arguments converted during string formatting")
    }
    return out
}

/// One `%` conversion of `value`.
private func percentConversion(
    _ value: Any, _ conversion: Character, flags: Set<Character>, width: Int?, precision: Int?, index: Int
) throws -> String {
    let align = flags.contains("-") ? "<" : ">"
    let widthText = width.map(String.init) ?? ""
    switch conversion {
    case "s", "r", "a":
        var text = render(value, repr: conversion != "s")
        if let precision, len(text) > precision {
            text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision)))
        }
        return try formatted(text, align + widthText)
    case "d", "i", "u", "x", "X", "o", "e", "E", "f", "F", "g", "G":
        let integerOnly = "xXo".contains(conversion)
        var number: Any
        switch unwrapped(value) {
        case let flag as Bool: number = flag ? 1 : 0
        case let integer as any BinaryInteger: number = integer
        case let member as any RawRepresentable<Int>: number = member.rawValue
        case let real as Double where !integerOnly: number = real
        case let real as Float where !integerOnly: number = Double(real)
        case let other:
            let kind = integerOnly ? "an integer is required" : "a real number is required"
            throw TypeError("%\(conversion) format: \(kind), not \(pythonType(of: other).__name__)")
        }
        var type = String(conversion)
        if "diu".contains(conversion) {
            type = "d"
            if let real = number as? Double { number = try int(real) }
        }
        // [align][sign][#][0]: the '0' flag pads after the sign, as '=' alignment does.
        let zeroPad = flags.contains("0") && !flags.contains("-")
        var spec = zeroPad ? "" : align
        if flags.contains("+") { spec += "+" } else if flags.contains(" ") { spec += " " }
        if flags.contains("#") { spec += "#" }
        if zeroPad { spec += "0" }
        if type == "d" || integerOnly {
            // An integer's precision is its minimum number of digits.
            var digits = try formatted(number, (flags.contains("#") ? "#" : "") + type)
            if let precision {
                let sign = digits.hasPrefix("-") ? "-" : ""
                if !sign.isEmpty { digits.removeFirst() }
                let prefix = flags.contains("#") && !integerOnly ? "" : String(digits.prefix(flags.contains("#") ? 2 : 0))
                var body = String(digits.dropFirst(prefix.count))
                if body.count < precision { body = String(repeating: "0", count: precision - body.count) + body }
                let lead = sign.isEmpty ? (flags.contains("+") ? "+" : flags.contains(" ") ? " " : "") : sign
                let text = lead + prefix + body
                return try formatted(text, (flags.contains("-") ? "<" : ">") + widthText)
            }
            return try formatted(number, spec + widthText + type)
        }
        return try formatted(number, spec + widthText + (precision.map { ".\($0)" } ?? "") + type)
    case "c":
        switch unwrapped(value) {
        case let text as String where len(text) == 1: return try formatted(text, align + widthText)
        case let integer as any BinaryInteger:
            guard let code = Int(exactly: integer), (0...0x10FFFF).contains(code),
                  let scalar = Unicode.Scalar(UInt32(code)) else {
                throw OverflowError("%c arg not in range(0x110000)")
            }
            return try formatted(String(Character(scalar)), align + widthText)
        default:
            throw TypeError("%c requires an int or a unicode character, not \(pythonType(of: value).__name__)")
        }
    default:
        let code = String(conversion.unicodeScalars.first?.value ?? 0, radix: 16)
        throw ValueError("unsupported format character '\(conversion)' (0x\(code)) at index \(index)")
    }
}

/// The value inside an optional (or the value itself).
private func unwrapped(_ value: Any) -> Any {
    if let optional = value as? any PyOptionalValue, let wrapped = optional.pyWrapped { return unwrapped(wrapped) }
    return value
}
