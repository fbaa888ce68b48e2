// The getaddrinfo fuzz target: getaddrinfo/create_connection arguments, each call's outcome decided by CPython 3.13's rules (checked against its captured table) and compared with PySocket's.
import CPySocket
import Glibc

// CPython 3.13's decision, written here from its source and not from PySocket's:
// `socket.getaddrinfo(host, port, family, type, proto, flags)` (Lib/socket.py over
// Modules/socketmodule.c's socket_getaddrinfo):
//   1. family, type, proto, flags are parsed as C ints ("iiii"), in that order:
//      OverflowError('signed integer is greater than maximum' / 'less than minimum').
//   2. host: None is NULL; bytes are passed as their C string (cut at the first NUL); a str
//      goes through the idna codec. An ASCII str takes the codec's fast path (Lib/encodings/
//      idna.py): an empty label but the last raises UnicodeEncodeError(..., 'label empty'), a
//      label of 64 characters or more UnicodeEncodeError(..., 'label too long'); the result is
//      then passed as a C string (cut at its first NUL). A non-ASCII str goes through nameprep
//      and punycode, which this model does not follow (PySocket passes it as UTF-8: README's
//      differences).
//   3. port: an int is printed with "%ld"; a str (UTF-8) or bytes is passed as its C string;
//      None is NULL. (An int past C long or a str with lone surrogates cannot come from Swift.)
//   4. getaddrinfo(3) decides the rest: gaierror(code, gai_strerror(code)) (EAI_SYSTEM: the
//      OSError of errno), or the list, each sockaddr's host from inet_ntop.
// `socket.create_connection((host, port), all_errors=...)` is getaddrinfo(host, port, 0,
// SOCK_STREAM), then socket() and connect() on each result: the last OSError raised, or with
// all_errors an ExceptionGroup('create_connection failed', [every error]).
//
// PySocket's documented difference (README, "Differences from CPython"): a host holding a NUL
// raises ValueError('embedded null character') after the checks above instead of being cut;
// a non-ASCII str host is passed to getaddrinfo(3) as UTF-8.
//
// Nothing here makes a DNS query: outside an isolated network namespace (scripts/fuzz runs the
// target under `unshare --net`, where the only interface is a loopback that is down) getaddrinfo
// always carries AI_NUMERICHOST and create_connection is called only when the arguments are
// rejected before any lookup.

/// One call of the target: the arguments as a Python program would pass them.
struct ResolverCall {
    enum Host { case none, str([UInt8]), bytes([UInt8]) }
    enum Port { case none, int(Int), str([UInt8]), bytes([UInt8]) }
    var api = "getaddrinfo"  // or create_connection, create_connection_all
    var host = Host.none
    var port = Port.none
    var ints = [0, 0, 0, 0]  // family, type, proto, flags

    var connects: Bool { api != "getaddrinfo" }

    /// A str host as Swift holds it: the input's bytes as UTF-8, invalid sequences replaced.
    static func text(_ raw: [UInt8]) -> [UInt8] { Array(String(decoding: raw, as: UTF8.self).utf8) }

