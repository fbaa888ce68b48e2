// Addresses used as the tuples they print as: typed items, slices, comparison with str/bytes/tuples, ordering, unpacking.

extension SocketAddress {
    /// The items of the value CPython returns, and how its `IndexError` names that value.
    private func pythonItems() throws -> (items: [Item], kind: String) {
        switch self {
        case .inet(let host, let port):
            return ([.str(host), .int(port)], "tuple ")
        case .inet6(let host, let port, let flowinfo, let scopeID):
            return ([.str(host), .int(port), .int(flowinfo), .int(scopeID)], "tuple ")
        case .unix(let path):
            return (path.unicodeScalars.map { .str(String(Character($0))) }, "string ")
        case .unixBytes(let data):
            return (data.map { .int(Int($0)) }, "")
        case .netlink(let pid, let groups):
            return ([.int(pid), .int(groups)], "tuple ")
        case .packet(let ifname, let proto, let pkttype, let hatype, let addr):
            return ([.str(ifname), .int(proto), .int(pkttype), .int(hatype), .bytes(addr)], "tuple ")
        case .noAddress:
            throw TypeError("'NoneType' object is not subscriptable")
        case .other(let family, let data):
            return ([.int(family), .bytes(data)], "tuple ")
        }
    }

    /// `addr[i]` as Python hands it out; negative indices count from the end.
    func item(_ i: Int) throws -> Item {
        let (items, kind) = try pythonItems()
        let index = i < 0 ? i + items.count : i
        guard items.indices.contains(index) else { throw IndexError("\(kind)index out of range") }
        return items[index]
    }

    /// `addr[i]` where an `Int` is wanted: `let port: Int = try addr[1]`,
    /// `socket.create_connection(("127.0.0.1", try addr[1]))`, `try addr[1] + 1`.
    ///
    /// Python: `addr[i]` (an `int` item). C: none.
    /// An item that is not an int raises TypeError, as using a `str` as an int does in Python.
    @_disfavoredOverload
    public subscript(i: Int) -> Int {
        get throws {
            let value = try item(i)
            guard case .int(let number) = value else { throw TypeError("'\(value.typeName)' object cannot be interpreted as an integer") }
            return number
        }
    }

    /// `addr[i]` where a `String` is wanted: `let host: String = try addr[0]`.
    ///
    /// Python: `addr[i]` (a `str` item). C: none.
    /// An item that is not a str raises TypeError.
    @_disfavoredOverload
    public subscript(i: Int) -> String {
        get throws {
            let value = try item(i)
            guard case .str(let text) = value else { throw TypeError("expected str, got \(value.typeName)") }
            return text
        }
    }

    /// `addr[start:stop]`: a slice, clipped as Python clips it; negative bounds count from the
    /// end. A tuple address gives a tuple item (`addr[2...]` is `(0, 0)` for an IPv6 address),
    /// a path a `str`, an abstract name a `bytes`.
    ///
    /// Python: `addr[start:stop]`. C: none.
    public subscript(bounds: Range<Int>) -> Item {
        get throws { try slice(bounds.lowerBound, bounds.upperBound) }
    }

    /// `addr[start:stop + 1]`.
    ///
    /// Python: `addr[start:stop + 1]`. C: none.
    public subscript(bounds: ClosedRange<Int>) -> Item {
        get throws { try slice(bounds.lowerBound, bounds.upperBound == -1 ? nil : bounds.upperBound + 1) }
    }

    /// `addr[start:]`.
    ///
    /// Python: `addr[start:]`. C: none.
    public subscript(bounds: PartialRangeFrom<Int>) -> Item {
        get throws { try slice(bounds.lowerBound, nil) }
    }

    /// `addr[:stop]`.
    ///
    /// Python: `addr[:stop]`. C: none.
    public subscript(bounds: PartialRangeUpTo<Int>) -> Item {
        get throws { try slice(nil, bounds.upperBound) }
    }

    /// `addr[:stop + 1]`.
    ///
    /// Python: `addr[:stop + 1]`. C: none.
    public subscript(bounds: PartialRangeThrough<Int>) -> Item {
        get throws { try slice(nil, bounds.upperBound == -1 ? nil : bounds.upperBound + 1) }
    }

    /// Python's slice of the address value, with `PySlice_AdjustIndices`'s clipping.
    private func slice(_ lower: Int?, _ upper: Int?) throws -> Item {
        let (items, _) = try pythonItems()
        func clip(_ bound: Int?, _ otherwise: Int) -> Int {
            guard let bound else { return otherwise }
            return bound < 0 ? max(0, bound + items.count) : min(bound, items.count)
        }
        let start = clip(lower, 0), stop = max(start, clip(upper, items.count))
        let part = Array(items[start..<stop])
        switch self {
        case .unix: return .str(part.map(\.description).joined())
        case .unixBytes(let data): return .bytes(PySocket.bytes(data.storage[start..<stop]))
        default: return .tuple(part)
        }
    }

    /// `host, port = addr`: the two fields of an AF_INET address, for
    /// `let (host, port) = try s.getsockname().pair`.
    ///
    /// Python: unpacking a 2-tuple. C: none.
    /// Any other shape raises Python's ValueError (`too many values to unpack (expected 2)`).
    public var pair: (String, Int) {
        get throws {
            if case .inet(let host, let port) = self { return (host, port) }
            throw unpackError(expected: 2)
        }
    }

    /// `host, port, flowinfo, scope_id = addr`: the four fields of an AF_INET6 address.
    ///
    /// Python: unpacking a 4-tuple. C: none.
    /// Any other shape raises Python's ValueError.
    public var quad: (String, Int, Int, Int) {
        get throws {
            if case .inet6(let host, let port, let flowinfo, let scopeID) = self { return (host, port, flowinfo, scopeID) }
            throw unpackError(expected: 4)
        }
    }

