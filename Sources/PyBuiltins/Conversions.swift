// int(), float(), bool(), hex(), oct(), bin(), ord(), chr() and the iteration helpers sorted(), enumerate(), sum().
import PySocket

/// `int(text, base=10)`: the integer a string spells, with Python's rules: surrounding whitespace,
/// a sign, `_` between digits, and for `base` 0 a `0x`/`0o`/`0b` prefix; raises CPython's
/// `ValueError` (`invalid literal for int() with base 10: 'abc'`).
///
/// Python: `int(str, base)`.
///
/// Differs from CPython: a value beyond `Int` raises `OverflowError("Python int too large to
/// convert to C long")`; CPython's ints have no limit.
public func int(_ text: String, _ base: Int = 10) throws -> Int {
    try int(text, base: base)
}

/// `int(data, base=10)` of `bytes`: the integer its ASCII digits spell, as `int(conn.recv(100))`
/// reads a number sent as text; raises CPython's `ValueError` (`invalid literal for int() with
/// base 10: b'x'`).
///
/// Python: `int(bytes, base)`.
public func int(_ data: bytes, _ base: Int = 10) throws -> Int {
    // ASCII bytes as themselves; any other as U+FFFD, which is neither a digit nor the ASCII
    // whitespace CPython strips from bytes.
    var text = ""
    text.unicodeScalars.append(contentsOf: data.map { $0 < 0x80 ? Unicode.Scalar($0) : "\u{FFFD}" })
    do {
        return try int(text, base: base)
    } catch let error as ValueError where str(error).hasPrefix("invalid literal") {
        throw ValueError("invalid literal for int() with base \(base): \(repr(data))")
    }
}

/// `int(text, base=base)`: the integer a string spells in `base` (2-36, or 0 to read a prefix).
///
/// Python: `int(str, base=base)`.
public func int(_ text: String, base: Int) throws -> Int {
    guard base == 0 || (2...36).contains(base) else {
        throw ValueError("int() base must be >= 2 and <= 36, or 0")
    }
    let invalid = ValueError("invalid literal for int() with base \(base): \(pythonRepr(text))")
    var body = Substring(text.trimmingPythonWhitespace())
    var negative = false
    if let sign = body.first, sign == "-" || sign == "+" {
        negative = sign == "-"
        body = body.dropFirst()
    }
    var radix = base
    let lowered = body.lowercased()
    for (prefix, prefixBase) in [("0x", 16), ("0o", 8), ("0b", 2)] where lowered.hasPrefix(prefix) {
        if base == 0 || base == prefixBase {
            radix = prefixBase
            body = body.dropFirst(2)
            if body.first == "_" { body = body.dropFirst() }
        }
    }
    if radix == 0 {
        radix = 10
        // Python rejects a decimal literal with leading zeros in base 0 ("010"), except zero itself.
        if body.count > 1, body.first == "0", body.contains(where: { $0 != "0" && $0 != "_" }) { throw invalid }
    }
    guard let digits = removingUnderscores(body), !digits.isEmpty else { throw invalid }
    guard let magnitude = UInt(digits, radix: radix) else {
        // Every digit valid but the value past UInt: an int CPython holds and Int cannot.
        if digits.allSatisfy({ UInt(String($0), radix: radix) != nil }) {
            throw OverflowError("Python int too large to convert to C long")
        }
        throw invalid
    }
    if negative {
        guard magnitude <= UInt(Int.max) + 1 else { throw OverflowError("Python int too large to convert to C long") }
        return magnitude == UInt(Int.max) + 1 ? Int.min : -Int(magnitude)
    }
    guard magnitude <= UInt(Int.max) else { throw OverflowError("Python int too large to convert to C long") }
    return Int(magnitude)
}

