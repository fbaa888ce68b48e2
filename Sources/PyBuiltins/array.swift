// array: Python's array module for integer typecodes, as fd-passing programs use it (array.array("i", fds).tobytes()).
import PySocket

/// `import array` / `array.array(typecode, initializer)`: a list of C integers of one size, stored
/// as the machine stores them: `array.array("i", [fd])`, `a.tobytes()`, `a.frombytes(data)`,
/// `a.itemsize`. Prints `array('i', [3, 4])`. As with `socket.socket`, the type is both the
/// module and the class: `array.array(...)` constructs one.
///
/// Python: `array.array`.
///
/// Differs from CPython: only the integer typecodes (`b B h H i I l L q Q`); `f`, `d` and `u`
/// raise `ValueError`; a `Q`/`L` item past `Int.max` is kept as its bit pattern (`a[i]` and
/// `tolist()` give a negative `Int`; the repr shows the unsigned value).
public struct array: RandomAccessCollection, Equatable, Sendable {
    /// `array.array`: the class itself, so that `array.array("i")` reads as in Python.
    ///
    /// Python: `array.array`.
    public typealias array = PyBuiltins.array

    /// `a.typecode`: the typecode the array was made with.
    ///
    /// Python: `array.typecode`.
    public let typecode: String

    /// `a.itemsize`: the size in bytes of one item.
    ///
    /// Python: `array.itemsize`.
    public let itemsize: Int

    private var items: [Int] = []

    /// `array.array(typecode)`: empty; raises CPython's `ValueError('bad typecode (must be b, B,
    /// u, h, H, i, I, l, L, q, Q, f or d)')` for an unknown code.
    ///
    /// Python: `array.array(typecode)`.
    public init(_ typecode: String) throws {
        guard let size = array.sizes[typecode] else {
            if ["u", "f", "d", "w"].contains(typecode) {
                throw ValueError("array typecode '\(typecode)' is not supported by PyBuiltins (integer typecodes only)")
            }
            throw ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        }
        self.typecode = typecode
        self.itemsize = size
    }

    /// `array.array(typecode, values)`: the integers, each checked against the C type's range
    /// with CPython's `OverflowError` text.
    ///
    /// Python: `array.array(typecode, iterable)`.
    public init<Values: Sequence>(_ typecode: String, _ values: Values) throws where Values.Element: BinaryInteger {
        try self.init(typecode)
        try extend(values)
    }

    /// `array.array(typecode, b"...")`: the items the bytes hold (`frombytes`).
    ///
    /// Python: `array.array(typecode, bytes)`.
    public init(_ typecode: String, _ data: bytes) throws {
        try self.init(typecode)
        try frombytes(data)
    }

    private static let sizes: [String: Int] = ["b": 1, "B": 1, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "L": 8, "q": 8, "Q": 8]

    /// The first position, 0.
    ///
    /// Python: none (Swift's `Collection`).
    public var startIndex: Int { 0 }

    /// One past the last position: the number of items.
    ///
    /// Python: `len(a)`.
    public var endIndex: Int { items.count }

    /// `a[i]`: the item at `i`, an int.
    ///
    /// Python: `array.__getitem__`.
    public subscript(position: Int) -> Int { items[position] }

    /// `a[i]` with Python's negative index; raises `IndexError('array index out of range')`.
    ///
    /// Python: `array.__getitem__`.
    public subscript(py position: Int) -> Int {
        get throws {
            let index = position < 0 ? position + items.count : position
            guard index >= 0, index < items.count else { throw IndexError("array index out of range") }
            return items[index]
        }
    }

    /// `a.append(x)`: adds one integer, range-checked as CPython does.
    ///
    /// Python: `array.append`.
    public mutating func append<Value: BinaryInteger>(_ value: Value) throws {
        items.append(try checked(value))
    }

    /// `a.extend(iterable)`: appends each integer.
    ///
    /// Python: `array.extend`.
    public mutating func extend<Values: Sequence>(_ values: Values) throws where Values.Element: BinaryInteger {
        for value in values { try append(value) }
    }

    /// `a.frombytes(data)`: appends the items `data` holds in machine order; raises CPython's
    /// `ValueError('bytes length not a multiple of item size')`.
    ///
    /// Python: `array.frombytes`.
    public mutating func frombytes<Data: Sequence>(_ data: Data) throws where Data.Element == UInt8 {
        let raw = Array(data)
        guard raw.count % itemsize == 0 else { throw ValueError("bytes length not a multiple of item size") }
        let signed = typecode == typecode.lowercased()
        for start in stride(from: 0, to: raw.count, by: itemsize) {
            var value: UInt64 = 0
            for (shift, byte) in raw[start..<(start + itemsize)].enumerated() {
                value |= UInt64(byte) << UInt64(shift * 8)
            }
            let bits = UInt64(itemsize * 8)
            if signed {
                items.append(Int(Int64(bitPattern: value << (64 - bits)) >> Int64(64 - bits)))
            } else {
                // An unsigned 64-bit value past Int.max has no Int; keep its bit pattern.
                items.append(Int(truncatingIfNeeded: value))
            }
        }
    }

