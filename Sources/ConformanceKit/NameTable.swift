// The name table: each Python name a trace uses, mapped to the PySocket call that ports it. Also the API coverage map.
import PySocket

/// Python names to Swift calls. A name missing here is reported as a difference, never skipped.
public struct NameTable {
    public typealias ModuleFn = (inout Call) throws -> PyValue
    public typealias SocketFn = (socket, inout Call) throws -> PyValue
    public typealias ObjectFn = (AnyObject, inout Call) throws -> PyValue

    public internal(set) var module: [String: ModuleFn] = [:]
    public internal(set) var methods: [String: SocketFn] = [:]
    /// Methods of other objects, keyed "Type.name" (`SocketFile.readline`).
    public internal(set) var objectMethods: [String: ObjectFn] = [:]
    public internal(set) var constants: [String: () -> PyValue] = [:]
    public internal(set) var attributes: [String: (socket) -> PyValue] = [:]

    mutating func m(_ name: String, _ fn: @escaping ModuleFn) { module[name] = fn }
    mutating func s(_ name: String, _ fn: @escaping SocketFn) { methods[name] = fn }
    mutating func o(_ name: String, _ fn: @escaping ObjectFn) { objectMethods[name] = fn }
    mutating func const(_ name: String, _ fn: @escaping () -> PyValue) { constants[name] = fn }

    /// The table for this platform.
    public static func standard() -> NameTable {
        var t = NameTable()
        t.addModule()
        t.addResolution()
        t.addSocket()
        t.addMessages()
        t.addFiles()
        t.addGeneratedConstants()
        t.addExceptionNames()
        return t
    }

    /// Every Python module-level name the table knows (functions and constants).
    public var moduleNames: Set<String> { Set(module.keys).union(constants.keys) }
    /// Every socket method or attribute name the table knows.
    public var socketNames: Set<String> { Set(methods.keys).union(attributes.keys) }

    func object(_ target: String, _ ctx: ScenarioContext) throws -> AnyObject {
        guard let obj = ctx.refs[target] else { throw ReplayError("\(target) does not exist (an earlier call differed)") }
        return obj
    }

    static func typeName(_ o: AnyObject) -> String {
        let full = String(describing: type(of: o))
        return String(full.prefix { $0 != "<" })
    }

    func call(_ target: String, _ call: inout Call) throws -> PyValue {
        if target == "sk" {
            guard let fn = module[call.name] else { throw NoBinding("socket.\(call.name)") }
            return try fn(&call)
        }
        let obj = try object(target, call.ctx)
        if let s = obj as? socket {
            guard let fn = methods[call.name] else { throw NoBinding("socket.socket.\(call.name)") }
            return try fn(s, &call)
        }
        let key = NameTable.typeName(obj) + "." + call.name
        guard let fn = objectMethods[key] else { throw NoBinding(key) }
        return try fn(obj, &call)
    }

    func get(_ target: String, _ name: String, _ ctx: ScenarioContext) throws -> PyValue {
        if target == "sk" {
            guard let fn = constants[name] else { throw NoBinding("socket.\(name)") }
            return fn()
        }
        let obj = try object(target, ctx)
        guard let s = obj as? socket, let fn = attributes[name] else { throw NoBinding("\(NameTable.typeName(obj)).\(name)") }
        return fn(s)
    }

    /// `repr()`/`str()` of a value as PySocket prints it.
    func text(_ kind: String, _ value: PyValue, _ ctx: ScenarioContext) throws -> String {
        let subject: Any
        switch value {
        case .object(let o, _): subject = o
        case .member(let cls, let v, _):
            switch cls {
            case "AddressFamily": subject = socket.AddressFamily(rawValue: v)
            case "SocketKind": subject = socket.SocketKind(rawValue: v)
            case "MsgFlag": subject = socket.MsgFlag(rawValue: v)
            case "AddressInfo": subject = socket.AddressInfo(rawValue: v)
            default: throw NoBinding("\(cls) (an enum PySocket does not have)")
            }
        case .tuple, .str, .bytes, .none:
            subject = try Call.address(value, kind)
        default:
            throw Unexpressible("\(kind)() of \(value.repr) is a Python value, not a PySocket one")
        }
        return kind == "repr" ? String(reflecting: subject) : String(describing: subject)
    }
}

