// socket's identity: `==` and `hash` by object, as Python's socket objects compare and hash.

extension socket: Hashable {
    /// `a == b`, `a is b`: the same socket object (Python's sockets compare by identity).
    ///
    /// Python: `socket.__eq__` (object identity).
    public static func == (lhs: socket, rhs: socket) -> Bool { lhs === rhs }

    /// `hash(s)`: the object's identity, so sockets key a dict or fill a set, as in Python.
    ///
    /// Python: `socket.__hash__`.
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
