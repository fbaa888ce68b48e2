// Python's `bytes`: a value type of UInt8 (up to 16 bytes inline, more in an array), printed as Python's repr.

/// `bytes`: Python's bytes as a Swift value.
///
/// A random-access collection of `UInt8`, built from a string literal (UTF-8) or an array
/// literal, convertible to and from `[UInt8]`. `description` and `debugDescription` are
/// Python's `repr` (`b'hi\x00'`), which is also what Python's `str()` prints.
///
/// Values of up to 16 bytes (a `recv(1)`, a packed IPv6 address, a short literal) are stored
/// in the value itself, with no heap allocation; longer ones in an `[UInt8]`. A slice longer
/// than 16 bytes (`b[i..<j]`, `partition`, `strip`, `split`'s pieces) shares its parent's array
/// instead of copying (when that array is at most 64 KiB or the slice at least half of it, so
/// a short slice never keeps a large buffer alive); mutating either copies first, as arrays do.
///
/// Python: `bytes`.
@frozen
public struct bytes: Sendable {
    /// On the heap: the array that holds the bytes (all of it when `_inlineCount == _onHeap`,
    /// a part of it for a `_sharedSlice`), which keeps them alive; empty for an inline value.
    @usableFromInline var _heap: [UInt8]
    /// Inline: up to 16 bytes in memory order; the bytes past the count are always zero (so
    /// that equality compares the words). On the heap: the address of the value's first byte
    /// (inside `_heap`'s buffer) and its count, so that reading a byte or the count is a load
    /// with no call into the array, even in a debug build (where nothing but `@_transparent`
    /// code is inlined across modules). Every mutation of `_heap` is followed by `_syncHeap()`.
    @usableFromInline var _inline: (UInt, UInt)
    /// How many bytes are inline (0...16), `_onHeap`, or `_sharedSlice`.
    @usableFromInline var _inlineCount: UInt8

    /// `_inlineCount` when the bytes are all of `_heap`.
    @usableFromInline static var _onHeap: UInt8 { 0xFF }
    /// `_inlineCount` when the bytes are a part of `_heap` that other values share: a mutation
    /// first copies them to an array of their own (`_moveToHeap`).
    @usableFromInline static var _sharedSlice: UInt8 { 0xFE }
    /// The most bytes stored inline (16 on a 64-bit platform).
    @usableFromInline static var _inlineCapacity: Int { MemoryLayout<(UInt, UInt)>.size }

    /// `bytes()`: empty.
    ///
    /// Python: `bytes()`. C: none.
    @inlinable public init() {
        // `Array()`, not `[]`: a debug build makes `[]` through the generic array-literal path.
        _heap = Array()
        _inline = (0, 0)
        _inlineCount = 0
    }

    /// `bytes(iterable_of_ints)`: takes the array as it is (no copy).
    ///
    /// Python: `bytes(iterable_of_ints)`. C: none.
    @inlinable public init(_ storage: [UInt8]) {
        _heap = storage
        _inline = (0, 0)
        _inlineCount = bytes._onHeap
        _syncHeap()
    }

    /// `bytes(iterable_of_ints)` from any sequence of bytes.
    ///
    /// Python: `bytes(iterable_of_ints)`. C: none.
    @inlinable public init<S: Sequence>(_ sequence: S) where S.Element == UInt8 {
        if let value = sequence.withContiguousStorageIfAvailable({ bytes(copying: UnsafeRawBufferPointer($0)) }) {
            self = value
        } else {
            self.init(Array(sequence))
        }
    }