// MARK: - module functions

extension NameTable {
    mutating func addModule() {
        m("socket") { c in
            try c.allow(4, ["family", "type", "proto", "fileno"])
            let fam = c.has(0, "family") ? try c.family(0, "family") : nil
            let kind = c.has(1, "type") ? try c.kind(1, "type") : nil
            let proto = try c.optInt(2, "proto")
            if c.args.count == 4, c.has(3), try c.optInt(3) != nil {
                return Py.v(try socket.socket(fam, kind, proto, try c.int(3)), c.ctx)
            }
            if let fd = try c.optInt(3, "fileno") { return Py.v(try socket.socket(fam, kind, proto, fileno: fd), c.ctx) }
            return Py.v(try socket.socket(fam, kind, proto), c.ctx)
        }
        m("socketpair") { c in
            try c.allow(3)
            let fam = c.has(0) ? try c.family(0) : nil
            let (a, b) = try socket.socketpair(fam, c.has(1) ? try c.kind(1) : socket.SOCK_STREAM, try c.optInt(2) ?? 0)
            return .tuple([Py.v(a, c.ctx), Py.v(b, c.ctx)])
        }
        m("fromfd") { c in
            try c.allow(4)
            return Py.v(try socket.fromfd(try c.int32(0), try c.family(1), try c.kind(2), try c.optInt(3) ?? 0), c.ctx)
        }
        m("getdefaulttimeout") { c in try c.allow(0); return Py.v(socket.getdefaulttimeout()) }
        m("setdefaulttimeout") { c in
            try c.allow(1)
            switch try c.need(0, nil) {
            case .int(let n): try socket.setdefaulttimeout(n)
            case .bool(let b): try socket.setdefaulttimeout(b)
            default: try socket.setdefaulttimeout(try c.timeout(0))
            }
            return .none
        }
        m("dup") { c in try c.allow(1); return Py.v(try socket.dup(try c.int32(0))) }
        m("close") { c in try c.allow(1); try socket.close(try c.int32(0)); return .none }
        m("has_dualstack_ipv6") { c in try c.allow(0); return Py.v(socket.has_dualstack_ipv6()) }
        m("AddressFamily") { c in
            try c.allow(1)
            let value = socket.AddressFamily(try c.int(0))
            if value.name == String(value.rawValue) {
                throw DocumentedDifference("AddressFamily(\(value.rawValue)): Swift's init accepts any number; CPython raises ValueError")
            }
            return Py.v(value)
        }
        m("SocketKind") { c in
            try c.allow(1)
            let value = socket.SocketKind(try c.int(0))
            if value.name == String(value.rawValue) {
                throw DocumentedDifference("SocketKind(\(value.rawValue)): Swift's init accepts any number; CPython raises ValueError")
            }
            return Py.v(value)
        }
        m("MsgFlag") { c in try c.allow(1); return Py.v(socket.MsgFlag(try c.int(0))) }
        m("AddressInfo") { c in try c.allow(1); return Py.v(socket.AddressInfo(try c.int(0))) }
        m("inet_aton") { c in try c.allow(1); return Py.v(try socket.inet_aton(try c.str(0))) }
        m("inet_ntoa") { c in try c.allow(1); return Py.v(try socket.inet_ntoa(try c.bytesArg(0))) }
        m("inet_pton") { c in try c.allow(2); return Py.v(try socket.inet_pton(try c.family(0), try c.str(1))) }
        m("inet_ntop") { c in try c.allow(2); return Py.v(try socket.inet_ntop(try c.family(0), try c.bytesArg(1))) }
        m("htons") { c in try c.allow(1); return Py.v(try socket.htons(try c.int(0))) }
        m("ntohs") { c in try c.allow(1); return Py.v(try socket.ntohs(try c.int(0))) }
        m("htonl") { c in try c.allow(1); return Py.v(try socket.htonl(try c.int(0))) }
        m("ntohl") { c in try c.allow(1); return Py.v(try socket.ntohl(try c.int(0))) }
        m("CMSG_LEN") { c in try c.allow(1); return Py.v(try socket.CMSG_LEN(try c.int(0))) }
        m("CMSG_SPACE") { c in try c.allow(1); return Py.v(try socket.CMSG_SPACE(try c.int(0))) }
        m("if_nametoindex") { c in
            try c.allow(1)
            if case .bytes(let b)? = c.arg(0) { return Py.v(try socket.if_nametoindex(bytes(b))) }
            return Py.v(try socket.if_nametoindex(try c.str(0)))
        }
        m("if_indextoname") { c in try c.allow(1); return Py.v(try socket.if_indextoname(try c.int(0))) }
        m("if_nameindex") { c in
            try c.allow(0)
            return .list(try socket.if_nameindex().map { .tuple([.int($0.index), .str($0.name)]) })
        }
        m("create_connection") { c in
            try c.allow(3, ["timeout", "source_address", "all_errors"])
            var timeout = socket._GLOBAL_DEFAULT_TIMEOUT
            if c.has(1, "timeout") { timeout = .seconds(try c.timeout(1, "timeout")) }
            var source: SocketAddress? = nil
            if let src = c.arg(2, "source_address") { if case .none = src {} else { source = try Call.address(src, "create_connection") } }
            let all = c.has(-1, "all_errors") ? try c.bool(-1, "all_errors") : false
            return Py.v(try socket.create_connection(try c.address(0), timeout: timeout, source_address: source, all_errors: all), c.ctx)
        }
        m("create_server") { c in
            try c.allow(1, ["family", "backlog", "reuse_port", "dualstack_ipv6"])
            let fam = c.has(-1, "family") ? try c.family(-1, "family") : socket.AF_INET
            let backlog = try c.optInt(-1, "backlog")
            let reuse = c.has(-1, "reuse_port") ? try c.bool(-1, "reuse_port") : false
            let dual = c.has(-1, "dualstack_ipv6") ? try c.bool(-1, "dualstack_ipv6") : false
            return Py.v(try socket.create_server(try c.address(0), family: fam, backlog: backlog, reuse_port: reuse, dualstack_ipv6: dual), c.ctx)
        }
    }

