// dict: Python's dict, which keeps insertion order and prints as CPython prints it.
import PySocket

/// `dict` / `{key: value}`: a mapping that remembers the order keys were first inserted in, as
/// Python's `dict` does, so that `print(d)` writes `{'a': 1, 'b': 2}` in that order. Iterating
/// yields the keys, as in Python; `items()`, `keys()`, `values()` give lists.
///
/// `var d: dict<String, Int> = [:]`, `let d: dict = ["a": 1, "b": 2]`, `d["c"] = 3`.
///
/// Python: `dict`.
///
/// Differs from CPython: `d[key]` is an optional (`nil` for a missing key, as a Swift
/// `Dictionary`); `try d.getitem(key)` raises CPython's `KeyError`. Removing a key costs
/// O(n).
public struct dict<Key: Hashable, Value>: Sequence, ExpressibleByDictionaryLiteral {
    private var order: [Key] = []
    private var storage: [Key: Value] = [:]

    /// `dict()` / `{}`: an empty dict.
    ///
    /// Python: `dict()`.
    public init() {}

    /// `{k1: v1, k2: v2}`: a dict of the literal's pairs in order; a repeated key keeps its first
    /// position and its last value, as in Python.
    ///
    /// Python: a dict display.
    public init(dictionaryLiteral elements: (Key, Value)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// `dict(pairs)` / `{k: v for ...}`: a dict of the pairs in order; a repeated key keeps its
    /// first position and its last value.
    ///
    /// Python: `dict(iterable)`.
    public init<Pairs: Sequence>(_ pairs: Pairs) where Pairs.Element == (Key, Value) {
        for (key, value) in pairs { self[key] = value }
    }

    /// `d[key]` / `d[key] = value` / `del d[key]`: the value for `key` (nil when absent); assigning
    /// appends a new key at the end, replaces the value of an existing key in place, and `nil`
    /// removes the key.
    ///
    /// Python: `dict.__getitem__`, `__setitem__`, `__delitem__`.
    public subscript(key: Key) -> Value? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { order.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                order.removeAll { $0 == key }
            }
        }
    }

    /// `d[key]`: the value for `key`; raises `KeyError(key)` when absent, as Python does.
    ///
    /// Python: `dict.__getitem__`.
    public func getitem(_ key: Key) throws -> Value {
        guard let value = storage[key] else { throw KeyError(args: [argument(key)]) }
        return value
    }

    /// `d.get(key, default=None)`: the value for `key`, or `default`.
    ///
    /// Python: `dict.get`.
    public func get(_ key: Key, _ default: Value? = nil) -> Value? {
        storage[key] ?? `default`
    }

    /// `key in d`: whether the dict has `key`.
    ///
    /// Python: `dict.__contains__`.
    public func contains(_ key: Key) -> Bool {
        storage[key] != nil
    }

    /// `len(d)`: the number of keys.
    ///
    /// Python: `len(dict)`.
    public var count: Int { order.count }

    /// `not d`: whether the dict is empty.
    ///
    /// Python: `dict.__bool__`.
    public var isEmpty: Bool { order.isEmpty }

    /// `d.keys()`: the keys in insertion order.
    ///
    /// Python: `dict.keys`.
    public func keys() -> [Key] { order }

    /// `d.values()`: the values in insertion order.
    ///
    /// Python: `dict.values`.
    public func values() -> [Value] { order.compactMap { storage[$0] } }

    /// `d.items()`: the `(key, value)` pairs in insertion order.
    ///
    /// Python: `dict.items`.
    public func items() -> [(Key, Value)] { order.compactMap { key in storage[key].map { (key, $0) } } }

    /// `d.pop(key)`: removes `key` and returns its value; raises `KeyError(key)` when absent.
    ///
    /// Python: `dict.pop`.
    @discardableResult
    public mutating func pop(_ key: Key) throws -> Value {
        guard let value = storage[key] else { throw KeyError(args: [argument(key)]) }
        self[key] = nil
        return value
    }

    /// `d.pop(key, default)`: removes `key` and returns its value, or returns `default` when
    /// absent.
    ///
    /// Python: `dict.pop`.
    @discardableResult
    public mutating func pop(_ key: Key, _ default: Value) -> Value {
        guard let value = storage[key] else { return `default` }
        self[key] = nil
        return value
    }

    /// `d.setdefault(key, default)`: the value for `key`, inserting `default` first when absent.
    ///
    /// Python: `dict.setdefault`.
    @discardableResult
    public mutating func setdefault(_ key: Key, _ default: Value) -> Value {
        if let value = storage[key] { return value }
        self[key] = `default`
        return `default`
    }

    /// `d.update(other)`: sets every pair of `other`, in its order.
    ///
    /// Python: `dict.update`.
    public mutating func update(_ other: dict<Key, Value>) {
        for (key, value) in other.items() { self[key] = value }
    }

    /// `d.clear()`: removes every key.
    ///
    /// Python: `dict.clear`.
    public mutating func clear() {
        order.removeAll()
        storage.removeAll()
    }

    /// `iter(d)`: the keys in insertion order, as iterating a Python dict yields them.
    ///
    /// Python: `dict.__iter__`.
    public func makeIterator() -> IndexingIterator<[Key]> {
        order.makeIterator()
    }
}

extension dict: Equatable where Value: Equatable {
    /// `d1 == d2`: equal when both have the same keys with equal values, in any order, as in
    /// Python.
    ///
    /// Python: `dict.__eq__`.
    public static func == (lhs: dict, rhs: dict) -> Bool {
        lhs.storage == rhs.storage
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