    /// A copy of `buffer`'s bytes: inline when they fit, else in one array of exactly their count.
    ///
    /// Python: `bytes(memoryview)`.
    @inlinable public init(copying buffer: UnsafeRawBufferPointer) {
        if buffer.count <= bytes._inlineCapacity {
            self.init()
            // Into a local pair of words whose address `&` passes (no generic
            // `withUnsafeMutableBytes(of:)`, which a debug build runs unspecialised).
            var words: (UInt, UInt) = (0, 0)
            if let source = buffer.baseAddress { bytes._copyBytes(&words, source, buffer.count) }
            _inline = words
            _inlineCount = UInt8(truncatingIfNeeded: buffer.count)
        } else {
            #if DEBUG
            // A debug build: the runtime's prespecialised (optimised) `[UInt8](repeating:count:)`,
            // then a memcpy through `&` (`Array(UnsafeBufferPointer)` would run its generic copy
            // unspecialised, with metadata lookups).
            var array = [UInt8](repeating: 0, count: buffer.count)
            bytes._copyBytes(&array, buffer.baseAddress!, buffer.count)
            self.init(array)
            #else
            // Array(UnsafeBufferPointer) gets the array storage's type metadata from a cache in
            // this binary; `[UInt8](unsafeUninitializedCapacity:)` asks the runtime for it on
            // every call (about 400 instructions more per value on Linux, measured with callgrind).
            self.init(buffer.withMemoryRebound(to: UInt8.self) { Array($0) })
            #endif
        }
    }

    /// memcpy of `count` bytes (non-generic: a plain call even in a debug build).
    @_transparent @usableFromInline
    static func _copyBytes(_ target: UnsafeMutableRawPointer, _ source: UnsafeRawPointer, _ count: Int) {
        target.copyMemory(from: source, byteCount: count)
    }

    /// A value of at most `capacity` bytes written in place by `initializer`, which sets how
    /// many it wrote (the rest stays unused): inline up to 16 bytes, else one array allocated
    /// at `capacity`, uninitialised, with no copy afterwards. This is how `recv(n)` fills a
    /// `bytes` straight from the kernel.
    ///
    /// Python: none (CPython's `PyBytes_FromStringAndSize(NULL, n)`).
    @inlinable public init(unsafeUninitializedCapacity capacity: Int,
                           initializingWith initializer: (UnsafeMutableRawBufferPointer, inout Int) throws -> Void) rethrows {
        if capacity <= bytes._inlineCapacity {
            self.init()
            var count = 0
            try withUnsafeMutableBytes(of: &_inline) { raw in
                try initializer(UnsafeMutableRawBufferPointer(rebasing: raw[..<Swift.max(capacity, 0)]), &count)
            }
            _inlineCount = UInt8(truncatingIfNeeded: Swift.min(Swift.max(count, 0), Swift.max(capacity, 0)))
        } else {
            self.init(try [UInt8](unsafeUninitializedCapacity: capacity) { target, count in
                try initializer(UnsafeMutableRawBufferPointer(target), &count)
            })
        }
    }

    /// Whether the bytes live in `_heap` (all of it, or a shared part).
    @_transparent @usableFromInline var _isOnHeap: Bool { _inlineCount >= 0xFE }

    /// The address of the first byte on the heap (nil for an empty array without storage).
    @_transparent @usableFromInline var _heapBase: UnsafePointer<UInt8>? {
        UnsafePointer(bitPattern: _inline.0)
    }

    /// Records `_heap`'s address and count after it was set or mutated (the value is then all
    /// of `_heap`).
    @inlinable mutating func _syncHeap() {
        let (base, count) = _heap.withUnsafeBufferPointer { (UInt(bitPattern: $0.baseAddress), $0.count) }
        _inline = (base, UInt(bitPattern: count))
        _inlineCount = bytes._onHeap
    }

    /// `count` bytes from `offset` (unchecked: `0 <= offset`, `offset + count <= self.count`),
    /// allocating nothing when they fit inline or can share this value's array: a heap piece
    /// longer than 16 bytes keeps `_heap` alive and points into it, when the array is at most
    /// 64 KiB or the piece at least half of it (a short piece of a large buffer is copied, so
    /// that it does not keep the buffer's memory alive). The slicing methods (`b[i..<j]`,
    /// `partition`, `strip`, `split`...) make their results with this.
    @inlinable func _slice(from offset: Int, count n: Int) -> bytes {
        if n == count { return self }
        if n <= 0 { return bytes() }
        if n <= bytes._inlineCapacity || !_isOnHeap {
            return withUnsafeBytes { bytes(copying: UnsafeRawBufferPointer(start: $0.baseAddress! + offset, count: n)) }
        }
        let whole = _inlineCount == bytes._onHeap ? count : _heap.count
        if whole > 65_536 && n < whole / 2 {
            return bytes(copying: UnsafeRawBufferPointer(start: _heapBase! + offset, count: n))
        }
        var piece = self
        piece._inline = (_inline.0 &+ UInt(bitPattern: offset), UInt(bitPattern: n))
        piece._inlineCount = bytes._sharedSlice
        return piece
    }

