// IPText, PySocket's own inet_pton/inet_ntop, against glibc's inet_pton(3) and inet_ntop(3)
// called directly: edge cases, hundreds of thousands of pseudo-random texts and addresses, and
// round trips. Every comparison is with glibc, so every test fails if the codec drifts from it.
import Glibc
import Testing
@testable import PySocket

/// A seeded xorshift64* generator: the same sequence on every run.
private struct XorShift {
    var state: UInt64

    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    /// A value in 0..<bound.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// True with probability 1/`odds`.
    mutating func oneIn(_ odds: Int) -> Bool { below(odds) == 0 }
}

/// glibc's `inet_pton` and `inet_ntop`, called on a reusable NUL-terminated buffer.
private enum Glibc4and6 {
    /// glibc's `inet_pton(AF_INET, text)`: the address (memory order) or nil when it returns 0.
    static func pton4(_ text: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>) -> UInt32? {
        var address = in_addr()
        let result = withCString(text, scratch) { Glibc.inet_pton(AF_INET, $0, &address) }
        return result == 1 ? address.s_addr : nil
    }

    /// glibc's `inet_pton(AF_INET6, text)`: the 16 bytes (memory order) or nil when it returns 0.
    static func pton6(_ text: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>) -> IPText.IPv6Bytes? {
        var address = in6_addr()
        let result = withCString(text, scratch) { Glibc.inet_pton(AF_INET6, $0, &address) }
        guard result == 1 else { return nil }
        return withUnsafeBytes(of: address) { ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
    }

    /// glibc's `inet_ntop(AF_INET, address)`.
    static func ntop4(_ address: UInt32) -> String {
        var sin = in_addr(s_addr: address)
        return ntop(AF_INET, &sin)
    }

    /// glibc's `inet_ntop(AF_INET6, address)`.
    static func ntop6(_ address: IPText.IPv6Bytes) -> String {
        var bytes = address
        return ntop(AF_INET6, &bytes)
    }

    private static func ntop(_ family: Int32, _ source: UnsafeRawPointer) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(INET6_ADDRSTRLEN)) { text in
            guard let printed = Glibc.inet_ntop(family, source, text.baseAddress, socklen_t(text.count)) else {
                return "<inet_ntop failed>"
            }
            return String(cString: printed)
        }
    }

    private static func withCString(_ text: UnsafeBufferPointer<UInt8>, _ scratch: UnsafeMutableBufferPointer<UInt8>,
                                    _ body: (UnsafePointer<CChar>) -> Int32) -> Int32 {
        precondition(text.count < scratch.count)
        if text.count > 0 { scratch.baseAddress!.update(from: text.baseAddress!, count: text.count) }
        scratch[text.count] = 0
        return scratch.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
    }
}

/// Bytes of an address, for messages.
private func hex(_ address: IPText.IPv6Bytes?) -> String {
    guard let address else { return "nil" }
    return withUnsafeBytes(of: address) { $0.map { String($0, radix: 16) }.joined(separator: ",") }
}

private func same(_ lhs: IPText.IPv6Bytes?, _ rhs: IPText.IPv6Bytes?) -> Bool {
    switch (lhs, rhs) {
    case (nil, nil): return true
    case let (l?, r?): return l.0 == r.0 && l.1 == r.1
    default: return false
    }
}

/// Compares the codec with glibc on `text` for both families; appends a line per difference.
private func compareParse(_ text: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>,
                          into differences: inout [String]) {
    let four = IPText.parseIPv4(text)
    let glibcFour = Glibc4and6.pton4(text, scratch: scratch)
    if four != glibcFour, differences.count < 20 {
        differences.append("AF_INET \"\(String(decoding: text, as: UTF8.self))\": IPText \(String(describing: four)), glibc \(String(describing: glibcFour))")
    }
    let six = IPText.parseIPv6(text)
    let glibcSix = Glibc4and6.pton6(text, scratch: scratch)
    if !same(six, glibcSix), differences.count < 20 {
        differences.append("AF_INET6 \"\(String(decoding: text, as: UTF8.self))\": IPText \(hex(six)), glibc \(hex(glibcSix))")
    }
}

/// Runs `body` with a scratch buffer for glibc's C strings.
private func withScratch<R>(_ body: (UnsafeMutableBufferPointer<UInt8>) -> R) -> R {
    let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256)
    defer { scratch.deallocate() }
    return body(scratch)
}

