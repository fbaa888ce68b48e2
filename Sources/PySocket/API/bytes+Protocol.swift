// The bytes methods protocol clients reach for: Python slices, partition, splitlines, `in`, int().

// MARK: - Python indexing that raises instead of trapping

extension bytes {
    /// `b[i]` with Python's rules: a negative `i` counts from the end, and an index outside
    /// the value raises instead of stopping the process (as `b[i]`, the collection subscript,
    /// does): `try b[py: -1]` is Python's `b[-1]`.
    ///
    /// Python: `bytes.__getitem__(int)`. C: none.
    /// - Throws: `IndexError('index out of range')`.
    @inlinable public subscript(py index: Int) -> UInt8 {
        get throws {
            let n = count
            let i = index < 0 ? index &+ n : index
            if UInt(bitPattern: i) >= UInt(bitPattern: n) { throw IndexError("index out of range") }
            return self[i]
        }
    }
}

// MARK: - Python slices with negative ends

extension bytes {
    /// `b[start:stop]`: Python's slice, negative bounds counting from the end, nil for an
    /// omitted bound: `b[1, -2]` is `b[1:-2]`, `b[nil, -2]` is `b[:-2]`. Never traps: bounds
    /// past either end are clipped and an empty range gives `b''`.
    ///
    /// Python: `bytes.__getitem__(slice)`. C: none.
    public subscript(start: Int?, stop: Int?) -> bytes {
        let n = count
        var lower = 0, upper = n
        if let start { lower = Self.clipIndex(start, n) }
        if let stop { upper = Self.clipIndex(stop, n) }
        guard lower < upper else { return bytes() }
        return _slice(from: lower, count: upper &- lower)
    }

    /// `b[start:stop:step]`: Python's extended slice (`b[nil, nil, -1]` is `b[::-1]`).
    ///
    /// Python: `bytes.__getitem__(slice)`. C: none.
    /// - Throws: `ValueError('slice step cannot be zero')`.
    public subscript(start: Int?, stop: Int?, step: Int?) -> bytes {
        get throws {
            let step = step ?? 1
            guard step != 0 else { throw ValueError("slice step cannot be zero") }
            if step == 1 { return self[start, stop] }
            let (first, length) = Self.sliceIndices(start, stop, step, count)
            return withUnsafeBytes { source in
                bytes(unsafeUninitializedCapacity: length) { target, initialized in
                    var i = first
                    for k in 0..<length {
                        target[k] = source[i]
                        i += step
                    }
                    initialized = length
                }
            }
        }
    }

    /// A Python slice index for step 1: negative counts from the end, then clipped into `0...n`.
    @inline(__always)
    static func clipIndex(_ index: Int, _ n: Int) -> Int {
        index < 0 ? Swift.max(index + n, 0) : Swift.min(index, n)
    }

    /// CPython's `PySlice_AdjustIndices`: the first index and the number of items.
    static func sliceIndices(_ start: Int?, _ stop: Int?, _ step: Int, _ n: Int) -> (Int, Int) {
        func adjust(_ index: Int?, _ omitted: Int) -> Int {
            guard let index else { return omitted }
            if index < 0 { return Swift.max(index + n, step < 0 ? -1 : 0) }
            return index >= n ? (step < 0 ? n - 1 : n) : index
        }
        let lower = adjust(start, step < 0 ? n - 1 : 0)
        let upper = adjust(stop, step < 0 ? -1 : n)
        if step < 0 {
            return (lower, upper < lower ? (lower - upper - 1) / -step + 1 : 0)
        }
        return (lower, lower < upper ? (upper - lower - 1) / step + 1 : 0)
    }
}

// MARK: - partition, splitlines, in

