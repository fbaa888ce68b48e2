// Python's behaviour of `bytes`: repr, + and *, slicing, decode/encode and the methods socket code uses.

// MARK: - Printing

extension bytes: CustomStringConvertible, CustomDebugStringConvertible {
    /// `str(b)`: Python prints a bytes value as its repr, `b'hi\x00'`.
    ///
    /// Python: `bytes.__str__`. C: none.
    public var description: String { withUnsafeBytes { pythonRepr(bytes: $0) } }

    /// `repr(b)`: `b'hi\x00'`, in double quotes when only `'` occurs inside.
    ///
    /// Python: `bytes.__repr__`. C: none.
    public var debugDescription: String { withUnsafeBytes { pythonRepr(bytes: $0) } }
}

// MARK: - Operators and slicing

extension bytes {
    /// Pinned so that the Python-style slicing subscripts below stay overloads: generic code
    /// still gets `Slice<bytes>`, which keeps the indices of the whole value.
    ///
    /// Python: none (Swift's `Collection` needs it; a Python slice is a new `bytes`). C: none.
    public typealias SubSequence = Slice<bytes>

    /// `a + b`: the two concatenated.
    ///
    /// Python: `bytes.__add__`. C: none.
    public static func + (lhs: bytes, rhs: bytes) -> bytes {
        lhs.withUnsafeBytes { a in rhs.withUnsafeBytes { b in _concatenating(a, b) } }
    }

    /// `a += b`: appends `b`.
    ///
    /// Python: `bytes.__iadd__`. C: none.
    @inlinable public static func += (lhs: inout bytes, rhs: bytes) {
        // Inlined into the caller: a short value appended to a buffer of `lhs`'s own with room
        // for 16 more bytes is two word stores (its inline words, zero-padded, in memory order;
        // what lands past the new count is unused capacity), with no call but the uniqueness check.
        if rhs._inlineCount < bytes._heapKinds && lhs._inlineCount == bytes._ownBuffer {
            let n = Int(bitPattern: lhs._inline.1)
            if bytes._bufferCapacity(lhs._owner.unsafelyUnwrapped) &- n >= bytes._inlineCapacity
                && isKnownUniquelyReferenced(&lhs._owner) {
                let target = UnsafeMutableRawPointer(bitPattern: lhs._inline.0).unsafelyUnwrapped + n
                target.storeBytes(of: rhs._inline.0, as: UInt.self)
                target.storeBytes(of: rhs._inline.1, toByteOffset: MemoryLayout<UInt>.size, as: UInt.self)
                lhs._inline.1 = UInt(bitPattern: n &+ Int(bitPattern: rhs._inlineCount._lowWord))
                return
            }
        }
        rhs.withUnsafeBytes { lhs._append($0) }
    }

    /// `b * n`: `n` copies of `b` (empty when `n <= 0`).
    ///
    /// Python: `bytes.__mul__`. C: none.
    ///
    /// Differs from CPython: throws (so a port writes `try b * n`), because a size past `Int`
    /// or past memory raises CPython's errors instead of trapping.
    /// - Throws: `OverflowError('repeated bytes are too long')` when the size overflows `Int`;
    ///   `MemoryError()` when the memory cannot be had.
    public static func * (lhs: bytes, rhs: Int) throws -> bytes {
        let copies = Swift.max(rhs, 0)
        let (total, overflow) = lhs.count.multipliedReportingOverflow(by: copies)
        if overflow { throw OverflowError("repeated bytes are too long") }
        guard total > 0 else { return bytes() }
        try _checkSize(total)
        return lhs.withUnsafeBytes { source in
            bytes(unsafeUninitializedCapacity: total) { target, initialized in
                if source.count == 1 {
                    target.baseAddress!.initializeMemory(as: UInt8.self, repeating: source[0], count: total)
                } else {
                    for k in 0..<copies {
                        (target.baseAddress! + k * source.count).copyMemory(from: source.baseAddress!, byteCount: source.count)
                    }
                }
                initialized = total
            }
        }
    }

    /// `n * b`: `n` copies of `b`.
    ///
    /// Python: `bytes.__rmul__`. C: none.
    /// - Throws: as `b * n`.
    public static func * (lhs: Int, rhs: bytes) throws -> bytes { try rhs * lhs }

    /// `b[i:j]`: a new `bytes`, with Python's slice rules: a negative bound counts from the
    /// end and bounds past either end are clipped (`b"abc"[1..<10] == "bc"`).
    ///
    /// Python: `bytes.__getitem__(slice)`. C: none.
    public subscript(bounds: Range<Int>) -> bytes { slice(bounds.lowerBound, bounds.upperBound) }

    /// `b[i:j+1]`: the closed range as a Python slice; `b[-3...(-1)]` is `b[-3:]`.
    ///
    /// Python: `bytes.__getitem__(slice)`. C: none.
    public subscript(bounds: ClosedRange<Int>) -> bytes {
        slice(bounds.lowerBound, bounds.upperBound == -1 ? nil : bounds.upperBound + 1)
    }

