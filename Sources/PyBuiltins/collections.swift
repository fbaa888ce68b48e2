// collections: deque, defaultdict, Counter and namedtuple, as socket programs use them, printing as CPython prints them.
import PySocket

/// `collections.deque(iterable=(), maxlen=None)`: a double-ended queue: `append`/`appendleft`,
/// `pop`/`popleft` (CPython's `IndexError` when empty), `extend`, `rotate`, and a `maxlen` that
/// drops items from the other end. Prints `deque(['a', 'b'])`.
///
/// `var q = deque<String>()`, `var q: deque = [1, 2]`, `deque([1, 2, 3], maxlen: 2)`.
///
/// Python: `collections.deque`.
///
/// Differs from CPython: `q[i]` is Swift's collection subscript (it stops the process out of
/// range, as an array's does); `popleft` costs O(n).
public struct deque<Element>: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    private var items: [Element]

    /// `q.maxlen`: the bound given at creation, or nil.
    ///
    /// Python: `deque.maxlen`.
    public let maxlen: Int?

    /// `deque()`: empty and unbounded.
    ///
    /// Python: `deque()`.
    public init() {
        items = []
        maxlen = nil
    }

    /// `[a, b]` where a deque is expected.
    ///
    /// Python: `deque([a, b])`.
    public init(arrayLiteral elements: Element...) {
        items = elements
        maxlen = nil
    }

    /// `deque(iterable)`: the items in order.
    ///
    /// Python: `deque(iterable)`.
    public init<Items: Sequence>(_ items: Items) where Items.Element == Element {
        self.items = Array(items)
        maxlen = nil
    }

    /// `deque(iterable, maxlen=n)`: at most `n` items, the last ones; raises CPython's
    /// `ValueError('maxlen must be non-negative')` for a negative `n`.
    ///
    /// Python: `deque(iterable, maxlen)`.
    public init<Items: Sequence>(_ items: Items, maxlen: Int?) throws where Items.Element == Element {
        if let maxlen, maxlen < 0 { throw ValueError("maxlen must be non-negative") }
        self.items = []
        self.maxlen = maxlen
        for item in items { append(item) }
    }

    /// `deque(maxlen=n)`: empty, bounded.
    ///
    /// Python: `deque(maxlen=n)`.
    public init(maxlen: Int?) throws {
        try self.init([], maxlen: maxlen)
    }

    /// The first position, 0.
    ///
    /// Python: none (Swift's `Collection`).
    public var startIndex: Int { 0 }

    /// One past the last position: the number of items.
    ///
    /// Python: `len(q)`.
    public var endIndex: Int { items.count }

    /// `q[i]`: the item at `i` (0-based, from the left).
    ///
    /// Python: `deque.__getitem__`, `deque.__setitem__`.
    public subscript(position: Int) -> Element {
        get { items[position] }
        set { items[position] = newValue }
    }

    /// `q.append(x)`: adds `x` on the right; a full bounded deque drops its leftmost item.
    ///
    /// Python: `deque.append`.
    public mutating func append(_ item: Element) {
        if maxlen == 0 { return }
        if let maxlen, items.count >= maxlen { items.removeFirst() }
        items.append(item)
    }

    /// `q.appendleft(x)`: adds `x` on the left; a full bounded deque drops its rightmost item.
    ///
    /// Python: `deque.appendleft`.
    public mutating func appendleft(_ item: Element) {
        if maxlen == 0 { return }
        if let maxlen, items.count >= maxlen { items.removeLast() }
        items.insert(item, at: 0)
    }

    /// `q.extend(iterable)`: appends each item on the right.
    ///
    /// Python: `deque.extend`.
    public mutating func extend<Items: Sequence>(_ newItems: Items) where Items.Element == Element {
        for item in newItems { append(item) }
    }

    /// `q.extendleft(iterable)`: appends each item on the left (so they end up reversed).
    ///
    /// Python: `deque.extendleft`.
    public mutating func extendleft<Items: Sequence>(_ newItems: Items) where Items.Element == Element {
        for item in newItems { appendleft(item) }
    }

    /// `q.pop()`: removes and returns the rightmost item; raises `IndexError('pop from an empty
    /// deque')`.
    ///
    /// Python: `deque.pop`.
    @discardableResult
    public mutating func pop() throws -> Element {
        guard let last = items.popLast() else { throw IndexError("pop from an empty deque") }
        return last
    }

    /// `q.popleft()`: removes and returns the leftmost item; raises `IndexError('pop from an
    /// empty deque')`.
    ///
    /// Python: `deque.popleft`.
    @discardableResult
    public mutating func popleft() throws -> Element {
        guard !items.isEmpty else { throw IndexError("pop from an empty deque") }
        return items.removeFirst()
    }

    /// `q.rotate(n=1)`: moves the last `n` items to the front (the first `-n` to the back when
    /// `n` is negative).
    ///
    /// Python: `deque.rotate`.
    public mutating func rotate(_ n: Int = 1) {
        guard items.count > 1 else { return }
        let count = items.count
        let shift = ((n % count) + count) % count
        guard shift != 0 else { return }
        items = Array(items[(count - shift)...] + items[..<(count - shift)])
    }

    /// `q.clear()`: removes every item.
    ///
    /// Python: `deque.clear`.
    public mutating func clear() { items.removeAll() }
}

