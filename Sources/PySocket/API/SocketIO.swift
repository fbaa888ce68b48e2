// makefile()'s file objects: SocketIO (CPython's raw socket.SocketIO) and SocketFile (buffered, binary or text).

extension socket {
    /// `socket.SocketIO`: the raw I/O object under `makefile()`.
    ///
    /// Python: `socket.SocketIO`. C: none.
    public typealias SocketIO = PySocket.SocketIO
}

/// `io.UnsupportedOperation`: the file was not opened for this operation (reading a `"w"` file).
///
/// Python: `io.UnsupportedOperation`. C: none.
///
/// Differs from CPython:
/// - it derives from `OSError` only (CPython's derives from both `OSError` and `ValueError`).
public final class UnsupportedOperation: OSError, @unchecked Sendable {}

/// `socket.SocketIO(sock, mode)`: a raw, unbuffered byte stream over a stream socket.
///
/// Reads are `sock.recv_into`, writes are `sock.send`; in non-blocking mode a call that would
/// block returns nil (Python's None). After a timeout the object refuses to read again, since
/// how much data was lost is unknown. Closing it releases the socket's descriptor if the socket
/// itself was closed meanwhile (the `_io_refs` count that `makefile()` increments).
///
/// Python: `socket.SocketIO`. C: `recv(2)`, `send(2)`.
///
/// Differs from CPython:
/// - not an `io.RawIOBase`: only `readinto`, `write`, `readable`, `writable`, `seekable`,
///   `fileno`, `name`, `mode`, `closed` and `close` exist (`makefile(buffering: 0)` gives the
///   unbuffered `read`/`readline`).
/// - not safe to share between threads without a lock, like Python's raw files.
public final class SocketIO {
    /// The socket, nil once closed.
    private var sock: socket?
    /// `f.mode`: `"rb"`, `"wb"` or `"rwb"`.
    ///
    /// Python: `SocketIO.mode`. C: none.
    public let mode: String
    private let reading: Bool
    private let writing: Bool
    private var timeoutOccurred = false

    /// `socket.SocketIO(sock, mode)`: `mode` is one of `r w rw rb wb rwb`.
    ///
    /// Python: `socket.SocketIO(sock, mode)`. C: none.
    /// - Throws: `ValueError("invalid mode: 'x'")`.
    public init(_ sock: socket, _ mode: String) throws {
        guard ["r", "w", "rw", "rb", "wb", "rwb"].contains(mode) else {
            throw ValueError("invalid mode: \(pythonRepr(mode))")
        }
        self.sock = sock
        self.mode = mode.contains("b") ? mode : mode + "b"
        self.reading = mode.contains("r")
        self.writing = mode.contains("w")
    }

    deinit { close() }

    /// `f.closed`: true once `close()` ran.
    ///
    /// Python: `IOBase.closed`. C: none.
    public var closed: Bool { sock == nil }

    /// The socket, or CPython's `_checkClosed` error.
    private func open() throws -> socket {
        guard let sock else { throw ValueError("I/O operation on closed file.") }
        return sock
    }

