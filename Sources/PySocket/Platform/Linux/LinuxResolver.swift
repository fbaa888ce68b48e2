// Linux's resolver and netdb calls: getaddrinfo, getnameinfo, gethostby*_r, getserv*_r, inet_*, if_*, hostname.
#if os(Linux) && canImport(Glibc)
import Glibc
import CPySocket

/// One entry of a `getaddrinfo(3)` result, copied out of the C list.
struct ResolvedAddress {
    var family: Int
    var socktype: Int
    var proto: Int
    /// `ai_canonname`, nil when the resolver gave none.
    var canonname: String?
    /// `ai_addr` and `ai_addrlen`.
    var address: Sockaddr
}

/// A failed `gethostby*_r` call: its `h_errno`.
struct HostError: Error {
    var code: Int32
}

/// A `hostent` copied out of the resolver's buffer.
struct HostEntry {
    var name: String
    var aliases: [String]
    var addressFamily: Int
    /// Each address in network order (4 bytes for AF_INET, 16 for AF_INET6).
    var addresses: [[UInt8]]
}

/// The C library's name lookups (netdb: getaddrinfo, getnameinfo, gethostbyname...), host and
/// interface names, and the text forms of addresses, as the module functions and the codec use
/// them. `NativeResolver` on this platform.
enum LinuxResolver {
    /// C: `getaddrinfo(3)` with the hints given; the whole list in resolver order, or the
    /// EAI_* code (with errno for EAI_SYSTEM).
    static func getaddrinfo(
        _ host: [UInt8]?, _ service: [UInt8]?, family: Int32, socktype: Int32, proto: Int32, flags: Int32
    ) -> Result<[ResolvedAddress], ResolveError> {
        getaddrinfo(host, service, family: family, socktype: socktype, proto: proto, flags: flags) { $0 }
    }

    /// C: `getaddrinfo(3)`, each entry turned into the caller's value as it is read, so that the
    /// result is built in one array. `host` and `service` are the C strings' bytes (no NUL).
    static func getaddrinfo<Host: Collection<UInt8>, Service: Collection<UInt8>, Entry>(
        _ host: Host?, _ service: Service?, family: Int32, socktype: Int32, proto: Int32, flags: Int32,
        entry transform: (ResolvedAddress) -> Entry
    ) -> Result<[Entry], ResolveError> {
        var hints = addrinfo()
        hints.ai_family = family
        hints.ai_socktype = socktype
        hints.ai_protocol = proto
        hints.ai_flags = flags
        var list: UnsafeMutablePointer<addrinfo>?
        let code = withOptionalCString(host) { hostPointer in
            withOptionalCString(service) { servicePointer in
                Glibc.getaddrinfo(hostPointer, servicePointer, &hints, &list)
            }
        }
        if code != 0 { return .failure(ResolveError(code: code, errno: cpy_errno())) }
        defer { freeaddrinfo(list) }
        var count = 0
        var node = list
        while let current = node { count += 1; node = current.pointee.ai_next }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        node = list
        while let current = node {
            let info = current.pointee
            var address = Sockaddr()
            let length = min(Int(info.ai_addrlen), MemoryLayout<sockaddr_storage>.size)
            if let source = info.ai_addr, length > 0 {
                withUnsafeMutableBytes(of: &address.storage) { target in
                    target.copyMemory(from: UnsafeRawBufferPointer(start: source, count: length))
                }
            }
            address.length = UInt32(length)
            entries.append(transform(ResolvedAddress(
                family: Int(info.ai_family), socktype: Int(info.ai_socktype), proto: Int(info.ai_protocol),
                canonname: info.ai_canonname.map { String(cString: $0) }, address: address)))
            node = info.ai_next
        }
        return .success(entries)
    }