extension deque where Element: Equatable {
    /// `q.count(x)`: how many items equal `x`.
    ///
    /// Python: `deque.count`.
    public func count(_ item: Element) -> Int { items.reduce(0) { $1 == item ? $0 + 1 : $0 } }

    /// `q.remove(x)`: removes the first item equal to `x`; raises CPython's `ValueError`.
    ///
    /// Python: `deque.remove`.
    public mutating func remove(_ item: Element) throws {
        guard let index = items.firstIndex(of: item) else { throw ValueError("deque.remove(x): x not in deque") }
        items.remove(at: index)
    }

    /// `q1 == q2`: the same items in the same order.
    ///
    /// Python: `deque.__eq__`.
    public static func == (lhs: deque, rhs: deque) -> Bool { lhs.items == rhs.items }
}

extension deque: Equatable where Element: Equatable {}
extension deque: Sendable where Element: Sendable {}

extension deque: CustomStringConvertible, CustomDebugStringConvertible {
    /// `str(q)` `deque([1, 2])`, `deque([1, 2], maxlen=3)`.
    ///
    /// Python: `deque.__repr__`.
    public var description: String {
        let list = render(items, repr: true)
        guard let maxlen else { return "deque(\(list))" }
        return "deque(\(list), maxlen=\(maxlen))"
    }

    /// `repr(q)`: the same text as `str(q)`.
    ///
    /// Python: `deque.__repr__`.
    public var debugDescription: String { description }
}

/// A type whose `Type()` is Python's value for a missing key: `0`, `''`, `[]`, an empty
/// `deque`, `dict` or `Counter`; `defaultdict(deque.self)` builds each missing value with it.
public protocol PyDefaultFactory {
    /// The empty value, as `int()`, `list()`, `deque()` give.
    init()
}

extension Int: PyDefaultFactory {}
extension Double: PyDefaultFactory {}
extension String: PyDefaultFactory {}
extension Array: PyDefaultFactory {}
extension Set: PyDefaultFactory {}
extension deque: PyDefaultFactory {}
extension dict: PyDefaultFactory {}
extension Counter: PyDefaultFactory {}

/// `int()`: `0`, as Python's `int()` gives; `defaultdict(int)` passes this function.
///
/// Python: `int()`.
public func int() -> Int { 0 }

/// `list()`: an empty list; `defaultdict(list)` passes this function.
///
/// Python: `list()`.
public func list<Element>() -> [Element] { [] }