    /// `f.readinto(b)`: receives up to `b.count` bytes into `b`; 0 means end of stream; nil
    /// when non-blocking and nothing is ready.
    ///
    /// Python: `SocketIO.readinto()`. C: `recv(2)`.
    /// - Throws: `TimeoutError('timed out')`, then `OSError('cannot read from timed out object')`
    ///   on every later call; the socket's other errors.
    public func readinto(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int? {
        // The socket unretained: `sock` holds it for the whole call (this object is not
        // Sendable, and nothing `recv_into` runs can reach it), where a retained copy cost a
        // retain and a release, ~40 instructions per read (callgrind, readline).
        guard let sock = sock.map(Unmanaged.passUnretained) else { throw ValueError("I/O operation on closed file.") }
        guard reading else { throw UnsupportedOperation("File or stream is not readable.") }
        if timeoutOccurred { throw OSError("cannot read from timed out object") }
        do {
            return try sock._withUnsafeGuaranteedRef { try $0.recv_into(buffer) }
        } catch let error as TimeoutError {
            timeoutOccurred = true
            throw error
        } catch let error as OSError where SocketIO.wouldBlock(error) {
            return nil
        }
    }

    /// `f.read(size=-1)`: one receive of at most `size` bytes (`b''` at end of stream), or,
    /// when `size` is negative, every byte until end of stream; nil when non-blocking and nothing
    /// is ready.
    ///
    /// Python: `RawIOBase.read()`. C: `recv(2)`.
    public func read(_ size: Int = -1) throws -> bytes? {
        if size < 0 { return try readall() }
        var buffer = [UInt8](repeating: 0, count: size)
        guard let n = try readinto(&buffer) else { return nil }
        return bytes(Array(buffer[..<n]))
    }

    /// `f.readall()`: every byte until end of stream; what arrived so far (nil if nothing) when
    /// non-blocking and nothing more is ready.
    ///
    /// Python: `RawIOBase.readall()`. C: `recv(2)`.
    public func readall() throws -> bytes? {
        var result: [UInt8] = []
        while true {
            guard let chunk = try read(8192) else { return result.isEmpty ? nil : bytes(result) }
            if chunk.isEmpty { return bytes(result) }
            result.append(contentsOf: chunk)
        }
    }

    /// `f.readinto(b)` into a `bytes`, `[UInt8]` or other contiguous buffer.
    ///
    /// Python: `SocketIO.readinto()`. C: `recv(2)`.
    public func readinto<Buffer: MutableCollection>(_ buffer: inout Buffer) throws -> Int? where Buffer.Element == UInt8 {
        try withMutableBytes(&buffer) { try readinto($0) }
    }

    /// `f.write(b)`: sends what the kernel takes now and returns the count (possibly less than
    /// `b.count`); nil when non-blocking and nothing could be sent.
    ///
    /// Python: `SocketIO.write()`. C: `send(2)` with `MSG_NOSIGNAL`.
    public func write(_ data: UnsafeRawBufferPointer) throws -> Int? {
        let sock = try open()
        guard writing else { throw UnsupportedOperation("File or stream is not writable.") }
        do {
            return try sock.send(data)
        } catch let error as OSError where SocketIO.wouldBlock(error) {
            return nil
        }
    }

    /// `f.write(b)` from a `bytes` value or literal.
    ///
    /// Python: `SocketIO.write()`. C: `send(2)` with `MSG_NOSIGNAL`.
    public func write(_ data: bytes) throws -> Int? {
        try data.withUnsafeBytes { try write($0) }
    }

    /// `f.write(b)` from any bytes (`[UInt8]`, a `String.utf8` view...).
    ///
    /// Python: `SocketIO.write()`. C: `send(2)` with `MSG_NOSIGNAL`.
    public func write<Data: Sequence>(_ data: Data) throws -> Int? where Data.Element == UInt8 {
        try withBytes(data) { try write($0) }
    }

    /// `f.readable()`: whether the object was opened for reading.
    ///
    /// Python: `SocketIO.readable()`. C: none.
    /// - Throws: `ValueError('I/O operation on closed socket.')`.
    public func readable() throws -> Bool {
        guard sock != nil else { throw ValueError("I/O operation on closed socket.") }
        return reading
    }

    /// `f.writable()`: whether the object was opened for writing.
    ///
    /// Python: `SocketIO.writable()`. C: none.
    /// - Throws: `ValueError('I/O operation on closed socket.')`.
    public func writable() throws -> Bool {
        guard sock != nil else { throw ValueError("I/O operation on closed socket.") }
        return writing
    }

    /// `f.seekable()`: always false.
    ///
    /// Python: `SocketIO.seekable()`. C: none.
    /// - Throws: `ValueError('I/O operation on closed socket.')`.
    public func seekable() throws -> Bool {
        guard sock != nil else { throw ValueError("I/O operation on closed socket.") }
        return false
    }

    /// `f.fileno()`: the socket's descriptor.
    ///
    /// Python: `SocketIO.fileno()`. C: none.
    public func fileno() throws -> Int32 { try open().fileno() }

    /// `f.name`: the socket's descriptor, -1 once closed.
    ///
    /// Python: `SocketIO.name`. C: none.
    public var name: Int32 { sock?.fileno() ?? -1 }

    /// `f.close()`: closes this object; the socket's descriptor is released too if the socket
    /// was closed and no other file still uses it. Closing twice is harmless.
    ///
    /// Python: `SocketIO.close()`. C: `close(2)` (when the last user goes).
    public func close() {
        guard let sock else { return }
        self.sock = nil
        sock.decrefSocketIOs()
    }

    /// CPython's `_blocking_errnos`: EAGAIN and EWOULDBLOCK.
    static func wouldBlock(_ error: OSError) -> Bool {
        error.errno == errno.EAGAIN || error.errno == errno.EWOULDBLOCK
    }
}

/// What a `SocketFile` reads and writes: `String` in text mode, `bytes` in binary mode.
///
/// Python: `str` (for `io.TextIOWrapper`) and `bytes` (for `io.BufferedReader`...). C: none.
public protocol SocketFileContent {}
extension String: SocketFileContent {}
extension bytes: SocketFileContent {}

/// The file object `s.makefile()` returns: `SocketFile<String>` in text mode, `SocketFile<bytes>`
/// in binary mode (`"rb"`, `"wb"`, `"rwb"`).
///
/// Buffered as CPython's `io.BufferedReader`/`BufferedWriter`/`BufferedRWPair` (8192 bytes by
/// default): a read may take more from the socket than it returns, and writes stay in the
/// buffer until `flush()`, `close()` or a full buffer. With `buffering: 0` (binary only) every
/// call goes straight to the socket. Text mode decodes UTF-8 (or ASCII/Latin-1 when asked) and
/// handles `newline` as `io.TextIOWrapper` does: universal newlines by default.
///
/// Python: `io.TextIOWrapper`, `io.BufferedReader`, `io.BufferedWriter`, `io.BufferedRWPair`,
/// `socket.SocketIO`. C: `recv(2)`, `send(2)`.
///
/// Differs from CPython:
/// - one generic class instead of five; read-only attributes beyond `mode`, `name`, `closed`,
///   `raw` are missing.
/// - `for line in f` cannot throw in Swift: iteration stops at the first error and leaves it
///   in `iterationError` (use `readline()` or `readlines()` to see errors as they happen).
/// - in non-blocking mode, a read that finds nothing raises `BlockingIOError` where CPython
///   returns None (`readline` returns what it has, as in CPython).
/// - text encodings are UTF-8 (the default, where CPython uses the locale's), ASCII and
///   Latin-1; text read sizes count Unicode scalars, as Python counts code points.
/// - not safe to share between threads without a lock.
public final class SocketFile<Content: SocketFileContent>: Sequence {
    /// `f.raw` (`f.buffer.raw` in text mode): the `SocketIO` underneath.
    ///
    /// Python: `BufferedReader.raw`. C: none.
    public let raw: SocketIO
    /// `f.mode`: the mode `makefile()` was given (`"rb"` for `"b"`).
    ///
    /// Python: `TextIOWrapper.mode`, `BufferedReader.mode`. C: none.
    public let mode: String
    /// The error that ended a `for line in f` loop, if one did.
    ///
    /// Python: none (Python's `for line in f` raises it; Swift's `for` cannot throw). C: none.
    public private(set) var iterationError: (any Error)?

