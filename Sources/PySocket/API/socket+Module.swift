// The module's functions: getaddrinfo getnameinfo gethost* getserv* getproto* inet_* hton* if_* fromfd close dup CMSG_*.

// MARK: - Results printed as Python lists

extension socket {
    /// `[(...), ...]`: a Python list of tuples, as `getaddrinfo()` and `if_nameindex()` return it.
    ///
    /// A random-access collection of Swift tuples (so `for (family, type, proto, canonname, sa) in
    /// socket.getaddrinfo(...)` destructures as Python's loop does) whose `description` is the
    /// list's `repr`, exactly as CPython prints it.
    ///
    /// Python: `list` of `tuple`. C: none.
    ///
    /// Differs from CPython: printing one element on its own (`print(infos[0])`) prints a Swift
    /// tuple (`(family: ..., canonname: "")`), not Python's; print the list, or format the fields.
    public struct TupleList<Element>: RandomAccessCollection, CustomStringConvertible, CustomDebugStringConvertible {
        let elements: [Element]
        /// `repr()` of one element, as CPython prints it inside the list.
        let reprOfElement: @Sendable (Element) -> String

        init(_ elements: [Element], repr: @escaping @Sendable (Element) -> String) {
            self.elements = elements
            self.reprOfElement = repr
        }

        /// `0`: the first index.
        ///
        /// Python: `list` indices. C: none.
        public var startIndex: Int { elements.startIndex }

        /// `len(list)`: one past the last index.
        ///
        /// Python: `len(list)`. C: none.
        public var endIndex: Int { elements.endIndex }

        /// `list[i]`: one tuple.
        ///
        /// Python: `list.__getitem__`. C: none.
        public subscript(position: Int) -> Element { elements[position] }

        /// `str(list)`: `[(1, 'lo'), (2, 'eth0')]`, as CPython prints the list.
        ///
        /// Python: `list.__repr__`. C: none.
        public var description: String {
            "[" + elements.map(reprOfElement).joined(separator: ", ") + "]"
        }

        /// `repr(list)`: the same text as `str(list)`.
        ///
        /// Python: `list.__repr__`. C: none.
        public var debugDescription: String { description }
    }

    /// `(family, type, proto, canonname, sockaddr)`: one result of `getaddrinfo()`.
    ///
    /// Python: the 5-tuples of `socket.getaddrinfo()`. C: `struct addrinfo`.
    public typealias AddrInfo = (family: AddressFamily, type: SocketKind, proto: Int, canonname: String, sockaddr: SocketAddress)
}

extension socket.TupleList: Sendable where Element: Sendable {}

// MARK: - Argument checks shared by the functions below


/// The UTF-8 bytes of a `str` argument that C receives as a C string; CPython rejects an
/// embedded NUL with `ValueError(message)`.
private func moduleCString(_ text: String, nul message: String = "embedded null character") throws -> [UInt8] {
    let bytes = Array(text.utf8)
    if bytes.contains(0) { throw ValueError(message) }
    return bytes
}

/// Whether `bytes` holds a NUL, read as one buffer when it can be (a String's UTF-8 walked
/// index by index costs about 50 instructions a byte).
private func containsNUL<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
    bytes.withContiguousStorageIfAvailable { $0.contains(0) } ?? bytes.contains(0)
}

/// The checks of Python's `idna` codec on an ASCII host (Lib/encodings/idna.py, its ASCII fast
/// path), which `getaddrinfo` applies to a `str` host before the resolver sees it: an empty label
/// before the last (`"a..b"`, `".a"`, `"."`) and a label of 64 characters or more raise its
/// UnicodeEncodeError, with its positions. A non-ASCII host is left to the resolver as UTF-8.
/// Then the C string's check: an embedded NUL raises `ValueError`. One pass over the UTF-8, no
/// allocation (splitting into labels cost ~3,300 instructions for `'127.0.0.1'`, more than
/// glibc's whole `getaddrinfo`).
private func checkHostText(_ host: String) throws {
    let faults = host.utf8.withContiguousStorageIfAvailable { HostTextFaults($0) } ?? HostTextFaults(Array(host.utf8))
    if !faults.nonASCII {
        if faults.emptyLabel >= 0 {
            throw PyCodec.encodeError("idna", host, faults.emptyLabel, faults.emptyLabel + 1, "label empty")
        }
        if !faults.longLabel.isEmpty {
            throw PyCodec.encodeError("idna", host, faults.longLabel.lowerBound, faults.longLabel.upperBound, "label too long")
        }
    }
    if faults.nul { throw ValueError("embedded null character") }
}

/// What `checkHostText` looks for in a host's UTF-8, found in one pass through a pointer
/// (a generic loop with optional state cost ~25 instructions a byte).
private struct HostTextFaults {
    var nonASCII = false
    var nul = false
    /// The offset of the first empty label that is not the last (-1: none).
    var emptyLabel = -1
    /// The first label of 64 bytes or more (empty: none).
    var longLabel = 0..<0

    init(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Locals only, written to `self` once at the end.
        var union: UInt8 = 0
        var zero = false
        var labelStart = 0
        var index = 0
        var empty = -1
        var long = 0..<0
        for byte in utf8 {
            union |= byte
            zero = zero || byte == 0
            if byte == UInt8(ascii: ".") {
                if index == labelStart, empty < 0 { empty = index }
                if index &- labelStart >= 64, long.isEmpty { long = labelStart..<index }
                labelStart = index &+ 1
            }
            index &+= 1
        }
        if index &- labelStart >= 64, long.isEmpty { long = labelStart..<index }
        (nonASCII, nul, emptyLabel, longLabel) = (union >= 0x80, zero, empty, long)
    }

    init(_ utf8: [UInt8]) {
        self = utf8.withUnsafeBufferPointer { HostTextFaults($0) }
    }
}

