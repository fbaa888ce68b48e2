// The socket object's messages (sendmsg recvmsg recvmsg_into) and Lib/socket.py's send_fds/recv_fds.

extension socket {
    /// `s.sendmsg(buffers[, ancdata[, flags[, address]]])`: sends the data of every buffer as one
    /// message, with control messages `ancdata` (`(level, type, data)` tuples), to `address` if
    /// given; returns the count of data bytes sent.
    ///
    /// Never raises SIGPIPE: a send to a closed peer raises BrokenPipeError. Errors are CPython's:
    /// OverflowError for a flag, level or type outside a C int, `OSError('ancillary data item too
    /// large')` and `OSError('too much ancillary data')` past 2**31 - 1 bytes of control data.
    ///
    /// Python: `socket.sendmsg()`. C: `sendmsg(2)` with `MSG_NOSIGNAL`.
    ///
    /// Differs from CPython: the buffers and the data of `ancdata` are `bytes` (or, through the
    /// generic overload, any sequences of bytes), which the types check instead of a TypeError.
    public func sendmsg(_ buffers: [bytes], _ ancdata: [(Int, Int, bytes)] = [], _ flags: MsgFlag = 0, _ address: SocketAddress? = nil) throws -> Int {
        try withRawBuffers(buffers) { try _sendmsg($0, ancdata, flags.rawValue, address) }
    }

    /// `s.sendmsg(buffers, ancdata, flags, (host, port))`.
    ///
    /// Python: `socket.sendmsg()`. C: `sendmsg(2)` with `MSG_NOSIGNAL`.
    public func sendmsg(_ buffers: [bytes], _ ancdata: [(Int, Int, bytes)], _ flags: MsgFlag, _ address: (String, Int)) throws -> Int {
        try sendmsg(buffers, ancdata, flags, .inet(host: address.0, port: address.1))
    }

    /// `s.sendmsg(buffers, ancdata, flags, (host, port, flowinfo, scope_id))` (AF_INET6).
    ///
    /// Python: `socket.sendmsg()`. C: `sendmsg(2)` with `MSG_NOSIGNAL`.
    public func sendmsg(_ buffers: [bytes], _ ancdata: [(Int, Int, bytes)], _ flags: MsgFlag, _ address: (String, Int, Int, Int)) throws -> Int {
        try sendmsg(buffers, ancdata, flags, .inet6(address))
    }

    /// `s.sendmsg(buffers[, ancdata[, flags[, address]]])` for buffers of any contiguous bytes
    /// (`[UInt8]`, `String.UTF8View`, `UnsafeRawBufferPointer`...), sent without copying.
    ///
    /// Python: `socket.sendmsg()`. C: `sendmsg(2)` with `MSG_NOSIGNAL`.
    @inlinable
    public func sendmsg<Buffers: Sequence>(_ buffers: Buffers, _ ancdata: [(Int, Int, bytes)] = [], _ flags: MsgFlag = 0, _ address: SocketAddress? = nil) throws -> Int
    where Buffers.Element: Sequence, Buffers.Element.Element == UInt8 {
        try withRawBuffers(buffers) { try _sendmsg($0, ancdata, flags.rawValue, address) }
    }

    @usableFromInline
    func _sendmsg(_ buffers: [UnsafeRawBufferPointer], _ ancdata: [(Int, Int, bytes)], _ flags: Int, _ address: SocketAddress?) throws -> Int {
        // CPython's order: flags, the address, then each item (level, type, then its size).
        let flags = try cIntArg(flags)
        let target = try address.map { try sockaddr($0, "sendmsg") }
        var items: [(level: Int32, type: Int32, data: [UInt8])] = []
        var total = 0
        for (level, type, data) in ancdata {
            items.append((try cIntArg(level), try cIntArg(type), data.storage))
            do throws(Cmsg.BuildError) { try Cmsg.addSpace(&total, dataLength: data.count) } catch { throw buildError(error) }
        }
        let control: [UInt8]
        do throws(Cmsg.BuildError) { control = try Cmsg.build(items) } catch { throw buildError(error) }
        var name = target ?? Sockaddr()
        let nameLength = name.length
        return try withUnsafeBytes(of: &name.storage) { name in
            try control.withUnsafeBytes { control in
                try MessageHeader.withSend(name: target == nil ? nil : name.baseAddress, nameLength: nameLength,
                                           iov: buffers, control: control) { message in
                    try callUnderTimeout(handle().sendmsg(message, flags))
                }
            }
        }
    }

