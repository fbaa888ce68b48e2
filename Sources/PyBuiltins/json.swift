// json: dumps and loads of Python's plain values, for JSON-over-socket protocols.
import PySocket

/// `import json`: `json.dumps(obj)` writes Python's plain values (`dict`, lists and tuples, str,
/// int, float, bool, None) as CPython's json module writes them; `json.loads(text)` reads them back
/// as `dict<String, Any?>`, `[Any?]`, `String`, `Int`, `Double`, `Bool` and `nil`, which print as
/// Python prints the values `json.loads` returns.
///
/// Python: `json`.
///
/// Differs from CPython: `loads` returns `Any?` (cast a member to the type you expect:
/// `msg as! dict<String, Any?>`); no `default=`, `cls=`, `object_hook=` or `ensure_ascii=False`;
/// an integer beyond `Int` reads as a `Double`.
public enum json {
    /// `json.JSONDecodeError`: text that is not JSON, with CPython's message and position
    /// (`Expecting value: line 1 column 1 (char 0)`).
    ///
    /// Python: `json.JSONDecodeError`.
    open class JSONDecodeError: ValueError, @unchecked Sendable {
        /// `e.msg`: the message without the position (`Expecting value`).
        ///
        /// Python: `JSONDecodeError.msg`.
        public internal(set) var msg = ""

        /// `e.doc`: the text being parsed.
        ///
        /// Python: `JSONDecodeError.doc`.
        public internal(set) var doc = ""

        /// `e.pos`: where parsing failed, counted in code points from the start.
        ///
        /// Python: `JSONDecodeError.pos`.
        public internal(set) var pos = 0

        /// `e.lineno`: the line of `pos`, from 1.
        ///
        /// Python: `JSONDecodeError.lineno`.
        public internal(set) var lineno = 0

        /// `e.colno`: the column of `pos`, from 1.
        ///
        /// Python: `JSONDecodeError.colno`.
        public internal(set) var colno = 0
    }

    /// `json.dumps(obj, indent=None, sort_keys=False)`: the JSON text of `obj`, with CPython's
    /// separators (`", "` and `": "`, or `","` and newlines with `indent`), ASCII only (`\u00e9`),
    /// `NaN`/`Infinity` for those floats; raises CPython's `TypeError('Object of type bytes is not
    /// JSON serializable')` for other values.
    ///
    /// Python: `json.dumps`.
    public static func dumps(_ obj: Any?, indent: Int? = nil, sort_keys: Bool = false) throws -> String {
        var out = ""
        try write(obj, into: &out, indent: indent, level: 0, sortKeys: sort_keys)
        return out
    }

    /// `json.loads(s)`: the value JSON text `s` (a str, or UTF-8 `bytes`) holds.
    ///
    /// Python: `json.loads`.
    /// - Throws: `json.JSONDecodeError` with CPython's message and position.
    public static func loads(_ s: String) throws -> Any? {
        var parser = Parser(Array(s.unicodeScalars))
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        if parser.index < parser.text.count { throw parser.error("Extra data", at: parser.index) }
        return value
    }

    /// `json.loads(b)` of UTF-8 bytes.
    ///
    /// Python: `json.loads(bytes)`.
    public static func loads(_ b: bytes) throws -> Any? {
        try loads(try b.decode())
    }

    private static func write(_ value: Any?, into out: inout String, indent: Int?, level: Int, sortKeys: Bool) throws {
        guard let value else {
            out += "null"
            return
        }
        if let optional = value as? any PyOptionalValue {
            guard let wrapped = optional.pyWrapped else {
                out += "null"
                return
            }
            try write(wrapped, into: &out, indent: indent, level: level, sortKeys: sortKeys)
            return
        }
        switch value {
        case let flag as Bool: out += flag ? "true" : "false"
        case let number as any BinaryInteger: out += String(describing: number)
        case let number as Double: out += floatText(number)
        case let number as Float: out += floatText(Double(number))
        case let text as String: out += quoted(text)
        case let text as Substring: out += quoted(String(text))
        case is bytes: throw TypeError("Object of type bytes is not JSON serializable")
        case let mapping as any PyDictValue:
            var items = try mapping.pyItems.map { (try keyText($0.key), $0.value) }
            if sortKeys { items.sort { $0.0 < $1.0 } }
            try container("{", "}", items.count, into: &out, indent: indent, level: level) { index, out in
                out += quoted(items[index].0) + ": "
                try write(items[index].1, into: &out, indent: indent, level: level + 1, sortKeys: sortKeys)
            }
        case let list as any PyListValue:
            let elements = list.pyElements
            try container("[", "]", elements.count, into: &out, indent: indent, level: level) { index, out in
                try write(elements[index], into: &out, indent: indent, level: level + 1, sortKeys: sortKeys)
            }
        default:
            if let elements = tupleElements(value), !elements.isEmpty {
                try container("[", "]", elements.count, into: &out, indent: indent, level: level) { index, out in
                    try write(elements[index], into: &out, indent: indent, level: level + 1, sortKeys: sortKeys)
                }
                return
            }
            throw TypeError("Object of type \(pythonType(of: value).__name__) is not JSON serializable")
        }
    }