    /// `b[i:]`: from `i` (negative counts from the end) to the end.
    ///
    /// Python: `bytes.__getitem__(slice)`. C: none.
    public subscript(bounds: PartialRangeFrom<Int>) -> bytes { slice(bounds.lowerBound, nil) }

    /// `b[:j]`: up to `j`, excluded (`b[..<(-1)]` drops the last byte).
    ///
    /// Python: `bytes.__getitem__(slice)`. C: none.
    public subscript(bounds: PartialRangeUpTo<Int>) -> bytes { slice(nil, bounds.upperBound) }

    /// `b[:j+1]`: up to `j`, included.
    ///
    /// Python: `bytes.__getitem__(slice)`. C: none.
    public subscript(bounds: PartialRangeThrough<Int>) -> bytes {
        slice(nil, bounds.upperBound == -1 ? nil : bounds.upperBound + 1)
    }

    /// `b[lower:upper]` with Python's rules; nil is an omitted bound.
    private func slice(_ lower: Int?, _ upper: Int?) -> bytes {
        self[lower, upper]
    }
}

// MARK: - Short pieces

extension bytes {
    /// The inline value of bytes `offset..<offset + n` of the inline words `words` (1 <= n,
    /// offset + n <= 16): two shifts and a mask, no copy through memory.
    @usableFromInline static func _inlinePiece(_ words: (UInt, UInt), _ offset: Int, _ n: Int) -> bytes {
        #if _endian(little) && _pointerBitWidth(_64)
        do {
            let shift = UInt(bitPattern: offset &* 8)
            var low = words.0, high = words.1
            if shift >= 64 {
                low = high &>> (shift &- 64)
                high = 0
            } else if shift > 0 {
                low = low &>> shift | high &<< (64 &- shift)
                high = high &>> shift
            }
            if n < 8 {
                low &= (1 &<< UInt(bitPattern: n &* 8)) &- 1
                high = 0
            } else if n == 8 {
                high = 0
            } else if n < 16 {
                high &= (1 &<< UInt(bitPattern: (n &- 8) &* 8)) &- 1
            }
            var piece = bytes()
            piece._inline = (low, high)
            piece._inlineCount = UInt8(truncatingIfNeeded: n)
            return piece
        }
        #else
        var copy = words
        return _piece(&copy, offset, n)
        #endif
    }

    /// A copy of the `n` (1...16) bytes at `source` as an inline value: each byte read once
    /// (unaligned loads of overlapping words in an optimised build), no memcpy.
    @usableFromInline static func _smallPiece(_ source: UnsafePointer<UInt8>, _ n: Int) -> bytes {
        #if _endian(little) && _pointerBitWidth(_64) && !DEBUG
        do {
            let raw = UnsafeRawPointer(source)
            var low: UInt = 0, high: UInt = 0
            if n >= 8 {
                low = raw.loadUnaligned(as: UInt.self)
                if n > 8 {
                    // The last eight bytes, shifted down to bytes 8..<n.
                    high = raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt.self) &>> UInt(bitPattern: (16 &- n) &* 8)
                }
            } else if n >= 4 {
                // Two overlapping 4-byte loads: the bytes they share are the same bytes.
                low = UInt(raw.loadUnaligned(as: UInt32.self))
                    | UInt(raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)) &<< UInt(bitPattern: (n &- 4) &* 8)
            } else {
                let middle = n &>> 1, last = n &- 1
                low = UInt(source[0]) | UInt(source[middle]) &<< UInt(bitPattern: middle &* 8)
                    | UInt(source[last]) &<< UInt(bitPattern: last &* 8)
            }
            var piece = bytes()
            piece._inline = (low, high)
            piece._inlineCount = UInt8(truncatingIfNeeded: n)
            return piece
        }
        #else
        return _piece(UnsafeRawPointer(source), 0, n)
        #endif
    }

    /// The `n` bytes at `base + offset`, copied.
    @usableFromInline static func _piece(_ base: UnsafeRawPointer, _ offset: Int, _ n: Int) -> bytes {
        bytes(copying: UnsafeRawBufferPointer(start: base + offset, count: n))
    }
}

// MARK: - Searching

extension bytes {
    /// `b.startswith(prefix)`: whether `b` begins with `prefix`.
    ///
    /// Python: `bytes.startswith`. C: none.
    public func startswith(_ prefix: bytes) -> Bool {
        prefix.count <= count && withUnsafeBytes { a in
            prefix.withUnsafeBytes { b in b.isEmpty || ByteSearch.equal(a.baseAddress!, b.baseAddress!, b.count) }
        }
    }

    /// `b.endswith(suffix)`: whether `b` ends with `suffix`.
    ///
    /// Python: `bytes.endswith`. C: none.
    public func endswith(_ suffix: bytes) -> Bool {
        suffix.count <= count && withUnsafeBytes { a in
            suffix.withUnsafeBytes { b in b.isEmpty || ByteSearch.equal(a.baseAddress! + (a.count - b.count), b.baseAddress!, b.count) }
        }
    }

