// The portable constants of Python's socket module, typed as CPython types them.

extension socket {
    // Address families: `socket.AddressFamily` members.
    /// `socket.AF_UNSPEC`: any address family (getaddrinfo).
    /// Python: `socket.AF_UNSPEC`. C: `AF_UNSPEC`.
    public static let AF_UNSPEC = AddressFamily(NativeConstants.AF_UNSPEC)
    /// `socket.AF_UNIX`: local (Unix domain) sockets.
    /// Python: `socket.AF_UNIX`. C: `AF_UNIX`.
    public static let AF_UNIX = AddressFamily(NativeConstants.AF_UNIX)
    /// `socket.AF_INET`: IPv4.
    /// Python: `socket.AF_INET`. C: `AF_INET`.
    public static let AF_INET = AddressFamily(NativeConstants.AF_INET)
    /// `socket.AF_INET6`: IPv6.
    /// Python: `socket.AF_INET6`. C: `AF_INET6`.
    public static let AF_INET6 = AddressFamily(NativeConstants.AF_INET6)

    // Socket types: `socket.SocketKind` members, and the creation flags that ride on them.
    /// `socket.SOCK_STREAM`: a reliable byte stream (TCP).
    /// Python: `socket.SOCK_STREAM`. C: `SOCK_STREAM`.
    public static let SOCK_STREAM = SocketKind(NativeConstants.SOCK_STREAM)
    /// `socket.SOCK_DGRAM`: datagrams (UDP).
    /// Python: `socket.SOCK_DGRAM`. C: `SOCK_DGRAM`.
    public static let SOCK_DGRAM = SocketKind(NativeConstants.SOCK_DGRAM)
    /// `socket.SOCK_RAW`: raw protocol access.
    /// Python: `socket.SOCK_RAW`. C: `SOCK_RAW`.
    public static let SOCK_RAW = SocketKind(NativeConstants.SOCK_RAW)
    /// `socket.SOCK_RDM`: reliable datagrams.
    /// Python: `socket.SOCK_RDM`. C: `SOCK_RDM`.
    public static let SOCK_RDM = SocketKind(NativeConstants.SOCK_RDM)
    /// `socket.SOCK_SEQPACKET`: reliable, ordered datagrams.
    /// Python: `socket.SOCK_SEQPACKET`. C: `SOCK_SEQPACKET`.
    public static let SOCK_SEQPACKET = SocketKind(NativeConstants.SOCK_SEQPACKET)
    /// `socket.SOCK_NONBLOCK`: create the socket non-blocking (OR it into a type).
    /// Python: `socket.SOCK_NONBLOCK`. C: `SOCK_NONBLOCK`.
    public static let SOCK_NONBLOCK = SocketKind(NativeConstants.SOCK_NONBLOCK)
    /// `socket.SOCK_CLOEXEC`: create the socket close-on-exec (OR it into a type).
    /// Python: `socket.SOCK_CLOEXEC`. C: `SOCK_CLOEXEC`.
    public static let SOCK_CLOEXEC = SocketKind(NativeConstants.SOCK_CLOEXEC)