    mutating func addExceptionNames() {
        const("error") { .cls(String(describing: socket.error.self)) }
        const("timeout") { .cls(String(describing: socket.timeout.self)) }
        const("herror") { .cls(String(describing: socket.herror.self)) }
        const("gaierror") { .cls(String(describing: socket.gaierror.self)) }
        const("has_ipv6") { Py.v(socket.has_ipv6) }
        const("SocketType") { .cls(String(describing: socket.SocketType.self)) }
        const("SocketIO") { .cls(String(describing: SocketIO.self)) }
    }
}

// MARK: - resolution

extension NameTable {
    static func addrinfo(_ list: socket.TupleList<socket.AddrInfo>) -> PyValue {
        .list(list.map { .tuple([Py.v($0.family), Py.v($0.type), .int($0.proto), .str($0.canonname), Py.v($0.sockaddr)]) })
    }

    static func hostTriple(_ r: (hostname: String, aliaslist: [String], ipaddrlist: [String])) -> PyValue {
        .tuple([.str(r.hostname), Py.v(r.aliaslist), Py.v(r.ipaddrlist)])
    }

    mutating func addResolution() {
        m("getaddrinfo") { c in
            try c.allow(6, ["host", "port", "family", "type", "proto", "flags"])
            let fam = c.has(2, "family") ? try c.family(2, "family") : 0
            let kind = c.has(3, "type") ? try c.kind(3, "type") : 0
            let proto = try c.optInt(4, "proto") ?? 0
            let flags = socket.AddressInfo(rawValue: try c.optInt(5, "flags") ?? 0)
            let port = c.arg(1, "port") ?? .none
            switch (c.arg(0, "host") ?? .none, port) {
            case (.bytes(let h), .int(let p)): return NameTable.addrinfo(try socket.getaddrinfo(bytes(h), p, fam, kind, proto, flags))
            case (.bytes(let h), .str(let p)): return NameTable.addrinfo(try socket.getaddrinfo(bytes(h), p, fam, kind, proto, flags))
            case (.bytes(let h), .none): return NameTable.addrinfo(try socket.getaddrinfo(bytes(h), nil as Int?, fam, kind, proto, flags))
            case (let host, .int(let p)): return NameTable.addrinfo(try socket.getaddrinfo(try NameTable.host(host), p, fam, kind, proto, flags))
            case (let host, .str(let p)): return NameTable.addrinfo(try socket.getaddrinfo(try NameTable.host(host), p, fam, kind, proto, flags))
            case (let host, .none): return NameTable.addrinfo(try socket.getaddrinfo(try NameTable.host(host), nil as Int?, fam, kind, proto, flags))
            case (let host, .bytes(let p)): return NameTable.addrinfo(try socket.getaddrinfo(try NameTable.host(host), bytes(p), fam, kind, proto, flags))
            default: throw Unexpressible("getaddrinfo: port \(port.repr)")
            }
        }
        m("getnameinfo") { c in
            try c.allow(2)
            let r = try socket.getnameinfo(try c.address(0), try c.int(1))
            return .tuple([.str(r.host), .str(r.port)])
        }
        m("gethostname") { c in try c.allow(0); return Py.v(try socket.gethostname()) }
        m("sethostname") { c in try c.allow(1); try socket.sethostname(try c.str(0)); return .none }
        m("gethostbyname") { c in
            try c.allow(1)
            switch try c.need(0, nil) {
            case .bytes(let b), .bytearray(let b): return Py.v(try socket.gethostbyname(bytes(b)))
            default: return Py.v(try socket.gethostbyname(try c.str(0)))
            }
        }
        m("gethostbyname_ex") { c in try c.allow(1); return NameTable.hostTriple(try socket.gethostbyname_ex(try c.str(0))) }
        m("gethostbyaddr") { c in try c.allow(1); return NameTable.hostTriple(try socket.gethostbyaddr(try c.str(0))) }
        m("getfqdn") { c in try c.allow(1); return Py.v(try socket.getfqdn(try c.optStr(0) ?? "")) }
        m("getservbyname") { c in try c.allow(2); return Py.v(try socket.getservbyname(try c.str(0), try c.optStr(1))) }
        m("getservbyport") { c in try c.allow(2); return Py.v(try socket.getservbyport(try c.int(0), try c.optStr(1))) }
        m("getprotobyname") { c in try c.allow(1); return Py.v(try socket.getprotobyname(try c.str(0))) }
    }