    /// C: `getnameinfo(3)`: the host and service for an address, or the EAI_* code.
    static func getnameinfo(_ address: Sockaddr, flags: Int32) -> Result<(host: String, service: String), ResolveError> {
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        var service = [CChar](repeating: 0, count: Int(NI_MAXSERV))
        var storage = address.storage
        let code = withUnsafeBytes(of: &storage) { raw in
            Glibc.getnameinfo(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), address.length,
                              &host, socklen_t(host.count), &service, socklen_t(service.count), flags)
        }
        if code != 0 { return .failure(ResolveError(code: code, errno: cpy_errno())) }
        return .success((string(host), string(service)))
    }

    /// C: `gethostbyname_r(3)`: the entry, or `h_errno`.
    static func gethostbyname(_ name: [UInt8]) -> Result<HostEntry, HostError> {
        withHostBuffer { entry, buffer, length, result, herrno in
            withOptionalCString(name) { Glibc.gethostbyname_r($0, entry, buffer, length, result, herrno) }
        }
    }

    /// C: `gethostbyaddr_r(3)` for `address` (network order) of `family`: the entry, or `h_errno`.
    static func gethostbyaddr(_ address: [UInt8], family: Int) -> Result<HostEntry, HostError> {
        withHostBuffer { entry, buffer, length, result, herrno in
            address.withUnsafeBytes { raw in
                Glibc.gethostbyaddr_r(raw.baseAddress, socklen_t(raw.count), Int32(family),
                                      entry, buffer, length, result, herrno)
            }
        }
    }

    /// Runs a `gethostby*_r` call, growing its buffer while it reports ERANGE.
    private static func withHostBuffer(
        _ call: (UnsafeMutablePointer<hostent>, UnsafeMutablePointer<CChar>, Int,
                 UnsafeMutablePointer<UnsafeMutablePointer<hostent>?>, UnsafeMutablePointer<Int32>) -> Int32
    ) -> Result<HostEntry, HostError> {
        var size = 16 * 1024
        for _ in 0..<8 {
            var entry = hostent()
            var result: UnsafeMutablePointer<hostent>?
            var herrno: Int32 = 0
            var buffer = [CChar](repeating: 0, count: size)
            // The entry's strings live in `buffer`: copy them out while it is alive.
            let outcome: (code: Int32, entry: HostEntry?) = buffer.withUnsafeMutableBufferPointer { raw in
                let code = call(&entry, raw.baseAddress!, size, &result, &herrno)
                guard let found = result else { return (code, nil) }
                return (code, copyHostEntry(found.pointee))
            }
            if outcome.code == ERANGE { size *= 4; continue }
            guard let found = outcome.entry else { return .failure(HostError(code: herrno == 0 ? NO_RECOVERY : herrno)) }
            return .success(found)
        }
        return .failure(HostError(code: NO_RECOVERY))
    }

    private static func copyHostEntry(_ entry: hostent) -> HostEntry {
        let name = entry.h_name.map { String(cString: $0) } ?? ""
        let aliases = strings(entry.h_aliases)
        let width = Int(entry.h_length)
        var addresses: [[UInt8]] = []
        if var cursor = entry.h_addr_list {
            while let item = cursor.pointee {
                addresses.append(Array(UnsafeRawBufferPointer(start: item, count: width)))
                cursor += 1
            }
        }
        return HostEntry(name: name, aliases: aliases, addressFamily: Int(entry.h_addrtype), addresses: addresses)
    }

    /// The strings of a NULL-terminated C array (nil is an empty list, as CPython treats it).
    private static func strings(_ list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String] {
        guard var cursor = list else { return [] }
        var out: [String] = []
        while let item = cursor.pointee {
            out.append(String(cString: item))
            cursor += 1
        }
        return out
    }

    /// C: `hstrerror(3)`.
    static func hstrerror(_ code: Int32) -> String {
        String(cString: Glibc.hstrerror(code))
    }

    /// C: `getservbyname_r(3)`: the port in host order, or nil when not found.
    static func getservbyname(_ name: [UInt8], proto: [UInt8]?) -> Int? {
        withServent { entry, buffer, length, result in
            withOptionalCString(name) { namePointer in
                withOptionalCString(proto) { Glibc.getservbyname_r(namePointer, $0, entry, buffer, length, result) }
            }
        }.map { Int(UInt16(bigEndian: UInt16(truncatingIfNeeded: $0.port))) }
    }

    /// C: `getservbyport_r(3)` for a port in host order: the service name, or nil when not found.
    static func getservbyport(_ port: Int, proto: [UInt8]?) -> String? {
        let networkPort = Int32(UInt16(truncatingIfNeeded: port).bigEndian)
        return withServent { entry, buffer, length, result in
            withOptionalCString(proto) { Glibc.getservbyport_r(networkPort, $0, entry, buffer, length, result) }
        }.map(\.name)
    }

    /// Runs a `getserv*_r` call with a buffer that grows on ERANGE: the service's name and
    /// `s_port` (network order), copied before the buffer goes away; nil when nothing was found.
    private static func withServent(
        _ call: (UnsafeMutablePointer<servent>, UnsafeMutablePointer<CChar>, Int,
                 UnsafeMutablePointer<UnsafeMutablePointer<servent>?>) -> Int32
    ) -> (name: String, port: Int32)? {
        var size = 4096
        for _ in 0..<8 {
            var entry = servent()
            var result: UnsafeMutablePointer<servent>?
            var buffer = [CChar](repeating: 0, count: size)
            let outcome: (code: Int32, found: (name: String, port: Int32)?) = buffer.withUnsafeMutableBufferPointer { raw in
                let code = call(&entry, raw.baseAddress!, size, &result)
                guard code == 0, let found = result else { return (code, nil) }
                return (code, (String(cString: found.pointee.s_name), found.pointee.s_port))
            }
            if outcome.code == ERANGE { size *= 4; continue }
            return outcome.found
        }
        return nil
    }

    /// C: `getprotobyname_r(3)`: the protocol number, or nil when not found.
    static func getprotobyname(_ name: [UInt8]) -> Int? {
        var size = 1024
        for _ in 0..<8 {
            var entry = protoent()
            var result: UnsafeMutablePointer<protoent>?
            var buffer = [CChar](repeating: 0, count: size)
            let code = buffer.withUnsafeMutableBufferPointer { raw in
                withOptionalCString(name) { Glibc.getprotobyname_r($0, &entry, raw.baseAddress!, size, &result) }
            }
            if code == ERANGE { size *= 4; continue }
            guard code == 0, let found = result else { return nil }
            return Int(found.pointee.p_proto)
        }
        return nil
    }

    /// C: `inet_aton(3)`: the 4 address bytes, or nil when `text` is not an address.
    static func inetAton(_ text: [UInt8]) -> [UInt8]? {
        var address = in_addr()
        let ok = withOptionalCString(text) { Glibc.inet_aton($0!, &address) }
        guard ok != 0 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    /// C: `inet_pton(3)`: the packed address, nil when `text` is not valid for `family`,
    /// or the errno (EAFNOSUPPORT) for an unknown family. AF_INET and AF_INET6 are parsed by
    /// `IPText` (glibc's grammars); any other family still goes to glibc for its errno.
    static func inetPtonChecked(_ family: Int32, _ text: [UInt8]) throws(Errno) -> [UInt8]? {
        switch family {
        case Int32(AF_INET):
            guard let address = IPText.parseIPv4(text.prefix { $0 != 0 }) else { return nil }
            return withUnsafeBytes(of: address) { Array($0) }
        case Int32(AF_INET6):
            guard let address = IPText.parseIPv6(text.prefix { $0 != 0 }) else { return nil }
            return withUnsafeBytes(of: address) { Array($0) }
        default:
            break
        }
        var buffer = [UInt8](repeating: 0, count: 16)
        let result = buffer.withUnsafeMutableBytes { raw in
            withOptionalCString(text) { Glibc.inet_pton(family, $0, raw.baseAddress) }
        }
        if result < 0 { throw Errno.current }
        guard result == 1 else { return nil }
        return Array(buffer.prefix(family == Int32(AF_INET) ? 4 : 16))
    }

    /// C: `gethostname(2)`.
    static func gethostname() throws(Errno) -> String {
        var buffer = [CChar](repeating: 0, count: 1024)
        if Glibc.gethostname(&buffer, buffer.count - 1) != 0 { throw Errno.current }
        return string(buffer)
    }

    /// C: `sethostname(2)`.
    static func sethostname(_ name: [UInt8]) throws(Errno) {
        let result = (name + [0]).withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { Glibc.sethostname($0.baseAddress!, name.count) }
        }
        if result != 0 { throw Errno.current }
    }

    /// C: `if_nameindex(3)`: every interface's index and name, in the kernel's order.
    static func ifNameIndex() throws(Errno) -> [(index: Int, name: String)] {
        guard let function = ifNameIndexFunction else { throw Errno(ENOSYS) }
        guard let list = function() else { throw Errno.current }
        defer { if_freenameindex(list) }
        var out: [(index: Int, name: String)] = []
        var cursor = list
        while cursor.pointee.if_index != 0, let name = cursor.pointee.if_name {
            out.append((Int(cursor.pointee.if_index), String(cString: name)))
            cursor += 1
        }
        return out
    }

    /// C: `if_nameindex(3)` itself. Swift imports the struct of the same name in its place, so
    /// the function is looked up by name in the C library.
    private static let ifNameIndexFunction: (@convention(c) () -> UnsafeMutablePointer<if_nameindex>?)? = {
        guard let symbol = dlsym(nil, "if_nameindex") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) () -> UnsafeMutablePointer<if_nameindex>?).self)
    }()

    /// C: `if_nametoindex(3)`: the index, 0 when there is no such interface.
    static func ifNameToIndex(_ name: [UInt8]) -> Int {
        Int(withOptionalCString(name) { Glibc.if_nametoindex($0) })
    }

    /// C: `if_indextoname(3)`.
    static func ifIndexToName(_ index: UInt32) throws(Errno) -> String {
        var buffer = [CChar](repeating: 0, count: Int(IF_NAMESIZE) + 1)
        guard Glibc.if_indextoname(index, &buffer) != nil else { throw Errno.current }
        return string(buffer)
    }

    /// C: `inet_pton(3)` for AF_INET and AF_INET6 (its grammars, parsed by `IPText`). Returns
    /// the address bytes, or nil when `text` is not numeric (or the family is neither).
    static func inetPton(_ family: Int, _ text: String) -> [UInt8]? {
        switch family {
        case LinuxConstants.AF_INET:
            guard let address = IPText.parseIPv4(text) else { return nil }
            return withUnsafeBytes(of: address) { Array($0) }
        case LinuxConstants.AF_INET6:
            guard let address = IPText.parseIPv6(text) else { return nil }
            return withUnsafeBytes(of: address) { Array($0) }
        default:
            return nil
        }
    }

    /// C: `inet_ntop(3)` for AF_INET (4 bytes) and AF_INET6 (16 bytes), printed by `IPText`;
    /// "" for another family or too few bytes (where `inet_ntop` fails).
    static func inetNtop(_ family: Int, _ address: [UInt8]) -> String {
        address.withUnsafeBytes { bytes in
            switch family {
            case LinuxConstants.AF_INET where bytes.count >= 4:
                return IPText.formatIPv4(bytes.loadUnaligned(as: UInt32.self))
            case LinuxConstants.AF_INET6 where bytes.count >= 16:
                return IPText.formatIPv6((bytes.loadUnaligned(as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
            default:
                return ""
            }
        }
    }

    /// C: `getaddrinfo(3)` for one host and family, as CPython's `setipaddr` uses it: the first
    /// address's bytes (and scope id for IPv6), or the EAI_* code (with errno for EAI_SYSTEM).
    static func resolveFirst(_ host: String?, family: Int, passive: Bool) -> Result<(address: [UInt8], scopeID: UInt32, family: Int), ResolveError> {
        var hints = addrinfo()
        hints.ai_family = Int32(family)
        hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
        hints.ai_flags = passive ? AI_PASSIVE : 0
        var list: UnsafeMutablePointer<addrinfo>?
        let code = host == nil ? Glibc.getaddrinfo(nil, "0", &hints, &list) : Glibc.getaddrinfo(host, nil, &hints, &list)
        if code != 0 { return .failure(ResolveError(code: code, errno: cpy_errno())) }
        defer { freeaddrinfo(list) }
        guard let first = list, let sa = first.pointee.ai_addr else {
            return .failure(ResolveError(code: EAI_NONAME, errno: 0))
        }
        let resultFamily = Int(first.pointee.ai_family)
        if resultFamily == LinuxConstants.AF_INET {
            return .success((readInetBytes(sa), 0, resultFamily))
        }
        let six = LinuxSockaddr.readInet6(UnsafeRawPointer(sa))
        return .success((six.address, six.scopeID, resultFamily))
    }

    private static func readInetBytes(_ sa: UnsafeMutablePointer<sockaddr>) -> [UInt8] {
        LinuxSockaddr.readInet(UnsafeRawPointer(sa)).address
    }

    /// `EAI_NONAME`: what an empty answer from the resolver means.
    static let noNameCode = Int32(Glibc.EAI_NONAME)

    /// The text of a NUL-terminated C buffer, decoded as UTF-8.
    private static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Calls `body` with `bytes` as a NUL-terminated C string (nil for nil), copied into a
    /// temporary buffer that lives on the stack when it is small.
    private static func withOptionalCString<Bytes: Collection<UInt8>, R>(_ bytes: Bytes?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
        guard let bytes else { return body(nil) }
        // A String's UTF-8 is copied as one buffer: walking String.UTF8View byte by byte costs
        // about 50 instructions a byte.
        if let result = bytes.withContiguousStorageIfAvailable({ source in
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: source.count + 1) { buffer in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(source))
                buffer[source.count] = 0
                return body(UnsafePointer(buffer.baseAddress))
            }
        }) {
            return result
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            var index = 0
            for byte in bytes {
                buffer[index] = CChar(bitPattern: byte)
                index += 1
            }
            buffer[index] = 0
            return body(UnsafePointer(buffer.baseAddress))
        }
    }
}
#endif
