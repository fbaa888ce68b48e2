// Python's `bytes`: a value type of UInt8 (up to 16 bytes inline, more in a buffer of its own), printed as Python's repr.

/// The heap storage of `bytes`: one allocation holding the bytes after a header (the
/// capacity), made at its final size, uninitialised, and filled by the caller (a system call,
/// `memcpy`). Values share it until one mutates (copy on write); only a value that is all of
/// a buffer it references alone writes into it.
///
/// Python: none (the `ob_sval` of CPython's `PyBytesObject`).
@usableFromInline final class _BytesBuffer: ManagedBuffer<Int, UInt8> {
    /// A new buffer of `capacity` bytes, uninitialised, and the address of its first byte.
    @usableFromInline static func make(_ capacity: Int) -> (_BytesBuffer, UnsafeMutablePointer<UInt8>) {
        let buffer = allocate(capacity)
        return (buffer, bytes._elements(buffer))
    }

    /// A buffer of at least `count` bytes, uninitialised, for a new value that is more likely
    /// read and dropped than grown (a `recv(n)`, a line, a copy): one of the two this thread
    /// made last when nothing else references it any more and its capacity fits `count` (at
    /// most 64 bytes or a quarter over), else a new one, kept in their place.
    ///
    /// A program that drops each value before the next one is made (a server's loop) then
    /// makes no heap allocation per value: a retain and a release in place of `malloc`, `free`
    /// and the Swift runtime's object set-up and teardown (about 340 instructions). Only
    /// uniqueness is at stake: a value whose buffer a slot still holds is not unique, so its
    /// first in-place mutation copies it (as a shared array's does).
    @usableFromInline static func recycled(_ count: Int) -> _BytesBuffer {
        // Written for a debug build too (what `swift run` builds): addresses as integers, no
        // reference until the one returned, no generic call, so that a reuse costs less than
        // an allocation and a free there as well.
        if count > 4096 { return allocate(count) }
        guard let slots = ThreadSlots.current() else { return allocate(count) }
        let most = count &+ (count > 256 ? count &>> 2 : 64)
        let first = slots[0], second = slots[1]
        // Each slot: its capacity (the `Int` header just before the bytes, read through a typed
        // pointer: no generic call in a debug build), then the runtime's uniqueness check.
        if let object = UnsafeRawPointer(bitPattern: first) {
            let capacity = (object + (bytes._elementOffset &- MemoryLayout<Int>.size)).assumingMemoryBound(to: Int.self)[0]
            if capacity >= count && capacity <= most && ThreadSlots.isUnique(first) {
                return Unmanaged<_BytesBuffer>.fromOpaque(object).takeUnretainedValue()
            }
        }
        if let object = UnsafeRawPointer(bitPattern: second) {
            let capacity = (object + (bytes._elementOffset &- MemoryLayout<Int>.size)).assumingMemoryBound(to: Int.self)[0]
            if capacity >= count && capacity <= most && ThreadSlots.isUnique(second) {
                return Unmanaged<_BytesBuffer>.fromOpaque(object).takeUnretainedValue()
            }
        }
        // Rounded up to 16 (malloc's granularity: the block is no bigger), so that the next
        // values of about this size fit it.
        let fresh = allocate((count &+ 15) & ~15)
        slots[1] = first
        slots[0] = UInt(bitPattern: Unmanaged.passRetained(fresh).toOpaque())
        if let evicted = UnsafeRawPointer(bitPattern: second) { Unmanaged<_BytesBuffer>.fromOpaque(evicted).release() }
        return fresh
    }

    /// A new buffer of `capacity` bytes, uninitialised.
    @usableFromInline static func allocate(_ capacity: Int) -> _BytesBuffer {
        // `create` called on this class makes an instance of it.
        unsafeDowncast(_BytesBuffer.create(minimumCapacity: capacity) { _ in capacity }, to: _BytesBuffer.self)
    }

}

