// Python's str methods under their Python names (split, strip, partition, join, startswith...) and str[i], str[a:b].
import PySocket

/// The characters `str.split()` and `str.strip()` treat as whitespace.
private func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0: return true
    default: return scalar.properties.isWhitespace
    }
}

extension StringProtocol {
    private var scalarArray: [Unicode.Scalar] { Array(unicodeScalars) }

    /// `s.strip(chars=None)`: the string without leading and trailing whitespace (or the
    /// characters of `chars`).
    ///
    /// Python: `str.strip`.
    public func strip(_ chars: String? = nil) -> String { stripped(chars, leading: true, trailing: true) }

    /// `s.lstrip(chars=None)`: the string without leading whitespace (or characters of `chars`).
    ///
    /// Python: `str.lstrip`.
    public func lstrip(_ chars: String? = nil) -> String { stripped(chars, leading: true, trailing: false) }

    /// `s.rstrip(chars=None)`: the string without trailing whitespace (or characters of `chars`):
    /// `line.rstrip("\n")`.
    ///
    /// Python: `str.rstrip`.
    public func rstrip(_ chars: String? = nil) -> String { stripped(chars, leading: false, trailing: true) }

    private func stripped(_ chars: String?, leading: Bool, trailing: Bool) -> String {
        let scalars = scalarArray
        let set = chars.map { Set($0.unicodeScalars) }
        let strip: (Unicode.Scalar) -> Bool = { set?.contains($0) ?? isPythonSpace($0) }
        var start = 0
        var end = scalars.count
        if leading { while start < end, strip(scalars[start]) { start += 1 } }
        if trailing { while end > start, strip(scalars[end - 1]) { end -= 1 } }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// `s.split()`: the words between runs of whitespace, none empty: `"a b  c".split()` is
    /// `['a', 'b', 'c']`.
    ///
    /// Python: `str.split()`.
    public func split() -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if isPythonSpace(scalar) {
                if !word.isEmpty { words.append(String(word)); word = String.UnicodeScalarView() }
            } else {
                word.append(scalar)
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words
    }

    /// `s.split(sep, maxsplit=-1)`: the pieces between each `sep`, empty ones kept:
    /// `"x,y,,z".split(",")` is `['x', 'y', '', 'z']`; at most `maxsplit` splits.
    ///
    /// Python: `str.split(sep, maxsplit)`.
    /// - Throws: `ValueError('empty separator')`.
    public func split(_ sep: String, _ maxsplit: Int = -1) throws -> [String] {
        guard !sep.isEmpty else { throw ValueError("empty separator") }
        var pieces: [String] = []
        var rest = Substring(self)
        while maxsplit < 0 || pieces.count < maxsplit, let range = rest.firstRange(of: sep) {
            pieces.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        pieces.append(String(rest))
        return pieces
    }

    /// `s.split(sep, maxsplit=n)`: `split` with Python's keyword.
    ///
    /// Python: `str.split(sep, maxsplit=n)`.
    public func split(_ sep: String, maxsplit: Int) throws -> [String] { try split(sep, maxsplit) }

    /// `s.rsplit(sep, maxsplit=-1)`: as `split`, but the splits are made from the right, so
    /// `"/a/b/c".rsplit("/", 1)` is `['/a/b', 'c']`.
    ///
    /// Python: `str.rsplit(sep, maxsplit)`.
    /// - Throws: `ValueError('empty separator')`.
    public func rsplit(_ sep: String, _ maxsplit: Int = -1) throws -> [String] {
        guard !sep.isEmpty else { throw ValueError("empty separator") }
        let scalars = scalarArray, pattern = Array(sep.unicodeScalars)
        var pieces: [String] = []
        var end = scalars.count
        var i = scalars.count - pattern.count
        while i >= 0, maxsplit < 0 || pieces.count < maxsplit {
            if scalars[i..<(i + pattern.count)].elementsEqual(pattern) {
                pieces.append(String(String.UnicodeScalarView(scalars[(i + pattern.count)..<end])))
                end = i
                i -= pattern.count
            } else {
                i -= 1
            }
        }
        pieces.append(String(String.UnicodeScalarView(scalars[0..<end])))
        return pieces.reversed()
    }

    /// `s.rsplit(sep, maxsplit=n)`: `rsplit` with Python's keyword.
    ///
    /// Python: `str.rsplit(sep, maxsplit=n)`.
    public func rsplit(_ sep: String, maxsplit: Int) throws -> [String] { try rsplit(sep, maxsplit) }

    /// `s.splitlines(keepends=False)`: the lines, split at `\n`, `\r\n` and `\r`.
    ///
    /// Python: `str.splitlines`.
    public func splitlines(_ keepends: Bool = false) -> [String] {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        let scalars = scalarArray
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if "\n\r\u{0B}\u{0C}\u{1C}\u{1D}\u{1E}\u{85}\u{2028}\u{2029}".unicodeScalars.contains(scalar) {
                var end = String.UnicodeScalarView([scalar])
                if scalar == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                    end.append("\n")
                    i += 1
                }
                if keepends { line.append(contentsOf: end) }
                lines.append(String(line))
                line = String.UnicodeScalarView()
            } else {
                line.append(scalar)
            }
            i += 1
        }
        if !line.isEmpty { lines.append(String(line)) }
        return lines
    }

