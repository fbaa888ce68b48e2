// Control messages (ancillary data): the parser and builder, pure functions over raw buffers, safe on any input.
import CPySocket

/// The control-message buffers of `sendmsg(2)`/`recvmsg(2)`, laid out as `<sys/socket.h>`'s
/// `CMSG_*` macros lay them out, walked exactly as CPython walks them (`CMSG_FIRSTHDR`,
/// `get_cmsg_data_len`, glibc's bounds-checked `CMSG_NXTHDR`).
///
/// Nothing here makes a system call or traps: every length is checked against the buffer
/// before it is used, headers are read unaligned, and arithmetic cannot overflow, whatever
/// the bytes and whatever length the kernel (or a hostile `SocketInterface`) reports.
enum Cmsg {
    /// One control message found in a buffer.
    struct Item: Equatable, Sendable {
        /// `cmsg_level` (SOL_SOCKET, IPPROTO_IPV6...).
        var level: Int32
        /// `cmsg_type` (SCM_RIGHTS, IPV6_HOPLIMIT...).
        var type: Int32
        /// The bytes of its data inside the buffer; cut at the buffer's end when `truncated`.
        var data: Range<Int>
        /// The header announces more data than the buffer holds (CPython warns
        /// "received malformed or improperly-truncated ancillary data" and stops there).
        var truncated: Bool
    }

    /// Why a control buffer cannot be built (CPython raises OSError with these texts).
    enum BuildError: Error, Equatable {
        /// `ancillary data item too large`: `CMSG_SPACE(len(data))` is out of range.
        case itemTooLarge
        /// `too much ancillary data`: the whole buffer would exceed the limit.
        case tooMuchData
    }

    /// The largest control length CPython accepts (`SOCKLEN_T_LIMIT`, 2**31 - 1).
    static let lengthLimit = 0x7fff_ffff
    /// `sizeof(struct cmsghdr)`.
    static let headerSize = Int(cpy_cmsghdr_size())
    /// `CMSG_LEN(0)`: where a message's data starts, from its header.
    static let dataOffset = Int(cpy_cmsg_len(0))
    /// `CMSG_ALIGN` works in multiples of this (`sizeof(size_t)` on Linux).
    static let alignment = Int(cpy_cmsg_align(1))

    /// `CMSG_LEN(length)` for a length already known to be in range.
    static func len(_ length: Int) -> Int { Int(cpy_cmsg_len(length)) }
    /// `CMSG_SPACE(length)` for a length already known to be in range.
    static func space(_ length: Int) -> Int { Int(cpy_cmsg_space(length)) }

    /// `CMSG_LEN(length)` when the result fits the limit, else nil. CPython: `get_CMSG_LEN`.
    static func checkedLen(_ length: Int) -> Int? {
        guard length >= 0, length <= lengthLimit - dataOffset else { return nil }
        return len(length)
    }

    /// `CMSG_SPACE(length)` when the result fits the limit, else nil. CPython: `get_CMSG_SPACE`
    /// (it keeps room for padding before and after the data: `CMSG_SPACE(1)`).
    static func checkedSpace(_ length: Int) -> Int? {
        guard length >= 0, length <= lengthLimit - space(1) else { return nil }
        let result = space(length)
        return result <= lengthLimit ? result : nil
    }

    // MARK: - Building (sendmsg)

    /// Adds one message of `dataLength` bytes to a running control length, with CPython's
    /// checks in CPython's order (the item, then the total).
    static func addSpace(_ total: inout Int, dataLength: Int) throws(BuildError) {
        guard let space = checkedSpace(dataLength) else { throw .itemTooLarge }
        guard total <= lengthLimit, space <= lengthLimit - total else { throw .tooMuchData }
        total += space
    }

    /// The control length for messages of these data lengths (the sum of their `CMSG_SPACE`).
    static func controlLength<Lengths: Sequence<Int>>(_ dataLengths: Lengths) throws(BuildError) -> Int {
        var total = 0
        for length in dataLengths { try addSpace(&total, dataLength: length) }
        return total
    }

    /// The control buffer for `items`, zero-filled, each message at the next `CMSG_SPACE`
    /// boundary with `cmsg_len = CMSG_LEN(len(data))`, as CPython's `sock_sendmsg` builds it.
    /// Its count is the `msg_controllen` to pass (0 when there are no items).
    static func build(_ items: [(level: Int32, type: Int32, data: [UInt8])]) throws(BuildError) -> [UInt8] {
        let total = try controlLength(items.lazy.map { $0.data.count })
        var buffer = [UInt8](repeating: 0, count: total)
        buffer.withUnsafeMutableBytes { raw in
            var offset = 0
            for item in items {
                var header = cmsghdr()
                header.cmsg_len = numericCast(len(item.data.count))
                header.cmsg_level = item.level
                header.cmsg_type = item.type
                withUnsafeBytes(of: &header) { bytes in
                    raw.baseAddress!.advanced(by: offset).copyMemory(from: bytes.baseAddress!, byteCount: headerSize)
                }
                item.data.withUnsafeBytes { data in
                    if let source = data.baseAddress {
                        raw.baseAddress!.advanced(by: offset + dataOffset).copyMemory(from: source, byteCount: data.count)
                    }
                }
                offset += space(item.data.count)
            }
        }
        return buffer
    }

    // MARK: - Parsing (recvmsg)

