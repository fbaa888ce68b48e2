// Linux-only address families: AF_NETLINK `(pid, groups)` and AF_PACKET `(ifname, proto, ...)`.
#if os(Linux) && canImport(Glibc)
import Glibc
import CPySocket

extension LinuxSockaddr {
    /// Encodes an address of a family only Linux has, as CPython's `getsockaddrarg` does;
    /// nil for a family this file does not handle.
    static func writePlatformFamily(_ address: SocketAddress, family: Int, caller: String, into raw: UnsafeMutableRawPointer) throws(AddressError) -> UInt32? {
        switch family {
        case Int(AF_NETLINK): return try writeNetlink(address, caller: caller, into: raw)
        case Int(AF_PACKET): return try writePacket(address, caller: caller, into: raw)
        default: return nil
        }
    }

    /// Decodes an address of a family only Linux has; nil for any other family.
    static func readPlatformFamily(_ raw: UnsafeRawPointer, length: Int) -> SocketAddress? {
        switch Int32(raw.load(as: sa_family_t.self)) {
        case AF_NETLINK:
            let nl = raw.loadUnaligned(as: cpy_sockaddr_nl.self)
            return .netlink(pid: Int(nl.nl_pid), groups: Int(nl.nl_groups))
        case AF_PACKET:
            let ll = raw.loadUnaligned(as: sockaddr_ll.self)
            let name = withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(IF_NAMESIZE) + 1) { text -> String in
                guard if_indextoname(UInt32(bitPattern: ll.sll_ifindex), text.baseAddress) != nil else { return "" }
                return String(decoding: UnsafeRawBufferPointer(start: text.baseAddress, count: strlen(text.baseAddress!)), as: UTF8.self)
            }
            let hardware = withUnsafeBytes(of: ll.sll_addr) { Array($0.prefix(min(Int(ll.sll_halen), $0.count))) }
            return .packet(ifname: name, proto: Int(UInt16(bigEndian: ll.sll_protocol)), pkttype: Int(ll.sll_pkttype),
                           hatype: Int(ll.sll_hatype), addr: bytes(hardware))
        default:
            return nil
        }
    }

    /// AF_NETLINK: `(pid, groups)`, both read as C unsigned ints (truncated, as CPython's "II").
    private static func writeNetlink(_ address: SocketAddress, caller: String, into raw: UnsafeMutableRawPointer) throws(AddressError) -> UInt32 {
        let pid: Int, groups: Int
        switch address {
        case .netlink(let p, let g): (pid, groups) = (p, g)
        case .unix: throw .type("\(caller)(): AF_NETLINK address must be tuple, not str")
        case .unixBytes: throw .type("\(caller)(): AF_NETLINK address must be tuple, not bytes")
        default: throw .type("AF_NETLINK address must be a pair (pid, groups)")
        }
        var nl = cpy_sockaddr_nl()
        nl.nl_family = sa_family_t(AF_NETLINK)
        nl.nl_pid = UInt32(truncatingIfNeeded: pid)
        nl.nl_groups = UInt32(truncatingIfNeeded: groups)
        raw.storeBytes(of: nl, as: cpy_sockaddr_nl.self)
        return UInt32(MemoryLayout<cpy_sockaddr_nl>.size)
    }

    /// AF_PACKET: `(ifname, proto[, pkttype[, hatype[, addr]]])`; the interface name becomes its
    /// index (`if_nametoindex(3)`, ENODEV for an unknown one).
    private static func writePacket(_ address: SocketAddress, caller: String, into raw: UnsafeMutableRawPointer) throws(AddressError) -> UInt32 {
        let ifname: String, proto: Int, pkttype: Int, hatype: Int, hardware: bytes
        switch address {
        case .inet(let name, let p): (ifname, proto, pkttype, hatype, hardware) = (name, p, 0, 0, bytes())
        case .inet6(let name, let p, let t, let h): (ifname, proto, pkttype, hatype, hardware) = (name, p, t, h, bytes())
        case .packet(let name, let p, let t, let h, let a): (ifname, proto, pkttype, hatype, hardware) = (name, p, t, h, a)
        case .unix: throw .type("\(caller)(): AF_PACKET address must be tuple, not str")
        case .unixBytes: throw .type("\(caller)(): AF_PACKET address must be tuple, not bytes")
        default: throw .type("AF_PACKET address must be a tuple of two to five elements")
        }
        guard !ifname.utf8.contains(0) else { throw .value("embedded null character") }
        let index = if_nametoindex(ifname)
        guard index != 0 else { throw .errno(Errno(ENODEV)) }
        guard (0...0xFFFF).contains(proto) else { throw .overflow("\(caller)(): proto must be 0-65535.") }
        guard hardware.count <= 8 else { throw .value("Hardware address must be 8 bytes or less") }
        var ll = sockaddr_ll()
        ll.sll_family = UInt16(AF_PACKET)
        ll.sll_protocol = UInt16(proto).bigEndian
        ll.sll_ifindex = Int32(bitPattern: index)
        ll.sll_pkttype = UInt8(truncatingIfNeeded: pkttype)
        ll.sll_hatype = UInt16(truncatingIfNeeded: hatype)
        ll.sll_halen = UInt8(hardware.count)
        withUnsafeMutableBytes(of: &ll.sll_addr) { $0.copyBytes(from: hardware.storage) }
        raw.storeBytes(of: ll, as: sockaddr_ll.self)
        return UInt32(MemoryLayout<sockaddr_ll>.size)
    }
}
#endif
