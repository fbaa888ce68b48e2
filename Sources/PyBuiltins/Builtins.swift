// len(): the number of items of a collection, str, tuple or address, counted as Python counts them.
import PySocket

/// `len(s)`: the number of items of a collection: a list, a `bytes`, a `dict`, a set.
///
/// Python: `len(s)`.
public func len<C: Collection>(_ collection: C) -> Int {
    collection.count
}

/// `len(s)`: the number of code points of a `str`, as Python counts them (`len("🇫🇷")` is 2, where
/// Swift's `count` of Characters is 1).
///
/// Python: `len(str)`.
public func len(_ text: String) -> Int {
    text.unicodeScalars.count
}

/// `len(s)`: the number of code points of a `str` slice.
///
/// Python: `len(str)`.
public func len(_ text: Substring) -> Int {
    text.unicodeScalars.count
}

/// `len(addr)`: the length of the value CPython returns for an address: 2 for `(host, port)`, 4 for
/// an IPv6 tuple, the path's length for AF_UNIX, the name's length for an abstract name.
///
/// Python: `len(addr)`.
public func len(_ address: SocketAddress) -> Int {
    switch address {
    case .inet: return 2
    case .inet6: return 4
    case .unix(let path): return path.unicodeScalars.count
    case .unixBytes(let name): return name.count
    case .netlink: return 2
    case .packet: return 5
    case .noAddress: return 0
    case .other: return 2
    }
}

/// `len(t)`: the number of items of a tuple.
///
/// Python: `len(tuple)`.
public func len<A, B>(_ tuple: (A, B)) -> Int { 2 }

/// `len(t)`: the number of items of a tuple.
///
/// Python: `len(tuple)`.
public func len<A, B, C>(_ tuple: (A, B, C)) -> Int { 3 }

/// `len(t)`: the number of items of a tuple.
///
/// Python: `len(tuple)`.
public func len<A, B, C, D>(_ tuple: (A, B, C, D)) -> Int { 4 }

/// `len(t)`: the number of items of a tuple.
///
/// Python: `len(tuple)`.
public func len<A, B, C, D, E>(_ tuple: (A, B, C, D, E)) -> Int { 5 }

/// `len(t)`: the number of items of a tuple.
///
/// Python: `len(tuple)`.
public func len<A, B, C, D, E, F>(_ tuple: (A, B, C, D, E, F)) -> Int { 6 }
