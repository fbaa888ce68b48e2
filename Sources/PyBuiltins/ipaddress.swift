// ipaddress: IPv4/IPv6 addresses and networks as CPython's module parses, prints, compares and iterates them.
import PySocket

/// `import ipaddress`: IPv4 and IPv6 addresses and networks.
///
/// Python: `ipaddress`.
///
/// Differs from CPython: no interfaces (`ip_interface`), no scope ids (`fe80::1%eth0`), no
/// `collapse_addresses`/`summarize_address_range`; an address is built from a `str`, an `Int` or
/// `bytes` (an IPv6 address above `Int.max` from its `str` or `bytes`); `num_addresses` of an
/// IPv6 network larger than `Int.max` is `Int.max`; addresses of different versions order by
/// version where CPython raises `TypeError`.
public enum ipaddress {
    /// `ipaddress.AddressValueError`: an address that does not parse.
    ///
    /// Python: `ipaddress.AddressValueError`.
    open class AddressValueError: ValueError, @unchecked Sendable {}

    /// `ipaddress.NetmaskValueError`: a netmask or prefix length that does not parse.
    ///
    /// Python: `ipaddress.NetmaskValueError`.
    open class NetmaskValueError: ValueError, @unchecked Sendable {}

    /// `ipaddress.ip_address(address)`: an `IPv4Address` or an `IPv6Address`, whichever parses.
    ///
    /// Python: `ipaddress.ip_address`.
    /// - Throws: `ValueError("'x' does not appear to be an IPv4 or IPv6 address")`.
    public static func ip_address(_ address: String) throws -> IPAddress {
        if let ip = try? Core.parse4(address) { return IPAddress(Core(4, ip)) }
        if let ip = try? Core.parse6(address) { return IPAddress(Core(6, ip)) }
        throw ValueError("\(repr(address)) does not appear to be an IPv4 or IPv6 address")
    }

    /// `ipaddress.ip_address(int)`: an `IPv4Address` below 2**32, else an `IPv6Address`.
    ///
    /// Python: `ipaddress.ip_address(int)`.
    /// - Throws: `ValueError('-1 does not appear to be an IPv4 or IPv6 address')`.
    @_disfavoredOverload  // so that `ip_address(addr[0])` and `ip_address(args.host)` read a `str`
    public static func ip_address(_ address: Int) throws -> IPAddress {
        if address < 0 { throw ValueError("\(address) does not appear to be an IPv4 or IPv6 address") }
        return IPAddress(Core(address <= 0xFFFF_FFFF ? 4 : 6, UInt128(address)))
    }

    /// `ipaddress.ip_network(address, strict=True)`: an `IPv4Network` or `IPv6Network`.
    ///
    /// Python: `ipaddress.ip_network`.
    /// - Throws: `ValueError("'x' does not appear to be an IPv4 or IPv6 network")`,
    ///   `ValueError('10.0.0.1/24 has host bits set')` when `strict`.
    public static func ip_network(_ address: String, strict: Bool = true) throws -> IPNetwork {
        for version in [4, 6] {
            do {
                return IPNetwork(try NetCore.parse(address, version: version, strict: strict))
            } catch is AddressValueError {
            } catch is NetmaskValueError {
            }
        }
        throw ValueError("\(repr(address)) does not appear to be an IPv4 or IPv6 network")
    }

    /// An address's version and value: what every address type holds.
    public struct Core: Hashable, Sendable {
        let version: Int
        let ip: UInt128

        init(_ version: Int, _ ip: UInt128) {
            self.version = version
            self.ip = ip
        }

        var bits: Int { version == 4 ? 32 : 128 }
        var allOnes: UInt128 { version == 4 ? 0xFFFF_FFFF : .max }

        static func parse4(_ text: String) throws -> UInt128 {
            if text.isEmpty { throw AddressValueError("Address cannot be empty") }
            if text.contains("/") { throw AddressValueError("Unexpected '/' in \(repr(text))") }
            let octets = text.split(separator: ".", omittingEmptySubsequences: false)
            if octets.count != 4 { throw AddressValueError("Expected 4 octets in \(repr(text))") }
            var value: UInt128 = 0
            for octet in octets {
                let problem: String?
                if octet.isEmpty {
                    problem = "Empty octet not permitted"
                } else if !octet.allSatisfy({ $0.isASCII && $0.isWholeNumber }) {
                    problem = "Only decimal digits permitted in \(repr(String(octet)))"
                } else if octet.count > 3 {
                    problem = "At most 3 characters permitted in \(repr(String(octet)))"
                } else if octet != "0" && octet.first == "0" {
                    problem = "Leading zeros are not permitted in \(repr(String(octet)))"
                } else if let n = Int(octet), n > 255 {
                    problem = "Octet \(n) (> 255) not permitted"
                } else {
                    problem = nil
                }
                if let problem { throw AddressValueError("\(problem) in \(repr(text))") }
                value = value << 8 | UInt128(Int(octet) ?? 0)
            }
            return value
        }

