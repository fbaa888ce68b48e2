// `addr is None` as `addr == nil`: the address CPython returns as None compares with the nil literal.

extension SocketAddress {
    /// `addr is None`: whether this is the address CPython returns as `None` (an unnamed
    /// AF_UNIX datagram sender), written `addr == nil` on the non-optional address PySocket
    /// returns. Only the comparison takes `nil`: a `SocketAddress` is never built from the nil
    /// literal, so `nil` for a `SocketAddress?` stays `Optional.none`.
    ///
    /// Python: `addr is None`. C: none (a zero `msg_namelen`/`addrlen`).
    public static func == (lhs: SocketAddress, rhs: _OptionalNilComparisonType) -> Bool {
        if case .noAddress = lhs { return true }
        return false
    }

    /// `addr is not None`: whether this is a real address, written `addr != nil`.
    ///
    /// Python: `addr is not None`. C: none.
    public static func != (lhs: SocketAddress, rhs: _OptionalNilComparisonType) -> Bool {
        !(lhs == rhs)
    }
}
