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
        @inlinable public init(_ rawValue: Int) { self.rawValue = rawValue }
        @inlinable public init(integerLiteral value: Int) { rawValue = value }
    }

    /// `socket.MsgFlag`: Python's IntFlag of MSG_* constants.
    ///
    /// Python: `socket.MsgFlag`. C: the `MSG_*` values of `<sys/socket.h>`.
    public struct MsgFlag: RawRepresentable, Hashable, Sendable, ExpressibleByIntegerLiteral {
        public let rawValue: Int
        @inlinable public init(rawValue: Int) { self.rawValue = rawValue }
        @inlinable public init(_ rawValue: Int) { self.rawValue = rawValue }
        @inlinable public init(integerLiteral value: Int) { rawValue = value }
    }

    /// `socket.AddressInfo`: Python's IntFlag of AI_* constants.
    ///
    /// Python: `socket.AddressInfo`. C: the `AI_*` values of `<netdb.h>`.
    public struct AddressInfo: RawRepresentable, Hashable, Sendable, ExpressibleByIntegerLiteral {
        public let rawValue: Int
        @inlinable public init(rawValue: Int) { self.rawValue = rawValue }
        @inlinable public init(_ rawValue: Int) { self.rawValue = rawValue }
        @inlinable public init(integerLiteral value: Int) { rawValue = value }
    }
}