    /// `a.frombytes(b"...")` with a `bytes` literal.
    ///
    /// Python: `array.frombytes`.
    public mutating func frombytes(_ data: bytes) throws { try frombytes(data.storage) }

    /// `a.tobytes()`: the items as the machine stores them (little-endian here).
    ///
    /// Python: `array.tobytes`.
    public func tobytes() -> bytes {
        var out: [UInt8] = []
        out.reserveCapacity(items.count * itemsize)
        for item in items {
            let pattern = UInt64(bitPattern: Int64(item))
            for shift in 0..<itemsize { out.append(UInt8(truncatingIfNeeded: pattern >> UInt64(shift * 8))) }
        }
        return bytes(out)
    }

    /// `a.tolist()`: the items as a list of ints.
    ///
    /// Python: `array.tolist`.
    public func tolist() -> [Int] { items }

    /// The value as this typecode's C integer, or CPython's `OverflowError`.
    private func checked<Value: BinaryInteger>(_ value: Value) throws -> Int {
        func over(_ text: String) -> OverflowError { OverflowError(text) }
        let negative = value < 0
        switch typecode {
        case "b":
            guard let short = Int16(exactly: value) else {
                throw over("signed short integer is \(negative ? "less than minimum" : "greater than maximum")")
            }
            guard let small = Int8(exactly: short) else {
                throw over("signed char is \(negative ? "less than minimum" : "greater than maximum")")
            }
            return Int(small)
        case "B":
            guard let small = UInt8(exactly: value) else {
                throw over("unsigned byte integer is \(negative ? "less than minimum" : "greater than maximum")")
            }
            return Int(small)
        case "h":
            guard let short = Int16(exactly: value) else {
                throw over("signed short integer is \(negative ? "less than minimum" : "greater than maximum")")
            }
            return Int(short)
        case "H":
            guard Int32(exactly: value) != nil else {
                throw over("signed integer is \(negative ? "less than minimum" : "greater than maximum")")
            }
            guard let short = UInt16(exactly: value) else {
                throw over("unsigned short is \(negative ? "less than minimum" : "greater than maximum")")
            }
            return Int(short)
        case "i":
            guard let number = Int32(exactly: value) else {
                throw over("signed integer is \(negative ? "less than minimum" : "greater than maximum")")
            }
            return Int(number)
        case "I":
            if negative { throw over("can't convert negative value to unsigned int") }
            guard let number = UInt32(exactly: value) else { throw over("unsigned int is greater than maximum") }
            return Int(number)
        case "L", "Q":
            if negative {
                throw over(typecode == "L" ? "can't convert negative value to unsigned int" : "can't convert negative int to unsigned")
            }
            guard let number = UInt64(exactly: value) else {
                throw over("Python int too large to convert to C unsigned long")
            }
            return Int(truncatingIfNeeded: number)
        default:
            guard let number = Int64(exactly: value) else {
                throw over(negative ? "Python int too large to convert to C long" : "Python int too large to convert to C long")
            }
            return Int(number)
        }
    }
}

extension array: CustomStringConvertible, CustomDebugStringConvertible {
    /// `str(a)` `array('i', [3, 4])`, `array('i')` when empty.
    ///
    /// Python: `array.__repr__`.
    public var description: String {
        if items.isEmpty { return "array('\(typecode)')" }
        let shown = items.map { item -> String in
            (typecode == "L" || typecode == "Q") && item < 0 ? String(UInt64(bitPattern: Int64(item))) : String(item)
        }
        return "array('\(typecode)', [" + shown.joined(separator: ", ") + "])"
    }

    /// `repr(a)`: the same text as `str(a)`.
    ///
    /// Python: `array.__repr__`.
    public var debugDescription: String { description }
}

extension socket {
    /// `s.sendmsg(buffers, [(level, type, array)])`: ancillary data given as an `array.array`
    /// (the SCM_RIGHTS recipe of Python's documentation), sent as its bytes.
    ///
    /// Python: `socket.sendmsg()` with an array in `ancdata`. C: `sendmsg(2)`.
    public func sendmsg(_ buffers: [bytes], _ ancdata: [(Int, Int, array)], _ flags: MsgFlag = 0, _ address: SocketAddress? = nil) throws -> Int {
        try sendmsg(buffers, ancdata.map { ($0.0, $0.1, $0.2.tobytes()) }, flags, address)
    }
}