    /// `data, ancdata, msg_flags, address = s.recvmsg(bufsize[, ancbufsize[, flags]])`: up to
    /// `bufsize` bytes of data, and the control messages that fit in `ancbufsize` bytes, as
    /// `(level, type, data)` tuples; `msg_flags` reports `MSG_TRUNC` and `MSG_CTRUNC`. It is a
    /// plain int, as in CPython; `msg_flags & socket.MSG_TRUNC` reads as in Python.
    ///
    /// Printed, the result reads as CPython's: `(b'hi', [(1, 1, b'\x07\x00\x00\x00')], 0, None)`.
    /// Descriptors received with SCM_RIGHTS arrive as raw C ints inside the data, exactly as in
    /// CPython: the caller owns them (or use `socket.recv_fds`). A control message cut short by
    /// the buffer is returned cut, and ends the list, as in CPython.
    ///
    /// Python: `socket.recvmsg()`. C: `recvmsg(2)` with `MSG_CMSG_CLOEXEC`.
    ///
    /// Differs from CPython:
    /// - received descriptors are always close-on-exec (`MSG_CMSG_CLOEXEC` is added), as every
    ///   other descriptor PySocket creates; CPython leaves them inheritable.
    /// - a malformed or truncated control message is not reported with a RuntimeWarning.
    public func recvmsg(_ bufsize: Int, _ ancbufsize: Int = 0, _ flags: MsgFlag = 0) throws -> (bytes, [(Int, Int, bytes)], Int, SocketAddress) {
        let flags = try cIntArg(flags.rawValue)
        guard bufsize >= 0 else { throw ValueError("negative buffer size in recvmsg()") }
        try checkReceiveSize(bufsize)
        var rest: ([(Int, Int, bytes)], Int, SocketAddress) = ([], 0, .noAddress)
        // With MSG_TRUNC in flags the count is the datagram's whole length, which may exceed
        // bufsize: `receiving` keeps at most bufsize bytes.
        let data = try bytes.receiving(bufsize) { buffer in
            let (count, ancillary, messageFlags, address) = try receiveMessage([buffer], ancbufsize, flags)
            rest = (ancillary, messageFlags, address)
            return count
        }
        return (data, rest.0, rest.1, rest.2)
    }

    /// `nbytes, ancdata, msg_flags, address = s.recvmsg_into(buffers[, ancbufsize[, flags]])`:
    /// like `recvmsg`, but the data fills the caller's buffers in order (no copy); returns the
    /// count of bytes received.
    ///
    /// Python: `socket.recvmsg_into()`. C: `recvmsg(2)` with `MSG_CMSG_CLOEXEC`.
    ///
    /// Differs from CPython: as `recvmsg` (descriptors are close-on-exec, no RuntimeWarning).
    @inlinable
    public func recvmsg_into<Buffer: MutableCollection>(_ buffers: inout [Buffer], _ ancbufsize: Int = 0, _ flags: MsgFlag = 0) throws -> (Int, [(Int, Int, bytes)], Int, SocketAddress)
    where Buffer.Element == UInt8 {
        try withMutableRawBuffers(&buffers) { try _recvmsg_into($0, ancbufsize, flags.rawValue) }
    }

    /// `s.recvmsg_into(buffers[, ancbufsize[, flags]])` into raw memory the caller owns.
    ///
    /// Python: `socket.recvmsg_into()`. C: `recvmsg(2)` with `MSG_CMSG_CLOEXEC`.
    public func recvmsg_into(_ buffers: [UnsafeMutableRawBufferPointer], _ ancbufsize: Int = 0, _ flags: MsgFlag = 0) throws -> (Int, [(Int, Int, bytes)], Int, SocketAddress) {
        try _recvmsg_into(buffers, ancbufsize, flags.rawValue)
    }

    @usableFromInline
    func _recvmsg_into(_ buffers: [UnsafeMutableRawBufferPointer], _ ancbufsize: Int, _ flags: Int) throws -> (Int, [(Int, Int, bytes)], Int, SocketAddress) {
        try receiveMessage(buffers, ancbufsize, try cIntArg(flags))
    }

