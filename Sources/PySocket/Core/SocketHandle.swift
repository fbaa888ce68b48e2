// CPython's `_socket` algorithms, as functions of one call's (kernel, descriptor, timeout): what API/ calls.
import CPySocket

/// What one call on a socket works with: the socket's `Kernel`, its descriptor and its timeout
/// (nil: blocking, 0: non-blocking, > 0: seconds), read once when the call starts
/// (`socket.handle()`, which documents why that view is consistent).
///
/// The methods are CPython's `sock_*` functions of Modules/socketmodule.c: a call that does not
/// wait throws `Errno`; a call under the timeout model goes through `perform` and throws
/// `CallError`. They take C values (flags as `Int32`, a `Sockaddr`); checking Python arguments
/// and converting the error to Python's exception are the API's job (Errors/Conversion.swift).
package struct SocketHandle {
    package let kernel: Kernel
    package let fd: Int32
    /// The timeout as `Timeout.bits`: the hot calls pass it on undecoded (`perform(timeoutBits:)`).
    package let timeoutBits: UInt64
    /// The timeout: nil blocking, 0 non-blocking, > 0 seconds.
    package var timeout: Double? { Timeout.value(timeoutBits) }

    @inline(__always)
    package init(kernel: Kernel, fd: Int32, timeout: Double?) {
        self.init(kernel: kernel, fd: fd, timeoutBits: Timeout.bits(timeout))
    }

    @inline(__always)
    package init(kernel: Kernel, fd: Int32, timeoutBits: UInt64) {
        self.kernel = kernel
        self.fd = fd
        self.timeoutBits = timeoutBits
    }
}

/// What `accept` returns: the new descriptor, owned, and the peer's address.
package struct Accepted: ~Copyable {
    package var fd: OwnedFD
    package var peer: Sockaddr
}

/// What `socketpair` returns: two descriptors, each owned.
package struct OwnedPair: ~Copyable {
    package var first: OwnedFD
    package var second: OwnedFD
}

// MARK: - Calls that do not wait

extension SocketHandle {
    /// CPython: `sock_bind`. C: `bind(2)`.
    package func bind(_ address: Sockaddr) throws(Errno) {
        try address.withPointer { (raw, length) throws(Errno) in try kernel.bind(fd, raw, length) }
    }

    /// CPython: `sock_listen`. C: `listen(2)`.
    package func listen(_ backlog: Int32) throws(Errno) {
        try kernel.listen(fd, backlog)
    }

    /// CPython: `sock_shutdown`. C: `shutdown(2)`.
    package func shutdown(_ how: Int32) throws(Errno) {
        try kernel.shutdown(fd, how)
    }

    /// CPython: `sock_getsockname`. C: `getsockname(2)`.
    package func getsockname() throws(Errno) -> Sockaddr {
        var address = Sockaddr()
        try address.withMutablePointer { (raw, length) throws(Errno) in try kernel.getsockname(fd, raw, &length) }
        return address
    }

    /// CPython: `sock_getpeername`. C: `getpeername(2)`.
    package func getpeername() throws(Errno) -> Sockaddr {
        var address = Sockaddr()
        try address.withMutablePointer { (raw, length) throws(Errno) in try kernel.getpeername(fd, raw, &length) }
        return address
    }

    /// CPython: `sock_getsockopt` (buffer form). C: `getsockopt(2)`.
    package func getsockopt(_ level: Int32, _ name: Int32, _ value: UnsafeMutableRawPointer, _ length: inout UInt32) throws(Errno) {
        try kernel.getsockopt(fd, level, name, value, &length)
    }

    /// CPython: `sock_getsockopt` (int form). C: `getsockopt(2)` into an `int`.
    package func getsockopt(_ level: Int32, _ name: Int32) throws(Errno) -> Int32 {
        try kernel.intOption(fd, level, name)
    }

    /// CPython: `sock_setsockopt`. C: `setsockopt(2)`.
    package func setsockopt(_ level: Int32, _ name: Int32, _ value: UnsafeRawPointer?, _ length: UInt32) throws(Errno) {
        try kernel.setsockopt(fd, level, name, value, length)
    }

