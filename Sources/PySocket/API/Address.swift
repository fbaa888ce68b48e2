// Socket addresses as Python spells them: tuples, str paths and bytes, one enum case per shape.

/// A socket address, in the shape CPython uses for its family.
///
/// Python returns addresses as tuples (`('127.0.0.1', 8080)`, `('::1', 8080, 0, 0)`), `str`
/// paths for AF_UNIX and `bytes` for Linux abstract AF_UNIX names; each case is one of those
/// shapes, and prints exactly as CPython prints it. PySocket's methods also take Swift tuples
/// and string literals wherever Python takes an address.
///
/// Python: the address values of the `socket` module. C: `struct sockaddr_*`.
///
/// The two rare shapes (`packet`, `other`) are `indirect`, so that the value is 41 bytes rather
/// than 66: at 66 Swift destroys it through its value witness table, which cost 65 instructions
/// per address a `recvfrom` or `accept` returned (callgrind, `Benchmarks/RESULTS.md`).
public enum SocketAddress: Sendable, Hashable {
    /// `(host, port)`: AF_INET, and the short form accepted for AF_INET6.
    ///
    /// Python: an AF_INET address. C: `struct sockaddr_in`.
    case inet(host: String, port: Int)
    /// `(host, port, flowinfo, scope_id)`: AF_INET6.
    ///
    /// Python: an AF_INET6 address. C: `struct sockaddr_in6`.
    case inet6(host: String, port: Int, flowinfo: Int, scope_id: Int)
    /// `'path'`: an AF_UNIX path (`''` for an unnamed socket).
    ///
    /// Python: an AF_UNIX address. C: `struct sockaddr_un`.
    case unix(String)
    /// `b'\x00name'`: a Linux abstract AF_UNIX name, or a path given as bytes.
    ///
    /// Python: an AF_UNIX address given as bytes. C: `struct sockaddr_un`.
    case unixBytes(bytes)
    /// `(pid, groups)`: AF_NETLINK (Linux).
    ///
    /// Python: an AF_NETLINK address. C: `struct sockaddr_nl`.
    case netlink(pid: Int, groups: Int)
    /// `(ifname, proto, pkttype, hatype, addr)`: AF_PACKET (Linux); binding also takes the
    /// 2- to 4-tuple spellings `(ifname, proto[, pkttype[, hatype]])`.
    ///
    /// Python: an AF_PACKET address. C: `struct sockaddr_ll`.
    indirect case packet(ifname: String, proto: Int, pkttype: Int, hatype: Int, addr: bytes)
    /// `None`: the kernel returned no address (an unnamed AF_UNIX datagram sender).
    ///
    /// Python: `None`.
    case noAddress
    /// `(family, bytes)`: a family PySocket does not decode, as CPython returns it.
    ///
    /// Python: `(family, bytes)`. C: `struct sockaddr`.
    indirect case other(family: Int, data: bytes)
}

extension SocketAddress {
    /// `addr[0]` for an IP address: the host string. Empty for other shapes.
    ///
    /// Python: `addr[0]`.
    public var host: String {
        switch self {
        case .inet(let host, _), .inet6(let host, _, _, _): return host
        default: return ""
        }
    }

    /// `addr[1]` for an IP address: the port. 0 for other shapes.
    ///
    /// Python: `addr[1]`.
    public var port: Int {
        switch self {
        case .inet(_, let port), .inet6(_, let port, _, _): return port
        default: return 0
        }
    }
}