    /// `s.partition(sep)`: `(before, sep, after)` at the first `sep`, or `(s, '', '')`.
    ///
    /// Python: `str.partition`.
    /// - Throws: `ValueError('empty separator')`.
    public func partition(_ sep: String) throws -> (String, String, String) {
        guard !sep.isEmpty else { throw ValueError("empty separator") }
        guard let range = firstRange(of: sep) else { return (String(self), "", "") }
        return (String(self[..<range.lowerBound]), sep, String(self[range.upperBound...]))
    }

    /// `s.rpartition(sep)`: `(before, sep, after)` at the last `sep`, or `('', '', s)`.
    ///
    /// Python: `str.rpartition`.
    /// - Throws: `ValueError('empty separator')`.
    public func rpartition(_ sep: String) throws -> (String, String, String) {
        guard !sep.isEmpty else { throw ValueError("empty separator") }
        guard let range = ranges(of: sep).last else { return ("", "", String(self)) }
        return (String(self[..<range.lowerBound]), sep, String(self[range.upperBound...]))
    }

    /// `s.startswith(prefix)`: whether the string starts with `prefix`.
    ///
    /// Python: `str.startswith`.
    public func startswith(_ prefix: String) -> Bool { unicodeScalars.starts(with: prefix.unicodeScalars) }

    /// `s.startswith((a, b))`: whether the string starts with any of the prefixes.
    ///
    /// Python: `str.startswith(tuple)`.
    public func startswith(_ prefixes: [String]) -> Bool { prefixes.contains { startswith($0) } }