    // Levels and options: plain `int`s in Python.
    /// `socket.SOL_SOCKET`: the socket level of get/setsockopt.
    /// Python: `socket.SOL_SOCKET`. C: `SOL_SOCKET`.
    public static let SOL_SOCKET: Int = NativeConstants.SOL_SOCKET
    /// `socket.SO_ERROR`: read and clear the pending error.
    /// Python: `socket.SO_ERROR`. C: `SO_ERROR`.
    public static let SO_ERROR: Int = NativeConstants.SO_ERROR
    /// `socket.SO_TYPE`: the socket type.
    /// Python: `socket.SO_TYPE`. C: `SO_TYPE`.
    public static let SO_TYPE: Int = NativeConstants.SO_TYPE
    /// `socket.SO_DOMAIN`: the address family.
    /// Python: `socket.SO_DOMAIN`. C: `SO_DOMAIN`.
    public static let SO_DOMAIN: Int = NativeConstants.SO_DOMAIN
    /// `socket.SO_PROTOCOL`: the protocol.
    /// Python: `socket.SO_PROTOCOL`. C: `SO_PROTOCOL`.
    public static let SO_PROTOCOL: Int = NativeConstants.SO_PROTOCOL
    /// `socket.SO_REUSEADDR`: allow reuse of local addresses.
    /// Python: `socket.SO_REUSEADDR`. C: `SO_REUSEADDR`.
    public static let SO_REUSEADDR: Int = NativeConstants.SO_REUSEADDR
    /// `socket.SO_REUSEPORT`: allow several sockets to bind one port.
    /// Python: `socket.SO_REUSEPORT`. C: `SO_REUSEPORT`.
    public static let SO_REUSEPORT: Int = NativeConstants.SO_REUSEPORT
    /// `socket.SO_KEEPALIVE`: send keep-alive probes.
    /// Python: `socket.SO_KEEPALIVE`. C: `SO_KEEPALIVE`.
    public static let SO_KEEPALIVE: Int = NativeConstants.SO_KEEPALIVE
    /// `socket.SO_BROADCAST`: allow sending to broadcast addresses.
    /// Python: `socket.SO_BROADCAST`. C: `SO_BROADCAST`.
    public static let SO_BROADCAST: Int = NativeConstants.SO_BROADCAST
    /// `socket.SO_LINGER`: linger on close (a packed struct linger).
    /// Python: `socket.SO_LINGER`. C: `SO_LINGER`.
    public static let SO_LINGER: Int = NativeConstants.SO_LINGER
    /// `socket.SO_RCVBUF`: receive buffer size.
    /// Python: `socket.SO_RCVBUF`. C: `SO_RCVBUF`.
    public static let SO_RCVBUF: Int = NativeConstants.SO_RCVBUF
    /// `socket.SO_SNDBUF`: send buffer size.
    /// Python: `socket.SO_SNDBUF`. C: `SO_SNDBUF`.
    public static let SO_SNDBUF: Int = NativeConstants.SO_SNDBUF
    /// `socket.SO_RCVLOWAT`: receive low-water mark.
    /// Python: `socket.SO_RCVLOWAT`. C: `SO_RCVLOWAT`.
    public static let SO_RCVLOWAT: Int = NativeConstants.SO_RCVLOWAT
    /// `socket.SO_SNDLOWAT`: send low-water mark.
    /// Python: `socket.SO_SNDLOWAT`. C: `SO_SNDLOWAT`.
    public static let SO_SNDLOWAT: Int = NativeConstants.SO_SNDLOWAT
    /// `socket.SO_RCVTIMEO`: kernel receive timeout (a packed struct timeval).
    /// Python: `socket.SO_RCVTIMEO`. C: `SO_RCVTIMEO`.
    public static let SO_RCVTIMEO: Int = NativeConstants.SO_RCVTIMEO
    /// `socket.SO_SNDTIMEO`: kernel send timeout (a packed struct timeval).
    /// Python: `socket.SO_SNDTIMEO`. C: `SO_SNDTIMEO`.
    public static let SO_SNDTIMEO: Int = NativeConstants.SO_SNDTIMEO
    /// `socket.SO_ACCEPTCONN`: whether the socket is listening.
    /// Python: `socket.SO_ACCEPTCONN`. C: `SO_ACCEPTCONN`.
    public static let SO_ACCEPTCONN: Int = NativeConstants.SO_ACCEPTCONN
    /// `socket.SO_OOBINLINE`: receive out-of-band data inline.
    /// Python: `socket.SO_OOBINLINE`. C: `SO_OOBINLINE`.
    public static let SO_OOBINLINE: Int = NativeConstants.SO_OOBINLINE
    /// `socket.SO_DEBUG`: socket debugging.
    /// Python: `socket.SO_DEBUG`. C: `SO_DEBUG`.
    public static let SO_DEBUG: Int = NativeConstants.SO_DEBUG
    /// `socket.SO_DONTROUTE`: bypass routing.
    /// Python: `socket.SO_DONTROUTE`. C: `SO_DONTROUTE`.
    public static let SO_DONTROUTE: Int = NativeConstants.SO_DONTROUTE
    /// `socket.SO_PASSCRED`: receive SCM_CREDENTIALS.
    /// Python: `socket.SO_PASSCRED`. C: `SO_PASSCRED`.
    public static let SO_PASSCRED: Int = NativeConstants.SO_PASSCRED
    /// `socket.SO_PEERCRED`: the peer's credentials (a packed struct ucred).
    /// Python: `socket.SO_PEERCRED`. C: `SO_PEERCRED`.
    public static let SO_PEERCRED: Int = NativeConstants.SO_PEERCRED
    /// `socket.SOMAXCONN`: the largest listen backlog.
    /// Python: `socket.SOMAXCONN`. C: `SOMAXCONN`.
    public static let SOMAXCONN: Int = NativeConstants.SOMAXCONN
    /// `socket.IPPROTO_IP`: the IPv4 level / default protocol.
    /// Python: `socket.IPPROTO_IP`. C: `IPPROTO_IP`.
    public static let IPPROTO_IP: Int = NativeConstants.IPPROTO_IP
    /// `socket.IPPROTO_TCP`: TCP.
    /// Python: `socket.IPPROTO_TCP`. C: `IPPROTO_TCP`.
    public static let IPPROTO_TCP: Int = NativeConstants.IPPROTO_TCP
    /// `socket.IPPROTO_UDP`: UDP.
    /// Python: `socket.IPPROTO_UDP`. C: `IPPROTO_UDP`.
    public static let IPPROTO_UDP: Int = NativeConstants.IPPROTO_UDP
    /// `socket.IPPROTO_IPV6`: the IPv6 level.
    /// Python: `socket.IPPROTO_IPV6`. C: `IPPROTO_IPV6`.
    public static let IPPROTO_IPV6: Int = NativeConstants.IPPROTO_IPV6
    /// `socket.IPPROTO_ICMP`: ICMP.
    /// Python: `socket.IPPROTO_ICMP`. C: `IPPROTO_ICMP`.
    public static let IPPROTO_ICMP: Int = NativeConstants.IPPROTO_ICMP
    /// `socket.IPPROTO_ICMPV6`: ICMPv6.
    /// Python: `socket.IPPROTO_ICMPV6`. C: `IPPROTO_ICMPV6`.
    public static let IPPROTO_ICMPV6: Int = NativeConstants.IPPROTO_ICMPV6
    /// `socket.IPPROTO_RAW`: raw IP packets.
    /// Python: `socket.IPPROTO_RAW`. C: `IPPROTO_RAW`.
    public static let IPPROTO_RAW: Int = NativeConstants.IPPROTO_RAW
    /// `socket.TCP_NODELAY`: disable Nagle's algorithm.
    /// Python: `socket.TCP_NODELAY`. C: `TCP_NODELAY`.
    public static let TCP_NODELAY: Int = NativeConstants.TCP_NODELAY
    /// `socket.TCP_MAXSEG`: the maximum segment size.
    /// Python: `socket.TCP_MAXSEG`. C: `TCP_MAXSEG`.
    public static let TCP_MAXSEG: Int = NativeConstants.TCP_MAXSEG
    /// `socket.TCP_KEEPIDLE`: idle seconds before keep-alive probes.
    /// Python: `socket.TCP_KEEPIDLE`. C: `TCP_KEEPIDLE`.
    public static let TCP_KEEPIDLE: Int = NativeConstants.TCP_KEEPIDLE
    /// `socket.TCP_KEEPINTVL`: seconds between keep-alive probes.
    /// Python: `socket.TCP_KEEPINTVL`. C: `TCP_KEEPINTVL`.
    public static let TCP_KEEPINTVL: Int = NativeConstants.TCP_KEEPINTVL
    /// `socket.TCP_KEEPCNT`: keep-alive probes before dropping.
    /// Python: `socket.TCP_KEEPCNT`. C: `TCP_KEEPCNT`.
    public static let TCP_KEEPCNT: Int = NativeConstants.TCP_KEEPCNT
    /// `socket.IPV6_V6ONLY`: restrict an AF_INET6 socket to IPv6.
    /// Python: `socket.IPV6_V6ONLY`. C: `IPV6_V6ONLY`.
    public static let IPV6_V6ONLY: Int = NativeConstants.IPV6_V6ONLY
    /// `socket.IP_TTL`: the time-to-live of sent packets.
    /// Python: `socket.IP_TTL`. C: `IP_TTL`.
    public static let IP_TTL: Int = NativeConstants.IP_TTL
    /// `socket.IP_TOS`: the type-of-service field.
    /// Python: `socket.IP_TOS`. C: `IP_TOS`.
    public static let IP_TOS: Int = NativeConstants.IP_TOS
    /// `socket.IP_MULTICAST_TTL`: the time-to-live of multicast packets.
    /// Python: `socket.IP_MULTICAST_TTL`. C: `IP_MULTICAST_TTL`.
    public static let IP_MULTICAST_TTL: Int = NativeConstants.IP_MULTICAST_TTL
    /// `socket.IP_MULTICAST_LOOP`: loop multicast back to local sockets.
    /// Python: `socket.IP_MULTICAST_LOOP`. C: `IP_MULTICAST_LOOP`.
    public static let IP_MULTICAST_LOOP: Int = NativeConstants.IP_MULTICAST_LOOP