        static func parse6(_ text: String) throws -> UInt128 {
            if text.isEmpty { throw AddressValueError("Address cannot be empty") }
            if text.contains("/") { throw AddressValueError("Unexpected '/' in \(repr(text))") }
            var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            if parts.count < 3 { throw AddressValueError("At least 3 parts expected in \(repr(text))") }
            if let last = parts.last, last.contains(".") {
                let v4: UInt128
                do {
                    v4 = try parse4(last)
                } catch let error as AddressValueError {
                    throw AddressValueError("\(str(error)) in \(repr(text))")
                }
                parts.removeLast()
                parts.append(String(v4 >> 16 & 0xFFFF, radix: 16))
                parts.append(String(v4 & 0xFFFF, radix: 16))
            }
            if parts.count > 9 { throw AddressValueError("At most 8 colons permitted in \(repr(text))") }
            var skip: Int?
            for i in 1..<(parts.count - 1) where parts[i].isEmpty {
                if skip != nil { throw AddressValueError("At most one '::' permitted in \(repr(text))") }
                skip = i
            }
            var high: Int, low: Int, skipped: Int
            if let skip {
                high = skip
                low = parts.count - skip - 1
                if parts[0].isEmpty {
                    high -= 1
                    if high != 0 { throw AddressValueError("Leading ':' only permitted as part of '::' in \(repr(text))") }
                }
                if parts[parts.count - 1].isEmpty {
                    low -= 1
                    if low != 0 { throw AddressValueError("Trailing ':' only permitted as part of '::' in \(repr(text))") }
                }
                skipped = 8 - (high + low)
                if skipped < 1 { throw AddressValueError("Expected at most 7 other parts with '::' in \(repr(text))") }
            } else {
                if parts.count != 8 { throw AddressValueError("Exactly 8 parts expected without '::' in \(repr(text))") }
                if parts[0].isEmpty { throw AddressValueError("Leading ':' only permitted as part of '::' in \(repr(text))") }
                if parts[7].isEmpty { throw AddressValueError("Trailing ':' only permitted as part of '::' in \(repr(text))") }
                (high, low, skipped) = (8, 0, 0)
            }
            func hextet(_ s: String) throws -> UInt128 {
                if !s.allSatisfy({ $0.isASCII && $0.isHexDigit }) {
                    throw AddressValueError("Only hex digits permitted in \(repr(s)) in \(repr(text))")
                }
                if s.count > 4 { throw AddressValueError("At most 4 characters permitted in \(repr(s)) in \(repr(text))") }
                return UInt128(Int(s, radix: 16) ?? 0)
            }
            var value: UInt128 = 0
            for i in 0..<high { value = value << 16 | (try hextet(parts[i])) }
            value <<= UInt128(16 * skipped)
            for i in (parts.count - low)..<parts.count { value = value << 16 | (try hextet(parts[i])) }
            return value
        }

        static func checked(_ version: Int, _ value: Int) throws -> Core {
            if value < 0 { throw AddressValueError("\(value) (< 0) is not permitted as an IPv\(version) address") }
            if version == 4 && value > 0xFFFF_FFFF {
                throw AddressValueError("\(value) (>= 2**32) is not permitted as an IPv4 address")
            }
            return Core(version, UInt128(value))
        }

        static func packed(_ version: Int, _ data: bytes) throws -> Core {
            let length = version == 4 ? 4 : 16
            if data.count != length {
                throw AddressValueError("\(repr(data)) (len \(data.count) != \(length)) is not permitted as an IPv\(version) address")
            }
            return Core(version, data.reduce(UInt128(0)) { $0 << 8 | UInt128($1) })
        }

        var text: String {
            if version == 4 {
                return (0..<4).map { String(ip >> UInt128(24 - 8 * $0) & 0xFF) }.joined(separator: ".")
            }
            if let mapped = ipv4Mapped { return Core(6, ip >> 32).text + ":" + mapped.text }  // ::ffff:192.0.2.1
            var hextets = (0..<8).map { String(ip >> UInt128(112 - 16 * $0) & 0xFFFF, radix: 16) }
            var bestStart = -1, bestLength = 0, start = -1, length = 0
            for (i, h) in hextets.enumerated() {
                if h == "0" {
                    length += 1
                    if start == -1 { start = i }
                    if length > bestLength { (bestStart, bestLength) = (start, length) }
                } else {
                    (start, length) = (-1, 0)
                }
            }
            if bestLength > 1 {
                let end = bestStart + bestLength
                if end == hextets.count { hextets.append("") }
                hextets.replaceSubrange(bestStart..<end, with: [""])
                if bestStart == 0 { hextets.insert("", at: 0) }
            }
            return hextets.joined(separator: ":")
        }