    /// `b.find(sub[, start[, end]])`: the lowest index of `sub` within `b[start:end]`, or -1.
    ///
    /// Python: `bytes.find`. C: none.
    public func find(_ sub: bytes, _ start: Int? = nil, _ end: Int? = nil) -> Int {
        let (lower, upper) = Self.searchBounds(start, end, count)
        guard upper - lower >= sub.count else { return -1 }
        return firstMatch(sub, from: lower, to: upper) ?? -1
    }

    /// `b.count(sub)`: how many non-overlapping times `sub` occurs (`count + 1` for empty `sub`).
    ///
    /// Python: `bytes.count`. C: none.
    /// Differs from CPython: labelled `of:`, since `count` is the collection's length.
    public func count(of sub: bytes) -> Int { occurrences(of: sub, limit: -1).count }

    /// The first `i` in `from...to - sub.count` where `sub` starts (memchr and memcmp).
    private func firstMatch(_ sub: bytes, from: Int, to: Int) -> Int? {
        withUnsafeBytes { hay in
            sub.withUnsafeBytes { needle in
                ByteSearch.find(needle, hay.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, from: from, to: to)
            }
        }
    }

    /// The start of each non-overlapping occurrence, left to right, at most `limit` (-1: all).
    /// An empty `sub` occurs before every byte and at the end, as in Python.
    private func occurrences(of sub: bytes, limit: Int) -> [Int] {
        var found: [Int] = []
        var i = 0
        while limit < 0 || found.count < limit, i + sub.count <= count {
            guard let match = firstMatch(sub, from: i, to: count) else { break }
            found.append(match)
            i = match + Swift.max(sub.count, 1)
        }
        return found
    }
}

// MARK: - Splitting, joining, stripping, replacing

