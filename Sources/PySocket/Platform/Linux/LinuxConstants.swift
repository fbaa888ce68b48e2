// Linux's C constants, captured once and qualified, for the core and the Python surface.
#if os(Linux) && canImport(Glibc)
import Glibc
import CPySocket

/// The C values the portable code needs, read from Glibc's headers. The full table of
/// Python-visible constants is generated separately (see scripts/).
enum LinuxConstants {
    // Address families.
    static let AF_UNSPEC = Int(Glibc.AF_UNSPEC)
    static let AF_UNIX = Int(Glibc.AF_UNIX)
    static let AF_INET = Int(Glibc.AF_INET)
    static let AF_INET6 = Int(Glibc.AF_INET6)

    // Socket types and the flags that ride on them.
    static let SOCK_STREAM = Int(Glibc.SOCK_STREAM.rawValue)
    static let SOCK_DGRAM = Int(Glibc.SOCK_DGRAM.rawValue)
    static let SOCK_RAW = Int(Glibc.SOCK_RAW.rawValue)
    static let SOCK_RDM = Int(Glibc.SOCK_RDM.rawValue)
    static let SOCK_SEQPACKET = Int(Glibc.SOCK_SEQPACKET.rawValue)
    static let SOCK_NONBLOCK = Int(Glibc.SOCK_NONBLOCK.rawValue)
    static let SOCK_CLOEXEC = Int(Glibc.SOCK_CLOEXEC.rawValue)

    // Levels and options.
    static let SOL_SOCKET = Int(Glibc.SOL_SOCKET)
    static let SO_ERROR = Int(Glibc.SO_ERROR)
    static let SO_TYPE = Int(Glibc.SO_TYPE)
    static let SO_DOMAIN = Int(Glibc.SO_DOMAIN)
    static let SO_PROTOCOL = Int(Glibc.SO_PROTOCOL)
    static let SO_REUSEADDR = Int(Glibc.SO_REUSEADDR)
    static let SO_REUSEPORT = Int(Glibc.SO_REUSEPORT)
    static let SO_KEEPALIVE = Int(Glibc.SO_KEEPALIVE)
    static let SO_BROADCAST = Int(Glibc.SO_BROADCAST)
    static let SO_LINGER = Int(Glibc.SO_LINGER)
    static let SO_RCVBUF = Int(Glibc.SO_RCVBUF)
    static let SO_SNDBUF = Int(Glibc.SO_SNDBUF)
    static let SO_RCVLOWAT = Int(Glibc.SO_RCVLOWAT)
    static let SO_SNDLOWAT = Int(Glibc.SO_SNDLOWAT)
    static let SO_RCVTIMEO = Int(Glibc.SO_RCVTIMEO)
    static let SO_SNDTIMEO = Int(Glibc.SO_SNDTIMEO)
    static let SO_ACCEPTCONN = Int(Glibc.SO_ACCEPTCONN)
    static let SO_OOBINLINE = Int(Glibc.SO_OOBINLINE)
    static let SO_DEBUG = Int(Glibc.SO_DEBUG)
    static let SO_DONTROUTE = Int(Glibc.SO_DONTROUTE)
    static let SO_PASSCRED = Int(Glibc.SO_PASSCRED)
    static let SO_PEERCRED = Int(Glibc.SO_PEERCRED)
    static let SOMAXCONN = Int(Glibc.SOMAXCONN)
    static let IPPROTO_IP = Int(Glibc.IPPROTO_IP)
    static let IPPROTO_TCP = Int(Glibc.IPPROTO_TCP)
    static let IPPROTO_UDP = Int(Glibc.IPPROTO_UDP)
    static let IPPROTO_IPV6 = Int(Glibc.IPPROTO_IPV6)
    static let IPPROTO_ICMP = Int(Glibc.IPPROTO_ICMP)
    static let IPPROTO_ICMPV6 = Int(Glibc.IPPROTO_ICMPV6)
    static let IPPROTO_RAW = Int(Glibc.IPPROTO_RAW)
    static let TCP_NODELAY = Int(Glibc.TCP_NODELAY)
    static let TCP_MAXSEG = Int(Glibc.TCP_MAXSEG)
    static let TCP_KEEPIDLE = Int(Glibc.TCP_KEEPIDLE)
    static let TCP_KEEPINTVL = Int(Glibc.TCP_KEEPINTVL)
    static let TCP_KEEPCNT = Int(Glibc.TCP_KEEPCNT)
    static let IPV6_V6ONLY = Int(Glibc.IPV6_V6ONLY)
    static let IP_TTL = Int(Glibc.IP_TTL)
    static let IP_TOS = Int(Glibc.IP_TOS)
    static let IP_MULTICAST_TTL = Int(Glibc.IP_MULTICAST_TTL)
    static let IP_MULTICAST_LOOP = Int(Glibc.IP_MULTICAST_LOOP)