        var exploded: String {
            if version == 4 { return text }
            return (0..<8).map { i -> String in
                let h = String(ip >> UInt128(112 - 16 * i) & 0xFFFF, radix: 16)
                return String(repeating: "0", count: 4 - h.count) + h
            }.joined(separator: ":")
        }

        func within(_ network: String) -> Bool {
            // Tables below are CPython's, written as address/prefix.
            let parts = network.split(separator: "/")
            let base = (try? (version == 4 ? Core.parse4(String(parts[0])) : Core.parse6(String(parts[0])))) ?? 0
            let prefix = Int(parts[1]) ?? bits
            let mask = prefix == 0 ? 0 : allOnes ^ (allOnes >> UInt128(prefix))
            return ip & mask == base
        }

        var ipv4Mapped: Core? { version == 6 && ip >> 32 == 0xFFFF ? Core(4, ip & 0xFFFF_FFFF) : nil }

        var isPrivate: Bool {
            if let mapped = ipv4Mapped { return mapped.isPrivate }
            if version == 4 {
                return ["0.0.0.0/8", "10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
                        "192.0.0.170/31", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
                        "203.0.113.0/24", "240.0.0.0/4", "255.255.255.255/32"].contains(where: within)
                    && !["192.0.0.9/32", "192.0.0.10/32"].contains(where: within)
            }
            return ["::1/128", "::/128", "::ffff:0:0/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32",
                    "2002::/16", "fc00::/7", "fe80::/10"].contains(where: within)
                && !["2001:1::1/128", "2001:1::2/128", "2001:3::/32", "2001:4:112::/48", "2001:20::/28",
                     "2001:30::/28"].contains(where: within)
        }

        var isGlobal: Bool {
            if let mapped = ipv4Mapped { return mapped.isGlobal }
            return version == 4 ? !within("100.64.0.0/10") && !isPrivate : !isPrivate
        }

        var isLoopback: Bool {
            if let mapped = ipv4Mapped { return mapped.isLoopback }
            return version == 4 ? within("127.0.0.0/8") : ip == 1
        }

        var isMulticast: Bool { version == 4 ? within("224.0.0.0/4") : within("ff00::/8") }
        var isLinkLocal: Bool { version == 4 ? within("169.254.0.0/16") : within("fe80::/10") }
        var isReserved: Bool {
            if version == 4 { return within("240.0.0.0/4") }
            return ["::/8", "100::/8", "200::/7", "400::/6", "800::/5", "1000::/4", "4000::/3", "6000::/3", "8000::/3",
                    "a000::/3", "c000::/3", "e000::/4", "f000::/5", "f800::/6", "fe00::/9"].contains(where: within)
        }

        /// `int(self) + n` (`negative`: `- n`) as an address of this version, or CPython's error.
        func moved(by magnitude: UInt128, negative: Bool) throws -> Core {
            if negative {
                if ip >= magnitude { return Core(version, ip - magnitude) }
                throw AddressValueError("-\(magnitude - ip) (< 0) is not permitted as an IPv\(version) address")
            }
            let (sum, over) = ip.addingReportingOverflow(magnitude)
            if !over && sum <= allOnes { return Core(version, sum) }
            let text = over ? decimalSum(String(sum), "340282366920938463463374607431768211456") : String(sum)
            throw AddressValueError("\(text) (>= 2**\(bits)) is not permitted as an IPv\(version) address")
        }
    }

    /// What the address types share: text, properties, arithmetic and ordering.
    public protocol Address: Hashable, Comparable, CustomStringConvertible, CustomDebugStringConvertible, Sendable {
        /// The version and value.
        ///
        /// Python: none (`_ip` and `_version`).
        var core: Core { get }
        /// An address of this type from its version and value.
        ///
        /// Python: none.
        init(_ core: Core)
    }

    /// `ipaddress.IPv4Address(address)`: a 32-bit address.
    ///
    /// Python: `ipaddress.IPv4Address`.
    public struct IPv4Address: Address {
        /// The version and value.
        ///
        /// Python: `_ip`.
        public let core: Core
        /// Python: none.
        public init(_ core: Core) { self.core = core }