extension bytes {
    /// `bytes.isspace()` for one byte: space, `\t \n \v \f \r`.
    @_transparent
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }

    /// `b.split(sep=None, maxsplit=-1)`: the pieces between occurrences of `sep`, at most
    /// `maxsplit` splits; with no `sep`, runs of ASCII whitespace separate and empty pieces go.
    ///
    /// Python: `bytes.split`. C: none.
    /// An empty `sep` raises `ValueError('empty separator')`, as in CPython.
    public func split(_ sep: bytes? = nil, maxsplit: Int = -1) throws -> [bytes] {
        guard let sep else { return splitOnWhitespace(maxsplit) }
        guard !sep.isEmpty else { throw ValueError("empty separator") }
        // Two passes of memchr/memcmp: count the pieces, then copy each into an array of
        // exactly that size (no list of offsets, no regrowth).
        return withUnsafeBytes { hay in
            sep.withUnsafeBytes { needle in
                let n = hay.count, step = needle.count
                guard n > 0, let base = hay.baseAddress else { return [self] }
                var splits = 0, at = 0
                while maxsplit < 0 || splits < maxsplit, let match = ByteSearch.find(needle, base, from: at, to: n) {
                    splits &+= 1
                    at = match &+ step
                }
                if splits == 0 { return [self] }
                var pieces: [bytes] = []
                pieces.reserveCapacity(splits &+ 1)
                at = 0
                while pieces.count < splits, let match = ByteSearch.find(needle, base, from: at, to: n) {
                    pieces.append(_slice(from: at, count: match &- at))
                    at = match &+ step
                }
                pieces.append(_slice(from: at, count: n &- at))
                return pieces
            }
        }
    }

    /// `b.split(sep, maxsplit)`: `split` with both arguments positional.
    ///
    /// Python: `bytes.split`. C: none.
    public func split(_ sep: bytes?, _ maxsplit: Int) throws -> [bytes] { try split(sep, maxsplit: maxsplit) }

    /// `split()` with no separator: words between whitespace; after `maxsplit` splits the rest,
    /// without its leading whitespace, is the last piece.
    private func splitOnWhitespace(_ maxsplit: Int) -> [bytes] {
        withUnsafeBytes { raw in
            let n = raw.count
            guard n > 0, let start = raw.baseAddress else { return [] }
            let p = start.assumingMemoryBound(to: UInt8.self)
            // Two passes over a typed pointer: count the words, then copy each into an array of
            // exactly that size (no regrowth).
            func words(_ emit: (Int, Int) -> Void) -> Int {
                var found = 0, i = 0
                while true {
                    while i < n, Self.isSpace(p[i]) { i &+= 1 }
                    if i == n { break }
                    if maxsplit >= 0, found == maxsplit {
                        // The rest, without its leading whitespace, is the last piece.
                        emit(i, n)
                        return found &+ 1
                    }
                    let first = i
                    while i < n, !Self.isSpace(p[i]) { i &+= 1 }
                    emit(first, i)
                    found &+= 1
                }
                return found
            }
            var pieces: [bytes] = []
            pieces.reserveCapacity(words { _, _ in })
            _ = words { first, end in pieces.append(_slice(from: first, count: end &- first)) }
            return pieces
        }
    }

    /// `sep.join(iterable)`: the items with `sep` between them.
    ///
    /// Python: `bytes.join`. C: none.
    public func join<S: Sequence>(_ items: S) -> bytes where S.Element == bytes {
        join(Array(items))
    }

    /// `sep.join(list)`: `join` of an array, with no conversion (the common case, and a concrete
    /// call in a debug build, where the generic one is not specialised).
    ///
    /// Python: `bytes.join`. C: none.
    public func join(_ parts: [bytes]) -> bytes {
        // Python's two passes: sum the lengths, then copy each item (and `sep`) whole.
        guard parts.count > 1 else { return parts.first ?? bytes() }
        return parts.withUnsafeBufferPointer { list in
            // Index loops over a typed pointer, and each item copied with no closure: no
            // iterator, enumerated() or `withUnsafeBytes` per item (a debug build calls those
            // generically).
            let items = list.baseAddress!, k = list.count
            let step = count
            var total = step &* (k &- 1)
            var i = 0
            while i < k { total &+= bytes._count(at: items + i); i &+= 1 }
            func write(_ target: UnsafeMutablePointer<UInt8>) {
                var at = 0
                var i = 0
                while i < k {
                    if i > 0 && step > 0 {
                        _copyBytes(to: target + at)
                        at &+= step
                    }
                    at &+= bytes._copyBytes(at: items + i, to: target + at)
                    i &+= 1
                }
            }
            if total <= bytes._inlineCapacity {
                // A short value (a dotted name): assembled in two local words.
                func assembled(_ words: UnsafeMutableRawPointer) -> bytes {
                    write(words.assumingMemoryBound(to: UInt8.self))
                    return bytes(copying: UnsafeRawBufferPointer(start: words, count: total))
                }
                var words: (UInt, UInt) = (0, 0)
                return assembled(&words)
            }
            if total <= 256 {
                // A protocol message: assembled in a local tuple (its address passed with `&`,
                // no generic `withUnsafeTemporaryAllocation`), then one exact-size copy.
                func assembled(_ stack: UnsafeMutableRawPointer) -> bytes {
                    write(stack.assumingMemoryBound(to: UInt8.self))
                    return bytes(copying: UnsafeRawBufferPointer(start: stack, count: total))
                }
                var stack: PyBytesFormatter.Stack256 = PyBytesFormatter.zero256
                return assembled(&stack)
            }
            return bytes(unsafeUninitializedCapacity: total) { target, initialized in
                write(target.baseAddress!.assumingMemoryBound(to: UInt8.self))
                initialized = total
            }
        }
    }

    /// `b.strip([chars])`: without the leading and trailing bytes in `chars` (ASCII whitespace
    /// when nil).
    ///
    /// Python: `bytes.strip`. C: none.
    public func strip(_ chars: bytes? = nil) -> bytes {
        chars == nil ? strippedSpace(left: true, right: true) : stripped(chars, left: true, right: true)
    }

    /// `b.lstrip([chars])`: without the leading bytes in `chars` (ASCII whitespace when nil).
    ///
    /// Python: `bytes.lstrip`. C: none.
    public func lstrip(_ chars: bytes? = nil) -> bytes {
        chars == nil ? strippedSpace(left: true, right: false) : stripped(chars, left: true, right: false)
    }

    /// `b.rstrip([chars])`: without the trailing bytes in `chars` (ASCII whitespace when nil).
    ///
    /// Python: `bytes.rstrip`. C: none.
    public func rstrip(_ chars: bytes? = nil) -> bytes {
        chars == nil ? strippedSpace(left: false, right: true) : stripped(chars, left: false, right: true)
    }

    /// `strip()` with no argument: ASCII whitespace off the requested ends, in one pass over a
    /// typed pointer; the value itself (no copy) when nothing is stripped.
    private func strippedSpace(left: Bool, right: Bool) -> bytes {
        // The bytes through their address, with no closure (a call per value in a debug build).
        var words = _inline
        let bounds = _isOnHeap ? Self._spaceBounds(_heapBase, count, left, right) : Self._spaceBounds(&words, count, left, right)
        // A slice: no copy when nothing is stripped, none either past 16 bytes (shared storage).
        return _slice(from: bounds.0, count: bounds.1 &- bounds.0)
    }

    /// The bounds of `p[0..<n]` without its leading (`left`) and trailing (`right`) ASCII whitespace.
    private static func _spaceBounds(_ p: UnsafePointer<UInt8>?, _ n: Int, _ left: Bool, _ right: Bool) -> (Int, Int) {
        guard n > 0, let p else { return (0, 0) }
        var lower = 0, upper = n
        if left { while lower < upper, isSpace(p[lower]) { lower &+= 1 } }
        if right { while upper > lower, isSpace(p[upper &- 1]) { upper &-= 1 } }
        return (lower, upper)
    }

    /// `_spaceBounds` of an inline value's words.
    private static func _spaceBounds(_ words: UnsafeRawPointer, _ n: Int, _ left: Bool, _ right: Bool) -> (Int, Int) {
        _spaceBounds(words.assumingMemoryBound(to: UInt8.self), n, left, right)
    }

    /// One pass from each requested end; the value itself (no copy) when nothing is stripped.
    private func stripped(_ chars: bytes?, left: Bool, right: Bool) -> bytes {
        let set = ByteSet(chars)
        let (start, end) = withUnsafeBytes { raw -> (Int, Int) in
            var start = 0, end = raw.count
            if left { while start < end, set.contains(raw[start]) { start += 1 } }
            if right { while end > start, set.contains(raw[end - 1]) { end -= 1 } }
            return (start, end)
        }
        return _slice(from: start, count: end &- start)
    }

    /// `b.upper()`: ASCII letters upper-cased, every other byte unchanged.
    ///
    /// Python: `bytes.upper`. C: none.
    public func upper() -> bytes { mappedASCII(from: 0x61, to: 0x7A, by: -0x20) }

    /// `b.lower()`: ASCII letters lower-cased, every other byte unchanged.
    ///
    /// Python: `bytes.lower`. C: none.
    public func lower() -> bytes { mappedASCII(from: 0x41, to: 0x5A, by: 0x20) }

    /// The bytes with those in `first...last` shifted by `delta`, in one copy. A value of up to
    /// 16 bytes (a header name, a command) is mapped in its two inline words, eight bytes per
    /// operation, with no loop and no allocation.
    private func mappedASCII(from first: UInt8, to last: UInt8, by delta: Int) -> bytes {
        let n = count
        if n <= bytes._inlineCapacity && !_isOnHeap && UInt.bitWidth == 64 {
            var result = self
            result._inline = (Self.mappedWord(_inline.0, first, last), Self.mappedWord(_inline.1, first, last))
            return result
        }
        return withUnsafeBytes { source in
            bytes(unsafeUninitializedCapacity: source.count) { target, initialized in
                let n = source.count
                if n > 0, let from = source.baseAddress, let to = target.baseAddress {
                    // Typed pointers and a while loop: no range or subscript call per byte in a debug build.
                    let p = from.assumingMemoryBound(to: UInt8.self), q = to.assumingMemoryBound(to: UInt8.self)
                    let span = last &- first, shift = UInt8(truncatingIfNeeded: delta)
                    var i = 0
                    while i < n {
                        let byte = p[i]
                        q[i] = byte &- first <= span ? byte &+ shift : byte
                        i &+= 1
                    }
                }
                initialized = source.count
            }
        }
    }

    /// Eight bytes at once: each byte in `first...last` (ASCII letters, 0x20 apart from the other
    /// case) gets its 0x20 bit flipped; every other byte, zero padding included, is unchanged.
    @inline(__always)
    private static func mappedWord(_ word: UInt, _ first: UInt8, _ last: UInt8) -> UInt {
        let ones = UInt(truncatingIfNeeded: 0x0101_0101_0101_0101 as UInt64)
        let high = UInt(truncatingIfNeeded: 0x8080_8080_8080_8080 as UInt64)
        let low7 = word & ~high
        // The high bit of each byte of `atLeast` says byte >= first, of `above` byte > last
        // (no carry crosses a byte: each sum stays below 0x100).
        let atLeast = low7 &+ ones &* UInt(0x80 &- first)
        let above = low7 &+ ones &* UInt(0x7F &- last)
        let inRange = atLeast & ~above & ~word & high
        return word ^ (inRange &>> 2)
    }

    /// `b.replace(old, new, count=-1)`: with the first `count` occurrences of `old` (all when
    /// negative) replaced by `new`; an empty `old` matches before every byte and at the end.
    ///
    /// Python: `bytes.replace`. C: none.
    public func replace(_ old: bytes, _ new: bytes, _ count: Int = -1) -> bytes {
        // One array of this value's bytes (`storage` is a new array for a value not made from one).
        let source = storage
        var out: [UInt8] = []
        var start = 0
        for match in occurrences(of: old, limit: count) {
            out += source[start..<match]
            new.withUnsafeBytes { out += $0 }
            start = match + old.count
        }
        out += source[start...]
        return bytes(out)
    }
}

