// Python's address spellings for every method that takes an address: tuples, str paths and bytes.

extension socket {
    /// `s.bind((host, port))`.
    ///
    /// Python: `socket.bind()`. C: `bind(2)`.
    public func bind(_ address: (String, Int)) throws { try bind(.inet(host: address.0, port: address.1)) }
    /// `s.bind((host, port, flowinfo))` (AF_INET6).
    ///
    /// Python: `socket.bind()`. C: `bind(2)`.
    public func bind(_ address: (String, Int, Int)) throws { try bind(.inet6(address.0, address.1, address.2)) }
    /// `s.bind((host, port, flowinfo, scope_id))` (AF_INET6).
    ///
    /// Python: `socket.bind()`. C: `bind(2)`.
    public func bind(_ address: (String, Int, Int, Int)) throws { try bind(.inet6(address)) }
    /// `s.bind(path)` (AF_UNIX; `""` autobinds to an abstract name on Linux).
    ///
    /// Python: `socket.bind()`. C: `bind(2)`.
    public func bind(_ path: String) throws { try bind(.unix(path)) }
    /// `s.bind(b"\0name")` (AF_UNIX: a path as bytes, or a Linux abstract name).
    ///
    /// Python: `socket.bind()`. C: `bind(2)`.
    public func bind(_ path: bytes) throws { try bind(.unixBytes(path)) }

    /// `s.connect((host, port))`.
    ///
    /// Python: `socket.connect()`. C: `connect(2)` (under a timeout, `poll(2)` and `getsockopt(SO_ERROR)`).
    public func connect(_ address: (String, Int)) throws { try connect(.inet(host: address.0, port: address.1)) }
    /// `s.connect((host, port, flowinfo))` (AF_INET6).
    ///
    /// Python: `socket.connect()`. C: `connect(2)` (under a timeout, `poll(2)` and `getsockopt(SO_ERROR)`).
    public func connect(_ address: (String, Int, Int)) throws { try connect(.inet6(address.0, address.1, address.2)) }
    /// `s.connect((host, port, flowinfo, scope_id))` (AF_INET6).
    ///
    /// Python: `socket.connect()`. C: `connect(2)` (under a timeout, `poll(2)` and `getsockopt(SO_ERROR)`).
    public func connect(_ address: (String, Int, Int, Int)) throws { try connect(.inet6(address)) }
    /// `s.connect(path)` (AF_UNIX).
    ///
    /// Python: `socket.connect()`. C: `connect(2)` (under a timeout, `poll(2)` and `getsockopt(SO_ERROR)`).
    public func connect(_ path: String) throws { try connect(.unix(path)) }
    /// `s.connect(b"\0name")` (AF_UNIX).
    ///
    /// Python: `socket.connect()`. C: `connect(2)` (under a timeout, `poll(2)` and `getsockopt(SO_ERROR)`).
    public func connect(_ path: bytes) throws { try connect(.unixBytes(path)) }

    /// `s.connect_ex((host, port))`.
    ///
    /// Python: `socket.connect_ex()`. C: `connect(2)`.
    public func connect_ex(_ address: (String, Int)) throws -> Int { try connect_ex(.inet(host: address.0, port: address.1)) }
    /// `s.connect_ex((host, port, flowinfo))` (AF_INET6).
    ///
    /// Python: `socket.connect_ex()`. C: `connect(2)`.
    public func connect_ex(_ address: (String, Int, Int)) throws -> Int { try connect_ex(.inet6(address.0, address.1, address.2)) }
    /// `s.connect_ex((host, port, flowinfo, scope_id))` (AF_INET6).
    ///
    /// Python: `socket.connect_ex()`. C: `connect(2)`.
    public func connect_ex(_ address: (String, Int, Int, Int)) throws -> Int { try connect_ex(.inet6(address)) }
    /// `s.connect_ex(path)` (AF_UNIX).
    ///
    /// Python: `socket.connect_ex()`. C: `connect(2)`.
    public func connect_ex(_ path: String) throws -> Int { try connect_ex(.unix(path)) }
    /// `s.connect_ex(b"\0name")` (AF_UNIX).
    ///
    /// Python: `socket.connect_ex()`. C: `connect(2)`.
    public func connect_ex(_ path: bytes) throws -> Int { try connect_ex(.unixBytes(path)) }

