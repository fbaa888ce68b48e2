// The prefix `*` of a call's argument: `print(*items)` and `struct.pack(fmt, *values)` spread a sequence or tuple as Python does.
import PySocket

prefix operator *

/// `*items` in a call: the items of a sequence, a Swift tuple or a named tuple, spread into the
/// call's arguments where the function takes Python's `*args`: `print(*items)`,
/// `print("a", *items, sep: ", ")`, `struct.pack(fmt, *values)`, `s.sendmsg`-free.
///
/// Python: iterable unpacking in a call, `f(*args)`.
///
/// Differs from CPython: only `print`, `struct.pack`, `Struct.pack` and `str.format` spread it; a value that is
/// neither a sequence nor a tuple spreads as itself.
public prefix func * <Items>(items: Items) -> Starred {
    Starred(items)
}

/// The argument `*items` makes: the items to spread into the call.
///
/// Python: none (the unpacked arguments of `f(*args)`).
public struct Starred {
    /// The items, in order.
    ///
    /// Python: none.
    public let items: [Any]

    init(_ value: Any) {
        if let named = value as? any namedtuple {
            items = named.pyFieldValues
        } else if let text = value as? String {
            items = text.map { String($0) }
        } else if let data = value as? bytes {
            items = data.map { Int($0) }
        } else if let sequence = value as? any Sequence {
            items = Array(anySequence: sequence)
        } else if let elements = tupleElements(value) {
            items = elements
        } else {
            items = [value]
        }
    }
}

extension Array where Element == Any {
    /// The elements of any sequence, as `Any`.
    init(anySequence sequence: some Sequence) {
        self = sequence.map { $0 as Any }
    }
}

/// `args` with every `*items` replaced by its items, as Python spreads them.
func spreading(_ args: [Any]) -> [Any] {
    guard args.contains(where: { $0 is Starred }) else { return args }
    var out: [Any] = []
    for arg in args {
        if let starred = arg as? Starred { out.append(contentsOf: starred.items) } else { out.append(arg) }
    }
    return out
}
