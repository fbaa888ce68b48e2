// `addr is None` as `addr == nil`: the address CPython returns as None compares with the nil literal.

extension SocketAddress: ExpressibleByNilLiteral {
    /// `None` as an address: the value `recvfrom` returns for an unnamed AF_UNIX sender, so
    /// that Python's `addr is None` ports as `addr == nil` (and `addr is not None` as
    /// `addr != nil`) on the non-optional address PySocket returns.
    ///
    /// Python: `None` in place of an address. C: none (a zero `msg_namelen`/`addrlen`).
    public init(nilLiteral: ()) { self = .noAddress }
}
