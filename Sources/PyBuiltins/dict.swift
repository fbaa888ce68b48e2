// dict: Python's dict, which keeps insertion order and prints as CPython prints it.
import PySocket

/// `dict` / `{key: value}`: a mapping that remembers the order keys were first inserted in, as
/// Python's `dict` does, so that `print(d)` writes `{'a': 1, 'b': 2}` in that order. Iterating
/// yields the keys, as in Python; `items()`, `keys()`, `values()` give lists.
///
/// `var d: dict<String, Int> = [:]`, `let d: dict = ["a": 1, "b": 2]`, `d["c"] = 3`.
///
/// Laid out as CPython's compact dict: the keys and the values in insertion order, in two
/// arrays reserved for 8 entries on the first insertion (CPython's `PyDict_MINSIZE`), so that a
/// dict of a few entries (a message's headers) grows no table and hashes no key: up to 8 keys
/// are found by comparing them in order; past 8, an index from key to position is built once and
/// kept.
///
/// Python: `dict`.
///
/// Differs from CPython: `d[key]` is an optional (`nil` for a missing key, as a Swift
/// `Dictionary`); `try d.getitem(key)` raises CPython's `KeyError`. Removing a key costs
/// O(n).
public struct dict<Key: Hashable, Value>: Sequence, ExpressibleByDictionaryLiteral {
    /// The keys in insertion order.
    @usableFromInline var _keys: [Key]
    /// The values, at their keys' positions.
    @usableFromInline var _values: [Value]
    /// Key to position, once there are more than `_scanLimit` keys (nil until then).
    @usableFromInline var _index: [Key: Int]?

    /// The most keys found by comparing them in order, with no hashing.
    @inlinable static var _scanLimit: Int { 8 }

    /// `dict()` / `{}`: an empty dict.
    ///
    /// Python: `dict()`.
    @inlinable public init() {
        // `Array()`, not `[]`: a debug build makes `[]` through the generic array-literal path.
        _keys = Array()
        _values = Array()
        _index = nil
    }

    /// `{k1: v1, k2: v2}`: a dict of the literal's pairs in order; a repeated key keeps its first
    /// position and its last value, as in Python.
    ///
    /// Python: a dict display.
    @inlinable public init(dictionaryLiteral elements: (Key, Value)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }

    /// `dict(pairs)` / `{k: v for ...}`: a dict of the pairs in order; a repeated key keeps its
    /// first position and its last value.
    ///
    /// Python: `dict(iterable)`.
    @inlinable public init<Pairs: Sequence>(_ pairs: Pairs) where Pairs.Element == (Key, Value) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// The position of `key`, or nil: compared in order while the dict is small, else looked up
    /// in the index.
    @inlinable func _position(_ key: Key) -> Int? {
        if let index = _index { return index[key] }
        let n = _keys.count
        if n == 0 { return nil }
        // One buffer access and a plain loop: no iterator, which a debug build calls generically.
        return _keys.withUnsafeBufferPointer { keys -> Int? in
            let base = keys.baseAddress!
            if Key.self == bytes.self {
                // bytes keys (a message's headers) compared concretely: a debug build runs the
                // generic loop below unspecialised, with a witness call per `==`.
                return dictBytesPosition(UnsafeRawPointer(base), n, unsafeBitCast(key, to: bytes.self))
            }
            var i = 0
            while i < n {
                if base[i] == key { return i }
                i &+= 1
            }
            return nil
        }
    }

    /// Appends a new key and its value (the key is known to be absent).
    @inlinable mutating func _append(_ key: Key, _ value: Value) {
        if _keys.capacity == 0 {
            _keys.reserveCapacity(8)
            _values.reserveCapacity(8)
        }
        let position = _keys.count
        _keys.append(key)
        _values.append(value)
        if _index != nil {
            _index![key] = position
        } else if position == Self._scanLimit {
            _buildIndex()
        }
    }

    /// Builds the key-to-position index from the keys.
    @usableFromInline mutating func _buildIndex() {
        var index: [Key: Int] = Dictionary(minimumCapacity: _keys.count * 2)
        for (position, key) in _keys.enumerated() { index[key] = position }
        _index = index
    }

