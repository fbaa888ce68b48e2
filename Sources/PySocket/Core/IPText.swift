// The text of IPv4 and IPv6 addresses: glibc's inet_pton(3) and inet_ntop(3) grammars in pure
// Swift, with no C string, no array and no sprintf (they ran on every sendto and recvfrom).

/// Numeric IP addresses to and from text, byte for byte as glibc's `inet_pton(3)` and
/// `inet_ntop(3)` (which CPython calls) accept and print them.
///
/// Addresses are values whose memory holds the address bytes in network order, as they sit in a
/// `sockaddr`: an IPv4 address is a `UInt32` (`in_addr.s_addr`), an IPv6 address two `UInt64`s
/// (`in6_addr`); `withUnsafeBytes(of:)` gives the bytes in order on any byte order.
enum IPText {
    /// The 16 bytes of an IPv6 address, in network order in memory.
    typealias IPv6Bytes = (UInt64, UInt64)

    private static let colon = UInt8(ascii: ":")
    private static let dot = UInt8(ascii: ".")
    private static let zero = UInt8(ascii: "0")

    // MARK: - Parsing

    /// `parseIPv4` over a String's UTF-8, read as one contiguous buffer: walking
    /// `String.UTF8View` index by index costs about 50 instructions a byte, a buffer about 5.
    static func parseIPv4(_ text: String) -> UInt32? {
        if let parsed = text.utf8.withContiguousStorageIfAvailable({ parseIPv4($0) }) { return parsed }
        return parseIPv4(Array(text.utf8))
    }

    /// `parseIPv6` over a String's UTF-8, read as one contiguous buffer (see `parseIPv4(_:)`).
    static func parseIPv6(_ text: String) -> IPv6Bytes? {
        if let parsed = text.utf8.withContiguousStorageIfAvailable({ parseIPv6($0) }) { return parsed }
        return parseIPv6(Array(text.utf8))
    }

    /// A numeric IPv4 address: glibc's `inet_pton(AF_INET, ...)`. Exactly four decimal octets
    /// (0...255) separated by single dots, with no leading zero in an octet of two or more
    /// digits and nothing else; nil for anything else.
    ///
    /// Returns the address in network order in memory (the value for `in_addr.s_addr`).
    /// Read octet by octet, so that a digit costs one compare to tell it and one to bound the
    /// octet: this runs on every `sendto`.
    static func parseIPv4<C: Collection>(_ utf8: C) -> UInt32? where C.Element == UInt8 {
        let end = utf8.endIndex
        var index = utf8.startIndex
        var address: UInt32 = 0   // the finished octets, most significant first
        for octetNumber in 0..<4 {
            if octetNumber > 0 {
                guard index != end, utf8[index] == dot else { return nil }
                utf8.formIndex(after: &index)
            }
            guard index != end else { return nil }
            let first = utf8[index] &- zero
            guard first < 10 else { return nil }
            utf8.formIndex(after: &index)
            var octet = UInt32(first)
            // After a leading '0' the octet is over: a digit there is refused by what follows.
            if octet != 0 {
                while index != end {
                    let digit = utf8[index] &- zero
                    if digit >= 10 { break }
                    octet = octet &* 10 &+ UInt32(digit)
                    if octet > 255 { return nil }
                    utf8.formIndex(after: &index)
                }
            }
            address = address << 8 | octet
        }
        guard index == end else { return nil }
        return address.bigEndian
    }

    /// `parseIPv4` over contiguous bytes, read through a pointer: the generic version's
    /// subscripts check every index against the buffer's bounds, and cost about 15 instructions
    /// a byte where this costs about 7 (callgrind, `connect(("127.0.0.1", port))`). The same
    /// grammar; the tests compare the two.
    static func parseIPv4(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard var cursor = utf8.baseAddress, utf8.count >= 7, utf8.count <= 15 else { return nil }
        let end = cursor + utf8.count
        var address: UInt32 = 0   // the finished octets, most significant first
        for octetNumber in 0..<4 {
            if octetNumber > 0 {
                guard cursor < end, cursor.pointee == dot else { return nil }
                cursor += 1
            }
            guard cursor < end else { return nil }
            var octet = UInt32(cursor.pointee &- zero)
            guard octet < 10 else { return nil }
            cursor += 1
            // After a leading '0' the octet is over: a digit there is refused by what follows.
            if octet != 0 {
                while cursor < end {
                    let digit = UInt32(cursor.pointee &- zero)
                    if digit >= 10 { break }
                    octet = octet &* 10 &+ digit
                    if octet > 255 { return nil }
                    cursor += 1
                }
            }
            address = address << 8 | octet
        }
        guard cursor == end else { return nil }
        return address.bigEndian
    }