    /// CPython's `sock_recvmsg_guts`: one `recvmsg(2)` under the timeout model, then the control
    /// messages as tuples and the sender's address.
    private func receiveMessage(_ buffers: [UnsafeMutableRawBufferPointer], _ ancbufsize: Int, _ flags: Int32) throws -> (Int, [(Int, Int, bytes)], Int, SocketAddress) {
        guard ancbufsize >= 0, ancbufsize <= Cmsg.lengthLimit else { throw ValueError("invalid ancillary data buffer length") }
        let control = UnsafeMutableRawBufferPointer.allocate(byteCount: ancbufsize, alignment: Cmsg.alignment)
        defer { control.deallocate() }
        // Zeroed, so that a control length reported beyond what was written reads as no message.
        control.initializeMemory(as: UInt8.self, repeating: 0)
        var peer = Sockaddr()
        let received = try withUnsafeMutableBytes(of: &peer.storage) { name in
            try MessageHeader.withReceive(name: name.baseAddress!, nameLength: UInt32(name.count), iov: buffers, control: control) { message in
                try callUnderTimeout(handle().recvmsg(message, flags))
            }
        }
        peer.length = min(received.nameLength, peer.length)
        let ancillary = Cmsg.parse(UnsafeRawBufferPointer(control), length: received.controlLength).map { item in
            (Int(item.level), Int(item.type), bytes(control[item.data]))
        }
        return (received.count, ancillary, Int(received.flags), peer.decoded())
    }

    /// `socket.send_fds(sock, buffers, fds[, flags[, address]])`: sends the descriptors `fds`
    /// with the data of `buffers` over an AF_UNIX socket (one SCM_RIGHTS message).
    ///
    /// Built, as Lib/socket.py builds it, on the public `sendmsg`.
    ///
    /// Python: `socket.send_fds()`. C: `sendmsg(2)` with `SCM_RIGHTS`.
    ///
    /// ```swift
    /// let (parent, child) = try socket.socketpair()
    /// let (a, b) = try socket.socketpair()
    /// _ = try socket.send_fds(parent, ["fd"], [b.fileno()])
    /// let (msg, fds, _, _) = try socket.recv_fds(child, 10, 1)
    /// let received = try socket.socket(fileno: fds[0])   // now owns the received descriptor
    /// print(msg, received.family)                         // b'fd' 1
    /// for s in [parent, child, a, b, received] { s.close() }
    /// ```
    ///
    /// Differs from CPython: nothing; note that CPython 3.13's Lib/socket.py accepts `flags`
    /// and `address` and ignores them (python/cpython#107898), and so does PySocket.
    public static func send_fds(_ sock: socket, _ buffers: [bytes], _ fds: [Int32], _ flags: MsgFlag = 0, _ address: SocketAddress? = nil) throws -> Int {
        try sock.sendmsg(buffers, [rights(fds)])
    }

    /// `socket.send_fds(sock, buffers, fds[, flags[, address]])` for buffers of any contiguous bytes.
    ///
    /// Python: `socket.send_fds()`. C: `sendmsg(2)` with `SCM_RIGHTS`.
    @inlinable
    public static func send_fds<Buffers: Sequence>(_ sock: socket, _ buffers: Buffers, _ fds: [Int32], _ flags: MsgFlag = 0, _ address: SocketAddress? = nil) throws -> Int
    where Buffers.Element: Sequence, Buffers.Element.Element == UInt8 {
        try sock.sendmsg(buffers, [rights(fds)])
    }

    /// `(SOL_SOCKET, SCM_RIGHTS, array.array("i", fds))`: the control message of `send_fds`.
    @usableFromInline
    static func rights(_ fds: [Int32]) -> (Int, Int, bytes) {
        (Int(Cmsg.rightsLevel), Int(Cmsg.rightsType), fds.withUnsafeBytes { bytes($0) })
    }

    /// `socket.recv_fds(sock, bufsize, maxfds=n, flags=0)` with `maxfds` given by keyword.
    ///
    /// Python: `socket.recv_fds()`. C: `recvmsg(2)`.
    public static func recv_fds(_ sock: socket, _ bufsize: Int, maxfds: Int, flags: MsgFlag = 0) throws -> (bytes, [Int32], Int, SocketAddress) {
        try recv_fds(sock, bufsize, maxfds, flags)
    }