        /// `IPv4Address('192.0.2.1')`.
        ///
        /// Python: `IPv4Address(str)`.
        /// - Throws: `AddressValueError` with CPython's texts.
        public init(_ address: String) throws { core = Core(4, try Core.parse4(address)) }

        /// `IPv4Address(3221225985)`.
        ///
        /// Python: `IPv4Address(int)`.
        /// - Throws: `AddressValueError('4294967296 (>= 2**32) is not permitted as an IPv4 address')`.
        public init(_ address: Int) throws { core = try Core.checked(4, address) }

        /// `IPv4Address(b'\xc0\x00\x02\x01')`: from the 4 packed bytes.
        ///
        /// Python: `IPv4Address(bytes)`.
        /// - Throws: `AddressValueError` for another length.
        public init(_ address: bytes) throws { core = try Core.packed(4, address) }
    }

    /// `ipaddress.IPv6Address(address)`: a 128-bit address.
    ///
    /// Python: `ipaddress.IPv6Address`.
    public struct IPv6Address: Address {
        /// The version and value.
        ///
        /// Python: `_ip`.
        public let core: Core
        /// Python: none.
        public init(_ core: Core) { self.core = core }

        /// `IPv6Address('2001:db8::1')`.
        ///
        /// Python: `IPv6Address(str)`.
        /// - Throws: `AddressValueError` with CPython's texts.
        public init(_ address: String) throws { core = Core(6, try Core.parse6(address)) }

        /// `IPv6Address(1)`.
        ///
        /// Python: `IPv6Address(int)`.
        /// - Throws: `AddressValueError('-1 (< 0) is not permitted as an IPv6 address')`.
        public init(_ address: Int) throws { core = try Core.checked(6, address) }

        /// `IPv6Address(packed)`: from the 16 packed bytes.
        ///
        /// Python: `IPv6Address(bytes)`.
        /// - Throws: `AddressValueError` for another length.
        public init(_ address: bytes) throws { core = try Core.packed(6, address) }

        /// `addr.ipv4_mapped`: the IPv4 address of `::ffff:a.b.c.d`, else nil.
        ///
        /// Python: `IPv6Address.ipv4_mapped`.
        public var ipv4_mapped: IPv4Address? { core.ipv4Mapped.map(IPv4Address.init) }
    }

    /// What `ip_address()` returns: an `IPv4Address` or an `IPv6Address` (its `version` says
    /// which), printed as that class.
    ///
    /// Python: `IPv4Address | IPv6Address`.
    public struct IPAddress: Address {
        /// The version and value.
        ///
        /// Python: `_ip`.
        public let core: Core
        /// Python: none.
        public init(_ core: Core) { self.core = core }
    }

    /// What the network types share.
    public protocol Network: Hashable, Comparable, Sequence, CustomStringConvertible, CustomDebugStringConvertible, Sendable
    where Element: Address {
        /// The network's version, address and prefix.
        ///
        /// Python: none.
        var net: NetCore { get }
        /// A network of this type.
        ///
        /// Python: none.
        init(_ net: NetCore)
    }

    /// A network's version, network address and prefix length.
    public struct NetCore: Hashable, Sendable {
        let address: Core
        let prefixlen: Int

        var mask: UInt128 { prefixlen == 0 ? 0 : address.allOnes ^ (address.allOnes >> UInt128(prefixlen)) }
        var broadcast: UInt128 { address.ip | (address.allOnes ^ mask) }

        static func parse(_ text: String, version: Int, strict: Bool) throws -> NetCore {
            let pieces = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if pieces.count > 2 { throw AddressValueError("Only one '/' permitted in \(repr(text))") }
            let ip = version == 4 ? try Core.parse4(pieces[0]) : try Core.parse6(pieces[0])
            let bits = version == 4 ? 32 : 128
            var prefix = bits
            if pieces.count == 2 {
                prefix = try prefixFrom(pieces[1], version: version)
            }
            return try make(Core(version, ip), prefix, strict: strict)
        }

        static func make(_ address: Core, _ prefix: Int, strict: Bool) throws -> NetCore {
            let candidate = NetCore(address: address, prefixlen: prefix)
            if address.ip & candidate.mask != address.ip {
                if strict { throw ValueError("\(address.text)/\(prefix) has host bits set") }
                return NetCore(address: Core(address.version, address.ip & candidate.mask), prefixlen: prefix)
            }
            return candidate
        }

