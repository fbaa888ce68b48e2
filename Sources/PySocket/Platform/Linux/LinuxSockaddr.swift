// Linux's sockaddr layouts: filling and reading sockaddr_in, sockaddr_in6 and sockaddr_un.
#if os(Linux) && canImport(Glibc)
import Glibc
import CPySocket

/// The layouts of Linux's socket addresses: what Core's codec (SockaddrCodec) writes and reads
/// through `NativeSockaddr`.
enum LinuxSockaddr {
    /// Writes a `sockaddr_in` for `address` (4 bytes, network order) and `port`; returns its length.
    static func writeInet(_ address: (UInt8, UInt8, UInt8, UInt8), port: UInt16, into raw: UnsafeMutableRawPointer) -> UInt32 {
        var sin = sockaddr_in()
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_port = port.bigEndian
        withUnsafeMutableBytes(of: &sin.sin_addr) { $0.copyBytes(from: [address.0, address.1, address.2, address.3]) }
        raw.storeBytes(of: sin, as: sockaddr_in.self)
        return UInt32(MemoryLayout<sockaddr_in>.size)
    }

    /// Writes a `sockaddr_in6`; returns its length.
    static func writeInet6(_ address: [UInt8], port: UInt16, flowinfo: UInt32, scopeID: UInt32, into raw: UnsafeMutableRawPointer) -> UInt32 {
        var sin6 = sockaddr_in6()
        sin6.sin6_family = sa_family_t(AF_INET6)
        sin6.sin6_port = port.bigEndian
        sin6.sin6_flowinfo = flowinfo.bigEndian
        sin6.sin6_scope_id = scopeID
        withUnsafeMutableBytes(of: &sin6.sin6_addr) { $0.copyBytes(from: address.prefix(16)) }
        raw.storeBytes(of: sin6, as: sockaddr_in6.self)
        return UInt32(MemoryLayout<sockaddr_in6>.size)
    }

