// asyncio.StreamReader: the buffer a connection's bytes go into, and read, readline, readexactly, readuntil.
import PySocket

extension asyncio {
    /// `asyncio.IncompleteReadError(partial, expected)`: the stream ended before `readexactly`
    /// had its `expected` bytes, or before `readuntil` found its separator (`expected` nil).
    ///
    /// `str(e)` is `'3 bytes read on a total of 5 expected bytes'` (`undefined` for nil).
    ///
    /// Python: `asyncio.IncompleteReadError` (a subclass of `EOFError`). C: none.
    public final class IncompleteReadError: EOFError, @unchecked Sendable {
        /// `e.partial`: the bytes read before the end of the stream.
        ///
        /// Python: `IncompleteReadError.partial`.
        public let partial: bytes
        /// `e.expected`: how many bytes were expected, nil when unknown (`readuntil`).
        ///
        /// Python: `IncompleteReadError.expected`.
        public let expected: Int?

        /// `IncompleteReadError(partial, expected)`.
        ///
        /// Python: `asyncio.IncompleteReadError(partial, expected)`.
        public init(_ partial: bytes, _ expected: Int?) {
            self.partial = partial
            self.expected = expected
            let total = expected.map { String($0) } ?? "undefined"
            super.init(args: [.str("\(partial.count) bytes read on a total of \(total) expected bytes")])
        }

        /// `IncompleteReadError(*args)` with one message: `partial` is `b''`, `expected` nil.
        ///
        /// Python: `BaseException.__init__(*args)`.
        public required init(args: [Argument]) {
            partial = bytes()
            expected = nil
            super.init(args: args)
        }
    }

    /// `asyncio.LimitOverrunError(message, consumed)`: `readuntil` reached the stream's limit
    /// before (or without) finding its separator; the data stays in the buffer.
    ///
    /// Python: `asyncio.LimitOverrunError`. C: none.
    public final class LimitOverrunError: Exception, @unchecked Sendable {
        /// `e.consumed`: how many bytes would have to be consumed.
        ///
        /// Python: `LimitOverrunError.consumed`.
        public let consumed: Int

        /// `LimitOverrunError(message, consumed)`.
        ///
        /// Python: `asyncio.LimitOverrunError(message, consumed)`.
        public init(_ message: String, _ consumed: Int) {
            self.consumed = consumed
            super.init(args: [.str(message)])
        }

        /// `LimitOverrunError(*args)`: `consumed` is 0.
        ///
        /// Python: `BaseException.__init__(*args)`.
        public required init(args: [Argument]) {
            consumed = 0
            super.init(args: args)
        }
    }

    /// `asyncio.StreamReader`: the bytes received on a connection, read with `read`, `readline`,
    /// `readexactly` and `readuntil`; `for try await line in reader` iterates over its lines.
    ///
    /// `limit` bounds a line (`readline`/`readuntil`), and twice it bounds what is buffered
    /// before the connection stops reading, as in CPython. Use it from the loop's tasks only.
    ///
    /// Python: `asyncio.StreamReader`. C: none (the connection's `recv(2)` feeds it).
    public final class StreamReader: AsyncSequence, CustomStringConvertible, CustomDebugStringConvertible, @unchecked Sendable {
        /// `for try await line in reader`: each line (`readline`) until `b''`.
        ///
        /// Python: `StreamReader.__anext__`.
        public typealias Element = bytes

        let limit: Int
        var buffer = ByteBuffer()
        var eof = false
        var waiter: LoopFuture?
        var failure: (any Error)?
        weak var transport: Transport?
        var paused = false

        /// `asyncio.StreamReader(limit=2**16)`: an empty reader, fed with `feed_data` and `feed_eof`.
        ///
        /// Python: `asyncio.StreamReader(limit=_DEFAULT_LIMIT)`.
        /// - Throws: `ValueError('Limit cannot be <= 0')`.
        public init(limit: Int = 65536) throws {
            if limit <= 0 { throw ValueError("Limit cannot be <= 0") }
            self.limit = limit
        }