/// `int(x)`: a float truncated toward zero; raises CPython's `ValueError` for NaN and
/// `OverflowError` for an infinity.
///
/// Python: `int(float)`.
///
/// Differs from CPython: a value beyond `Int` raises `OverflowError("Python int too large to
/// convert to C long")`.
public func int(_ value: Double) throws -> Int {
    if value.isNaN { throw ValueError("cannot convert float NaN to integer") }
    if value.isInfinite { throw OverflowError("cannot convert float infinity to integer") }
    guard let result = Int(exactly: value.rounded(.towardZero)) else {
        throw OverflowError("Python int too large to convert to C long")
    }
    return result
}

/// `int(n)`: an integer is itself (`int(fd)`, `int(port)`).
///
/// Python: `int(int)`.
public func int(_ value: Int) -> Int { value }

/// `int(b)` `1` for `True`, `0` for `False`.
///
/// Python: `int(bool)`.
public func int(_ value: Bool) -> Int { value ? 1 : 0 }

/// `int(member)`: the number of an IntEnum/IntFlag member: `int(socket.AF_INET)` is `2`.
///
/// Python: `int(IntEnum)`.
public func int<Member: RawRepresentable>(_ member: Member) -> Int where Member.RawValue == Int {
    member.rawValue
}

/// `float(text)`: the number a string spells, with Python's rules (whitespace, `_` between digits,
/// `inf`, `nan`, `infinity` in any case); raises CPython's `ValueError` (`could not convert string
/// to float: 'abc'`).
///
/// Python: `float(str)`.
public func float(_ text: String) throws -> Double {
    let invalid = ValueError("could not convert string to float: \(pythonRepr(text))")
    let trimmed = text.trimmingPythonWhitespace()
    var unsigned = Substring(trimmed)
    if let sign = unsigned.first, sign == "-" || sign == "+" { unsigned = unsigned.dropFirst() }
    let word = unsigned.lowercased()
    if ["inf", "infinity", "nan"].contains(word) {
        guard let value = Double(trimmed.lowercased()) else { throw invalid }
        return value
    }
    // Python's grammar: digits, one optional '.', an optional exponent; no hex, no letters else.
    guard !unsigned.isEmpty, unsigned.allSatisfy({ $0.isASCII && ($0.isNumber || "._eE+-".contains($0)) }),
          let cleaned = removingUnderscores(Substring(trimmed)), let value = Double(cleaned) else { throw invalid }
    return value
}

/// `float(x)`: an integer as a float.
///
/// Python: `float(int)`.
public func float<Integer: BinaryInteger>(_ value: Integer) -> Double { Double(value) }

/// `bool(x)`: Python's truth value: `False` for `None`, `False`, zero, `0.0`, an empty `str`,
/// `bytes`, list, dict or set, and `True` for anything else.
///
/// Python: `bool(x)`.
public func bool<Object>(_ object: Object) -> Bool {
    truth(object)
}

private func truth(_ value: Any) -> Bool {
    if let optional = value as? any PyOptionalValue {
        guard let wrapped = optional.pyWrapped else { return false }
        return truth(wrapped)
    }
    switch value {
    case let flag as Bool: return flag
    case let number as any BinaryInteger: return isNonZero(number)
    case let number as Double: return number != 0
    case let number as Float: return number != 0
    case let text as String: return !text.isEmpty
    case let text as Substring: return !text.isEmpty
    case let data as bytes: return !data.isEmpty
    case let address as SocketAddress: return len(address) > 0
    case let sized as any PySizedValue: return !sized.isEmpty
    case let list as any PyListValue: return !list.pyElements.isEmpty
    case let mapping as any PyDictValue: return !mapping.pyItems.isEmpty
    case let set as any PySetValue: return !set.pyElements.isEmpty
    default: break
    }
    if let member = value as? any RawRepresentable<Int> { return member.rawValue != 0 }
    if let collection = value as? any Collection { return !collection.isEmpty }
    if let elements = tupleElements(value) { return !elements.isEmpty }
    return true
}

private func isNonZero<Integer: BinaryInteger>(_ number: Integer) -> Bool { number != 0 }