    /// An integer: a byte below 0x80 picks an edge value, 0xFF is followed by 8 bytes (big-endian).
    static func integer(_ input: inout Reader) -> Int {
        let edges = [0, -1, 1, 80, 65535, 65536, Int(Int32.max), Int(Int32.max) + 1, Int(Int32.min), Int(Int32.min) - 1,
                     Int.max, Int.min, 2, 10, 12345, 3, 5, 6, 17, 255, 0x400 | 4, 0x402 | 4, 0x401 | 4, 0x440 | 4, 0x8000, 0x20]
        let selector = input.byte()
        if selector < 0x80 { return edges[Int(selector) % edges.count] }
        var value: UInt64 = 0
        let count = selector == 0xFF ? 8 : 2
        for _ in 0..<count { value = value << 8 | UInt64(input.byte()) }
        return Int(truncatingIfNeeded: count == 8 ? value : UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: value))))
    }

    /// The host's bytes: 0xFE escapes (FE 00: the byte FE; FE 01/02/03: 63/64/61 'a's; FE 04: a
    /// NUL; FE 05: "127.0.0.1"; FE 06: "::1"; FE 07: "é"), so that short inputs reach long names.
    static func expand(_ raw: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < raw.count {
            let byte = raw[i]
            i += 1
            guard byte == 0xFE, i < raw.count else { out.append(byte); continue }
            let code = raw[i]
            i += 1
            switch code % 8 {
            case 1: out += Array(repeating: UInt8(ascii: "a"), count: 63)
            case 2: out += Array(repeating: UInt8(ascii: "a"), count: 64)
            case 3: out += Array(repeating: UInt8(ascii: "a"), count: 61)
            case 4: out.append(0)
            case 5: out += Array("127.0.0.1".utf8)
            case 6: out += Array("::1".utf8)
            case 7: out += [0xC3, 0xA9]
            default: out.append(0xFE)
            }
        }
        return out
    }

    /// Reads a call in the format capture_getaddrinfo.py's `seed()` writes.
    init(reading input: inout Reader) {
        let head = input.byte()
        api = head & 1 == 0 ? "getaddrinfo" : head & 2 == 0 ? "create_connection" : "create_connection_all"
        let length = Int(input.byte()) << 8 | Int(input.byte())
        let raw = ResolverCall.expand(input.chunk(exactly: length))
        switch (head >> 2) & 3 {
        case 1: host = .bytes(raw)
        case 2: host = .none
        default: host = .str(ResolverCall.text(raw))
        }
        switch (head >> 4) & 3 {
        case 0: port = .int(ResolverCall.integer(&input))
        case 1: port = .str(ResolverCall.text(input.chunk(Int.max)))
        case 2: port = .bytes(input.chunk(Int.max))
        default: port = .none
        }
        if connects {
            // create_connection takes (String, Int): the other forms are getaddrinfo's.
            if case .bytes(let b) = host { host = .str(ResolverCall.text(b)) }
            if case .none = host { host = .str([]) }
            if case .int = port {} else { port = .int(80) }
        } else {
            if case .bytes = host, case .bytes(let b) = port { port = .str(ResolverCall.text(b)) }  // no such overload
            ints = (0..<4).map { _ in ResolverCall.integer(&input) }
        }
    }

    /// Reads a row of getaddrinfo-cpython.tsv: the call, and CPython's outcome.
    init?(row: String, outcome: inout String) {
        let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 8 else { return nil }
        func hex(_ text: Substring) -> [UInt8] {
            var out: [UInt8] = []
            var digits = text.utf8.makeIterator()
            while let high = digits.next(), let low = digits.next() {
                out.append(UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)!)
            }
            return out
        }
        api = fields[0]
        let h = fields[1], p = fields[2]
        host = h == "-" ? .none : h.hasPrefix("b:") ? .bytes(hex(h.dropFirst(2))) : .str(hex(h.dropFirst(2)))
        port = p == "-" ? .none : p.hasPrefix("i:") ? .int(Int(p.dropFirst(2))!)
            : p.hasPrefix("b:") ? .bytes(hex(p.dropFirst(2))) : .str(hex(p.dropFirst(2)))
        ints = fields[3...6].map { Int($0)! }
        if connects { ints = [0, 1, 0, 0] }
        outcome = fields[7]
    }
}

// MARK: - The rules, CPython's and PySocket's documented ones

/// Where the argument checks leave a call: raised before any lookup, passed to getaddrinfo(3)
/// with these C strings, or (a non-ASCII str host under CPython's rules) not modelled.
enum Decision {
    case raised(String)
    case lookup(host: [UInt8]?, port: [UInt8]?)
    case notModelled
}