/// `bytes`: Python's bytes as a Swift value.
///
/// A random-access collection of `UInt8`, built from a string literal (UTF-8) or an array
/// literal, convertible to and from `[UInt8]`. `description` and `debugDescription` are
/// Python's `repr` (`b'hi\x00'`), which is also what Python's `str()` prints.
///
/// Values of up to 16 bytes (a `recv(1)`, a packed IPv6 address, a short literal) are stored
/// in the value itself, with no heap allocation; longer ones in one heap buffer of their own,
/// allocated once at its final size (or in the `[UInt8]` a value was made from, taken with no
/// copy). A new value from `recv(n)`, `recvfrom(n)`, `readline()` or a copy reuses one of the
/// two buffers its thread made last when the program has dropped the value that held it, so
/// a loop that receives, handles and drops its data allocates nothing per value. A slice longer than 16 bytes (`b[i..<j]`, `partition`, `strip`, `split`'s pieces)
/// shares its parent's storage instead of copying (when that storage is at most 64 KiB or the
/// slice at least half of it, so a short slice never keeps a large buffer alive); mutating
/// either copies first, as arrays do.
///
/// Python: `bytes`.
@frozen
public struct bytes: @unchecked Sendable {
    // Sendable: `_owner` is never written through by two values (a value writes only into a
    // buffer it references alone, as an array does), so sharing it across threads is safe.

    /// On the heap: what keeps the bytes alive, a `_BytesBuffer` or the storage object of an
    /// `[UInt8]` the value was made from (`_storageKind` says which); nil for an inline value.
    @usableFromInline var _owner: AnyObject?
    /// Inline: up to 16 bytes in memory order; the bytes past the count are always zero (so
    /// that equality compares the words). On the heap: the address of the value's first byte
    /// (inside `_owner`) and its count, so that reading a byte or the count is a load with no
    /// call, even in a debug build (where nothing but `@_transparent` code is inlined across
    /// modules).
    @usableFromInline var _inline: (UInt, UInt)
    /// How many bytes are inline (0...16), or where they are on the heap: `_ownBuffer`,
    /// `_wholeArray`, `_bufferSlice` or `_arraySlice` (all at least `_heapKinds`).
    @usableFromInline var _inlineCount: UInt8

    /// `_inlineCount` when the bytes are the start of a `_BytesBuffer` (writable in place when
    /// the value references it alone).
    @_transparent @usableFromInline static var _ownBuffer: UInt8 { 0xFF }
    /// `_inlineCount` when the bytes are a part of a `_BytesBuffer` that other values share.
    @_transparent @usableFromInline static var _bufferSlice: UInt8 { 0xFE }
    /// `_inlineCount` when the bytes are all of an `[UInt8]` (`_owner` is its storage object).
    @_transparent @usableFromInline static var _wholeArray: UInt8 { 0xFD }
    /// `_inlineCount` when the bytes are a part of an `[UInt8]` that other values share.
    @_transparent @usableFromInline static var _arraySlice: UInt8 { 0xFC }
    /// The smallest `_inlineCount` of a value on the heap.
    @_transparent @usableFromInline static var _heapKinds: UInt8 { 0xFC }
    /// The most bytes stored inline (16 on a 64-bit platform).
    @_transparent @usableFromInline static var _inlineCapacity: Int { 2 &* MemoryLayout<UInt>.size }

    /// The address of a `_BytesBuffer`'s first byte: the object's address plus `_elementOffset`.
    @_transparent @usableFromInline static func _elements(_ buffer: _BytesBuffer) -> UnsafeMutablePointer<UInt8> {
        (UnsafeMutableRawPointer(Unmanaged.passUnretained(buffer).toOpaque()) + _elementOffset).assumingMemoryBound(to: UInt8.self)
    }

    /// Where the bytes start in a `_BytesBuffer`, as `ManagedBuffer` lays it out: the object
    /// header (two words), then the `Int` header, then the bytes (alignment 1). A constant, so
    /// that no generic `withUnsafeMutablePointerToElements` runs per allocation;
    /// BytesStorageTests checks it against that call.
    @_transparent @usableFromInline static var _elementOffset: Int { 3 &* MemoryLayout<Int>.size }

    /// A `_BytesBuffer`'s capacity (its `Int` header, just before the bytes), read from memory:
    /// reading the class's `header` property is an exclusivity check each time
    /// (`swift_beginAccess`, 76 of a release `+=`'s 207 instructions).
    @_transparent @usableFromInline static func _bufferCapacity(_ owner: AnyObject) -> Int {
        (UnsafeRawPointer(Unmanaged.passUnretained(owner).toOpaque()) + (_elementOffset &- MemoryLayout<Int>.size)).load(as: Int.self)
    }