    private let reading: Bool
    private let writing: Bool
    private let text: TextCodec?
    /// Bytes per raw read and write-buffer size; 0: unbuffered.
    private let bufferSize: Int
    /// The read buffer: `inputBase[inputStart..<inputEnd]` holds what was received and not yet
    /// returned; `inputCapacity` bytes are allocated (none until the first read). It is a
    /// `bytes` buffer (`inputOwner`), so that a line or a read longer than 16 bytes is a slice
    /// of it, with no copy; bytes already handed out are never written over while a value still
    /// references the buffer (a new buffer is taken instead).
    private var inputBase: UnsafeMutableRawPointer?
    private var inputOwner: _BytesBuffer?
    private var inputCapacity = 0
    private var inputStart = 0
    private var inputEnd = 0
    private var atEOF = false
    private var output: [UInt8] = []
    private var isClosed = false

    init(raw: SocketIO, mode: String, reading: Bool, writing: Bool, text: TextCodec?, bufferSize: Int) {
        self.raw = raw
        self.mode = mode
        self.reading = reading
        self.writing = writing
        self.text = text
        self.bufferSize = bufferSize
    }

    deinit {
        if !isClosed {
            try? flushOutput()
            raw.close()
        }
    }

    /// `f.closed`: true once `close()` ran.
    ///
    /// Python: `IOBase.closed`. C: none.
    public var closed: Bool { isClosed }

    /// `f.name`: the socket's descriptor, -1 once closed.
    ///
    /// Python: `BufferedReader.name`. C: none.
    public var name: Int32 { raw.name }

    /// `f.fileno()`: the socket's descriptor.
    ///
    /// Python: `IOBase.fileno()`. C: none.
    public func fileno() throws -> Int32 { try raw.fileno() }

    /// `f.readable()`: whether the file was opened for reading.
    ///
    /// Python: `IOBase.readable()`. C: none.
    public func readable() throws -> Bool {
        try checkOpen("I/O operation on closed file.")
        return reading
    }