    /// Removes the entry at `position`, keeping the others in order.
    @usableFromInline mutating func _remove(at position: Int) {
        _keys.remove(at: position)
        _values.remove(at: position)
        if _index != nil {
            if _keys.count <= Self._scanLimit { _index = nil } else { _buildIndex() }
        }
    }

    /// `d[key]` / `d[key] = value` / `del d[key]`: the value for `key` (nil when absent); assigning
    /// appends a new key at the end, replaces the value of an existing key in place, and `nil`
    /// removes the key.
    ///
    /// Python: `dict.__getitem__`, `__setitem__`, `__delitem__`.
    @inlinable public subscript(key: Key) -> Value? {
        get {
            #if DEBUG
            if Key.self == bytes.self && Value.self == bytes.self && _index == nil {
                // A message's headers (`dict<bytes, bytes>`): concrete code, no generic array
                // calls (a debug build asks the runtime for `Array<Value>`'s metadata on each).
                return unsafeBitCast(dictBytesValue(unsafeBitCast(_keys, to: [bytes].self), unsafeBitCast(_values, to: [bytes].self),
                                                    unsafeBitCast(key, to: bytes.self)), to: Value?.self)
            }
            #endif
            guard let position = _position(key) else { return nil }
            return _values[position]
        }
        set {
            #if DEBUG
            // (An optimised build specialises the generic code below, with nothing to gain here.)
            if Key.self == bytes.self && Value.self == bytes.self && _index == nil, let newValue,
               dictSetBytes(&_keys, &_values, unsafeBitCast(key, to: bytes.self), unsafeBitCast(newValue, to: bytes.self)) {
                return
            }
            #endif
            if let newValue {
                if let position = _position(key) {
                    _values[position] = newValue
                } else {
                    _append(key, newValue)
                }
            } else if let position = _position(key) {
                _remove(at: position)
            }
        }
    }

    /// `d[key]`: the value for `key`; raises `KeyError(key)` when absent, as Python does.
    ///
    /// Python: `dict.__getitem__`.
    public func getitem(_ key: Key) throws -> Value {
        guard let value = self[key] else { throw KeyError(args: [argument(key)]) }
        return value
    }

    /// `d.get(key, default=None)`: the value for `key`, or `default`.
    ///
    /// Python: `dict.get`.
    @inlinable public func get(_ key: Key, _ default: Value? = nil) -> Value? {
        self[key] ?? `default`
    }

    /// `key in d`: whether the dict has `key`.
    ///
    /// Python: `dict.__contains__`.
    @inlinable public func contains(_ key: Key) -> Bool {
        _position(key) != nil
    }

    /// `len(d)`: the number of keys.
    ///
    /// Python: `len(dict)`.
    @inlinable public var count: Int { _keys.count }

    /// `not d`: whether the dict is empty.
    ///
    /// Python: `dict.__bool__`.
    @inlinable public var isEmpty: Bool { _keys.isEmpty }

    /// `d.keys()`: the keys in insertion order.
    ///
    /// Python: `dict.keys`.
    public func keys() -> [Key] { _keys }

    /// `d.values()`: the values in insertion order.
    ///
    /// Python: `dict.values`.
    public func values() -> [Value] { _values }

    /// `d.items()`: the `(key, value)` pairs in insertion order.
    ///
    /// Python: `dict.items`.
    public func items() -> [(Key, Value)] { Array(zip(_keys, _values)) }

    /// `d.pop(key)`: removes `key` and returns its value; raises `KeyError(key)` when absent.
    ///
    /// Python: `dict.pop`.
    @discardableResult
    public mutating func pop(_ key: Key) throws -> Value {
        guard let position = _position(key) else { throw KeyError(args: [argument(key)]) }
        let value = _values[position]
        _remove(at: position)
        return value
    }

    /// `d.pop(key, default)`: removes `key` and returns its value, or returns `default` when
    /// absent.
    ///
    /// Python: `dict.pop`.
    @discardableResult
    public mutating func pop(_ key: Key, _ default: Value) -> Value {
        guard let position = _position(key) else { return `default` }
        let value = _values[position]
        _remove(at: position)
        return value
    }

    /// `d.setdefault(key, default)`: the value for `key`, inserting `default` first when absent.
    ///
    /// Python: `dict.setdefault`.
    @discardableResult
    public mutating func setdefault(_ key: Key, _ default: Value) -> Value {
        if let position = _position(key) { return _values[position] }
        _append(key, `default`)
        return `default`
    }

