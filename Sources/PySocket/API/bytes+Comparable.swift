// bytes and bytearray order as Python's: byte by byte, a prefix first (sorted(), min(), max(), <).

extension bytes: Comparable {
    /// `a < b`: Python's ordering of bytes: the first differing byte decides, and a prefix comes
    /// before the longer value (`b"ab" < b"abc" < b"b"`).
    ///
    /// Python: `bytes.__lt__`. C: none (`memcmp` order).
    public static func < (lhs: bytes, rhs: bytes) -> Bool {
        lhs.storage.lexicographicallyPrecedes(rhs.storage)
    }
}

extension bytearray: Comparable {
    /// `a < b`: Python's ordering of bytearrays, as for `bytes`.
    ///
    /// Python: `bytearray.__lt__`. C: none.
    public static func < (lhs: bytearray, rhs: bytearray) -> Bool {
        lhs.storage.lexicographicallyPrecedes(rhs.storage)
    }
}