        /// `repr(reader)`: `<StreamReader 5 bytes eof limit=10 transport=...>`.
        ///
        /// Python: `StreamReader.__repr__`.
        public var debugDescription: String {
            var info = ["StreamReader"]
            if !buffer.isEmpty { info.append("\(buffer.count) bytes") }
            if eof { info.append("eof") }
            if limit != asyncio.defaultLimit { info.append("limit=\(limit)") }
            if waiter != nil { info.append("waiter=<Future pending>") }
            if let failure { info.append("exception=\(String(reflecting: failure))") }
            if let transport { info.append("transport=\(transport.debugDescription)") }
            if paused { info.append("paused") }
            return "<" + info.joined(separator: " ") + ">"
        }

        /// `str(reader)`: the same as `repr(reader)`.
        ///
        /// Python: `object.__str__`.
        public var description: String { debugDescription }

        /// `reader.exception()`: the error the connection failed with, or nil.
        ///
        /// Python: `StreamReader.exception()`.
        public func exception() -> (any Error)? { failure }

        /// `reader.set_exception(exc)`: every later read raises `error`; a waiting read raises it now.
        ///
        /// Python: `StreamReader.set_exception()`.
        public func set_exception(_ error: any Error) {
            failure = error
            if let waiter {
                self.waiter = nil
                waiter.setException(error)
            }
        }

        private func wakeWaiter() {
            if let waiter {
                self.waiter = nil
                waiter.setResult()
            }
        }

        /// Sets the transport the reader pauses and resumes.
        func set_transport(_ transport: Transport) {
            self.transport = transport
        }

        private func maybeResumeTransport() {
            if paused && buffer.count <= limit {
                paused = false
                transport?.resume_reading()
            }
        }

        /// `reader.feed_eof()`: the end of the stream; waiting reads return what is left.
        ///
        /// Python: `StreamReader.feed_eof()`.
        public func feed_eof() {
            eof = true
            wakeWaiter()
        }

        /// `reader.at_eof()`: true once the stream ended and the buffer is empty.
        ///
        /// Python: `StreamReader.at_eof()`.
        public func at_eof() -> Bool { eof && buffer.isEmpty }

        /// `reader.feed_data(data)`: appends received bytes; past twice the limit the transport
        /// stops reading until the buffer drains to the limit.
        ///
        /// Python: `StreamReader.feed_data()`.
        public func feed_data(_ data: bytes) {
            data.withUnsafeBytes { feed($0) }
        }

        func feed(_ data: UnsafeRawBufferPointer) {
            if data.isEmpty { return }
            buffer.append(data)
            wakeWaiter()
            if let transport, !paused, buffer.count - limit > limit {
                transport.pause_reading()
                paused = true
            }
        }

        /// `_wait_for_data`: waits until data or the end of the stream comes.
        private func waitForData(_ function: String) async throws {
            if waiter != nil {
                throw RuntimeError("\(function)() called while another coroutine is already waiting for incoming data")
            }
            if paused {
                paused = false
                transport?.resume_reading()
            }
            let future = LoopFuture()
            waiter = future
            defer { if waiter === future { waiter = nil } }
            try await future.wait()
        }

        /// `data = await reader.read(n=-1)`: up to `n` bytes as soon as any are there; `b''` at
        /// the end of the stream; with `n` negative, everything until the end.
        ///
        /// Python: `StreamReader.read()`. C: none (the bytes come from the connection's `recv(2)`).
        /// - Throws: the connection's error (e.g. `ConnectionResetError`), again at every call.
        public func read(_ n: Int = -1) async throws -> bytes {
            if let failure { throw failure }
            if n == 0 { return bytes() }
            if n < 0 {
                var blocks: [UInt8] = []
                while true {
                    let block = try await read(limit)
                    if block.isEmpty { break }
                    blocks.append(contentsOf: block)
                }
                return bytes(blocks)
            }
            if buffer.isEmpty && !eof { try await waitForData("read") }
            let data = buffer.take(n)
            maybeResumeTransport()
            return data
        }

