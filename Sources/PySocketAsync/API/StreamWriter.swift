// asyncio.StreamWriter and the protocol between a transport and its streams (StreamReaderProtocol, flow control).
import PySocket

extension asyncio {
    /// asyncio's `StreamReaderProtocol` with its `FlowControlMixin`: what the transport tells
    /// the stream (bytes, end, loss) and what `drain()` and `wait_closed()` wait on.
    final class StreamProtocol: @unchecked Sendable {
        let loop: EventLoop
        weak var reader: StreamReader?
        /// Held until the connection is made (a server's reader has no other owner before).
        private var strongReader: StreamReader?
        private let handler: ClientConnected?
        let closed = LoopFuture()
        private var paused = false
        private var drainWaiters: [LoopFuture] = []
        private(set) var connectionLost = false

        init(loop: EventLoop, reader: StreamReader, handler: ClientConnected? = nil) {
            self.loop = loop
            self.reader = reader
            self.handler = handler
            if handler != nil { strongReader = reader }
        }

        func connection_made(_ transport: Transport) {
            let reader = self.reader
            reader?.set_transport(transport)
            if let handler, let reader {
                let writer = StreamWriter(transport, self, reader)
                // CPython's done callback: a handler that was cancelled or raised closes the connection.
                let bound = LoopBound(transport)
                asyncio.create_task {
                    do {
                        try await handler(reader, writer)
                    } catch {
                        bound.value.close()
                        throw error
                    }
                }
            }
            strongReader = nil
        }

        func data_received(_ data: UnsafeRawBufferPointer) { reader?.feed(data) }

        func eof_received() -> Bool {
            reader?.feed_eof()
            return true
        }

        func connection_lost(_ error: (any Error)?) {
            if let reader {
                if let error { reader.set_exception(error) } else { reader.feed_eof() }
            }
            if !closed.done {
                if let error { closed.setException(error) } else { closed.setResult() }
            }
            connectionLost = true
            if paused {
                for waiter in drainWaiters {
                    if let error { waiter.setException(error) } else { waiter.setResult() }
                }
            }
            reader = nil
        }

        func pause_writing() { paused = true }

        func resume_writing() {
            paused = false
            for waiter in drainWaiters { waiter.setResult() }
        }

        /// `_drain_helper`.
        func drainHelper() async throws {
            if connectionLost { throw ConnectionResetError("Connection lost") }
            if !paused { return }
            let waiter = LoopFuture()
            drainWaiters.append(waiter)
            defer { drainWaiters.removeAll { $0 === waiter } }
            try await waiter.wait()
        }
    }

    /// `asyncio.StreamWriter`: the sending side of a connection: `write`, `drain`, `write_eof`,
    /// `close`, `wait_closed`, `get_extra_info`. Use it from the loop's tasks only.
    ///
    /// Python: `asyncio.StreamWriter`. C: `send(2)`, `shutdown(2)`, `close(2)` through its transport.
    public final class StreamWriter: CustomStringConvertible, CustomDebugStringConvertible, @unchecked Sendable {
        /// `writer.transport`: the connection under the stream.
        ///
        /// Python: `StreamWriter.transport`.
        public let transport: Transport
        let stream: StreamProtocol
        let reader: StreamReader?

        init(_ transport: Transport, _ stream: StreamProtocol, _ reader: StreamReader?) {
            self.transport = transport
            self.stream = stream
            self.reader = reader
        }

        /// `repr(writer)`: `<StreamWriter transport=<...> reader=<StreamReader ...>>`.
        ///
        /// Python: `StreamWriter.__repr__`.
        public var debugDescription: String {
            var info = ["StreamWriter", "transport=\(transport.debugDescription)"]
            if let reader { info.append("reader=\(reader.debugDescription)") }
            return "<" + info.joined(separator: " ") + ">"
        }

        /// `str(writer)`: the same as `repr(writer)`.
        ///
        /// Python: `object.__str__`.
        public var description: String { debugDescription }

        /// `writer.write(data)`: sends what the kernel takes now and buffers the rest (follow
        /// with `await writer.drain()`). After `close()` (or a lost connection) it does nothing.
        ///
        /// Python: `StreamWriter.write()`. C: `send(2)`.
        ///
        /// Differs from CPython: marked `throws` (so written `try writer.write(data)`), for the
        /// RuntimeError below.
        /// - Throws: `RuntimeError('Cannot call write() after write_eof()')`, even for `b''`.
        public func write(_ data: bytes) throws { try transport.write(data) }

        /// `writer.write(data)` for any bytes a Swift program holds: `[UInt8]`, `bytearray`,
        /// `text.utf8`, a slice (copied once).
        ///
        /// Python: `StreamWriter.write()` (bytes-like objects). C: `send(2)`.
        /// - Throws: `RuntimeError('Cannot call write() after write_eof()')`.
        @_disfavoredOverload
        public func write<Data: Sequence>(_ data: Data) throws where Data.Element == UInt8 {
            try transport.write(bytes(data))
        }

        /// `writer.writelines(data)`: writes every item.
        ///
        /// Python: `StreamWriter.writelines()`. C: `send(2)`.
        /// - Throws: `RuntimeError('Cannot call writelines() after write_eof()')`.
        public func writelines(_ data: [bytes]) throws { try transport.writelines(data) }

        /// `writer.write_eof()`: shuts the sending side once the buffer is sent.
        ///
        /// Python: `StreamWriter.write_eof()`. C: `shutdown(2)` with `SHUT_WR`.
        public func write_eof() throws { try transport.write_eof() }

        /// `writer.can_write_eof()`: true.
        ///
        /// Python: `StreamWriter.can_write_eof()`. C: none.
        public func can_write_eof() -> Bool { transport.can_write_eof() }

        /// `writer.close()`: closes the connection once the buffer is sent (the socket closes at
        /// the loop's next turn); await `wait_closed()` for it.
        ///
        /// Python: `StreamWriter.close()`. C: `close(2)`.
        public func close() { transport.close() }

        /// `writer.is_closing()`: true once closed or lost.
        ///
        /// Python: `StreamWriter.is_closing()`. C: none.
        public func is_closing() -> Bool { transport.is_closing() }

        /// `await writer.wait_closed()`: waits until the connection is closed.
        ///
        /// Python: `StreamWriter.wait_closed()`. C: none.
        /// - Throws: the error the connection was lost with (e.g. `ConnectionResetError`), at every call.
        public func wait_closed() async throws { try await stream.closed.wait() }

        /// `writer.get_extra_info(name, default=None)`: `"peername"`, `"sockname"`, `"socket"`.
        ///
        /// Python: `StreamWriter.get_extra_info()`. C: none.
        public func get_extra_info(_ name: String, _ default: ExtraInfo = .none) -> ExtraInfo {
            transport.get_extra_info(name, `default`)
        }

        /// `await writer.drain()`: waits while more than the high-water mark (64 KiB) is
        /// buffered, until the buffer is down to the low-water mark (16 KiB).
        ///
        /// Python: `StreamWriter.drain()`. C: none (the transport's `send(2)` empties the buffer).
        /// - Throws: the reader's error (a reset connection raises it at every call);
        ///   `ConnectionResetError('Connection lost')` (no errno) once the connection is closed,
        ///   also by your own `close()`.
        public func drain() async throws {
            if let failure = reader?.exception() { throw failure }
            if transport.is_closing() { try await asyncio.sleep(0) }
            try await stream.drainHelper()
        }
    }
}