/// `collections.defaultdict(default_factory)`: a `dict` whose `d[key]` on a missing key stores
/// and returns `default_factory()`, so `d[k] += 1` and `d[k].append(x)` work on new keys. Keeps
/// insertion order and prints `defaultdict(<class 'int'>, {'a': 1})`.
///
/// `var d = defaultdict<String, Int>(int)`, `defaultdict<socket, deque<String>>(deque.self)`,
/// `defaultdict<String, [Int]>(list)`, or a closure `defaultdict<String, Int> { 5 }`.
///
/// Python: `collections.defaultdict`.
///
/// Differs from CPython: reading `d[key]` is `mutating` (it inserts), so the dict is a `var`;
/// the factory prints as the class of the value type (`<class 'int'>`), also for a closure.
public struct defaultdict<Key: Hashable, Value>: Sequence {
    /// `d.default_factory`: the function that makes a missing key's value.
    ///
    /// Python: `defaultdict.default_factory`.
    public let default_factory: () -> Value

    private var mapping = dict<Key, Value>()

    /// `defaultdict(factory)`: empty; a missing key gets `factory()`.
    ///
    /// Python: `defaultdict(default_factory)`.
    public init(_ default_factory: @escaping () -> Value) {
        self.default_factory = default_factory
    }

    /// `defaultdict(cls)` with the class itself (`deque.self`, `Int.self`).
    ///
    /// Python: `defaultdict(cls)`.
    public init(_ type: Value.Type) where Value: PyDefaultFactory {
        self.default_factory = { Value() }
    }

    /// `d[key]`: the value for `key`, first storing `default_factory()` when the key is missing;
    /// `d[key] = value` stores; assigning through it (`d[k] += 1`, `d[k].append(x)`) works.
    ///
    /// Python: `defaultdict.__getitem__` / `__missing__`, `__setitem__`.
    public subscript(key: Key) -> Value {
        mutating get {
            if let value = mapping[key] { return value }
            let value = default_factory()
            mapping[key] = value
            return value
        }
        set { mapping[key] = newValue }
    }

    /// `d.get(key, default=None)`: the value, or `default`, without inserting.
    ///
    /// Python: `dict.get`.
    public func get(_ key: Key, _ default: Value? = nil) -> Value? { mapping.get(key, `default`) }

    /// `key in d`: whether `key` is stored (reading a missing key stores it).
    ///
    /// Python: `dict.__contains__`.
    public func contains(_ key: Key) -> Bool { mapping.contains(key) }

    /// `d.keys()`: the keys in insertion order.
    ///
    /// Python: `dict.keys`.
    public func keys() -> [Key] { mapping.keys() }

    /// `d.values()`: the values in insertion order.
    ///
    /// Python: `dict.values`.
    public func values() -> [Value] { mapping.values() }

    /// `d.items()`: the `(key, value)` pairs in insertion order.
    ///
    /// Python: `dict.items`.
    public func items() -> [(Key, Value)] { mapping.items() }

    /// `d.pop(key)`: removes the key and returns its value; raises `KeyError` when absent.
    ///
    /// Python: `dict.pop`.
    @discardableResult
    public mutating func pop(_ key: Key) throws -> Value { try mapping.pop(key) }

    /// `len(d)`: the number of keys.
    ///
    /// Python: `len(dict)`.
    public var count: Int { mapping.count }

    /// Whether there is no key (`not d`).
    ///
    /// Python: `not d`.
    public var isEmpty: Bool { mapping.isEmpty }

    /// `for key in d`: the keys in insertion order.
    ///
    /// Python: `dict.__iter__`.
    public func makeIterator() -> IndexingIterator<[Key]> { mapping.keys().makeIterator() }

    /// The plain dict of the same pairs (`dict(d)`).
    ///
    /// Python: `dict(d)`.
    public var asDict: dict<Key, Value> { mapping }
}

extension defaultdict: CustomStringConvertible, CustomDebugStringConvertible {
    /// `str(d)` `defaultdict(<class 'int'>, {'a': 1})`.
    ///
    /// Python: `defaultdict.__repr__`.
    public var description: String { "defaultdict(\(factoryClass(Value.self)), \(mapping.description))" }