/// The checks made before getaddrinfo(3), by CPython's rules or, `asPySocket`, with PySocket's
/// documented difference.
func argumentDecision(_ call: ResolverCall, asPySocket: Bool) -> Decision {
    let ints = call.connects ? [0, 1, 0, 0] : call.ints
    for value in ints {
        if value > Int(Int32.max) { return .raised("OverflowError('signed integer is greater than maximum')") }
        if value < Int(Int32.min) { return .raised("OverflowError('signed integer is less than minimum')") }
    }
    var host: [UInt8]?
    switch call.host {
    case .none: host = nil
    case .bytes(let raw): host = raw
    case .str(let utf8):
        if utf8.contains(where: { $0 >= 0x80 }) {
            if !asPySocket { return .notModelled }
        } else if let error = idnaFastPathError(utf8) {
            return .raised(error)
        }
        host = utf8
    }
    if asPySocket, let host, host.contains(0) { return .raised("ValueError('embedded null character')") }
    let port: [UInt8]?
    switch call.port {
    case .none: port = nil
    case .int(let value): port = Array(String(value).utf8)
    case .str(let raw), .bytes(let raw): port = raw
    }
    return .lookup(host: host.map(cString), port: port.map(cString))
}

/// The C string a buffer is to a C function: up to its first NUL.
func cString(_ raw: [UInt8]) -> [UInt8] { Array(raw.prefix { $0 != 0 }) }

/// Lib/encodings/idna.py's ASCII fast path: its UnicodeEncodeError's repr, or nil.
func idnaFastPathError(_ host: [UInt8]) -> String? {
    guard !host.isEmpty else { return nil }
    var labels: [[UInt8]] = [[]]
    for byte in host { if byte == UInt8(ascii: ".") { labels.append([]) } else { labels[labels.count - 1].append(byte) } }
    func error(_ start: Int, _ end: Int, _ reason: String) -> String {
        "UnicodeEncodeError('idna', \(reprASCII(host)), \(start), \(end), '\(reason)')"
    }
    var offset = 0
    for label in labels.dropLast() {
        if label.isEmpty { return error(offset, offset + 1, "label empty") }
        offset += label.count + 1
    }
    offset = 0
    for label in labels {
        if label.count >= 64 { return error(offset, offset + label.count, "label too long") }
        offset += label.count + 1
    }
    return nil
}

/// Python's repr() of a str of ASCII characters (or of any text, its non-ASCII kept as it is).
func reprASCII(_ text: [UInt8]) -> String {
    let quote: UInt8 = text.contains(UInt8(ascii: "'")) && !text.contains(UInt8(ascii: "\"")) ? UInt8(ascii: "\"") : UInt8(ascii: "'")
    var out: [UInt8] = [quote]
    let digits = Array("0123456789abcdef".utf8)
    for byte in text {
        switch byte {
        case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
        case quote: out += [UInt8(ascii: "\\"), quote]
        case UInt8(ascii: "\t"): out += Array("\\t".utf8)
        case UInt8(ascii: "\n"): out += Array("\\n".utf8)
        case UInt8(ascii: "\r"): out += Array("\\r".utf8)
        case 0..<0x20, 0x7F: out += [UInt8(ascii: "\\"), UInt8(ascii: "x"), digits[Int(byte >> 4)], digits[Int(byte & 15)]]
        default: out.append(byte)
        }
    }
    out.append(quote)
    return String(decoding: out, as: UTF8.self)
}

/// OSError's repr for an errno: the subclass CPython picks for it (Objects/exceptions.c), errno and strerror.
func reprOSError(_ code: Int32) -> String {
    let classes: [Int32: String] = [
        EAGAIN: "BlockingIOError", EALREADY: "BlockingIOError", EINPROGRESS: "BlockingIOError",
        ECHILD: "ChildProcessError", EPIPE: "BrokenPipeError", ESHUTDOWN: "BrokenPipeError",
        ECONNABORTED: "ConnectionAbortedError", ECONNREFUSED: "ConnectionRefusedError",
        ECONNRESET: "ConnectionResetError", EEXIST: "FileExistsError", ENOENT: "FileNotFoundError",
        EISDIR: "IsADirectoryError", ENOTDIR: "NotADirectoryError", EINTR: "InterruptedError",
        EACCES: "PermissionError", EPERM: "PermissionError", ESRCH: "ProcessLookupError", ETIMEDOUT: "TimeoutError",
    ]
    return "\(classes[code] ?? "OSError")(\(code), \(reprASCII(Array(String(cString: strerror(code)).utf8))))"
}