    /// `s.endswith(suffix)`: whether the string ends with `suffix`.
    ///
    /// Python: `str.endswith`.
    public func endswith(_ suffix: String) -> Bool {
        unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed())
    }

    /// `s.endswith((a, b))`: whether the string ends with any of the suffixes.
    ///
    /// Python: `str.endswith(tuple)`.
    public func endswith(_ suffixes: [String]) -> Bool { suffixes.contains { endswith($0) } }

    /// `s.removeprefix(prefix)`: the string without `prefix` at its start, if there.
    ///
    /// Python: `str.removeprefix`.
    public func removeprefix(_ prefix: String) -> String {
        startswith(prefix) ? String(String.UnicodeScalarView(scalarArray.dropFirst(len(prefix)))) : String(self)
    }

    /// `s.removesuffix(suffix)`: the string without `suffix` at its end, if there.
    ///
    /// Python: `str.removesuffix`.
    public func removesuffix(_ suffix: String) -> String {
        !suffix.isEmpty && endswith(suffix)
            ? String(String.UnicodeScalarView(scalarArray.dropLast(len(suffix)))) : String(self)
    }

    /// `s.upper()`: the string in upper case.
    ///
    /// Python: `str.upper`.
    public func upper() -> String { uppercased() }

    /// `s.lower()`: the string in lower case.
    ///
    /// Python: `str.lower`.
    public func lower() -> String { lowercased() }

    /// `s.capitalize()`: the first character upper case, the rest lower case.
    ///
    /// Python: `str.capitalize`.
    public func capitalize() -> String {
        guard let first = first else { return "" }
        return String(first).uppercased() + dropFirst().lowercased()
    }

    /// `s.title()`: each word's first letter upper case, the rest lower case.
    ///
    /// Python: `str.title`.
    public func title() -> String {
        var out = ""
        var previousIsLetter = false
        for character in self {
            out += previousIsLetter ? character.lowercased() : character.uppercased()
            previousIsLetter = character.isLetter
        }
        return out
    }

    /// `sep.join(iterable)`: the strings with this string between them: `", ".join(names)`.
    ///
    /// Python: `str.join`.
    public func join<Items: Sequence>(_ items: Items) -> String where Items.Element: StringProtocol {
        var out = ""
        var first = true
        for item in items {
            if !first { out += self }
            out += item
            first = false
        }
        return out
    }

    /// `s.replace(old, new, count=-1)`: the string with `old` replaced by `new` (at most `count`
    /// times).
    ///
    /// Python: `str.replace`.
    public func replace(_ old: String, _ new: String, _ count: Int = -1) -> String {
        if old.isEmpty {
            // Python inserts `new` between every character and at both ends.
            var out = ""
            var done = 0
            for scalar in unicodeScalars {
                if count < 0 || done < count { out += new; done += 1 }
                out.unicodeScalars.append(scalar)
            }
            if count < 0 || done < count { out += new }
            return out
        }
        var out = ""
        var rest = Substring(self)
        var done = 0
        while count < 0 || done < count, let range = rest.firstRange(of: old) {
            out += rest[..<range.lowerBound] + new
            rest = rest[range.upperBound...]
            done += 1
        }
        return out + rest
    }

    /// `s.find(sub)`: the code-point index of the first `sub`, or -1.
    ///
    /// Python: `str.find`.
    public func find(_ sub: String) -> Int {
        guard let range = firstRange(of: sub) else { return -1 }
        return unicodeScalars.distance(from: unicodeScalars.startIndex, to: range.lowerBound)
    }

    /// `s.rfind(sub)`: the code-point index of the last `sub`, or -1.
    ///
    /// Python: `str.rfind`.
    public func rfind(_ sub: String) -> Int {
        guard let range = ranges(of: sub).last else { return sub.isEmpty ? len(String(self)) : -1 }
        return unicodeScalars.distance(from: unicodeScalars.startIndex, to: range.lowerBound)
    }

    /// `s.count(sub)`: the number of non-overlapping `sub` in the string.
    ///
    /// Python: `str.count`.
    public func count(_ sub: String) -> Int {
        if sub.isEmpty { return len(String(self)) + 1 }
        return ranges(of: sub).count
    }

    /// `s.center(width, fillchar=' ')`: the string centred in `width` characters, the odd fill
    /// character placed where CPython places it.
    ///
    /// Python: `str.center`.
    public func center(_ width: Int, _ fillchar: Character = " ") -> String {
        let length = len(String(self))
        guard width > length else { return String(self) }
        let marg = width - length
        let left = marg / 2 + (marg & width & 1)
        return String(repeating: fillchar, count: left) + self + String(repeating: fillchar, count: marg - left)
    }

    /// `s.ljust(width, fillchar=' ')`: the string padded on the right to `width` characters.
    ///
    /// Python: `str.ljust`.
    public func ljust(_ width: Int, _ fillchar: Character = " ") -> String {
        String(self) + String(repeating: fillchar, count: Swift.max(0, width - len(String(self))))
    }

    /// `s.rjust(width, fillchar=' ')`: the string padded on the left to `width` characters.
    ///
    /// Python: `str.rjust`.
    public func rjust(_ width: Int, _ fillchar: Character = " ") -> String {
        String(repeating: fillchar, count: Swift.max(0, width - len(String(self)))) + self
    }

    /// `s.zfill(width)`: the string padded with zeros on the left (after a sign) to `width`.
    ///
    /// Python: `str.zfill`.
    public func zfill(_ width: Int) -> String {
        var text = String(self)
        let padding = width - len(text)
        guard padding > 0 else { return text }
        var sign = ""
        if let first = text.first, first == "+" || first == "-" {
            sign = String(first)
            text.removeFirst()
        }
        return sign + String(repeating: "0", count: padding) + text
    }

    /// `s.isdigit()`: whether the string is not empty and every character is a digit.
    ///
    /// Python: `str.isdigit`.
    public func isdigit() -> Bool { !isEmpty && unicodeScalars.allSatisfy { $0.properties.numericType != nil && $0.properties.numericType != .numeric } }

    /// `s.isalpha()`: whether the string is not empty and every character is a letter.
    ///
    /// Python: `str.isalpha`.
    public func isalpha() -> Bool { !isEmpty && unicodeScalars.allSatisfy { $0.properties.isAlphabetic } }

    /// `s.isalnum()`: whether the string is not empty and every character is a letter or digit.
    ///
    /// Python: `str.isalnum`.
    public func isalnum() -> Bool {
        !isEmpty && unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// `s.isspace()`: whether the string is not empty and all whitespace.
    ///
    /// Python: `str.isspace`.
    public func isspace() -> Bool { !isEmpty && unicodeScalars.allSatisfy(isPythonSpace) }
}

