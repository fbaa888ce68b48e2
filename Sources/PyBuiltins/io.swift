// io.BytesIO: an in-memory binary stream (building and parsing messages before send and after recv).
import PySocket
import Synchronization

extension io {
    /// `io.BytesIO(initial_bytes=b'')`: an in-memory binary stream: `write`, `read`, `readline`,
    /// `seek`, `tell`, `getvalue`, `truncate`, `close`.
    ///
    /// Python: `io.BytesIO`.
    ///
    /// Differs from CPython: no `getbuffer()`/`readinto()`; iterating is `readlines()`.
    public final class BytesIO: Sendable, CustomStringConvertible {
        private struct State {
            var data: [UInt8]
            var position = 0
            var closed = false
        }

        private let state: Mutex<State>

        /// `io.BytesIO(initial_bytes)`: a stream holding a copy of `initial_bytes`, at position 0.
        ///
        /// Python: `io.BytesIO(initial_bytes)`.
        public init(_ initial_bytes: bytes = bytes()) {
            state = Mutex(State(data: Array(initial_bytes)))
        }

        /// `<_io.BytesIO object at 0x...>`, as CPython's repr (the address is the object's).
        ///
        /// Python: `object.__repr__`.
        public var description: String {
            "<_io.BytesIO object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>"
        }

        /// `f.closed`: whether `close()` was called.
        ///
        /// Python: `BytesIO.closed`.
        public var closed: Bool { state.withLock { $0.closed } }

        private func open<T>(_ body: (inout State) throws -> T) throws -> T {
            try state.withLock { s in
                if s.closed { throw ValueError("I/O operation on closed file.") }
                return try body(&s)
            }
        }

        /// `f.write(b)`: writes the bytes at the position (overwriting, zero-filling a gap past
        /// the end) and returns how many.
        ///
        /// Python: `BytesIO.write`.
        /// - Throws: `ValueError('I/O operation on closed file.')`.
        @discardableResult
        public func write<Data: Sequence>(_ b: Data) throws -> Int where Data.Element == UInt8 {
            let new = Array(b)
            return try open { s in
                if s.position > s.data.count { s.data += [UInt8](repeating: 0, count: s.position - s.data.count) }
                let end = min(s.position + new.count, s.data.count)
                s.data.replaceSubrange(s.position..<end, with: new)
                s.position += new.count
                return new.count
            }
        }

        /// `f.read(size=-1)`: up to `size` bytes from the position (all that is left by default).
        ///
        /// Python: `BytesIO.read`.
        /// - Throws: `ValueError('I/O operation on closed file.')`.
        public func read(_ size: Int = -1) throws -> bytes {
            try open { s in
                let start = min(s.position, s.data.count)
                let end = size < 0 ? s.data.count : min(s.data.count, start + size)
                s.position = max(s.position, end)
                return bytes(s.data[start..<end])
            }
        }

        /// `f.readline(size=-1)`: the bytes up to and including the next `b'\n'` (or the end).
        ///
        /// Python: `BytesIO.readline`.
        /// - Throws: `ValueError('I/O operation on closed file.')`.
        public func readline(_ size: Int = -1) throws -> bytes {
            try open { s in
                let start = min(s.position, s.data.count)
                var end = start
                while end < s.data.count && (size < 0 || end - start < size) {
                    end += 1
                    if s.data[end - 1] == UInt8(ascii: "\n") { break }
                }
                s.position = max(s.position, end)
                return bytes(s.data[start..<end])
            }
        }

        /// `f.readlines()`: the remaining lines.
        ///
        /// Python: `BytesIO.readlines`.
        /// - Throws: `ValueError('I/O operation on closed file.')`.
        public func readlines() throws -> [bytes] {
            var lines: [bytes] = []
            while case let line = try readline(), !line.isEmpty { lines.append(line) }
            return lines
        }

        /// `f.getvalue()`: all the bytes, whatever the position.
        ///
        /// Python: `BytesIO.getvalue`.
        /// - Throws: `ValueError('I/O operation on closed file.')`.
        public func getvalue() throws -> bytes { try open { bytes($0.data) } }

        /// `f.seek(pos, whence=0)`: moves to `pos` from the start (0), the position (1) or the
        /// end (2) and returns the new position.
        ///
        /// Python: `BytesIO.seek`.
        /// - Throws: `ValueError` with CPython's texts for a negative position or a bad whence.
        @discardableResult
        public func seek(_ pos: Int, _ whence: Int = 0) throws -> Int {
            try open { s in
                let base: Int
                switch whence {
                case 0:
                    if pos < 0 { throw ValueError("negative seek value \(pos)") }
                    base = 0
                case 1: base = s.position
                case 2: base = s.data.count
                default: throw ValueError("invalid whence (\(whence), should be 0, 1 or 2)")
                }
                s.position = max(0, base + pos)
                return s.position
            }
        }

        /// `f.tell()`: the position.
        ///
        /// Python: `BytesIO.tell`.
        /// - Throws: `ValueError('I/O operation on closed file.')`.
        public func tell() throws -> Int { try open { $0.position } }

        /// `f.truncate(size=None)`: cuts the data at `size` (the position by default) and returns
        /// the new size; the position is unchanged.
        ///
        /// Python: `BytesIO.truncate`.
        /// - Throws: `ValueError('negative size value -1')`.
        @discardableResult
        public func truncate(_ size: Int? = nil) throws -> Int {
            try open { s in
                let n = size ?? s.position
                if n < 0 { throw ValueError("negative size value \(n)") }
                if n < s.data.count { s.data.removeSubrange(n...) }
                return n
            }
        }

        /// `f.close()`: frees the data; later calls raise `ValueError`.
        ///
        /// Python: `BytesIO.close`.
        public func close() { state.withLock { $0 = State(data: [], closed: true) } }

        /// `f.readable()`, `f.writable()`, `f.seekable()`: true while open.
        ///
        /// Python: `BytesIO.readable`.
        /// - Throws: `ValueError('I/O operation on closed file.')`.
        public func readable() throws -> Bool { try open { _ in true } }

        /// `with io.BytesIO() as f:`: runs `body`, then closes the stream.
        ///
        /// Python: `BytesIO.__enter__`/`__exit__`.
        public func with<Result>(_ body: (BytesIO) throws -> Result) rethrows -> Result {
            defer { close() }
            return try body(self)
        }
    }
}