extension bytes {
    /// `b.partition(sep)`: the part before the first `sep`, `sep`, and the part after; `(b, b'', b'')`
    /// when `sep` does not occur.
    ///
    /// Python: `bytes.partition`. C: none.
    /// - Throws: `ValueError('empty separator')`.
    public func partition(_ sep: bytes) throws -> (bytes, bytes, bytes) {
        guard !sep.isEmpty else { throw ValueError("empty separator") }
        if sep.count == 1 {
            // One memchr through the bytes' address, with no closure (a call per value in a
            // debug build); the parts are slices of this value.
            // The separator's byte read from its words or its address (no subscript, whose
            // `&words` load an optimised build has been seen to move before the store).
            let n = count, byte = sep._isOnHeap ? sep._heapBase.unsafelyUnwrapped[0] : bytes._inlineByte(sep._inline, 0)
            var words = _inline
            let found: Int?
            if n == 0 {
                found = nil
            } else if _isOnHeap {
                found = ByteSearch.index(of: byte, _heapBase.unsafelyUnwrapped, from: 0, to: n)
            } else {
                found = ByteSearch.index(of: byte, &words, from: 0, to: n)
            }
            guard let at = found else { return (self, bytes(), bytes()) }
            return (_slice(from: 0, count: at), sep, _slice(from: at &+ 1, count: n &- at &- 1))
        }
        // One search; the parts are slices of this value (sharing its array past 16 bytes).
        return withUnsafeBytes { hay in
            sep.withUnsafeBytes { needle in
                let n = hay.count
                guard n > 0, let base = hay.baseAddress, let at = ByteSearch.find(needle, base, from: 0, to: n) else {
                    return (self, bytes(), bytes())
                }
                let after = at &+ needle.count
                return (_slice(from: 0, count: at), sep, _slice(from: after, count: n &- after))
            }
        }
    }

    /// `b.rpartition(sep)`: the part before the last `sep`, `sep`, and the part after;
    /// `(b'', b'', b)` when `sep` does not occur.
    ///
    /// Python: `bytes.rpartition`. C: none.
    /// - Throws: `ValueError('empty separator')`.
    public func rpartition(_ sep: bytes) throws -> (bytes, bytes, bytes) {
        guard !sep.isEmpty else { throw ValueError("empty separator") }
        let at = rfind(sep)
        guard at >= 0 else { return (bytes(), bytes(), self) }
        return (self[nil, at], sep, self[at + sep.count, nil])
    }

    /// `b.rfind(sub[, start[, end]])`: the highest index of `sub` within `b[start:end]`, or -1.
    ///
    /// Python: `bytes.rfind`. C: none.
    public func rfind(_ sub: bytes, _ start: Int? = nil, _ end: Int? = nil) -> Int {
        let (lower, upper) = Self.searchBounds(start, end, count)
        guard upper - lower >= sub.count else { return -1 }
        return withUnsafeBytes { hay in
            sub.withUnsafeBytes { needle in
                ByteSearch.rfind(needle, hay.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, from: lower, to: upper)
            }
        } ?? -1
    }

    /// CPython's ADJUST_INDICES: negatives count from the end; only `end` is capped at count.
    static func searchBounds(_ start: Int?, _ end: Int?, _ n: Int) -> (Int, Int) {
        var lower = start ?? 0, upper = end ?? n
        if lower < 0 { lower = Swift.max(lower + n, 0) }
        if upper < 0 { upper = Swift.max(upper + n, 0) } else if upper > n { upper = n }
        return (lower, upper)
    }

    /// `b.splitlines(keepends=False)`: the lines, split at `\n`, `\r\n` and `\r`, with their
    /// endings when `keepends` is true; no empty last line for a trailing ending.
    ///
    /// Python: `bytes.splitlines`. C: none.
    public func splitlines(_ keepends: Bool = false) -> [bytes] {
        withUnsafeBytes { buffer in
            var lines: [bytes] = []
            var start = 0, i = 0
            let n = buffer.count
            while i < n {
                let byte = buffer[i]
                guard byte == 0x0A || byte == 0x0D else { i += 1; continue }
                let ending = byte == 0x0D && i + 1 < n && buffer[i + 1] == 0x0A ? 2 : 1
                lines.append(_slice(from: start, count: (keepends ? i + ending : i) &- start))
                i += ending
                start = i
            }
            if start < n { lines.append(_slice(from: start, count: n &- start)) }
            return lines
        }
    }

    /// `b.splitlines(keepends=...)`: Python's keyword spelling.
    ///
    /// Python: `bytes.splitlines`. C: none.
    public func splitlines(keepends: Bool) -> [bytes] { splitlines(keepends) }

    /// `sub in b`: whether `sub` occurs in `b` (an empty `sub` always does).
    ///
    /// Python: `bytes.__contains__`. C: none.
    public func contains(_ sub: bytes) -> Bool { find(sub) >= 0 }
}

// MARK: - recv with MSG_TRUNC

extension bytes {
    /// This value padded with zero bytes to `length`: what `recv(n, MSG_TRUNC)` returns for a
    /// datagram longer than `n` (CPython's bytes has the datagram's length, its tail unset).
    func extended(to length: Int) -> bytes {
        guard length > count else { return self }
        return withUnsafeBytes { source in
            bytes(unsafeUninitializedCapacity: length) { target, initialized in
                target.copyMemory(from: source)
                (target.baseAddress! + source.count).initializeMemory(as: UInt8.self, repeating: 0, count: length - source.count)
                initialized = length
            }
        }
    }
}

