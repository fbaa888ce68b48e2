// Python's `range`: a lazy, immutable sequence of integers that prints as `range(0, 5)`; bytes(range(n)).
import PySocket

/// `range(stop)`, `range(start, stop[, step])`: the integers from `start` up to but not
/// including `stop`, `step` apart, computed on demand (nothing is allocated, whatever the
/// length), as Python's `range` object.
///
/// A random-access collection of `Int`: `for i in range(3)`, `range(0, n, 4).map { ... }`,
/// `list(range(3))`, `len(range(3))`, `r[1]`. Prints as Python's repr, `range(0, 3)`.
///
/// Python: `range`.
///
/// Differs from CPython: a range longer than `Int.max` items (only one spanning more than half
/// of `Int`'s values with a step of 1 or -1) counts `Int.max` items; CPython's `len()` raises
/// `OverflowError` for it.
public struct range: RandomAccessCollection, Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public typealias Index = Int
    public typealias Element = Int
    public typealias Indices = Swift.Range<Int>
    public typealias SubSequence = Slice<range>

    /// `r.start`: the first value.
    ///
    /// Python: `range.start`.
    public let start: Int
    /// `r.stop`: the bound, excluded.
    ///
    /// Python: `range.stop`.
    public let stop: Int
    /// `r.step`: the distance between two values (never 0).
    ///
    /// Python: `range.step`.
    public let step: Int
    /// `len(r)`.
    ///
    /// Python: `range.__len__`.
    public let count: Int

    /// `range(stop)`: `0, 1, ..., stop - 1` (empty when `stop` is not positive).
    ///
    /// Python: `range(stop)`.
    public init(_ stop: Int) {
        self.init(checked: 0, stop, 1)
    }

    /// `range(start, stop)`: `start, start + 1, ..., stop - 1`.
    ///
    /// Python: `range(start, stop)`.
    public init(_ start: Int, _ stop: Int) {
        self.init(checked: start, stop, 1)
    }

    /// `range(start, stop, step)`: `start, start + step, ...` up to but not including `stop`
    /// (down to it for a negative step).
    ///
    /// Python: `range(start, stop, step)`.
    /// - Throws: `ValueError('range() arg 3 must not be zero')`.
    public init(_ start: Int, _ stop: Int, _ step: Int) throws {
        guard step != 0 else { throw ValueError("range() arg 3 must not be zero") }
        self.init(checked: start, stop, step)
    }

    /// CPython's length of a range (`compute_range_length`), in unsigned arithmetic so that no
    /// span overflows: `(hi - lo - 1) / |step| + 1` when the range is not empty.
    private init(checked start: Int, _ stop: Int, _ step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
        let (lo, hi) = step > 0 ? (start, stop) : (stop, start)
        guard lo < hi else { count = 0; return }
        let span = UInt(bitPattern: hi &- lo) &- 1
        let length = span / step.magnitude + 1
        count = length > UInt(Int.max) ? Int.max : Int(length)
    }

    /// 0.
    public var startIndex: Int { 0 }
    /// `len(r)`.
    public var endIndex: Int { count }

    /// `r[i]`: `start + i * step` (0 ≤ i < len(r); out of range traps, as an array's subscript).
    ///
    /// Python: `range.__getitem__`.
    public subscript(position: Int) -> Int {
        precondition(position >= 0 && position < count, "Index out of range")
        // The value lies between start and stop, so the wrapped arithmetic is exact.
        return start &+ position &* step
    }

    /// `repr(r)`: `range(0, 5)`, or `range(0, 10, 2)` when the step is not 1.
    ///
    /// Python: `range.__repr__`.
    public var description: String {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }

    /// `repr(r)`, as `description`.
    ///
    /// Python: `range.__repr__`.
    public var debugDescription: String { description }

    /// `r1 == r2`: the same sequence of values (`range(0) == range(2, 1)`), as Python compares ranges.
    ///
    /// Python: `range.__eq__`.
    public static func == (lhs: range, rhs: range) -> Bool {
        if lhs.count != rhs.count { return false }
        if lhs.count == 0 { return true }
        if lhs.start != rhs.start { return false }
        return lhs.count == 1 || lhs.step == rhs.step
    }

    /// `hash(r)`: equal ranges hash equally.
    ///
    /// Python: `range.__hash__`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        if count > 0 { hasher.combine(start) }
        if count > 1 { hasher.combine(step) }
    }
}

extension bytes {
    /// `bytes(range(n))`: the bytes of the range's numbers: `bytes(range(4))` is `b'\x00\x01\x02\x03'`.
    ///
    /// Python: `bytes(iterable_of_ints)`.
    /// - Throws: `ValueError('bytes must be in range(0, 256)')`.
    public init(_ numbers: range) throws {
        self.init(try byteValues(numbers, "bytes must be in range(0, 256)"))
    }
}

extension bytearray {
    /// `bytearray(range(n))`: a mutable buffer of the range's numbers.
    ///
    /// Python: `bytearray(iterable_of_ints)`.
    /// - Throws: `ValueError('byte must be in range(0, 256)')`.
    public init(_ numbers: range) throws {
        self.init(try byteValues(numbers, "byte must be in range(0, 256)"))
    }
}

/// The range's numbers as bytes, or `ValueError(message)` at the first one out of 0...255.
private func byteValues(_ numbers: range, _ message: String) throws -> [UInt8] {
    var out: [UInt8] = []
    for number in numbers {
        guard let byte = UInt8(exactly: number) else { throw ValueError(message) }
        out.append(byte)
    }
    return out
}