extension Array where Element == bytes {
    /// `x in [b"a", b"b"]`: whether one of the items equals `x` (a concrete overload of
    /// `Sequence.contains`: a debug build calls the generic one through witness tables, with a
    /// metadata lookup per item).
    ///
    /// Python: `list.__contains__` of a list of bytes. C: none.
    @inlinable public func contains(_ element: bytes) -> Bool {
        withUnsafeBufferPointer { items in
            guard let base = items.baseAddress else { return false }
            return element._firstIndex(in: base, count: items.count) != nil
        }
    }
}

extension bytes {
    /// The position of the first of the `n` values at `items` equal to this one, or nil: each
    /// compared in place through its stored fields, an inline one as its three words, with no
    /// copy of the value (a debug build retains and releases every value it copies) and a
    /// memcmp only for heap values of the same length. `x in [b"a", b"b"]` and a `dict` of
    /// bytes keys look up with it.
    ///
    /// Python: `list.__contains__` / `list.index` of bytes. C: none.
    @inlinable public func _firstIndex(in items: UnsafePointer<bytes>, count n: Int) -> Int? {
        let tag = _inlineCount, w0 = _inline.0, w1 = _inline.1
        var i = 0
        if tag < bytes._heapKinds {
            while i < n {
                if items[i]._inlineCount == tag && items[i]._inline.0 == w0 && items[i]._inline.1 == w1 { return i }
                // A heap value can be short too (`bytes([1, 2])` keeps its array).
                if items[i]._inlineCount >= bytes._heapKinds && items[i]._inline.1 == UInt(tag) && items[i] == self { return i }
                i &+= 1
            }
            return nil
        }
        // On the heap, `_inline.1` is the count.
        let length = Int(bitPattern: w1)
        while i < n {
            let t = items[i]._inlineCount
            let c = t >= bytes._heapKinds ? Int(bitPattern: items[i]._inline.1) : Int(t)
            if c == length && items[i] == self { return i }
            i &+= 1
        }
        return nil
    }
}

