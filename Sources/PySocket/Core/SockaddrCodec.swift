// SocketAddress <-> sockaddr, with CPython's rules for hosts, ports, flowinfo and AF_UNIX paths.
import CPySocket

/// A sockaddr in a buffer large enough for any family, with its length.
package struct Sockaddr {
    package var storage = sockaddr_storage()
    package var length: UInt32 = UInt32(MemoryLayout<sockaddr_storage>.size)

    package init() {}

    /// Calls `body` with the address and its length, as `bind(2)`/`connect(2)` take them.
    @inline(__always)
    package func withPointer<R, E: Error>(_ body: (UnsafeRawPointer, UInt32) throws(E) -> R) throws(E) -> R {
        var copy = storage
        let length = self.length
        return try withUnsafeBytes(of: &copy) { (raw) throws(E) -> R in try body(raw.baseAddress!, length) }
    }

    /// Calls `body` with room for the kernel to write an address and its length.
    @inline(__always)
    package mutating func withMutablePointer<R, E: Error>(_ body: (UnsafeMutableRawPointer, inout UInt32) throws(E) -> R) throws(E) -> R {
        var length = UInt32(MemoryLayout<sockaddr_storage>.size)
        defer { self.length = length }
        return try withUnsafeMutableBytes(of: &storage) { (raw) throws(E) -> R in try body(raw.baseAddress!, &length) }
    }

    /// The Python value for this address, as CPython's `makesockaddr` builds it.
    package func decoded() -> SocketAddress {
        var copy = storage
        return withUnsafeBytes(of: &copy) { raw in SockaddrCodec.decode(raw.baseAddress!, length: Int(length)) }
    }
}

/// A sockaddr at an address that stays put for as long as this object lives, for a call whose
/// kernel reads or writes the address after the Swift frame that started it has returned (an
/// io_uring accept, recvfrom, recvmsg or connect). The same codec fills and reads it.
package final class SockaddrBuffer {
    /// The `sockaddr_storage`, where the kernel reads or writes the address.
    package let pointer: UnsafeMutableRawPointer
    /// The length: what the kernel may write (on the way in), what it wrote (on the way out).
    package let length: UnsafeMutablePointer<UInt32>

    /// Room for any address, for the kernel to fill.
    package init() {
        pointer = UnsafeMutableRawPointer.allocate(byteCount: MemoryLayout<sockaddr_storage>.size,
                                                   alignment: MemoryLayout<sockaddr_storage>.alignment)
        pointer.initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<sockaddr_storage>.size)
        length = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
        length.initialize(to: UInt32(MemoryLayout<sockaddr_storage>.size))
    }

    /// A copy of an encoded address (`SockaddrCodec.encode`), for the kernel to read.
    package convenience init(_ address: Sockaddr) {
        self.init()
        pointer.storeBytes(of: address.storage, as: sockaddr_storage.self)
        length.pointee = address.length
    }

    /// The address as a value.
    package var sockaddr: Sockaddr {
        var address = Sockaddr()
        address.storage = pointer.load(as: sockaddr_storage.self)
        address.length = min(length.pointee, UInt32(MemoryLayout<sockaddr_storage>.size))
        return address
    }

    /// The Python value for the address, as CPython's `makesockaddr` builds it.
    package func decoded() -> SocketAddress {
        SockaddrCodec.decode(UnsafeRawPointer(pointer), length: Int(min(length.pointee, UInt32(MemoryLayout<sockaddr_storage>.size))))
    }

    deinit {
        pointer.deallocate()
        length.deallocate()
    }
}

