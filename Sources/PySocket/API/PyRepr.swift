// Python's repr() of str and bytes, which every printed PySocket value is built from.

/// Python's `repr(s)` of a `str`: quoted with `'` (or `"` when only `'` occurs inside),
/// backslash escapes for `\\`, the quote, `\t \n \r`, and `\xNN`/`\uNNNN`/`\UNNNNNNNN` for
/// characters Python does not consider printable.
package func pythonRepr(_ string: String) -> String {
    let quote: Character = string.contains("'") && !string.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for scalar in string.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\t": out += "\\t"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        default:
            if Character(scalar) == quote {
                out += "\\" + String(quote)
            } else if isPythonPrintable(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += escapedScalar(scalar.value)
            }
        }
    }
    out.append(quote)
    return out
}

/// Python's `repr(b)` of a `bytes` value: `b'...'` with the same quoting rule as `str`,
/// printable ASCII as is and `\xNN` for everything else.
package func pythonRepr<C: Collection>(bytes value: C) -> String where C.Element == UInt8 {
    let hasSingle = value.contains(0x27)
    let hasDouble = value.contains(0x22)
    let quote: UInt8 = hasSingle && !hasDouble ? 0x22 : 0x27
    var out = "b" + String(UnicodeScalar(quote))
    for byte in value {
        switch byte {
        case 0x5C: out += "\\\\"
        case 0x09: out += "\\t"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case quote: out += "\\" + String(UnicodeScalar(quote))
        case 0x20..<0x7F: out.unicodeScalars.append(UnicodeScalar(byte))
        default: out += escapedScalar(UInt32(byte))
        }
    }
    out.append(Character(UnicodeScalar(quote)))
    return out
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, lower-case hex, as Python writes them (in a repr, and
/// for a character the `backslashreplace` error handler replaces).
func escapedScalar(_ value: UInt32) -> String {
    let (prefix, width) = value < 0x100 ? ("\\x", 2) : value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
    let digits = String(value, radix: 16)
    return prefix + String(repeating: "0", count: width - digits.count) + digits
}

/// Python's `str.isprintable()` for one character: everything but the categories
/// Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs (the ASCII space excepted), with Cn as CPython 3.13's
/// Unicode 15.1 has it (Swift's tables are newer).
private func isPythonPrintable(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == " " { return true }
    if isUnassignedInPython313(scalar.value) { return false }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned,
         .lineSeparator, .paragraphSeparator, .spaceSeparator:
        return false
    default:
        return true
    }
}