    /// The bytes as an array (a new one for an inline value), and where `storage` is mutated
    /// (an inline value moves to the heap first, so the mutation happens in place).
    ///
    /// Python: none (the buffer a `bytes` object holds).
    public var storage: [UInt8] {
        @inlinable get {
            if _inlineCount == bytes._onHeap { return _heap }
            return withUnsafeBytes { Array($0) }
        }
        @inlinable set { self = bytes(newValue) }
        @inlinable _modify {
            _moveToHeap()
            defer { _syncHeap() }
            yield &_heap
        }
    }

    /// Makes the value all of an array of its own: moves inline bytes into `_heap`, and copies
    /// a shared slice's bytes out of the array it shares (before any mutation of `_heap`; the
    /// array's own copy-on-write then keeps values that share it apart).
    @inlinable mutating func _moveToHeap() {
        if _inlineCount == bytes._onHeap { return }
        _heap = withUnsafeBytes { Array($0) }
        _syncHeap()
    }

    /// Calls `body` with the bytes in contiguous memory (no copy for a value on the heap).
    ///
    /// Python: the buffer protocol (`memoryview(b)`).
    @_transparent public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if _isOnHeap {
            // `self` (and so `_heap`) is alive for the whole call.
            return try body(UnsafeRawBufferPointer(start: _heapBase, count: Int(bitPattern: _inline.1)))
        }
        // Inline: a copy of the words on the stack, whose address `&` passes for the call
        // (no generic `withUnsafeBytes(of:)` or `Range` slicing, which a debug build would call
        // unspecialised, building their metadata on each call).
        var copy = _inline
        return try bytes._withBytes(at: &copy, count: Int(bitPattern: _inlineCount._lowWord), body)
    }

    /// Calls `body` with `count` bytes at `address` (an inline value's words on the stack).
    @_transparent @usableFromInline
    static func _withBytes<R>(at address: UnsafeRawPointer, count: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: address, count: count))
    }

    /// Byte `i` at `heapBase` (a heap value's first-byte address as an integer) or, when that
    /// is 0, at `inline` (an inline value's words). Both are addresses, so in a loop whose
    /// value does not change the compiler picks one before the loop and reads through it, as
    /// an array's loop does (and vectorises it), instead of testing the storage on each byte.
    @_transparent @usableFromInline
    static func _byte(_ heapBase: UInt, _ inline: UnsafeRawPointer, _ i: Int) -> UInt8 {
        (heapBase != 0 ? UnsafeRawPointer(bitPattern: heapBase)! : inline).load(fromByteOffset: i, as: UInt8.self)
    }
}

