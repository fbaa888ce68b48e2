// The streams half of the asyncio replay: open_connection/start_server, StreamReader, StreamWriter, Transport, Server, and the handlers' Swift twins.
import PySocket
import PySocketAsync

/// `StopAsyncIteration`: what `await reader.__anext__()` raises at the end (Swift's iterator returns nil).
final class StopAsyncIteration: Exception, @unchecked Sendable {}

/// The attributes of asyncio's stream errors, as the trace records them.
func streamAttributes(_ error: BaseException) -> [String: PyValue] {
    if let e = error as? asyncio.IncompleteReadError {
        return ["partial": Py.v(e.partial), "expected": e.expected.map { .int($0) } ?? .none]
    }
    if let e = error as? asyncio.LimitOverrunError { return ["consumed": .int(e.consumed)] }
    return [:]
}

extension Replayer {
    /// Whether `object` is one of the stream objects this file replays.
    static func isStreamObject(_ object: AnyObject?) -> Bool {
        object is asyncio.StreamReader || object is asyncio.StreamWriter || object is asyncio.Server
            || object is asyncio.Transport || object is asyncio.TransportSocket
    }

    /// The handler a trace names (`_echo_lines`), as its Swift twin.
    func handler(_ value: PyValue) throws -> asyncio.ClientConnected {
        guard case .opaque("function", let name) = value, let handler = StreamHandlers.all[name] else {
            throw Unexpressible("\(value.repr) is not a handler the replay knows")
        }
        return handler
    }

    /// `await asyncio.open_connection(...)` and the other stream functions.
    func streamFunction(_ c: inout Call) async throws -> PyValue {
        switch c.name {
        case "open_connection":
            try c.allow(2, ["limit", "sock", "family", "proto", "flags", "all_errors"])
            let (reader, writer) = try await asyncio.open_connection(
                try c.optStr(0), try c.optInt(1), limit: try c.optInt(-1, "limit") ?? 65536,
                family: c.has(-1, "family") ? try c.family(-1, "family") : 0, proto: try c.optInt(-1, "proto") ?? 0,
                sock: c.has(-1, "sock") ? try c.sock(-1, "sock") : nil, all_errors: c.has(-1, "all_errors") ? try c.bool(-1, "all_errors") : false)
            return streams(reader, writer)
        case "open_unix_connection":
            try c.allow(1, ["limit", "sock"])
            let (reader, writer) = try await asyncio.open_unix_connection(
                try c.optStr(0), limit: try c.optInt(-1, "limit") ?? 65536, sock: c.has(-1, "sock") ? try c.sock(-1, "sock") : nil)
            return streams(reader, writer)
        case "start_server":
            try c.allow(3, ["limit", "sock", "backlog", "reuse_address", "reuse_port", "keep_alive", "start_serving"])
            let server = try await asyncio.start_server(
                try handler(try c.need(0, nil)), try c.optStr(1), try c.optInt(2), limit: try c.optInt(-1, "limit") ?? 65536,
                sock: c.has(-1, "sock") ? try c.sock(-1, "sock") : nil, backlog: try c.optInt(-1, "backlog") ?? 100,
                reuse_address: c.has(-1, "reuse_address") ? try c.bool(-1, "reuse_address") : nil,
                reuse_port: c.has(-1, "reuse_port") ? try c.bool(-1, "reuse_port") : nil,
                keep_alive: c.has(-1, "keep_alive") ? try c.bool(-1, "keep_alive") : nil,
                start_serving: c.has(-1, "start_serving") ? try c.bool(-1, "start_serving") : true)
            return .object(server, type: "Server")
        case "start_unix_server":
            try c.allow(2, ["limit", "sock", "backlog", "start_serving", "cleanup_socket"])
            let server = try await asyncio.start_unix_server(
                try handler(try c.need(0, nil)), try c.optStr(1), limit: try c.optInt(-1, "limit") ?? 65536,
                sock: c.has(-1, "sock") ? try c.sock(-1, "sock") : nil, backlog: try c.optInt(-1, "backlog") ?? 100,
                start_serving: c.has(-1, "start_serving") ? try c.bool(-1, "start_serving") : true,
                cleanup_socket: c.has(-1, "cleanup_socket") ? try c.bool(-1, "cleanup_socket") : true)
            return .object(server, type: "Server")
        default:
            throw NoBinding("asyncio.\(c.name)")
        }
    }

