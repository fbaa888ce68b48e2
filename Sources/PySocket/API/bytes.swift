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
        // The address and count read from the argument (in a debug build, each read of a
        // stored array retains and releases it).
        _inline = (bytes._address(storage), UInt(bitPattern: storage.count))
        _heap = storage
        _inlineCount = bytes._onHeap
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
        let count = buffer.count
        if count <= bytes._inlineCapacity {
            self.init()
            // `&_inline` (not the generic `withUnsafeMutableBytes(of:)`, which a debug build
            // runs unspecialised): about 100 instructions less per value in a debug build.
            if count > 0 { bytes._copy(to: &_inline, at: 0, from: buffer.baseAddress!, count: count) }
            _inlineCount = UInt8(truncatingIfNeeded: count)
        } else {
            // Array(UnsafeRawBufferPointer) runs the standard library's own compiled copy, which
            // gets the array storage's type metadata from a cache; `[UInt8](unsafeUninitializedCapacity:)`
            // or `Array(repeating:count:)`, specialised here, ask the runtime for it on every call
            // (about 400 instructions more per value on Linux, measured with callgrind).
            self.init(Array(buffer))
        }
    }

    /// Copies `count` bytes from `source` to `target + offset` (`target` given as `&words`
    /// or `&array`, which a debug build passes with no generic call).
    @_transparent @usableFromInline
    static func _copy(to target: UnsafeMutableRawPointer, at offset: Int, from source: UnsafeRawPointer, count: Int) {
        (target + offset).copyMemory(from: source, byteCount: count)
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
        // The array passed as a pointer argument: its buffer's address, with no closure (a
        // generic `withUnsafeBufferPointer` runs unspecialised in a debug build).
        _inline = (bytes._address(_heap), UInt(bitPattern: _heap.count))
        _inlineCount = bytes._onHeap
    }

    /// The address an array argument is passed at (its buffer's first byte).
    @_transparent @usableFromInline static func _address(_ pointer: UnsafePointer<UInt8>) -> UInt {
        UInt(bitPattern: pointer)
    }

    /// Appends `source`'s bytes: inline while the total fits in 16, else to an array of the
    /// value's own (`_heap.append`, which grows it geometrically, as an array's `+=` does).
    mutating func _append(_ source: UnsafeRawBufferPointer) {
        let n = count, m = source.count
        guard m > 0, let from = source.baseAddress else { return }
        if !_isOnHeap && n &+ m <= bytes._inlineCapacity {
            bytes._copy(to: &_inline, at: n, from: from, count: m)
            _inlineCount = UInt8(truncatingIfNeeded: n &+ m)
            return
        }
        if _inlineCount != bytes._onHeap { _moveToHeap() }
        _heap.append(contentsOf: source)
        _syncHeap()
    }

    /// `a + b` of two buffers: inline up to 16 bytes; up to 4 KiB, an array copied from a
    /// page of zeros (the standard library's cheapest way to allocate an array, see
    /// `init(copying:)`) and then overwritten; beyond, an uninitialised array.
    static func _concatenating(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> bytes {
        let n = a.count, m = b.count, total = n &+ m
        if total <= _inlineCapacity {
            var value = bytes()
            if n > 0 { _copy(to: &value._inline, at: 0, from: a.baseAddress!, count: n) }
            if m > 0 { _copy(to: &value._inline, at: n, from: b.baseAddress!, count: m) }
            value._inlineCount = UInt8(truncatingIfNeeded: total)
            return value
        }
        if total <= _zeros.count {
            var array = _arrayOfZeros(_zeros, total)
            if n > 0 { _copy(to: &array, at: 0, from: a.baseAddress!, count: n) }
            if m > 0 { _copy(to: &array, at: n, from: b.baseAddress!, count: m) }
            return bytes(array)
        }
        return bytes(unsafeUninitializedCapacity: total) { target, initialized in
            if n > 0 { target.baseAddress!.copyMemory(from: a.baseAddress!, byteCount: n) }
            if m > 0 { (target.baseAddress! + n).copyMemory(from: b.baseAddress!, byteCount: m) }
            initialized = total
        }
    }

    /// 4 KiB of zeros, the source `_concatenating` copies a new array from.
    static let _zeros = [UInt8](repeating: 0, count: 4096)

    /// A new array of the first `count` bytes at `zeros`.
    static func _arrayOfZeros(_ zeros: UnsafePointer<UInt8>, _ count: Int) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: zeros, count: count))
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
            return try body(UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: _inline.0), count: Int(bitPattern: _inline.1)))
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
        #if DEBUG
        // A typed pointer's subscript is `@_transparent` (a raw pointer's generic `load` is a
        // call in a debug build).
        (heapBase != 0 ? UnsafePointer<UInt8>(bitPattern: heapBase)! : inline.assumingMemoryBound(to: UInt8.self))[i]
        #else
        // A raw load: `inline` is memory bound to `(UInt, UInt)`, and reading it through a
        // `UInt8` pointer lets the optimiser reorder the load before the words are stored
        // (a release dns_client read garbage from a 2-byte recv: scripts/integration --release).
        (heapBase != 0 ? UnsafeRawPointer(bitPattern: heapBase)! : inline).load(fromByteOffset: i, as: UInt8.self)
        #endif
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
            // One unsigned comparison checks both ends.
            #if DEBUG
            // A debug build of the library (SwiftPM's debug configuration, what `swift run`
            // builds, whose client is a debug build too): every step costs instructions, so a
            // branch on the storage, then a typed load or a shift of the inline words.
            if _inlineCount >= 0xFE {
                if UInt(bitPattern: position) >= _inline.1 { bytes._outOfRangeTrap() }
                return UnsafePointer<UInt8>(bitPattern: _inline.0)![position]
            }
            if UInt(bitPattern: position) >= _inlineCount._lowWord { bytes._outOfRangeTrap() }
            return bytes._inlineByte(_inline, position)
            #else
            // Optimised: one load through the heap address or the inline words' address, with
            // no branch on the storage inside a loop (a third of the instructions per byte).
            let onHeap = _inlineCount >= 0xFE
            if UInt(bitPattern: position) >= (onHeap ? _inline.1 : _inlineCount._lowWord) { bytes._outOfRangeTrap() }
            var words = _inline
            return bytes._byte(onHeap ? _inline.0 : 0, &words, position)
            #endif
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

    /// Byte `i` (0..<16) of inline storage, in memory order (with concrete-type operations
    /// only, which a debug build inlines).
    @_transparent @usableFromInline static func _inlineByte(_ words: (UInt, UInt), _ i: Int) -> UInt8 {
        let size = MemoryLayout<UInt>.size
        #if _endian(little)
        let word = i < size ? words.0 : words.1
        #else
        let word = i < size ? words.0.byteSwapped : words.1.byteSwapped
        #endif
        return UInt8(_truncatingBits: word &>> UInt(bitPattern: (i & (size &- 1)) &* 8))
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
        // Different lengths differ with no call (a heap key against inline ones, in a dict scan).
        if lhs.count != rhs.count { return false }
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
    @_transparent public init(stringLiteral value: StaticString) {
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
    @_transparent public init(arrayLiteral elements: UInt8...) {
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