    // Message flags: `socket.MsgFlag` members.
    /// `socket.MSG_OOB`: out-of-band data.
    /// Python: `socket.MSG_OOB`. C: `MSG_OOB`.
    public static let MSG_OOB = MsgFlag(NativeConstants.MSG_OOB)
    /// `socket.MSG_PEEK`: read without consuming.
    /// Python: `socket.MSG_PEEK`. C: `MSG_PEEK`.
    public static let MSG_PEEK = MsgFlag(NativeConstants.MSG_PEEK)
    /// `socket.MSG_DONTROUTE`: bypass routing.
    /// Python: `socket.MSG_DONTROUTE`. C: `MSG_DONTROUTE`.
    public static let MSG_DONTROUTE = MsgFlag(NativeConstants.MSG_DONTROUTE)
    /// `socket.MSG_DONTWAIT`: this call only, non-blocking.
    /// Python: `socket.MSG_DONTWAIT`. C: `MSG_DONTWAIT`.
    public static let MSG_DONTWAIT = MsgFlag(NativeConstants.MSG_DONTWAIT)
    /// `socket.MSG_EOR`: end of record.
    /// Python: `socket.MSG_EOR`. C: `MSG_EOR`.
    public static let MSG_EOR = MsgFlag(NativeConstants.MSG_EOR)
    /// `socket.MSG_TRUNC`: the datagram was truncated.
    /// Python: `socket.MSG_TRUNC`. C: `MSG_TRUNC`.
    public static let MSG_TRUNC = MsgFlag(NativeConstants.MSG_TRUNC)
    /// `socket.MSG_CTRUNC`: the control data was truncated.
    /// Python: `socket.MSG_CTRUNC`. C: `MSG_CTRUNC`.
    public static let MSG_CTRUNC = MsgFlag(NativeConstants.MSG_CTRUNC)
    /// `socket.MSG_WAITALL`: wait for the full amount.
    /// Python: `socket.MSG_WAITALL`. C: `MSG_WAITALL`.
    public static let MSG_WAITALL = MsgFlag(NativeConstants.MSG_WAITALL)
    /// `socket.MSG_NOSIGNAL`: no SIGPIPE on a broken connection.
    /// Python: `socket.MSG_NOSIGNAL`. C: `MSG_NOSIGNAL`.
    public static let MSG_NOSIGNAL = MsgFlag(NativeConstants.MSG_NOSIGNAL)
    /// `socket.MSG_CMSG_CLOEXEC`: received fds are close-on-exec.
    /// Python: `socket.MSG_CMSG_CLOEXEC`. C: `MSG_CMSG_CLOEXEC`.
    public static let MSG_CMSG_CLOEXEC = MsgFlag(NativeConstants.MSG_CMSG_CLOEXEC)
    /// `socket.MSG_ERRQUEUE`: read the error queue.
    /// Python: `socket.MSG_ERRQUEUE`. C: `MSG_ERRQUEUE`.
    public static let MSG_ERRQUEUE = MsgFlag(NativeConstants.MSG_ERRQUEUE)
    /// `socket.MSG_CONFIRM`: the link layer made progress.
    /// Python: `socket.MSG_CONFIRM`. C: `MSG_CONFIRM`.
    public static let MSG_CONFIRM = MsgFlag(NativeConstants.MSG_CONFIRM)
    /// `socket.MSG_MORE`: more data follows.
    /// Python: `socket.MSG_MORE`. C: `MSG_MORE`.
    public static let MSG_MORE = MsgFlag(NativeConstants.MSG_MORE)
    /// `socket.MSG_FASTOPEN`: send data in the SYN (TCP Fast Open).
    /// Python: `socket.MSG_FASTOPEN`. C: `MSG_FASTOPEN`.
    public static let MSG_FASTOPEN = MsgFlag(NativeConstants.MSG_FASTOPEN)