    private func streams(_ reader: asyncio.StreamReader, _ writer: asyncio.StreamWriter) -> PyValue {
        .tuple([.object(reader, type: "StreamReader"), .object(writer, type: "StreamWriter")])
    }

    /// `await reader.readline()`, `await writer.drain()`, `await server.wait_closed()`...
    func streamAwait(_ object: AnyObject, _ c: inout Call) async throws -> PyValue? {
        if let reader = object as? asyncio.StreamReader {
            switch c.name {
            case "read":
                try c.allow(1, ["n"])
                return Py.v(try await reader.read(try c.optInt(0, "n") ?? -1))
            case "readline":
                try c.allow(0)
                return Py.v(try await reader.readline())
            case "readexactly":
                try c.allow(1, ["n"])
                return Py.v(try await reader.readexactly(try c.int(0, "n")))
            case "readuntil":
                try c.allow(1, ["separator"])
                switch c.arg(0, "separator") {
                case nil: return Py.v(try await reader.readuntil())
                case .tuple(let items)?: return Py.v(try await reader.readuntil(try items.map { try Call.bytesValue($0, "readuntil") }))
                case let value?: return Py.v(try await reader.readuntil(try Call.bytesValue(value, "readuntil")))
                }
            case "__anext__":
                try c.allow(0)
                var lines = reader.makeAsyncIterator()
                guard let line = try await lines.next() else { throw StopAsyncIteration() }
                return Py.v(line)
            default:
                throw NoBinding("StreamReader.\(c.name)")
            }
        }
        if let writer = object as? asyncio.StreamWriter {
            switch c.name {
            case "drain": try c.allow(0); try await writer.drain(); return PyValue.none
            case "wait_closed": try c.allow(0); try await writer.wait_closed(); return PyValue.none
            default: throw NoBinding("StreamWriter.\(c.name)")
            }
        }
        if let server = object as? asyncio.Server {
            switch c.name {
            case "wait_closed": try c.allow(0); try await server.wait_closed(); return PyValue.none
            case "start_serving": try c.allow(0); try await server.start_serving(); return PyValue.none
            case "serve_forever": try c.allow(0); try await server.serve_forever(); return PyValue.none
            default: throw NoBinding("Server.\(c.name)")
            }
        }
        return nil
    }

    /// The stream objects' plain methods, run between two awaits.
    func streamCall(_ object: AnyObject, _ c: inout Call) throws -> PyValue {
        switch object {
        case let reader as asyncio.StreamReader:
            switch c.name {
            case "feed_data": try c.allow(1); reader.feed_data(try c.bytesArg(0)); return .none
            case "feed_eof": try c.allow(0); reader.feed_eof(); return .none
            case "at_eof": try c.allow(0); return .bool(reader.at_eof())
            case "exception": try c.allow(0); return reader.exception().map { .object($0 as AnyObject, type: "exception") } ?? .none
            default: throw NoBinding("StreamReader.\(c.name)")
            }
        case let writer as asyncio.StreamWriter:
            switch c.name {
            case "write": try c.allow(1); try writer.write(try c.bytesArg(0)); return .none
            case "writelines": try c.allow(1); try writer.writelines(try byteList(c.need(0, nil))); return .none
            case "write_eof": try c.allow(0); try writer.write_eof(); return .none
            case "can_write_eof": try c.allow(0); return .bool(writer.can_write_eof())
            case "close": try c.allow(0); writer.close(); return .none
            case "is_closing": try c.allow(0); return .bool(writer.is_closing())
            case "get_extra_info": try c.allow(1); return extra(writer.get_extra_info(try c.str(0)))
            default: throw NoBinding("StreamWriter.\(c.name)")
            }
        case let transport as asyncio.Transport:
            switch c.name {
            case "get_write_buffer_limits":
                try c.allow(0)
                let (low, high) = transport.get_write_buffer_limits()
                return .tuple([.int(low), .int(high)])
            case "get_write_buffer_size": try c.allow(0); return .int(transport.get_write_buffer_size())
            case "set_write_buffer_limits":
                try c.allow(2, ["high", "low"])
                try transport.set_write_buffer_limits(high: try c.optInt(0, "high"), low: try c.optInt(1, "low"))
                return .none
            case "is_reading": try c.allow(0); return .bool(transport.is_reading())
            case "is_closing": try c.allow(0); return .bool(transport.is_closing())
            case "can_write_eof": try c.allow(0); return .bool(transport.can_write_eof())
            case "close": try c.allow(0); transport.close(); return .none
            case "abort": try c.allow(0); transport.abort(); return .none
            default: throw NoBinding("Transport.\(c.name)")
            }
        case let sock as asyncio.TransportSocket:
            switch c.name {
            case "getsockname": try c.allow(0); return Py.v(try sock.getsockname())
            case "getpeername": try c.allow(0); return Py.v(try sock.getpeername())
            case "getsockopt": try c.allow(2); return .int(try sock.getsockopt(try c.int(0), try c.int(1)))
            case "gettimeout": try c.allow(0); return .int(sock.gettimeout())
            case "fileno": try c.allow(0); return .int(Int(sock.fileno()))
            default: throw NoBinding("TransportSocket.\(c.name)")
            }
        case let server as asyncio.Server:
            switch c.name {
            case "close": try c.allow(0); server.close(); return .none
            case "is_serving": try c.allow(0); return .bool(server.is_serving())
            case "get_loop": try c.allow(0); return .object(server.get_loop(), type: "EventLoop")
            case "close_clients": try c.allow(0); server.close_clients(); return .none
            case "abort_clients": try c.allow(0); server.abort_clients(); return .none
            default: throw NoBinding("Server.\(c.name)")
            }
        default:
            throw NoBinding("\(NameTable.typeName(object)).\(c.name)")
        }
    }