        static func prefixFrom(_ text: String, version: Int) throws -> Int {
            let bits = version == 4 ? 32 : 128
            if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isWholeNumber }) {
                if let n = Int(text), n <= bits { return n }
                throw NetmaskValueError("\(repr(text)) is not a valid netmask")
            }
            guard version == 4, let value = try? Core.parse4(text) else {
                throw NetmaskValueError("\(repr(text)) is not a valid netmask")
            }
            func prefix(_ v: UInt128) -> Int? {
                let zeros = v == 0 ? 32 : min(v.trailingZeroBitCount, 32)
                let ones = 32 - zeros
                return v >> UInt128(zeros) == (ones == 0 ? 0 : (UInt128(1) << UInt128(ones)) - 1) ? ones : nil
            }
            if let p = prefix(value) { return p }
            if let p = prefix(value ^ 0xFFFF_FFFF) { return p }
            throw NetmaskValueError("\(repr(text)) is not a valid netmask")
        }

        var text: String { "\(address.text)/\(prefixlen)" }
    }

    /// `ipaddress.IPv4Network(address, strict=True)`: `'192.168.1.0/24'` (or with a netmask,
    /// `'10.0.0.0/255.0.0.0'`); iterating gives every address.
    ///
    /// Python: `ipaddress.IPv4Network`.
    public struct IPv4Network: Network {
        /// Python: none.
        public let net: NetCore
        /// Python: none.
        public init(_ net: NetCore) { self.net = net }

        /// `IPv4Network('192.168.1.0/24', strict=True)`.
        ///
        /// Python: `IPv4Network(str)`.
        /// - Throws: `AddressValueError`, `NetmaskValueError`, `ValueError('... has host bits set')`.
        public init(_ address: String, strict: Bool = true) throws {
            net = try NetCore.parse(address, version: 4, strict: strict)
        }

        /// Python: `IPv4Network.__iter__`.
        public func makeIterator() -> AddressIterator<IPv4Address> { AddressIterator(net, from: net.address.ip, through: net.broadcast) }
    }

    /// `ipaddress.IPv6Network(address, strict=True)`: `'2001:db8::/32'`.
    ///
    /// Python: `ipaddress.IPv6Network`.
    public struct IPv6Network: Network {
        /// Python: none.
        public let net: NetCore
        /// Python: none.
        public init(_ net: NetCore) { self.net = net }

        /// `IPv6Network('2001:db8::/32', strict=True)`.
        ///
        /// Python: `IPv6Network(str)`.
        /// - Throws: `AddressValueError`, `NetmaskValueError`, `ValueError('... has host bits set')`.
        public init(_ address: String, strict: Bool = true) throws {
            net = try NetCore.parse(address, version: 6, strict: strict)
        }

        /// Python: `IPv6Network.__iter__`.
        public func makeIterator() -> AddressIterator<IPv6Address> { AddressIterator(net, from: net.address.ip, through: net.broadcast) }
    }

    /// What `ip_network()` returns: an `IPv4Network` or an `IPv6Network`, printed as that class.
    ///
    /// Python: `IPv4Network | IPv6Network`.
    public struct IPNetwork: Network {
        /// Python: none.
        public let net: NetCore
        /// Python: none.
        public init(_ net: NetCore) { self.net = net }

        /// Python: `_BaseNetwork.__iter__`.
        public func makeIterator() -> AddressIterator<IPAddress> { AddressIterator(net, from: net.address.ip, through: net.broadcast) }
    }

    /// The addresses of a network, in order (`for addr in net`, `net.hosts()`).
    ///
    /// Python: the generator of `__iter__` and `hosts()`.
    public struct AddressIterator<Element: Address>: IteratorProtocol, Sequence {
        let version: Int
        var upcoming: UInt128
        let last: UInt128
        var done: Bool

        init(_ net: NetCore, from first: UInt128, through last: UInt128) {
            version = net.address.version
            upcoming = first
            self.last = last
            done = first > last
        }

        /// Python: `generator.__next__`.
        public mutating func next() -> Element? {
            if done { return nil }
            let value = upcoming
            if value == last { done = true } else { upcoming += 1 }
            return Element(Core(version, value))
        }
    }
}

