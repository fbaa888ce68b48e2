// IntEnum/IntFlag members ordered by their numbers, as Python orders ints: sorted() of getaddrinfo's tuples.

extension socket.AddressFamily: Comparable {
    /// `a < b`: families compare as their numbers (`AF_INET < AF_INET6`), so that the 5-tuples
    /// of `getaddrinfo` sort as Python's `sorted(infos)` sorts them.
    ///
    /// Python: `int.__lt__`. C: none.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension socket.SocketKind: Comparable {
    /// `a < b`: socket kinds compare as their numbers (`SOCK_STREAM < SOCK_DGRAM`).
    ///
    /// Python: `int.__lt__`. C: none.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension socket.MsgFlag: Comparable {
    /// `a < b`: flags compare as their numbers (`MSG_PEEK < MSG_TRUNC`).
    ///
    /// Python: `int.__lt__`. C: none.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension socket.AddressInfo: Comparable {
    /// `a < b`: flags compare as their numbers (`AI_PASSIVE < AI_CANONNAME`).
    ///
    /// Python: `int.__lt__`. C: none.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