    /// `f.seekable()`: always false; a socket stream cannot seek.
    ///
    /// Python: `IOBase.seekable()`. C: none.
    public func seekable() throws -> Bool {
        try checkOpen("I/O operation on closed file.")
        return false
    }

    /// `f.writable()`: whether the file was opened for writing.
    ///
    /// Python: `IOBase.writable()`. C: none.
    public func writable() throws -> Bool {
        try checkOpen("I/O operation on closed file.")
        return writing
    }

    // MARK: Reading

    /// `f.read(size=-1)`: up to `size` bytes (characters in text mode), waiting until that many
    /// arrived or the stream ended; everything up to end of stream when `size` is negative.
    /// An empty result means end of stream.
    ///
    /// Python: `BufferedReader.read()`, `TextIOWrapper.read()`. C: `recv(2)`.
    public func read(_ size: Int = -1) throws -> Content {
        try checkReadable("read")
        return try take(try readCount(size))
    }

    /// How many buffered bytes `read(size)` returns, after reading what it needs.
    private func readCount(_ size: Int) throws -> Int {
        // CPython allocates `size` bytes up front: past what a bytes object or memory can hold
        // it raises before reading (1 TiB stands for "more than memory", as in `recv`).
        if text == nil && size > Int.max - 33 { throw OverflowError("byte string is too large") }
        if size > 1 << 40 { throw MemoryError() }
        if bufferSize == 0 && size >= 0 {
            // SocketIO.read: one recv of up to `size` bytes.
            if inputEnd - inputStart == 0, size > 0 {
                guard try fill(size) != nil else { throw blocked() }
            }
            return Swift.min(size, inputEnd - inputStart)
        }
        return try scan(limit: size, line: false)
    }

    /// `f.readline(size=-1)`: one line, with its line ending; at most `size` bytes (characters)
    /// when `size` is not negative. An empty result means end of stream.
    ///
    /// Python: `IOBase.readline()`, `TextIOWrapper.readline()`. C: `recv(2)`.
    public func readline(_ size: Int = -1) throws -> Content {
        try checkReadable("readline")
        return try take(try scan(limit: size, line: true, partialOnBlock: true))
    }

    /// `f.readlines()`: the remaining lines, up to end of stream.
    ///
    /// Python: `IOBase.readlines()`. C: `recv(2)`.
    public func readlines() throws -> [Content] {
        var lines: [Content] = []
        while true {
            let line = try readline()
            if Self.isEmpty(line) { return lines }
            lines.append(line)
        }
    }

    /// `for line in f`: the lines up to end of stream (see `iterationError`).
    ///
    /// Python: `IOBase.__iter__`, `IOBase.__next__`. C: `recv(2)`.
    public func makeIterator() -> AnyIterator<Content> {
        AnyIterator { [self] in
            guard iterationError == nil else { return nil }
            do {
                if isClosed { try checkOpen("I/O operation on closed file.") }
                let line = try readline()
                return Self.isEmpty(line) ? nil : line
            } catch {
                iterationError = error
                return nil
            }
        }
    }

    // MARK: Writing

    /// `f.write(data)`: buffers `data` (sent by `flush()`, `close()` or a full buffer) and returns
    /// its length in bytes, or in characters in text mode. Unbuffered: sends what the kernel
    /// takes now and returns that count.
    ///
    /// Python: `BufferedWriter.write()`, `TextIOWrapper.write()`. C: `send(2)`.
    @discardableResult
    public func write(_ data: Content) throws -> Int {
        if let text, let string = data as? String {
            try checkOpen("I/O operation on closed file.")
            guard writing else { throw UnsupportedOperation("not writable") }
            let encoded = try text.encode(string)
            output += encoded.storage
            if output.count >= Swift.max(bufferSize, 1) { try flushOutput() }
            return string.unicodeScalars.count
        }
        return try (data as! bytes).withUnsafeBytes { try writeBytes($0) }
    }

    /// `f.flush()`: sends everything buffered.
    ///
    /// Python: `BufferedWriter.flush()`, `TextIOWrapper.flush()`. C: `send(2)`.
    public func flush() throws {
        try checkOpen(text == nil && writing ? "flush of closed file" : "I/O operation on closed file.")
        try flushOutput()
    }

    /// `f.close()`: flushes, then closes the raw `SocketIO` (which lets the socket's descriptor go
    /// if the socket was already closed). Closing twice is harmless.
    ///
    /// Python: `IOBase.close()`. C: `send(2)`, `close(2)`.
    /// - Throws: what the final flush raises; the file is closed all the same.
    public func close() throws {
        guard !isClosed else { return }
        defer {
            isClosed = true
            raw.close()
        }
        try flushOutput()
    }

