// One call being replayed: its resolved arguments, typed accessors that convert them to PySocket's Swift types.
import PySocket

/// Thrown when a recorded call cannot be written in Swift (the types rule it out): an argument
/// of a type the Swift API does not take, a missing required argument, an extra one.
/// Thrown by the name table where PySocket differs from CPython by a choice written down in the
/// README's "Differences from CPython": counted in its own column and always listed, never hidden.
public struct DocumentedDifference: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}

public struct Unexpressible: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}

/// Thrown when the name table has no Swift counterpart for a Python name.
public struct NoBinding: Error, CustomStringConvertible {
    public let description: String
    public init(_ name: String) { description = "no Swift binding for \(name)" }
}

/// A recorded call with its arguments resolved against the scenario (symbols bound, refs live).
public struct Call {
    public let name: String
    public let args: [PyValue]
    public let kwargs: [(String, PyValue)]
    public let ctx: ScenarioContext
    /// Arguments the call filled in (recv_into buffers), by position.
    public var after: [Int: PyValue] = [:]

    /// The argument at position `i`, or the keyword `key`; nil when neither was given.
    public func arg(_ i: Int, _ key: String? = nil) -> PyValue? {
        if i >= 0, i < args.count { return args[i] }
        if let key, let kw = kwargs.first(where: { $0.0 == key }) { return kw.1 }
        return nil
    }

    public func has(_ i: Int, _ key: String? = nil) -> Bool { arg(i, key) != nil }

    /// Fails unless the call passes at most `positional` positional arguments and only these keywords.
    public func allow(_ positional: Int, _ keywords: Set<String> = []) throws {
        if args.count > positional { throw Unexpressible("\(name) takes at most \(positional) positional arguments here") }
        for (k, _) in kwargs where !keywords.contains(k) { throw Unexpressible("\(name) has no keyword \(k) in Swift") }
    }

    func need(_ i: Int, _ key: String?) throws -> PyValue {
        guard let v = arg(i, key) else { throw Unexpressible("\(name): missing argument \(key ?? String(i))") }
        return v
    }

    // MARK: typed accessors

    public func int(_ i: Int, _ key: String? = nil) throws -> Int { try Call.int(need(i, key), name) }
    public func optInt(_ i: Int, _ key: String? = nil) throws -> Int? {
        guard let v = arg(i, key) else { return nil }
        if case .none = v { return nil }
        return try Call.int(v, name)
    }
    public func int32(_ i: Int, _ key: String? = nil) throws -> Int32 {
        let v = try int(i, key)
        guard let r = Int32(exactly: v) else { throw Unexpressible("\(name): \(v) does not fit Int32") }
        return r
    }
    public func bool(_ i: Int, _ key: String? = nil) throws -> Bool {
        switch try need(i, key) {
        case .bool(let b): return b
        case .int(let n): return n != 0
        case let v: throw Unexpressible("\(name): \(v.repr) is not a bool")
        }
    }
    public func str(_ i: Int, _ key: String? = nil) throws -> String {
        if case .str(let s) = try need(i, key) { return s }
        throw Unexpressible("\(name): \(try need(i, key).repr) is not a str")
    }
    public func optStr(_ i: Int, _ key: String? = nil) throws -> String? {
        guard let v = arg(i, key) else { return nil }
        switch v {
        case .none: return nil
        case .str(let s): return s
        default: throw Unexpressible("\(name): \(v.repr) is not a str")
        }
    }
    public func bytesArg(_ i: Int, _ key: String? = nil) throws -> bytes { try Call.bytesValue(need(i, key), name) }
    public func timeout(_ i: Int, _ key: String? = nil) throws -> Double? {
        switch try need(i, key) {
        case .none: return nil
        case .float(let d): return d
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        case let v: throw Unexpressible("\(name): \(v.repr) is not a number")
        }
    }
    public func family(_ i: Int, _ key: String? = nil) throws -> socket.AddressFamily { socket.AddressFamily(rawValue: try int(i, key)) }
    public func kind(_ i: Int, _ key: String? = nil) throws -> socket.SocketKind { socket.SocketKind(rawValue: try int(i, key)) }
    public func flags(_ i: Int, _ key: String? = nil) throws -> socket.MsgFlag {
        guard has(i, key) else { return 0 }
        return socket.MsgFlag(rawValue: try int(i, key))
    }
    public func address(_ i: Int, _ key: String? = nil) throws -> SocketAddress { try Call.address(need(i, key), name) }
    public func sock(_ i: Int, _ key: String? = nil) throws -> socket {
        if case .object(let o, _) = try need(i, key), let s = o as? socket { return s }
        throw Unexpressible("\(name): argument \(i) is not a socket")
    }
    public func buffer(_ i: Int) throws -> [UInt8] {
        switch try need(i, nil) {
        case .bytearray(let b): return b
        case let v: throw Unexpressible("\(name): \(v.repr) is not a writable buffer")
        }
    }

