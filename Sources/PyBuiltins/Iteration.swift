// list(), set(), min(), max(), any(), all(), reversed(): Python's builtins over iterables.
import PySocket

/// `list(iterable)`: a new list of the items: `list(d.keys())`, `list("ab")` (`['a', 'b']`),
/// `list(range(3))`.
///
/// Python: `list(iterable)`.
public func list<Items: Sequence>(_ items: Items) -> [Items.Element] {
    Array(items)
}

/// `list(d)`: the keys of a dict, in insertion order.
///
/// Python: `list(dict)`.
public func list<Key, Value>(_ mapping: dict<Key, Value>) -> [Key] {
    mapping.keys()
}

/// `set(iterable)`: a new set of the distinct items.
///
/// Python: `set(iterable)`.
///
/// Differs from CPython: a Swift `Set`, which prints its items in its own order.
public func set<Items: Sequence>(_ items: Items) -> Set<Items.Element> where Items.Element: Hashable {
    Set(items)
}

/// `set()`: a new empty set, its element type taken from the context (`var seen: Set<String> =
/// set()`).
///
/// Python: `set()`.
public func set<Element: Hashable>() -> Set<Element> {
    []
}

/// `min(iterable)`: the smallest item (the first of equal ones); raises CPython's `ValueError` for
/// an empty iterable.
///
/// Python: `min(iterable)`.
public func min<Items: Sequence>(_ items: Items) throws -> Items.Element where Items.Element: Comparable {
    guard let smallest = items.min() else { throw ValueError("min() iterable argument is empty") }
    return smallest
}

/// `max(iterable)`: the largest item (the first of equal ones); raises CPython's `ValueError` for
/// an empty iterable.
///
/// Python: `max(iterable)`.
public func max<Items: Sequence>(_ items: Items) throws -> Items.Element where Items.Element: Comparable {
    var largest: Items.Element?
    for item in items where largest.map({ item > $0 }) ?? true {
        largest = item
    }
    guard let largest else { throw ValueError("max() iterable argument is empty") }
    return largest
}

/// `min(iterable, key=f)`: the item with the smallest `key(item)` (the first of equal ones);
/// raises CPython's `ValueError` for an empty iterable.
///
/// Python: `min(iterable, key=...)`.
public func min<Items: Sequence, SortKey: Comparable>(_ items: Items, key: (Items.Element) throws -> SortKey) throws -> Items.Element {
    var best: (item: Items.Element, key: SortKey)?
    for item in items {
        let k = try key(item)
        if best.map({ k < $0.key }) ?? true { best = (item, k) }
    }
    guard let best else { throw ValueError("min() iterable argument is empty") }
    return best.item
}

/// `max(iterable, key=f)`: the item with the largest `key(item)` (the first of equal ones):
/// `max(counts, key: { counts[$0]! })`; raises CPython's `ValueError` for an empty iterable.
///
/// Python: `max(iterable, key=...)`.
public func max<Items: Sequence, SortKey: Comparable>(_ items: Items, key: (Items.Element) throws -> SortKey) throws -> Items.Element {
    var best: (item: Items.Element, key: SortKey)?
    for item in items {
        let k = try key(item)
        if best.map({ k > $0.key }) ?? true { best = (item, k) }
    }
    guard let best else { throw ValueError("max() iterable argument is empty") }
    return best.item
}

/// `any(iterable)`: whether any item is true (Python's truth value: `bool(item)`).
///
/// Python: `any(iterable)`.
public func any<Items: Sequence>(_ items: Items) -> Bool {
    items.contains { bool($0) }
}

/// `all(iterable)`: whether every item is true (Python's truth value: `bool(item)`); true for an
/// empty iterable.
///
/// Python: `all(iterable)`.
public func all<Items: Sequence>(_ items: Items) -> Bool {
    items.allSatisfy { bool($0) }
}

/// `reversed(seq)`: the items in reverse order, as a list.
///
/// Python: `reversed(seq)`.
///
/// Differs from CPython: a list, not a lazy iterator.
public func reversed<Items: Sequence>(_ items: Items) -> [Items.Element] {
    Array(items.reversed())
}