    // MARK: Internals

    private func checkOpen(_ message: String) throws {
        if isClosed { throw ValueError(message) }
    }

    /// CPython's order: a binary file checks the mode first, a text file checks closed first.
    /// The messages are built only when they are raised.
    @inline(__always)
    func checkReadable(_ operation: StaticString) throws {
        if reading && !isClosed { return }
        if text != nil {
            try checkOpen("I/O operation on closed file.")
            throw UnsupportedOperation("not readable")
        } else {
            guard reading else { throw UnsupportedOperation("read") }
            throw ValueError("\(operation) of closed file")
        }
    }

    func writeBytes(_ data: UnsafeRawBufferPointer) throws -> Int {
        guard writing else { throw UnsupportedOperation("write") }
        try checkOpen("write to closed file")
        if bufferSize == 0 {
            guard let sent = try raw.write(data) else { throw blocked() }
            return sent
        }
        output += data
        if output.count >= bufferSize { try flushOutput() }
        return data.count
    }

    /// Sends the write buffer; what was sent leaves it even if a later send fails.
    private func flushOutput() throws {
        while !output.isEmpty {
            let sent = try output.withUnsafeBytes { try raw.write($0) }
            guard let sent else { throw blocked() }
            output.removeFirst(sent)
        }
    }

    /// One raw read of up to `count` bytes (at least the buffer size when buffered) appended to
    /// the input, without zero-filling. Returns the count, 0 at end of stream, nil when
    /// non-blocking and nothing was ready.
    private func fill(_ count: Int) throws -> Int? {
        // At most 16 MiB per read: a larger request (a huge `readline` limit) loops in `scan`.
        let want = Swift.min(bufferSize == 0 ? Swift.max(count, 1) : Swift.max(count, bufferSize), 1 << 24)
        let target = reserveInput(want)
        let got = try raw.readinto(target)
        if let got { inputEnd += got }
        if got == 0 { atEOF = true }
        return got
    }

    /// Room for `count` more bytes after `inputEnd`: moves the unread bytes to the front or grows
    /// the allocation as needed.
    /// Bytes before `inputEnd` may have been handed out (slices), so they move or are written
    /// over only while no value references the buffer; else the unread bytes go to a new one.
    private func reserveInput(_ count: Int) -> UnsafeMutableRawBufferPointer {
        let (start, end) = (inputStart, inputEnd)
        if inputCapacity - end < count || (start == end && end > 0) {
            let live = end - start
            let alone = isKnownUniquelyReferenced(&inputOwner)
            if let base = inputBase, alone, inputCapacity - live >= count {
                if live > 0 { (base).copyMemory(from: base + start, byteCount: live) }
            } else if inputCapacity - end < count || alone {
                let capacity = inputCapacity - live >= count ? inputCapacity : Swift.max(inputCapacity * 2, live + count)
                let (grown, base) = _BytesBuffer.make(capacity)
                if let old = inputBase, live > 0 { UnsafeMutableRawPointer(base).copyMemory(from: old + start, byteCount: live) }
                inputOwner = grown
                inputBase = UnsafeMutableRawPointer(base)
                inputCapacity = capacity
            } else {
                // Drained but shared, with room after the end: received after what was handed out.
                return UnsafeMutableRawBufferPointer(start: inputBase! + end, count: count)
            }
            inputStart = 0
            inputEnd = live
        }
        return UnsafeMutableRawBufferPointer(start: inputBase! + inputEnd, count: count)
    }

    /// How many buffered bytes the next read takes: `limit` units (all when negative), or one
    /// line. Reads from the socket until that is decided, end of stream, or (non-blocking) no data.
    /// A line needs at most one buffer (8 KiB) per raw read, as CPython's BufferedReader reads.
    private func scan(limit: Int, line: Bool, partialOnBlock: Bool = false) throws -> Int {
        var scanned = 0
        while true {
            if let end = boundary(limit: limit, line: line, skip: scanned) { return end - inputStart }
            if atEOF { return inputEnd - inputStart }
            if text == nil, line { scanned = inputEnd - inputStart }
            let available = inputEnd - inputStart
            let want = bufferSize == 0 && line ? 1 : (line || limit <= 0 ? SocketFile.chunk : limit - available)
            if try fill(want) == nil {
                if partialOnBlock || inputEnd > inputStart { return inputEnd - inputStart }
                throw blocked()
            }
            if atEOF { return inputEnd - inputStart }
        }
    }

