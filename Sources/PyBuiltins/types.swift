// types.SimpleNamespace: a record with named, typed, mutable fields that prints as Python's namespace(...).

/// `import types`: the names of Python's `types` module a socket program uses.
///
/// Python: `types`.
public enum types {
    /// `types.SimpleNamespace(addr=addr, inb=b"", outb=b"")`: an object whose attributes are
    /// the fields given, read and written as `ns.addr`, `ns.outb += data`; a reference, as in
    /// Python, so the record stored in a selector's key is the one a handler changes.
    ///
    /// The fields are a Swift tuple with labels, whose types Swift must know:
    /// `types.SimpleNamespace((addr: addr, inb: "" as bytes, outb: "" as bytes))`.
    ///
    /// Python: `types.SimpleNamespace`.
    ///
    /// Differs from CPython: the fields are fixed when it is made (no new attribute later, none
    /// deleted); it has no fields (`types.SimpleNamespace()`) or at least two (Swift has no
    /// one-element tuple); `==` is not defined.
    @dynamicMemberLookup
    public final class SimpleNamespace<Fields>: CustomStringConvertible, CustomDebugStringConvertible {
        /// `ns.__dict__`: the fields, as the labelled tuple they were given as.
        ///
        /// Python: `SimpleNamespace.__dict__`.
        public var __dict__: Fields

        /// `types.SimpleNamespace(**fields)`: a namespace with `fields`, a labelled tuple.
        ///
        /// Python: `types.SimpleNamespace(...)`.
        public init(_ fields: Fields) { __dict__ = fields }

        /// `ns.name` and `ns.name = value`: a field, by its label.
        ///
        /// Python: attribute access on a `SimpleNamespace`.
        public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
            get { __dict__[keyPath: field] }
            set { __dict__[keyPath: field] = newValue }
        }

        /// `repr(ns)`: `namespace(addr=('127.0.0.1', 5000), inb=b'', outb=b'')`.
        ///
        /// Python: `SimpleNamespace.__repr__`.
        public var description: String {
            let fields = Mirror(reflecting: __dict__).children.map { child in
                (child.label ?? "_") + "=" + render(child.value, repr: true)
            }
            return "namespace(" + fields.joined(separator: ", ") + ")"
        }

        /// `repr(ns)`: the same text as `str(ns)`.
        ///
        /// Python: `SimpleNamespace.__repr__`.
        public var debugDescription: String { description }
    }
}

extension types.SimpleNamespace where Fields == Void {
    /// `types.SimpleNamespace()`: a namespace with no fields, `namespace()`.
    ///
    /// Python: `types.SimpleNamespace()`.
    public convenience init() { self.init(()) }
}