extension ipaddress.Address {
    /// `addr.version`: 4 or 6.
    ///
    /// Python: `addr.version`.
    public var version: Int { core.version }
    /// `addr.max_prefixlen`: 32 or 128.
    ///
    /// Python: `addr.max_prefixlen`.
    public var max_prefixlen: Int { core.bits }
    /// `str(addr)`: `192.0.2.1`, `2001:db8::1` (compressed as CPython compresses).
    ///
    /// Python: `addr.__str__`.
    public var description: String { core.text }
    /// `repr(addr)`: `IPv4Address('192.0.2.1')`.
    ///
    /// Python: `addr.__repr__`.
    public var debugDescription: String { (core.version == 4 ? "IPv4Address" : "IPv6Address") + "(" + repr(core.text) + ")" }
    /// `addr.compressed`: `str(addr)`.
    ///
    /// Python: `addr.compressed`.
    public var compressed: String { core.text }
    /// `addr.exploded`: every hextet with its four digits (IPv6).
    ///
    /// Python: `addr.exploded`.
    public var exploded: String { core.exploded }
    /// `addr.packed`: the address in network byte order, 4 or 16 bytes.
    ///
    /// Python: `addr.packed`.
    public var packed: bytes {
        let n = core.bits / 8
        return bytes((0..<n).map { UInt8(core.ip >> UInt128(8 * (n - 1 - $0)) & 0xFF) })
    }
    /// `addr.reverse_pointer`: `1.2.0.192.in-addr.arpa`, or the nibbles under `ip6.arpa`.
    ///
    /// Python: `addr.reverse_pointer`.
    public var reverse_pointer: String {
        if core.version == 4 { return core.text.split(separator: ".").reversed().joined(separator: ".") + ".in-addr.arpa" }
        return core.exploded.replacing(":", with: "").reversed().map(String.init).joined(separator: ".") + ".ip6.arpa"
    }
    /// `addr.is_private`: in one of IANA's not-globally-reachable blocks (CPython 3.13's table).
    ///
    /// Python: `addr.is_private`.
    public var is_private: Bool { core.isPrivate }
    /// `addr.is_global`: globally reachable.
    ///
    /// Python: `addr.is_global`.
    public var is_global: Bool { core.isGlobal }
    /// `addr.is_loopback`: `127.0.0.0/8` or `::1`.
    ///
    /// Python: `addr.is_loopback`.
    public var is_loopback: Bool { core.isLoopback }
    /// `addr.is_multicast`.
    ///
    /// Python: `addr.is_multicast`.
    public var is_multicast: Bool { core.isMulticast }
    /// `addr.is_link_local`.
    ///
    /// Python: `addr.is_link_local`.
    public var is_link_local: Bool { core.isLinkLocal }
    /// `addr.is_reserved`.
    ///
    /// Python: `addr.is_reserved`.
    public var is_reserved: Bool { core.isReserved }
    /// `addr.is_unspecified`: `0.0.0.0` or `::`.
    ///
    /// Python: `addr.is_unspecified`.
    public var is_unspecified: Bool { core.ip == 0 }

    /// `addr + n`: the address `n` further on.
    ///
    /// Python: `addr.__add__`.
    /// - Throws: `AddressValueError('4294967296 (>= 2**32) is not permitted as an IPv4 address')`.
    public static func + (address: Self, n: Int) throws -> Self {
        Self(try address.core.moved(by: UInt128(n.magnitude), negative: n < 0))
    }
    /// `addr - n`: the address `n` before.
    ///
    /// Python: `addr.__sub__`.
    /// - Throws: `AddressValueError('-1 (< 0) is not permitted as an IPv4 address')`.
    public static func - (address: Self, n: Int) throws -> Self {
        Self(try address.core.moved(by: UInt128(n.magnitude), negative: n > 0))
    }
    /// `a < b`: by version, then by value.
    ///
    /// Python: `addr.__lt__`.
    public static func < (a: Self, b: Self) -> Bool { (a.core.version, a.core.ip) < (b.core.version, b.core.ip) }

    /// `int(addr)`: the address as an integer.
    ///
    /// Python: `int(addr)`.
    /// - Throws: `OverflowError` for an IPv6 address beyond `Int.max`.
    public func __int__() throws -> Int {
        guard core.ip <= UInt128(Int.max) else { throw OverflowError("Python int too large to convert to C long") }
        return Int(core.ip)
    }
}

/// `int(addr)`: an address as an integer.
///
/// Python: `int(ipaddress.IPv4Address(...))`.
/// - Throws: `OverflowError` for an IPv6 address beyond `Int.max`.
public func int<A: ipaddress.Address>(_ address: A) throws -> Int { try address.__int__() }