    // MARK: conversions

    static func int(_ v: PyValue, _ name: String) throws -> Int {
        switch v {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .member(_, let value, _): return value
        default: throw Unexpressible("\(name): \(v.repr) is not an int")
        }
    }

    static func bytesValue(_ v: PyValue, _ name: String) throws -> bytes {
        switch v {
        case .bytes(let b), .bytearray(let b): return bytes(b)
        case .fds(let fds): return bytes(try fds.flatMap { f -> [UInt8] in
            let n = Int32(truncatingIfNeeded: try int(f, name))
            return withUnsafeBytes(of: n) { Array($0) }
        })
        default: throw Unexpressible("\(name): \(v.repr) is not bytes-like")
        }
    }

    /// A Python address value as PySocket's SocketAddress (tuple shapes the Swift overloads take).
    static func address(_ v: PyValue, _ name: String) throws -> SocketAddress {
        switch v {
        case .str(let path): return .unix(path)
        case .bytes(let b), .bytearray(let b): return .unixBytes(bytes(b))
        case .tuple(let items) where items.count == 2 && items.allSatisfy({ if case .int = $0 { return true }; return false }):
            guard case .int(let pid) = items[0], case .int(let groups) = items[1] else { throw Unexpressible("\(name): \(v.repr)") }
            return .netlink(pid: pid, groups: groups)
        case .tuple(let items) where items.count == 5:
            guard case .str(let ifname) = items[0], case .int(let proto) = items[1], case .int(let pkttype) = items[2],
                  case .int(let hatype) = items[3], case .bytes(let addr) = items[4] else {
                throw Unexpressible("\(name): address \(v.repr) is not an AF_PACKET 5-tuple")
            }
            return .packet(ifname: ifname, proto: proto, pkttype: pkttype, hatype: hatype, addr: bytes(addr))
        case .tuple(let items) where items.count == 2:
            // `(b"127.0.0.1", port)`: a host given as bytes, as the Swift overloads take it.
            guard case .int(let port) = items[1] else { throw Unexpressible("\(name): address \(v.repr) has a non-int port") }
            switch items[0] {
            case .str(let host): return .inet(host: host, port: port)
            case .bytes(let host), .bytearray(let host): return .inet(host: String(decoding: host, as: UTF8.self), port: port)
            default: throw Unexpressible("\(name): address \(v.repr) has no str host")
            }
        case .tuple(let items):
            guard let first = items.first, case .str(let host) = first else {
                throw Unexpressible("\(name): address \(v.repr) has no str host")
            }
            let numbers = try items.dropFirst().map { item -> Int in
                guard case .int(let n) = item else { throw Unexpressible("\(name): address \(v.repr) has a non-int field") }
                return n
            }
            switch numbers.count {
            case 1: return .inet(host: host, port: numbers[0])
            case 2: return .inet6(host: host, port: numbers[0], flowinfo: numbers[1], scope_id: 0)
            case 3: return .inet6(host: host, port: numbers[0], flowinfo: numbers[1], scope_id: numbers[2])
            default: throw Unexpressible("\(name): a \(items.count)-tuple is not an address in Swift")
            }
        default:
            throw Unexpressible("\(name): \(v.repr) is not an address")
        }
    }
}

extension Call {
    /// The call with its recorded arguments resolved against the scenario.
    init(_ name: String, resolving args: [PyValue], _ kwargs: [(String, PyValue)], in ctx: ScenarioContext) throws {
        self.init(name: name, args: try args.map(ctx.resolve), kwargs: try kwargs.map { ($0.0, try ctx.resolve($0.1)) }, ctx: ctx)
    }
}