    static func host(_ v: PyValue) throws -> String? {
        switch v {
        case .none: return nil
        case .str(let s): return s
        default: throw Unexpressible("getaddrinfo: host \(v.repr)")
        }
    }
}

// MARK: - the socket object

extension NameTable {
    mutating func addSocket() {
        attributes["family"] = { Py.v($0.family) }
        attributes["type"] = { Py.v($0.type) }
        attributes["proto"] = { Py.v($0.proto) }
        attributes["timeout"] = { Py.v($0.timeout) }

        s("__enter__") { sock, c in try c.allow(0); return Py.v(sock, c.ctx) }
        s("__exit__") { sock, c in try c.allow(0); sock.close(); return .none }
        s("close") { sock, c in try c.allow(0); sock.close(); return .none }
        s("fileno") { sock, c in try c.allow(0); return Py.v(sock.fileno()) }
        s("detach") { sock, c in try c.allow(0); return Py.v(sock.detach()) }
        s("dup") { sock, c in try c.allow(0); return Py.v(try sock.dup(), c.ctx) }
        s("get_inheritable") { sock, c in try c.allow(0); return Py.v(try sock.get_inheritable()) }
        s("set_inheritable") { sock, c in try c.allow(1); try sock.set_inheritable(try c.bool(0)); return .none }
        s("bind") { sock, c in try c.allow(1); try sock.bind(try c.address(0)); return .none }
        s("listen") { sock, c in try c.allow(1); try sock.listen(try c.optInt(0)); return .none }
        s("accept") { sock, c in
            try c.allow(0)
            let (conn, addr) = try sock.accept()
            return .tuple([Py.v(conn, c.ctx), Py.v(addr)])
        }
        s("connect") { sock, c in try c.allow(1); try sock.connect(try c.address(0)); return .none }
        s("connect_ex") { sock, c in try c.allow(1); return Py.v(try sock.connect_ex(try c.address(0))) }
        s("send") { sock, c in try c.allow(2); return Py.v(try sock.send(try c.bytesArg(0), try c.flags(1))) }
        s("sendall") { sock, c in try c.allow(2); try sock.sendall(try c.bytesArg(0), try c.flags(1)); return .none }
        s("sendto") { sock, c in
            try c.allow(3)
            if c.args.count == 3 { return Py.v(try sock.sendto(try c.bytesArg(0), try c.flags(1), try c.address(2))) }
            return Py.v(try sock.sendto(try c.bytesArg(0), try c.address(1)))
        }
        s("recv") { sock, c in try c.allow(2); return Py.v(try sock.recv(try c.int(0), try c.flags(1))) }
        s("recvfrom") { sock, c in
            try c.allow(2)
            let (data, addr) = try sock.recvfrom(try c.int(0), try c.flags(1))
            return .tuple([Py.v(data), Py.v(addr)])
        }
        s("recv_into") { sock, c in
            try c.allow(3)
            var buf = try c.buffer(0)
            defer { c.after[0] = .bytearray(buf) }
            return Py.v(try sock.recv_into(&buf, try c.optInt(1) ?? 0, try c.flags(2)))
        }
        s("recvfrom_into") { sock, c in
            try c.allow(3)
            var buf = try c.buffer(0)
            defer { c.after[0] = .bytearray(buf) }
            let (n, addr) = try sock.recvfrom_into(&buf, try c.optInt(1) ?? 0, try c.flags(2))
            return .tuple([.int(n), Py.v(addr)])
        }
        s("shutdown") { sock, c in try c.allow(1); try sock.shutdown(try c.int(0)); return .none }
        s("getsockname") { sock, c in try c.allow(0); return Py.v(try sock.getsockname()) }
        s("getpeername") { sock, c in try c.allow(0); return Py.v(try sock.getpeername()) }
        s("getsockopt") { sock, c in
            try c.allow(3)
            if c.has(2) {
                if try c.int(2) == 0 {
                    let value: Int = try sock.getsockopt(try c.int(0), try c.int(1), try c.int(2))
                    return Py.v(value)
                }
                let data: bytes = try sock.getsockopt(try c.int(0), try c.int(1), try c.int(2))
                return Py.v(data)
            }
            return Py.v(try sock.getsockopt(try c.int(0), try c.int(1)))
        }
        s("setsockopt") { sock, c in
            if c.args.count == 4 {
                guard case .none = c.args[2] else { throw Unexpressible("setsockopt with 4 arguments takes None as the value") }
                try sock.setsockopt(try c.int(0), try c.int(1), nil, try c.int(3))
                return .none
            }
            try c.allow(3)
            switch try c.need(2, nil) {
            case .bool(let b): try sock.setsockopt(try c.int(0), try c.int(1), b)
            case .int(let n): try sock.setsockopt(try c.int(0), try c.int(1), n)
            case .bytes(let b), .bytearray(let b): try sock.setsockopt(try c.int(0), try c.int(1), bytes(b))
            case let v: throw Unexpressible("setsockopt value \(v.repr)")
            }
            return .none
        }
        s("settimeout") { sock, c in
            try c.allow(1)
            switch try c.need(0, nil) {
            case .int(let n): try sock.settimeout(n)
            case .bool(let b): try sock.settimeout(b)
            default: try sock.settimeout(try c.timeout(0))
            }
            return .none
        }
        s("gettimeout") { sock, c in try c.allow(0); return Py.v(sock.gettimeout()) }
        s("setblocking") { sock, c in
            try c.allow(1)
            if case .int(let n) = try c.need(0, nil) { try sock.setblocking(n) } else { try sock.setblocking(try c.bool(0)) }
            return .none
        }
        s("getblocking") { sock, c in try c.allow(0); return Py.v(sock.getblocking()) }
        s("sendfile") { sock, c in
            try c.allow(3, ["offset", "count"])
            return Py.v(try sock.sendfile(try c.int32(0), offset: try c.optInt(1, "offset") ?? 0, count: try c.optInt(2, "count")))
        }
    }
}