    /// `writer.transport`, `server.sockets`, `sock.family`...
    func streamGet(_ object: AnyObject, _ name: String) throws -> PyValue {
        switch (object, name) {
        case (let writer as asyncio.StreamWriter, "transport"): return .object(writer.transport, type: "Transport")
        case (let server as asyncio.Server, "sockets"): return .tuple(server.sockets.map { .object($0, type: "TransportSocket") })
        case (let sock as asyncio.TransportSocket, "family"): return Py.v(sock.family)
        case (let sock as asyncio.TransportSocket, "type"): return Py.v(sock.type)
        case (let sock as asyncio.TransportSocket, "proto"): return .int(sock.proto)
        default: throw NoBinding("\(NameTable.typeName(object)).\(name)")
        }
    }

    private func extra(_ info: asyncio.ExtraInfo) -> PyValue {
        switch info {
        case .none: return .none
        case .address(let address): return Py.v(address)
        case .socket(let sock): return .object(sock, type: "TransportSocket")
        }
    }

    private func byteList(_ value: PyValue) throws -> [bytes] {
        guard case .list(let items) = value else { throw Unexpressible("\(value.repr) is not a list") }
        return try items.map { try Call.bytesValue($0, "writelines") }
    }
}

/// The Swift twins of the handlers in Conformance/scenarios/asyncio_streams.py, line for line.
enum StreamHandlers {
    static let lingerReset: bytes = [1, 0, 0, 0, 0, 0, 0, 0]

    static let all: [String: asyncio.ClientConnected] = [
        "_echo_lines": { reader, writer in
            for try await line in reader {
                try writer.write(line)
                try await writer.drain()
            }
            writer.close()
            try await writer.wait_closed()
        },
        "_upper_once": { reader, writer in
            let data = try await reader.read(100)
            try writer.write(data.upper())
            try await writer.drain()
            writer.close()
            try await writer.wait_closed()
        },
        "_partial_then_close": { _, writer in
            try writer.write("hello\nwor")
            try await writer.drain()
            writer.close()
            try await writer.wait_closed()
        },
        "_count_until_eof": { reader, writer in
            let data = try await reader.read()
            try writer.write(bytes("\(data.count) bytes".utf8))
            try await writer.drain()
            writer.close()
            try await writer.wait_closed()
        },
        "_reset": { _, writer in
            try writer.get_extra_info("socket").socket?.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, lingerReset)
            writer.close()
        },
        "_long_line": { _, writer in
            try writer.write(bytes(repeatElement(UInt8(ascii: "x"), count: 100)) + "\ntail\n")
            try await writer.drain()
            writer.close()
            try await writer.wait_closed()
        },
        "_no_newline": { _, writer in
            try writer.write(bytes(repeatElement(UInt8(ascii: "y"), count: 50)))
            try await writer.drain()
            try await asyncio.sleep(0.1)
            try writer.write("\nlast\n")
            try await writer.drain()
            writer.close()
            try await writer.wait_closed()
        },
        "_silent": { reader, writer in
            _ = try await reader.read()
            writer.close()
        },
        "_raises": { _, _ in
            throw ValueError("handler failed")
        },
    ]
}