/// What getaddrinfo(3) gives for these C strings, as CPython reports it: the list's repr or the
/// gaierror's. For create_connection, the connects that follow.
func lookupOutcome(_ call: ResolverCall, host: [UInt8]?, port: [UInt8]?) -> String {
    var hints = addrinfo()
    let ints = call.connects ? [0, 1, 0, 0] : call.ints  // SOCK_STREAM
    hints.ai_family = Int32(ints[0])
    hints.ai_socktype = Int32(ints[1])
    hints.ai_protocol = Int32(ints[2])
    hints.ai_flags = Int32(ints[3])
    var list: UnsafeMutablePointer<addrinfo>?
    let code: Int32 = withOptionalCString(host) { h in withOptionalCString(port) { p in getaddrinfo(h, p, &hints, &list) } }
    if code != 0 {
        if code == EAI_SYSTEM { return reprOSError(Glibc.errno) }
        return "gaierror(\(code), \(reprASCII(Array(String(cString: gai_strerror(code)).utf8))))"
    }
    defer { freeaddrinfo(list) }
    var entries: [String] = []
    var errors: [String] = []
    var node = list
    while let entry = node?.pointee {
        node = entry.ai_next
        if call.connects {
            let fd = Glibc.socket(entry.ai_family, entry.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), entry.ai_protocol)
            guard fd >= 0 else { errors.append(reprOSError(Glibc.errno)); continue }
            let result = connect(fd, entry.ai_addr, entry.ai_addrlen)
            let failure = Glibc.errno
            close(fd)
            if result == 0 { return "connected" }
            errors.append(reprOSError(failure))
            continue
        }
        let families: [Int32: String] = [AF_INET: "<AddressFamily.AF_INET: 2>", AF_INET6: "<AddressFamily.AF_INET6: 10>"]
        let kinds: [Int32: String] = [1: "<SocketKind.SOCK_STREAM: 1>", 2: "<SocketKind.SOCK_DGRAM: 2>", 3: "<SocketKind.SOCK_RAW: 3>",
                                      4: "<SocketKind.SOCK_RDM: 4>", 5: "<SocketKind.SOCK_SEQPACKET: 5>"]
        let canonical = entry.ai_canonname.map { Array(String(cString: $0).utf8) } ?? []
        entries.append("(\(families[entry.ai_family] ?? String(entry.ai_family)), \(kinds[entry.ai_socktype] ?? String(entry.ai_socktype)), "
            + "\(entry.ai_protocol), \(reprASCII(canonical)), \(reprSockaddr(entry.ai_addr)))")
    }
    if call.connects {
        if errors.isEmpty { return "OSError('getaddrinfo returns an empty list')" }
        if call.api == "create_connection" { return errors[errors.count - 1] }
        return "ExceptionGroup('create_connection failed', [\(errors.joined(separator: ", "))])"
    }
    return "[" + entries.joined(separator: ", ") + "]"
}

/// CPython's makesockaddr for AF_INET/AF_INET6 (inet_ntop, ports and flowinfo in host order).
func reprSockaddr(_ address: UnsafeMutablePointer<sockaddr>?) -> String {
    guard let address else { return "None" }
    var text = [CChar](repeating: 0, count: 64)
    switch Int32(address.pointee.sa_family) {
    case AF_INET:
        return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
            var a = v4.pointee.sin_addr
            inet_ntop(AF_INET, &a, &text, 64)
            return "('\(String(cString: text))', \(UInt16(bigEndian: v4.pointee.sin_port)))"
        }
    case AF_INET6:
        return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
            var a = v6.pointee.sin6_addr
            inet_ntop(AF_INET6, &a, &text, 64)
            return "('\(String(cString: text))', \(UInt16(bigEndian: v6.pointee.sin6_port)), "
                + "\(UInt32(bigEndian: v6.pointee.sin6_flowinfo)), \(v6.pointee.sin6_scope_id))"
        }
    default:
        return "(\(address.pointee.sa_family), ...)"
    }
}