    /// Whether the descriptor survives `exec`. CPython: `_Py_get_inheritable`. C: `fcntl(F_GETFD)`.
    package func isInheritable() throws(Errno) -> Bool {
        try kernel.fcntl(fd, NativeConstants.F_GETFD, 0) & NativeConstants.FD_CLOEXEC == 0
    }

    /// CPython: `_Py_set_inheritable`. C: `fcntl(F_GETFD)`, `fcntl(F_SETFD)` when it changes.
    package func setInheritable(_ inheritable: Bool) throws(Errno) {
        let flags = try kernel.fcntl(fd, NativeConstants.F_GETFD, 0)
        let wanted = inheritable ? flags & ~NativeConstants.FD_CLOEXEC : flags | NativeConstants.FD_CLOEXEC
        if wanted != flags { _ = try kernel.fcntl(fd, NativeConstants.F_SETFD, wanted) }
    }

    /// A close-on-exec duplicate of the descriptor. CPython: `_Py_dup`. C: `fcntl(F_DUPFD_CLOEXEC)`.
    package func duplicate() throws(Errno) -> OwnedFD {
        try kernel.duplicate(fd)
    }
}

// MARK: - Calls under the timeout model

extension SocketHandle {
    /// CPython: `sock_recv_guts`. C: `recv(2)`.
    @inline(__always)
    package func recv(_ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32) throws(CallError) -> Int {
        return try perform(kernel, fd, timeoutBits: timeoutBits, waitingFor: .readable) { () throws(Errno) in
            try kernel.recv(fd, buffer, flags)
        }
    }

    /// CPython: `sock_recvfrom_guts`; the sender's address is written, undecoded, into `peer`
    /// (the caller's, so that no address is copied on the way back). C: `recvfrom(2)`.
    @inline(__always)
    package func recvfrom(_ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32, into peer: inout Sockaddr) throws(CallError) -> Int {
        try SocketHandle.recvfrom(kernel, fd, timeoutBits, buffer, flags, into: &peer)
    }

    /// `recvfrom` for a caller that holds the kernel itself (the socket's hot path): with the
    /// kernel borrowed rather than copied into a handle, the native path keeps no reference to
    /// release (measured with callgrind on the UDP workload).
    @inline(__always)
    package static func recvfrom(_ kernel: Kernel, _ fd: Int32, _ timeoutBits: UInt64, _ buffer: UnsafeMutableRawBufferPointer, _ flags: Int32, into peer: inout Sockaddr) throws(CallError) -> Int {
        try perform(kernel, fd, timeoutBits: timeoutBits, waitingFor: .readable) { () throws(Errno) in
            try peer.withMutablePointer { (raw, length) throws(Errno) in try kernel.recvfrom(fd, buffer, flags, raw, &length) }
        }
    }

    /// CPython: `sock_recvmsg_guts`' call. C: `recvmsg(2)` (the platform adds close-on-exec).
    package func recvmsg(_ message: UnsafeMutablePointer<msghdr>, _ flags: Int32) throws(CallError) -> Int {
        return try perform(kernel, fd, timeout: timeout, waitingFor: .readable) { () throws(Errno) in
            try kernel.recvmsg(fd, message, flags)
        }
    }

    /// CPython: `sock_send`. C: `send(2)` (the platform keeps SIGPIPE away).
    @inline(__always)
    package func send(_ buffer: UnsafeRawBufferPointer, _ flags: Int32) throws(CallError) -> Int {
        return try perform(kernel, fd, timeoutBits: timeoutBits, waitingFor: .writable) { () throws(Errno) in
            try kernel.send(fd, buffer, flags)
        }
    }

    /// CPython: `sock_sendto`. C: `sendto(2)` (the platform keeps SIGPIPE away).
    @inline(__always)
    package func sendto(_ buffer: UnsafeRawBufferPointer, _ flags: Int32, _ address: Sockaddr) throws(CallError) -> Int {
        return try perform(kernel, fd, timeoutBits: timeoutBits, waitingFor: .writable) { () throws(Errno) in
            try address.withPointer { (raw, length) throws(Errno) in try kernel.sendto(fd, buffer, flags, raw, length) }
        }
    }