    /// The end offset of the next read in the buffer, or nil when more bytes must come first.
    /// `skip`: bytes already known to hold no line end (binary mode).
    private func boundary(limit: Int, line: Bool, skip: Int) -> Int? {
        let start = inputStart, end = inputEnd
        guard let base = inputBase, end > start else { return limit == 0 ? start : nil }
        if text == nil {
            // Binary: the line end by memchr, capped by the limit.
            let stop = limit >= 0 ? Swift.min(end, start + limit) : end
            if line, let newline = ByteSearch.index(of: 0x0A, base, from: start + skip, to: stop) { return newline + 1 }
            return limit >= 0 && end - start >= limit ? start + limit : nil
        }
        var index = start
        var units = 0
        while index < end {
            if limit >= 0 && units == limit { return index }
            guard let (length, isLineEnd) = unit(base, at: index, end: end) else { return nil }
            index += length
            units += 1
            if line && isLineEnd { return index }
        }
        return limit >= 0 && units == limit ? index : nil
    }

    /// The byte length of the unit (a character in text mode) at `index`, and whether it ends a
    /// line; nil when the buffer ends inside it (or a `\r` needs the next byte).
    private func unit(_ base: UnsafeMutableRawPointer, at index: Int, end: Int) -> (Int, Bool)? {
        let byte = base.load(fromByteOffset: index, as: UInt8.self)
        guard let text else { return (1, byte == 0x0A) }
        let available = end - index
        func next() -> UInt8 { base.load(fromByteOffset: index + 1, as: UInt8.self) }
        switch (byte, text.newline) {
        case (0x0A, .universal), (0x0A, .untranslated), (0x0A, .lf):
            return (1, true)
        case (0x0D, .universal):
            // `\r\n` is one (translated) character; a `\r` at the end of the buffer waits for
            // the next byte, as CPython's decoder does.
            if available < 2 { return atEOF ? (1, true) : nil }
            return next() == 0x0A ? (2, true) : (1, true)
        case (0x0D, .untranslated):
            // Untranslated, `\r\n` stays two characters and the `\n` ends the line.
            if available < 2 { return atEOF ? (1, true) : nil }
            return (1, next() != 0x0A)
        case (0x0D, .cr):
            return (1, true)
        case (0x0A, .crlf):
            return (1, index > 0 && base.load(fromByteOffset: index - 1, as: UInt8.self) == 0x0D)
        default:
            let length = text.length(lead: byte)
            if available < length { return atEOF ? (available, false) : nil }
            return (length, false)
        }
    }

    /// Removes `count` buffered bytes and returns them: up to 16 as an inline copy, more as a
    /// slice of the read buffer (no copy; a short piece of a buffer past 64 KiB is copied, as a
    /// `bytes` slice is, so that it does not keep the large buffer alive).
    func takeBytes(_ count: Int) -> bytes {
        let start = inputStart
        guard count > 0, let base = inputBase else { return bytes() }
        inputStart = start &+ count
        if count <= bytes._inlineCapacity || (inputCapacity > 65_536 && count < inputCapacity / 2) {
            return bytes(copying: UnsafeRawBufferPointer(start: base + start, count: count))
        }
        var chunk = bytes()
        chunk._owner = inputOwner
        chunk._inline = (UInt(bitPattern: base + start), UInt(bitPattern: count))
        chunk._inlineCount = bytes._bufferSlice
        return chunk
    }

    /// Removes `count` buffered bytes and returns them as `Content`.
    private func take(_ count: Int) throws -> Content {
        let chunk = takeBytes(count)
        guard let text else { return chunk as! Content }
        return try text.decode(chunk) as! Content
    }

    /// `io.DEFAULT_BUFFER_SIZE`: the default buffer, and the chunk an unbuffered read-all asks for.
    static var chunk: Int { 8192 }

    private func blocked() -> OSError {
        OSError.from(errno: errno.EAGAIN)
    }

    private static func isEmpty(_ value: Content) -> Bool {
        if let string = value as? String { return string.isEmpty }
        return (value as! bytes).isEmpty
    }
}

extension SocketFile where Content == bytes {
    /// `f.read(size=-1)`: up to `size` bytes, waiting until that many arrived or the stream
    /// ended; everything up to end of stream when `size` is negative (one copy, no cast).
    ///
    /// Python: `BufferedReader.read()`. C: `recv(2)`.
    public func read(_ size: Int = -1) throws -> bytes {
        // All `size` bytes already buffered: one copy, nothing else.
        if size >= 0 && reading && !isClosed && inputEnd &- inputStart >= size { return takeBytes(size) }
        try checkReadable("read")
        return takeBytes(try readCount(size))
    }