extension ipaddress.Network {
    /// `net.version`: 4 or 6.
    ///
    /// Python: `net.version`.
    public var version: Int { net.address.version }
    /// `net.prefixlen`.
    ///
    /// Python: `net.prefixlen`.
    public var prefixlen: Int { net.prefixlen }
    /// `net.max_prefixlen`: 32 or 128.
    ///
    /// Python: `net.max_prefixlen`.
    public var max_prefixlen: Int { net.address.bits }
    /// `net.network_address`.
    ///
    /// Python: `net.network_address`.
    public var network_address: Element { Element(net.address) }
    /// `net.broadcast_address`: the last address.
    ///
    /// Python: `net.broadcast_address`.
    public var broadcast_address: Element { Element(ipaddress.Core(version, net.broadcast)) }
    /// `net.netmask`: `255.255.255.0` for a /24.
    ///
    /// Python: `net.netmask`.
    public var netmask: Element { Element(ipaddress.Core(version, net.mask)) }
    /// `net.hostmask`: `0.0.0.255` for a /24.
    ///
    /// Python: `net.hostmask`.
    public var hostmask: Element { Element(ipaddress.Core(version, net.address.allOnes ^ net.mask)) }
    /// `net.num_addresses`: how many addresses the network holds.
    ///
    /// Python: `net.num_addresses`.
    ///
    /// Differs from CPython: `Int.max` for an IPv6 network larger than that.
    public var num_addresses: Int {
        let count = net.broadcast - net.address.ip
        return count >= UInt128(Int.max) ? Int.max : Int(count) + 1
    }
    /// `net.with_prefixlen`: `'192.168.1.0/24'`.
    ///
    /// Python: `net.with_prefixlen`.
    public var with_prefixlen: String { net.text }
    /// `net.with_netmask`: `'192.168.1.0/255.255.255.0'`.
    ///
    /// Python: `net.with_netmask`.
    public var with_netmask: String { "\(net.address.text)/\(netmask)" }
    /// `net.with_hostmask`: `'192.168.1.0/0.0.0.255'`.
    ///
    /// Python: `net.with_hostmask`.
    public var with_hostmask: String { "\(net.address.text)/\(hostmask)" }
    /// `net.compressed`: `str(net)`.
    ///
    /// Python: `net.compressed`.
    public var compressed: String { net.text }
    /// `net.exploded`: `str(net)` with the address exploded.
    ///
    /// Python: `net.exploded`.
    public var exploded: String { "\(net.address.exploded)/\(prefixlen)" }
    /// `str(net)`: `192.168.1.0/24`.
    ///
    /// Python: `net.__str__`.
    public var description: String { net.text }
    /// `repr(net)`: `IPv4Network('192.168.1.0/24')`.
    ///
    /// Python: `net.__repr__`.
    public var debugDescription: String { (version == 4 ? "IPv4Network" : "IPv6Network") + "(" + repr(net.text) + ")" }
    /// `net.is_private`: network and broadcast addresses both private.
    ///
    /// Python: `net.is_private`.
    public var is_private: Bool { net.address.isPrivate && ipaddress.Core(version, net.broadcast).isPrivate }
    /// `net.is_global`.
    ///
    /// Python: `net.is_global`.
    public var is_global: Bool { !is_private }
    /// `net.is_loopback`.
    ///
    /// Python: `net.is_loopback`.
    public var is_loopback: Bool { net.address.isLoopback && ipaddress.Core(version, net.broadcast).isLoopback }
    /// `net.is_multicast`.
    ///
    /// Python: `net.is_multicast`.
    public var is_multicast: Bool { net.address.isMulticast && ipaddress.Core(version, net.broadcast).isMulticast }

    /// `net.hosts()`: the usable addresses: all but the network and broadcast addresses for
    /// IPv4 (all for /31, the one for /32), all but the network address for IPv6.
    ///
    /// Python: `net.hosts()`.
    public func hosts() -> ipaddress.AddressIterator<Element> {
        let last = net.address.bits
        if prefixlen >= last - 1 { return ipaddress.AddressIterator(net, from: net.address.ip, through: net.broadcast) }
        return ipaddress.AddressIterator(net, from: net.address.ip + 1, through: version == 4 ? net.broadcast - 1 : net.broadcast)
    }

    /// `addr in net` for the network's own address type: a mask test, not a walk over the
    /// addresses (this overload is chosen over `Sequence.contains`).
    ///
    /// Python: `net.__contains__`.
    public func contains(_ address: Element) -> Bool {
        address.core.version == version && address.core.ip & net.mask == net.address.ip
    }

    /// `addr in net`: whether the address is in the network (false for another version).
    ///
    /// Python: `net.__contains__`.
    public func contains<A: ipaddress.Address>(_ address: A) -> Bool {
        address.core.version == version && address.core.ip & net.mask == net.address.ip
    }

    /// `net[n]`: the n-th address (counted from the end when negative).
    ///
    /// Python: `net.__getitem__`.
    /// - Throws: `IndexError('address out of range')`.
    public subscript(py n: Int) -> Element {
        get throws {
            let first = net.address.ip, last = net.broadcast
            if n >= 0 {
                let (value, over) = first.addingReportingOverflow(UInt128(n))
                if over || value > last { throw IndexError("address out of range") }
                return Element(ipaddress.Core(version, value))
            }
            let back = UInt128((n + 1).magnitude)
            if back > last - first { throw IndexError("address out of range") }
            return Element(ipaddress.Core(version, last - back))
        }
    }