    /// `s.sendto(data, (host, port))`.
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    public func sendto(_ data: bytes, _ address: (String, Int)) throws -> Int { try sendto(data, .inet(host: address.0, port: address.1)) }
    /// `s.sendto(data, flags, (host, port))`.
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    public func sendto(_ data: bytes, _ flags: MsgFlag, _ address: (String, Int)) throws -> Int { try sendto(data, flags, .inet(host: address.0, port: address.1)) }
    /// `s.sendto(data, (host, port, flowinfo))` (AF_INET6).
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    public func sendto(_ data: bytes, _ address: (String, Int, Int)) throws -> Int { try sendto(data, .inet6(address.0, address.1, address.2)) }
    /// `s.sendto(data, flags, (host, port, flowinfo))` (AF_INET6).
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    public func sendto(_ data: bytes, _ flags: MsgFlag, _ address: (String, Int, Int)) throws -> Int { try sendto(data, flags, .inet6(address.0, address.1, address.2)) }
    /// `s.sendto(data, (host, port, flowinfo, scope_id))` (AF_INET6).
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    public func sendto(_ data: bytes, _ address: (String, Int, Int, Int)) throws -> Int { try sendto(data, .inet6(address)) }
    /// `s.sendto(data, flags, (host, port, flowinfo, scope_id))` (AF_INET6).
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    public func sendto(_ data: bytes, _ flags: MsgFlag, _ address: (String, Int, Int, Int)) throws -> Int { try sendto(data, flags, .inet6(address)) }
    /// `s.sendto(data, path)` (AF_UNIX).
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    public func sendto(_ data: bytes, _ path: String) throws -> Int { try sendto(data, .unix(path)) }
    /// `s.sendto(data, flags, path)` (AF_UNIX).
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    public func sendto(_ data: bytes, _ flags: MsgFlag, _ path: String) throws -> Int { try sendto(data, flags, .unix(path)) }
    /// `s.sendto(data, name)` (AF_UNIX, a path or Linux abstract name given as `bytes`: `b"\0name"`).
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    public func sendto(_ data: bytes, _ name: bytes) throws -> Int { try sendto(data, .unixBytes(name)) }
    /// `s.sendto(data, flags, name)` (AF_UNIX, a `bytes` path or abstract name).
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    public func sendto(_ data: bytes, _ flags: MsgFlag, _ name: bytes) throws -> Int { try sendto(data, flags, .unixBytes(name)) }
}

extension socket {
    /// `s.bind((pid, groups))` (AF_NETLINK, Linux).
    ///
    /// Python: `socket.bind()`. C: `bind(2)`.
    public func bind(_ address: (Int, Int)) throws { try bind(.netlink(pid: address.0, groups: address.1)) }
    /// `s.bind((ifname, proto, pkttype, hatype, addr))` (AF_PACKET, Linux); the shorter forms
    /// `(ifname, proto[, pkttype[, hatype]])` are the tuple overloads above.
    ///
    /// Python: `socket.bind()`. C: `bind(2)`.
    public func bind(_ address: (String, Int, Int, Int, bytes)) throws {
        try bind(.packet(ifname: address.0, proto: address.1, pkttype: address.2, hatype: address.3, addr: address.4))
    }
    /// `s.connect((pid, groups))` (AF_NETLINK, Linux).
    ///
    /// Python: `socket.connect()`. C: `connect(2)` (under a timeout, `poll(2)` and `getsockopt(SO_ERROR)`).
    public func connect(_ address: (Int, Int)) throws { try connect(.netlink(pid: address.0, groups: address.1)) }
    /// `s.sendto(data, (pid, groups))` (AF_NETLINK, Linux).
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    public func sendto(_ data: bytes, _ address: (Int, Int)) throws -> Int { try sendto(data, .netlink(pid: address.0, groups: address.1)) }
}