    /// A numeric IPv6 address: glibc's `inet_pton(AF_INET6, ...)`. Up to eight groups of one to
    /// four hex digits (either case) separated by `:`; at most one `::`, which must stand for at
    /// least one zero group; a leading or trailing single `:` refused; the last 32 bits may be a
    /// dotted IPv4 address (`parseIPv4`'s grammar) when they fit. No scope (`%`), no brackets,
    /// nothing else; nil for anything else.
    ///
    /// Returns the 16 bytes in network order in memory (the value for `in6_addr`). A hex digit
    /// costs a subtraction, at most two compares and a shift; the groups stay in registers.
    static func parseIPv6<C: Collection>(_ utf8: C) -> IPv6Bytes? where C.Element == UInt8 {
        let end = utf8.endIndex
        var index = utf8.startIndex
        guard index != end else { return nil }
        // A leading ':' is only the start of a leading '::'.
        if utf8[index] == colon {
            utf8.formIndex(after: &index)
            guard index != end, utf8[index] == colon else { return nil }
        }
        var groups = GroupList()
        // Group by group: up to four hex digits, then what ends them.
        while true {
            let token = index     // where the group begins (a dotted IPv4 tail starts here)
            var group: UInt64 = 0
            var digits = 0
            while index != end {
                let byte = utf8[index]
                // The byte's hex value: `| 0x20` folds 'A'...'F' onto 'a'...'f' and sends no
                // other byte there.
                var digit = UInt64(byte &- zero)
                if digit >= 10 {
                    let letter = (byte | 0x20) &- UInt8(ascii: "a")
                    if letter >= 6 { break }
                    digit = UInt64(letter) &+ 10
                }
                if digits == 4 { return nil }
                group = group << 4 | digit
                digits &+= 1
                utf8.formIndex(after: &index)
            }
            if index == end {
                if digits > 0 {
                    if groups.count == 8 { return nil }
                    groups.append(group)
                }
                break
            }
            let byte = utf8[index]
            utf8.formIndex(after: &index)
            if byte == colon {
                if digits == 0 {
                    // The second ':' of a '::' (the first ends the group before, or is leading).
                    if groups.sawGap { return nil }
                    groups.openGap()
                    continue
                }
                if index == end { return nil }                 // a trailing single ':'
                if groups.count == 8 { return nil }
                groups.append(group)
            } else if byte == dot, groups.count <= 6, let four = parseIPv4(utf8[token..<end]) {
                // The dotted quad runs to the end of the text: it is the last 32 bits.
                let value = UInt64(UInt32(bigEndian: four))
                groups.append(value >> 16)
                groups.append(value & 0xFFFF)
                break
            } else {
                return nil
            }
        }
        let address: Bits128
        if groups.sawGap {
            // '::' must stand for at least one zero group.
            if groups.count == 8 { return nil }
            address = groups.head.shiftedLeft(by: 16 &* (8 &- groups.headCount)) | groups.tail
        } else {
            if groups.count != 8 { return nil }
            address = groups.head
        }
        return (address.high.bigEndian, address.low.bigEndian)
    }

    /// The groups of an IPv6 text as parsed so far: those before the '::' (all of them when
    /// there is none) and those after it, each right-aligned, the first group most significant.
    private struct GroupList {
        var head = Bits128()
        var tail = Bits128()
        var count = 0             // groups so far, at most 8
        var headCount = 0         // groups before the '::' (set when it is seen)
        var sawGap = false

        mutating func openGap() {
            sawGap = true
            headCount = count
        }

        mutating func append(_ group: UInt64) {
            if sawGap { tail.append(group) } else { head.append(group) }
            count &+= 1
        }
    }

    /// A 128-bit value as two halves (the standard library's UInt128 is not available everywhere).
    private struct Bits128 {
        var high: UInt64 = 0
        var low: UInt64 = 0

        /// Shifts a 16-bit group in at the least significant end.
        mutating func append(_ group: UInt64) {
            high = high << 16 | low >> 48
            low = low << 16 | group
        }

        /// The value shifted left by `count` bits (0...128); Swift's shifts give 0 past the width.
        func shiftedLeft(by count: Int) -> Bits128 {
            if count >= 64 { return Bits128(high: low << (count - 64), low: 0) }
            return Bits128(high: high << count | low >> (64 - count), low: low << count)
        }

        static func | (lhs: Bits128, rhs: Bits128) -> Bits128 {
            Bits128(high: lhs.high | rhs.high, low: lhs.low | rhs.low)
        }
    }

    // MARK: - Formatting