    /// `net.overlaps(other)`: whether the two networks share an address.
    ///
    /// Python: `net.overlaps`.
    public func overlaps<Other: ipaddress.Network>(_ other: Other) -> Bool {
        version == other.version && (contains(other.network_address) || contains(other.broadcast_address)
            || other.contains(network_address) || other.contains(broadcast_address))
    }

    /// `net.subnet_of(other)`: whether this network lies inside `other`.
    ///
    /// Python: `net.subnet_of`.
    public func subnet_of<Other: ipaddress.Network>(_ other: Other) -> Bool {
        version == other.version && other.prefixlen <= prefixlen && other.contains(network_address)
    }

    /// `net.supernet_of(other)`: whether `other` lies inside this network.
    ///
    /// Python: `net.supernet_of`.
    public func supernet_of<Other: ipaddress.Network>(_ other: Other) -> Bool { other.subnet_of(self) }

    /// `net.subnets(prefixlen_diff=1, new_prefix=None)`: the networks that split this one.
    ///
    /// Python: `net.subnets`.
    /// - Throws: `ValueError` with CPython's texts for a prefix out of range.
    public func subnets(prefixlen_diff: Int = 1, new_prefix: Int? = nil) throws -> [Self] {
        var diff = prefixlen_diff
        if let new_prefix {
            if new_prefix < prefixlen { throw ValueError("new prefix must be longer") }
            if prefixlen_diff != 1 { throw ValueError("cannot set prefixlen_diff and new_prefix") }
            diff = new_prefix - prefixlen
        }
        if diff < 0 { throw ValueError("prefix length diff must be > 0") }
        let target = prefixlen + diff
        if target > max_prefixlen { throw ValueError("prefix length diff \(diff) is invalid for netblock \(net.text)") }
        if prefixlen == max_prefixlen { return [self] }
        let step = UInt128(1) << UInt128(max_prefixlen - target)
        var out: [Self] = []
        var start = net.address.ip
        while true {
            out.append(Self(ipaddress.NetCore(address: ipaddress.Core(version, start), prefixlen: target)))
            let (next, over) = start.addingReportingOverflow(step)
            if over || next > net.broadcast { break }
            start = next
        }
        return out
    }

    /// `net.supernet(prefixlen_diff=1, new_prefix=None)`: the network this one is part of.
    ///
    /// Python: `net.supernet`.
    /// - Throws: `ValueError` with CPython's texts for a prefix out of range.
    public func supernet(prefixlen_diff: Int = 1, new_prefix: Int? = nil) throws -> Self {
        if prefixlen == 0 { return self }
        var diff = prefixlen_diff
        if let new_prefix {
            if new_prefix > prefixlen { throw ValueError("new prefix must be shorter") }
            if prefixlen_diff != 1 { throw ValueError("cannot set prefixlen_diff and new_prefix") }
            diff = prefixlen - new_prefix
        }
        let target = prefixlen - diff
        if target < 0 { throw ValueError("current prefixlen is \(prefixlen), cannot have a prefixlen_diff of \(diff)") }
        return Self(try ipaddress.NetCore.make(net.address, target, strict: false))
    }

    /// `a < b`: by version, network address, then netmask.
    ///
    /// Python: `net.__lt__`.
    public static func < (a: Self, b: Self) -> Bool {
        (a.version, a.net.address.ip, a.net.mask) < (b.version, b.net.address.ip, b.net.mask)
    }
}

/// `len(...)` is not defined for networks in CPython (`num_addresses` is); `addr in net` reads
/// `net.contains(addr)`, also as a pattern: `case net` in a `switch` over an address.
///
/// Python: `net.__contains__`.
public func ~= <N: ipaddress.Network, A: ipaddress.Address>(network: N, address: A) -> Bool { network.contains(address) }

/// The decimal sum of two non-negative decimal numbers (for a value past 128 bits in an error).
private func decimalSum(_ a: String, _ b: String) -> String {
    var x = Array(a.utf8.reversed()), y = Array(b.utf8.reversed())
    if x.count < y.count { swap(&x, &y) }
    var out: [UInt8] = [], carry: UInt8 = 0
    for i in 0..<x.count {
        let digit = (x[i] - 48) + (i < y.count ? y[i] - 48 : 0) + carry
        out.append(digit % 10 + 48)
        carry = digit / 10
    }
    if carry > 0 { out.append(carry + 48) }
    return String(decoding: out.reversed(), as: UTF8.self)
}
