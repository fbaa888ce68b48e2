// The socket object's I/O: bind connect connect_ex listen accept send* recv* shutdown, socketpair.
import Synchronization

/// The last numeric IP address any socket encoded for `bind`, `connect`, `connect_ex`,
/// `sendmsg` or a `sendto` its own cache missed: a client that opens a new socket per connection
/// to one server (what `connect_accept_close` and `create_connection` do) parses the host's text
/// once. Guarded by `lastEncodedBusy` as a socket's cache is by `addressCacheBusy`: a thread that
/// finds it in use encodes the address itself.
nonisolated(unsafe) private var lastEncoded = AddressCacheEntry()
private let lastEncodedBusy = Atomic<Bool>(false)

extension socket {
    /// Encodes a Python address for this socket's family: a numeric IP address from (or into)
    /// `lastEncoded`, anything else through the codec.
    func sockaddr(_ address: SocketAddress, _ caller: String) throws -> Sockaddr {
        if let known = lastEncodedWords(address) { return Sockaddr(words: known.words, length: known.length) }
        return try encode(address, caller)
    }

    /// The sockaddr `lastEncoded` holds for `address` on a socket of this family, if it does.
    @inline(__always)
    private func lastEncodedWords(_ address: SocketAddress) -> (words: AddressCacheEntry.Words, length: UInt32)? {
        guard lastEncodedBusy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return nil }
        let known = lastEncoded.sockaddr(for: address, family: family.rawValue)
        lastEncodedBusy.store(false, ordering: .releasing)
        return known
    }

    /// `sockaddr` when `lastEncoded` does not hold the address: encoded, and kept when numeric.
    @inline(never)
    private func encode(_ address: SocketAddress, _ caller: String) throws -> Sockaddr {
        let family = self.family.rawValue
        guard let numeric = SockaddrCodec.encodeNumeric(address, family: family) else {
            return try encodeAddress(address, family: family, caller: caller)
        }
        if let entry = AddressCacheEntry(numeric, address, decoded: false),
           lastEncodedBusy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged {
            lastEncoded = entry
            lastEncodedBusy.store(false, ordering: .releasing)
        }
        return numeric
    }

    /// `s.bind(address)`: gives the socket its local address.
    ///
    /// Python: `socket.bind()`. C: `bind(2)`.
    public func bind(_ address: SocketAddress) throws {
        let target = try sockaddr(address, "bind")
        try callNow(handle().bind(target))
    }

    /// `s.listen([backlog])`: accepts connections; the default backlog is `min(SOMAXCONN, 128)`
    /// and a negative backlog counts as 0, as in CPython.
    ///
    /// Python: `socket.listen()`. C: `listen(2)`.
    public func listen(_ backlog: Int? = nil) throws {
        // CPython parses the backlog as a C int ("|i"), then counts a negative one as 0.
        let value = max(0, try cIntArg(backlog ?? min(NativeConstants.SOMAXCONN, 128)))
        try callNow(handle().listen(value))
    }

    /// `conn, address = s.accept()`: the next connection, as a new socket and its peer address.
    ///
    /// The new socket is close-on-exec and takes the module's default timeout (not the
    /// listener's), as in CPython.
    ///
    /// Python: `socket.accept()`. C: `accept4(2)` with `SOCK_CLOEXEC`.
    public func accept() throws -> (socket, SocketAddress) {
        // The native kernel as `Kernel.native`: no reference retained around the call.
        var accepted = try callUnderTimeout(kernel.isNative ? nativeHandle().accept() : handle().accept())
        let timeout = socket.getdefaulttimeout()
        if timeout != nil { try callNow(kernel.setNonBlocking(accepted.fd.rawValue, true)) }
        let peer = sender(&accepted.peer)
        return (socket(owning: accepted.fd, family: family, type: type, proto: proto, timeout: timeout), peer)
    }

    /// `s.connect(address)`: connects to a remote address.
    ///
    /// With a timeout, or when interrupted by a signal in blocking mode, waits with `poll(2)`
    /// and reads the outcome from `SO_ERROR`, as CPython does. Non-blocking: raises
    /// BlockingIOError (EINPROGRESS) while the connection is under way.
    ///
    /// Python: `socket.connect()`. C: `connect(2)`, `poll(2)`, `getsockopt(SO_ERROR)`.
    public func connect(_ address: SocketAddress) throws {
        // The address the last socket connected to (a client opening a connection per request):
        // its sockaddr goes to the kernel as it is kept, with no 128-byte storage built for it.
        if let known = lastEncodedWords(address) {
            return try callUnderTimeout(handle().connect(words: known.words, length: known.length))
        }
        let target = try encode(address, "connect")
        try callUnderTimeout(handle().connect(target))
    }

    /// `connect` to a sockaddr from the resolver (`create_connection`): no text to parse.
    func connect(resolved target: Sockaddr) throws {
        try callUnderTimeout(handle().connect(target))
    }

    /// `s.connect_ex(address)`: like `connect`, but returns the errno instead of raising it
    /// (0 on success). Bad addresses still raise.
    ///
    /// Python: `socket.connect_ex()`. C: `connect(2)`, `poll(2)`, `getsockopt(SO_ERROR)`.
    public func connect_ex(_ address: SocketAddress) throws -> Int {
        let target = try sockaddr(address, "connect_ex")
        do throws(CallError) {
            try handle().connect(target)
            return 0
        } catch {
            switch error {
            case .errno(let code): return Int(code.rawValue)
            // CPython reports an expired timeout as EWOULDBLOCK from connect_ex.
            case .timedOut: return Int(Errno.EWOULDBLOCK.rawValue)
            }
        }
    }

    /// `s.send(data[, flags])`: sends what the kernel takes now; returns the count sent.
    ///
    /// Never raises SIGPIPE: a send to a closed peer raises BrokenPipeError.
    ///
    /// Python: `socket.send()`. C: `send(2)` with `MSG_NOSIGNAL`.
    @inlinable
    public func send<Data: Sequence>(_ data: Data, _ flags: MsgFlag = 0) throws -> Int where Data.Element == UInt8 {
        try withBytes(data) { try _send($0, flags.rawValue) }
    }

    /// `s.send(data[, flags])` for a `bytes` value or literal.
    ///
    /// Python: `socket.send()`. C: `send(2)` with `MSG_NOSIGNAL`.
    @inlinable
    public func send(_ data: bytes, _ flags: MsgFlag = 0) throws -> Int {
        try data.withUnsafeBytes { try _send($0, flags.rawValue) }
    }

    /// `s.send(data[, flags])` from raw memory the caller owns.
    ///
    /// Python: `socket.send()`. C: `send(2)` with `MSG_NOSIGNAL`.
    @inlinable
    public func send(_ data: UnsafeRawBufferPointer, _ flags: MsgFlag = 0) throws -> Int {
        try _send(data, flags.rawValue)
    }

    @usableFromInline
    func _send(_ buffer: UnsafeRawBufferPointer, _ flags: Int) throws -> Int {
        let flags = try cIntArg(flags)
        return try callUnderTimeout(handle().send(buffer, flags))
    }

    /// `s.sendall(data[, flags])`: sends everything, or raises. One deadline covers the whole
    /// call in timeout mode; on error, how much was sent is unknown, as in CPython.
    ///
    /// Python: `socket.sendall()`. C: `send(2)` with `MSG_NOSIGNAL`, `poll(2)`.
    ///
    /// ```swift
    /// let (a, b) = try socket.socketpair()
    /// try a.sendall("GET / HTTP/1.0\r\n\r\n")   // a bytes literal
    /// try a.sendall([0x00, 0xff] as [UInt8])     // any contiguous bytes
    /// print(try b.recv(100).count)              // 20
    /// a.close(); b.close()
    /// ```
    @inlinable
    public func sendall<Data: Sequence>(_ data: Data, _ flags: MsgFlag = 0) throws where Data.Element == UInt8 {
        try withBytes(data) { try _sendall($0, flags.rawValue) }
    }

    /// `s.sendall(data[, flags])` for a `bytes` value or literal.
    ///
    /// Python: `socket.sendall()`. C: `send(2)` with `MSG_NOSIGNAL`, `poll(2)`.
    @inlinable
    public func sendall(_ data: bytes, _ flags: MsgFlag = 0) throws {
        try data.withUnsafeBytes { try _sendall($0, flags.rawValue) }
    }

    /// `s.sendall(data[, flags])` from raw memory the caller owns.
    ///
    /// Python: `socket.sendall()`. C: `send(2)` with `MSG_NOSIGNAL`, `poll(2)`.
    @inlinable
    public func sendall(_ data: UnsafeRawBufferPointer, _ flags: MsgFlag = 0) throws {
        try _sendall(data, flags.rawValue)
    }

    @usableFromInline
    func _sendall(_ buffer: UnsafeRawBufferPointer, _ flags: Int) throws {
        let flags = try cIntArg(flags)
        try callUnderTimeout(handle().sendall(buffer, flags))
    }

    /// `s.sendto(data, address)`: sends a datagram to `address`.
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    @inlinable
    public func sendto<Data: Sequence>(_ data: Data, _ address: SocketAddress) throws -> Int where Data.Element == UInt8 {
        try withBytes(data) { try _sendto($0, 0, address) }
    }

    /// `s.sendto(data, flags, address)`.
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    @inlinable
    public func sendto<Data: Sequence>(_ data: Data, _ flags: MsgFlag, _ address: SocketAddress) throws -> Int where Data.Element == UInt8 {
        try withBytes(data) { try _sendto($0, flags.rawValue, address) }
    }

    /// `s.sendto(data, address)` for a `bytes` value or literal.
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    @inlinable
    public func sendto(_ data: bytes, _ address: SocketAddress) throws -> Int {
        try data.withUnsafeBytes { try _sendto($0, 0, address) }
    }

    /// `s.sendto(data, flags, address)` for a `bytes` value or literal.
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)` with `MSG_NOSIGNAL`.
    @inlinable
    public func sendto(_ data: bytes, _ flags: MsgFlag, _ address: SocketAddress) throws -> Int {
        try data.withUnsafeBytes { try _sendto($0, flags.rawValue, address) }
    }

    @usableFromInline
    func _sendto(_ buffer: UnsafeRawBufferPointer, _ flags: Int, _ address: SocketAddress) throws -> Int {
        let flags = try cIntArg(flags)
        // The address last received from or sent to, when it is the same numeric address (a
        // server replying to its peer): its sockaddr goes to the kernel as it is kept.
        if let known = withAddressCache({ $0.sockaddr(for: address) }) {
            return try callUnderTimeout(handle().sendto(buffer, flags, words: known.words, length: known.length))
        }
        let target = try destination(address)
        return try callUnderTimeout(handle().sendto(buffer, flags, target))
    }

    /// The sockaddr for `sendto`'s `address` when the cache does not hold it: encoded, and kept
    /// when numeric.
    @inline(never)
    private func destination(_ address: SocketAddress) throws -> Sockaddr {
        guard let numeric = SockaddrCodec.encodeNumeric(address, family: family.rawValue) else {
            return try sockaddr(address, "sendto")
        }
        if let entry = AddressCacheEntry(numeric, address, decoded: false) { keepAddress(entry) }
        return numeric
    }

    /// Makes `entry` the address cache's, unless another thread is using the cache.
    private func keepAddress(_ entry: AddressCacheEntry) {
        guard addressCacheBusy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return }
        addressCache = entry
        addressCacheBusy.store(false, ordering: .releasing)
    }

    /// Runs `body` on the address cache (`Core/AddressCache.swift`) when no other thread is
    /// using it, and returns nil when one is: a cache may miss, so the caller then decodes or
    /// encodes the address itself, and no thread ever waits here.
    @inline(__always)
    func withAddressCache<R>(_ body: (inout AddressCacheEntry) -> R?) -> R? {
        guard addressCacheBusy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return nil }
        defer { addressCacheBusy.store(false, ordering: .releasing) }
        return body(&addressCache)
    }

    /// `s.recv(bufsize[, flags])`: up to `bufsize` bytes; `b''` at end of stream.
    ///
    /// Python: `socket.recv()`. C: `recv(2)`.
    ///
    /// ```swift
    /// let (a, b) = try socket.socketpair()
    /// try a.sendall("hello")
    /// print(try b.recv(1024))   // b'hello'
    /// a.close()
    /// print(try b.recv(1024))   // b''
    /// b.close()
    /// ```
    public func recv(_ bufsize: Int, _ flags: MsgFlag = 0) throws -> bytes {
        let flags = try cIntArg(flags.rawValue)
        guard bufsize >= 0 else { throw ValueError("negative buffersize in recv") }
        // CPython returns b'' for recv(0) without a system call (which could block).
        if bufsize == 0 { return bytes() }
        try checkReceiveSize(bufsize)
        var length = 0
        let data = try bytes.receiving(bufsize) { buffer in
            length = try callUnderTimeout(handle().recv(buffer, flags))
            return length
        }
        // Longer than asked only with MSG_TRUNC on a datagram socket.
        return length > data.count ? data.extended(to: length) : data
    }

    /// `s.recv_into(buffer[, nbytes[, flags]])`: receives into the caller's buffer (no copy);
    /// `nbytes` 0 means the whole buffer. Returns the count received.
    ///
    /// Python: `socket.recv_into()`. C: `recv(2)`.
    @inlinable
    public func recv_into<Buffer: MutableCollection>(_ buffer: inout Buffer, _ nbytes: Int = 0, _ flags: MsgFlag = 0) throws -> Int where Buffer.Element == UInt8 {
        try withMutableBytes(&buffer) { try _recv_into($0, nbytes, flags.rawValue, "recv_into") }
    }

    /// `s.recv_into(buffer[, nbytes[, flags]])` into raw memory the caller owns.
    ///
    /// Python: `socket.recv_into()`. C: `recv(2)`.
    @inlinable
    public func recv_into(_ buffer: UnsafeMutableRawBufferPointer, _ nbytes: Int = 0, _ flags: MsgFlag = 0) throws -> Int {
        try _recv_into(buffer, nbytes, flags.rawValue, "recv_into")
    }

    @usableFromInline
    func _recv_into(_ buffer: UnsafeMutableRawBufferPointer, _ nbytes: Int, _ flags: Int, _ caller: StaticString) throws -> Int {
        let flags = try cIntArg(flags)
        let target = try intoRange(buffer, nbytes, caller)
        return try callUnderTimeout(handle().recv(target, flags))
    }

    /// `data, address = s.recvfrom(bufsize[, flags])`.
    ///
    /// Python: `socket.recvfrom()`. C: `recvfrom(2)`.
    public func recvfrom(_ bufsize: Int, _ flags: MsgFlag = 0) throws -> (bytes, SocketAddress) {
        let flags = try cIntArg(flags.rawValue)
        guard bufsize >= 0 else { throw ValueError("negative buffersize in recvfrom") }
        try checkReceiveSize(bufsize)
        var peer = Sockaddr()
        var length = 0
        var data = try bytes.receiving(bufsize) { buffer in
            length = try receiveFrom(buffer, flags, into: &peer)
            return length
        }
        // Longer than asked only with MSG_TRUNC.
        if length > data.count { data = data.extended(to: length) }
        // The address after the data is final: with `data` chosen inside the returned tuple,
        // the optimizer kept a retain and a release of its buffer around the address cache
        // (40 instructions per datagram, callgrind).
        let address = sender(&peer)
        return (data, address)
    }

    /// `nbytes, address = s.recvfrom_into(buffer[, nbytes[, flags]])`: into the caller's buffer.
    ///
    /// Python: `socket.recvfrom_into()`. C: `recvfrom(2)`.
    @inlinable
    public func recvfrom_into<Buffer: MutableCollection>(_ buffer: inout Buffer, _ nbytes: Int = 0, _ flags: MsgFlag = 0) throws -> (Int, SocketAddress) where Buffer.Element == UInt8 {
        try withMutableBytes(&buffer) { try _recvfrom_into($0, nbytes, flags.rawValue) }
    }

    /// `s.recvfrom_into(buffer[, nbytes[, flags]])` into raw memory the caller owns.
    ///
    /// Python: `socket.recvfrom_into()`. C: `recvfrom(2)`.
    @inlinable
    public func recvfrom_into(_ buffer: UnsafeMutableRawBufferPointer, _ nbytes: Int = 0, _ flags: MsgFlag = 0) throws -> (Int, SocketAddress) {
        try _recvfrom_into(buffer, nbytes, flags.rawValue)
    }

    @usableFromInline
    func _recvfrom_into(_ buffer: UnsafeMutableRawBufferPointer, _ nbytes: Int, _ flags: Int) throws -> (Int, SocketAddress) {
        let flags = try cIntArg(flags)
        var peer = Sockaddr()
        let count = try receiveFrom(try intoRange(buffer, nbytes, "recvfrom_into"), flags, into: &peer)
        return (count, sender(&peer))
    }

    @inline(__always)
    private func receiveFrom(_ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32, into peer: inout Sockaddr) throws -> Int {
        let fd = descriptor.load(ordering: .acquiring), timeout = timeoutBits.load(ordering: .acquiring)
        // The kernel borrowed, not copied into a handle: see SocketHandle.recvfrom(_:_:_:...);
        // the native one as `Kernel.native`, so that no reference is retained around the call.
        if kernel.isNative { return try callUnderTimeout(SocketHandle.recvfrom(.native, fd, timeout, buffer, flags, into: &peer)) }
        return try callUnderTimeout(SocketHandle.recvfrom(kernel, fd, timeout, buffer, flags, into: &peer))
    }

    /// The Python value of a peer's address (`recvfrom`, `accept`): with the host text of the
    /// address last received from, sent to or accepted from when the host is the same, else
    /// decoded (and kept when it is an IP address). `inout` only so that the caller's 132 bytes
    /// are read where they are, not copied first (a `memcpy` per call, callgrind). Inlined, so
    /// that the value is built where the caller returns it (an out-of-line call cost a frame,
    /// a stack check and a copy of the 65-byte value, ~25 instructions per datagram).
    @inline(__always)
    private func sender(_ peer: inout Sockaddr) -> SocketAddress {
        guard AddressCacheEntry.isCacheable(peer) else { return peer.decoded() }
        if let known = withAddressCache({ $0.value(for: peer) }) { return known }
        return decodeAndKeep(peer)
    }

    /// `sender` when the cache does not hold the host: decodes, and keeps the result.
    @inline(never)
    private func decodeAndKeep(_ peer: Sockaddr) -> SocketAddress {
        let address = peer.decoded()
        if let entry = AddressCacheEntry(peer, address, decoded: true) { keepAddress(entry) }
        return address
    }

    /// The part of `buffer` a `*_into` call may fill, with CPython's checks on `nbytes`.
    @inline(__always)
    private func intoRange(_ buffer: UnsafeMutableRawBufferPointer, _ nbytes: Int, _ caller: StaticString) throws -> UnsafeMutableRawBufferPointer {
        if nbytes == 0 { return buffer }
        guard nbytes > 0, nbytes <= buffer.count else { throw intoRangeError(buffer, nbytes, caller) }
        return UnsafeMutableRawBufferPointer(start: buffer.baseAddress, count: nbytes)
    }

    /// The ValueError of `intoRange`, out of line.
    @inline(never)
    private func intoRangeError(_ buffer: UnsafeMutableRawBufferPointer, _ nbytes: Int, _ caller: StaticString) -> ValueError {
        if nbytes < 0 { return ValueError("negative buffersize in \(caller)") }
        return ValueError("\(caller)" == "recv_into" ? "buffer too small for requested bytes" : "nbytes is greater than the length of the buffer")
    }

    /// `s.shutdown(how)`: shuts down reading (`SHUT_RD`), writing (`SHUT_WR`) or both.
    ///
    /// Python: `socket.shutdown()`. C: `shutdown(2)`.
    public func shutdown(_ how: Int) throws {
        let how = try pyLongAsInt(how)
        try callNow(handle().shutdown(how))
    }

    /// `s.getsockname()`: the local address.
    ///
    /// Python: `socket.getsockname()`. C: `getsockname(2)`.
    public func getsockname() throws -> SocketAddress {
        return try callNow(handle().getsockname()).decoded()
    }

    /// `s.getpeername()`: the remote address of a connected socket.
    ///
    /// Python: `socket.getpeername()`. C: `getpeername(2)`.
    public func getpeername() throws -> SocketAddress {
        return try callNow(handle().getpeername()).decoded()
    }

    /// `socket.socketpair([family[, type[, proto]]])`: two connected sockets (AF_UNIX by default).
    ///
    /// Python: `socket.socketpair()`. C: `socketpair(2)` with `SOCK_CLOEXEC`.
    public static func socketpair(_ family: AddressFamily? = nil, _ type: SocketKind = socket.SOCK_STREAM, _ proto: Int = 0) throws -> (socket, socket) {
        let kernel = socket.currentKernel()
        let family = family ?? socket.AF_UNIX
        // CPython parses the three as C ints ("|iii").
        let cFamily = try cIntArg(family.rawValue), cType = try cIntArg(type.rawValue), cProto = try cIntArg(proto)
        let pair = try callNow(kernel.openSocketpair(cFamily, cType, cProto))
        let timeout = socket.getdefaulttimeout()
        if timeout != nil {
            try callNow(kernel.setNonBlocking(pair.first.rawValue, true))
            try callNow(kernel.setNonBlocking(pair.second.rawValue, true))
        }
        let kind = SocketKind(type.rawValue & ~(NativeConstants.SOCK_NONBLOCK | NativeConstants.SOCK_CLOEXEC))
        return (socket(owning: pair.first, family: family, type: kind, proto: proto, timeout: timeout),
                socket(owning: pair.second, family: family, type: kind, proto: proto, timeout: timeout))
    }
}