    /// `f.readline(size=-1)`: one line with its `\n`, at most `size` bytes when `size` is not
    /// negative; the line end found with memchr, at most 8 KiB received per raw read.
    ///
    /// Python: `BufferedReader.readline()`. C: `recv(2)`.
    public func readline(_ size: Int = -1) throws -> bytes {
        if reading && !isClosed {
            // A whole line already buffered: one memchr and one copy, nothing else.
            if let base = inputBase {
                let start = inputStart, end = inputEnd
                let stop = size >= 0 && size < end &- start ? start &+ size : end
                if let newline = ByteSearch.index(of: 0x0A, base, from: start, to: stop) { return takeBytes(newline &+ 1 &- start) }
            }
            // No limit, buffered, binary: one raw read, then memchr over what it brought (a line
            // protocol's line usually arrives whole). Anything else goes through `scan`.
            if size < 0, bufferSize > 0, text == nil, !atEOF {
                guard let got = try fill(SocketFile.chunk) else { return takeBytes(inputEnd &- inputStart) }
                if got == 0 { return takeBytes(inputEnd &- inputStart) }
                if let base = inputBase, let newline = ByteSearch.index(of: 0x0A, base, from: inputEnd &- got, to: inputEnd) {
                    return takeBytes(newline &+ 1 &- inputStart)
                }
            }
        }
        try checkReadable("readline")
        return takeBytes(try scan(limit: size, line: true, partialOnBlock: true))
    }

    /// `f.write(b)` from any bytes (`[UInt8]`, a `String.utf8` view...).
    ///
    /// Python: `BufferedWriter.write()`. C: `send(2)` (when the buffer fills, or unbuffered).
    @discardableResult
    public func write<Data: Sequence>(_ data: Data) throws -> Int where Data.Element == UInt8 {
        try withBytes(data) { try writeBytes($0) }
    }

    /// `f.readinto(b)`: fills `b` from the stream, waiting until it is full or the stream
    /// ended; returns the count (0 at end of stream).
    ///
    /// Python: `BufferedReader.readinto()`. C: `recv(2)`.
    public func readinto<Buffer: MutableCollection>(_ buffer: inout Buffer) throws -> Int where Buffer.Element == UInt8 {
        try checkReadable("readinto")
        let data = try read(buffer.count)
        let copied: Void? = buffer.withContiguousMutableStorageIfAvailable { target in
            data.withUnsafeBytes { UnsafeMutableRawBufferPointer(target).copyMemory(from: $0) }
        }
        if copied == nil {
            var index = buffer.startIndex
            for byte in data {
                buffer[index] = byte
                buffer.formIndex(after: &index)
            }
        }
        return data.count
    }
}

/// The text layer of a `SocketFile`: codec, error handler and newline mode.
struct TextCodec {
    /// `newline=`: None, `''`, `'\n'`, `'\r'`, `'\r\n'`.
    enum Newline {
        case universal, untranslated, lf, cr, crlf
    }

    let codec: PyCodec
    let encoding: String
    /// Whether `makefile()` was given the encoding (CPython's default names it `UTF-8`).
    let encodingGiven: Bool
    let errors: String
    let newline: Newline
    /// What `\n` becomes on output (`nil`: unchanged).
    let outputNewline: String?

    /// CPython's `TextIOWrapper.__init__` checks.
    init(encoding: String?, errors: String?, newline: String?) throws {
        self.encodingGiven = encoding != nil
        let encoding = encoding ?? "utf-8"
        self.codec = try PyCodec(encoding)
        self.encoding = encoding
        self.errors = errors ?? "strict"
        switch newline {
        case nil: self.newline = .universal; outputNewline = nil
        case ""?: self.newline = .untranslated; outputNewline = nil
        case "\n"?: self.newline = .lf; outputNewline = nil
        case "\r"?: self.newline = .cr; outputNewline = "\r"
        case "\r\n"?: self.newline = .crlf; outputNewline = "\r\n"
        case let other?: throw ValueError("illegal newline value: \(pythonRepr(other))")
        }
    }

