// Python's `bytes`: an immutable-by-convention value type of UInt8, printed as Python's repr.

/// `bytes`: Python's bytes as a Swift value.
///
/// A random-access collection of `UInt8`, built from a string literal (UTF-8) or an array
/// literal, convertible to and from `[UInt8]`. `description` and `debugDescription` are
/// Python's `repr` (`b'hi\x00'`), which is also what Python's `str()` prints.
///
/// Python: `bytes`. C: none.
public struct bytes: Sendable, Hashable {
    /// The bytes themselves.
    public var storage: [UInt8]

    /// `bytes()`: empty.
    @inlinable public init() { storage = [] }

    /// `bytes(iterable_of_ints)`.
    @inlinable public init(_ storage: [UInt8]) { self.storage = storage }

    /// `bytes(iterable_of_ints)` from any sequence of bytes.
    @inlinable public init<S: Sequence>(_ sequence: S) where S.Element == UInt8 { storage = Array(sequence) }

    /// `bytes(n)`: n zero bytes. Python: `bytes(5)`.
    @inlinable public init(count: Int) { storage = [UInt8](repeating: 0, count: count) }
}

extension bytes: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public typealias Index = Int
    public typealias Element = UInt8
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

extension bytes: ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    /// `b"..."`: the literal's UTF-8 bytes.
    @inlinable public init(stringLiteral value: String) { storage = Array(value.utf8) }
    /// `bytes([1, 2, 3])`.
    @inlinable public init(arrayLiteral elements: UInt8...) { storage = elements }
}

extension Array where Element == UInt8 {
    /// `list(b)` / `bytearray(b)`: the bytes as an array.
    @inlinable public init(_ value: bytes) { self = value.storage }
}