    private static func container(
        _ open: String, _ close: String, _ count: Int, into out: inout String, indent: Int?, level: Int,
        _ item: (Int, inout String) throws -> Void
    ) throws {
        guard count > 0 else {
            out += open + close
            return
        }
        out += open
        for index in 0..<count {
            if index > 0 { out += indent == nil ? ", " : "," }
            if let indent { out += "\n" + String(repeating: " ", count: Swift.max(0, indent) * (level + 1)) }
            try item(index, &out)
        }
        if let indent { out += "\n" + String(repeating: " ", count: Swift.max(0, indent) * level) }
        out += close
    }

    /// A dict key as JSON writes it: a str as itself, numbers, bools and None as their JSON text.
    private static func keyText(_ key: Any) throws -> String {
        switch key {
        case let text as String: return text
        case let flag as Bool: return flag ? "true" : "false"
        case let number as any BinaryInteger: return String(describing: number)
        case let number as Double: return floatText(number)
        default:
            if let optional = key as? any PyOptionalValue, optional.pyWrapped == nil { return "null" }
            throw TypeError("keys must be str, int, float, bool or None, not \(pythonType(of: key).__name__)")
        }
    }

    private static func floatText(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        return pythonFloatRepr(number)
    }

    /// A str as JSON with `ensure_ascii`: `"`, `\`, control characters and non-ASCII escaped.
    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value > 0x7E {
                    if scalar.value > 0xFFFF {
                        let v = scalar.value - 0x10000
                        out += hex4(0xD800 + (v >> 10)) + hex4(0xDC00 + (v & 0x3FF))
                    } else {
                        out += hex4(scalar.value)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }

    /// CPython's scanner: the same values, messages and positions.
    private struct Parser {
        let text: [Unicode.Scalar]
        var index = 0

        init(_ text: [Unicode.Scalar]) { self.text = text }

        func error(_ message: String, at position: Int) -> JSONDecodeError {
            var line = 1
            var lastNewline = -1
            for i in 0..<Swift.min(position, text.count) where text[i] == "\n" {
                line += 1
                lastNewline = i
            }
            let error = JSONDecodeError("\(message): line \(line) column \(position - lastNewline) (char \(position))")
            error.msg = message
            error.doc = String(String.UnicodeScalarView(text))
            error.pos = position
            error.lineno = line
            error.colno = position - lastNewline
            return error
        }

        mutating func skipSpace() {
            while index < text.count, [" ", "\t", "\n", "\r"].contains(text[index]) { index += 1 }
        }

        func starts(with word: String) -> Bool {
            let scalars = Array(word.unicodeScalars)
            guard index + scalars.count <= text.count else { return false }
            return Array(text[index..<(index + scalars.count)]) == scalars
        }

        mutating func value() throws -> Any? {
            guard index < text.count else { throw error("Expecting value", at: index) }
            let c = text[index]
            switch c {
            case "{": return try object()
            case "[": return try array()
            case "\"": return try string()
            default: break
            }
            for (word, result) in [("null", nil), ("true", true), ("false", false), ("NaN", Double.nan),
                                   ("Infinity", Double.infinity), ("-Infinity", -Double.infinity)] as [(String, Any?)] {
                if starts(with: word) {
                    index += word.unicodeScalars.count
                    return result
                }
            }
            if c == "-" || ("0"..."9").contains(c) { return try number() }
            throw error("Expecting value", at: index)
        }

        mutating func number() throws -> Any? {
            let start = index
            if text[index] == "-" { index += 1 }
            guard index < text.count, ("0"..."9").contains(text[index]) else { throw error("Expecting value", at: start) }
            if text[index] == "0" { index += 1 } else { while index < text.count, ("0"..."9").contains(text[index]) { index += 1 } }
            var isFloat = false
            if index + 1 < text.count, text[index] == ".", ("0"..."9").contains(text[index + 1]) {
                isFloat = true
                index += 1
                while index < text.count, ("0"..."9").contains(text[index]) { index += 1 }
            }
            if index < text.count, text[index] == "e" || text[index] == "E" {
                var probe = index + 1
                if probe < text.count, text[probe] == "+" || text[probe] == "-" { probe += 1 }
                if probe < text.count, ("0"..."9").contains(text[probe]) {
                    isFloat = true
                    index = probe
                    while index < text.count, ("0"..."9").contains(text[index]) { index += 1 }
                }
            }
            var literal = ""
            literal.unicodeScalars.append(contentsOf: text[start..<index])
            if !isFloat, let integer = Int(literal) { return integer }
            return Double(literal) ?? 0
        }

        mutating func string() throws -> String {
            let start = index
            index += 1
            var out = String.UnicodeScalarView()
            while true {
                guard index < text.count else { throw error("Unterminated string starting at", at: start) }
                let c = text[index]
                if c == "\"" {
                    index += 1
                    return String(out)
                }
                if c.value < 0x20 { throw error("Invalid control character at", at: index) }
                if c != "\\" {
                    out.append(c)
                    index += 1
                    continue
                }
                guard index + 1 < text.count else { throw error("Unterminated string starting at", at: start) }
                let escape = text[index + 1]
                let simple: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "\\": "\\", "/": "/", "b": "\u{08}", "f": "\u{0C}",
                                                                 "n": "\n", "r": "\r", "t": "\t"]
                if let replacement = simple[escape] {
                    out.append(replacement)
                    index += 2
                    continue
                }
                guard escape == "u" else { throw error("Invalid \\escape", at: index) }
                var code = try hex(at: index + 2, escapeAt: index)
                index += 6
                if (0xD800..<0xDC00).contains(code), index + 1 < text.count, text[index] == "\\", text[index + 1] == "u",
                   let low = try? hex(at: index + 2, escapeAt: index), (0xDC00..<0xE000).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            }
        }

        func hex(at position: Int, escapeAt: Int) throws -> UInt32 {
            guard position + 4 <= text.count else { throw error("Invalid \\uXXXX escape", at: escapeAt + 1) }
            var literal = ""
            literal.unicodeScalars.append(contentsOf: text[position..<(position + 4)])
            guard literal.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit }), let value = UInt32(literal, radix: 16) else {
                throw error("Invalid \\uXXXX escape", at: escapeAt + 1)
            }
            return value
        }

        mutating func object() throws -> dict<String, Any?> {
            index += 1
            var result = dict<String, Any?>()
            skipSpace()
            if index < text.count, text[index] == "}" {
                index += 1
                return result
            }
            while true {
                skipSpace()
                guard index < text.count, text[index] == "\"" else {
                    throw error("Expecting property name enclosed in double quotes", at: index)
                }
                let key = try string()
                skipSpace()
                guard index < text.count, text[index] == ":" else { throw error("Expecting ':' delimiter", at: index) }
                index += 1
                skipSpace()
                result[key] = .some(try value())
                skipSpace()
                guard index < text.count else { throw error("Expecting ',' delimiter", at: index) }
                if text[index] == "}" {
                    index += 1
                    return result
                }
                guard text[index] == "," else { throw error("Expecting ',' delimiter", at: index) }
                index += 1
                skipSpace()
                if index < text.count, text[index] == "}" { throw error("Illegal trailing comma before end of object", at: index - 1) }
            }
        }

        mutating func array() throws -> [Any?] {
            index += 1
            var result: [Any?] = []
            skipSpace()
            if index < text.count, text[index] == "]" {
                index += 1
                return result
            }
            while true {
                skipSpace()
                result.append(try value())
                skipSpace()
                guard index < text.count else { throw error("Expecting ',' delimiter", at: index) }
                if text[index] == "]" {
                    index += 1
                    return result
                }
                guard text[index] == "," else { throw error("Expecting ',' delimiter", at: index) }
                index += 1
                skipSpace()
                if index < text.count, text[index] == "]" { throw error("Illegal trailing comma before end of array", at: index - 1) }
            }
        }
    }
}