/// Why an address could not be encoded, before it becomes a Python exception (`pythonError`,
/// Errors/Conversion.swift): the class CPython raises and its message.
package enum AddressError: Error {
    /// TypeError: an address of the wrong shape for the family.
    case type(String)
    /// ValueError.
    case value(String)
    /// OverflowError: a port, flowinfo or proto out of range.
    case overflow(String)
    /// `OSError(message)` without an errno (`AF_UNIX path too long`, `bad family`).
    case os(String)
    /// The errno's OSError subclass (`if_nametoindex` failing with ENODEV).
    case errno(Errno)
    /// A family CPython decodes and PySocket does not yet: `OSError("bind(): AF_CAN addresses
    /// are not supported by PySocket yet")`, naming the family.
    case unsupportedFamily(caller: String, family: Int)
    /// The resolver failed: `socket.gaierror`, or the errno's OSError for EAI_SYSTEM.
    case resolver(ResolveError)
}

/// CPython's `getsockaddrarg` and `makesockaddr`: Python address values to sockaddr and back.
package enum SockaddrCodec {
    /// Encodes `address` for a socket of `family`. `caller` names the method in messages
    /// (`bind(): port must be 0-65535.`).
    package static func encode(_ address: SocketAddress, family: Int, caller: String) throws(AddressError) -> Sockaddr {
        var result = Sockaddr()
        try withUnsafeMutableBytes(of: &result.storage) { (raw) throws(AddressError) in
            result.length = try write(address, family: family, caller: caller, into: raw.baseAddress!)
        }
        return result
    }

    private static func write(_ address: SocketAddress, family: Int, caller: String, into raw: UnsafeMutableRawPointer) throws(AddressError) -> UInt32 {
        switch family {
        case NativeConstants.AF_UNIX:
            return try writeUnix(address, into: raw)
        case NativeConstants.AF_INET:
            guard case .inet(let host, let port) = address else {
                throw wrongShape(address, family: "AF_INET", caller: caller,
                                 shape: "AF_INET address must be a pair (host, port)")
            }
            // Fast path, allocation-free: a numeric host (the common case on every sendto).
            if (0...0xFFFF).contains(port), let length = NativeSockaddr.writeInetNumeric(host, port: UInt16(port), into: raw) {
                return length
            }
            let bytes = try resolve(host, family: family)
            try checkPort(port, caller: caller)
            return NativeSockaddr.writeInet((bytes[0], bytes[1], bytes[2], bytes[3]), port: UInt16(port), into: raw)
        case NativeConstants.AF_INET6:
            let host: String, port: Int, flowinfo: Int, scopeID: Int
            switch address {
            case .inet(let h, let p): (host, port, flowinfo, scopeID) = (h, p, 0, 0)
            case .inet6(let h, let p, let f, let s): (host, port, flowinfo, scopeID) = (h, p, f, s)
            default:
                throw wrongShape(address, family: "AF_INET6", caller: caller,
                                 shape: "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])")
            }
            if (0...0xFFFF).contains(port), (0...0xFFFFF).contains(flowinfo),
               let length = NativeSockaddr.writeInet6Numeric(host, port: UInt16(port), flowinfo: UInt32(flowinfo),
                                                             scopeID: UInt32(truncatingIfNeeded: scopeID), into: raw) {
                return length
            }
            let bytes = try resolve(host, family: family)
            try checkPort(port, caller: caller)
            guard (0...0xFFFFF).contains(flowinfo) else {
                throw .overflow("\(caller)(): flowinfo must be 0-1048575.")
            }
            // CPython parses scope_id with "I": truncated to 32 bits, never an error.
            return NativeSockaddr.writeInet6(bytes, port: UInt16(port), flowinfo: UInt32(flowinfo),
                                             scopeID: UInt32(truncatingIfNeeded: scopeID), into: raw)
        default:
            if let length = try NativeSockaddr.writePlatformFamily(address, family: family, caller: caller, into: raw) {
                return length
            }
            // CPython says "bad family" only for families it has no address format for; for the
            // ones it decodes and PySocket does not yet (AF_CAN, AF_TIPC...), Errors/ says so.
            throw .unsupportedFamily(caller: caller, family: family)
        }
    }

    /// The TypeError CPython raises for an address of the wrong shape.
    package static func wrongShape(_ address: SocketAddress, family: String, caller: String, shape: String) -> AddressError {
        switch address {
        case .unix: return .type("\(caller)(): \(family) address must be tuple, not str")
        case .unixBytes: return .type("\(caller)(): \(family) address must be tuple, not bytes")
        default: return .type(shape)
        }
    }

    private static func checkPort(_ port: Int, caller: String) throws(AddressError) {
        guard (0...0xFFFF).contains(port) else { throw .overflow("\(caller)(): port must be 0-65535.") }
    }

    /// AF_UNIX: a str path, or bytes (a Linux abstract name starts with NUL). CPython rejects a
    /// path that does not fit `sun_path` (with room for the NUL unless abstract).
    private static func writeUnix(_ address: SocketAddress, into raw: UnsafeMutableRawPointer) throws(AddressError) -> UInt32 {
        let path: [UInt8]
        switch address {
        case .unix(let text): path = Array(text.utf8)
        case .unixBytes(let data): path = data.storage
        case .inet, .inet6: throw .type("a bytes-like object is required, not 'tuple'")
        case .noAddress: throw .type("a bytes-like object is required, not 'NoneType'")
        case .other, .netlink, .packet: throw .type("a bytes-like object is required, not 'tuple'")
        }
        let capacity = NativeConstants.sunPathCapacity
        let isAbstract = path.first == 0
        if isAbstract ? path.count > capacity : path.count >= capacity {
            throw .os("AF_UNIX path too long")
        }
        return NativeSockaddr.writeUnix(path, into: raw)
    }

    /// CPython's `setipaddr`: '' is the wildcard, '<broadcast>' INADDR_BROADCAST, a numeric
    /// address is parsed, anything else goes to the resolver (numeric hosts and names alike).
    package static func resolve(_ host: String, family: Int) throws(AddressError) -> [UInt8] {
        if host.utf8.contains(0) { throw .type("host name must not contain null character") }
        if host.isEmpty {
            return try resolverResult(nil, family: family, passive: true)
        }
        if host == "<broadcast>" || host == "255.255.255.255" {
            guard family == NativeConstants.AF_INET else { throw .os("address family mismatched") }
            return [255, 255, 255, 255]
        }
        if let numeric = NativeResolver.inetPton(family, host) { return numeric }
        return try resolverResult(host, family: family, passive: false)
    }

    private static func resolverResult(_ host: String?, family: Int, passive: Bool) throws(AddressError) -> [UInt8] {
        switch NativeResolver.resolveFirst(host, family: family, passive: passive) {
        case .success(let found):
            guard found.family == family else { throw .os("address family mismatched") }
            return found.address
        case .failure(let failure):
            throw .resolver(failure)
        }
    }

    /// CPython's `makesockaddr`.
    package static func decode(_ raw: UnsafeRawPointer, length: Int) -> SocketAddress {
        if length <= 0 { return .noAddress }
        switch NativeSockaddr.family(raw) {
        case NativeConstants.AF_INET:
            return .inet(host: NativeSockaddr.ipText(raw), port: NativeSockaddr.inetPort(raw))
        case NativeConstants.AF_INET6:
            let fields = NativeSockaddr.inet6Fields(raw)
            return .inet6(host: NativeSockaddr.ipText(raw), port: fields.port,
                          flowinfo: fields.flowinfo, scope_id: fields.scopeID)
        case NativeConstants.AF_UNIX:
            let path = NativeSockaddr.readUnixPath(raw, length: length)
            if path.first == 0 { return .unixBytes(bytes(path)) }
            return .unix(String(decoding: path.prefix { $0 != 0 }, as: UTF8.self))
        case let family:
            if let address = NativeSockaddr.readPlatformFamily(raw, length: length) { return address }
            return .other(family: family, data: bytes(NativeSockaddr.readGenericData(raw)))
        }
    }
}