extension String {
    /// `s[i]`: the character (a one-character `str`) at code-point index `i`, negative counting
    /// from the end.
    ///
    /// Python: `str.__getitem__(int)`.
    /// - Throws: `IndexError('string index out of range')`.
    public subscript(index: Int) -> String {
        get throws {
            let scalars = unicodeScalars
            let n = scalars.count
            let i = index < 0 ? index + n : index
            guard i >= 0, i < n else { throw IndexError("string index out of range") }
            return String(scalars[scalars.index(scalars.startIndex, offsetBy: i)])
        }
    }

    /// `s[start:stop]`: Python's slice by code points, negative bounds counting from the end, nil
    /// for an omitted bound: `s[1, -1]` is `s[1:-1]`. Never traps.
    ///
    /// Python: `str.__getitem__(slice)`.
    public subscript(start: Int?, stop: Int?) -> String {
        let scalars = Array(unicodeScalars)
        let n = scalars.count
        func clip(_ i: Int) -> Int { i < 0 ? Swift.max(0, i + n) : Swift.min(i, n) }
        let lower = start.map(clip) ?? 0
        let upper = stop.map(clip) ?? n
        guard lower < upper else { return "" }
        return String(String.UnicodeScalarView(scalars[lower..<upper]))
    }

    /// `s[start:stop:step]`: Python's extended slice (`s[nil, nil, -1]` is `s[::-1]`).
    ///
    /// Python: `str.__getitem__(slice)`.
    /// - Throws: `ValueError('slice step cannot be zero')`.
    public subscript(start: Int?, stop: Int?, step: Int?) -> String {
        get throws {
            let step = step ?? 1
            guard step != 0 else { throw ValueError("slice step cannot be zero") }
            let scalars = Array(unicodeScalars)
            let n = scalars.count
            var out = String.UnicodeScalarView()
            if step > 0 {
                func clip(_ i: Int) -> Int { i < 0 ? Swift.max(0, i + n) : Swift.min(i, n) }
                var i = start.map(clip) ?? 0
                let end = stop.map(clip) ?? n
                while i < end {
                    out.append(scalars[i])
                    let (next, overflow) = i.addingReportingOverflow(step)
                    if overflow { break }
                    i = next
                }
            } else {
                func clip(_ i: Int) -> Int { i < 0 ? Swift.max(-1, i + n) : Swift.min(i, n - 1) }
                var i = start.map(clip) ?? n - 1
                let end = stop.map(clip) ?? -1
                while i > end {
                    out.append(scalars[i])
                    let (next, overflow) = i.addingReportingOverflow(step)
                    if overflow { break }
                    i = next
                }
            }
            return String(out)
        }
    }

    /// `s[a:b]`: the code points from `a` up to `b`, clipped as Python clips; negative bounds
    /// count from the end.
    ///
    /// Python: `str.__getitem__(slice)`.
    public subscript(bounds: Range<Int>) -> String { self[bounds.lowerBound, bounds.upperBound] }

    /// `s[a:]`: the code points from `a` to the end.
    ///
    /// Python: `str.__getitem__(slice)`.
    public subscript(bounds: PartialRangeFrom<Int>) -> String { self[bounds.lowerBound, nil] }

    /// `s[:b]`: the first `b` code points (all but the last `-b` for a negative `b`).
    ///
    /// Python: `str.__getitem__(slice)`.
    public subscript(bounds: PartialRangeUpTo<Int>) -> String { self[nil, bounds.upperBound] }

    /// `s * n`: the string repeated `n` times (empty for `n` ≤ 0).
    ///
    /// Python: `str.__mul__`.
    /// - Throws: `OverflowError('repeated string is too long')` when the result's size passes `Int`.
    public static func * (lhs: String, rhs: Int) throws -> String {
        guard rhs > 0 else { return "" }
        let (_, overflow) = lhs.utf8.count.multipliedReportingOverflow(by: rhs)
        if overflow { throw OverflowError("repeated string is too long") }
        return String(repeating: lhs, count: rhs)
    }
}

extension String {
    /// `b"sep".join(chunks)` written with the literal a port has (`"".join(chunks)`): the chunks
    /// joined by this string's UTF-8 bytes, a `bytes`.
    ///
    /// Python: `bytes.join`.
    public func join<Items: Sequence>(_ items: Items) -> bytes where Items.Element == bytes {
        var out: [UInt8] = []
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(contentsOf: utf8) }
            out.append(contentsOf: item)
        }
        return bytes(out)
    }
}
