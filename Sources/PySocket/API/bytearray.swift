// Python's `bytearray`: the mutable buffer that recv_into, recvfrom_into and recvmsg_into fill, printed as Python prints it.

/// `bytearray`: Python's mutable bytes, the buffer a ported program receives into.
///
/// A random-access, mutable, range-replaceable collection of `UInt8` on contiguous storage, so
/// `s.recv_into(&buf)` fills it in place. `bytearray(10)` is ten zero bytes, `bytearray("ab")`
/// copies a `bytes`; slicing with Python's rules gives a `bytearray` (`buf[..<n]`), and
/// assigning to a slice replaces it (so `s.recv_into(&buf[2...], 2)` writes from offset 2, as
/// `recv_into(memoryview(buf)[2:], 2)` does). `description` and `debugDescription` are Python's
/// `repr`: `bytearray(b'ab')`.
///
/// Python: `bytearray`. C: none.
public struct bytearray: Sendable, Equatable {
    /// The bytes themselves.
    ///
    /// Python: none (the buffer a `bytearray` holds; `list(b)` reads it). C: none.
    public var storage: [UInt8]

    /// `bytearray()`: empty.
    ///
    /// Python: `bytearray()`. C: none.
    @inlinable public init() { storage = [] }

    /// `bytearray(n)`: `n` zero bytes.
    ///
    /// Python: `bytearray(10)`. C: none.
    /// - Throws: `ValueError('negative count')`; `MemoryError()` when the memory cannot be had.
    public init(_ count: Int) throws {
        try bytes._checkSize(count)
        storage = [UInt8](repeating: 0, count: count)
    }

    /// `bytearray(b)`: a mutable copy of a `bytes`.
    ///
    /// Python: `bytearray(b"...")`. C: none.
    @inlinable public init(_ value: bytes) { storage = value.storage }

    /// `bytearray(iterable_of_ints)`: from any sequence of bytes.
    ///
    /// Python: `bytearray([1, 2, 3])`. C: none.
    @inlinable public init<S: Sequence>(_ sequence: S) where S.Element == UInt8 { storage = Array(sequence) }
}

extension bytearray: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public typealias Index = Int
    public typealias Element = UInt8
    /// Pinned so that the Python-style slicing subscripts below stay overloads.
    ///
    /// Python: none (Swift's `Collection` needs it; a Python slice is a new `bytearray`). C: none.
    public typealias SubSequence = Slice<bytearray>
    @inlinable public var startIndex: Int { storage.startIndex }
    @inlinable public var endIndex: Int { storage.endIndex }
    @inlinable public subscript(position: Int) -> UInt8 {
        get { storage[position] }
        set { storage[position] = newValue }
    }
    @inlinable public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == UInt8 {
        storage.replaceSubrange(subrange, with: newElements)
    }
    @inlinable public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try storage.withUnsafeBufferPointer(body)
    }
    @inlinable public mutating func withContiguousMutableStorageIfAvailable<R>(_ body: (inout UnsafeMutableBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try storage.withUnsafeMutableBufferPointer(body)
    }
}

extension bytearray: ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    /// `bytearray(b"...")` from a literal: the literal's UTF-8 bytes.
    ///
    /// Python: `bytearray(b"...")`. C: none.
    @inlinable public init(stringLiteral value: String) { storage = Array(value.utf8) }

    /// `bytearray([1, 2, 3])` from a literal.
    ///
    /// Python: `bytearray([1, 2, 3])`. C: none.
    @inlinable public init(arrayLiteral elements: UInt8...) { storage = elements }
}

extension bytearray: CustomStringConvertible, CustomDebugStringConvertible {
    /// `str(buf)`: `bytearray(b'...')`, the same text as `repr`.
    ///
    /// Python: `bytearray.__str__`. C: none.
    public var description: String {
        // As bytes' repr, except that CPython's bytearray repr escapes `'` inside `"` quotes too.
        let quote = storage.contains(0x27) && !storage.contains(0x22) ? "\"" : "'"
        var body = pythonRepr(bytes: storage).dropFirst(2).dropLast()
        if quote == "\"" {
            body = Substring(body.replacingAll("'", with: "\\'"))
        }
        return "bytearray(b" + quote + body + quote + ")"
    }

    /// `repr(buf)`: `bytearray(b'...')`.
    ///
    /// Python: `bytearray.__repr__`. C: none.
    public var debugDescription: String { description }
}

extension bytearray {
    /// `buf == b`: whether a `bytearray` holds the same bytes as a `bytes`.
    ///
    /// Python: `bytearray.__eq__`. C: none.
    @_disfavoredOverload public static func == (lhs: bytearray, rhs: bytes) -> Bool { lhs.storage == rhs.storage }

    /// `b == buf`: whether a `bytes` holds the same bytes as a `bytearray`.
    ///
    /// Python: `bytes.__eq__`. C: none.
    @_disfavoredOverload public static func == (lhs: bytes, rhs: bytearray) -> Bool { lhs.storage == rhs.storage }