/// A set of bytes as 256 bits: `strip`'s `chars` (ASCII whitespace when nil).
struct ByteSet {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ chars: bytes?) {
        guard let chars else {
            words.0 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0B | 1 << 0x0C | 1 << 0x0D
            return
        }
        chars.withUnsafeBytes { raw in
            for byte in raw {
                let bit = UInt64(1) << (byte & 63)
                switch byte >> 6 {
                case 0: words.0 |= bit
                case 1: words.1 |= bit
                case 2: words.2 |= bit
                default: words.3 |= bit
                }
            }
        }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << (byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }
}

// MARK: - Hex

extension bytes {
    /// `b.hex()`: two lower-case hex digits per byte (`'00ff'`).
    ///
    /// Python: `bytes.hex`. C: none.
    public func hex() -> String {
        var out = ""
        out.reserveCapacity(count * 2)
        withUnsafeBytes { for byte in $0 { out += Self.hexDigits(byte) } }
        return out
    }

    /// `b.hex(sep, bytes_per_sep=1)`: hex digits with `sep` between groups of `bytes_per_sep`
    /// bytes, counted from the right (from the left when negative): `'01:0203'`.
    ///
    /// Python: `bytes.hex`. C: none.
    /// A non-ASCII `sep` raises `ValueError('sep must be ASCII.')`, as in CPython.
    public func hex(_ sep: Character, _ bytes_per_sep: Int = 1) throws -> String {
        // CPython reads bytes_per_sep with PyLong_AsInt, before it looks at the separator.
        let bytes_per_sep = Int(try pyLongAsInt(bytes_per_sep))
        guard sep.isASCII else { throw ValueError("sep must be ASCII.") }
        let group = bytes_per_sep.magnitude
        guard group > 0 else { return hex() }
        var out = ""
        for (i, byte) in storage.enumerated() {  // (one array, made once)
            let boundary = bytes_per_sep > 0 ? (count - i) % Int(group) == 0 : i % Int(group) == 0
            if i > 0, boundary { out.append(sep) }
            out += Self.hexDigits(byte)
        }
        return out
    }

    /// `bytes.fromhex(string)`: the bytes spelled by pairs of hex digits; ASCII whitespace
    /// between pairs is skipped.
    ///
    /// Python: `bytes.fromhex`. C: none.
    /// - Throws: `ValueError("non-hexadecimal number found in fromhex() arg at position N")`.
    public static func fromhex(_ string: String) throws -> bytes {
        let scalars = Array(string.unicodeScalars)
        var out: [UInt8] = []
        var i = 0
        while true {
            while i < scalars.count, scalars[i].isASCII, isSpace(UInt8(scalars[i].value)) { i += 1 }
            if i == scalars.count { break }
            guard let high = hexValue(scalars[i]) else { throw nonHex(at: i) }
            guard i + 1 < scalars.count, let low = hexValue(scalars[i + 1]) else { throw nonHex(at: i + 1) }
            out.append(high << 4 | low)
            i += 2
        }
        return bytes(out)
    }

    /// CPython's fromhex() error.
    private static func nonHex(at position: Int) -> ValueError {
        ValueError("non-hexadecimal number found in fromhex() arg at position \(position)")
    }

    /// The value of one hex digit.
    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt8? {
        guard scalar.isASCII, let digit = UInt8(String(scalar), radix: 16) else { return nil }
        return digit
    }

