// The IntEnum/IntFlag types of Python's socket module: AddressFamily, SocketKind, MsgFlag, AddressInfo.

extension socket {
    /// `socket.AddressFamily`: Python's IntEnum of AF_* constants.
    ///
    /// `description` is Python's `str()` (the number, as Python 3.11+ prints an IntEnum);
    /// `debugDescription` is its `repr()` (`<AddressFamily.AF_INET: 2>`). A number that names
    /// no member prints as a plain number, as CPython returns a plain int for it.
    ///
    /// Python: `socket.AddressFamily`. C: the `AF_*` values of `<sys/socket.h>`.
    public struct AddressFamily: RawRepresentable, Hashable, Sendable, ExpressibleByIntegerLiteral {
        public let rawValue: Int
        @inlinable public init(rawValue: Int) { self.rawValue = rawValue }
        /// `socket.AddressFamily(value)`: the IntEnum value with this number (`socket.AddressFamily(2)` is `AF_INET`).
        ///
        /// Python: `socket.AddressFamily(value)`.
        ///
        /// Differs from CPython: any number is accepted and prints as that number; CPython raises
        /// `ValueError: n is not a valid AddressFamily` for a number that names no member.
        @inlinable public init(_ rawValue: Int) { self.rawValue = rawValue }
        @inlinable public init(integerLiteral value: Int) { rawValue = value }
    }

    /// `socket.SocketKind`: Python's IntEnum of SOCK_* constants.
    ///
    /// `SOCK_STREAM | SOCK_NONBLOCK` combines a kind with its creation flags, as in Python.
    ///
    /// Python: `socket.SocketKind`. C: the `SOCK_*` values of `<sys/socket.h>`.
    public struct SocketKind: RawRepresentable, Hashable, Sendable, ExpressibleByIntegerLiteral {
        public let rawValue: Int
        @inlinable public init(rawValue: Int) { self.rawValue = rawValue }
        /// `socket.SocketKind(value)`: the IntEnum value with this number (`socket.SocketKind(1)` is `SOCK_STREAM`).
        ///
        /// Python: `socket.SocketKind(value)`.
        ///
        /// Differs from CPython: any number is accepted and prints as that number; CPython raises
        /// `ValueError: n is not a valid SocketKind` for a number that names no member.
        @inlinable public init(_ rawValue: Int) { self.rawValue = rawValue }
        @inlinable public init(integerLiteral value: Int) { rawValue = value }
    }

    /// `socket.MsgFlag`: Python's IntFlag of MSG_* constants.
    ///
    /// Python: `socket.MsgFlag`. C: the `MSG_*` values of `<sys/socket.h>`.
    public struct MsgFlag: RawRepresentable, Hashable, Sendable, ExpressibleByIntegerLiteral {
        public let rawValue: Int
        @inlinable public init(rawValue: Int) { self.rawValue = rawValue }
        /// `socket.MsgFlag(value)`: the IntFlag value with this number (`socket.MsgFlag(2)` is `MSG_PEEK`).
        ///
        /// Python: `socket.MsgFlag(value)`.
        @inlinable public init(_ rawValue: Int) { self.rawValue = rawValue }
        @inlinable public init(integerLiteral value: Int) { rawValue = value }
    }

    /// `socket.AddressInfo`: Python's IntFlag of AI_* constants.
    ///
    /// Python: `socket.AddressInfo`. C: the `AI_*` values of `<netdb.h>`.
    public struct AddressInfo: RawRepresentable, Hashable, Sendable, ExpressibleByIntegerLiteral {
        public let rawValue: Int
        @inlinable public init(rawValue: Int) { self.rawValue = rawValue }
        /// `socket.AddressInfo(value)`: the IntFlag value with this number (`socket.AddressInfo(1)` is `AI_PASSIVE`).
        ///
        /// Python: `socket.AddressInfo(value)`.
        @inlinable public init(_ rawValue: Int) { self.rawValue = rawValue }
        @inlinable public init(integerLiteral value: Int) { rawValue = value }
    }
}
