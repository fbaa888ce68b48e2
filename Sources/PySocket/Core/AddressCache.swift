// The last IP address a socket received from, sent to or accepted from, kept with its sockaddr, so that a
// reply to the address recvfrom returned parses no text and a peer's host is formatted once, not per call.

/// One numeric IP address in both forms: the first 32 bytes of its `sockaddr` (a `sockaddr_in6`
/// is 28) and the fields of its Python value. `length == 0` is the empty entry.
///
/// A socket keeps one (`socket.withAddressCache`, which never waits: a thread that finds it in
/// use does without). `recvfrom` and `accept` look up the peer's `sockaddr` before formatting
/// its text (`value(for:)`), and store what they formatted; `sendto` looks up the address value
/// before parsing its text (`sockaddr(for:)`) and stores what it parsed. A lookup by sockaddr
/// needs only the same host: the port (and an IPv6 flow label and scope) are read from the
/// sockaddr, which is cheap, so that a server whose clients connect from one host with a new
/// port each time formats the host once. Only numeric AF_INET / AF_INET6 addresses are kept:
/// a host name is resolved on every call, as CPython does, and the other families' text costs
/// nothing. The fields are kept rather than a `SocketAddress` so that a hit copies two words and
/// a few integers, not a multi-payload enum through its value witnesses.
package struct AddressCacheEntry {
    typealias Words = (UInt64, UInt64, UInt64, UInt64)

    var raw: Words = (0, 0, 0, 0)
    var length: UInt32 = 0
    /// The sockaddr's family (AF_INET or AF_INET6), read once from its typed field.
    var family = 0
    /// The value's shape: `.inet` (false) or `.inet6` (true) with these fields.
    var isInet6 = false
    /// The host text as `String`'s two words (64-bit platforms). Only an immortal string is
    /// kept (a small one, which every IPv4 text and an IPv6 text of at most 15 bytes is, or a
    /// literal): `init?` refuses any other, so that the entry holds no reference and a socket
    /// destroys its entry for nothing (a `String` field cost a `swift_bridgeObjectRelease` per
    /// socket, ~15 instructions, callgrind on connect + accept). A longer IPv6 text is parsed
    /// and printed per call, as it was before this cache. Read only when `length != 0`.
    var hostWords: (UInt64, UInt64) = (0, 0)
    var port = 0
    var flowinfo = 0
    var scopeID = 0
    /// Whether `recvfrom` may return this host for the sockaddr: true when the value was decoded
    /// from it, or is an IPv4 text (inet_pton's grammar has one text per IPv4 address, the one
    /// inet_ntop prints). An IPv6 text a program passed to `sendto` may be spelled otherwise
    /// (`'::0001'`, upper case) or in the 2-tuple form, where `recvfrom` returns inet_ntop's
    /// text in a 4-tuple; such an entry serves `sendto` only.
    var servesDecode = false

    package init() {}

    /// The entry for `address`, whose sockaddr is `sockaddr` (`decoded`: the value was made from
    /// the sockaddr, not parsed from a program's text); nil when it may not be kept.
    init?(_ sockaddr: Sockaddr, _ address: SocketAddress, decoded: Bool) {
        guard sockaddr.length <= 32 else { return nil }
        servesDecode = decoded || NativeSockaddr.familyOf(sockaddr) == NativeConstants.AF_INET
        switch address {
        case .inet(let host, let port):
            guard let words = AddressCacheEntry.words(of: host) else { return nil }
            (isInet6, hostWords, self.port) = (false, words, port)
        case .inet6(let host, let port, let flowinfo, let scopeID):
            guard let words = AddressCacheEntry.words(of: host) else { return nil }
            (isInet6, hostWords, self.port, self.flowinfo, self.scopeID) = (true, words, port, flowinfo, scopeID)
        default: return nil
        }
        raw = sockaddr.firstWords
        length = sockaddr.length
        family = NativeSockaddr.familyOf(sockaddr)
    }

    /// The bytes of a sockaddr's first words that name its family and host, the others zeroed:
    /// the family, and the address (bytes 4-7 of a `sockaddr_in`, 8-23 of a `sockaddr_in6`).
    /// The masks are written as little-endian values so that they cover the same bytes on
    /// either byte order.
    @inline(__always)
    static func hostKey(_ words: Words, inet6: Bool) -> Words {
        if inet6 { return (words.0 & UInt64(littleEndian: 0xFFFF), words.1, words.2, 0) }
        return (words.0 & UInt64(littleEndian: 0xFFFF_FFFF_0000_FFFF), words.1, 0, 0)
    }

    /// The Python value for the sockaddr `peer` (AF_INET or AF_INET6, at most 32 bytes) when this
    /// entry holds its host: the cached text with the port (and flow label and scope) read from
    /// `peer`. The entry then holds `peer` itself, so that `sendto` back to the value hits.
    @inline(__always)
    mutating func value(for peer: Sockaddr) -> SocketAddress? {
        let words = peer.firstWords
        let inet6 = isInet6
        guard servesDecode, length == peer.length,
              AddressCacheEntry.hostKey(raw, inet6: inet6) == AddressCacheEntry.hostKey(words, inet6: inet6) else { return nil }
        if raw != words {
            raw = words
            var copy = words
            withUnsafeBytes(of: &copy) { bytes in
                if inet6 {
                    (port, flowinfo, scopeID) = NativeSockaddr.inet6Fields(bytes.baseAddress!)
                } else {
                    port = NativeSockaddr.inetPort(bytes.baseAddress!)
                }
            }
        }
        let text = hostCopy
        return inet6 ? .inet6(host: text, port: port, flowinfo: flowinfo, scope_id: scopeID) : .inet(host: text, port: port)
    }

    /// A copy of the host text for a returned value, made from its words. The text is immortal
    /// (small, or a literal), so the copy needs no reference count; copying a `String` field
    /// retained it anyway (`swift_bridgeObjectRetain` → `swift_retain`, 14 instructions per
    /// datagram, callgrind).
    ///
    /// On 64-bit platforms a `String` is two words and the second word's top bit says the string
    /// is immortal (the standard library's `_StringObject`, whose layout is part of Swift's ABI);
    /// `PeerAddressCacheTests` checks that a small string has it and a heap one does not.
    @inline(__always)
    var hostCopy: String {
        var words = hostWords
        return withUnsafeMutablePointer(to: &words) { $0.withMemoryRebound(to: String.self, capacity: 1) { $0.move() } }
    }

    /// The words of `text` when it is immortal (see `hostCopy`); nil otherwise.
    @inline(__always)
    static func words(of text: String) -> (UInt64, UInt64)? {
        guard isImmortal(text) else { return nil }
        return unsafeBitCast(text, to: (UInt64, UInt64).self)
    }

    /// Whether `text` is the host text this entry holds: the same words (a small string's are
    /// canonical), or failing that the same characters.
    @inline(__always)
    func holdsHost(_ text: String) -> Bool {
        if let words = AddressCacheEntry.words(of: text), words == hostWords { return true }
        return text == hostCopy
    }

    /// Whether `text` needs no reference counting (see `hostCopy`).
    @inline(__always)
    static func isImmortal(_ text: String) -> Bool {
        guard MemoryLayout<String>.size == 16 else { return false }
        return unsafeBitCast(text, to: (UInt64, UInt64).self).1 >> 63 == 1
    }

    /// The first words and length of the sockaddr for `target`, when it is the address this
    /// entry holds (plain values: the caller passes them to the kernel as they are).
    @inline(__always)
    func sockaddr(for target: SocketAddress) -> (words: Words, length: UInt32)? {
        guard length != 0 else { return nil }
        switch target {
        case .inet(let host, let port) where !isInet6 && port == self.port && holdsHost(host):
            return (raw, length)
        case .inet6(let host, let port, let flowinfo, let scopeID)
            where isInet6 && port == self.port && flowinfo == self.flowinfo && scopeID == self.scopeID && holdsHost(host):
            return (raw, length)
        default:
            return nil
        }
    }

    /// `sockaddr(for:)` for a cache that sockets of every family share: the entry serves only
    /// a socket of the family its sockaddr has (`('::1', 80)` is a `sockaddr_in6` for an AF_INET6
    /// socket, and an error for an AF_INET one).
    @inline(__always)
    func sockaddr(for target: SocketAddress, family: Int) -> (words: Words, length: UInt32)? {
        guard self.family == family else { return nil }
        return sockaddr(for: target)
    }

    /// Whether a sockaddr of this family may be kept (see above).
    @inline(__always)
    static func isCacheable(_ raw: Sockaddr) -> Bool {
        let family = NativeSockaddr.familyOf(raw)
        return raw.length <= 32 && (family == NativeConstants.AF_INET || family == NativeConstants.AF_INET6)
    }
}

extension Sockaddr {
    /// A sockaddr of `length` bytes whose first 32 are `words` (the rest zero).
    init(words: (UInt64, UInt64, UInt64, UInt64), length: UInt32) {
        self.init()
        withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: words, as: (UInt64, UInt64, UInt64, UInt64).self) }
        self.length = length
    }

    /// The first 32 bytes. Past `length` a `Sockaddr` is zero, as it starts, so two addresses
    /// of the same length are the same exactly when these are.
    var firstWords: (UInt64, UInt64, UInt64, UInt64) {
        Swift.withUnsafeBytes(of: storage) { $0.loadUnaligned(as: (UInt64, UInt64, UInt64, UInt64).self) }
    }
}

/// `==` for the four words of a sockaddr.
@inline(__always)
func == (lhs: AddressCacheEntry.Words, rhs: AddressCacheEntry.Words) -> Bool {
    lhs.0 == rhs.0 && lhs.1 == rhs.1 && lhs.2 == rhs.2 && lhs.3 == rhs.3
}

/// `!=` for the four words of a sockaddr.
@inline(__always)
func != (lhs: AddressCacheEntry.Words, rhs: AddressCacheEntry.Words) -> Bool {
    !(lhs == rhs)
}