// MARK: - messages and fd passing

extension NameTable {
    static func buffers(_ v: PyValue?, _ name: String) throws -> [bytes] {
        guard case .list(let items)? = v else { throw Unexpressible("\(name): buffers must be a list") }
        return try items.map { try Call.bytesValue($0, name) }
    }

    static func ancillary(_ v: PyValue?, _ name: String) throws -> [(Int, Int, bytes)] {
        guard let v else { return [] }
        guard case .list(let items) = v else { throw Unexpressible("\(name): ancdata must be a list") }
        return try items.map { item in
            guard case .tuple(let t) = item, t.count == 3 else { throw Unexpressible("\(name): ancillary items are 3-tuples") }
            return (try Call.int(t[0], name), try Call.int(t[1], name), try Call.bytesValue(t[2], name))
        }
    }

    static func message(_ r: (bytes, [(Int, Int, bytes)], Int, SocketAddress)) -> PyValue {
        .tuple([Py.v(r.0), .list(r.1.map { .tuple([.int($0.0), .int($0.1), Py.v($0.2)]) }), .int(r.2), Py.v(r.3)])
    }

    mutating func addMessages() {
        s("sendmsg") { sock, c in
            try c.allow(4)
            let bufs = try NameTable.buffers(c.arg(0), "sendmsg")
            let anc = try NameTable.ancillary(c.arg(1), "sendmsg")
            let address = c.has(3) ? try c.address(3) : nil
            return Py.v(try sock.sendmsg(bufs, anc, try c.flags(2), address))
        }
        s("sendmsg_afalg") { sock, c in
            try c.allow(1, ["op", "iv", "assoclen", "flags"])
            let bufs = c.has(0) ? try NameTable.buffers(c.arg(0), "sendmsg_afalg") : []
            let iv: bytes? = try c.arg(-1, "iv").map { try Call.bytesValue($0, "sendmsg_afalg") }
            let flags = c.has(-1, "flags") ? try c.flags(-1, "flags") : 0
            return Py.v(try sock.sendmsg_afalg(bufs, op: try c.int(-1, "op"), iv: iv,
                                                assoclen: try c.optInt(-1, "assoclen"), flags: flags))
        }
        s("recvmsg") { sock, c in
            try c.allow(3)
            return NameTable.message(try sock.recvmsg(try c.int(0), try c.optInt(1) ?? 0, try c.flags(2)))
        }
        s("recvmsg_into") { sock, c in
            try c.allow(3)
            guard case .list(let items)? = c.arg(0) else { throw Unexpressible("recvmsg_into: buffers must be a list") }
            var bufs: [[UInt8]] = try items.map {
                guard case .bytearray(let b) = $0 else { throw Unexpressible("recvmsg_into: buffers must be bytearrays") }
                return b
            }
            defer { c.after[0] = .list(bufs.map { .bytearray($0) }) }
            let r = try sock.recvmsg_into(&bufs, try c.optInt(1) ?? 0, try c.flags(2))
            return .tuple([.int(r.0), .list(r.1.map { .tuple([.int($0.0), .int($0.1), Py.v($0.2)]) }), .int(r.2), Py.v(r.3)])
        }
        m("send_fds") { c in
            try c.allow(5)
            let fds = try (c.arg(2).flatMap { v -> [PyValue]? in if case .list(let l) = v { return l }; return nil } ?? [])
                .map { Int32(truncatingIfNeeded: try Call.int($0, "send_fds")) }
            let address = c.has(4) ? try c.address(4) : nil
            return Py.v(try socket.send_fds(try c.sock(0), try NameTable.buffers(c.arg(1), "send_fds"), fds, try c.flags(3), address))
        }
        m("recv_fds") { c in
            try c.allow(4)
            let r = try socket.recv_fds(try c.sock(0), try c.int(1), try c.int(2), try c.flags(3))
            return .tuple([Py.v(r.0), .list(r.1.map { .int(Int($0)) }), .int(r.2), Py.v(r.3)])
        }
    }
}