    /// `repr(d)`: the same text as `str(d)`.
    ///
    /// Python: `defaultdict.__repr__`.
    public var debugDescription: String { description }
}

extension defaultdict: PySizedValue {}

/// How CPython prints the factory of a defaultdict whose values are `Value`.
private func factoryClass(_ value: Any.Type) -> String {
    let name = String(describing: value)
    if name.hasPrefix("deque<") { return "<class 'collections.deque'>" }
    if name.hasPrefix("Counter<") { return "<class 'collections.Counter'>" }
    if name.hasPrefix("Array<") { return "<class 'list'>" }
    if name.hasPrefix("Set<") { return "<class 'set'>" }
    if name.hasPrefix("dict<") { return "<class 'dict'>" }
    return pythonClass(value).description
}

extension dict {
    /// `dict(d)`: the pairs of a defaultdict, in its order.
    ///
    /// Python: `dict(mapping)`.
    public init(_ other: defaultdict<Key, Value>) { self = other.asDict }
}

extension dict where Value == Int {
    /// `dict(c)`: the counts of a Counter, in insertion order.
    ///
    /// Python: `dict(mapping)`.
    public init(_ other: Counter<Key>) { self = other.asDict }
}

/// `collections.Counter(iterable=None)`: counts of hashable items. `c[key]` is 0 for a missing
/// key (without storing it), `c[key] += 1` counts; `most_common`, `elements`, `total`, `update`.
/// Prints `Counter({'a': 2, 'b': 1})`, most common first, as CPython does.
///
/// `var c = Counter<String>()`, `Counter("hello")`, `Counter(words)`.
///
/// Python: `collections.Counter`.
public struct Counter<Key: Hashable>: Sequence {
    private var mapping = dict<Key, Int>()

    /// `Counter()`: no counts.
    ///
    /// Python: `Counter()`.
    public init() {}

    /// `Counter(iterable)`: each item counted once per occurrence.
    ///
    /// Python: `Counter(iterable)`.
    public init<Items: Sequence>(_ items: Items) where Items.Element == Key {
        update(items)
    }

    /// `c[key]`: the count of `key`, 0 when it was never counted; `c[key] = n` stores it.
    ///
    /// Python: `Counter.__getitem__` / `__missing__`, `__setitem__`.
    public subscript(key: Key) -> Int {
        get { mapping[key] ?? 0 }
        set { mapping[key] = newValue }
    }

    /// `c.update(iterable)`: counts each item once more per occurrence.
    ///
    /// Python: `Counter.update`.
    public mutating func update<Items: Sequence>(_ items: Items) where Items.Element == Key {
        for item in items { self[item] += 1 }
    }

    /// `c.most_common(n=None)`: `(key, count)` pairs, highest count first, ties in insertion
    /// order; all of them, or the first `n`.
    ///
    /// Python: `Counter.most_common`.
    public func most_common(_ n: Int? = nil) -> [(Key, Int)] {
        let ordered = mapping.items().enumerated().sorted { a, b in
            a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
        }.map(\.element)
        guard let n else { return ordered }
        return Array(ordered.prefix(Swift.max(0, n)))
    }

    /// `c.elements()`: each key repeated as many times as its count (counts below 1 give none),
    /// in insertion order.
    ///
    /// Python: `Counter.elements`.
    public func elements() -> [Key] {
        mapping.items().flatMap { key, count in Array(repeating: key, count: Swift.max(0, count)) }
    }

    /// `c.total()`: the sum of the counts.
    ///
    /// Python: `Counter.total`.
    public func total() -> Int { mapping.values().reduce(0, +) }

    /// `c.keys()`: the keys in insertion order.
    ///
    /// Python: `dict.keys`.
    public func keys() -> [Key] { mapping.keys() }

    /// `c.values()`: the counts in insertion order.
    ///
    /// Python: `dict.values`.
    public func values() -> [Int] { mapping.values() }

