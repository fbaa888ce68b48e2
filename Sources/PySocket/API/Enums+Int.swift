// IntEnum/IntFlag members mixed with plain ints, as Python mixes them: ==, !=, <, and the flag operators.

/// Python's `IntEnum` and `IntFlag`: members are ints, so they compare with plain ints and
/// order as their numbers (`sorted(getaddrinfo(...))`). `AddressFamily`, `SocketKind`,
/// `MsgFlag` and `AddressInfo` conform.
///
/// Python: `enum.IntEnum`, `enum.IntFlag`. C: none.
public protocol PythonIntEnum: RawRepresentable, Comparable where RawValue == Int {
    /// The member's number, as `int(member)` gives it.
    ///
    /// Python: `int(member)`.
    var value: Int { get }
}

extension PythonIntEnum {
    /// `a < b`: members order as their numbers (`AF_INET < AF_INET6`).
    ///
    /// Python: `int.__lt__`. C: none.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `member == n`: a member equals its number (`s.family == 2`,
    /// `s.getsockopt(SOL_SOCKET, SO_TYPE) == s.type`).
    ///
    /// Python: `int.__eq__`. C: none.
    @_disfavoredOverload
    public static func == (lhs: Self, rhs: Int) -> Bool { lhs.value == rhs }

    /// `n == member`.
    ///
    /// Python: `int.__eq__`. C: none.
    @_disfavoredOverload
    public static func == (lhs: Int, rhs: Self) -> Bool { lhs == rhs.value }

    /// `member != n`.
    ///
    /// Python: `int.__ne__`. C: none.
    @_disfavoredOverload
    public static func != (lhs: Self, rhs: Int) -> Bool { lhs.value != rhs }

    /// `n != member`.
    ///
    /// Python: `int.__ne__`. C: none.
    @_disfavoredOverload
    public static func != (lhs: Int, rhs: Self) -> Bool { lhs != rhs.value }

    /// `member + n`: a plain int, as IntEnum arithmetic gives (`socket.AF_INET6 + 1` is 11).
    ///
    /// Python: `int.__add__`. C: none.
    @_disfavoredOverload
    public static func + (lhs: Self, rhs: Int) -> Int { lhs.value + rhs }

    /// `n + member`: a plain int.
    ///
    /// Python: `int.__radd__`. C: none.
    @_disfavoredOverload
    public static func + (lhs: Int, rhs: Self) -> Int { lhs + rhs.value }

    /// `member - n`: a plain int.
    ///
    /// Python: `int.__sub__`. C: none.
    @_disfavoredOverload
    public static func - (lhs: Self, rhs: Int) -> Int { lhs.value - rhs }

    /// `n - member`: a plain int.
    ///
    /// Python: `int.__rsub__`. C: none.
    @_disfavoredOverload
    public static func - (lhs: Int, rhs: Self) -> Int { lhs - rhs.value }
}

extension socket.AddressFamily: PythonIntEnum {}
extension socket.SocketKind: PythonIntEnum {}
extension socket.AddressInfo: PythonIntEnum {}
extension socket.MsgFlag: PythonIntEnum {}

extension socket.MsgFlag {
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