/// Calls `body` with the decimal digits of `value` (as CPython's `%ld` for an int port), from a
/// stack buffer, or with nil for nil.
private func withDecimalText<R>(_ value: Int?, _ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
    guard let value else { return try body(nil) }
    return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
        var magnitude = value.magnitude
        var start = buffer.count
        repeat {
            start -= 1
            buffer[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        if value < 0 {
            start -= 1
            buffer[start] = UInt8(ascii: "-")
        }
        return try body(UnsafeBufferPointer(rebasing: buffer[start...]))
    }
}

/// `socket.herror(h_errno, hstrerror(h_errno))`. CPython: `set_herror`.
private func moduleHostError(_ code: Int32) -> OSError {
    socket.herror(args: [.int(Int(code)), .str(NativeResolver.hstrerror(code))])
}

// MARK: - getaddrinfo

extension socket {
    /// `socket.getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`: the addresses for
    /// `host` and `port`, as a list of `(family, type, proto, canonname, sockaddr)` in the order
    /// the system resolver returns them.
    ///
    /// `host` is a name, a numeric address or nil (`None`); `port` a number, a service name or nil.
    /// Family and type come back as `AddressFamily`/`SocketKind` (a number they do not name
    /// prints as the number, as in CPython).
    ///
    /// Python: `socket.getaddrinfo()`. C: `getaddrinfo(3)`.
    ///
    /// Differs from CPython:
    /// - a host with an embedded NUL raises `ValueError("embedded null character")`; CPython
    ///   passes the C string, so the resolver sees only the part before the NUL (deliberate);
    /// - a non-ASCII host is passed to the resolver as UTF-8; CPython encodes it with Python's
    ///   `idna` codec first (nameprep and punycode, and its `UnicodeEncodeError` for the labels
    ///   that codec rejects). An ASCII host gets that codec's checks, as in CPython (an empty
    ///   label or one of 64 characters or more raises its `UnicodeEncodeError`);
    /// - positional (`socket.getaddrinfo(h, p, 0, socket.SOCK_STREAM)`) and keyword
    ///   (`socket.getaddrinfo(h, p, type: socket.SOCK_STREAM)`) forms exist, but not a mix of both.
    public static func getaddrinfo(
        _ host: String?, _ port: Int?, _ family: AddressFamily = 0, _ type: SocketKind = 0,
        _ proto: Int = 0, _ flags: AddressInfo = 0
    ) throws -> TupleList<AddrInfo> {
        try withDecimalText(port) { try resolve(host?.utf8, $0, family, type, proto, flags, idna: host) }
    }

    /// `socket.getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)` with `port` a service
    /// name or a number as a string (`"http"`, `"8080"`): the addresses, in resolver order.
    ///
    /// Python: `socket.getaddrinfo()`. C: `getaddrinfo(3)`.
    ///
    /// Differs from CPython: as `getaddrinfo(_:_:_:_:_:_:)` with an `Int` port.
    public static func getaddrinfo(
        _ host: String?, _ port: String, _ family: AddressFamily = 0, _ type: SocketKind = 0,
        _ proto: Int = 0, _ flags: AddressInfo = 0
    ) throws -> TupleList<AddrInfo> {
        try resolve(host?.utf8, port.utf8, family, type, proto, flags, idna: host)
    }

    /// `socket.getaddrinfo(host, b"80", ...)`: the port (service) given as bytes, as CPython accepts.
    ///
    /// Python: `socket.getaddrinfo()`. C: `getaddrinfo(3)`.
    public static func getaddrinfo(
        _ host: String?, _ port: bytes, _ family: AddressFamily = 0, _ type: SocketKind = 0,
        _ proto: Int = 0, _ flags: AddressInfo = 0
    ) throws -> TupleList<AddrInfo> {
        try resolve(host?.utf8, port.storage, family, type, proto, flags, idna: host)
    }

    /// `socket.getaddrinfo(host, port, family=..., type=..., proto=..., flags=...)`: the keyword
    /// form, e.g. `socket.getaddrinfo("localhost", 80, type: socket.SOCK_STREAM)`.
    ///
    /// Python: `socket.getaddrinfo()`. C: `getaddrinfo(3)`.
    ///
    /// Differs from CPython: as `getaddrinfo(_:_:_:_:_:_:)`.
    @_disfavoredOverload
    public static func getaddrinfo(
        _ host: String?, _ port: Int?, family: AddressFamily = 0, type: SocketKind = 0,
        proto: Int = 0, flags: AddressInfo = 0
    ) throws -> TupleList<AddrInfo> {
        try getaddrinfo(host, port, family, type, proto, flags)
    }

    /// `socket.getaddrinfo(host, "service", family=..., type=..., proto=..., flags=...)`: the
    /// keyword form with a service name.
    ///
    /// Python: `socket.getaddrinfo()`. C: `getaddrinfo(3)`.
    ///
    /// Differs from CPython: as `getaddrinfo(_:_:_:_:_:_:)`.
    @_disfavoredOverload
    public static func getaddrinfo(
        _ host: String?, _ port: String, family: AddressFamily = 0, type: SocketKind = 0,
        proto: Int = 0, flags: AddressInfo = 0
    ) throws -> TupleList<AddrInfo> {
        try getaddrinfo(host, port, family, type, proto, flags)
    }

    /// `socket.getaddrinfo(b"host", port, family=0, type=0, proto=0, flags=0)`: the host given as
    /// bytes, passed to the resolver as they are.
    ///
    /// Python: `socket.getaddrinfo()`. C: `getaddrinfo(3)`.
    ///
    /// Differs from CPython: an embedded NUL raises `ValueError` instead of truncating the host.
    @_disfavoredOverload
    public static func getaddrinfo(
        _ host: bytes, _ port: Int?, _ family: AddressFamily = 0, _ type: SocketKind = 0,
        _ proto: Int = 0, _ flags: AddressInfo = 0
    ) throws -> TupleList<AddrInfo> {
        try withDecimalText(port) { try resolve(host.storage, $0, family, type, proto, flags) }
    }

    /// `socket.getaddrinfo(b"host", "service", family=0, type=0, proto=0, flags=0)`: bytes host,
    /// service-name port.
    ///
    /// Python: `socket.getaddrinfo()`. C: `getaddrinfo(3)`.
    ///
    /// Differs from CPython: an embedded NUL in the host raises `ValueError`.
    @_disfavoredOverload
    public static func getaddrinfo(
        _ host: bytes, _ port: String, _ family: AddressFamily = 0, _ type: SocketKind = 0,
        _ proto: Int = 0, _ flags: AddressInfo = 0
    ) throws -> TupleList<AddrInfo> {
        try resolve(host.storage, port.utf8, family, type, proto, flags)
    }

    /// One result of `resolveForConnect`.
    typealias ConnectTarget = (family: AddressFamily, type: SocketKind, proto: Int, address: Sockaddr)

    /// `getaddrinfo(host, port, 0, type)` as `create_connection` calls it: the same checks and
    /// errors, with each result's sockaddr kept as the resolver wrote it, so that `connect`
    /// takes it as it is (Lib/socket.py turns it into Python's `(host, port)` and `connect`
    /// parses that text back: ~500 instructions per connection that give the same sockaddr).
    static func resolveForConnect(_ host: String, _ port: Int, type: SocketKind) throws -> [ConnectTarget] {
        let cType = try cIntArg(type.rawValue)
        try checkHostText(host)
        // The closure's type is spelled out: an unlabelled tuple would make a second array,
        // cast element by element through the runtime, on the way out.
        let result = withDecimalText(port) { service in
            NativeResolver.getaddrinfo(host.utf8, service, family: 0, socktype: cType, proto: 0, flags: 0) {
                (entry: ResolvedAddress) -> ConnectTarget in
                (family: AddressFamily(entry.family), type: SocketKind(entry.socktype), proto: entry.proto, address: entry.address)
            }
        }
        switch result {
        case .failure(let failure): throw pythonError(failure)
        case .success(let infos): return infos
        }
    }

    /// CPython's `socket_getaddrinfo` and Lib/socket.py's wrapper: the integer arguments are
    /// checked first (as C ints), then the host (a `str` host, `idna`, through Python's idna
    /// codec's checks); the port is passed as the C string CPython passes.
    private static func resolve<Host: Collection<UInt8>, Port: Collection<UInt8>>(
        _ host: Host?, _ port: Port?, _ family: AddressFamily, _ type: SocketKind,
        _ proto: Int, _ flags: AddressInfo, idna text: String? = nil
    ) throws -> TupleList<AddrInfo> {
        let cFamily = try cIntArg(family.rawValue), cType = try cIntArg(type.rawValue)
        let cProto = try cIntArg(proto), cFlags = try cIntArg(flags.rawValue)
        if let text {
            try checkHostText(text)
        } else if let host, containsNUL(host) {
            throw ValueError("embedded null character")
        }
        // C sees the port's string up to its first NUL.
        let result = NativeResolver.getaddrinfo(host, port.map { $0.prefix { $0 != 0 } }, family: cFamily, socktype: cType,
                                            proto: cProto, flags: cFlags) { entry -> AddrInfo in
            (AddressFamily(entry.family), SocketKind(entry.socktype), entry.proto,
             entry.canonname ?? "", entry.address.decoded())
        }
        switch result {
        case .failure(let failure):
            throw pythonError(failure)
        case .success(let infos):
            return TupleList(infos) { info in
                "(\(String(reflecting: info.family)), \(String(reflecting: info.type)), \(info.proto), "
                    + "\(pythonRepr(info.canonname)), \(String(reflecting: info.sockaddr)))"
            }
        }
    }
}

// MARK: - getnameinfo

extension socket {
    /// `socket.getnameinfo((host, port), flags)`: the host and service names for an IPv4 or IPv6
    /// address given numerically.
    ///
    /// Python: `socket.getnameinfo()`. C: `getaddrinfo(3)` with `AI_NUMERICHOST`, then `getnameinfo(3)`.
    ///
    /// This form returns a Swift tuple, chosen where one is destructured
    /// (`let (host, port) = try socket.getnameinfo(...)`); otherwise the call returns a
    /// `NameInfo`, which prints as CPython's tuple.
    @_disfavoredOverload
    public static func getnameinfo(_ sockaddr: (String, Int), _ flags: Int) throws -> (host: String, port: String) {
        try nameinfo(sockaddr.0, sockaddr.1, nil, nil, fields: 2, flags: flags)
    }

    /// `socket.getnameinfo((host, port, flowinfo), flags)`: an IPv6 address with its flow label.
    ///
    /// Python: `socket.getnameinfo()`. C: `getaddrinfo(3)`, `getnameinfo(3)`.
    ///
    /// This form returns a Swift tuple, chosen where one is destructured
    /// (`let (host, port) = try socket.getnameinfo(...)`); otherwise the call returns a
    /// `NameInfo`, which prints as CPython's tuple.
    @_disfavoredOverload
    public static func getnameinfo(_ sockaddr: (String, Int, Int), _ flags: Int) throws -> (host: String, port: String) {
        try nameinfo(sockaddr.0, sockaddr.1, sockaddr.2, nil, fields: 3, flags: flags)
    }

    /// `socket.getnameinfo((host, port, flowinfo, scope_id), flags)`: an IPv6 address in full.
    ///
    /// Python: `socket.getnameinfo()`. C: `getaddrinfo(3)`, `getnameinfo(3)`.
    ///
    /// This form returns a Swift tuple, chosen where one is destructured
    /// (`let (host, port) = try socket.getnameinfo(...)`); otherwise the call returns a
    /// `NameInfo`, which prints as CPython's tuple.
    @_disfavoredOverload
    public static func getnameinfo(_ sockaddr: (String, Int, Int, Int), _ flags: Int) throws -> (host: String, port: String) {
        try nameinfo(sockaddr.0, sockaddr.1, sockaddr.2, sockaddr.3, fields: 4, flags: flags)
    }

    /// `socket.getnameinfo(sockaddr, flags)` for an address value as PySocket returns it (from
    /// `getaddrinfo`, `accept`, `recvfrom`...).
    ///
    /// Python: `socket.getnameinfo()`. C: `getaddrinfo(3)`, `getnameinfo(3)`.
    ///
    /// This form returns a Swift tuple, chosen where one is destructured
    /// (`let (host, port) = try socket.getnameinfo(...)`); otherwise the call returns a
    /// `NameInfo`, which prints as CPython's tuple.
    @_disfavoredOverload
    public static func getnameinfo(_ sockaddr: SocketAddress, _ flags: Int) throws -> (host: String, port: String) {
        switch sockaddr {
        case .inet(let host, let port):
            return try nameinfo(host, port, nil, nil, fields: 2, flags: flags)
        case .inet6(let host, let port, let flowinfo, let scopeID):
            return try nameinfo(host, port, flowinfo, scopeID, fields: 4, flags: flags)
        case .other, .netlink, .packet:
            _ = try cIntArg(flags)
            throw TypeError("getnameinfo(): illegal sockaddr argument")
        case .unix, .unixBytes, .noAddress:
            _ = try cIntArg(flags)
            throw TypeError("getnameinfo() argument 1 must be a tuple")
        }
    }

    /// CPython's `socket_getnameinfo`: flags, then the tuple ("si|II"), then the flow label's
    /// range; the numeric host is parsed by getaddrinfo, then named by getnameinfo.
    private static func nameinfo(
        _ host: String, _ port: Int, _ flowinfo: Int?, _ scopeID: Int?, fields: Int, flags: Int
    ) throws -> (host: String, port: String) {
        let cFlags = try cIntArg(flags)
        let hostBytes = try moduleCString(host)
        let cPort = try cIntArg(port)
        // "I" keeps the low 32 bits of a Python int, negative or not.
        let flow = UInt32(truncatingIfNeeded: flowinfo ?? 0)
        let scope = UInt32(truncatingIfNeeded: scopeID ?? 0)
        guard flow <= 0xFFFFF else { throw OverflowError("getnameinfo(): flowinfo must be 0-1048575.") }
        let found = NativeResolver.getaddrinfo(hostBytes, Array(String(cPort).utf8), family: Int32(NativeConstants.AF_UNSPEC),
                                           socktype: Int32(NativeConstants.SOCK_DGRAM),
                                           proto: 0, flags: Int32(NativeConstants.AI_NUMERICHOST))
        var entries: [ResolvedAddress]
        switch found {
        case .failure(let failure): throw pythonError(failure)
        case .success(let list): entries = list
        }
        guard entries.count == 1 else { throw OSError("sockaddr resolved to multiple addresses") }
        var address = entries[0].address
        switch entries[0].family {
        case NativeConstants.AF_INET:
            guard fields == 2 else { throw OSError("IPv4 sockaddr must be 2 tuple") }
        case NativeConstants.AF_INET6:
            withUnsafeMutableBytes(of: &address.storage) { raw in
                let six = NativeSockaddr.readInet6(raw.baseAddress!)
                address.length = NativeSockaddr.writeInet6(six.address, port: six.port, flowinfo: flow,
                                                           scopeID: scope, into: raw.baseAddress!)
            }
        default:
            break
        }
        switch NativeResolver.getnameinfo(address, flags: cFlags) {
        case .failure(let failure): throw pythonError(failure)
        case .success(let names): return (names.host, names.service)
        }
    }
}

// MARK: - Host names and the legacy resolver

extension socket {
    /// `socket.gethostname()`: this machine's host name.
    ///
    /// Python: `socket.gethostname()`. C: `gethostname(2)`.
    public static func gethostname() throws -> String {
        return try callNow(NativeResolver.gethostname())
    }

    /// `socket.sethostname(name)`: sets this machine's host name (needs privilege:
    /// `PermissionError` otherwise).
    ///
    /// Python: `socket.sethostname()`. C: `sethostname(2)`.
    public static func sethostname(_ name: String) throws {
        try sethostname(bytes(try moduleCString(name, nul: "embedded null byte")))
    }

    /// `socket.sethostname(b"name")`: sets the host name from bytes.
    ///
    /// Python: `socket.sethostname()`. C: `sethostname(2)`.
    public static func sethostname(_ name: bytes) throws {
        if name.contains(0) { throw ValueError("embedded null byte") }
        try callNow(NativeResolver.sethostname(name.storage))
    }

    /// `socket.gethostbyname(hostname)`: the IPv4 address of a host, as a string
    /// (`''` is `'0.0.0.0'`, `'<broadcast>'` is `'255.255.255.255'`).
    ///
    /// Python: `socket.gethostbyname()`. C: `inet_pton(3)`, else `getaddrinfo(3)` (AF_INET).
    ///
    /// Differs from CPython: a non-ASCII name goes to the resolver as UTF-8, not through the
    /// `idna` codec.
    public static func gethostbyname(_ hostname: String) throws -> String {
        try checkHostArgument(hostname, "gethostbyname")
        let address = try resolveHost(hostname, family: NativeConstants.AF_INET)
        return NativeResolver.inetNtop(NativeConstants.AF_INET, address)
    }

    /// `socket.gethostbyname_ex(hostname)`: `(hostname, aliaslist, ipaddrlist)` for an IPv4 host.
    ///
    /// Python: `socket.gethostbyname_ex()`. C: `gethostbyname_r(3)`.
    ///
    /// This form returns a Swift tuple, chosen where one is destructured
    /// (`let (name, aliases, addresses) = try socket.gethostbyname_ex(host)`); otherwise the
    /// call returns a `HostInfo`, which prints as CPython's tuple.
    ///
    /// Differs from CPython: a non-ASCII name is not `idna`-encoded.
    @_disfavoredOverload
    public static func gethostbyname_ex(_ hostname: String) throws -> (hostname: String, aliaslist: [String], ipaddrlist: [String]) {
        try checkHostArgument(hostname, "gethostbyname_ex")
        _ = try resolveHost(hostname, family: NativeConstants.AF_INET)
        return try hostTriple(NativeResolver.gethostbyname(Array(hostname.utf8)), family: NativeConstants.AF_INET)
    }

    /// `socket.gethostbyaddr(ip_address)`: `(hostname, aliaslist, ipaddrlist)` for an address (or
    /// a name, which is resolved first).
    ///
    /// Python: `socket.gethostbyaddr()`. C: `gethostbyaddr_r(3)`.
    ///
    /// This form returns a Swift tuple, chosen where one is destructured; otherwise the call
    /// returns a `HostInfo`, which prints as CPython's tuple.
    ///
    /// Differs from CPython: a non-ASCII name is not `idna`-encoded.
    @_disfavoredOverload
    public static func gethostbyaddr(_ ip_address: String) throws -> (hostname: String, aliaslist: [String], ipaddrlist: [String]) {
        try checkHostArgument(ip_address, "gethostbyaddr")
        let (family, address) = try anyFamilyAddress(Array(ip_address.utf8))
        return try hostTriple(NativeResolver.gethostbyaddr(address, family: family), family: family)
    }

    /// `socket.getfqdn(name='')`: a fully qualified name for `name` (this host when empty): the
    /// first of the host's names that contains a dot, else its primary name; `name` itself
    /// when the lookup fails.
    ///
    /// Python: `socket.getfqdn()` (Lib/socket.py). C: `gethostname(2)`, `gethostbyaddr_r(3)`.
    public static func getfqdn(_ name: String = "") throws -> String {
        var name = pythonStrip(name)
        if name.isEmpty || name == "0.0.0.0" || name == "::" {
            name = try gethostname()
        }
        let found: (hostname: String, aliaslist: [String], ipaddrlist: [String])
        do {
            found = try gethostbyaddr(name)
        } catch is OSError {
            return name
        }
        return ([found.hostname] + found.aliaslist).first { $0.contains(".") } ?? found.hostname
    }

    /// The "et" argument check of the gethostby* functions.
    private static func checkHostArgument(_ host: String, _ caller: String) throws {
        if host.utf8.contains(0) {
            throw TypeError("\(caller)() argument 1 must be encoded string without null bytes, not str")
        }
    }

    /// Python's `str.strip()`: removes leading and trailing whitespace.
    private static func pythonStrip(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// CPython's `setipaddr` with `AF_UNSPEC`: the wildcard (which must resolve to one address),
    /// the broadcast names, a numeric IPv4 or IPv6 address, or else the resolver's first answer.
    private static func anyFamilyAddress(_ name: [UInt8]) throws -> (family: Int, address: [UInt8]) {
        let unspec = Int32(NativeConstants.AF_UNSPEC)
        if name.isEmpty {
            let entries = try resolvedEntries(NativeResolver.getaddrinfo(
                nil, Array("0".utf8), family: unspec, socktype: Int32(NativeConstants.SOCK_DGRAM),
                proto: 0, flags: Int32(NativeConstants.AI_PASSIVE)))
            guard [NativeConstants.AF_INET, NativeConstants.AF_INET6].contains(entries[0].family) else {
                throw OSError("unsupported address family")
            }
            guard entries.count == 1 else { throw OSError("wildcard resolved to multiple address") }
            return try ipAddress(entries[0])
        }
        if name == Array("255.255.255.255".utf8) || name == Array("<broadcast>".utf8) {
            return (NativeConstants.AF_INET, [255, 255, 255, 255])
        }
        let text = String(decoding: name, as: UTF8.self)
        if let four = NativeResolver.inetPton(NativeConstants.AF_INET, text) { return (NativeConstants.AF_INET, four) }
        if !name.contains(UInt8(ascii: "%")), let six = NativeResolver.inetPton(NativeConstants.AF_INET6, text) {
            return (NativeConstants.AF_INET6, six)
        }
        let entries = try resolvedEntries(NativeResolver.getaddrinfo(name, nil, family: unspec, socktype: 0, proto: 0, flags: 0))
        return try ipAddress(entries[0])
    }

    /// CPython's `setipaddr` for the module functions: the address bytes of `host`, or the
    /// Python exception.
    private static func resolveHost(_ host: String, family: Int) throws -> [UInt8] {
        do { return try SockaddrCodec.resolve(host, family: family) } catch { throw pythonError(error) }
    }

    /// The entries of a successful getaddrinfo (never empty), or its Python error.
    private static func resolvedEntries(_ result: Result<[ResolvedAddress], ResolveError>) throws -> [ResolvedAddress] {
        switch result {
        case .failure(let failure): throw pythonError(failure)
        case .success(let entries):
            guard !entries.isEmpty else { throw pythonError(ResolveError(code: NativeResolver.noNameCode, errno: 0)) }
            return entries
        }
    }

    /// The family and packed address of an IPv4 or IPv6 resolver entry.
    private static func ipAddress(_ entry: ResolvedAddress) throws -> (family: Int, address: [UInt8]) {
        var storage = entry.address.storage
        return try withUnsafeBytes(of: &storage) { raw in
            switch entry.family {
            case NativeConstants.AF_INET: return (entry.family, NativeSockaddr.readInet(raw.baseAddress!).address)
            case NativeConstants.AF_INET6: return (entry.family, NativeSockaddr.readInet6(raw.baseAddress!).address)
            default: throw OSError("unknown address family")
            }
        }
    }

    /// CPython's `gethost_common`: herror for a failed lookup, EAFNOSUPPORT for an answer of
    /// another family, else the name, aliases and addresses as strings.
    private static func hostTriple(_ result: Result<HostEntry, HostError>, family: Int) throws
        -> (hostname: String, aliaslist: [String], ipaddrlist: [String]) {
        switch result {
        case .failure(let failure):
            throw moduleHostError(failure.code)
        case .success(let entry):
            guard entry.addressFamily == family else { throw pythonError(Errno(Int32(NativeErrno.EAFNOSUPPORT))) }
            return (entry.name, entry.aliases, entry.addresses.map { NativeResolver.inetNtop(family, $0) })
        }
    }
}

// MARK: - Services and protocols

extension socket {
    /// `socket.getservbyname(servicename[, protocolname])`: the port of a service
    /// (`getservbyname("http", "tcp") == 80`).
    ///
    /// Python: `socket.getservbyname()`. C: `getservbyname_r(3)`.
    public static func getservbyname(_ servicename: String, _ protocolname: String? = nil) throws -> Int {
        let name = try moduleCString(servicename)
        let proto = try protocolname.map { try moduleCString($0) }
        guard let port = NativeResolver.getservbyname(name, proto: proto) else {
            throw OSError("service/proto not found")
        }
        return port
    }

    /// `socket.getservbyport(port[, protocolname])`: the name of the service on a port
    /// (`getservbyport(80) == "http"`).
    ///
    /// Python: `socket.getservbyport()`. C: `getservbyport_r(3)`.
    public static func getservbyport(_ port: Int, _ protocolname: String? = nil) throws -> String {
        _ = try cIntArg(port)
        let proto = try protocolname.map { try moduleCString($0) }
        guard (0...0xFFFF).contains(port) else { throw OverflowError("getservbyport: port must be 0-65535.") }
        guard let name = NativeResolver.getservbyport(port, proto: proto) else {
            throw OSError("port/proto not found")
        }
        return name
    }

    /// `socket.getprotobyname(protocolname)`: the number of a protocol (`getprotobyname("tcp") == 6`).
    ///
    /// Python: `socket.getprotobyname()`. C: `getprotobyname_r(3)`.
    public static func getprotobyname(_ protocolname: String) throws -> Int {
        guard let number = NativeResolver.getprotobyname(try moduleCString(protocolname)) else {
            throw OSError("protocol not found")
        }
        return number
    }
}

// MARK: - Address conversion

extension socket {
    /// `socket.inet_aton(ip_string)`: an IPv4 address in any form `inet_aton(3)` accepts
    /// (`'127.1'`, `'0x7f.1'`) as 4 packed bytes.
    ///
    /// Python: `socket.inet_aton()`. C: `inet_aton(3)`.
    public static func inet_aton(_ ip_string: String) throws -> bytes {
        // A dotted quad in inet_pton's strict grammar (four decimal numbers, no leading zeros)
        // means the same to inet_aton: parsed by IPText, inline in the result, no C string.
        if let address = IPText.parseIPv4(ip_string) { return bytes(packing: address) }
        guard let packed = NativeResolver.inetAton(try moduleCString(ip_string)) else {
            throw OSError("illegal IP address string passed to inet_aton")
        }
        return bytes(packed)
    }

    /// `socket.inet_ntoa(packed_ip)`: 4 packed bytes as a dotted-quad string.
    ///
    /// Python: `socket.inet_ntoa()`. C: `inet_ntoa(3)`.
    public static func inet_ntoa(_ packed_ip: bytes) throws -> String {
        guard packed_ip.count == 4 else { throw OSError("packed IP wrong length for inet_ntoa") }
        return packed_ip.withUnsafeBytes { IPText.formatIPv4($0.loadUnaligned(as: UInt32.self)) }
    }

    /// `socket.inet_pton(address_family, ip_string)`: a numeric IPv4 or IPv6 address as packed bytes.
    ///
    /// Python: `socket.inet_pton()`. C: `inet_pton(3)`.
    public static func inet_pton(_ address_family: AddressFamily, _ ip_string: String) throws -> bytes {
        let family = try cIntArg(address_family.rawValue)
        // The two families IPText parses, straight from the String's UTF-8 into the result's one
        // allocation. A NUL is in neither grammar, so an embedded NUL falls through to the
        // checks below and gets CPython's ValueError.
        if Int(family) == NativeConstants.AF_INET, let address = IPText.parseIPv4(ip_string) {
            return bytes(packing: address)
        }
        if Int(family) == NativeConstants.AF_INET6, let address = IPText.parseIPv6(ip_string) {
            return bytes(packing: address)
        }
        let text = try moduleCString(ip_string)
        let packed: [UInt8]?
        packed = try callNow(NativeResolver.inetPtonChecked(family, text))
        guard let packed else { throw OSError("illegal IP address string passed to inet_pton") }
        return bytes(packed)
    }

    /// `socket.inet_ntop(address_family, packed_ip)`: packed IPv4 (4 bytes) or IPv6 (16 bytes)
    /// as its string.
    ///
    /// Python: `socket.inet_ntop()`. C: `inet_ntop(3)`.
    public static func inet_ntop(_ address_family: AddressFamily, _ packed_ip: bytes) throws -> String {
        let family = Int(try cIntArg(address_family.rawValue))
        let width: Int
        switch family {
        case NativeConstants.AF_INET: width = 4
        case NativeConstants.AF_INET6: width = 16
        default: throw ValueError("unknown address family \(family)")
        }
        guard packed_ip.count == width else { throw ValueError("invalid length of packed IP address string") }
        return packed_ip.withUnsafeBytes { raw in
            width == 4 ? IPText.formatIPv4(raw.loadUnaligned(as: UInt32.self))
                : IPText.formatIPv6((raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
    }
}

extension bytes {
    /// The bytes of `value` as it sits in memory (an address in network order): inline, with no
    /// heap allocation, for the 4 and 16 bytes of an IPv4 or IPv6 address.
    /// The value is stored straight into the inline words: `bytes(copying:)` would call
    /// `memmove` for 16 bytes (~18 % of `inet_pton(AF_INET6, ...)`'s time, sampled with perf).
    init<T: BitwiseCopyable>(packing value: T) {
        guard MemoryLayout<T>.size <= bytes._inlineCapacity else {
            self = Swift.withUnsafeBytes(of: value) { bytes(copying: $0) }
            return
        }
        self.init()
        Swift.withUnsafeMutableBytes(of: &_inline) { $0.storeBytes(of: value, as: T.self) }
        _inlineCount = UInt8(truncatingIfNeeded: MemoryLayout<T>.size)
    }
}

// MARK: - Byte order

extension socket {
    /// The 16-bit conversions' argument check (a C `int`, then 0...65535), with CPython's messages.
    private static func uint16Argument(_ x: Int, _ caller: String) throws -> UInt16 {
        _ = try pyLongAsInt(x)
        if x < 0 { throw OverflowError("\(caller): can't convert negative Python int to C 16-bit unsigned integer") }
        if x > 0xFFFF { throw OverflowError("\(caller): Python int too large to convert to C 16-bit unsigned integer") }
        return UInt16(x)
    }

    /// The 32-bit conversions' argument check, with CPython's messages.
    private static func uint32Argument(_ x: Int) throws -> UInt32 {
        if x < 0 { throw OverflowError("can't convert negative value to unsigned int") }
        if x > 0xFFFF_FFFF { throw OverflowError("int larger than 32 bits") }
        return UInt32(x)
    }

    /// `socket.htons(x)`: a 16-bit number from host to network byte order.
    ///
    /// Python: `socket.htons()`. C: `htons(3)`.
    public static func htons(_ x: Int) throws -> Int { Int(try uint16Argument(x, "htons").bigEndian) }

    /// `socket.ntohs(x)`: a 16-bit number from network to host byte order.
    ///
    /// Python: `socket.ntohs()`. C: `ntohs(3)`.
    public static func ntohs(_ x: Int) throws -> Int { Int(UInt16(bigEndian: try uint16Argument(x, "ntohs"))) }

    /// `socket.htonl(x)`: a 32-bit number from host to network byte order.
    ///
    /// Python: `socket.htonl()`. C: `htonl(3)`.
    public static func htonl(_ x: Int) throws -> Int { Int(try uint32Argument(x).bigEndian) }

    /// `socket.ntohl(x)`: a 32-bit number from network to host byte order.
    ///
    /// Python: `socket.ntohl()`. C: `ntohl(3)`.
    public static func ntohl(_ x: Int) throws -> Int { Int(UInt32(bigEndian: try uint32Argument(x))) }
}

// MARK: - Network interfaces

extension socket {
    /// `socket.if_nameindex()`: every network interface as `(index, name)`, in the kernel's order.
    ///
    /// Python: `socket.if_nameindex()`. C: `if_nameindex(3)`.
    public static func if_nameindex() throws -> TupleList<(index: Int, name: String)> {
        let list: [(index: Int, name: String)]
        list = try callNow(NativeResolver.ifNameIndex())
        return TupleList(list) { "(\($0.index), \(pythonRepr($0.name)))" }
    }

    /// `socket.if_nametoindex(if_name)`: the index of a network interface.
    ///
    /// Python: `socket.if_nametoindex()`. C: `if_nametoindex(3)`.
    public static func if_nametoindex(_ if_name: String) throws -> Int {
        try if_nametoindex(bytes(try moduleCString(if_name, nul: "embedded null byte")))
    }

    /// `socket.if_nametoindex(b"if_name")`: the index of a network interface named by bytes.
    ///
    /// Python: `socket.if_nametoindex()`. C: `if_nametoindex(3)`.
    public static func if_nametoindex(_ if_name: bytes) throws -> Int {
        if if_name.contains(0) { throw ValueError("embedded null byte") }
        let index = NativeResolver.ifNameToIndex(if_name.storage)
        guard index != 0 else { throw OSError("no interface with this name") }
        return index
    }

    /// `socket.if_indextoname(if_index)`: the name of a network interface.
    ///
    /// Python: `socket.if_indextoname()`. C: `if_indextoname(3)`.
    public static func if_indextoname(_ if_index: Int) throws -> String {
        if if_index < 0 { throw OverflowError("can't convert negative value to unsigned int") }
        guard if_index <= Int(UInt32.max) else { throw OverflowError("index is too large") }
        return try callNow(NativeResolver.ifIndexToName(UInt32(if_index)))
    }
}

// MARK: - Descriptors

extension socket {
    /// `socket.fromfd(fd, family, type, proto=0)`: a socket object on a duplicate of `fd`
    /// (which stays open and yours).
    ///
    /// Python: `socket.fromfd()` (Lib/socket.py: `socket(family, type, proto, dup(fd))`).
    /// C: `fcntl(F_DUPFD_CLOEXEC)`.
    ///
    /// Differs from CPython: if the socket cannot be created on the duplicate, the duplicate is
    /// closed (CPython leaves it open).
    public static func fromfd(_ fd: Int32, _ family: AddressFamily, _ type: SocketKind, _ proto: Int = 0) throws -> socket {
        let kernel = socket.currentKernel()
        let duplicate = try callNow(kernel.duplicate(fd))
        let wrapped = try socket(family, type, proto, fileno: duplicate.rawValue)
        _ = duplicate.release()
        return wrapped
    }

    /// `socket.close(fd)`: closes a socket's file descriptor (ECONNRESET from the peer is ignored).
    ///
    /// Python: `socket.close()` (the module function). C: `close(2)`.
    public static func close(_ fd: Int32) throws {
        let kernel = socket.currentKernel()
        try callNow(kernel.closeDescriptor(fd))
    }

    /// `socket.dup(fd)`: a duplicate of a file descriptor, not inheritable.
    ///
    /// Python: `socket.dup()` (the module function). C: `fcntl(F_DUPFD_CLOEXEC)`.
    public static func dup(_ fd: Int32) throws -> Int32 {
        let kernel = socket.currentKernel()
        return try callNow(kernel.duplicate(fd)).release()
    }
}

// MARK: - IPv6 and ancillary-data sizes

extension socket {
    /// `socket.has_ipv6`: whether PySocket supports IPv6 (it always does, as CPython built with
    /// IPv6 does).
    ///
    /// Python: `socket.has_ipv6`. C: `ENABLE_IPV6` at build time.
    public static let has_ipv6: Bool = true

    /// `socket.CMSG_LEN(length)`: the `cmsg_len` of an ancillary item carrying `length` bytes.
    ///
    /// Python: `socket.CMSG_LEN()`. C: `CMSG_LEN(3)`.
    public static func CMSG_LEN(_ length: Int) throws -> Int {
        guard let value = Cmsg.checkedLen(length) else { throw OverflowError("CMSG_LEN() argument out of range") }
        return value
    }

    /// `socket.CMSG_SPACE(length)`: the buffer size an ancillary item of `length` bytes takes,
    /// padding included.
    ///
    /// Python: `socket.CMSG_SPACE()`. C: `CMSG_SPACE(3)`.
    public static func CMSG_SPACE(_ length: Int) throws -> Int {
        guard let value = Cmsg.checkedSpace(length) else { throw OverflowError("CMSG_SPACE() argument out of range") }
        return value
    }
}

// MARK: - Results that print as Python's tuples

extension socket {
    /// `(host, port)`: what `getnameinfo` returns, printed as CPython prints it
    /// (`('localhost', 'http')`). Destructuring the call's result gives a Swift tuple instead.
    ///
    /// Python: the 2-tuple of `socket.getnameinfo()`. C: none.
    public struct NameInfo: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
        /// `result[0]`: the host name (or numeric host).
        ///
        /// Python: `socket.getnameinfo(...)[0]`.
        public let host: String
        /// `result[1]`: the service name (or numeric port).
        ///
        /// Python: `socket.getnameinfo(...)[1]`.
        public let port: String

        /// `str(result)`: `('localhost', 'http')`.
        ///
        /// Python: `tuple.__repr__`. C: none.
        public var description: String { "(\(pythonRepr(host)), \(pythonRepr(port)))" }

        /// `repr(result)`: the same text.
        ///
        /// Python: `tuple.__repr__`. C: none.
        public var debugDescription: String { description }
    }

    /// `(hostname, aliaslist, ipaddrlist)`: what `gethostbyname_ex` and `gethostbyaddr`
    /// return, printed as CPython prints it (`('localhost', [], ['127.0.0.1'])`).
    /// Destructuring the call's result gives a Swift tuple instead.
    ///
    /// Python: the 3-tuple of `socket.gethostbyname_ex()`. C: `struct hostent`.
    public struct HostInfo: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
        /// `result[0]`: the host's primary name.
        ///
        /// Python: `socket.gethostbyname_ex(...)[0]`.
        public let hostname: String
        /// `result[1]`: its other names.
        ///
        /// Python: `socket.gethostbyname_ex(...)[1]`.
        public let aliaslist: [String]
        /// `result[2]`: its addresses, as strings.
        ///
        /// Python: `socket.gethostbyname_ex(...)[2]`.
        public let ipaddrlist: [String]

        /// `str(result)`: `('localhost', [], ['127.0.0.1'])`.
        ///
        /// Python: `tuple.__repr__`. C: none.
        public var description: String {
            func list(_ items: [String]) -> String { "[" + items.map { pythonRepr($0) }.joined(separator: ", ") + "]" }
            return "(\(pythonRepr(hostname)), \(list(aliaslist)), \(list(ipaddrlist)))"
        }

        /// `repr(result)`: the same text.
        ///
        /// Python: `tuple.__repr__`. C: none.
        public var debugDescription: String { description }
    }

    /// `socket.getnameinfo((host, port), flags)`, printing as CPython's tuple.
    ///
    /// Python: `socket.getnameinfo()`. C: `getaddrinfo(3)`, `getnameinfo(3)`.
    public static func getnameinfo(_ sockaddr: (String, Int), _ flags: Int) throws -> NameInfo {
        let (host, port): (String, String) = try getnameinfo(sockaddr, flags)
        return NameInfo(host: host, port: port)
    }

    /// `socket.getnameinfo((host, port, flowinfo), flags)`, printing as CPython's tuple.
    ///
    /// Python: `socket.getnameinfo()`. C: `getaddrinfo(3)`, `getnameinfo(3)`.
    public static func getnameinfo(_ sockaddr: (String, Int, Int), _ flags: Int) throws -> NameInfo {
        let (host, port): (String, String) = try getnameinfo(sockaddr, flags)
        return NameInfo(host: host, port: port)
    }

    /// `socket.getnameinfo((host, port, flowinfo, scope_id), flags)`, printing as CPython's tuple.
    ///
    /// Python: `socket.getnameinfo()`. C: `getaddrinfo(3)`, `getnameinfo(3)`.
    public static func getnameinfo(_ sockaddr: (String, Int, Int, Int), _ flags: Int) throws -> NameInfo {
        let (host, port): (String, String) = try getnameinfo(sockaddr, flags)
        return NameInfo(host: host, port: port)
    }

    /// `socket.getnameinfo(sockaddr, flags)` for an address value, printing as CPython's tuple.
    ///
    /// Python: `socket.getnameinfo()`. C: `getaddrinfo(3)`, `getnameinfo(3)`.
    public static func getnameinfo(_ sockaddr: SocketAddress, _ flags: Int) throws -> NameInfo {
        let (host, port): (String, String) = try getnameinfo(sockaddr, flags)
        return NameInfo(host: host, port: port)
    }

    /// `socket.gethostbyname_ex(hostname)`, printing as CPython's tuple.
    ///
    /// Python: `socket.gethostbyname_ex()`. C: `gethostbyname_r(3)`.
    public static func gethostbyname_ex(_ hostname: String) throws -> HostInfo {
        let (name, aliases, addresses): (String, [String], [String]) = try gethostbyname_ex(hostname)
        return HostInfo(hostname: name, aliaslist: aliases, ipaddrlist: addresses)
    }

    /// `socket.gethostbyaddr(ip_address)`, printing as CPython's tuple.
    ///
    /// Python: `socket.gethostbyaddr()`. C: `gethostbyaddr_r(3)`.
    public static func gethostbyaddr(_ ip_address: String) throws -> HostInfo {
        let (name, aliases, addresses): (String, [String], [String]) = try gethostbyaddr(ip_address)
        return HostInfo(hostname: name, aliaslist: aliases, ipaddrlist: addresses)
    }

    /// `socket.gethostbyname(b"host")`: a host name given as `bytes` (or any bytes buffer), as
    /// CPython accepts it.
    ///
    /// Python: `socket.gethostbyname()`. C: `inet_pton(3)`, else `getaddrinfo(3)`.
    /// Differs from CPython: bytes that are not UTF-8 are decoded with replacement characters.
    public static func gethostbyname<Host: Sequence>(_ hostname: Host) throws -> String where Host.Element == UInt8 {
        try gethostbyname(String(decoding: Array(hostname), as: UTF8.self))
    }
}