    /// `c.items()`: the `(key, count)` pairs in insertion order.
    ///
    /// Python: `dict.items`.
    public func items() -> [(Key, Int)] { mapping.items() }

    /// `key in c`: whether `key` has a stored count.
    ///
    /// Python: `dict.__contains__`.
    public func contains(_ key: Key) -> Bool { mapping.contains(key) }

    /// `len(c)`: the number of keys.
    ///
    /// Python: `len(Counter)`.
    public var count: Int { mapping.count }

    /// Whether there is no key (`not c`).
    ///
    /// Python: `not c`.
    public var isEmpty: Bool { mapping.isEmpty }

    /// `for key in c`: the keys in insertion order.
    ///
    /// Python: `dict.__iter__`.
    public func makeIterator() -> IndexingIterator<[Key]> { mapping.keys().makeIterator() }

    /// The plain dict of the same counts (`dict(c)`).
    ///
    /// Python: `dict(c)`.
    public var asDict: dict<Key, Int> { mapping }
}

extension Counter: CustomStringConvertible, CustomDebugStringConvertible {
    /// `str(c)` `Counter({'a': 2, 'b': 1})`, most common first; `Counter()` when empty.
    ///
    /// Python: `Counter.__repr__`.
    public var description: String {
        if mapping.isEmpty { return "Counter()" }
        let pairs = most_common().map { render($0.0, repr: true) + ": " + render($0.1, repr: true) }
        return "Counter({" + pairs.joined(separator: ", ") + "})"
    }

    /// `repr(c)`: the same text as `str(c)`.
    ///
    /// Python: `Counter.__repr__`.
    public var debugDescription: String { description }
}

extension Counter: PySizedValue {}

/// A collections type whose truth is `not empty` (`if counts:`, `while outbox[c]:`).
protocol PySizedValue {
    var isEmpty: Bool { get }
}

/// `len(d)`: the number of keys of a defaultdict.
///
/// Python: `len(dict)`.
public func len<Key, Value>(_ mapping: defaultdict<Key, Value>) -> Int { mapping.count }

/// `len(c)`: the number of keys of a Counter.
///
/// Python: `len(Counter)`.
public func len<Key>(_ counter: Counter<Key>) -> Int { counter.count }

/// `collections.namedtuple(name, fields)`: a Swift struct that conforms to `namedtuple` prints
/// as Python's named tuple (`Point(x=1, y=2)`, each field's `repr`) and has `_fields`,
/// `_asdict()` and `len()`; its fields are the struct's stored properties, in order.
///
/// `Point = namedtuple("Point", "x y")` is `struct Point: namedtuple { var x: Int; var y: Int }`,
/// and `Point(1, 2)` is `Point(x: 1, y: 2)`.
///
/// Python: `collections.namedtuple`.
///
/// Differs from CPython: the fields are typed and named in the call (`Point(x: 1, y: 2)`);
/// `p._replace(x=5)` is `p._replace(\.x, 5)`, `p[0]` is `try p[py: 0]` (typed where a type is
/// asked for), unpacking is `let (x, y) = (p.x, p.y)`; `==` is Swift's (declare the struct
/// `Equatable`), with no comparison with a plain tuple; no `_make`.
public protocol namedtuple: CustomStringConvertible, CustomDebugStringConvertible {}

extension namedtuple {
    /// `str(p)` `Point(x=1, y=2)`.
    ///
    /// Python: the named tuple's `__repr__`.
    public var description: String {
        let fields = Mirror(reflecting: self).children.map { ($0.label ?? "_") + "=" + render($0.value, repr: true) }
        return "\(Self.self)(" + fields.joined(separator: ", ") + ")"
    }

    /// `repr(p)`: the same text as `str(p)`.
    ///
    /// Python: the named tuple's `__repr__`.
    public var debugDescription: String { description }

    /// `p._fields`: the field names, in order.
    ///
    /// Python: `somenamedtuple._fields`.
    public var _fields: tuple<String> { tuple(Mirror(reflecting: self).children.map { $0.label ?? "_" }) }