// MARK: - int(b)

extension Int {
    /// `int(b, base=10)`: the integer the ASCII digits of `b` spell, read as Python's `int()`
    /// reads them: surrounding whitespace, a sign, `_` between digits, and with base 0 (or the
    /// matching base) a `0x`/`0o`/`0b` prefix.
    ///
    /// Python: `int(bytes, base)`. C: none.
    /// - Throws: `ValueError("invalid literal for int() with base 10: b'x'")`;
    ///   `ValueError('int() base must be >= 2 and <= 36, or 0')`.
    ///
    /// Differs from CPython:
    /// - Python's int has no bound: a value outside Int's range raises
    ///   `OverflowError('Python int too large to convert to C long')`.
    public init(_ text: bytes, _ base: Int = 10) throws {
        guard base == 0 || (2...36).contains(base) else { throw ValueError("int() base must be >= 2 and <= 36, or 0") }
        let parsed = text.withUnsafeBytes { PyIntParser.parse($0, base) }
        switch parsed {
        case .value(let value): self = value
        case .overflow: throw OverflowError("Python int too large to convert to C long")
        case .invalid: throw ValueError("invalid literal for int() with base \(base): \(PyIntParser.repr200(text))")
        }
    }

    /// `int(b, base=...)`: Python's keyword spelling.
    ///
    /// Python: `int(bytes, base)`. C: none.
    public init(_ text: bytes, base: Int) throws { try self.init(text, base) }
}

/// CPython's `PyLong_FromString` grammar over ASCII bytes.
enum PyIntParser {
    enum Result { case value(Int), overflow, invalid }

    /// Space, `\t \n \v \f \r` (comparisons only: no range, which a debug build calls generically).
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }

    @inline(__always)
    static func digit(_ byte: UInt8) -> Int {
        if byte &- 0x30 < 10 { return Int(byte &- 0x30) }
        let letter = byte | 0x20
        if letter &- 0x61 < 26 { return Int(letter &- 0x61) &+ 10 }
        return 99
    }

    static func parse(_ raw: UnsafeRawBufferPointer, _ requestedBase: Int) -> Result {
        // A typed pointer: its subscript is inlined even in a debug build.
        guard let start = raw.baseAddress, raw.count > 0 else { return .invalid }
        let s = start.assumingMemoryBound(to: UInt8.self)
        var i = 0, end = raw.count
        while i < end, isSpace(s[i]) { i += 1 }
        while end > i, isSpace(s[end - 1]) { end -= 1 }
        var negative = false
        if i < end, s[i] == 0x2B || s[i] == 0x2D { negative = s[i] == 0x2D; i += 1 }
        var base = requestedBase
        var prefixed = false
        if i + 1 < end, s[i] == 0x30 {
            let mark = s[i + 1] | 0x20
            let prefixBase = mark == 0x78 ? 16 : mark == 0x6F ? 8 : mark == 0x62 ? 2 : 0
            if prefixBase != 0, base == 0 || base == prefixBase {
                base = prefixBase
                prefixed = true
                i += 2
            }
        }
        let decimalZeroRule = base == 0
        if base == 0 { base = 10 }
        // After a prefix one underscore may come first; elsewhere only between digits.
        var lastWasDigit = prefixed
        var sawDigit = false
        var value = 0
        var overflow = false
        var allZero = true
        var firstDigitIndex = i
        while i < end {
            let byte = s[i]
            if byte == 0x5F {
                guard lastWasDigit else { return .invalid }
                lastWasDigit = false
                i += 1
                continue
            }
            let d = digit(byte)
            guard d < base else { return .invalid }
            if !sawDigit { firstDigitIndex = i }
            sawDigit = true
            lastWasDigit = true
            if d != 0 { allZero = false }
            if !overflow {
                let (m, o1) = value.multipliedReportingOverflow(by: base)
                let (a, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
                if o1 || o2 { overflow = true } else { value = a }
            }
            i += 1
        }
        guard sawDigit, lastWasDigit else { return .invalid }
        // Base 0 refuses a decimal with leading zeros ("010"), as Python 3 does.
        if decimalZeroRule, !prefixed, s[firstDigitIndex] == 0x30, !allZero { return .invalid }
        return overflow ? .overflow : .value(value)
    }

    /// `%.200R`: the repr, cut to 200 characters.
    static func repr200(_ text: bytes) -> String {
        let repr = text.debugDescription
        return repr.count > 200 ? String(repr.prefix(200)) : repr
    }
}