    /// `sendto` to a sockaddr of `length` bytes held in `words` (an address cache's entry),
    /// passed to the kernel from the caller's frame with no `sockaddr_storage` built around it.
    ///
    /// Python: `socket.sendto()`. C: `sendto(2)`.
    @inline(__always)
    package func sendto(_ buffer: UnsafeRawBufferPointer, _ flags: Int32, words: (UInt64, UInt64, UInt64, UInt64), length: UInt32) throws(CallError) -> Int {
        var words = words
        return try withUnsafeBytes(of: &words) { (raw) throws(CallError) -> Int in
            try perform(kernel, fd, timeoutBits: timeoutBits, waitingFor: .writable) { () throws(Errno) in
                try kernel.sendto(fd, buffer, flags, raw.baseAddress!, length)
            }
        }
    }

    /// CPython: `sock_sendmsg`'s call. C: `sendmsg(2)` (the platform keeps SIGPIPE away).
    package func sendmsg(_ message: UnsafePointer<msghdr>, _ flags: Int32) throws(CallError) -> Int {
        return try perform(kernel, fd, timeout: timeout, waitingFor: .writable) { () throws(Errno) in
            try kernel.sendmsg(fd, message, flags)
        }
    }

    /// CPython: `sock_sendall`: `send(2)` until everything is sent; in timeout mode one deadline
    /// covers the whole call (checked before each send after the first, as CPython does).
    ///
    /// The first send is inlined and, in blocking and non-blocking mode, starts nothing else:
    /// one that takes everything (nearly every call: a message smaller than the socket's send
    /// buffer) returns at once; what is left goes on out of line (`sendRest`).
    @inline(__always)
    package func sendall(_ buffer: UnsafeRawBufferPointer, _ flags: Int32) throws(CallError) {
        if let timeout, timeout > 0 { return try sendRest(buffer, flags, from: 0, started: kernel.monotonicNanoseconds()) }
        let sent = try perform(kernel, fd, timeoutBits: timeoutBits, waitingFor: .writable) { () throws(Errno) in
            try kernel.send(fd, buffer, flags)
        }
        if sent < buffer.count { try sendRest(buffer, flags, from: sent, started: 0) }
    }

    /// `sendall` from `offset` on; `started` is the monotonic time the call began, which the
    /// deadline counts from in timeout mode.
    @inline(never)
    func sendRest(_ buffer: UnsafeRawBufferPointer, _ flags: Int32, from offset: Int, started: UInt64) throws(CallError) {
        var deadline = timeout.flatMap { $0 > 0 ? Deadline(seconds: $0, now: started) : nil }
        var offset = offset
        repeat {
            if offset > 0, let pending = deadline, pending.remainingNanoseconds(now: kernel.monotonicNanoseconds()) == nil {
                throw .timedOut
            }
            let rest = UnsafeRawBufferPointer(rebasing: buffer[offset...])
            offset += try perform(kernel, fd, timeout: timeout, waitingFor: .writable, deadline: &deadline) { () throws(Errno) in
                try kernel.send(fd, rest, flags)
            }
        } while offset < buffer.count
    }

    /// CPython: `sock_accept`: the new descriptor (close-on-exec, owned) and the peer's address.
    ///
    /// C: `accept4(2)` (the platform adds close-on-exec).
    package func accept() throws(CallError) -> Accepted {
        var peer = Sockaddr()
        let fd = try perform(kernel, self.fd, timeoutBits: timeoutBits, waitingFor: .readable) { () throws(Errno) in
            try peer.withMutablePointer { (raw, length) throws(Errno) in try kernel.accept(self.fd, raw, &length, 0) }
        }
        return Accepted(fd: OwnedFD(fd, kernel), peer: peer)
    }

    /// CPython: `internal_connect`. An interrupted connect, or one under way in timeout mode,
    /// waits for writability and reads the outcome from SO_ERROR (`finishConnect`).
    ///
    /// C: `connect(2)`, `poll(2)`, `getsockopt(SO_ERROR)`.
    package func connect(_ address: Sockaddr) throws(CallError) {
        let failure: Errno
        do throws(Errno) {
            try address.withPointer { (raw, length) throws(Errno) in try kernel.connect(fd, raw, length) }
            return
        } catch {
            failure = error
        }
        try connectFailed(failure)
    }