// MARK: - makefile

extension NameTable {
    mutating func addFiles() {
        s("makefile") { sock, c in
            try c.allow(1, ["mode", "buffering", "encoding", "errors", "newline"])
            let mode = try c.optStr(0, "mode") ?? "r"
            let buffering = try c.optInt(-1, "buffering")
            let encoding = try c.optStr(-1, "encoding"), errors = try c.optStr(-1, "errors"), newline = try c.optStr(-1, "newline")
            if mode.contains("b") {
                let f: SocketFile<bytes> = try sock.makefile(mode, buffering: buffering, encoding: encoding, errors: errors, newline: newline)
                c.ctx.keep(f)
                return .object(f, type: "SocketFile")
            }
            let f: SocketFile<String> = try sock.makefile(mode, buffering: buffering, encoding: encoding, errors: errors, newline: newline)
            c.ctx.keep(f)
            return .object(f, type: "SocketFile")
        }
        addFile(bytes.self) { Py.v($0) } content: { v, name in try Call.bytesValue(v, name) }
        addFile(String.self) { .str($0) } content: { v, name in
            guard case .str(let s) = v else { throw Unexpressible("\(name): \(v.repr) is not a str") }
            return s
        }
    }

    mutating func addFile<C: SocketFileContent>(_: C.Type, _ py: @escaping (C) -> PyValue, content: @escaping (PyValue, String) throws -> C) {
        func file(_ o: AnyObject) throws -> SocketFile<C> {
            guard let f = o as? SocketFile<C> else { throw ReplayError("not a SocketFile<\(C.self)>") }
            return f
        }
        let typeName = "SocketFile"
        func reg(_ name: String, _ fn: @escaping (SocketFile<C>, inout Call) throws -> PyValue) {
            let key = typeName + "." + name
            let previous = objectMethods[key]
            objectMethods[key] = { o, c in
                if let f = o as? SocketFile<C> { return try fn(f, &c) }
                if let previous { return try previous(o, &c) }
                _ = try file(o)
                return .none
            }
        }
        reg("write") { f, c in try c.allow(1); return .int(try f.write(try content(c.need(0, nil), "write"))) }
        reg("read") { f, c in try c.allow(1); return py(try f.read(try c.optInt(0) ?? -1)) }
        reg("readline") { f, c in try c.allow(1); return py(try f.readline(try c.optInt(0) ?? -1)) }
        reg("flush") { f, c in try c.allow(0); try f.flush(); return .none }
        reg("close") { f, c in try c.allow(0); try f.close(); return .none }
        reg("readable") { f, c in try c.allow(0); return .bool(try f.readable()) }
        reg("writable") { f, c in try c.allow(0); return .bool(try f.writable()) }
        reg("seekable") { f, c in try c.allow(0); return .bool(try f.seekable()) }
        reg("fileno") { f, c in try c.allow(0); return Py.v(try f.fileno()) }
    }
}