    // Message flags.
    static let MSG_OOB = Int(Glibc.MSG_OOB)
    static let MSG_PEEK = Int(Glibc.MSG_PEEK)
    static let MSG_DONTROUTE = Int(Glibc.MSG_DONTROUTE)
    static let MSG_DONTWAIT = Int(Glibc.MSG_DONTWAIT)
    static let MSG_EOR = Int(Glibc.MSG_EOR)
    static let MSG_TRUNC = Int(Glibc.MSG_TRUNC)
    static let MSG_CTRUNC = Int(Glibc.MSG_CTRUNC)
    static let MSG_WAITALL = Int(Glibc.MSG_WAITALL)
    static let MSG_NOSIGNAL = Int(Glibc.MSG_NOSIGNAL)
    static let MSG_CMSG_CLOEXEC = Int(Glibc.MSG_CMSG_CLOEXEC)
    static let MSG_ERRQUEUE = Int(Glibc.MSG_ERRQUEUE)
    static let MSG_CONFIRM = Int(Glibc.MSG_CONFIRM)
    static let MSG_MORE = Int(Glibc.MSG_MORE)
    static let MSG_FASTOPEN = Int(Glibc.MSG_FASTOPEN)

    // shutdown(2).
    static let SHUT_RD = Int(Glibc.SHUT_RD)
    static let SHUT_WR = Int(Glibc.SHUT_WR)
    static let SHUT_RDWR = Int(Glibc.SHUT_RDWR)

    // getaddrinfo flags.
    static let AI_PASSIVE = Int(Glibc.AI_PASSIVE)
    static let AI_CANONNAME = Int(Glibc.AI_CANONNAME)
    static let AI_NUMERICHOST = Int(Glibc.AI_NUMERICHOST)
    static let AI_NUMERICSERV = Int(Glibc.AI_NUMERICSERV)
    static let AI_V4MAPPED = Int(Glibc.AI_V4MAPPED)
    static let AI_ALL = Int(Glibc.AI_ALL)
    static let AI_ADDRCONFIG = Int(Glibc.AI_ADDRCONFIG)

    // poll(2), fcntl(2).
    static let POLLIN = Int16(Glibc.POLLIN)
    static let POLLOUT = Int16(Glibc.POLLOUT)
    static let POLLERR = Int16(Glibc.POLLERR)
    static let POLLHUP = Int16(Glibc.POLLHUP)
    static let F_GETFL = Int32(Glibc.F_GETFL)
    static let F_SETFL = Int32(Glibc.F_SETFL)
    static let F_GETFD = Int32(Glibc.F_GETFD)
    static let F_SETFD = Int32(Glibc.F_SETFD)
    static let F_DUPFD_CLOEXEC = Int32(Glibc.F_DUPFD_CLOEXEC)
    static let FD_CLOEXEC = Int32(Glibc.FD_CLOEXEC)
    static let O_NONBLOCK = Int32(Glibc.O_NONBLOCK)

    // Address structure sizes.
    static let sockaddrStorageSize = MemoryLayout<sockaddr_storage>.size
    static let sunPathOffset = Int(cpy_sun_path_offset())
    static let sunPathCapacity = Int(cpy_sun_path_capacity())

