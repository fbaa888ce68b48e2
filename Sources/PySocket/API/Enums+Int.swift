// IntEnum/IntFlag members mixed with plain ints, as Python mixes them: ==, !=, and the flag operators.

extension socket.AddressFamily {
    /// `family == n`: an IntEnum member equals its number (`s.family == 2`).
    ///
    /// Python: `int.__eq__`. C: none.
    @_disfavoredOverload
    public static func == (lhs: Self, rhs: Int) -> Bool { lhs.rawValue == rhs }
    /// `n == family`.
    ///
    /// Python: `int.__eq__`. C: none.
    @_disfavoredOverload
    public static func == (lhs: Int, rhs: Self) -> Bool { lhs == rhs.rawValue }
    /// `family != n`.
    ///
    /// Python: `int.__ne__`. C: none.
    @_disfavoredOverload
    public static func != (lhs: Self, rhs: Int) -> Bool { lhs.rawValue != rhs }
    /// `n != family`.
    ///
    /// Python: `int.__ne__`. C: none.
    @_disfavoredOverload
    public static func != (lhs: Int, rhs: Self) -> Bool { lhs != rhs.rawValue }
}

extension socket.SocketKind {
    /// `kind == n`: `s.getsockopt(SOL_SOCKET, SO_TYPE) == s.type`.
    ///
    /// Python: `int.__eq__`. C: none.
    @_disfavoredOverload
    public static func == (lhs: Self, rhs: Int) -> Bool { lhs.rawValue == rhs }
    /// `n == kind`.
    ///
    /// Python: `int.__eq__`. C: none.
    @_disfavoredOverload
    public static func == (lhs: Int, rhs: Self) -> Bool { lhs == rhs.rawValue }
    /// `kind != n`.
    ///
    /// Python: `int.__ne__`. C: none.
    @_disfavoredOverload
    public static func != (lhs: Self, rhs: Int) -> Bool { lhs.rawValue != rhs }
    /// `n != kind`.
    ///
    /// Python: `int.__ne__`. C: none.
    @_disfavoredOverload
    public static func != (lhs: Int, rhs: Self) -> Bool { lhs != rhs.rawValue }
}

extension socket.MsgFlag {
    /// `flags == n`: a flag equals its number.
    ///
    /// Python: `int.__eq__`. C: none.
    @_disfavoredOverload
    public static func == (lhs: Self, rhs: Int) -> Bool { lhs.value == rhs }
    /// `n == flags`.
    ///
    /// Python: `int.__eq__`. C: none.
    @_disfavoredOverload
    public static func == (lhs: Int, rhs: Self) -> Bool { lhs == rhs.value }
    /// `flags != n`.
    ///
    /// Python: `int.__ne__`. C: none.
    @_disfavoredOverload
    public static func != (lhs: Self, rhs: Int) -> Bool { lhs.value != rhs }
    /// `n != flags`.
    ///
    /// Python: `int.__ne__`. C: none.
    @_disfavoredOverload
    public static func != (lhs: Int, rhs: Self) -> Bool { lhs != rhs.value }
    /// `n & flag`: `msg_flags & socket.MSG_TRUNC` with `msg_flags` a plain int.
    ///
    /// Python: `IntFlag.__rand__`. C: none.
    @_disfavoredOverload
    public static func & (lhs: Int, rhs: Self) -> Self { Self(lhs) & rhs }
    /// `flag & n`.
    ///
    /// Python: `IntFlag.__and__`. C: none.
    @_disfavoredOverload
    public static func & (lhs: Self, rhs: Int) -> Self { lhs & Self(rhs) }
    /// `n | flag`.
    ///
    /// Python: `IntFlag.__ror__`. C: none.
    @_disfavoredOverload
    public static func | (lhs: Int, rhs: Self) -> Self { Self(lhs) | rhs }
    /// `flag | n`.
    ///
    /// Python: `IntFlag.__or__`. C: none.
    @_disfavoredOverload
    public static func | (lhs: Self, rhs: Int) -> Self { lhs | Self(rhs) }
}

extension socket.AddressInfo {
    /// `flags == n`.
    ///
    /// Python: `int.__eq__`. C: none.
    @_disfavoredOverload
    public static func == (lhs: Self, rhs: Int) -> Bool { lhs.value == rhs }
    /// `n == flags`.
    ///
    /// Python: `int.__eq__`. C: none.
    @_disfavoredOverload
    public static func == (lhs: Int, rhs: Self) -> Bool { lhs == rhs.value }
    /// `flags != n`.
    ///
    /// Python: `int.__ne__`. C: none.
    @_disfavoredOverload
    public static func != (lhs: Self, rhs: Int) -> Bool { lhs.value != rhs }
    /// `n != flags`.
    ///
    /// Python: `int.__ne__`. C: none.
    @_disfavoredOverload
    public static func != (lhs: Int, rhs: Self) -> Bool { lhs != rhs.value }
}