extension SocketAddress {
    /// `(host, port, flowinfo)`: the 3-tuple form of an AF_INET6 address.
    static func inet6(_ host: String, _ port: Int, _ flowinfo: Int) -> SocketAddress {
        .inet6(host: host, port: port, flowinfo: flowinfo, scope_id: 0)
    }

    /// `(host, port, flowinfo, scope_id)` from a Swift tuple.
    static func inet6(_ tuple: (String, Int, Int, Int)) -> SocketAddress {
        .inet6(host: tuple.0, port: tuple.1, flowinfo: tuple.2, scope_id: tuple.3)
    }
}

extension socket {
    /// `s.sendto(data, (host, port))` for any contiguous bytes (`[UInt8]`, a `String`'s UTF-8...).
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    @inlinable
    public func sendto<Data: Sequence>(_ data: Data, _ address: (String, Int)) throws -> Int where Data.Element == UInt8 {
        try sendto(data, SocketAddress.inet(host: address.0, port: address.1))
    }
    /// `s.sendto(data, flags, (host, port))` for any contiguous bytes.
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    @inlinable
    public func sendto<Data: Sequence>(_ data: Data, _ flags: MsgFlag, _ address: (String, Int)) throws -> Int where Data.Element == UInt8 {
        try sendto(data, flags, SocketAddress.inet(host: address.0, port: address.1))
    }
    /// `s.sendto(data, (host, port, flowinfo, scope_id))` (AF_INET6) for any contiguous bytes.
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    @inlinable
    public func sendto<Data: Sequence>(_ data: Data, _ address: (String, Int, Int, Int)) throws -> Int where Data.Element == UInt8 {
        try sendto(data, SocketAddress.inet6(host: address.0, port: address.1, flowinfo: address.2, scope_id: address.3))
    }
    /// `s.sendto(data, flags, (host, port, flowinfo, scope_id))` (AF_INET6) for any contiguous bytes.
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    @inlinable
    public func sendto<Data: Sequence>(_ data: Data, _ flags: MsgFlag, _ address: (String, Int, Int, Int)) throws -> Int where Data.Element == UInt8 {
        try sendto(data, flags, SocketAddress.inet6(host: address.0, port: address.1, flowinfo: address.2, scope_id: address.3))
    }
}

extension socket {
    /// `s.bind((b"127.0.0.1", port))`: a host given as `bytes` (or a `[UInt8]`, Python's
    /// `bytearray`), as CPython accepts it.
    ///
    /// Python: `socket.bind()` with a bytes host. C: `bind(2)`.
    /// Differs from CPython: host bytes that are not UTF-8 are decoded with replacement characters.
    public func bind<Host: Sequence>(_ address: (Host, Int)) throws where Host.Element == UInt8 {
        try bind(.inet(host: hostText(address.0), port: address.1))
    }

    /// `s.connect((b"127.0.0.1", port))`: a host given as bytes.
    ///
    /// Python: `socket.connect()` with a bytes host. C: `connect(2)`.
    public func connect<Host: Sequence>(_ address: (Host, Int)) throws where Host.Element == UInt8 {
        try connect(.inet(host: hostText(address.0), port: address.1))
    }

    /// `s.connect_ex((b"127.0.0.1", port))`: a host given as bytes.
    ///
    /// Python: `socket.connect_ex()` with a bytes host. C: `connect(2)`.
    public func connect_ex<Host: Sequence>(_ address: (Host, Int)) throws -> Int where Host.Element == UInt8 {
        try connect_ex(.inet(host: hostText(address.0), port: address.1))
    }

    /// `s.sendto(data, (b"127.0.0.1", port))`: a host given as bytes.
    ///
    /// Python: `socket.sendto()` with a bytes host. C: `sendto(2)`.
    public func sendto<Host: Sequence>(_ data: bytes, _ address: (Host, Int)) throws -> Int where Host.Element == UInt8 {
        try sendto(data, .inet(host: hostText(address.0), port: address.1))
    }

    /// A host given as bytes, as the text the address codec takes.
    private func hostText<Host: Sequence>(_ host: Host) -> String where Host.Element == UInt8 {
        String(decoding: Array(host), as: UTF8.self)
    }
}
