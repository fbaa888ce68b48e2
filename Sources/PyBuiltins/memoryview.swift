// memoryview: a slice of bytes without a copy, for send loops (`view = view[n:]`) and recv_into at an offset.
import PySocket

/// `memoryview(obj)`: a window on the bytes of a `bytes`, `bytearray` or `[UInt8]` that slices
/// without copying: `view[n...]` is Python's `view[n:]`, and `send`, `sendall`, `sendto` take a
/// view as they take bytes. A view of a `bytearray` (or `[UInt8]`) is writable:
/// `s.recv_into(view[got...], size - got)` writes into the bytearray's bytes, as in Python.
///
/// ```swift
/// var view = memoryview(data)
/// while bool(view) {
///     let n = try s.send(view)
///     view = view[n...]
/// }
/// ```
///
/// Python: `memoryview`.
///
/// Differs from CPython: a view of a `bytearray` shares the bytearray's storage only until the
/// Swift variable holding the bytearray is changed (an assignment, `append`, `buf[i] = x` copy
/// Swift's storage first, so the view keeps the old bytes; CPython raises BufferError on a resize
/// and shows `buf[i] = x` through the view); only one-dimensional byte views (`format` 'B').
public struct memoryview: RandomAccessCollection, @unchecked Sendable {
    /// The bytes a view and its slices share.
    final class Storage: @unchecked Sendable {
        let array: [UInt8]
        let readonly: Bool
        init(_ array: [UInt8], readonly: Bool) {
            self.array = array
            self.readonly = readonly
        }
    }

    let storage: Storage
    let lower: Int
    let upper: Int

    init(_ storage: Storage, _ lower: Int, _ upper: Int) {
        self.storage = storage
        self.lower = lower
        self.upper = upper
    }

    /// `memoryview(b)` of `bytes`: read-only.
    ///
    /// Python: `memoryview(bytes)`.
    public init(_ data: bytes) {
        let array = data.storage
        self.init(Storage(array, readonly: true), 0, array.count)
    }

    /// `memoryview(buf)` of a `bytearray`: writable; `recv_into` through it writes into `buf`.
    ///
    /// Python: `memoryview(bytearray)`.
    @_disfavoredOverload  // `memoryview("literal")` is a view of bytes, as `memoryview(b"...")` is.
    public init(_ buffer: bytearray) {
        self.init(Storage(buffer.storage, readonly: false), 0, buffer.storage.count)
    }

    /// `memoryview(buf)` of a `[UInt8]`: writable, as a bytearray's.
    ///
    /// Python: `memoryview(bytearray)`.
    public init(_ buffer: [UInt8]) {
        self.init(Storage(buffer, readonly: false), 0, buffer.count)
    }

    /// `memoryview(view)`: the same window.
    ///
    /// Python: `memoryview(memoryview)`.
    public init(_ view: memoryview) {
        self = view
    }

    /// The first position, 0.
    ///
    /// Python: none (Swift's `Collection`).
    public var startIndex: Int { 0 }

    /// One past the last position: the number of bytes.
    ///
    /// Python: `len(view)`.
    public var endIndex: Int { upper - lower }

    /// `view[i]`: the byte at `i` (0-based) as an integer.
    ///
    /// Python: `memoryview.__getitem__` with an int.
    ///
    /// Differs from CPython: out of range it stops the process, as Swift's collection subscripts
    /// do; `try view[py: i]` raises CPython's `IndexError` and takes a negative `i`.
    public subscript(position: Int) -> UInt8 {
        storage.array[lower + position]
    }

    /// `view[i]`: the byte at `i`, counting from the end when `i` is negative; raises CPython's
    /// `IndexError('index out of bounds on dimension 1')`.
    ///
    /// Python: `memoryview.__getitem__` with an int.
    public subscript(py position: Int) -> UInt8 {
        get throws {
            let index = position < 0 ? position + count : position
            guard index >= 0, index < count else { throw IndexError("index out of bounds on dimension 1") }
            return storage.array[lower + index]
        }
    }

    /// `view[a:b]` for Swift's `a..<b`: the bytes from `a` up to `b`, clamped to the view as
    /// Python clamps a slice; no copy.
    ///
    /// Python: `memoryview.__getitem__` with a slice.
    public subscript(bounds: Range<Int>) -> memoryview {
        slice(bounds.lowerBound, bounds.upperBound)
    }

    /// `view[n:]`, written `view[n...]`: the bytes from `n` on (from the end when `n` is
    /// negative, empty past the end, as in Python); no copy.
    ///
    /// Python: `memoryview.__getitem__` with a slice.
    public subscript(from: PartialRangeFrom<Int>) -> memoryview {
        slice(from.lowerBound, nil)
    }

    /// `view[:n]`, written `view[..<n]`: the first `n` bytes (all but the last `-n` when negative);
    /// no copy.
    ///
    /// Python: `memoryview.__getitem__` with a slice.
    public subscript(upTo: PartialRangeUpTo<Int>) -> memoryview {
        slice(nil, upTo.upperBound)
    }