    /// `p._asdict()`: the fields as a dict of name to value, in order.
    ///
    /// Python: `somenamedtuple._asdict()`.
    public func _asdict() -> dict<String, Any> {
        dict(Mirror(reflecting: self).children.map { ($0.label ?? "_", $0.value) })
    }

    /// The field values in order, as `*p` or `tuple(p)` spreads them.
    var pyFieldValues: [Any] { Mirror(reflecting: self).children.map(\.value) }

    /// `p._replace(x=5)`: a copy with one field changed (`p._replace(\.x, 5)`; chain calls for
    /// more fields).
    ///
    /// Python: `somenamedtuple._replace(**kwargs)`.
    public func _replace<Value>(_ field: WritableKeyPath<Self, Value>, _ value: Value) -> Self {
        var copy = self
        copy[keyPath: field] = value
        return copy
    }

    /// `p[i]` where no type is asked for (`print(p[0])`): the i-th field (from the end when
    /// negative).
    ///
    /// Python: `tuple.__getitem__`.
    /// - Throws: `IndexError('tuple index out of range')`.
    public subscript(py index: Int) -> Any {
        get throws {
            let values = pyFieldValues
            let i = index < 0 ? index + values.count : index
            guard i >= 0 && i < values.count else { throw IndexError("tuple index out of range") }
            return values[i]
        }
    }

    /// `p[i]` where a type is asked for (`let port: Int = try p[py: 1]`).
    ///
    /// Python: `tuple.__getitem__`.
    /// - Throws: `IndexError('tuple index out of range')`; `TypeError` when the field is not a `T`.
    public subscript<T>(py index: Int) -> T {
        get throws {
            let value: Any = try self[py: index]
            guard let typed = value as? T else {
                throw TypeError("field \(index) of \(Self.self) is \(render(value, repr: true)), not a \(T.self)")
            }
            return typed
        }
    }
}

/// `len(p)`: the number of fields of a named tuple.
///
/// Python: `len(tuple)`.
public func len<Value: namedtuple>(_ value: Value) -> Int { Mirror(reflecting: value).children.count }

/// `tuple(iterable)`: an immutable sequence of one type that prints as Python's tuple
/// (`(1, 2)`, `(1,)`, `()`), for tuples whose length Swift cannot know (`tuple(b for b in data)`,
/// `p._fields`); a fixed-size Python tuple is a Swift tuple.
///
/// Python: `tuple`.
public struct tuple<Element>: RandomAccessCollection {
    private let items: [Element]

    /// `tuple(iterable)`: the items in order.
    ///
    /// Python: `tuple(iterable)`.
    public init<Items: Sequence>(_ items: Items) where Items.Element == Element { self.items = Array(items) }

    /// `()`: the empty tuple.
    ///
    /// Python: `tuple()`.
    public init() { items = [] }

    /// The first position, 0.
    ///
    /// Python: none (Swift's `Collection`).
    public var startIndex: Int { 0 }

    /// One past the last position: the length.
    ///
    /// Python: `len(t)`.
    public var endIndex: Int { items.count }

    /// `t[i]`: the item at `i`.
    ///
    /// Python: `tuple.__getitem__`.
    public subscript(position: Int) -> Element { items[position] }
}

extension tuple: Equatable where Element: Equatable {}
extension tuple: Hashable where Element: Hashable {}
extension tuple: Sendable where Element: Sendable {}

extension tuple: CustomStringConvertible, CustomDebugStringConvertible {
    /// `str(t)` `(1, 2)`, `(1,)`, `()`.
    ///
    /// Python: `tuple.__repr__`.
    public var description: String {
        let parts = items.map { render($0, repr: true) }
        return parts.count == 1 ? "(" + parts[0] + ",)" : "(" + parts.joined(separator: ", ") + ")"
    }

    /// `repr(t)`: the same text as `str(t)`.
    ///
    /// Python: `tuple.__repr__`.
    public var debugDescription: String { description }
}
