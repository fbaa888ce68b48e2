// str() and repr() of socket addresses as CPython prints them, string literals as paths, and addr[i].

extension SocketAddress: CustomStringConvertible, CustomDebugStringConvertible, ExpressibleByStringLiteral {
    /// `'path'`: a string literal is an AF_UNIX path, as in `s.bind("echo.sock")`.
    ///
    /// Python: an AF_UNIX address given as `str`. C: `struct sockaddr_un`.
    public init(stringLiteral value: String) { self = .unix(value) }

    /// `str(addr)` of the value CPython returns: `('127.0.0.1', 8080)`, `('::1', 8080, 0, 0)`,
    /// the path itself for AF_UNIX, `b'\x00name'` for an abstract name, `None`, `(16, b'...')`.
    ///
    /// Python: `str()` of the address value. C: none.
    public var description: String {
        if case .unix(let path) = self { return path }
        return debugDescription
    }

    /// `repr(addr)`: as `description`, except that an AF_UNIX path is quoted (`'echo.sock'`).
    ///
    /// Python: `repr()` of the address value. C: none.
    public var debugDescription: String {
        switch self {
        case .inet(let host, let port):
            return "(\(pythonRepr(host)), \(port))"
        case .inet6(let host, let port, let flowinfo, let scopeID):
            return "(\(pythonRepr(host)), \(port), \(flowinfo), \(scopeID))"
        case .unix(let path):
            return pythonRepr(path)
        case .unixBytes(let data):
            return pythonRepr(bytes: data)
        case .netlink(let pid, let groups):
            return "(\(pid), \(groups))"
        case .packet(let ifname, let proto, let pkttype, let hatype, let addr):
            return "(\(pythonRepr(ifname)), \(proto), \(pkttype), \(hatype), \(pythonRepr(bytes: addr)))"
        case .noAddress:
            return "None"
        case .other(let family, let data):
            return "(\(family), \(pythonRepr(bytes: data)))"
        }
    }

    /// One element of an address, as Python hands it out: a `str`, an `int` or a `bytes`.
    ///
    /// Prints as Python does (`print(addr[0])` gives `127.0.0.1`, `repr` quotes it) and compares
    /// with literals: `addr[1] == 8080`, `addr[0] == "127.0.0.1"`.
    ///
    /// Python: an item of the address tuple. C: none.
    public enum Item: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
        ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        /// A `str` (a host, or one code point of an AF_UNIX path).
        ///
        /// Python: `str`.
        case str(String)
        /// An `int` (a port, flowinfo, scope id, family, or one byte of a `bytes` address).
        ///
        /// Python: `int`.
        case int(Int)
        /// A `bytes` (the data of an address PySocket does not decode, or a slice of a name).
        ///
        /// Python: `bytes`.
        case bytes(PySocket.bytes)
        /// A `tuple` (a slice of a tuple address: `addr[2...]`).
        ///
        /// Python: `tuple`.
        case tuple([Item])

        /// `'text'`: a `str` item.
        ///
        /// Python: `str`. C: none.
        public init(stringLiteral value: String) { self = .str(value) }

        /// `8080`: an `int` item.
        ///
        /// Python: `int`. C: none.
        public init(integerLiteral value: Int) { self = .int(value) }

        /// `str(item)`: the text itself, the number, or the bytes' repr.
        ///
        /// Python: `str()`. C: none.
        public var description: String {
            if case .str(let text) = self { return text }
            return debugDescription
        }

        /// `repr(item)`: `'127.0.0.1'`, `8080`, `b'...'`.
        ///
        /// Python: `repr()`. C: none.
        public var debugDescription: String {
            switch self {
            case .str(let text): return pythonRepr(text)
            case .int(let number): return String(number)
            case .bytes(let data): return pythonRepr(bytes: data)
            case .tuple(let items):
                let parts = items.map(\.debugDescription)
                return "(" + parts.joined(separator: ", ") + (parts.count == 1 ? ",)" : ")")
            }
        }
    }

    /// `addr[i]`: one element, negative indices counting from the end as in Python.
    ///
    /// For a tuple address, its `i`th field (`addr[0]` the host, `addr[1]` the port); for an
    /// AF_UNIX path, its `i`th code point; for an abstract name, its `i`th byte. Where an `Int`
    /// or a `String` is wanted, the typed subscripts give one (`let port: Int = try addr[1]`).
    ///
    /// Python: `addr[i]`. C: none.
    /// An index out of range raises `IndexError`, an index into `None` `TypeError`, with
    /// CPython's messages; so the subscript is read with `try`: `try addr[1]`.
    public subscript(i: Int) -> Item {
        get throws { try item(i) }
    }
}