/// `hex(n)` `0x1f`, `-0x1f`: the number in lower-case hexadecimal with Python's prefix.
///
/// Python: `hex(int)`.
public func hex<Integer: BinaryInteger>(_ number: Integer) -> String { prefixed(number, "0x", 16) }

/// `oct(n)` `0o17`, `-0o17`: the number in octal with Python's prefix.
///
/// Python: `oct(int)`.
public func oct<Integer: BinaryInteger>(_ number: Integer) -> String { prefixed(number, "0o", 8) }

/// `bin(n)` `0b101`, `-0b101`: the number in binary with Python's prefix.
///
/// Python: `bin(int)`.
public func bin<Integer: BinaryInteger>(_ number: Integer) -> String { prefixed(number, "0b", 2) }

private func prefixed<Integer: BinaryInteger>(_ number: Integer, _ prefix: String, _ radix: Int) -> String {
    (number < 0 ? "-" : "") + prefix + String(number.magnitude, radix: radix)
}

/// `ord(c)`: the code point of a one-character string; raises CPython's `TypeError` otherwise.
///
/// Python: `ord(str)`.
public func ord(_ character: String) throws -> Int {
    let scalars = character.unicodeScalars
    guard scalars.count == 1, let scalar = scalars.first else {
        throw TypeError("ord() expected a character, but string of length \(scalars.count) found")
    }
    return Int(scalar.value)
}

/// `chr(i)`: the one-character string of a code point; raises CPython's `ValueError` out of range.
///
/// Python: `chr(int)`.
///
/// Differs from CPython: a surrogate code point (U+D800-U+DFFF) raises `ValueError`, since a
/// Swift string cannot hold one.
public func chr(_ codePoint: Int) throws -> String {
    guard (0...0x10FFFF).contains(codePoint) else { throw ValueError("chr() arg not in range(0x110000)") }
    guard let value = UInt32(exactly: codePoint), let scalar = Unicode.Scalar(value) else {
        throw ValueError("chr() arg is a surrogate code point, which a Swift String cannot hold")
    }
    return String(Character(scalar))
}

/// `sorted(iterable, reverse=False)`: a new list of the items in ascending (or descending) order;
/// the sort is stable.
///
/// Python: `sorted(iterable, reverse=...)`.
public func sorted<Items: Sequence>(_ items: Items, reverse: Bool = false) -> [Items.Element]
where Items.Element: Comparable {
    sorted(items, key: { $0 }, reverse: reverse)
}

/// `sorted(iterable, key=lambda x: (a, b))`: a new list ordered by a key that is a pair,
/// compared as Python compares tuples (first items, then second); the sort is stable.
///
/// Python: `sorted(iterable, key=...)` with a tuple key.
public func sorted<Items: Sequence, A: Comparable, B: Comparable>(
    _ items: Items, key: (Items.Element) throws -> (A, B), reverse: Bool = false
) rethrows -> [Items.Element] {
    try sortedByTupleKey(items, reverse: reverse) { lhs, rhs in
        let (a, b) = (try key(lhs), try key(rhs))
        return a < b
    }
}

/// `sorted(iterable, key=lambda x: (a, b, c))`: a new list ordered by a key that is a triple,
/// compared as Python compares tuples; the sort is stable.
///
/// Python: `sorted(iterable, key=...)` with a tuple key.
public func sorted<Items: Sequence, A: Comparable, B: Comparable, C: Comparable>(
    _ items: Items, key: (Items.Element) throws -> (A, B, C), reverse: Bool = false
) rethrows -> [Items.Element] {
    try sortedByTupleKey(items, reverse: reverse) { lhs, rhs in
        let (a, b) = (try key(lhs), try key(rhs))
        return a < b
    }
}