    /// The control messages in the first `length` bytes of `control` (`msg_controllen` after
    /// `recvmsg(2)`; clamped to the buffer, a negative length counting as 0).
    ///
    /// CPython's walk: the first header needs `msg_controllen >= sizeof(cmsghdr)`; a header
    /// that does not fit, or whose `cmsg_len < CMSG_LEN(0)`, ends the list; a message whose data
    /// runs past the end is returned cut and `truncated`, and ends the list; the next header is
    /// `CMSG_NXTHDR`'s (glibc 2.36): only if the current message, padded, plus a whole header
    /// fit. Every step moves forward by at least `CMSG_LEN(0)` bytes, so the walk terminates.
    static func parse(_ control: UnsafeRawBufferPointer, length: Int) -> [Item] {
        let end = UInt(max(0, min(length, control.count)))
        let header = UInt(headerSize), data = UInt(dataOffset), mask = UInt(alignment - 1)
        var items: [Item] = []
        guard end >= header, end > 0, let base = control.baseAddress else { return items }
        var offset: UInt = 0
        while true {
            // get_cmsg_data_len: the header and CMSG_LEN(0) bytes must lie in the buffer.
            guard offset <= end, end - offset >= max(data, header) else { break }
            let current = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: Int(offset), as: cmsghdr.self)
            let declared = UInt(truncatingIfNeeded: current.cmsg_len)
            guard declared >= data else { break }
            let start = offset + data
            let room = end - start
            let truncated = room < declared - data
            let count = truncated ? room : declared - data
            items.append(Item(level: current.cmsg_level, type: current.cmsg_type,
                              data: Int(start)..<Int(start + count), truncated: truncated))
            if truncated { break }
            // CMSG_NXTHDR: this message padded to the alignment, then a whole header, must fit.
            guard declared >= header else { break }
            let padding = (mask &+ 1 &- (declared & mask)) & mask
            let remaining = end - offset
            guard remaining >= header + padding, remaining - header - padding >= declared else { break }
            offset += declared + padding
        }
        return items
    }

    /// The descriptors in an SCM_RIGHTS message's data: whole C ints only, any trailing
    /// partial int ignored (Lib/socket.py's `recv_fds` does the same).
    static func descriptors(_ data: UnsafeRawBufferPointer) -> [Int32] {
        let size = MemoryLayout<Int32>.size
        return (0..<(data.count / size)).map { data.loadUnaligned(fromByteOffset: $0 * size, as: Int32.self) }
    }

    /// `SOL_SOCKET` and `SCM_RIGHTS`: the message that carries descriptors. SCM_RIGHTS is 1 on
    /// Linux and Darwin alike; Swift cannot import glibc's (an enum member shadowed by a macro
    /// of the same name), so it is written here.
    static let rightsLevel = Int32(SOL_SOCKET)
    static let rightsType: Int32 = 1

    /// Every descriptor in the SCM_RIGHTS messages of a control buffer (whole ints only).
    static func allDescriptors(_ control: UnsafeRawBufferPointer, length: Int) -> [Int32] {
        parse(control, length: length).flatMap { item -> [Int32] in
            guard item.level == rightsLevel, item.type == rightsType else { return [] }
            return descriptors(UnsafeRawBufferPointer(rebasing: control[item.data]))
        }
    }
}

/// `struct msghdr` assembly for `sendmsg(2)`/`recvmsg(2)` (no system call: the caller makes it).
enum MessageHeader {
    /// What `recvmsg(2)` wrote back into the header.
    struct Received {
        /// The call's result: the count of data bytes.
        var count: Int
        /// `msg_namelen`.
        var nameLength: UInt32
        /// `msg_controllen`.
        var controlLength: Int
        /// `msg_flags`.
        var flags: Int32
    }

    /// Calls `body` with a header over `name`, the `iov` segments and `control` (nil when empty).
    static func withSend<R>(
        name: UnsafeRawPointer?, nameLength: UInt32, iov: [UnsafeRawBufferPointer], control: UnsafeRawBufferPointer,
        _ body: (UnsafePointer<msghdr>) throws -> R
    ) rethrows -> R {
        var vectors = iov.map { iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count) }
        return try vectors.withUnsafeMutableBufferPointer { vectors in
            var message = msghdr()
            message.msg_name = UnsafeMutableRawPointer(mutating: name)
            message.msg_namelen = name == nil ? 0 : nameLength
            message.msg_iov = vectors.baseAddress
            message.msg_iovlen = numericCast(vectors.count)
            message.msg_control = control.isEmpty ? nil : UnsafeMutableRawPointer(mutating: control.baseAddress)
            message.msg_controllen = numericCast(control.count)
            return try body(&message)
        }
    }

    /// Calls `body` (which runs `recvmsg(2)` and returns its count) with a header over `name`,
    /// the `iov` segments and `control` (nil when empty), and returns what the kernel wrote back.
    static func withReceive(
        name: UnsafeMutableRawPointer, nameLength: UInt32, iov: [UnsafeMutableRawBufferPointer],
        control: UnsafeMutableRawBufferPointer, _ body: (UnsafeMutablePointer<msghdr>) throws -> Int
    ) rethrows -> Received {
        var vectors = iov.map { iovec(iov_base: $0.baseAddress, iov_len: $0.count) }
        return try vectors.withUnsafeMutableBufferPointer { vectors in
            var message = msghdr()
            message.msg_name = name
            message.msg_namelen = nameLength
            message.msg_iov = vectors.baseAddress
            message.msg_iovlen = numericCast(vectors.count)
            message.msg_control = control.isEmpty ? nil : control.baseAddress
            message.msg_controllen = numericCast(control.count)
            let count = try body(&message)
            return Received(count: count, nameLength: message.msg_namelen,
                            controlLength: Int(clamping: UInt(truncatingIfNeeded: message.msg_controllen)), flags: message.msg_flags)
        }
    }
}