func withOptionalCString<R>(_ bytes: [UInt8]?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let bytes else { return body(nil) }
    return (bytes + [0]).withUnsafeBufferPointer { raw in raw.withMemoryRebound(to: CChar.self) { body($0.baseAddress) } }
}

// MARK: - PySocket's outcome

/// The lowest free descriptor: a call that leaks one moves it.
func lowestFreeDescriptor() -> Int32 {
    let fd = dup(2)
    close(fd)
    return fd
}

/// PySocket's outcome for the call, in the same repr() text.
func pysocketOutcome(_ call: ResolverCall) -> String {
    func text(_ utf8: [UInt8]) -> String { String(decoding: utf8, as: UTF8.self) }
    let family = socket.AddressFamily(call.ints[0]), kind = socket.SocketKind(call.ints[1])
    let proto = call.ints[2], flags = socket.AddressInfo(call.ints[3])
    do {
        if call.connects {
            guard case .str(let host) = call.host, case .int(let port) = call.port else { return "not a create_connection call" }
            let sock = try socket.create_connection((text(host), port), all_errors: call.api == "create_connection_all")
            sock.close()
            return "connected"
        }
        let result: socket.TupleList<socket.AddrInfo>
        switch (call.host, call.port) {
        case (.bytes(let h), .int(let p)): result = try socket.getaddrinfo(bytes(h), p, family, kind, proto, flags)
        case (.bytes(let h), .none): result = try socket.getaddrinfo(bytes(h), nil as Int?, family, kind, proto, flags)
        case (.bytes(let h), .str(let p)): result = try socket.getaddrinfo(bytes(h), text(p), family, kind, proto, flags)
        case (.bytes, .bytes): return "not a PySocket call"
        case (_, let port):
            var host: String?
            if case .str(let h) = call.host { host = text(h) }
            switch port {
            case .int(let p): result = try socket.getaddrinfo(host, p, family, kind, proto, flags)
            case .none: result = try socket.getaddrinfo(host, nil as Int?, family, kind, proto, flags)
            case .str(let p): result = try socket.getaddrinfo(host, text(p), family, kind, proto, flags)
            case .bytes(let p): result = try socket.getaddrinfo(host, bytes(p), family, kind, proto, flags)
            }
        }
        return String(describing: result)
    } catch let group as ExceptionGroup {
        return "ExceptionGroup(\(reprASCII(Array(group.message.utf8))), [\(group.exceptions.map { String(reflecting: $0) }.joined(separator: ", "))])"
    } catch let error as BaseException {
        return String(reflecting: error)
    } catch {
        check(false, "a non-Python error: \(error)")
        return ""
    }
}

// MARK: - The target

/// True in a network namespace whose only interface is a loopback that is down (scripts/fuzz's
/// `unshare --net`): a name lookup fails at once and nothing can leave the machine.
let isolated: Bool = {
    guard let list = if_nameindex() else { return false }
    defer { if_freenameindex(list) }
    var names: [String] = []
    var entry = list
    while entry.pointee.if_index != 0 {
        names.append(String(cString: entry.pointee.if_name))
        entry += 1
    }
    return names == ["lo"]
}()

/// Whether a call may go past the argument checks here without a DNS query: always when
/// isolated; otherwise only getaddrinfo with AI_NUMERICHOST.
func mayLookUp(_ call: ResolverCall) -> Bool {
    isolated || (!call.connects && call.ints[3] & Int(socket.AI_NUMERICHOST.rawValue) != 0)
}

/// The outcome PySocket must give (CPython's, with the documented difference), or nil when
/// the call would need a lookup that is not allowed here.
func expectedPySocketOutcome(_ call: ResolverCall) -> String? {
    switch argumentDecision(call, asPySocket: true) {
    case .raised(let error): return error
    case .lookup(let host, let port): return mayLookUp(call) ? lookupOutcome(call, host: host, port: port) : nil
    case .notModelled: return nil
    }
}