    // Linux-only address families: the other members of Python's socket.AddressFamily here.
    static let AF_AX25 = Int(Glibc.AF_AX25)
    static let AF_IPX = Int(Glibc.AF_IPX)
    static let AF_APPLETALK = Int(Glibc.AF_APPLETALK)
    static let AF_NETROM = Int(Glibc.AF_NETROM)
    static let AF_BRIDGE = Int(Glibc.AF_BRIDGE)
    static let AF_ATMPVC = Int(Glibc.AF_ATMPVC)
    static let AF_X25 = Int(Glibc.AF_X25)
    static let AF_ROSE = Int(Glibc.AF_ROSE)
    static let AF_NETBEUI = Int(Glibc.AF_NETBEUI)
    static let AF_SECURITY = Int(Glibc.AF_SECURITY)
    static let AF_KEY = Int(Glibc.AF_KEY)
    static let AF_NETLINK = Int(Glibc.AF_NETLINK)
    static let AF_ROUTE = Int(Glibc.AF_ROUTE)
    static let AF_PACKET = Int(Glibc.AF_PACKET)
    static let AF_ASH = Int(Glibc.AF_ASH)
    static let AF_ECONET = Int(Glibc.AF_ECONET)
    static let AF_ATMSVC = Int(Glibc.AF_ATMSVC)
    static let AF_RDS = Int(Glibc.AF_RDS)
    static let AF_SNA = Int(Glibc.AF_SNA)
    static let AF_IRDA = Int(Glibc.AF_IRDA)
    static let AF_PPPOX = Int(Glibc.AF_PPPOX)
    static let AF_WANPIPE = Int(Glibc.AF_WANPIPE)
    static let AF_LLC = Int(Glibc.AF_LLC)
    static let AF_CAN = Int(Glibc.AF_CAN)
    static let AF_TIPC = Int(Glibc.AF_TIPC)
    static let AF_ALG = Int(Glibc.AF_ALG)
    static let AF_VSOCK = Int(Glibc.AF_VSOCK)
    static let AF_QIPCRTR = Int(Glibc.AF_QIPCRTR)

    /// The members of Python's `socket.AddressFamily` that only this platform has, in CPython's
    /// order (`AF_ROUTE` is an alias of `AF_NETLINK`, so the first name wins).
    static let platformAddressFamilies: [(name: String, value: Int)] = [
        ("AF_AX25", AF_AX25),
        ("AF_IPX", AF_IPX),
        ("AF_APPLETALK", AF_APPLETALK),
        ("AF_NETROM", AF_NETROM),
        ("AF_BRIDGE", AF_BRIDGE),
        ("AF_ATMPVC", AF_ATMPVC),
        ("AF_X25", AF_X25),
        ("AF_ROSE", AF_ROSE),
        ("AF_NETBEUI", AF_NETBEUI),
        ("AF_SECURITY", AF_SECURITY),
        ("AF_KEY", AF_KEY),
        ("AF_NETLINK", AF_NETLINK),
        ("AF_ROUTE", AF_ROUTE),
        ("AF_PACKET", AF_PACKET),
        ("AF_ASH", AF_ASH),
        ("AF_ECONET", AF_ECONET),
        ("AF_ATMSVC", AF_ATMSVC),
        ("AF_RDS", AF_RDS),
        ("AF_SNA", AF_SNA),
        ("AF_IRDA", AF_IRDA),
        ("AF_PPPOX", AF_PPPOX),
        ("AF_WANPIPE", AF_WANPIPE),
        ("AF_LLC", AF_LLC),
        ("AF_CAN", AF_CAN),
        ("AF_TIPC", AF_TIPC),
        ("AF_ALG", AF_ALG),
        ("AF_VSOCK", AF_VSOCK),
        ("AF_QIPCRTR", AF_QIPCRTR),
    ]
}

/// libc functions that are not system calls.
enum LinuxLibc {
    /// C: `strerror(3)` (glibc's message, the same text CPython prints).
    static func strerror(_ code: Int32) -> String {
        String(cString: Glibc.strerror(code))
    }

    /// C: `gai_strerror(3)`.
    static func gaiStrerror(_ code: Int32) -> String {
        String(cString: Glibc.gai_strerror(code))
    }
}
#endif
