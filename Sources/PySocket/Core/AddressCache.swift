// The last IP address a socket received from or sent to, kept with its sockaddr, so that a reply to
// the address recvfrom returned parses no text and a datagram from the same peer formats none.

/// One numeric IP address in both forms: the `sockaddr` the kernel takes and returns, and the
/// Python value. `raw.length == 0` is the empty entry.
///
/// A socket keeps one, behind its own lock (two uncontended atomic operations per use, never
/// held across a system call). `recvfrom` looks up the sender's `sockaddr` before formatting its
/// text and stores what it formatted; `sendto` looks up the address value before parsing its
/// text and stores what it parsed. Only numeric AF_INET / AF_INET6 addresses are kept: a host
/// name is resolved on every call, as CPython does, and the other families' text costs nothing.
struct AddressCacheEntry {
    var raw = Sockaddr(empty: ())
    var address = SocketAddress.noAddress

    /// The Python value for `peer`, when it is the one this entry holds.
    func value(for peer: Sockaddr) -> SocketAddress? {
        raw.length != 0 && raw.sameBytes(as: peer) ? address : nil
    }

    /// The sockaddr for `target`, when it is the address this entry holds.
    func sockaddr(for target: SocketAddress) -> Sockaddr? {
        raw.length != 0 && address == target ? raw : nil
    }

    /// Whether `address` is one an entry may hold (a numeric IP address, see above).
    static func isCacheable(_ raw: Sockaddr) -> Bool {
        let family = NativeSockaddr.familyOf(raw)
        return family == NativeConstants.AF_INET || family == NativeConstants.AF_INET6
    }
}

extension Sockaddr {
    /// An empty sockaddr (length 0).
    init(empty: ()) {
        self.init()
        length = 0
    }

    /// Whether both hold the same address: the same length, at most 32 bytes (a sockaddr_in6 is
    /// 28), and the same first 32 bytes. Past `length` a `Sockaddr` is zero, as it starts, so
    /// comparing whole words never says "same" for different addresses (at worst a miss).
    func sameBytes(as other: Sockaddr) -> Bool {
        guard length == other.length, length <= 32 else { return false }
        var a = storage, b = other.storage
        return withUnsafeBytes(of: &a) { x in
            withUnsafeBytes(of: &b) { y in
                x.loadUnaligned(as: UInt64.self) == y.loadUnaligned(as: UInt64.self)
                    && x.loadUnaligned(fromByteOffset: 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    && x.loadUnaligned(fromByteOffset: 16, as: UInt64.self) == y.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
                    && x.loadUnaligned(fromByteOffset: 24, as: UInt64.self) == y.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            }
        }
    }
}