/// An IPv6 address from its eight groups, in memory order.
private func address(groups: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) -> IPText.IPv6Bytes {
    let high = groups.0 << 48 | groups.1 << 32 | groups.2 << 16 | groups.3
    let low = groups.4 << 48 | groups.5 << 32 | groups.6 << 16 | groups.7
    return (high.bigEndian, low.bigEndian)
}

@Suite("IPText matches glibc's inet_pton and inet_ntop")
struct IPTextTests {

    static let edgeCases: [String] = [
        // IPv4
        "", ".", "..", "...", "1", "1.", "1.2", "1.2.3", "1.2.3.4", "1.2.3.4.", ".1.2.3.4", "1..2.3",
        "1.2.3.4.5", "256.0.0.0", "255.256.0.0", "0.0.0.256", "1.2.3.04", "01.2.3.4", "00.0.0.0", "0.0.0.00",
        "0.0.0.0", "255.255.255.255", "127.0.0.1", "10.0.0.255", "999.1.1.1", "1000.1.1.1", " 1.2.3.4",
        "1.2.3.4 ", "1.2.3.4\t", "+1.2.3.4", "-1.2.3.4", "0x1.2.3.4", "1.2.3.0x4", "1.2.3.a", "1,2,3,4",
        "1.2.3.4%", "1.2.3.4%eth0", "4294967295", "0177.0.0.1", "1.2.3.4:80", "[1.2.3.4]",
        "192.168.1.100", "1.22.133.244", "100.200.250.255",
        // IPv6
        "::", ":::", "::::", ":", "::1", "1::", "1:", ":1", ":1::", "::1:", "1:::2", "1::2::3", "1::2:",
        "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1:2:3:4::5:6:7:8", "1:2:3::4:5:6:7", "1::8",
        "fffff::", "00000::", "0000::", "::00000", "::ffff", "ffff::ffff", "FFFF::", "abcd:EF01::", "AbCd:eF01::",
        "0:0:0:0:0:0:0:0", "0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:0:0", "g::", "::g", "1:2:3:4:5:6:7:g",
        "::ffff:1.2.3.4", "::1.2.3.4", "::1.2.3", "::1.2.3.4.5", "::1.2.3.04", "::256.1.1.1", "::ffff:1.2.3.4:1",
        "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5::1.2.3.4", "1:2:3:4:5:6::1.2.3.4",
        "1::1.2.3.4", "::1.2.3.4:5", "1.2.3.4::", "1.2.3.4", ":1.2.3.4", "::.1.2.3", "::1:.2.3.4",
        "::ffff:0.0.0.0", "::0.0.0.0", "::0.0.0.1", "fe80::1%eth0", "fe80::1%1", "[::1]", "::1 ", " ::1",
        "1:2:3:4:5:6:7:8%", "::12345", "::1234", "1234:5678:9abc:def0:1234:5678:9abc:def0",
        "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "::ffff:ffff.1.2.3", "::f.1.2.3", "::1.2.3.4.", "2001:db8::", "2001:db8::1:0:0:1", "2001:0db8:0:0:1:0:0:1",
        "0::0", "0:0::0:0", "::0:0:0:0:0:0:0", "0:0:0:0:0:0:0::", "1:2:3:4:5:6:7:8:", ":1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:1.2.3.4:", "1:2:3:4:5:6:7:1.2", "::ffff:01.2.3.4", "::-1", "::+1", "1 ::", ":: 1",
    ]