    /// `bytes()`: empty.
    ///
    /// Python: `bytes()`. C: none.
    @_transparent public init() {
        _owner = nil
        _inline = (0, 0)
        _inlineCount = 0
    }

    /// `bytes(iterable_of_ints)`: takes the array as it is (no copy).
    ///
    /// Python: `bytes(iterable_of_ints)`. C: none.
    @_transparent public init(_ storage: [UInt8]) {
        // The address and count read from the argument (in a debug build, each read of a
        // stored array retains and releases it).
        _inline = (bytes._address(storage), UInt(bitPattern: storage.count))
        // An array is one reference to its storage object, which keeps the elements alive.
        _owner = unsafeBitCast(storage, to: AnyObject.self)
        _inlineCount = bytes._wholeArray
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

    /// A copy of `buffer`'s bytes: inline when they fit, else in one buffer of exactly their count.
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
            self.init(_copying: buffer.baseAddress!, count)
        }
    }

    /// A value of `count` (> 16) bytes copied from `source` into a new buffer of that size.
    @usableFromInline init(_copying source: UnsafeRawPointer, _ count: Int) {
        // Written for a debug build too: one call to allocate, no tuple, no Optional.
        let buffer = _BytesBuffer.recycled(count)
        let base = bytes._elements(buffer)
        UnsafeMutableRawPointer(base).copyMemory(from: source, byteCount: count)
        _owner = buffer
        _inline = (UInt(bitPattern: base), UInt(bitPattern: count))
        _inlineCount = bytes._ownBuffer
    }

    /// The value that is the first `count` bytes of `buffer` (at `base`).
    @_transparent @usableFromInline
    init(_buffer buffer: _BytesBuffer, _ base: UnsafeMutablePointer<UInt8>, _ count: Int) {
        _owner = buffer
        _inline = (UInt(bitPattern: base), UInt(bitPattern: count))
        _inlineCount = bytes._ownBuffer
    }

    /// Copies `count` bytes from `source` to `target + offset` (`target` given as `&words`
    /// or `&array`, which a debug build passes with no generic call).
    @_transparent @usableFromInline
    static func _copy(to target: UnsafeMutableRawPointer, at offset: Int, from source: UnsafeRawPointer, count: Int) {
        (target + offset).copyMemory(from: source, byteCount: count)
    }

    /// A value of at most `capacity` bytes written in place by `initializer`, which sets how
    /// many it wrote (the rest stays unused): inline up to 16 bytes, else one buffer allocated
    /// at `capacity`, uninitialised, with no copy afterwards. This is how `recv(n)` fills a
    /// `bytes` straight from the kernel.
    ///
    /// Python: none (CPython's `PyBytes_FromStringAndSize(NULL, n)`).
    @inlinable public init(unsafeUninitializedCapacity capacity: Int,
                           initializingWith initializer: (UnsafeMutableRawBufferPointer, inout Int) throws -> Void) rethrows {
        if capacity <= bytes._inlineCapacity {
            self.init()
            var count = 0
            var words: (UInt, UInt) = (0, 0)
            try bytes._withMutableBytes(at: &words, count: Swift.max(capacity, 0)) { try initializer($0, &count) }
            let kept = Swift.min(Swift.max(count, 0), Swift.max(capacity, 0))
            // The bytes past the count stay zero (equality compares the words), whatever the
            // initializer wrote there.
            if kept < capacity { bytes._zero(&words, from: kept, to: capacity) }
            _inline = words
            _inlineCount = UInt8(truncatingIfNeeded: kept)
        } else {
            let buffer = _BytesBuffer.recycled(capacity)
            let base = bytes._elements(buffer)
            var count = 0
            try initializer(UnsafeMutableRawBufferPointer(start: base, count: capacity), &count)
            self.init(_buffer: buffer, base, Swift.min(Swift.max(count, 0), capacity))
        }
    }

    /// Zeroes bytes `from..<to` at `words` (an inline value's words on the stack).
    @usableFromInline static func _zero(_ words: UnsafeMutableRawPointer, from: Int, to: Int) {
        var i = from
        while i < to { words.storeBytes(of: 0, toByteOffset: i, as: UInt8.self); i &+= 1 }
    }

    /// Calls `body` with `count` writable bytes at `address` (an inline value's words on the stack).
    @_transparent @usableFromInline
    static func _withMutableBytes<R>(at address: UnsafeMutableRawPointer, count: Int,
                                     _ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeMutableRawBufferPointer(start: address, count: count))
    }

    /// Whether the bytes live on the heap (in `_owner`).
    @_transparent @usableFromInline var _isOnHeap: Bool { _inlineCount >= 0xFC }

    /// Whether the bytes are a part of storage other values share (a slice).
    @_transparent @usableFromInline var _isSharedSlice: Bool { _inlineCount == 0xFE || _inlineCount == 0xFC }

    /// The address of the first byte on the heap (nil for an empty array without storage).
    @_transparent @usableFromInline var _heapBase: UnsafePointer<UInt8>? {
        UnsafePointer(bitPattern: _inline.0)
    }

    /// The address an array argument is passed at (its buffer's first byte).
    @_transparent @usableFromInline static func _address(_ pointer: UnsafePointer<UInt8>) -> UInt {
        UInt(bitPattern: pointer)
    }

    /// How many bytes the value can hold before it must move: its buffer's capacity when it is
    /// all of a buffer of its own, else its count.
    var _capacity: Int {
        if _inlineCount == bytes._ownBuffer { return bytes._bufferCapacity(_owner.unsafelyUnwrapped) }
        return _isOnHeap ? count : bytes._inlineCapacity
    }

    /// Makes the value all of a buffer that it alone references, with room for at least
    /// `minimumCapacity` bytes (`grow`: at least twice the old capacity when it must move, as
    /// an array grows), and returns the address of its first byte. Bytes are copied only when
    /// the value is inline, shares its storage, or lacks the room.
    @usableFromInline mutating func _uniqueBuffer(_ minimumCapacity: Int, grow: Bool) -> UnsafeMutablePointer<UInt8> {
        let n = count
        if _inlineCount == bytes._ownBuffer && isKnownUniquelyReferenced(&_owner)
            && bytes._bufferCapacity(_owner.unsafelyUnwrapped) >= minimumCapacity {
            return UnsafeMutablePointer(bitPattern: _inline.0).unsafelyUnwrapped
        }
        let capacity = grow ? Swift.max(minimumCapacity, 2 &* _capacity) : Swift.max(minimumCapacity, n)
        let (buffer, base) = _BytesBuffer.make(capacity)
        if n > 0 { withUnsafeBytes { UnsafeMutableRawPointer(base).copyMemory(from: $0.baseAddress!, byteCount: n) } }
        self = bytes(_buffer: buffer, base, n)
        return base
    }

    /// Appends `source`'s bytes: inline while the total fits in 16, else with `memcpy` into a
    /// buffer of the value's own, grown geometrically (as an array's `+=` grows).
    @usableFromInline mutating func _append(_ source: UnsafeRawBufferPointer) {
        let n = count, m = source.count
        guard m > 0, let from = source.baseAddress else { return }
        if !_isOnHeap && n &+ m <= bytes._inlineCapacity {
            bytes._copy(to: &_inline, at: n, from: from, count: m)
            _inlineCount = UInt8(truncatingIfNeeded: n &+ m)
            return
        }
        let base = _uniqueBuffer(n &+ m, grow: true)
        UnsafeMutableRawPointer(base + n).copyMemory(from: from, byteCount: m)
        _inline.1 = UInt(bitPattern: n &+ m)
    }

    /// `a + b` of two buffers: inline up to 16 bytes, else one buffer of at least the total
    /// (a reused one when the thread has one free), filled with two `memcpy`s.
    static func _concatenating(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> bytes {
        let n = a.count, m = b.count, total = n &+ m
        if total <= _inlineCapacity {
            var value = bytes()
            if n > 0 { _copy(to: &value._inline, at: 0, from: a.baseAddress!, count: n) }
            if m > 0 { _copy(to: &value._inline, at: n, from: b.baseAddress!, count: m) }
            value._inlineCount = UInt8(truncatingIfNeeded: total)
            return value
        }
        // A result is more often sent and dropped than grown (`sendall(head + body)`).
        let buffer = _BytesBuffer.recycled(total)
        let base = _elements(buffer)
        if n > 0 { UnsafeMutableRawPointer(base).copyMemory(from: a.baseAddress!, byteCount: n) }
        if m > 0 { UnsafeMutableRawPointer(base + n).copyMemory(from: b.baseAddress!, byteCount: m) }
        return bytes(_buffer: buffer, base, total)
    }

    /// `count` bytes from `offset` (unchecked: `0 <= offset`, `offset + count <= self.count`),
    /// allocating nothing when they fit inline or can share this value's storage: a heap piece
    /// longer than 16 bytes keeps `_owner` alive and points into it, when the storage is at
    /// most 64 KiB or the piece at least half of it (a short piece of a large buffer is copied,
    /// so that it does not keep the buffer's memory alive). The slicing methods (`b[i..<j]`,
    /// `partition`, `strip`, `split`...) make their results with this.
    @inlinable func _slice(from offset: Int, count n: Int) -> bytes {
        if n == count { return self }
        if n <= 0 { return bytes() }
        // Up to 16 bytes: assembled in two words (shifts of inline words, or loads), no memcpy.
        if !_isOnHeap { return bytes._inlinePiece(_inline, offset, n) }
        if n <= bytes._inlineCapacity { return bytes._smallPiece(_heapBase.unsafelyUnwrapped + offset, n) }
        return _sharedPiece(from: offset, count: n)
    }

    /// The heap piece of `_slice`: shared, or copied out of a large storage.
    @usableFromInline func _sharedPiece(from offset: Int, count n: Int) -> bytes {
        let whole: Int
        switch _inlineCount {
        case bytes._ownBuffer, bytes._wholeArray: whole = count
        case bytes._bufferSlice: whole = bytes._bufferCapacity(_owner.unsafelyUnwrapped)
        default: whole = unsafeBitCast(_owner.unsafelyUnwrapped, to: [UInt8].self).count
        }
        if whole > 65_536 && n < whole / 2 {
            return bytes(_copying: _heapBase.unsafelyUnwrapped + offset, n)
        }
        var piece = self
        piece._inline = (_inline.0 &+ UInt(bitPattern: offset), UInt(bitPattern: n))
        piece._inlineCount = _inlineCount >= bytes._bufferSlice ? bytes._bufferSlice : bytes._arraySlice
        return piece
    }

    /// The bytes as an array (the value's own array when it was made from one, else a new
    /// one), and where `storage` is mutated (the array is taken out, mutated in place when
    /// the value was its only holder, and taken back).
    ///
    /// Python: none (the buffer a `bytes` object holds).
    public var storage: [UInt8] {
        @inlinable get {
            if _inlineCount == bytes._wholeArray { return unsafeBitCast(_owner.unsafelyUnwrapped, to: [UInt8].self) }
            return withUnsafeBytes { Array($0) }
        }
        @inlinable set { self = bytes(newValue) }
        @inlinable _modify {
            var array: [UInt8]
            if _inlineCount == bytes._wholeArray {
                array = unsafeBitCast(_owner.unsafelyUnwrapped, to: [UInt8].self)
                self = bytes()
            } else {
                array = withUnsafeBytes { Array($0) }
            }
            defer { self = bytes(array) }
            yield &array
        }
    }

    /// Calls `body` with the bytes in contiguous memory (no copy for a value on the heap).
    ///
    /// Python: the buffer protocol (`memoryview(b)`).
    @_transparent public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if _isOnHeap {
            // `self` (and so `_owner`) is alive for the whole call.
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
    ///   (inline if 16 or fewer arrived; a small exact-size buffer comes from malloc's
    ///   per-thread cache, which a 1 KiB one does not fit);
    /// - more: received straight into a buffer of `bufsize` bytes, uninitialised. It is kept
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
        _inlineCount >= 0xFC ? Int(bitPattern: _inline.1) : Int(bitPattern: _inlineCount._lowWord)
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
            if _inlineCount >= 0xFC {
                if UInt(bitPattern: position) >= _inline.1 { bytes._outOfRangeTrap() }
                // The address as a pointer with no Optional to unwrap (a heap value's address is
                // never 0 once it holds a byte).
                return unsafeBitCast(_inline, to: (UnsafePointer<UInt8>, UInt).self).0[position]
            }
            if UInt(bitPattern: position) >= _inlineCount._lowWord { bytes._outOfRangeTrap() }
            return bytes._inlineByte(_inline, position)
            #else
            // Optimised: one load through the heap address or the inline words' address, with
            // no branch on the storage inside a loop (a third of the instructions per byte).
            let onHeap = _inlineCount >= 0xFC
            if UInt(bitPattern: position) >= (onHeap ? _inline.1 : _inlineCount._lowWord) { bytes._outOfRangeTrap() }
            var words = _inline
            return bytes._byte(onHeap ? _inline.0 : 0, &words, position)
            #endif
        }
        set {
            if UInt(bitPattern: position) >= UInt(bitPattern: count) { bytes._outOfRangeTrap() }
            if _isOnHeap {
                _uniqueBuffer(count, grow: false)[position] = newValue
                return
            }
            bytes._store(&_inline, position, newValue)
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

    /// Stores `byte` at `i` of an inline value's words (a raw store, as `_byte` reads).
    @_transparent @usableFromInline
    static func _store(_ words: UnsafeMutableRawPointer, _ i: Int, _ byte: UInt8) {
        words.storeBytes(of: byte, toByteOffset: i, as: UInt8.self)
    }

    /// Replaces `b[subrange]` with `newElements`: in place when the value is all of a buffer
    /// it alone references and the result fits, else into one new value (inline up to 16 bytes).
    ///
    /// Python: none (Swift's `RangeReplaceableCollection` needs it; `bytearray`'s `b[i:j] = x` is the Python form). C: none.
    @inlinable public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == UInt8 {
        if newElements.withContiguousStorageIfAvailable({ _replace(subrange, UnsafeRawBufferPointer($0)) }) != nil { return }
        let array = Array(newElements)
        array.withUnsafeBytes { _replace(subrange, $0) }
    }

    /// `replaceSubrange` with the new bytes in contiguous memory (which may be this value's).
    @usableFromInline mutating func _replace(_ subrange: Range<Int>, _ source: UnsafeRawBufferPointer) {
        let n = count, lower = subrange.lowerBound, upper = subrange.upperBound
        if lower < 0 || upper > n { bytes._outOfRangeTrap() }
        if lower == n { _append(source); return }
        let m = source.count, tail = n &- upper, total = lower &+ m &+ tail
        if _inlineCount == bytes._ownBuffer && isKnownUniquelyReferenced(&_owner)
            && bytes._bufferCapacity(_owner.unsafelyUnwrapped) >= total {
            // In place: the tail moves, then the new bytes (not this value's: the caller's
            // copy of it would make the buffer shared) are copied in.
            let base = UnsafeMutableRawPointer(bitPattern: _inline.0).unsafelyUnwrapped
            if tail > 0 && m != upper &- lower { (base + (lower &+ m)).copyMemory(from: base + upper, byteCount: tail) }
            if m > 0 { (base + lower).copyMemory(from: source.baseAddress!, byteCount: m) }
            _inline.1 = UInt(bitPattern: total)
            return
        }
        self = withUnsafeBytes { old in
            bytes(unsafeUninitializedCapacity: total) { target, initialized in
                let to = target.baseAddress
                if lower > 0 { to!.copyMemory(from: old.baseAddress!, byteCount: lower) }
                if m > 0 { (to! + lower).copyMemory(from: source.baseAddress!, byteCount: m) }
                if tail > 0 { (to! + (lower &+ m)).copyMemory(from: old.baseAddress! + upper, byteCount: tail) }
                initialized = total
            }
        }
    }

    /// Appends one byte (in place in a buffer of the value's own, grown geometrically).
    ///
    /// Python: `bytearray.append` (Swift's `RangeReplaceableCollection`). C: none.
    @inlinable public mutating func append(_ newElement: UInt8) {
        _appendByte(newElement)
    }

    /// `append(_:)`: inline while it fits, else into a buffer of the value's own.
    @usableFromInline mutating func _appendByte(_ byte: UInt8) {
        let n = count
        if !_isOnHeap && n < bytes._inlineCapacity {
            bytes._store(&_inline, n, byte)
            _inlineCount &+= 1
            return
        }
        _uniqueBuffer(n &+ 1, grow: true)[n] = byte
        _inline.1 = UInt(bitPattern: n &+ 1)
    }

    /// Appends the bytes of `newElements` (one `memcpy` when they are contiguous).
    ///
    /// Python: `bytearray.extend` (Swift's `RangeReplaceableCollection`). C: none.
    @inlinable public mutating func append<S: Sequence>(contentsOf newElements: S) where S.Element == UInt8 {
        if newElements.withContiguousStorageIfAvailable({ _append(UnsafeRawBufferPointer($0)) }) != nil { return }
        let array = Array(newElements)
        array.withUnsafeBytes { _append($0) }
    }

    /// Makes room for `n` bytes (in a buffer of the value's own when more than 16).
    ///
    /// Python: none (Swift's `RangeReplaceableCollection` needs it). C: none.
    @inlinable public mutating func reserveCapacity(_ n: Int) {
        if n <= bytes._inlineCapacity && !_isOnHeap { return }
        _ = _uniqueBuffer(n, grow: false)
    }

    /// Calls `body` with the bytes in contiguous memory (always available; no copy on the heap).
    ///
    /// Python: none (Swift's `Sequence` needs it for fast paths; Python's buffer protocol is the like). C: none.
    @inlinable public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try withUnsafeBytes { try body($0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// Calls `body` with the bytes in contiguous mutable memory, in place (a buffer of the
    /// value's own; an inline value's bytes are copied out and back).
    ///
    /// Python: none (Swift's `MutableCollection` needs it for fast paths). C: none.
    @inlinable public mutating func withContiguousMutableStorageIfAvailable<R>(_ body: (inout UnsafeMutableBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        let n = count
        if _isOnHeap {
            var buffer = UnsafeMutableBufferPointer(start: _uniqueBuffer(n, grow: false), count: n)
            return try body(&buffer)
        }
        // The words copied out, written as bytes through a rebound pointer, and stored back.
        var words = _inline
        defer { _inline = words }
        return try bytes._withMutableBytes(at: &words, count: n, body)
    }

    /// Calls `body` with `count` bytes at `words` (an inline value's words on the stack), bound
    /// to `UInt8` for the call.
    @usableFromInline static func _withMutableBytes<R>(at words: UnsafeMutableRawPointer, count: Int,
                                                      _ body: (inout UnsafeMutableBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try words.withMemoryRebound(to: UInt8.self, capacity: _inlineCapacity) {
            var buffer = UnsafeMutableBufferPointer(start: $0, count: count)
            return try body(&buffer)
        }
    }

    /// Iterates the bytes where they are: through the heap address, or from a copy of the
    /// inline words, with no call per byte even in a debug build.
    ///
    /// Python: `iter(b)` (`bytes.__iter__`). C: none.
    @_transparent public func makeIterator() -> Iterator {
        let onHeap = _isOnHeap
        return Iterator(_owner: _owner, _base: onHeap ? _inline.0 : 0, _inline: onHeap ? (0, 0) : _inline, _position: 0, _end: count)
    }

    /// The iterator of `bytes`: the bytes in order.
    ///
    /// Python: `bytes.__iter__`.
    @frozen public struct Iterator: IteratorProtocol {
        /// Keeps the heap bytes alive while they are iterated.
        @usableFromInline let _owner: AnyObject?
        /// The first heap byte's address; 0 for inline bytes.
        @usableFromInline let _base: UInt
        /// The inline bytes (a `var` so that `next()` can read them through their address).
        @usableFromInline var _inline: (UInt, UInt)
        @usableFromInline var _position: Int
        @usableFromInline let _end: Int

        @_transparent @usableFromInline
        init(_owner: AnyObject?, _base: UInt, _inline: (UInt, UInt), _position: Int, _end: Int) {
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
        if lhs._inlineCount < 0xFC && rhs._inlineCount < 0xFC {
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
            let count = value.utf8CodeUnitCount
            // Past 16 bytes, straight to the one library call that allocates and copies.
            if count > bytes._inlineCapacity { self.init(_copying: value.utf8Start, count); return }
            self.init(copying: UnsafeRawBufferPointer(start: value.utf8Start, count: count))
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
            // An array (zeroed by the standard library): a caller that fills it through
            // `storage` (getsockopt, asyncio's sock_recv) then mutates it in place, with no copy.
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