/// Checks the rules against CPython's captured table (every row the rules model, and that may
/// look up here), and PySocket against each row: CPython's outcome, or its documented one.
/// Runs once, before the first input.
let tableChecked: Void = {
    let path = getenv("FUZZ_GETADDRINFO_TABLE").map { String(cString: $0) } ?? "Fuzz/LibraryFuzzer/getaddrinfo-cpython.tsv"
    guard let file = fopen(path, "r") else { fatalError("getaddrinfo target: cannot read its CPython table \(path)") }
    defer { fclose(file) }
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    var rows = 0, same = 0, nul = 0, nonASCII = 0, skipped = 0, local = 0
    while getline(&line, &capacity, file) > 0 {
        let row = String(cString: line!).split(separator: "\n").first.map(String.init) ?? ""
        if row.hasPrefix("#") || row.isEmpty { continue }
        var captured = ""
        guard let call = ResolverCall(row: row, outcome: &captured) else { fatalError("getaddrinfo target: bad table row \(row)") }
        rows += 1
        let decision = argumentDecision(call, asPySocket: false)
        if case .lookup = decision, !mayLookUp(call) { skipped += 1; continue }
        var cpython: String?
        switch decision {
        case .raised(let error): cpython = error
        case .lookup(let host, let port):
            // The table was captured in a namespace with lo down: a lookup's list (its order, its
            // families) depends on the interfaces, so outside one only the decision to look up is compared.
            cpython = isolated ? lookupOutcome(call, host: host, port: port) : nil
            if !isolated { local += 1 }
        case .notModelled: cpython = nil
        }
        if let cpython { check(cpython == captured, "the rules say \(cpython) where CPython said \(captured) for \(row)") }
        guard let expected = expectedPySocketOutcome(call) else { skipped += 1; continue }
        let before = lowestFreeDescriptor()
        let actual = pysocketOutcome(call)
        check(lowestFreeDescriptor() == before, "a descriptor leaked by \(row)")
        check(actual == expected, "PySocket gave \(actual) where \(expected) was expected for \(row)")
        if expected == captured {
            same += 1
        } else if !isolated, case .lookup = argumentDecision(call, asPySocket: true) {
            // Checked against glibc here (counted above), not against the namespace's table.
        } else {
            // Only README's two documented differences may part PySocket from CPython.
            var raw: [UInt8] = []
            if case .str(let h) = call.host { raw = h } else if case .bytes(let h) = call.host { raw = h }
            var isStr = false
            if case .str = call.host { isStr = true }
            if raw.contains(0) { nul += 1 } else if isStr && raw.contains(where: { $0 >= 0x80 }) { nonASCII += 1 } else {
                check(false, "PySocket differs from CPython outside the documented differences: \(actual) against \(captured) for \(row)")
            }
        }
    }
    free(line)
    print("getaddrinfo target: \(rows) rows of CPython's table: \(same) as CPython, \(nul + nonASCII) as README's documented differences "
        + "(\(nul) hosts with a NUL: ValueError; \(nonASCII) non-ASCII str hosts: passed as UTF-8), \(skipped) not run here (a lookup outside a namespace)"
        + (isolated ? "; " : ", \(local) looked up with AI_NUMERICHOST outside the namespace (PySocket checked against glibc here); ")
        + (isolated ? "isolated (lo down), lookups allowed" : "not isolated: AI_NUMERICHOST only"))
    fflush(stdout)
}()

/// One input: a call in the generator's classes; PySocket's outcome must be CPython's (or the
/// documented one), its descriptors balanced, and the same again on a second call.
func fuzzGetaddrinfo(_ input: inout Reader) {
    _ = tableChecked
    var call = ResolverCall(reading: &input)
    if !isolated && !call.connects && call.ints[3] >= Int(Int32.min) && call.ints[3] <= Int(Int32.max) {
        call.ints[3] |= Int(socket.AI_NUMERICHOST.rawValue)
    }
    guard let expected = expectedPySocketOutcome(call) else { return }
    let before = lowestFreeDescriptor()
    let actual = pysocketOutcome(call)
    check(lowestFreeDescriptor() == before, "a descriptor leaked by \(call)")
    check(actual == expected, "PySocket gave \(actual) where \(expected) was expected for \(call)")
}