    /// `ff` for 255.
    static func hexDigits(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}

// MARK: - Decoding and encoding

extension bytes {
    /// `b.decode(encoding='utf-8', errors='strict')`: the text the bytes spell.
    ///
    /// Encodings: UTF-8, ASCII and Latin-1, under their Python names and aliases (`utf8`,
    /// `latin-1`, `iso-8859-1`, `us-ascii`...). Error handlers: `strict`, `replace` (U+FFFD),
    /// `ignore`, `backslashreplace`; an invalid UTF-8 sequence is cut as CPython cuts it.
    ///
    /// Python: `bytes.decode`. C: none.
    /// - Throws: `UnicodeDecodeError` (the `'utf-8' codec can't decode byte 0xff in position 0:
    ///   invalid start byte` text), `LookupError` for an unknown encoding or error handler.
    /// Differs from CPython: Swift strings cannot hold lone surrogates, so `surrogateescape`
    /// and `surrogatepass` act as `strict`.
    public func decode(_ encoding: String = "utf-8", errors: String = "strict") throws -> String {
        if isEmpty { return "" }  // CPython answers '' before looking the codec up.
        let codec = try PyCodec(encoding)
        // Valid input decodes in one pass whatever the error handler (CPython looks the handler
        // up only on an error).
        if let text = withUnsafeBytes({ codec.decodeValid($0) }) { return text }
        var out = String.UnicodeScalarView()
        var i = 0
        // One array for the whole loop (`storage` is a new array for a value not made from one).
        let data = storage
        while i < count {
            switch codec.decodeStep(data, at: i) {
            case .scalar(let scalar, let length):
                out.append(scalar)
                i += length
            case .error(let length, let reason):
                let bad = data[i..<(i + length)]
                switch errors {
                case "replace": out.append("\u{FFFD}")
                case "ignore": break
                case "backslashreplace":
                    for byte in bad { out.append(contentsOf: "\\x\(Self.hexDigits(byte))".unicodeScalars) }
                case "strict", "surrogateescape", "surrogatepass":
                    throw PyCodec.decodeError(codec.name, self, i, i + length, reason)
                case "xmlcharrefreplace", "namereplace":
                    throw TypeError("don't know how to handle UnicodeDecodeError in error callback")
                default:
                    throw PyCodec.lookupError("unknown error handler name '\(errors)'")
                }
                i += length
            }
        }
        return String(out)
    }

    /// `b.decode(encoding, errors)`: `decode` with both arguments positional.
    ///
    /// Python: `bytes.decode`. C: none.
    public func decode(_ encoding: String, _ errors: String) throws -> String {
        try decode(encoding, errors: errors)
    }
}

extension String {
    /// `s.encode()`: the string's UTF-8 bytes (`"hi".encode()` is `b'hi'`).
    ///
    /// Python: `str.encode`. C: none.
    public func encode() -> bytes { bytes(utf8) }

    /// `s.encode(encoding='utf-8', errors='strict')`: the string in `encoding` (UTF-8, ASCII,
    /// Latin-1 and their aliases). Error handlers: `strict`, `replace` (`?`), `ignore`,
    /// `backslashreplace`, `xmlcharrefreplace`.
    ///
    /// Python: `str.encode`. C: none.
    /// - Throws: `UnicodeEncodeError` (`'ascii' codec can't encode character '\xe9' in position
    ///   0: ordinal not in range(128)`), `LookupError` for an unknown encoding or error handler.
    /// Differs from CPython: throws even for UTF-8 (so it needs `try`) because the encoding name
    /// may be unknown; `encode()` with no argument does not throw. `surrogateescape`,
    /// `surrogatepass` and `namereplace` act as `strict`.
    public func encode(_ encoding: String, _ errors: String = "strict") throws -> bytes {
        let codec = try PyCodec(encoding)
        if let encoded = codec.encodeFast(self) { return encoded }
        let scalars = Array(unicodeScalars)
        var out: [UInt8] = []
        var i = 0
        while i < scalars.count {
            if codec.encode(scalars[i], into: &out) { i += 1; continue }
            var end = i + 1
            while end < scalars.count, !codec.canEncode(scalars[end]) { end += 1 }
            for scalar in scalars[i..<end] {
                switch errors {
                case "replace": out.append(0x3F)
                case "ignore": break
                case "backslashreplace": out += Array(escapedScalar(scalar.value).utf8)
                case "xmlcharrefreplace": out += Array("&#\(scalar.value);".utf8)
                case "strict", "surrogateescape", "surrogatepass", "namereplace":
                    throw PyCodec.encodeError(codec.name, self, i, end, codec.rangeReason)
                default:
                    throw PyCodec.lookupError("unknown error handler name '\(errors)'")
                }
            }
            i = end
        }
        return bytes(out)
    }

    /// `s.encode(encoding, errors=...)`: `encode` with Python's keyword.
    ///
    /// Python: `str.encode`. C: none.
    public func encode(_ encoding: String = "utf-8", errors: String) throws -> bytes {
        try encode(encoding, errors)
    }
}

/// The three codecs socket programs use, with CPython's names, aliases and error texts.
struct PyCodec {
    enum Kind { case utf8, ascii, latin1 }

    /// One step of decoding: a scalar and the bytes it took, or an undecodable run.
    enum Step {
        case scalar(Unicode.Scalar, length: Int)
        case error(length: Int, reason: String)
    }

    let kind: Kind

    /// Looks the encoding up as Python's codec registry does: case, spaces and `-`/`_` ignored.
    /// The usual spellings are recognised at once, without normalising.
    init(_ encoding: String) throws {
        switch encoding {
        case "utf-8", "utf8", "UTF-8", "UTF8", "utf_8": kind = .utf8
        case "ascii", "ASCII", "us-ascii": kind = .ascii
        case "latin-1", "latin1", "iso-8859-1", "ISO-8859-1", "latin_1": kind = .latin1
        default: kind = try Self.normalised(encoding)
        }
    }

