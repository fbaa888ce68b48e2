// The last IP address a socket received from or sent to, kept with its sockaddr, so that a reply to
// the address recvfrom returned parses no text and a datagram from the same peer formats none.

/// One numeric IP address in both forms: the first 32 bytes of its `sockaddr` (a `sockaddr_in6`
/// is 28) and the fields of its Python value. `length == 0` is the empty entry.
///
/// A socket keeps one, behind its own lock (two uncontended atomic operations per use, never
/// held across a system call). `recvfrom` looks up the sender's `sockaddr` before formatting its
/// text and stores what it formatted; `sendto` looks up the address value before parsing its
/// text and stores what it parsed. Only numeric AF_INET / AF_INET6 addresses are kept: a host
/// name is resolved on every call, as CPython does, and the other families' text costs nothing.
/// The fields are kept rather than a `SocketAddress` so that a hit copies a String and a few
/// integers, not a multi-payload enum through its value witnesses.
package struct AddressCacheEntry {
    var raw: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var length: UInt32 = 0
    /// The value's shape: `.inet` (false) or `.inet6` (true) with these fields.
    var isInet6 = false
    var host = ""
    var port = 0
    var flowinfo = 0
    var scopeID = 0
    /// Whether `recvfrom` may return this value for the sockaddr: true when the value was decoded
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
        case .inet(let host, let port): (isInet6, self.host, self.port) = (false, host, port)
        case .inet6(let host, let port, let flowinfo, let scopeID):
            (isInet6, self.host, self.port, self.flowinfo, self.scopeID) = (true, host, port, flowinfo, scopeID)
        default: return nil
        }
        raw = sockaddr.firstWords
        length = sockaddr.length
    }

    /// The Python value for a sockaddr of `length` bytes starting with `words`, when it is the
    /// one this entry holds.
    func value(forWords words: (UInt64, UInt64, UInt64, UInt64), length: UInt32) -> SocketAddress? {
        guard self.length != 0, servesDecode, self.length == length, raw == words else { return nil }
        return isInet6 ? .inet6(host: host, port: port, flowinfo: flowinfo, scope_id: scopeID) : .inet(host: host, port: port)
    }

    /// The first words and length of the sockaddr for `target`, when it is the address this
    /// entry holds (plain values: the caller builds the `Sockaddr` outside the lock).
    func sockaddr(for target: SocketAddress) -> (words: (UInt64, UInt64, UInt64, UInt64), length: UInt32)? {
        guard length != 0 else { return nil }
        switch target {
        case .inet(let host, let port) where !isInet6 && port == self.port && host == self.host:
            return (raw, length)
        case .inet6(let host, let port, let flowinfo, let scopeID)
            where isInet6 && port == self.port && flowinfo == self.flowinfo && scopeID == self.scopeID && host == self.host:
            return (raw, length)
        default:
            return nil
        }
    }

    /// Whether a sockaddr of this family may be kept (see above).
    static func isCacheable(_ raw: Sockaddr) -> Bool {
        let family = NativeSockaddr.familyOf(raw)
        return family == NativeConstants.AF_INET || family == NativeConstants.AF_INET6
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