/// Calls `body` with the contiguous bytes of `data`, copying only when the sequence has none.
@inlinable
func withBytes<Data: Sequence, R>(_ data: Data, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R where Data.Element == UInt8 {
    if let result = try data.withContiguousStorageIfAvailable({ try body(UnsafeRawBufferPointer($0)) }) {
        return result
    }
    return try Array(data).withUnsafeBytes(body)
}

/// Calls `body` with the contiguous mutable bytes of `buffer`; Python's recv_into needs a
/// writable buffer, so a collection without contiguous storage is a TypeError.
@inlinable
func withMutableBytes<Buffer: MutableCollection, R>(_ buffer: inout Buffer, _ body: (UnsafeMutableRawBufferPointer) throws -> R) throws -> R where Buffer.Element == UInt8 {
    // One Optional level only: the outer nil of withContiguousMutableStorageIfAvailable means
    // "no contiguous storage" (an `R??` here cost ~300 instructions per recvfrom_into in
    // outlined destroys of the doubly wrapped tuple).
    if let result = try buffer.withContiguousMutableStorageIfAvailable({ try body(UnsafeMutableRawBufferPointer($0)) }) {
        return result
    }
    throw TypeError("recv_into() argument 1 must be read-write bytes-like object")
}

/// CPython's errors for a receive size no buffer can have: `OverflowError('byte string is too
/// large')` past what a bytes object can hold, and `MemoryError()` (without trying) past 1 TiB.
@inline(__always)
func checkReceiveSize(_ count: Int) throws {
    if count > 1 << 40 { throw receiveSizeError(count) }
}

/// The error of `checkReceiveSize`, out of line.
@inline(never)
func receiveSizeError(_ count: Int) -> any Error {
    count > Int.max - 33 ? OverflowError("byte string is too large") : MemoryError()
}