    /// The registry's normalisation: lower case, runs of other than letters, digits and `.` as `_`.
    private static func normalised(_ encoding: String) throws -> Kind {
        let kind: Kind
        let words = encoding.lowercased().split { !($0.isLetter || $0.isNumber || $0 == ".") }
        switch words.joined(separator: "_") {
        case "utf_8", "utf8", "u8", "utf", "cp65001": kind = .utf8
        case "ascii", "us_ascii", "646", "us": kind = .ascii
        case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819": kind = .latin1
        default: throw Self.lookupError("unknown encoding: \(encoding)")
        }
        return kind
    }

    /// The name CPython's messages use.
    var name: String {
        switch kind {
        case .utf8: return "utf-8"
        case .ascii: return "ascii"
        case .latin1: return "latin-1"
        }
    }

    /// The reason CPython gives for a character outside the charset.
    var rangeReason: String { kind == .ascii ? "ordinal not in range(128)" : "ordinal not in range(256)" }

    /// The text of `data` when it is valid in this codec (one validating pass, then one copy);
    /// nil when it holds an error, which the scalar-by-scalar path then reports.
    func decodeValid(_ data: UnsafeRawBufferPointer) -> String? {
        switch kind {
        case .utf8:
            return String(validating: data, as: UTF8.self)
        case .ascii:
            return Self.isASCII(data) ? String(decoding: data, as: UTF8.self) : nil
        case .latin1:
            if Self.isASCII(data) { return String(decoding: data, as: UTF8.self) }
            var utf8: [UInt8] = []
            utf8.reserveCapacity(data.count * 2)
            for byte in data {
                if byte < 0x80 { utf8.append(byte) } else { utf8.append(0xC0 | byte >> 6); utf8.append(0x80 | byte & 0x3F) }
            }
            return String(decoding: utf8, as: UTF8.self)
        }
    }

    /// The encoding of `string` when every character is in the charset (always for UTF-8).
    func encodeFast(_ string: String) -> bytes? {
        let utf8 = bytes(string.utf8)
        if kind == .utf8 || utf8.withUnsafeBytes({ Self.isASCII($0) }) { return utf8 }
        return nil
    }

    /// Whether every byte is below 0x80, eight at a time.
    static func isASCII(_ data: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = data.count
        var bits: UInt64 = 0
        while i + 8 <= n {
            bits |= data.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < n { bits |= UInt64(data[i]); i += 1 }
        return bits & 0x8080_8080_8080_8080 == 0
    }

    func decodeStep(_ data: [UInt8], at i: Int) -> Step {
        let byte = data[i]
        switch kind {
        case .latin1: return .scalar(Unicode.Scalar(byte), length: 1)
        case .ascii: return byte < 0x80 ? .scalar(Unicode.Scalar(byte), length: 1) : .error(length: 1, reason: rangeReason)
        case .utf8: return Self.utf8Step(data, at: i)
        }
    }

    /// CPython's UTF-8 decoder for one sequence: an invalid start byte is one bad byte; a
    /// sequence cut by a bad continuation byte is bad up to it; one cut by the end of the data
    /// is `unexpected end of data`.
    static func utf8Step(_ data: [UInt8], at i: Int) -> Step {
        let lead = data[i]
        if lead < 0x80 { return .scalar(Unicode.Scalar(lead), length: 1) }
        let length: Int, secondRange: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (length, secondRange) = (2, 0x80...0xBF)
        case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
        case 0xED: (length, secondRange) = (3, 0x80...0x9F)
        case 0xE1...0xEF: (length, secondRange) = (3, 0x80...0xBF)
        case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
        case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
        case 0xF1...0xF3: (length, secondRange) = (4, 0x80...0xBF)
        default: return .error(length: 1, reason: "invalid start byte")
        }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length {
            guard i + k < data.count else { return .error(length: k, reason: "unexpected end of data") }
            let byte = data[i + k]
            guard (k == 1 ? secondRange : 0x80...0xBF).contains(byte) else {
                return .error(length: k, reason: "invalid continuation byte")
            }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return .scalar(Unicode.Scalar(value)!, length: length)
    }

    func canEncode(_ scalar: Unicode.Scalar) -> Bool {
        switch kind {
        case .utf8: return true
        case .ascii: return scalar.value < 0x80
        case .latin1: return scalar.value < 0x100
        }
    }

    /// Appends the encoded scalar; false when the charset does not have it.
    func encode(_ scalar: Unicode.Scalar, into out: inout [UInt8]) -> Bool {
        guard canEncode(scalar) else { return false }
        if kind == .utf8 { out += Array(String(scalar).utf8) } else { out.append(UInt8(scalar.value)) }
        return true
    }

    // The exceptions, in one place, with CPython's classes and texts.

    static func lookupError(_ message: String) -> any Error {
        LookupError(message)
    }

    static func decodeError(_ encoding: String, _ object: bytes, _ start: Int, _ end: Int, _ reason: String) -> any Error {
        UnicodeDecodeError(args: [.str(encoding), .bytes(object.storage), .int(start), .int(end), .str(reason)])
    }

    static func encodeError(_ encoding: String, _ object: String, _ start: Int, _ end: Int, _ reason: String) -> any Error {
        UnicodeEncodeError(args: [.str(encoding), .str(object), .int(start), .int(end), .str(reason)])
    }
}