/// A stable sort by `less`, the order reversed (still stable) when `reverse`.
/// `sorted(pairs)`: pairs (`d.items()`, zipped lists) in Python's tuple order: by the first
/// item, then the second; stable.
///
/// Python: `sorted(iterable)` of 2-tuples.
public func sorted<A: Comparable, B: Comparable>(_ items: some Sequence<(A, B)>, reverse: Bool = false) -> [(A, B)] {
    sortedByTupleKey(items, reverse: reverse) { lhs, rhs in lhs < rhs }
}

/// `sorted(triples)`: 3-tuples in Python's tuple order; stable.
///
/// Python: `sorted(iterable)` of 3-tuples.
public func sorted<A: Comparable, B: Comparable, C: Comparable>(_ items: some Sequence<(A, B, C)>, reverse: Bool = false) -> [(A, B, C)] {
    sortedByTupleKey(items, reverse: reverse) { lhs, rhs in lhs < rhs }
}

private func sortedByTupleKey<Items: Sequence>(
    _ items: Items, reverse: Bool, _ less: (Items.Element, Items.Element) throws -> Bool
) rethrows -> [Items.Element] {
    let indexed = Array(items.enumerated())
    return try indexed.sorted { lhs, rhs in
        if try less(lhs.element, rhs.element) { return !reverse }
        if try less(rhs.element, lhs.element) { return reverse }
        return lhs.offset < rhs.offset
    }.map(\.element)
}

/// `sorted(iterable, key=f, reverse=False)`: a new list of the items ordered by `key(item)`; the
/// sort is stable, as Python's.
///
/// Python: `sorted(iterable, key=..., reverse=...)`.
public func sorted<Items: Sequence, SortKey: Comparable>(
    _ items: Items, key: (Items.Element) throws -> SortKey, reverse: Bool = false
) rethrows -> [Items.Element] {
    let keyed = try items.enumerated().map { (key: try key($0.element), index: $0.offset, element: $0.element) }
    return keyed.sorted { lhs, rhs in
        if lhs.key == rhs.key { return lhs.index < rhs.index }
        return reverse ? rhs.key < lhs.key : lhs.key < rhs.key
    }.map(\.element)
}

/// `enumerate(iterable)`: the items paired with their index: `for (i, x) in enumerate(items)`.
///
/// Python: `enumerate`.
public func enumerate<Items: Collection>(_ items: Items) -> [(Int, Items.Element)] {
    items.enumerated().map { ($0.offset, $0.element) }
}

/// `enumerate(iterable, start=n)`: the items paired with their index counted from `start`.
///
/// Python: `enumerate(iterable, start)`.
///
/// Differs from CPython: an index past `Int.max` raises `OverflowError("Python int too large to
/// convert to C long")` (CPython's ints have no limit), so this form needs `try`.
public func enumerate<Items: Collection>(_ items: Items, start: Int) throws -> [(Int, Items.Element)] {
    try items.enumerated().map { item in
        let (index, overflow) = start.addingReportingOverflow(item.offset)
        if overflow { throw OverflowError("Python int too large to convert to C long") }
        return (index, item.element)
    }
}

/// `enumerate(file)` over a sequence read as it goes (a socket file's lines, a stream): lazy, as
/// Python's enumerate is, so `for (i, line) in enumerate(f)` handles each line as it arrives
/// instead of reading to the end first.
///
/// Python: `enumerate`.
public func enumerate<Items: Sequence>(_ items: Items) -> PyEnumerate<Items> {
    PyEnumerate(items, start: 0)
}

/// `enumerate(file, start=n)` over a sequence read as it goes: lazy, counting from `start`.
///
/// Python: `enumerate(iterable, start)`.
///
/// Differs from CPython: the iteration ends (rather than count past `Int.max`) if the index
/// would overflow; the `throws` matches the collection form's.
public func enumerate<Items: Sequence>(_ items: Items, start: Int) throws -> PyEnumerate<Items> {
    PyEnumerate(items, start: start)
}

