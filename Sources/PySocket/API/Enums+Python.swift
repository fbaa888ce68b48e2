// str(), repr(), .name, .value and the operators of socket.AddressFamily, SocketKind, MsgFlag, AddressInfo.

// MARK: - Member tables

/// An IntEnum's members: number to name, the first name of a number winning over its aliases.
struct PyIntEnumTable: Sendable {
    let typeName: String
    let names: [Int: String]

    init(_ typeName: String, _ members: [(name: String, value: Int)]) {
        self.typeName = typeName
        self.names = Dictionary(members.map { ($0.value, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// `repr(x)`: `<AddressFamily.AF_INET: 2>`, or the plain number CPython returns for a non-member.
    func repr(_ value: Int) -> String {
        guard let name = names[value] else { return String(value) }
        return "<\(typeName).\(name): \(value)>"
    }
}

/// An IntFlag's single-bit members, and CPython's rules (boundary KEEP) for every other number.
struct PyIntFlagTable: Sendable {
    let typeName: String
    /// Bit to name, for the members that are one bit (all of them, for the socket module's flags).
    let names: [Int: String]
    /// All member bits or-ed together (`_flag_mask_`).
    let flagMask: Int
    /// Every bit up to the highest member bit (`_all_bits_`).
    let allBits: Int

    init(_ typeName: String, _ members: [(name: String, value: Int)]) {
        self.typeName = typeName
        let singles = members.filter { $0.value > 0 && $0.value & ($0.value - 1) == 0 }
        self.names = Dictionary(singles.map { ($0.value, $0.name) }, uniquingKeysWith: { first, _ in first })
        let mask = members.reduce(0) { $0 | $1.value }
        self.flagMask = mask
        self.allBits = mask == 0 ? 0 : Int.max >> (mask.leadingZeroBitCount - 1)
    }

    /// The value CPython stores for `Flag(value)`: a negative number wraps into the flag's bits.
    func normalize(_ value: Int) -> Int {
        guard value < 0 else { return value }
        if value < ~allBits || value & (allBits ^ flagMask) != 0 {
            let bitLength = UInt.bitWidth - value.magnitude.leadingZeroBitCount
            let power: UInt = bitLength >= UInt.bitWidth ? 0 : 1 << bitLength
            return Int(bitPattern: max(UInt(allBits) + 1, power) &+ UInt(bitPattern: value))
        }
        return allBits + 1 + value
    }

    /// `x.name` of a normalized value: member names from the lowest bit up, then any unknown
    /// bits as one number (`MSG_PEEK|1099511627776`); nil when no member bit is set.
    func name(_ value: Int) -> String? {
        var parts: [String] = []
        var known = 0
        for shift in 0..<Int.bitWidth {
            let bit = 1 << shift
            if value & bit != 0, let name = names[bit] {
                parts.append(name)
                known |= bit
            }
        }
        if parts.isEmpty { return nil }
        let unknown = value ^ known
        if unknown != 0 { parts.append(String(unknown)) }
        return parts.joined(separator: "|")
    }

    /// `repr(x)` of a normalized value: `<MsgFlag.MSG_OOB|MSG_PEEK: 3>`, `<MsgFlag: 0>`.
    func repr(_ value: Int) -> String {
        guard let name = name(value) else { return "<\(typeName): \(value)>" }
        return "<\(typeName).\(name): \(value)>"
    }
}

// MARK: - AddressFamily

extension socket.AddressFamily: CustomStringConvertible, CustomDebugStringConvertible {
    /// Python's members, from the constants: the portable ones, then the platform's.
    static let table = PyIntEnumTable("AddressFamily", [
        ("AF_UNSPEC", socket.AF_UNSPEC.rawValue),
        ("AF_UNIX", socket.AF_UNIX.rawValue),
        ("AF_INET", socket.AF_INET.rawValue),
        ("AF_INET6", socket.AF_INET6.rawValue),
    ] + NativeConstants.platformAddressFamilies)

    /// `str(family)`: the number, as Python 3.11+ prints an IntEnum (`2`).
    ///
    /// Python: `IntEnum.__str__`. C: none.
    public var description: String { String(rawValue) }

    /// `repr(family)`: `<AddressFamily.AF_INET: 2>`, or the number for a non-member.
    ///
    /// Python: `IntEnum.__repr__`. C: none.
    public var debugDescription: String { Self.table.repr(rawValue) }

    /// `family.name`: the member's name (`AF_INET`).
    ///
    /// Python: `AddressFamily.name`. C: none.
    /// Differs from CPython: for a number that names no member, CPython has a plain `int` (no
    /// `.name`); here it is the number's digits.
    public var name: String { Self.table.names[rawValue] ?? String(rawValue) }

    /// `family.value`: the number.
    ///
    /// Python: `AddressFamily.value`. C: none.
    public var value: Int { rawValue }
}

// MARK: - SocketKind

extension socket.SocketKind: CustomStringConvertible, CustomDebugStringConvertible {
    /// Python's members, from the constants: the portable ones, then the platform's.
    static let table = PyIntEnumTable("SocketKind", [
        ("SOCK_STREAM", socket.SOCK_STREAM.rawValue),
        ("SOCK_DGRAM", socket.SOCK_DGRAM.rawValue),
        ("SOCK_RAW", socket.SOCK_RAW.rawValue),
        ("SOCK_RDM", socket.SOCK_RDM.rawValue),
        ("SOCK_SEQPACKET", socket.SOCK_SEQPACKET.rawValue),
    ] + NativeConstants.platformSocketKinds)

    /// `str(kind)`: the number, as Python 3.11+ prints an IntEnum (`1`).
    ///
    /// Python: `IntEnum.__str__`. C: none.
    public var description: String { String(rawValue) }

    /// `repr(kind)`: `<SocketKind.SOCK_STREAM: 1>`, or the number for a non-member (`2049`).
    ///
    /// Python: `IntEnum.__repr__`. C: none.
    public var debugDescription: String { Self.table.repr(rawValue) }

    /// `kind.name`: the member's name (`SOCK_STREAM`).
    ///
    /// Python: `SocketKind.name`. C: none.
    /// Differs from CPython: for a number that names no member, CPython has a plain `int` (no
    /// `.name`); here it is the number's digits.
    public var name: String { Self.table.names[rawValue] ?? String(rawValue) }

    /// `kind.value`: the number.
    ///
    /// Python: `SocketKind.value`. C: none.
    public var value: Int { rawValue }

    /// `SOCK_STREAM | SOCK_NONBLOCK`: a kind with its creation flags.
    ///
    /// Python: `int.__or__`. C: none.
    /// Differs from CPython: Python returns a plain `int`; here it stays a `SocketKind`, which
    /// prints the same (`2049`).
    public static func | (lhs: Self, rhs: Self) -> Self { Self(lhs.rawValue | rhs.rawValue) }

    /// `kind & mask`: the bits in both.
    ///
    /// Python: `int.__and__`. C: none.
    /// Differs from CPython: Python returns a plain `int`; here a `SocketKind`.
    public static func & (lhs: Self, rhs: Self) -> Self { Self(lhs.rawValue & rhs.rawValue) }

    /// `~kind`: the bitwise complement (`kind & ~SOCK_NONBLOCK`).
    ///
    /// Python: `int.__invert__`. C: none.
    /// Differs from CPython: Python returns a plain `int`; here a `SocketKind`.
    public static prefix func ~ (operand: Self) -> Self { Self(~operand.rawValue) }
}

// MARK: - MsgFlag

extension socket.MsgFlag: CustomStringConvertible, CustomDebugStringConvertible {
    /// Python's members, from the constants: the portable ones, then the platform's.
    static let table = PyIntFlagTable("MsgFlag", [
        ("MSG_OOB", socket.MSG_OOB.rawValue),
        ("MSG_PEEK", socket.MSG_PEEK.rawValue),
        ("MSG_DONTROUTE", socket.MSG_DONTROUTE.rawValue),
        ("MSG_CTRUNC", socket.MSG_CTRUNC.rawValue),
        ("MSG_TRUNC", socket.MSG_TRUNC.rawValue),
        ("MSG_DONTWAIT", socket.MSG_DONTWAIT.rawValue),
        ("MSG_EOR", socket.MSG_EOR.rawValue),
        ("MSG_WAITALL", socket.MSG_WAITALL.rawValue),
    ] + NativeConstants.platformMsgFlags)

    /// `flags.value`: the number, a negative one wrapped into the flag's bits as CPython does
    /// (`MsgFlag(-1).value == 2147483647`).
    ///
    /// Python: `MsgFlag.value`. C: none.
    public var value: Int { Self.table.normalize(rawValue) }

    /// `str(flags)`: the number, as Python 3.11+ prints an IntFlag (`3`).
    ///
    /// Python: `IntFlag.__str__`. C: none.
    public var description: String { String(value) }

    /// `repr(flags)`: `<MsgFlag.MSG_OOB|MSG_PEEK: 3>`, `<MsgFlag: 0>`,
    /// `<MsgFlag.MSG_PEEK|1099511627776: 1099511627778>`.
    ///
    /// Python: `IntFlag.__repr__`. C: none.
    public var debugDescription: String { Self.table.repr(value) }

    /// `flags.name`: the member names joined by `|`, unknown bits last as a number; nil (Python's
    /// `None`) when no member bit is set.
    ///
    /// Python: `MsgFlag.name`. C: none.
    public var name: String? { Self.table.name(value) }

    /// `other in flags`: whether every bit of `other` is set.
    ///
    /// Python: `Flag.__contains__`. C: none.
    public func contains(_ other: Self) -> Bool { value & other.value == other.value }

    /// `a | b`: the bits of either.
    ///
    /// Python: `Flag.__or__`. C: none.
    public static func | (lhs: Self, rhs: Self) -> Self { Self(lhs.value | rhs.value) }

    /// `a & b`: the bits of both.
    ///
    /// Python: `Flag.__and__`. C: none.
    public static func & (lhs: Self, rhs: Self) -> Self { Self(lhs.value & rhs.value) }

    /// `a ^ b`: the bits of one but not both.
    ///
    /// Python: `Flag.__xor__`. C: none.
    public static func ^ (lhs: Self, rhs: Self) -> Self { Self(lhs.value ^ rhs.value) }

    /// `~flags`: every other bit, as CPython's IntFlag inverts (`~MSG_PEEK` has value 2147483645).
    ///
    /// Python: `Flag.__invert__`. C: none.
    public static prefix func ~ (operand: Self) -> Self { Self(table.normalize(~operand.value)) }

    /// `flags |= other`.
    ///
    /// Python: `Flag.__or__`. C: none.
    public static func |= (lhs: inout Self, rhs: Self) { lhs = lhs | rhs }
}

// MARK: - AddressInfo

extension socket.AddressInfo: CustomStringConvertible, CustomDebugStringConvertible {
    /// Python's members, from the constants: the portable ones, then the platform's.
    static let table = PyIntFlagTable("AddressInfo", [
        ("AI_PASSIVE", socket.AI_PASSIVE.rawValue),
        ("AI_CANONNAME", socket.AI_CANONNAME.rawValue),
        ("AI_NUMERICHOST", socket.AI_NUMERICHOST.rawValue),
        ("AI_V4MAPPED", socket.AI_V4MAPPED.rawValue),
        ("AI_ALL", socket.AI_ALL.rawValue),
        ("AI_ADDRCONFIG", socket.AI_ADDRCONFIG.rawValue),
        ("AI_NUMERICSERV", socket.AI_NUMERICSERV.rawValue),
    ] + NativeConstants.platformAddressInfo)

    /// `flags.value`: the number, a negative one wrapped into the flag's bits as CPython does
    /// (`AddressInfo(-1).value == 2047`).
    ///
    /// Python: `AddressInfo.value`. C: none.
    public var value: Int { Self.table.normalize(rawValue) }

    /// `str(flags)`: the number, as Python 3.11+ prints an IntFlag (`3`).
    ///
    /// Python: `IntFlag.__str__`. C: none.
    public var description: String { String(value) }

    /// `repr(flags)`: `<AddressInfo.AI_PASSIVE|AI_CANONNAME: 3>`, `<AddressInfo: 0>`.
    ///
    /// Python: `IntFlag.__repr__`. C: none.
    public var debugDescription: String { Self.table.repr(value) }

    /// `flags.name`: the member names joined by `|`, unknown bits last as a number; nil (Python's
    /// `None`) when no member bit is set.
    ///
    /// Python: `AddressInfo.name`. C: none.
    public var name: String? { Self.table.name(value) }

    /// `other in flags`: whether every bit of `other` is set.
    ///
    /// Python: `Flag.__contains__`. C: none.
    public func contains(_ other: Self) -> Bool { value & other.value == other.value }

    /// `a | b`: the bits of either.
    ///
    /// Python: `Flag.__or__`. C: none.
    public static func | (lhs: Self, rhs: Self) -> Self { Self(lhs.value | rhs.value) }

    /// `a & b`: the bits of both.
    ///
    /// Python: `Flag.__and__`. C: none.
    public static func & (lhs: Self, rhs: Self) -> Self { Self(lhs.value & rhs.value) }

    /// `a ^ b`: the bits of one but not both.
    ///
    /// Python: `Flag.__xor__`. C: none.
    public static func ^ (lhs: Self, rhs: Self) -> Self { Self(lhs.value ^ rhs.value) }

    /// `~flags`: every other bit, as CPython's IntFlag inverts (`~AI_PASSIVE` has value 2046).
    ///
    /// Python: `Flag.__invert__`. C: none.
    public static prefix func ~ (operand: Self) -> Self { Self(table.normalize(~operand.value)) }

    /// `flags |= other`.
    ///
    /// Python: `Flag.__or__`. C: none.
    public static func |= (lhs: inout Self, rhs: Self) { lhs = lhs | rhs }
}