    /// `connect` to a sockaddr of `length` bytes held in `words` (an address cache's entry),
    /// passed to the kernel from the caller's frame with no `sockaddr_storage` built around it.
    ///
    /// C: `connect(2)`, `poll(2)`, `getsockopt(SO_ERROR)`.
    @inline(__always)
    package func connect(words: (UInt64, UInt64, UInt64, UInt64), length: UInt32) throws(CallError) {
        var words = words
        let failure: Errno
        do throws(Errno) {
            try withUnsafeBytes(of: &words) { (raw) throws(Errno) in try kernel.connect(fd, raw.baseAddress!, length) }
            return
        } catch {
            failure = error
        }
        try connectFailed(failure)
    }

    /// The rest of `internal_connect` once `connect(2)` failed with `failure`.
    @inline(never)
    func connectFailed(_ failure: Errno) throws(CallError) {
        let mustWait = failure == .EINTR ? timeout != 0 : (timeout ?? 0) > 0 && failure == .EINPROGRESS
        guard mustWait else { throw .errno(failure) }
        try finishConnect()
    }

    /// The second half of `internal_connect`: waits (under the timeout, if any) until the
    /// descriptor is writable, then takes the connection's outcome from SO_ERROR; EISCONN is
    /// success, EINTR and (in timeout mode) EAGAIN wait again.
    package func finishConnect() throws(CallError) {
        let deadline = timeout.map { Deadline(seconds: $0, now: kernel.monotonicNanoseconds()) }
        while true {
            try waitUntilReady(kernel, fd, .writable, deadline: deadline)
            let pending: Int32
            do throws(Errno) {
                pending = try kernel.intOption(fd, Int32(NativeConstants.SOL_SOCKET), Int32(NativeConstants.SO_ERROR))
            } catch { throw .errno(error) }
            let outcome = Errno(pending)
            if pending == 0 || outcome == .EISCONN { return }
            if outcome == .EINTR { continue }
            if (timeout ?? 0) > 0 && (outcome == .EAGAIN || outcome == .EWOULDBLOCK) { continue }
            throw .errno(outcome)
        }
    }

    /// One chunk of Lib/socket.py's `_sendfile_use_sendfile`: up to `count` bytes of `file` from
    /// `offset` (advanced by the count sent), with a fresh timeout, as CPython gives each chunk
    /// its own `selector.select(timeout)`. C: `sendfile(2)`.
    package func sendfileChunk(_ file: Int32, _ offset: inout Int64, _ count: Int) throws(CallError) -> Int {
        return try perform(kernel, fd, timeout: timeout, waitingFor: .writable) { () throws(Errno) in
            try kernel.sendfile(fd, file, &offset, count)
        }
    }

    /// Lib/socket.py's `_sendfile_use_sendfile` loop: chunks of at most 1 GiB until end of file
    /// or `count` bytes. Returns nil when the first chunk fails with an errno (the descriptor is
    /// not one `sendfile(2)` can read): the caller then falls back to `sendfileWithSend`.
    package func sendfile(_ file: Int32, offset: Int64, count: Int?) throws(CallError) -> Int? {
        var position = offset
        var blocksize = min(count ?? 1 << 30, 1 << 30)
        var total = 0
        while true {
            if let count {
                blocksize = min(count - total, blocksize)
                if blocksize <= 0 { break }
            }
            let sent: Int
            do throws(CallError) {
                sent = try sendfileChunk(file, &position, blocksize)
            } catch {
                guard case .errno = error, total == 0 else { throw error }
                return nil
            }
            if sent == 0 { break }
            total += sent
        }
        return total
    }

    /// Lib/socket.py's `_sendfile_use_send`: reads chunks of 8192 bytes of `file` at `offset`
    /// with `pread(2)` and sends each whole, each send with a fresh timeout.
    package func sendfileWithSend(_ file: Int32, offset: Int, count: Int?) throws(CallError) -> Int {
        var blocksize = min(count ?? 8192, 8192)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: blocksize, alignment: 1)
        defer { chunk.deallocate() }
        var total = 0
        while true {
            if let count {
                blocksize = min(count - total, blocksize)
                if blocksize <= 0 { break }
            }
            // An offset past what a file can hold reads as its end (no trap on the caller's value).
            let (position, overflow) = offset.addingReportingOverflow(total)
            if overflow { break }
            let got = try readFile(file, UnsafeMutableRawBufferPointer(rebasing: chunk[..<blocksize]), Int64(position))
            if got == 0 { break }
            var sent = 0
            while sent < got {
                sent += try send(UnsafeRawBufferPointer(rebasing: chunk[sent..<got]), 0)
            }
            total += got
        }
        return total
    }

    /// `pread(2)` of a file, retried on EINTR (a regular file never says EAGAIN).
    private func readFile(_ file: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ position: Int64) throws(CallError) -> Int {
        return try perform(kernel, file, timeout: nil, waitingFor: .readable) { () throws(Errno) in
            try kernel.pread(file, buffer, position)
        }
    }
}