    /// `buf[i:j]`: a new `bytearray` with Python's slice rules (negative bounds count from the
    /// end, bounds past either end are clipped); assigning replaces that part, as `buf[i:j] = x`.
    ///
    /// Python: `bytearray.__getitem__(slice)` / `__setitem__(slice)`. C: none.
    public subscript(bounds: Range<Int>) -> bytearray {
        get { self[slice: (bounds.lowerBound, bounds.upperBound)] }
        set { self[slice: (bounds.lowerBound, bounds.upperBound)] = newValue }
    }

    /// `buf[i:]`: from `i` (negative counts from the end) to the end; assignable.
    ///
    /// Python: `bytearray.__getitem__(slice)` / `__setitem__(slice)`. C: none.
    public subscript(bounds: PartialRangeFrom<Int>) -> bytearray {
        get { self[slice: (bounds.lowerBound, nil)] }
        set { self[slice: (bounds.lowerBound, nil)] = newValue }
    }

    /// `buf[:j]`: up to `j`, excluded; assignable.
    ///
    /// Python: `bytearray.__getitem__(slice)` / `__setitem__(slice)`. C: none.
    public subscript(bounds: PartialRangeUpTo<Int>) -> bytearray {
        get { self[slice: (nil, bounds.upperBound)] }
        set { self[slice: (nil, bounds.upperBound)] = newValue }
    }

    /// A Python slice index: negative counts from the end, then clipped into `0...count`.
    private func clip(_ index: Int) -> Int {
        Swift.min(Swift.max(index < 0 ? index + count : index, 0), count)
    }

    /// `buf[lower:upper]` with Python's rules; nil is an omitted bound.
    private subscript(slice bounds: (Int?, Int?)) -> bytearray {
        get {
            let start = bounds.0.map(clip) ?? 0
            let end = bounds.1.map(clip) ?? count
            return start < end ? bytearray(storage[start..<end]) : bytearray()
        }
        set {
            let start = bounds.0.map(clip) ?? 0
            let end = Swift.max(bounds.1.map(clip) ?? count, start)
            storage.replaceSubrange(start..<end, with: newValue.storage)
        }
    }
}

extension bytearray {
    /// `buf[i]` with Python's rules: a negative `i` counts from the end, and an index outside
    /// the buffer raises instead of stopping the process (as `buf[i]`, the collection
    /// subscript, does): `try buf[py: -1]` is Python's `buf[-1]`.
    ///
    /// Python: `bytearray.__getitem__(int)`. C: none.
    /// - Throws: `IndexError('bytearray index out of range')`.
    public subscript(py index: Int) -> UInt8 {
        get throws { storage[try position(index)] }
    }

    /// `buf[i] = x` with Python's rules (a throwing subscript cannot be assigned to in Swift, so
    /// this is a method): a negative `i` counts from the end; `x` is Python's int.
    ///
    /// Python: `bytearray.__setitem__(int, int)`. C: none.
    /// - Throws: `IndexError('bytearray index out of range')`;
    ///   `ValueError('byte must be in range(0, 256)')`.
    public mutating func __setitem__(_ index: Int, _ value: Int) throws {
        let i = try position(index)
        guard let byte = UInt8(exactly: value) else { throw ValueError("byte must be in range(0, 256)") }
        storage[i] = byte
    }

    /// The position of Python's index `index`, or CPython's IndexError.
    private func position(_ index: Int) throws -> Int {
        let n = storage.count
        let i = index < 0 ? index &+ n : index
        if UInt(bitPattern: i) >= UInt(bitPattern: n) { throw IndexError("bytearray index out of range") }
        return i
    }

    /// `buf * n`: a new `bytearray` of `n` copies (empty when `n <= 0`).
    ///
    /// Python: `bytearray.__mul__`. C: none.
    ///
    /// Differs from CPython: throws (so a port writes `try buf * n`), because a size past `Int`
    /// or past memory raises CPython's error instead of trapping.
    /// - Throws: `MemoryError()` when the size overflows `Int` (CPython's bytearray raises
    ///   MemoryError there, where `bytes` raises OverflowError) or the memory cannot be had.
    public static func * (lhs: bytearray, rhs: Int) throws -> bytearray {
        let copies = Swift.max(rhs, 0)
        let (total, overflow) = lhs.storage.count.multipliedReportingOverflow(by: copies)
        if overflow { throw MemoryError() }
        guard total > 0 else { return bytearray() }
        try bytes._checkSize(total)
        var result = bytearray()
        result.storage.reserveCapacity(total)
        for _ in 0..<copies { result.storage.append(contentsOf: lhs.storage) }
        return result
    }

    /// `n * buf`: `n` copies of `buf`.
    ///
    /// Python: `bytearray.__rmul__`. C: none.
    /// - Throws: as `buf * n`.
    public static func * (lhs: Int, rhs: bytearray) throws -> bytearray { try rhs * lhs }

    /// `buf *= n`: the buffer repeated `n` times, in place (empty when `n <= 0`).
    ///
    /// Python: `bytearray.__imul__`. C: none.
    /// - Throws: as `buf * n`.
    public static func *= (lhs: inout bytearray, rhs: Int) throws { lhs = try lhs * rhs }
}

extension bytes {
    /// `bytes(buf)`: an immutable copy of a `bytearray`.
    ///
    /// Python: `bytes(bytearray)`. C: none.
    @inlinable public init(_ value: bytearray) { self.init(value.storage) }
}

extension Substring {
    /// The text with every `target` character replaced (no Foundation in the library).
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
