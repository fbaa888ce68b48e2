// The engine behind str(), repr() and print(): any Swift value rendered as CPython renders the Python value it stands for.
import PySocket

/// `Optional`, seen through `Any`: `None`, or the wrapped value.
protocol PyOptionalValue {
    var pyWrapped: Any? { get }
}

extension Optional: PyOptionalValue {
    var pyWrapped: Any? {
        switch self {
        case .none: return nil
        case .some(let value): return value
        }
    }
}

/// A Swift collection that stands for a Python `list`.
protocol PyListValue {
    var pyElements: [Any] { get }
}

extension Array: PyListValue {
    var pyElements: [Any] { map { $0 } }
}

extension ArraySlice: PyListValue {
    var pyElements: [Any] { map { $0 } }
}

extension ContiguousArray: PyListValue {
    var pyElements: [Any] { map { $0 } }
}

/// A Swift collection that stands for a Python `dict`.
protocol PyDictValue {
    var pyItems: [(key: Any, value: Any)] { get }
}

extension Dictionary: PyDictValue {
    var pyItems: [(key: Any, value: Any)] { map { (key: $0.key as Any, value: $0.value as Any) } }
}

/// A Swift collection that stands for a Python `set`.
protocol PySetValue {
    var pyElements: [Any] { get }
}

extension Set: PySetValue {
    var pyElements: [Any] { map { $0 } }
}

/// Python's `str(value)` (`repr: false`) or `repr(value)` (`repr: true`) of any Swift value.
func render(_ value: Any, repr: Bool) -> String {
    if let optional = value as? any PyOptionalValue {
        guard let wrapped = optional.pyWrapped else { return "None" }
        return render(wrapped, repr: repr)
    }
    // A dictionary key seen as `AnyHashable` (any value casts to it, hence the exact type test).
    if type(of: value) == AnyHashable.self, let boxed = value as? AnyHashable {
        return render(boxed.base, repr: repr)
    }
    switch value {
    case let metatype as Any.Type: return pythonClass(metatype).description
    case is CancellationError: return repr ? "CancelledError()" : ""
    case let text as String: return repr ? pythonRepr(text) : text
    case let text as Substring: return repr ? pythonRepr(String(text)) : String(text)
    case let character as Character: return repr ? pythonRepr(String(character)) : String(character)
    case let flag as Bool: return flag ? "True" : "False"
    case let number as any BinaryInteger: return String(describing: number)
    case let number as Double: return pythonFloatRepr(number)
    case let number as Float: return pythonFloatRepr(number)
    case let list as any PyListValue:
        return "[" + list.pyElements.map { render($0, repr: true) }.joined(separator: ", ") + "]"
    case let dict as any PyDictValue:
        let items = dict.pyItems.map { render($0.key, repr: true) + ": " + render($0.value, repr: true) }
        return "{" + items.joined(separator: ", ") + "}"
    case let set as any PySetValue:
        let elements = set.pyElements
        if elements.isEmpty { return "set()" }
        return "{" + elements.map { render($0, repr: true) }.joined(separator: ", ") + "}"
    default:
        break
    }
    if let elements = tupleElements(value) {
        switch elements.count {
        case 0: return "None"
        case 1: return "(" + render(elements[0], repr: true) + ",)"
        default: return "(" + elements.map { render($0, repr: true) }.joined(separator: ", ") + ")"
        }
    }
    return repr ? String(reflecting: value) : String(describing: value)
}

/// The elements of a Swift tuple (labelled or not), or nil when `value` is no tuple.
func tupleElements(_ value: Any) -> [Any]? {
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .tuple else { return nil }
    return mirror.children.map(\.value)
}

/// Python's `repr(float)`: the shortest digits that read back as the same number, in
/// positional notation when the decimal exponent is from -4 up to 15 and in exponent
/// notation (`1e-05`, `1e+16`) otherwise; `inf`, `-inf`, `nan`, `-0.0`.
func pythonFloatRepr<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    // Swift's `description` has the shortest round-trip digits; only the layout differs.
    var text = Substring(value.description)
    var sign = ""
    if text.first == "-" {
        sign = "-"
        text = text.dropFirst()
    }
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exponent = Int(text[text.index(after: e)...]) ?? 0
        text = text[..<e]
    }
    let integerPart: Substring
    let fractionPart: Substring
    if let dot = text.firstIndex(of: ".") {
        integerPart = text[..<dot]
        fractionPart = text[text.index(after: dot)...]
    } else {
        integerPart = text
        fractionPart = ""
    }
    var digits = Array(integerPart + fractionPart)
    // The value is 0.d1d2d3... x 10^point.
    var point = integerPart.count + exponent
    while let first = digits.first, first == "0" {
        digits.removeFirst()
        point -= 1
    }
    while let last = digits.last, last == "0" {
        digits.removeLast()
    }
    if digits.isEmpty { return sign + "0.0" }
    if point <= -4 || point > 16 {
        let decimalExponent = point - 1
        var out = sign + String(digits[0])
        if digits.count > 1 { out += "." + String(digits[1...]) }
        let magnitude = String(abs(decimalExponent))
        out += (decimalExponent < 0 ? "e-" : "e+") + (magnitude.count < 2 ? "0" : "") + magnitude
        return out
    }
    if point <= 0 {
        return sign + "0." + String(repeating: "0", count: -point) + String(digits)
    }
    if point >= digits.count {
        return sign + String(digits) + String(repeating: "0", count: point - digits.count) + ".0"
    }
    return sign + String(digits[..<point]) + "." + String(digits[point...])
}