// MARK: - Before a socket object exists

extension Kernel {
    /// A new socket's descriptor, owned. CPython: `sock_initobj`. C: `socket(2)` (the platform
    /// creates it close-on-exec).
    package func openSocket(_ family: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> OwnedFD {
        OwnedFD(try socket(family, type, proto), self)
    }

    /// Two connected descriptors, owned. CPython: `socket_socketpair`. C: `socketpair(2)` (the
    /// platform creates them close-on-exec).
    package func openSocketpair(_ family: Int32, _ type: Int32, _ proto: Int32) throws(Errno) -> OwnedPair {
        let (a, b) = try socketpair(family, type, proto)
        return OwnedPair(first: OwnedFD(a, self), second: OwnedFD(b, self))
    }

    /// Sets or clears O_NONBLOCK. CPython: `internal_setblocking`. C: `fcntl(F_GETFL)`,
    /// `fcntl(F_SETFL)` when it changes.
    package func setNonBlocking(_ fd: Int32, _ nonBlocking: Bool) throws(Errno) {
        let flags = try fcntl(fd, NativeConstants.F_GETFL, 0)
        let wanted = nonBlocking ? flags | NativeConstants.O_NONBLOCK : flags & ~NativeConstants.O_NONBLOCK
        if wanted != flags { _ = try fcntl(fd, NativeConstants.F_SETFL, wanted) }
    }

    /// A close-on-exec duplicate of `fd`, owned. CPython: `_Py_dup`. C: `fcntl(F_DUPFD_CLOEXEC)`.
    package func duplicate(_ fd: Int32) throws(Errno) -> OwnedFD {
        OwnedFD(try fcntl(fd, NativeConstants.F_DUPFD_CLOEXEC, 0), self)
    }

    /// An int socket option. C: `getsockopt(2)` into an `int`.
    package func intOption(_ fd: Int32, _ level: Int32, _ name: Int32) throws(Errno) -> Int32 {
        var value: Int32 = 0
        var length = UInt32(MemoryLayout<Int32>.size)
        try getsockopt(fd, level, name, &value, &length)
        return value
    }

    /// What was not given of a descriptor's family, type and protocol, read from it (CPython's
    /// `sock_initobj` with `fileno`). CPython always asks `getsockname`, so a descriptor that is
    /// not a socket fails with ENOTSOCK even when all three are given.
    ///
    /// C: `getsockname(2)`, `getsockopt(SO_TYPE)`, `getsockopt(SO_PROTOCOL)`.
    package func describe(_ fd: Int32, family: Int?, type: Int?, proto: Int?) throws(Errno) -> (family: Int, type: Int, proto: Int) {
        let address = try SocketHandle(kernel: self, fd: fd, timeout: nil).getsockname()
        let solSocket = Int32(NativeConstants.SOL_SOCKET)
        let resolvedFamily = family ?? NativeSockaddr.familyOf(address)
        var resolvedType = type ?? 0
        if type == nil { resolvedType = Int(try intOption(fd, solSocket, Int32(NativeConstants.SO_TYPE))) }
        var resolvedProto = proto ?? 0
        if proto == nil { resolvedProto = Int(try intOption(fd, solSocket, Int32(NativeConstants.SO_PROTOCOL))) }
        return (resolvedFamily, resolvedType, resolvedProto)
    }

    /// `close(2)` for a socket object's `close()` and deinit, which never raise: an error here
    /// means the descriptor was closed behind the object's back, and nobody can act on it.
    package func closeQuietly(_ fd: Int32) {
        try? close(fd)
    }

    /// CPython's `socket.close(fd)`: `close(2)`, where ECONNRESET (the peer reset the
    /// connection) is not an error.
    package func closeDescriptor(_ fd: Int32) throws(Errno) {
        do throws(Errno) { try close(fd) } catch { if error != .ECONNRESET { throw error } }
    }
}