    /// The text of an IPv4 address (network order in memory, as `in_addr.s_addr`): glibc's
    /// `inet_ntop(AF_INET, ...)`, dotted decimal. At most 15 bytes: built without a heap allocation.
    static func formatIPv4(_ address: UInt32) -> String {
        String(unsafeUninitializedCapacity: 15) { buffer in
            writeIPv4(UInt32(bigEndian: address), to: buffer.baseAddress!)
        }
    }

    /// The text of an IPv6 address (16 bytes in network order in memory, as `in6_addr`): glibc's
    /// `inet_ntop(AF_INET6, ...)`. Lowercase hex groups without leading zeros; the longest run of
    /// two or more zero groups (the first when tied) printed as `::`; and the last 32 bits in
    /// dotted decimal when the address is what glibc takes for IPv4-compatible (`::a.b.c.d`: six
    /// leading zero groups, the seventh not zero) or IPv4-mapped (`::ffff:a.b.c.d`: five leading
    /// zero groups, then 0xffff). Text of 15 bytes or fewer is built without a heap allocation.
    static func formatIPv6(_ address: IPv6Bytes) -> String {
        let high = UInt64(bigEndian: address.0)
        let low = UInt64(bigEndian: address.1)
        func group(_ index: Int) -> UInt16 {
            UInt16(truncatingIfNeeded: (index < 4 ? high : low) >> (48 - 16 * (index & 3)))
        }
        // The longest run of zero groups, the first one when tied.
        var bestStart = -1, bestLength = 0
        var runStart = -1, runLength = 0
        for index in 0..<8 {
            if group(index) == 0 {
                if runStart < 0 { runStart = index; runLength = 0 }
                runLength += 1
                if runLength > bestLength { bestStart = runStart; bestLength = runLength }
            } else {
                runStart = -1
            }
        }
        if bestLength < 2 { bestStart = -1; bestLength = 0 }
        let bestEnd = bestStart + bestLength
        let dottedTail = bestStart == 0 && (bestLength == 6 || (bestLength == 5 && group(5) == 0xFFFF))

        // The longest text, "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", is 45 bytes.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 45) { buffer -> String in
            let start = buffer.baseAddress!
            var cursor = start
            var index = 0
            while index < 8 {
                if index >= bestStart && index < bestEnd {
                    if index == bestStart { cursor.initialize(to: colon); cursor += 1 }
                    index += 1
                    continue
                }
                if index != 0 { cursor.initialize(to: colon); cursor += 1 }
                if index == 6 && dottedTail {
                    cursor += writeIPv4(UInt32(truncatingIfNeeded: low), to: cursor)
                    break
                }
                cursor += writeHex(group(index), to: cursor)
                index += 1
            }
            if bestStart >= 0 && bestEnd == 8 { cursor.initialize(to: colon); cursor += 1 }
            let count = cursor - start
            return String(unsafeUninitializedCapacity: count) { text in
                text.baseAddress!.initialize(from: start, count: count)
                return count
            }
        }
    }

    /// Writes an IPv4 address (`value` in host order, the first octet most significant) in
    /// dotted decimal at `out`; returns the number of bytes written (7...15).
    private static func writeIPv4(_ value: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var cursor = writeDecimal(UInt8(truncatingIfNeeded: value >> 24), to: out)
        cursor.initialize(to: dot)
        cursor = writeDecimal(UInt8(truncatingIfNeeded: value >> 16), to: cursor + 1)
        cursor.initialize(to: dot)
        cursor = writeDecimal(UInt8(truncatingIfNeeded: value >> 8), to: cursor + 1)
        cursor.initialize(to: dot)
        cursor = writeDecimal(UInt8(truncatingIfNeeded: value), to: cursor + 1)
        return cursor - out
    }

    /// Writes `octet` in decimal (as `%u`) at `out`; returns the position after it.
    @inline(__always)
    private static func writeDecimal(_ octet: UInt8, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var cursor = out
        if octet >= 100 { cursor.initialize(to: zero &+ octet / 100); cursor += 1 }
        if octet >= 10 { cursor.initialize(to: zero &+ octet / 10 % 10); cursor += 1 }
        cursor.initialize(to: zero &+ octet % 10)
        return cursor + 1
    }

    /// Writes `value` in lowercase hex without leading zeros (as `%x`) at `out`; returns the
    /// number of bytes written (1...4).
    private static func writeHex(_ value: UInt16, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let count = value >= 0x1000 ? 4 : value >= 0x100 ? 3 : value >= 0x10 ? 2 : 1
        var rest = value
        for position in stride(from: count - 1, through: 0, by: -1) {
            let nibble = UInt8(truncatingIfNeeded: rest & 0xF)
            out[position] = nibble < 10 ? zero + nibble : UInt8(ascii: "a") + nibble - 10
            rest >>= 4
        }
        return count
    }
}