    /// `data, fds, msg_flags, address = socket.recv_fds(sock, bufsize, maxfds[, flags])`: up to
    /// `bufsize` bytes of data and up to `maxfds` descriptors received with SCM_RIGHTS.
    ///
    /// Built, as Lib/socket.py builds it, on the public `recvmsg` with room for `maxfds`
    /// descriptors (`CMSG_LEN(maxfds * 4)`); the kernel closes descriptors that do not fit and
    /// reports `MSG_CTRUNC` in `msg_flags`. The descriptors returned are close-on-exec, and the
    /// caller owns them; any beyond `maxfds` (the kernel never sends them) are closed here.
    ///
    /// Python: `socket.recv_fds()`. C: `recvmsg(2)` with `MSG_CMSG_CLOEXEC`.
    ///
    /// Differs from CPython: the descriptors are close-on-exec (see `recvmsg`). Note that
    /// CPython 3.13's Lib/socket.py accepts `flags` and ignores it (python/cpython#107898), and
    /// so does PySocket.
    public static func recv_fds(_ sock: socket, _ bufsize: Int, _ maxfds: Int, _ flags: MsgFlag = 0) throws -> (bytes, [Int32], Int, SocketAddress) {
        let (size, overflow) = maxfds.multipliedReportingOverflow(by: MemoryLayout<Int32>.size)
        if overflow { throw OverflowError("Python int too large to convert to C ssize_t") }
        guard let ancbufsize = Cmsg.checkedLen(size) else { throw OverflowError("CMSG_LEN() argument out of range") }
        let (data, ancdata, messageFlags, address) = try sock.recvmsg(bufsize, ancbufsize)
        var fds: [Int32] = []
        for (level, type, payload) in ancdata where level == Int(Cmsg.rightsLevel) && type == Int(Cmsg.rightsType) {
            fds += payload.storage.withUnsafeBytes { Cmsg.descriptors($0) }
        }
        if fds.count > maxfds {
            for fd in fds[maxfds...] { sock.kernel.closeQuietly(fd) }
            fds.removeLast(fds.count - maxfds)
        }
        return (data, fds, messageFlags, address)
    }
}

/// The OSError CPython raises when the control data cannot be built.
private func buildError(_ error: Cmsg.BuildError) -> any Error {
    switch error {
    case .itemTooLarge: return OSError("ancillary data item too large")
    case .tooMuchData: return OSError("too much ancillary data")
    }
}

/// Buffers beyond this count are gathered into one copy instead of nesting one pointer scope each.
@usableFromInline let nestedBufferLimit = 32

/// Calls `body` with the contiguous bytes of every buffer, in order, without copying (except
/// for buffers without contiguous storage, or more than `nestedBufferLimit` buffers).
@inlinable
func withRawBuffers<Buffers: Sequence, R>(_ buffers: Buffers, _ body: ([UnsafeRawBufferPointer]) throws -> R) throws -> R
where Buffers.Element: Sequence, Buffers.Element.Element == UInt8 {
    let parts = Array(buffers)
    if parts.count > nestedBufferLimit {
        var flat: [UInt8] = []
        var ranges: [Range<Int>] = []
        for part in parts {
            let start = flat.count
            flat.append(contentsOf: part)
            ranges.append(start..<flat.count)
        }
        return try flat.withUnsafeBytes { raw in try body(ranges.map { UnsafeRawBufferPointer(rebasing: raw[$0]) }) }
    }
    var pointers: [UnsafeRawBufferPointer] = []
    func step(_ index: Int) throws -> R {
        if index == parts.count { return try body(pointers) }
        return try withBytes(parts[index]) { pointer in
            pointers.append(pointer)
            return try step(index + 1)
        }
    }
    return try step(0)
}

/// Calls `body` with the contiguous mutable bytes of every buffer, in order, without copying
/// (more than `nestedBufferLimit` buffers are received into one copy, then copied back).
@inlinable
func withMutableRawBuffers<Buffer: MutableCollection, R>(_ buffers: inout [Buffer], _ body: ([UnsafeMutableRawBufferPointer]) throws -> R) throws -> R
where Buffer.Element == UInt8 {
    if buffers.count > nestedBufferLimit {
        var flat: [UInt8] = []
        var ranges: [Range<Int>] = []
        for buffer in buffers {
            let start = flat.count
            flat.append(contentsOf: buffer)
            ranges.append(start..<flat.count)
        }
        let result = try flat.withUnsafeMutableBytes { raw in try body(ranges.map { UnsafeMutableRawBufferPointer(rebasing: raw[$0]) }) }
        for (index, range) in ranges.enumerated() {
            var position = buffers[index].startIndex
            for byte in flat[range] {
                buffers[index][position] = byte
                buffers[index].formIndex(after: &position)
            }
        }
        return result
    }
    return try buffers.withUnsafeMutableBufferPointer { outer in
        let outer = outer
        var pointers: [UnsafeMutableRawBufferPointer] = []
        func step(_ index: Int) throws -> R {
            if index == outer.count { return try body(pointers) }
            var result: Result<R, any Error>?
            _ = outer[index].withContiguousMutableStorageIfAvailable { part in
                pointers.append(UnsafeMutableRawBufferPointer(part))
                result = Result { try step(index + 1) }
            }
            guard let result else {
                throw TypeError("recvmsg_into() argument 1 must be an iterable of single-segment read-write buffers")
            }
            return try result.get()
        }
        return try step(0)
    }
}