        /// `line = await reader.readline()`: one line with its `b'\n'`; at the end of the stream
        /// what is left (maybe without `b'\n'`, `b''` when nothing is).
        ///
        /// Python: `StreamReader.readline()`. C: none.
        /// - Throws: `ValueError` when the line is longer than the limit: the line (or, with no
        ///   newline found, the whole buffer) is dropped, as in CPython.
        public func readline() async throws -> bytes {
            do {
                return try await readuntil("\n")
            } catch let error as IncompleteReadError {
                return error.partial
            } catch let error as LimitOverrunError {
                if buffer.startsWith("\n", at: error.consumed) {
                    _ = buffer.take(error.consumed + 1)
                } else {
                    buffer.clear()
                }
                maybeResumeTransport()
                throw ValueError(args: error.args.elements)
            }
        }

        /// `data = await reader.readuntil(separator=b'\n')`: the bytes up to and including
        /// `separator`.
        ///
        /// Python: `StreamReader.readuntil()`. C: none.
        /// - Throws: `IncompleteReadError` at the end of the stream (the buffer is emptied into
        ///   its `partial`); `LimitOverrunError` past the limit (the data stays);
        ///   `ValueError('Separator should be at least one-byte string')`.
        public func readuntil(_ separator: bytes = "\n") async throws -> bytes {
            try await readuntil(separators: [separator])
        }

        /// `data = await reader.readuntil((sep1, sep2))`: up to the first of several
        /// separators (the shortest result wins).
        ///
        /// Python: `StreamReader.readuntil(tuple)`. C: none.
        /// - Throws: as `readuntil(_:)`, and `ValueError('Separator should contain at least one element')`.
        public func readuntil(_ separators: [bytes]) async throws -> bytes {
            try await readuntil(separators: separators)
        }

        private func readuntil(separators: [bytes]) async throws -> bytes {
            let sorted = separators.enumerated().sorted { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }.map(\.element)
            guard let shortest = sorted.first, let longest = sorted.last else {
                throw ValueError("Separator should contain at least one element")
            }
            if shortest.isEmpty { throw ValueError("Separator should be at least one-byte string") }
            if let failure { throw failure }
            var offset = 0
            var matchStart = 0, matchEnd = -1
            while true {
                let length = buffer.count
                if length - offset >= shortest.count {
                    for separator in sorted {
                        let found = buffer.find(separator, offset)
                        if found != -1 {
                            let end = found + separator.count
                            if matchEnd == -1 || end < matchEnd {
                                matchEnd = end
                                matchStart = found
                            }
                        }
                    }
                    if matchEnd != -1 { break }
                    offset = Swift.max(0, length + 1 - longest.count)
                    if offset > limit {
                        throw LimitOverrunError("Separator is not found, and chunk exceed the limit", offset)
                    }
                }
                if eof {
                    let chunk = buffer.take(buffer.count)
                    throw IncompleteReadError(chunk, nil)
                }
                try await waitForData("readuntil")
            }
            if matchStart > limit {
                throw LimitOverrunError("Separator is found, but chunk is longer than limit", matchStart)
            }
            let chunk = buffer.take(matchEnd)
            maybeResumeTransport()
            return chunk
        }

        /// `data = await reader.readexactly(n)`: exactly `n` bytes.
        ///
        /// Python: `StreamReader.readexactly()`. C: none.
        /// - Throws: `IncompleteReadError(partial, n)` when the stream ends first (the buffer
        ///   is emptied into `partial`); `ValueError('readexactly size can not be less than zero')`.
        public func readexactly(_ n: Int) async throws -> bytes {
            if n < 0 { throw ValueError("readexactly size can not be less than zero") }
            if let failure { throw failure }
            if n == 0 { return bytes() }
            while buffer.count < n {
                if eof {
                    throw IncompleteReadError(buffer.take(buffer.count), n)
                }
                try await waitForData("readexactly")
            }
            let data = buffer.take(n)
            maybeResumeTransport()
            return data
        }

        /// The lines of a reader, for `for try await line in reader`.
        ///
        /// Python: `StreamReader.__aiter__`. C: none.
        public struct AsyncIterator: AsyncIteratorProtocol {
            let reader: StreamReader

            /// The next line; nil once `readline()` returns `b''`.
            ///
            /// Python: `StreamReader.__anext__`.
            public mutating func next() async throws -> bytes? {
                let line = try await reader.readline()
                return line.isEmpty ? nil : line
            }
        }

        /// `reader.__aiter__()`: iterates over the lines.
        ///
        /// Python: `StreamReader.__aiter__`.
        public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(reader: self) }
    }
}