/// What `enumerate` gives for a sequence that is read as it goes: `(index, item)` pairs, made one
/// at a time.
///
/// Python: `enumerate` objects.
public struct PyEnumerate<Base: Sequence>: Sequence, IteratorProtocol {
    private var base: Base.Iterator
    private var next_index: Int?

    init(_ items: Base, start: Int) {
        base = items.makeIterator()
        next_index = start
    }

    /// The next `(index, item)`, or nil at the end.
    ///
    /// Python: `enumerate.__next__`.
    public mutating func next() -> (Int, Base.Element)? {
        guard let index = next_index, let item = base.next() else { return nil }
        let (following, overflow) = index.addingReportingOverflow(1)
        next_index = overflow ? nil : following
        return (index, item)
    }
}

/// `sum(iterable)`: the total of the floats, with CPython 3.12+'s compensated summation.
///
/// Python: `sum`.
public func sum<Items: Sequence>(_ items: Items) -> Items.Element where Items.Element: BinaryFloatingPoint {
    // CPython 3.12+ adds floats with Neumaier's compensated summation, so `sum([0.1] * 10)` is
    // 1.0: the low-order bits each addition loses are kept apart and added back once at the end.
    var total: Items.Element = 0
    var lost: Items.Element = 0
    for x in items {
        let t = total + x
        lost += abs(total) >= abs(x) ? (total - t) + x : (x - t) + total
        total = t
    }
    // A non-finite correction (from an infinite or overflowed total) is dropped, as CPython does.
    if lost != 0 && lost.isFinite { total += lost }
    return total
}

/// `sum(iterable)`: the total of the integers.
///
/// Python: `sum`.
///
/// Differs from CPython: a total past the element type's range raises `OverflowError("Python
/// int too large to convert to C long")` (CPython's ints have no limit), so `sum` of integers
/// needs `try`. A running total that leaves the range and comes back is exact, as in Python.
public func sum<Items: Sequence>(_ items: Items) throws -> Items.Element where Items.Element: FixedWidthInteger {
    var total: Items.Element = 0
    // How many times the wrapped total went past the top (+1) or the bottom (-1) of the range:
    // the exact total is `total + carry * 2^bitWidth`, which fits only when carry is 0.
    var carry = 0
    for item in items {
        let (next, overflow) = total.addingReportingOverflow(item)
        if overflow { carry &+= item < 0 ? -1 : 1 }
        total = next
    }
    if carry != 0 { throw OverflowError("Python int too large to convert to C long") }
    return total
}

/// `sum(b)` of a `bytes`, `bytearray` or `[UInt8]`
/// The total of the byte values as an `int`: `sum(b"\xff\xff")` is 510, where adding in the
/// element type `UInt8` would overflow and trap.
///
/// Python: `sum(bytes)`.
public func sum<Items: Sequence>(_ items: Items) -> Int where Items.Element == UInt8 {
    // Each byte adds at most 255, so an Int total cannot overflow for any buffer that fits in memory.
    if let total = items.withContiguousStorageIfAvailable({ buffer -> Int in
        var total = 0
        for byte in buffer { total &+= Int(byte) }
        return total
    }) {
        return total
    }
    var total = 0
    for byte in items { total &+= Int(byte) }
    return total
}

private let pythonWhitespace: Set<Character> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]

extension String {
    /// The string without the leading and trailing whitespace `str.strip()` removes (ASCII and
    /// Unicode spaces).
    func trimmingPythonWhitespace() -> String {
        let isSpace: (Character) -> Bool = { pythonWhitespace.contains($0) || $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

/// The digits with Python's `_` separators removed; nil when an `_` is not between two digits.
private func removingUnderscores(_ text: Substring) -> String? {
    var out = ""
    var previous: Character?
    for (offset, character) in zip(0..., text) {
        if character == "_" {
            let next = text.dropFirst(offset + 1).first
            guard let previous, previous.isHexDigit, let next, next.isHexDigit else { return nil }
        } else {
            out.append(character)
        }
        previous = character
    }
    return out
}