    /// Writes a `sockaddr_un` whose `sun_path` holds `path` (already checked to fit); returns
    /// the length to pass: the path offset plus the path, plus the NUL for a filesystem path.
    static func writeUnix<C: Collection>(_ path: C, into raw: UnsafeMutableRawPointer) -> UInt32 where C.Element == UInt8 {
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<sockaddr_un>.size)
        raw.storeBytes(of: sa_family_t(AF_UNIX), as: sa_family_t.self)
        let pathStart = raw + LinuxConstants.sunPathOffset
        var count = 0
        for byte in path {
            pathStart.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
            count += 1
        }
        let isAbstract = path.first == 0
        return UInt32(LinuxConstants.sunPathOffset + count + (isAbstract || count == 0 ? 0 : 1))
    }

    /// Writes a `sockaddr_in` for a numeric IPv4 `host` (`inet_pton(3)`'s grammar, parsed by
    /// `IPText` from the String's UTF-8 with no C string); nil when `host` is not a numeric IPv4
    /// address (a NUL is not in the grammar: such hosts go to the slow path's error).
    static func writeInetNumeric(_ host: String, port: UInt16, into raw: UnsafeMutableRawPointer) -> UInt32? {
        guard let address = IPText.parseIPv4(host) else { return nil }
        var sin = sockaddr_in()
        sin.sin_addr.s_addr = address
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_port = port.bigEndian
        raw.storeBytes(of: sin, as: sockaddr_in.self)
        return UInt32(MemoryLayout<sockaddr_in>.size)
    }

    /// Writes a `sockaddr_in6` for a numeric IPv6 `host` without a scope (`inet_pton(3)`'s
    /// grammar, which has no `%`, parsed by `IPText`); nil when `host` is not one.
    static func writeInet6Numeric(_ host: String, port: UInt16, flowinfo: UInt32, scopeID: UInt32, into raw: UnsafeMutableRawPointer) -> UInt32? {
        guard let address = IPText.parseIPv6(host) else { return nil }
        var sin6 = sockaddr_in6()
        storeInet6Address(address, into: &sin6.sin6_addr)
        sin6.sin6_family = sa_family_t(AF_INET6)
        sin6.sin6_port = port.bigEndian
        sin6.sin6_flowinfo = flowinfo.bigEndian
        sin6.sin6_scope_id = scopeID
        raw.storeBytes(of: sin6, as: sockaddr_in6.self)
        return UInt32(MemoryLayout<sockaddr_in6>.size)
    }

    /// The text of the IP address in a `sockaddr_in` or `sockaddr_in6`, as `inet_ntop(3)` prints
    /// it (formatted by `IPText`; addresses up to 15 characters need no heap allocation).
    static func ipText(_ raw: UnsafeRawPointer) -> String {
        if Int32(raw.load(as: sa_family_t.self)) == AF_INET {
            return IPText.formatIPv4(raw.loadUnaligned(as: sockaddr_in.self).sin_addr.s_addr)
        }
        return IPText.formatIPv6(inet6Address(raw.loadUnaligned(as: sockaddr_in6.self).sin6_addr))
    }

    /// The 16 bytes of an `in6_addr`, in memory order, as `IPText` takes them.
    static func inet6Address(_ address: in6_addr) -> IPText.IPv6Bytes {
        withUnsafeBytes(of: address) { bytes in
            (bytes.loadUnaligned(as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }

    /// Stores the 16 bytes `IPText` parsed into an `in6_addr`.
    static func storeInet6Address(_ address: IPText.IPv6Bytes, into target: inout in6_addr) {
        withUnsafeMutableBytes(of: &target) { bytes in
            bytes.storeBytes(of: address.0, as: UInt64.self)
            bytes.storeBytes(of: address.1, toByteOffset: 8, as: UInt64.self)
        }
    }

    /// The port of a `sockaddr_in`, and port, flowinfo and scope id of a `sockaddr_in6`.
    static func inetPort(_ raw: UnsafeRawPointer) -> Int {
        Int(UInt16(bigEndian: raw.loadUnaligned(as: sockaddr_in.self).sin_port))
    }

    static func inet6Fields(_ raw: UnsafeRawPointer) -> (port: Int, flowinfo: Int, scopeID: Int) {
        let sin6 = raw.loadUnaligned(as: sockaddr_in6.self)
        return (Int(UInt16(bigEndian: sin6.sin6_port)), Int(UInt32(bigEndian: sin6.sin6_flowinfo)), Int(sin6.sin6_scope_id))
    }

    /// The address family stored in a `Sockaddr`.
    static func familyOf(_ address: Sockaddr) -> Int {
        Int(address.storage.ss_family)
    }

    /// Reads the address family of a sockaddr.
    static func family(_ raw: UnsafeRawPointer) -> Int {
        Int(raw.load(as: sa_family_t.self))
    }

    /// Reads a `sockaddr_in`: the 4 address bytes and the port.
    static func readInet(_ raw: UnsafeRawPointer) -> (address: [UInt8], port: UInt16) {
        let sin = raw.loadUnaligned(as: sockaddr_in.self)
        let bytes = withUnsafeBytes(of: sin.sin_addr) { Array($0) }
        return (bytes, UInt16(bigEndian: sin.sin_port))
    }

    /// Reads a `sockaddr_in6`: the 16 address bytes, port, flowinfo and scope id.
    static func readInet6(_ raw: UnsafeRawPointer) -> (address: [UInt8], port: UInt16, flowinfo: UInt32, scopeID: UInt32) {
        let sin6 = raw.loadUnaligned(as: sockaddr_in6.self)
        let bytes = withUnsafeBytes(of: sin6.sin6_addr) { Array($0) }
        return (bytes, UInt16(bigEndian: sin6.sin6_port), UInt32(bigEndian: sin6.sin6_flowinfo), sin6.sin6_scope_id)
    }

    /// Reads the bytes of `sun_path` covered by `length`.
    static func readUnixPath(_ raw: UnsafeRawPointer, length: Int) -> [UInt8] {
        let count = max(0, min(length - LinuxConstants.sunPathOffset, LinuxConstants.sunPathCapacity))
        return Array(UnsafeRawBufferPointer(start: raw + LinuxConstants.sunPathOffset, count: count))
    }

    /// Reads `sa_data` of a generic sockaddr (14 bytes), for families PySocket does not decode.
    static func readGenericData(_ raw: UnsafeRawPointer) -> [UInt8] {
        let sa = raw.loadUnaligned(as: sockaddr.self)
        return withUnsafeBytes(of: sa.sa_data) { Array($0) }
    }
}
#endif
