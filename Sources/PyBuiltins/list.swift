// Python's list, dict and set methods under their Python names: extend, insert, remove, pop, index, count, sort, get, items, add.
import PySocket

extension RangeReplaceableCollection {
    /// `lst.extend(iterable)`, `buf.extend(data)`: appends every item of `iterable` (to a list,
    /// a `bytearray`, any growable collection).
    ///
    /// Python: `list.extend`, `bytearray.extend`.
    public mutating func extend<Items: Sequence>(_ items: Items) where Items.Element == Element {
        append(contentsOf: items)
    }
}

extension Array {
    /// `lst.insert(i, x)`: inserts `x` before index `i` (negative counting from the end; clipped
    /// to the list, as Python clips it).
    ///
    /// Python: `list.insert`.
    public mutating func insert(_ index: Int, _ item: Element) {
        let i = index < 0 ? Swift.max(0, index + count) : Swift.min(index, count)
        insert(item, at: i)
    }

    /// `lst.pop(i=-1)`: removes and returns the item at `i` (the last by default; negative
    /// counting from the end).
    ///
    /// Python: `list.pop`.
    /// - Throws: `IndexError('pop from empty list')`, `IndexError('pop index out of range')`.
    public mutating func pop(_ index: Int = -1) throws -> Element {
        guard !isEmpty else { throw IndexError("pop from empty list") }
        let i = index < 0 ? index + count : index
        guard i >= 0, i < count else { throw IndexError("pop index out of range") }
        return remove(at: i)
    }

    /// `lst.copy()`: a shallow copy.
    ///
    /// Python: `list.copy`.
    public func copy() -> [Element] { self }

    /// `lst.clear()`: removes every item.
    ///
    /// Python: `list.clear`.
    public mutating func clear() { removeAll() }

    /// `lst.sort(key=f, reverse=False)`: sorts in place by `key(item)`, stably.
    ///
    /// Python: `list.sort(key=..., reverse=...)`.
    public mutating func sort<SortKey: Comparable>(key: (Element) throws -> SortKey, reverse: Bool = false) rethrows {
        self = try PyBuiltins.sorted(self, key: key, reverse: reverse)
    }
}

extension Array {
    /// `lst[start:stop]`: Python's slice as a new list, negative bounds counting from the end, nil
    /// for an omitted bound: `lst[nil, 2]` is `lst[:2]`. Never traps: bounds past either end are
    /// clipped (Swift's `lst[..<2]` traps on a shorter list).
    ///
    /// Python: `list.__getitem__(slice)`.
    public subscript(start: Int?, stop: Int?) -> [Element] {
        let n = count
        func clip(_ i: Int) -> Int { i < 0 ? Swift.max(0, i + n) : Swift.min(i, n) }
        let lower = start.map(clip) ?? 0
        let upper = stop.map(clip) ?? n
        guard lower < upper else { return [] }
        return Array(self[lower..<upper])
    }

    /// `lst[i]`: Python's index, a negative `i` counting from the end; raises
    /// `IndexError('list index out of range')` where Swift's `lst[i]` would trap.
    ///
    /// Python: `list.__getitem__(int)`.
    public subscript(py index: Int) -> Element {
        get throws {
            let position = index < 0 ? index + count : index
            guard position >= 0, position < count else { throw IndexError("list index out of range") }
            return self[position]
        }
    }
}

extension Array where Element: Comparable {
    /// `lst.sort(reverse=True)`: sorts in place, stably, largest first when `reverse`.
    ///
    /// Python: `list.sort(reverse=...)`.
    public mutating func sort(reverse: Bool) {
        self = PyBuiltins.sorted(self, reverse: reverse)
    }
}

extension Array where Element: Equatable {
    /// `lst.remove(x)`: removes the first item equal to `x`.
    ///
    /// Python: `list.remove`.
    /// - Throws: `ValueError('list.remove(x): x not in list')`.
    public mutating func remove(_ item: Element) throws {
        guard let i = firstIndex(of: item) else { throw ValueError("list.remove(x): x not in list") }
        remove(at: i)
    }

    /// `lst.index(x)`: the index of the first item equal to `x`.
    ///
    /// Python: `list.index`.
    /// - Throws: `ValueError('<x> is not in list')`.
    public func index(_ item: Element) throws -> Int {
        guard let i = firstIndex(of: item) else { throw ValueError("\(repr(item)) is not in list") }
        return i
    }

    /// `lst.count(x)`: the number of items equal to `x`.
    ///
    /// Python: `list.count`.
    public func count(_ item: Element) -> Int { reduce(0) { $1 == item ? $0 + 1 : $0 } }
}

extension Set {
    /// `s.add(x)`: adds `x` to the set.
    ///
    /// Python: `set.add`.
    public mutating func add(_ item: Element) { insert(item) }

    /// `s.discard(x)`: removes `x` if present.
    ///
    /// Python: `set.discard`.
    public mutating func discard(_ item: Element) { remove(item) }
}

extension Dictionary {
    /// `d.get(key)`: the value for `key`, or nil (`None`).
    ///
    /// Python: `dict.get(key)`.
    public func get(_ key: Key) -> Value? { self[key] }

    /// `d.get(key, default)`: the value for `key`, or `default`: `errno.errorcode.get(n, "?")`.
    ///
    /// Python: `dict.get(key, default)`.
    public func get(_ key: Key, _ default: Value) -> Value { self[key] ?? `default` }

    /// `d.items()`: the `(key, value)` pairs, in the dictionary's order.
    ///
    /// Python: `dict.items()`.
    ///
    /// Differs from CPython: a Swift `Dictionary` has its own order (use `dict` for insertion order).
    public func items() -> [(Key, Value)] { map { ($0.key, $0.value) } }
}

extension dict {
    /// `d.get(key, default)` with a default that is a value (not `None`): the value for `key`,
    /// or `default`, not optional: `counts[w] = counts.get(w, 0) + 1`.
    ///
    /// Python: `dict.get(key, default)`.
    public func get(_ key: Key, _ default: Value) -> Value { self[key] ?? `default` }
}