    /// The ValueError of unpacking this value into `expected` names.
    private func unpackError(expected: Int) -> any Error {
        guard let (items, _) = try? pythonItems() else {
            return TypeError("cannot unpack non-iterable NoneType object")
        }
        if items.count > expected { return ValueError("too many values to unpack (expected \(expected))") }
        return ValueError("not enough values to unpack (expected \(expected), got \(items.count))")
    }

    /// `len(addr)`: 2 for `(host, port)`, 4 for an IPv6 tuple, the length of a path or name.
    ///
    /// Python: `len(addr)`. C: none.
    /// `None` (no address) has no length in Python (TypeError); here it is 0.
    public var count: Int { (try? pythonItems().items.count) ?? 0 }
}

extension SocketAddress.Item {
    /// `type(item).__name__`: `str`, `int`, `bytes` or `tuple`.
    var typeName: String {
        switch self {
        case .str: return "str"
        case .int: return "int"
        case .bytes: return "bytes"
        case .tuple: return "tuple"
        }
    }
}

// MARK: - Comparison with plain values

extension SocketAddress {
    /// `addr == path`: an AF_UNIX path equals the same `str`, as in Python.
    ///
    /// Python: `str.__eq__`. C: none.
    @_disfavoredOverload
    public static func == (lhs: SocketAddress, rhs: String) -> Bool {
        if case .unix(let path) = lhs { return path == rhs }
        return false
    }

    /// `addr != path`.
    ///
    /// Python: `str.__ne__`. C: none.
    @_disfavoredOverload
    public static func != (lhs: SocketAddress, rhs: String) -> Bool { !(lhs == rhs) }

    /// `addr == name`: an abstract (or bytes) AF_UNIX name equals the same `bytes`.
    ///
    /// Python: `bytes.__eq__`. C: none.
    @_disfavoredOverload
    public static func == (lhs: SocketAddress, rhs: bytes) -> Bool {
        if case .unixBytes(let name) = lhs { return name == rhs }
        return false
    }

    /// `addr != name`.
    ///
    /// Python: `bytes.__ne__`. C: none.
    @_disfavoredOverload
    public static func != (lhs: SocketAddress, rhs: bytes) -> Bool { !(lhs == rhs) }

    /// `addr == (host, port)`.
    ///
    /// Python: `tuple.__eq__`. C: none.
    @_disfavoredOverload
    public static func == (lhs: SocketAddress, rhs: (String, Int)) -> Bool {
        lhs == .inet(host: rhs.0, port: rhs.1)
    }

    /// `addr != (host, port)`.
    ///
    /// Python: `tuple.__ne__`. C: none.
    @_disfavoredOverload
    public static func != (lhs: SocketAddress, rhs: (String, Int)) -> Bool { !(lhs == rhs) }

    /// `addr == (host, port, flowinfo, scope_id)`.
    ///
    /// Python: `tuple.__eq__`. C: none.
    @_disfavoredOverload
    public static func == (lhs: SocketAddress, rhs: (String, Int, Int, Int)) -> Bool {
        lhs == .inet6(host: rhs.0, port: rhs.1, flowinfo: rhs.2, scope_id: rhs.3)
    }

    /// `addr != (host, port, flowinfo, scope_id)`.
    ///
    /// Python: `tuple.__ne__`. C: none.
    @_disfavoredOverload
    public static func != (lhs: SocketAddress, rhs: (String, Int, Int, Int)) -> Bool { !(lhs == rhs) }
}

// MARK: - Ordering

extension SocketAddress: Comparable {
    /// `a < b`: Python's tuple ordering (item by item, then the shorter first), so that
    /// `sorted(infos)` orders getaddrinfo's results as Python does. Paths and names order as
    /// `str` and `bytes` do.
    ///
    /// Python: `tuple.__lt__`, `str.__lt__`, `bytes.__lt__`. C: none.
    /// Differs from CPython: values Python cannot compare (a path with a tuple, `None`) raise
    /// TypeError there; here they order by shape (tuples, then paths, then names, then None).
    public static func < (lhs: SocketAddress, rhs: SocketAddress) -> Bool {
        let left = lhs.orderKey, right = rhs.orderKey
        if left.shape != right.shape { return left.shape < right.shape }
        return Item.less(left.items, right.items)
    }

    /// The shape class Python can compare within, and the items compared.
    private var orderKey: (shape: Int, items: [Item]) {
        switch self {
        case .unix(let path): return (1, [.str(path)])
        case .unixBytes(let name): return (2, [.bytes(name)])
        case .noAddress: return (3, [])
        default: return (0, (try? pythonItems().items) ?? [])
        }
    }
}

extension SocketAddress.Item: Comparable {
    /// `a < b` for two items: numbers by value, `str` by code point, `bytes` by byte, tuples
    /// item by item.
    ///
    /// Python: `int.__lt__`, `str.__lt__`, `bytes.__lt__`, `tuple.__lt__`. C: none.
    /// Differs from CPython: items of different types (an `int` and a `str`) raise TypeError in
    /// Python; here they order by type.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a < b
        case (.str(let a), .str(let b)): return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        case (.bytes(let a), .bytes(let b)): return a.storage.lexicographicallyPrecedes(b.storage)
        case (.tuple(let a), .tuple(let b)): return less(a, b)
        default: return lhs.rank < rhs.rank
        }
    }

    /// Python's sequence ordering.
    static func less(_ a: [Self], _ b: [Self]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x < y }
        return a.count < b.count
    }

    private var rank: Int {
        switch self {
        case .int: return 0
        case .str: return 1
        case .bytes: return 2
        case .tuple: return 3
        }
    }
}