    /// `d.update(other)`: sets every pair of `other`, in its order.
    ///
    /// Python: `dict.update`.
    public mutating func update(_ other: dict<Key, Value>) {
        for (key, value) in zip(other._keys, other._values) { self[key] = value }
    }

    /// `d.clear()`: removes every key.
    ///
    /// Python: `dict.clear`.
    public mutating func clear() {
        _keys.removeAll()
        _values.removeAll()
        _index = nil
    }

    /// `iter(d)`: the keys in insertion order, as iterating a Python dict yields them.
    ///
    /// Python: `dict.__iter__`.
    public func makeIterator() -> IndexingIterator<[Key]> {
        _keys.makeIterator()
    }
}

extension dict: Equatable where Value: Equatable {
    /// `d1 == d2`: equal when both have the same keys with equal values, in any order, as in
    /// Python.
    ///
    /// Python: `dict.__eq__`.
    public static func == (lhs: dict, rhs: dict) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in zip(lhs._keys, lhs._values) where rhs[key] != value { return false }
        return true
    }
}

extension dict: Sendable where Key: Sendable, Value: Sendable {}

extension dict: CustomStringConvertible, CustomDebugStringConvertible {
    /// `str(d)` `{'a': 1, 'b': 2}`: the reprs of the pairs in insertion order.
    ///
    /// Python: `dict.__repr__`.
    public var description: String { render(self, repr: true) }

    /// `repr(d)`: the same text as `str(d)`.
    ///
    /// Python: `dict.__repr__`.
    public var debugDescription: String { render(self, repr: true) }
}

extension dict: PyDictValue {
    var pyItems: [(key: Any, value: Any)] { items().map { (key: $0.0 as Any, value: $0.1 as Any) } }
}

/// `len(d)`: the number of keys of a dict.
///
/// Python: `len(dict)`.
public func len<Key, Value>(_ mapping: dict<Key, Value>) -> Int {
    mapping.count
}

/// `d[key]` of a small `dict<bytes, bytes>` (no index): the value, or nil.
@usableFromInline func dictBytesValue(_ keys: [bytes], _ values: [bytes], _ key: bytes) -> bytes? {
    let n = keys.count
    guard n > 0, let position = keys.withUnsafeBufferPointer({ key._firstIndex(in: $0.baseAddress!, count: n) }) else { return nil }
    return values[position]
}

/// `d[key] = value` of a small `dict<bytes, bytes>` (no index; `keys` and `values` are its
/// arrays): replaces the value of a present key or appends a new pair while the keys are
/// fewer than the scan limit; false (nothing done) when the generic path must build the index.
/// (Generic only in its signature: the body is concrete, so a debug build looks up no metadata.)
@usableFromInline func dictSetBytes<K, V>(_ keys: UnsafeMutablePointer<[K]>, _ values: UnsafeMutablePointer<[V]>, _ key: bytes, _ value: bytes) -> Bool {
    let keys = UnsafeMutableRawPointer(keys).assumingMemoryBound(to: [bytes].self)
    let values = UnsafeMutableRawPointer(values).assumingMemoryBound(to: [bytes].self)
    let n = keys.pointee.count
    if n > 0, let position = keys.pointee.withUnsafeBufferPointer({ key._firstIndex(in: $0.baseAddress!, count: n) }) {
        values.pointee[position] = value
        return true
    }
    if n >= 8 { return false }
    if n == 0 {
        keys.pointee.reserveCapacity(8)
        values.pointee.reserveCapacity(8)
    }
    keys.pointee.append(key)
    values.pointee.append(value)
    return true
}

/// The position of `key` among the `n` bytes keys at `keys`, or nil (compared in place).
@inlinable func dictBytesPosition(_ keys: UnsafeRawPointer, _ n: Int, _ key: bytes) -> Int? {
    key._firstIndex(in: keys.assumingMemoryBound(to: bytes.self), count: n)
}

/// A key as an exception argument: a str, int, bool or bytes as itself, anything else as its repr.
private func argument(_ key: Any) -> BaseException.Argument {
    switch key {
    case let text as String: return .str(text)
    case let flag as Bool: return .bool(flag)
    case let number as Int: return .int(number)
    case let data as bytes: return .bytes(Array(data))
    default: return .str(render(key, repr: true))
    }
}
