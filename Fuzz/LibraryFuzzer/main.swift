// libFuzzer targets over the whole library (compiled in by scripts/fuzz): IPText and inet_aton against glibc, the sockaddr codec, bytes' parsers; getaddrinfo's argument checks are in Resolver.swift.
import CPySocket
import Glibc

/// Stops the run with a crash libFuzzer records, keeping the input that caused it.
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("library fuzzer: \(message())") }
}

/// The target this process fuzzes, from FUZZ_TARGET (iptext, inet_aton, sockaddr, getaddrinfo, bytes).
let target: String = {
    guard let value = getenv("FUZZ_TARGET") else { return "iptext" }
    return String(cString: value)
}()

/// The input, read front to back.
struct Reader {
    var bytes: UnsafeRawBufferPointer
    var position = 0

    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// An integer that is often an edge (0, -1, 65535, 65536, Int32 and Int limits).
    mutating func integer() -> Int {
        let edges = [0, -1, 1, 65535, 65536, Int(Int32.max), Int(Int32.max) + 1, Int(UInt32.max), Int(UInt32.max) + 1,
                     Int.max, Int.min, -65536, 80, 443]
        let selector = byte()
        if selector < 128 { return edges[Int(selector) % edges.count] }
        var value: UInt64 = 0
        for _ in 0..<8 { value = value << 8 | UInt64(byte()) }
        return Int(truncatingIfNeeded: value)
    }

    /// Up to `limit` bytes, the count chosen by the input.
    mutating func chunk(_ limit: Int) -> [UInt8] {
        let count = min(Int(byte()), limit, bytes.count - min(position, bytes.count))
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    /// The next `count` bytes (fewer at the end of the input).
    mutating func chunk(exactly count: Int) -> [UInt8] {
        let taken = min(count, bytes.count - min(position, bytes.count))
        defer { position += taken }
        return Array(bytes[position..<position + taken])
    }

    var rest: [UInt8] { Array(bytes[min(position, bytes.count)...]) }
}

/// glibc's inet_pton of `text` (no NUL inside) for `family`, as bytes; nil if rejected.
func glibcPton(_ family: Int32, _ text: [UInt8]) -> [UInt8]? {
    var out = [UInt8](repeating: 0, count: 16)
    let accepted = (text + [0]).withUnsafeBufferPointer { raw in
        raw.withMemoryRebound(to: CChar.self) { inet_pton(family, $0.baseAddress, &out) }
    }
    return accepted == 1 ? Array(out.prefix(family == AF_INET ? 4 : 16)) : nil
}

/// glibc's inet_ntop of `packed`.
func glibcNtop(_ family: Int32, _ packed: [UInt8]) -> String {
    var text = [CChar](repeating: 0, count: 64)
    _ = packed.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &text, 64) }
    return String(cString: text)
}

/// IPText against glibc: the same accept/reject decision and bytes for every input, the same
/// text for every packed address, and parse(format(x)) == x.
func fuzzIPText(_ input: inout Reader) {
    let mode = input.byte()
    let text = input.rest
    if mode & 1 == 0 {
        let v4 = IPText.parseIPv4(text)
        let v6 = IPText.parseIPv6(text)
        if !text.contains(0) {
            let want4 = glibcPton(AF_INET, text)
            let got4 = v4.map { value in withUnsafeBytes(of: value) { Array($0) } }
            check(got4 == want4, "IPv4 \(text): IPText \(String(describing: got4)), glibc \(String(describing: want4))")
            let want6 = glibcPton(AF_INET6, text)
            let got6 = v6.map { value in withUnsafeBytes(of: value) { Array($0) } }
            check(got6 == want6, "IPv6 \(text): IPText \(String(describing: got6)), glibc \(String(describing: want6))")
        } else {
            check(v4 == nil && v6 == nil, "a text with NUL was accepted: \(text)")
        }
        if let v4 { check(IPText.parseIPv4(IPText.formatIPv4(v4)) == v4, "IPv4 round trip of \(text)") }
        if let v6 {
            let again = IPText.parseIPv6(IPText.formatIPv6(v6))
            check(again.map { $0 == v6 } ?? false, "IPv6 round trip of \(text)")
        }
    } else {
        var packed = text + [UInt8](repeating: 0, count: 16)
        packed = Array(packed.prefix(16))
        let v4 = packed.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
        check(IPText.formatIPv4(v4) == glibcNtop(AF_INET, Array(packed.prefix(4))), "IPv4 text of \(packed.prefix(4))")
        let v6 = packed.withUnsafeBytes { ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
        check(IPText.formatIPv6(v6) == glibcNtop(AF_INET6, packed), "IPv6 text of \(packed)")
    }
}

/// socket.inet_aton against glibc's inet_aton; inet_ntoa of the result parses back to it.
func fuzzInetAton(_ input: inout Reader) {
    let text = input.rest
    let string = String(decoding: text, as: UTF8.self)
    let ours: bytes?
    do { ours = try socket.inet_aton(string) } catch { ours = nil }
    if !text.contains(0), Array(string.utf8) == text {
        var address = in_addr()
        let accepted = (text + [0]).withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { Glibc.inet_aton($0.baseAddress, &address) }
        }
        let want = accepted != 0 ? withUnsafeBytes(of: address.s_addr) { Array($0) } : nil
        check(ours.map { Array($0) } == want, "inet_aton \(text): PySocket \(String(describing: ours)), glibc \(String(describing: want))")
    }
    if let ours {
        let back = try? socket.inet_aton(try socket.inet_ntoa(ours))
        check(back == ours, "inet_ntoa/inet_aton round trip of \(ours)")
    }
}

