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