    /// `view[a:b]` with Python's optional, negative and out-of-range bounds: `view[1, -1]`,
    /// `view[nil, 4]`; no copy.
    ///
    /// Python: `memoryview.__getitem__` with a slice.
    public subscript(start: Int?, stop: Int?) -> memoryview {
        slice(start, stop)
    }

    private func slice(_ start: Int?, _ stop: Int?) -> memoryview {
        func clamp(_ value: Int?, _ missing: Int) -> Int {
            guard let value else { return missing }
            let index = value < 0 ? value + count : value
            return Swift.min(Swift.max(index, 0), count)
        }
        let from = clamp(start, 0)
        let to = Swift.max(from, clamp(stop, count))
        return memoryview(storage, lower + from, lower + to)
    }

    /// The bytes in place, for `send` and friends without a copy.
    ///
    /// Python: the buffer protocol.
    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try storage.array.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[lower..<upper]))
        }
    }

    /// The bytes in place, writable; raises CPython's `TypeError` for a view of `bytes`.
    ///
    /// Python: the buffer protocol with `PyBUF_WRITABLE`.
    public func withWritableBytes<R>(_ caller: String, _ body: (UnsafeMutableRawBufferPointer) throws -> R) throws -> R {
        guard !storage.readonly else {
            throw TypeError("\(caller)() argument 1 must be read-write bytes-like object, not memoryview")
        }
        return try storage.array.withUnsafeBufferPointer { all in
            // The storage's bytes are the bytearray's own (Python's shared buffer): written in place,
            // never through a Swift mutation that would copy them first.
            try body(UnsafeMutableRawBufferPointer(mutating: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: all[lower..<upper]))))
        }
    }

    /// `view.tobytes()`: a copy of the bytes.
    ///
    /// Python: `memoryview.tobytes()`.
    public func tobytes() -> bytes { bytes(Array(self)) }

    /// `view.tolist()`: the bytes as a list of ints.
    ///
    /// Python: `memoryview.tolist()`.
    public func tolist() -> [Int] { map { Int($0) } }

    /// `view.hex()`: the bytes in lower-case hexadecimal.
    ///
    /// Python: `memoryview.hex()`.
    public func hex() -> String { tobytes().hex() }

    /// `view.nbytes`: the number of bytes.
    ///
    /// Python: `memoryview.nbytes`.
    public var nbytes: Int { count }

    /// `view.readonly`: true for a view of `bytes`.
    ///
    /// Python: `memoryview.readonly`.
    public var readonly: Bool { storage.readonly }

    /// `view.release()`: Python frees the view's hold on the buffer; Swift's references do that,
    /// so this does nothing.
    ///
    /// Python: `memoryview.release()`.
    public func release() {}

    /// `view1 == view2`: the same bytes.
    ///
    /// Python: `memoryview.__eq__`.
    public static func == (lhs: memoryview, rhs: memoryview) -> Bool { lhs.elementsEqual(rhs) }

    /// `view == b"..."`: the same bytes as a `bytes` value.
    ///
    /// Python: `memoryview.__eq__`.
    public static func == (lhs: memoryview, rhs: bytes) -> Bool { lhs.elementsEqual(rhs) }
}

extension memoryview: CustomStringConvertible, CustomDebugStringConvertible {
    /// `str(view)` `<memory at 0x7f3a5c1e2d00>`.
    ///
    /// Python: `memoryview.__repr__`.
    public var description: String {
        let address = UInt(bitPattern: ObjectIdentifier(storage).hashValue) &+ UInt(lower)
        return "<memory at 0x" + String(address, radix: 16) + ">"
    }

    /// `repr(view)`: the same text as `str(view)`.
    ///
    /// Python: `memoryview.__repr__`.
    public var debugDescription: String { description }
}

extension memoryview: WritableBuffer {}

extension socket {
    /// `s.recv_into(view[off:], nbytes=0, flags=0)`: receives into a writable memoryview, so into
    /// the bytearray it views.
    ///
    /// Python: `socket.recv_into()` with a memoryview. C: `recv(2)`.
    public func recv_into(_ view: memoryview, _ nbytes: Int = 0, _ flags: MsgFlag = 0) throws -> Int {
        try view.withWritableBytes("recv_into") { try recv_into($0, nbytes, flags) }
    }

    /// `s.recvfrom_into(view[off:], nbytes=0, flags=0)`: receives a datagram into a writable
    /// memoryview.
    ///
    /// Python: `socket.recvfrom_into()` with a memoryview. C: `recvfrom(2)`.
    public func recvfrom_into(_ view: memoryview, _ nbytes: Int = 0, _ flags: MsgFlag = 0) throws -> (Int, SocketAddress) {
        try view.withWritableBytes("recvfrom_into") { try recvfrom_into($0, nbytes, flags) }
    }
}