    // shutdown(2): plain `int`s in Python.
    /// `socket.SHUT_RD`: stop receiving.
    /// Python: `socket.SHUT_RD`. C: `SHUT_RD`.
    public static let SHUT_RD: Int = NativeConstants.SHUT_RD
    /// `socket.SHUT_WR`: stop sending.
    /// Python: `socket.SHUT_WR`. C: `SHUT_WR`.
    public static let SHUT_WR: Int = NativeConstants.SHUT_WR
    /// `socket.SHUT_RDWR`: stop both.
    /// Python: `socket.SHUT_RDWR`. C: `SHUT_RDWR`.
    public static let SHUT_RDWR: Int = NativeConstants.SHUT_RDWR

    // getaddrinfo flags: `socket.AddressInfo` members.
    /// `socket.AI_PASSIVE`: addresses to bind to.
    /// Python: `socket.AI_PASSIVE`. C: `AI_PASSIVE`.
    public static let AI_PASSIVE = AddressInfo(NativeConstants.AI_PASSIVE)
    /// `socket.AI_CANONNAME`: return the canonical name.
    /// Python: `socket.AI_CANONNAME`. C: `AI_CANONNAME`.
    public static let AI_CANONNAME = AddressInfo(NativeConstants.AI_CANONNAME)
    /// `socket.AI_NUMERICHOST`: the host is a numeric address.
    /// Python: `socket.AI_NUMERICHOST`. C: `AI_NUMERICHOST`.
    public static let AI_NUMERICHOST = AddressInfo(NativeConstants.AI_NUMERICHOST)
    /// `socket.AI_NUMERICSERV`: the port is numeric.
    /// Python: `socket.AI_NUMERICSERV`. C: `AI_NUMERICSERV`.
    public static let AI_NUMERICSERV = AddressInfo(NativeConstants.AI_NUMERICSERV)
    /// `socket.AI_V4MAPPED`: IPv4-mapped IPv6 addresses.
    /// Python: `socket.AI_V4MAPPED`. C: `AI_V4MAPPED`.
    public static let AI_V4MAPPED = AddressInfo(NativeConstants.AI_V4MAPPED)
    /// `socket.AI_ALL`: both IPv4-mapped and IPv6.
    /// Python: `socket.AI_ALL`. C: `AI_ALL`.
    public static let AI_ALL = AddressInfo(NativeConstants.AI_ALL)
    /// `socket.AI_ADDRCONFIG`: only families configured on this host.
    /// Python: `socket.AI_ADDRCONFIG`. C: `AI_ADDRCONFIG`.
    public static let AI_ADDRCONFIG = AddressInfo(NativeConstants.AI_ADDRCONFIG)
}