    /// Bytes in a character starting with `lead` (UTF-8's lead byte; 1 for ASCII and Latin-1).
    func length(lead: UInt8) -> Int {
        guard codec.kind == .utf8 else { return 1 }
        switch lead {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }

    /// Decodes, translating `\r\n` and `\r` to `\n` in universal-newline mode.
    func decode(_ data: bytes) throws -> String {
        let string = try data.decode(encoding, errors: errors)
        guard newline == .universal else { return string }
        var out = String.UnicodeScalarView()
        var pendingCR = false
        for scalar in string.unicodeScalars {
            if pendingCR {
                pendingCR = false
                out.append("\n")
                if scalar == "\n" { continue }
            }
            if scalar == "\r" { pendingCR = true } else { out.append(scalar) }
        }
        if pendingCR { out.append("\n") }
        return String(out)
    }

    /// Encodes, turning `\n` into `\r` or `\r\n` when `newline` says so.
    func encode(_ string: String) throws -> bytes {
        guard let outputNewline else { return try string.encode(encoding, errors) }
        var out = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            if scalar == "\n" { out.append(contentsOf: outputNewline.unicodeScalars) } else { out.append(scalar) }
        }
        return try String(out).encode(encoding, errors)
    }
}

extension SocketFile where Content == bytes {
    /// `f.peek(size=0)`: the buffered bytes from the current position, without consuming them;
    /// when nothing is buffered, one read from the socket first (so at least one byte unless
    /// the stream ended). May return more or fewer than `size` bytes, as in CPython.
    ///
    /// Python: `BufferedReader.peek()`. C: `recv(2)`.
    public func peek(_ size: Int = 0) throws -> bytes {
        try checkReadable("peek")
        if inputEnd - inputStart == 0 && !atEOF {
            guard try fill(Swift.max(size, 1)) != nil else { throw blocked() }
        }
        return bytes(copying: UnsafeRawBufferPointer(start: inputBase.map { $0 + inputStart }, count: inputEnd - inputStart))
    }
}

extension SocketFile: CustomStringConvertible, CustomDebugStringConvertible {
    /// `type(f).__name__` as CPython names the object `makefile()` returned: `TextIOWrapper`,
    /// `BufferedReader`, `BufferedWriter`, `BufferedRWPair`, or `SocketIO` (unbuffered).
    ///
    /// Python: `type(f).__name__`. C: none.
    public var typeName: String {
        if text != nil { return "TextIOWrapper" }
        if bufferSize == 0 { return "SocketIO" }
        if reading && writing { return "BufferedRWPair" }
        return reading ? "BufferedReader" : "BufferedWriter"
    }

    /// `f.encoding`: a text file's encoding as `makefile()` was given it (`UTF-8` when it was given
    /// none, as CPython names a UTF-8 locale's); nil for a binary file, which has no such attribute.
    ///
    /// Python: `TextIOWrapper.encoding`. C: none.
    public var encoding: String? {
        guard let text else { return nil }
        return text.encoding == "utf-8" && !text.encodingGiven ? "UTF-8" : text.encoding
    }

    /// `f.errors`: a text file's error handler (`strict` by default); nil for a binary file.
    ///
    /// Python: `TextIOWrapper.errors`. C: none.
    public var errors: String? { text?.errors }

    /// `repr(f)`: `<_io.BufferedReader name=3>`, `<_io.TextIOWrapper name=3 mode='r'
    /// encoding='UTF-8'>`, `<_io.BufferedRWPair object at 0x...>`, as CPython prints them.
    ///
    /// Python: `BufferedReader.__repr__`, `TextIOWrapper.__repr__`. C: none.
    public var description: String {
        let address = "0x" + String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16)
        if let text {
            let name = reading && writing ? "" : "name=\(name) "
            let encoding = text.encoding == "utf-8" && !text.encodingGiven ? "UTF-8" : text.encoding
            return "<_io.TextIOWrapper \(name)mode=\(pythonRepr(mode)) encoding=\(pythonRepr(encoding))>"
        }
        switch typeName {
        case "SocketIO": return "<socket.SocketIO object at \(address)>"
        case "BufferedRWPair": return "<_io.BufferedRWPair object at \(address)>"
        default: return "<_io.\(typeName) name=\(name)>"
        }
    }

    /// `repr(f)`: the same text as `str(f)`.
    ///
    /// Python: `object.__repr__`. C: none.
    public var debugDescription: String { description }
}

extension SocketIO: CustomStringConvertible, CustomDebugStringConvertible {
    /// `repr(f)`: `<socket.SocketIO object at 0x...>`.
    ///
    /// Python: `object.__repr__`. C: none.
    public var description: String {
        "<socket.SocketIO object at 0x" + String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16) + ">"
    }

    /// `repr(f)`: the same text.
    ///
    /// Python: `object.__repr__`. C: none.
    public var debugDescription: String { description }
}