    @Test("IPText: edge cases parse as glibc's inet_pton parses them")
    func edgeCaseParsing() {
        var differences: [String] = []
        withScratch { scratch in
            for text in Self.edgeCases {
                var copy = text
                copy.withUTF8 { compareParse($0, scratch: scratch, into: &differences) }
                // The String.UTF8View path the library takes must agree with the buffer path.
                text.utf8.withContiguousStorageIfAvailable { buffer in
                    #expect(IPText.parseIPv4(text.utf8) == IPText.parseIPv4(buffer), "\(text)")
                    #expect(same(IPText.parseIPv6(text.utf8), IPText.parseIPv6(buffer)), "\(text)")
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        // The brief's examples, spelled out.
        #expect(IPText.parseIPv6("::".utf8) != nil)
        #expect(IPText.parseIPv6("1::".utf8) != nil)
        #expect(IPText.parseIPv6(":1::".utf8) == nil)
        #expect(IPText.parseIPv6("1:::2".utf8) == nil)
        #expect(IPText.parseIPv6("00000::".utf8) == nil)
        #expect(IPText.parseIPv6("1:2:3:4:5:6:1.2.3.4".utf8) != nil)
        #expect(IPText.parseIPv6("1:2:3:4:5:6:7:1.2.3.4".utf8) == nil)
        #expect(IPText.parseIPv6("1:2:3:4:5:6:7::".utf8) != nil)
        #expect(IPText.parseIPv6("1:2:3:4::5:6:7:8".utf8) == nil)
        #expect(IPText.parseIPv4("1.2.3.04".utf8) == nil)
        #expect(IPText.parseIPv4("1.2.3.4".utf8).map { withUnsafeBytes(of: $0) { Array($0) } } == [1, 2, 3, 4])
        #expect(IPText.parseIPv6("1:2::ffff:1.2.3.4".utf8).map { withUnsafeBytes(of: $0) { Array($0) } }
                == [0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4])
    }

    @Test("IPText: 240,000 random texts parse as glibc parses them, in both families")
    func randomTextParsing() {
        let alphabet = Array("0123456789abcdefABCDEFg:.% ".utf8)
        var random = XorShift(seed: 0x1234_5678_9ABC_DEF1)
        var differences: [String] = []
        var valid = 0
        withScratch { scratch in
            let text = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64)
            defer { text.deallocate() }
            for round in 0..<240_000 {
                // Short texts from a narrow alphabet reach the interesting corners far more often.
                let narrow = round % 2 == 0
                let length = narrow ? random.below(16) : random.below(46)
                for position in 0..<length {
                    text[position] = narrow ? Array("0123:.f".utf8)[random.below(7)] : alphabet[random.below(alphabet.count)]
                }
                let view = UnsafeBufferPointer(rebasing: text[0..<length])
                compareParse(view, scratch: scratch, into: &differences)
                if IPText.parseIPv4(view) != nil || IPText.parseIPv6(view) != nil { valid += 1 }
            }
        }
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        #expect(valid > 0)
    }

    @Test("IPText: 100,000 structured candidates (groups, '::', dotted quads) parse as glibc parses them")
    func structuredParsing() {
        var random = XorShift(seed: 0xDEAD_BEEF_0BAD_F00D)
        var differences: [String] = []
        var valid4 = 0, valid6 = 0
        let hexDigits = Array("0123456789abcdefABCDEF".utf8)
        withScratch { scratch in
            var text: [UInt8] = []
            text.reserveCapacity(128)
            func octet() {
                switch random.below(24) {
                case 0: text += Array(String(256 + random.below(800)).utf8)     // out of range
                case 1: text += [UInt8(ascii: "0")] + Array(String(random.below(100)).utf8)  // leading zero
                case 2: break                                                   // empty
                default: text += Array(String(random.below(256)).utf8)
                }
            }
            func quad() {
                let count = random.oneIn(8) ? (random.oneIn(2) ? 3 : 5) : 4
                for index in 0..<count {
                    if index > 0 { text.append(UInt8(ascii: ".")) }
                    octet()
                }
            }
            for round in 0..<100_000 {
                text.removeAll(keepingCapacity: true)
                if round % 4 == 0 {
                    quad()
                } else {
                    let groups = random.below(10)
                    let gap = random.oneIn(3) ? -1 : random.below(groups + 1)
                    let dotted = random.oneIn(3)
                    if random.oneIn(20) { text.append(UInt8(ascii: ":")) }
                    for index in 0..<groups {
                        if index == gap { text += Array("::".utf8) } else if index > 0 { text.append(UInt8(ascii: ":")) }
                        let digits = random.oneIn(30) ? 5 : 1 + random.below(4)
                        for _ in 0..<digits {
                            text.append(random.oneIn(3) ? UInt8(ascii: "0") : hexDigits[random.below(hexDigits.count)])
                        }
                    }
                    if gap == groups { text += Array("::".utf8) }
                    if dotted {
                        if groups > 0 && gap != groups { text.append(UInt8(ascii: ":")) }
                        quad()
                    }
                    if random.oneIn(20) { text.append(UInt8(ascii: ":")) }
                    if random.oneIn(40) { text.insert(UInt8(ascii: ":"), at: random.below(text.count + 1)) }
                }
                text.withUnsafeBufferPointer { view in
                    compareParse(view, scratch: scratch, into: &differences)
                    if IPText.parseIPv4(view) != nil { valid4 += 1 }
                    if IPText.parseIPv6(view) != nil { valid6 += 1 }
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        // The generator must reach the valid side of the grammar often, or the test proves little.
        #expect(valid4 > 10_000, "valid IPv4 texts: \(valid4)")
        #expect(valid6 > 20_000, "valid IPv6 texts: \(valid6)")
    }

    @Test("IPText: every zero-group pattern and random addresses print as glibc's inet_ntop prints them")
    func formatting() {
        var random = XorShift(seed: 0x0F0F_1234_AAAA_5555)
        var differences: [String] = []
        func check6(_ address: IPText.IPv6Bytes) {
            let text = IPText.formatIPv6(address)
            let expected = Glibc4and6.ntop6(address)
            if text != expected, differences.count < 20 {
                differences.append("AF_INET6 \(hex(address)): IPText \(text), glibc \(expected)")
            }
        }
        // Eight groups each from {0, 1, 0xffff, random}: all 256 zero/non-zero patterns, with
        // the 0xffff of IPv4-mapped addresses and the small groups of IPv4-compatible ones.
        for pattern in 0..<65_536 {
            var groups: [UInt64] = []
            for index in 0..<8 {
                switch (pattern >> (2 * index)) & 3 {
                case 0: groups.append(0)
                case 1: groups.append(1)
                case 2: groups.append(0xFFFF)
                default: groups.append(random.next() & 0xFFFF)
                }
            }
            check6(address(groups: (groups[0], groups[1], groups[2], groups[3], groups[4], groups[5], groups[6], groups[7])))
        }
        // Random addresses, each group zero half of the time; then fully random ones.
        for _ in 0..<20_000 {
            var words: (UInt64, UInt64) = (random.next(), random.next())
            let zeros = random.next()
            for index in 0..<8 where zeros >> index & 1 == 1 {
                let mask = ~(UInt64(0xFFFF) << (16 * (index & 3)))
                if index < 4 { words.0 &= mask } else { words.1 &= mask }
            }
            check6(words)
            check6((random.next(), random.next()))
        }
        // IPv4-compatible and IPv4-mapped neighbours: ::a.b.c.d, ::ffff:a.b.c.d, ::X:a.b.c.d.
        for _ in 0..<5_000 {
            let low32 = random.next() & (random.oneIn(2) ? 0xFFFF_FFFF : 0x0000_FFFF)
            for five: UInt64 in [0, 0xFFFF, 1, 0xFFFE] {
                check6(address(groups: (0, 0, 0, 0, 0, five, low32 >> 16, low32 & 0xFFFF)))
            }
        }
        // IPv4: random and edge addresses.
        for value in [UInt32(0), 0xFFFF_FFFF, 0x0100_007F, 0x0A0A_0A0A] + (0..<20_000).map({ _ in UInt32(truncatingIfNeeded: random.next()) }) {
            let text = IPText.formatIPv4(value)
            let expected = Glibc4and6.ntop4(value)
            if text != expected, differences.count < 20 {
                differences.append("AF_INET \(value): IPText \(text), glibc \(expected)")
            }
        }
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        // glibc's dotted-tail rule, spelled out (each also checked against glibc above).
        #expect(IPText.formatIPv6(address(groups: (0, 0, 0, 0, 0, 0, 0x0102, 0x0304))) == "::1.2.3.4")
        #expect(IPText.formatIPv6(address(groups: (0, 0, 0, 0, 0, 0xFFFF, 0x0102, 0x0304))) == "::ffff:1.2.3.4")
        #expect(IPText.formatIPv6(address(groups: (0, 0, 0, 0, 0, 0xFFFF, 0, 1))) == "::ffff:0.0.0.1")
        #expect(IPText.formatIPv6(address(groups: (0, 0, 0, 0, 0, 0, 0, 1))) == "::1")
        #expect(IPText.formatIPv6(address(groups: (0, 0, 0, 0, 0, 0, 1, 0))) == "::0.1.0.0")
        #expect(IPText.formatIPv6(address(groups: (1, 0, 0, 0, 0, 0, 0x0102, 0x0304))) == "1::102:304")
    }

    @Test("IPText: format then parse gives back the same bytes")
    func roundTrip() {
        var random = XorShift(seed: 0x5EED)
        var failures: [String] = []
        for _ in 0..<30_000 {
            var groups: [UInt64] = []
            for _ in 0..<8 {
                switch random.below(4) {
                case 0, 1: groups.append(0)
                case 2: groups.append(0xFFFF)
                default: groups.append(random.next() & 0xFFFF)
                }
            }
            let six = address(groups: (groups[0], groups[1], groups[2], groups[3], groups[4], groups[5], groups[6], groups[7]))
            let text = IPText.formatIPv6(six)
            if !same(IPText.parseIPv6(text.utf8), six), failures.count < 20 { failures.append("AF_INET6 \(text)") }
            let four = UInt32(truncatingIfNeeded: random.next())
            let dotted = IPText.formatIPv4(four)
            if IPText.parseIPv4(dotted.utf8) != four, failures.count < 20 { failures.append("AF_INET \(dotted)") }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("IPText: the Linux wiring (inetPton, inetNtop, numeric sockaddrs, ipText) agrees with glibc")
    func wiring() {
        withScratch { scratch in
            for text in Self.edgeCases {
                var copy = text
                let (four, six) = copy.withUTF8 {
                    (Glibc4and6.pton4($0, scratch: scratch), Glibc4and6.pton6($0, scratch: scratch))
                }
                #expect(NativeResolver.inetPton(NativeConstants.AF_INET, text) == four.map { withUnsafeBytes(of: $0) { Array($0) } }, "\(text)")
                #expect(NativeResolver.inetPton(NativeConstants.AF_INET6, text) == six.map { withUnsafeBytes(of: $0) { Array($0) } }, "\(text)")
                #expect(NativeResolver.inetPton(NativeConstants.AF_UNIX, text) == nil)
                let checked = try? NativeResolver.inetPtonChecked(Int32(NativeConstants.AF_INET6), Array(text.utf8))
                #expect(checked == six.map { withUnsafeBytes(of: $0) { Array($0) } }, "\(text)")

                var storage = sockaddr_storage()
                withUnsafeMutableBytes(of: &storage) { raw in
                    let length = NativeSockaddr.writeInetNumeric(text, port: 80, into: raw.baseAddress!)
                    #expect((length != nil) == (four != nil), "\(text)")
                    if let four, length != nil {
                        #expect(NativeSockaddr.ipText(raw.baseAddress!) == Glibc4and6.ntop4(four))
                        #expect(NativeSockaddr.inetPort(raw.baseAddress!) == 80)
                    }
                    let length6 = NativeSockaddr.writeInet6Numeric(text, port: 443, flowinfo: 7, scopeID: 3, into: raw.baseAddress!)
                    #expect((length6 != nil) == (six != nil), "\(text)")
                    if let six, length6 != nil {
                        #expect(NativeSockaddr.ipText(raw.baseAddress!) == Glibc4and6.ntop6(six))
                        #expect(NativeSockaddr.inet6Fields(raw.baseAddress!) == (443, 7, 3))
                        #expect(NativeResolver.inetNtop(NativeConstants.AF_INET6, NativeSockaddr.readInet6(raw.baseAddress!).address)
                                == Glibc4and6.ntop6(six))
                    }
                }
            }
        }
        // A NUL inside a host is not in the grammar: the fast paths leave it to the slow path.
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { raw in
            #expect(NativeSockaddr.writeInetNumeric("1.2.3.4\u{0}", port: 1, into: raw.baseAddress!) == nil)
            #expect(NativeSockaddr.writeInet6Numeric("::1\u{0}", port: 1, flowinfo: 0, scopeID: 0, into: raw.baseAddress!) == nil)
        }
        #expect(NativeResolver.inetNtop(NativeConstants.AF_INET, [10, 0, 0, 1]) == "10.0.0.1")
        #expect(NativeResolver.inetNtop(NativeConstants.AF_UNIX, [10, 0, 0, 1]) == "")
        #expect(throws: Errno.self) { try NativeResolver.inetPtonChecked(Int32(NativeConstants.AF_UNIX), Array("1.2.3.4".utf8)) }
    }
}