extension bytes {
    /// A new value filled by `receive` (a `recv`-like call that gets a buffer of `bufsize`
    /// bytes and returns how many it wrote), in at most one heap allocation, as CPython's
    /// `recv(n)` allocates its `bytes` at `n` and shrinks it to what arrived:
    /// - up to 16 bytes: received straight into the inline storage, no allocation;
    /// - up to 1024: received into a stack buffer, then copied to an exact-size value
    ///   (inline if 16 or fewer arrived);
    /// - more: received straight into an array of `bufsize` bytes, uninitialised. It is kept
    ///   as it is unless fewer than half arrived and more than 4 KiB would stay unused; then
    ///   (or when 16 or fewer arrived) the bytes are copied to an exact-size value, so that a
    ///   short read into a large buffer does not hold the large buffer's memory.
    @inline(__always)
    static func receiving(_ bufsize: Int, _ receive: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> bytes {
        if bufsize <= _inlineCapacity {
            return try bytes(unsafeUninitializedCapacity: bufsize) { buffer, count in
                count = Swift.min(try receive(buffer), bufsize)
            }
        }
        if bufsize <= 1024 {
            return try withUnsafeTemporaryAllocation(byteCount: bufsize, alignment: 16) { buffer in
                let count = Swift.min(try receive(buffer), bufsize)
                return bytes(copying: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            }
        }
        let data = try bytes(unsafeUninitializedCapacity: bufsize) { buffer, count in
            count = Swift.min(try receive(buffer), bufsize)
        }
        let count = data.count
        if count <= _inlineCapacity || bufsize - count > Swift.max(count, 4096) {
            return data.withUnsafeBytes { bytes(copying: $0) }
        }
        return data
    }
}

extension bytes: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public typealias Index = Int
    public typealias Element = UInt8
    public typealias Indices = Range<Int>

    /// The first index: 0.
    ///
    /// Python: none (Swift's `Collection` needs it; Python indexes from 0). C: none.
    @_transparent public var startIndex: Int { 0 }
    /// One past the last index: `len(b)`.
    ///
    /// Python: none (Swift's `Collection` needs it; `len(b)`). C: none.
    @_transparent public var endIndex: Int { count }
    /// `len(b)`: how many bytes.
    ///
    /// Python: `bytes.__len__`.
    @_transparent public var count: Int {
        _inlineCount >= 0xFE ? Int(bitPattern: _inline.1) : Int(bitPattern: _inlineCount._lowWord)
    }
    /// `not b`: whether there are no bytes.
    ///
    /// Python: `not b` (`bytes.__len__() == 0`). C: none.
    @_transparent public var isEmpty: Bool { count == 0 }
    /// `range(len(b))`.
    ///
    /// Python: `range(len(b))`. C: none.
    @_transparent public var indices: Range<Int> { 0..<count }
    /// `i + 1`.
    ///
    /// Python: none (Swift's `Collection` needs it to step an index). C: none.
    @_transparent public func index(after i: Int) -> Int { i + 1 }
    /// `i - 1`.
    ///
    /// Python: none (Swift's `BidirectionalCollection` needs it to step an index back). C: none.
    @_transparent public func index(before i: Int) -> Int { i - 1 }
    /// `i + distance`.
    ///
    /// Python: none (Swift's `RandomAccessCollection` needs it to move an index). C: none.
    @_transparent public func index(_ i: Int, offsetBy distance: Int) -> Int { i + distance }
    /// `end - start`.
    ///
    /// Python: none (Swift's `RandomAccessCollection` needs it to measure a range). C: none.
    @_transparent public func distance(from start: Int, to end: Int) -> Int { end - start }

    /// `b[i]`: the byte at `i` (0 ≤ i < count; out of range traps, as an array's subscript).
    ///
    /// Python: `b[i]` (`bytes.__getitem__` with an int) for 0 ≤ i < `len(b)`; Python's negative `i` and IndexError have no
    /// counterpart here (as an array's subscript). C: none.
    @inlinable public subscript(position: Int) -> UInt8 {
        @_transparent get {
            // One unsigned comparison checks both ends; then one load through the heap address
            // or the inline words' (no branch on the storage, so a loop over `b[i]` vectorises).
            let onHeap = _inlineCount >= 0xFE
            if UInt(bitPattern: position) >= (onHeap ? _inline.1 : _inlineCount._lowWord) { bytes._outOfRangeTrap() }
            var words = _inline
            return bytes._byte(onHeap ? _inline.0 : 0, &words, position)
        }
        set {
            if UInt(bitPattern: position) >= UInt(bitPattern: count) { bytes._outOfRangeTrap() }
            if _isOnHeap {
                _moveToHeap()
                _heap[position] = newValue
                _syncHeap()
                return
            }
            withUnsafeMutableBytes(of: &_inline) { $0[position] = newValue }
        }
    }

    /// The trap of an index out of range (as an array's).
    @usableFromInline static func _outOfRangeTrap() -> Never { fatalError("Index out of range") }

    /// Replaces `b[subrange]` with `newElements` (a value on the heap afterwards).
    ///
    /// Python: none (Swift's `RangeReplaceableCollection` needs it; `bytearray`'s `b[i:j] = x` is the Python form). C: none.
    @inlinable public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == UInt8 {
        _moveToHeap()
        _heap.replaceSubrange(subrange, with: newElements)
        _syncHeap()
    }

    /// Makes room for `n` bytes (on the heap when more than 16).
    ///
    /// Python: none (Swift's `RangeReplaceableCollection` needs it). C: none.
    @inlinable public mutating func reserveCapacity(_ n: Int) {
        if n <= bytes._inlineCapacity && !_isOnHeap { return }
        _moveToHeap()
        _heap.reserveCapacity(n)
        _syncHeap()
    }

    /// Calls `body` with the bytes in contiguous memory (always available; no copy on the heap).
    ///
    /// Python: none (Swift's `Sequence` needs it for fast paths; Python's buffer protocol is the like). C: none.
    @inlinable public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try withUnsafeBytes { try body($0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// Calls `body` with the bytes in contiguous mutable memory, in place.
    ///
    /// Python: none (Swift's `MutableCollection` needs it for fast paths). C: none.
    @inlinable public mutating func withContiguousMutableStorageIfAvailable<R>(_ body: (inout UnsafeMutableBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        if _isOnHeap {
            _moveToHeap()
            defer { _syncHeap() }
            return try _heap.withUnsafeMutableBufferPointer(body)
        }
        let count = Int(_inlineCount)
        return try Swift.withUnsafeMutablePointer(to: &_inline) { words in
            try UnsafeMutableRawPointer(words).withMemoryRebound(to: UInt8.self, capacity: bytes._inlineCapacity) {
                var buffer = UnsafeMutableBufferPointer(start: $0, count: count)
                return try body(&buffer)
            }
        }
    }

    /// Iterates the bytes where they are: through the heap address, or from a copy of the
    /// inline words, with no call per byte even in a debug build.
    ///
    /// Python: `iter(b)` (`bytes.__iter__`). C: none.
    @_transparent public func makeIterator() -> Iterator {
        let onHeap = _isOnHeap
        return Iterator(_owner: _heap, _base: onHeap ? _inline.0 : 0, _inline: onHeap ? (0, 0) : _inline, _position: 0, _end: count)
    }

    /// The iterator of `bytes`: the bytes in order.
    ///
    /// Python: `bytes.__iter__`.
    @frozen public struct Iterator: IteratorProtocol {
        /// Keeps the heap bytes alive while they are iterated.
        @usableFromInline let _owner: [UInt8]
        /// The first heap byte's address; 0 for inline bytes.
        @usableFromInline let _base: UInt
        /// The inline bytes (a `var` so that `next()` can read them through their address).
        @usableFromInline var _inline: (UInt, UInt)
        @usableFromInline var _position: Int
        @usableFromInline let _end: Int

        @_transparent @usableFromInline
        init(_owner: [UInt8], _base: UInt, _inline: (UInt, UInt), _position: Int, _end: Int) {
            self._owner = _owner
            self._base = _base
            self._inline = _inline
            self._position = _position
            self._end = _end
        }

        /// The next byte, or nil at the end.
        ///
        /// Python: `next(it)` on a bytes iterator (nil where Python raises StopIteration). C: none.
        @_transparent public mutating func next() -> UInt8? {
            let i = _position
            if i == _end { return nil }
            _position = i &+ 1
            return bytes._byte(_base, &_inline, i)
        }
    }
}

extension bytes: Equatable, Hashable {
    /// `a == b`: the same bytes.
    ///
    /// Python: `bytes.__eq__`.
    @_transparent public static func == (lhs: bytes, rhs: bytes) -> Bool {
        if lhs._inlineCount < 0xFE && rhs._inlineCount < 0xFE {
            return lhs._inlineCount == rhs._inlineCount && lhs._inline.0 == rhs._inline.0 && lhs._inline.1 == rhs._inline.1
        }
        return _equalContents(lhs, rhs)
    }

    /// Whether the two hold the same bytes (one of them on the heap), with memcmp.
    @usableFromInline static func _equalContents(_ lhs: bytes, _ rhs: bytes) -> Bool {
        lhs.withUnsafeBytes { a in
            rhs.withUnsafeBytes { b in
                guard a.count == b.count else { return false }
                guard let x = a.baseAddress, let y = b.baseAddress, x != y else { return true }
                return ByteSearch.equal(x, y, a.count)
            }
        }
    }

    /// `hash(b)`: hashes the bytes (a different function from Python's; equal values hash equally).
    ///
    /// Python: `bytes.__hash__`.
    @inlinable public func hash(into hasher: inout Hasher) {
        let n = count
        hasher.combine(n)
        if n > bytes._inlineCapacity {
            hasher.combine(bytes: UnsafeRawBufferPointer(start: _heapBase, count: n))
            return
        }
        // Up to 16 bytes hash as the two zero-padded words of inline storage, wherever they are.
        let words = _isOnHeap ? bytes._words(UnsafeRawBufferPointer(start: _heapBase, count: n)) : _inline
        hasher.combine(words.0)
        hasher.combine(words.1)
    }

    /// Up to 16 bytes as inline storage holds them: in memory order, zero-padded.
    @usableFromInline static func _words(_ source: UnsafeRawBufferPointer) -> (UInt, UInt) {
        var words: (UInt, UInt) = (0, 0)
        if let base = source.baseAddress {
            withUnsafeMutableBytes(of: &words) { $0.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        }
        return words
    }
}

extension bytes: ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    /// `b"..."`: the literal's UTF-8 bytes (inline up to 16, with no allocation), read from
    /// the binary's constant data (a `StaticString`: no `String` is made).
    ///
    /// Python: the literal `b"..."`. C: none.
    @inlinable public init(stringLiteral value: StaticString) {
        // The literal's address and length, with no generic `withUTF8Buffer` closure (a debug
        // build calls it unspecialised); a one-scalar StaticString has no address.
        if value.hasPointerRepresentation {
            self.init(copying: UnsafeRawBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount))
        } else {
            self = value.withUTF8Buffer { bytes(copying: UnsafeRawBufferPointer($0)) }
        }
    }
    /// `bytes([1, 2, 3])`: keeps the literal's array (made anyway), with no copy.
    ///
    /// Python: `bytes([1, 2, 3])`. C: none.
    @inlinable public init(arrayLiteral elements: UInt8...) {
        self.init(elements)
    }
}

extension Array where Element == UInt8 {
    /// `list(b)` / `bytearray(b)`: the bytes as an array.
    ///
    /// Python: `list(b)`. C: none.
    @inlinable public init(_ value: bytes) { self = value.storage }
}

extension bytes {
    /// `bytes(n)`: `n` zero bytes.
    ///
    /// Python: `bytes(int)`. C: none.
    /// - Throws: `ValueError('negative count')`; `MemoryError()` when the memory cannot be had.
    public init(count: Int) throws {
        try bytes._checkSize(count)
        if count <= bytes._inlineCapacity {
            self.init()
            _inlineCount = UInt8(truncatingIfNeeded: count)
        } else {
            self.init([UInt8](repeating: 0, count: count))
        }
    }

    /// CPython's errors for a new value of `count` bytes: `ValueError('negative count')`, and
    /// `MemoryError()` when the C allocator would not give the memory (Swift's allocator traps
    /// instead of failing, so a huge size is asked of `malloc` first).
    static func _checkSize(_ count: Int) throws {
        if count < 0 { throw ValueError("negative count") }
        if count >= Memory.probeThreshold && !Memory.canAllocate(count) { throw MemoryError() }
    }
}