/// A host for the codec: a numeric address (never a name, so never a DNS query), an empty or
/// special host, or input text only when it is numeric.
func codecHost(_ input: inout Reader, ipv6: Bool) -> String {
    let raw = input.chunk(60)
    let text = String(decoding: raw, as: UTF8.self)
    switch input.byte() % 4 {
    case 0: return ipv6 ? "::1" : "127.0.0.1"
    case 1: return ipv6 ? IPText.formatIPv6((UInt64(truncatingIfNeeded: input.integer()), UInt64(truncatingIfNeeded: input.integer())))
                        : IPText.formatIPv4(UInt32(truncatingIfNeeded: input.integer()))
    case 2: return ["", "<broadcast>", "0.0.0.0", "::", "255.255.255.255"][Int(input.byte()) % 5]
    default: return IPText.parseIPv4(text) != nil || IPText.parseIPv6(text) != nil ? text : "127.0.0.1"
    }
}

/// The sockaddr codec for every family: an address that encodes decodes to the same value
/// (hosts in canonical form); any bytes of any length decode without a crash and re-encode.
func fuzzSockaddr(_ input: inout Reader) {
    let families = [socket.AF_INET.rawValue, socket.AF_INET6.rawValue, socket.AF_UNIX.rawValue,
                    socket.AF_NETLINK.rawValue, socket.AF_PACKET.rawValue, 12345]
    let family = families[Int(input.byte()) % families.count]
    let address: SocketAddress
    switch input.byte() % 7 {
    case 0: address = .inet(host: codecHost(&input, ipv6: false), port: input.integer())
    case 1: address = .inet6(host: codecHost(&input, ipv6: true), port: input.integer(), flowinfo: input.integer(), scope_id: input.integer())
    case 2: address = .unix(String(decoding: input.chunk(120), as: UTF8.self))
    case 3: address = .unixBytes(bytes(input.chunk(120)))
    case 4: address = .netlink(pid: input.integer(), groups: input.integer())
    case 5: address = .packet(ifname: "lo", proto: input.integer(), pkttype: input.integer(), hatype: input.integer(), addr: bytes(input.chunk(12)))
    default:
        var storage = sockaddr_storage()
        let raw = input.rest
        let length = min(raw.count, MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutableBytes(of: &storage) { $0.copyBytes(from: raw.prefix(length)) }
        let decoded = withUnsafeBytes(of: &storage) { SockaddrCodec.decode($0.baseAddress!, length: length) }
        _ = String(describing: decoded)
        _ = String(reflecting: decoded)
        return
    }
    guard let encoded = try? SockaddrCodec.encode(address, family: family, caller: "bind") else { return }
    check(encoded.length <= UInt32(MemoryLayout<sockaddr_storage>.size), "length \(encoded.length) for \(address)")
    let decoded = encoded.decoded()
    switch (address, decoded) {
    case (.inet(_, let port), .inet(let host, let back)):
        check(port == back, "AF_INET port \(port) came back \(back)")
        check(IPText.parseIPv4(host) != nil, "AF_INET host \(host) is not numeric")
    case (.inet6(_, let port, let flowinfo, let scope), .inet6(_, let p, let f, let s)):
        // CPython reads flowinfo and scope_id with the "I" format (modulo 2**32; flowinfo's range
        // is checked after that), so both come back modulo 2**32.
        check(port == p && UInt32(truncatingIfNeeded: flowinfo) == UInt32(truncatingIfNeeded: f)
              && UInt32(truncatingIfNeeded: scope) == UInt32(truncatingIfNeeded: s),
              "AF_INET6 \(address) came back \(decoded)")
    case (.unix(let path), .unix(let back)):
        check(path.utf8.count == 0 || path.utf8.prefix { $0 != 0 }.elementsEqual(back.utf8), "path \(path) came back \(back)")
    case (.netlink(let pid, let groups), .netlink(let p, let g)):
        // CPython reads both with the "I" format (unsigned int, no overflow check): modulo 2**32.
        check(UInt32(truncatingIfNeeded: pid) == UInt32(truncatingIfNeeded: p) && UInt32(truncatingIfNeeded: groups) == UInt32(truncatingIfNeeded: g),
              "netlink \(address) came back \(decoded)")
    default: break
    }
}

// getaddrinfo: see Fuzz/LibraryFuzzer/Resolver.swift.

/// `bytes`' parsers and their inverses on any input: `fromhex(hex())` and `fromhex` of the
/// spaced `hex(" ", n)` give the bytes back; `fromhex` of any text either raises ValueError or
/// gives bytes whose `hex()` is the text without its whitespace, lowercased; `decode("utf-8")`
/// succeeds exactly when Swift's own UTF-8 validation does, and `errors="replace"` never raises;
/// latin-1 round-trips; `split(sep)` joined by `sep` is the input; `find` points at a match;
/// `%` formatting of input-made templates, and of widths and precisions past any size, raises
/// only Python exceptions.
func fuzzBytes(_ input: inout Reader) {
    let selector = input.byte()
    let data = bytes(input.chunk(200))
    let rest = input.rest
    check((try? bytes.fromhex(data.hex())) == data, "fromhex(hex()) of \(data)")
    let group = Int(selector % 7) + 1
    if let spaced = try? data.hex(" ", group) {
        check((try? bytes.fromhex(spaced)) == data, "fromhex(hex(' ', \(group))) of \(data)")
    } else {
        check(false, "hex(' ', \(group)) raised for \(data)")
    }
    let text = String(decoding: rest, as: UTF8.self)
    do {
        let parsed = try bytes.fromhex(text)
        let digits = String(text.unicodeScalars.filter { !" \t\n\r\u{0B}\u{0C}".unicodeScalars.contains($0) }).lowercased()
        check(parsed.hex() == digits, "fromhex(\(text.debugDescription)) gave \(parsed)")
    } catch is ValueError {
    } catch {
        check(false, "fromhex raised \(type(of: error))")
    }
    let valid = String(validating: rest, as: UTF8.self)
    let strict = try? bytes(rest).decode("utf-8")
    check((strict == nil) == (valid == nil), "decode('utf-8') of \(rest) disagrees with UTF-8 validation")
    if let strict { check(Array(strict.utf8) == rest, "decode('utf-8') changed \(rest)") }
    check((try? bytes(rest).decode("utf-8", errors: "replace")) != nil, "decode('utf-8', 'replace') raised")
    if let latin = try? bytes(rest).decode("latin-1") {
        check((try? latin.encode("latin-1")) == bytes(rest), "latin-1 round trip of \(rest)")
    } else {
        check(false, "decode('latin-1') raised")
    }
    let separator = bytes(Array(data.prefix(Int(selector % 3) + 1)))
    if !separator.isEmpty, let parts = try? bytes(rest).split(separator) {
        check(separator.join(parts) == bytes(rest), "split/join of \(rest) by \(separator)")
        let at = bytes(rest).find(separator)
        check(at == -1 || bytes(rest)[at...].starts(with: separator), "find(\(separator)) = \(at) in \(rest)")
    }
    // A template with a long run of digits asks for a width or precision of megabytes, which is
    // Python's behaviour too but would make every run slow: those are checked at the edges only.
    var run = 0, longest = 0
    for byte in data { run = (48...57).contains(byte) ? run + 1 : 0; longest = max(longest, run) }
    let templates = longest < 4 ? [data] : selector == 0
        ? ["%99999999999999999999d", "%.99999999999999999999d", "%9223372036854775807d", "%-9223372036854775808d"].map { bytes(Array($0.utf8)) } : []
    for template in templates {
        do {
            _ = try template % (Int(selector) - 128, bytes(rest.prefix(8)), Double(selector) / 3)
        } catch is Exception {
        } catch {
            check(false, "% raised a non-Python error: \(error)")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    var input = Reader(bytes: UnsafeRawBufferPointer(start: data, count: size))
    switch target {
    case "inet_aton": fuzzInetAton(&input)
    case "sockaddr": fuzzSockaddr(&input)
    case "getaddrinfo": fuzzGetaddrinfo(&input)
    case "bytes": fuzzBytes(&input)
    default: fuzzIPText(&input)
    }
    return 0
}
