// Python values as the traces record them, how they print, and exceptions as outcomes.

/// A Python value from a trace (expected) or converted from a PySocket result (actual).
/// Unchecked: `.object` holds a live PySocket object (a socket, a file) as `AnyObject`; a replay
/// touches it only from the thread that replays its scenario.
public enum PyValue: @unchecked Sendable {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case bytes([UInt8])
    case bytearray([UInt8])
    case tuple([PyValue])
    case list([PyValue])
    case dict([(PyValue, PyValue)])
    /// An IntEnum/IntFlag member: class name, value and its `repr`.
    case member(cls: String, value: Int, repr: String)
    /// Expected side: an object the trace names (`s1`, `o2`).
    case ref(String)
    /// A run-dependent value bound to a symbol; `type` is set for `t.loose()` results.
    case sym(String, type: String?)
    /// Native int32s carrying descriptors (SCM_RIGHTS data).
    case fds([PyValue])
    /// An exception class (`socket.error` is `OSError`).
    case cls(String)
    /// A value the recorder could not encode: its type and repr.
    case opaque(type: String, repr: String)
    /// Text with `{$sym}` placeholders (braces doubled).
    case template(String)
    /// Actual side: a live object (a socket, a file) and its Python type name.
    case object(AnyObject, type: String)
    /// A coroutine call not started yet, passed to `wait_for` or `create_task`: `loop.sock_recv(s, 10)`.
    case coro(target: String, name: String, args: [PyValue], kwargs: [(String, PyValue)])
}

/// The outcome of a call: a result or an exception.
public enum Outcome: Sendable {
    case value(PyValue)
    case raised(Exc)
}

/// An exception as recorded: class name, `errno` (absent for non-OSError), `str(e)`, members of
/// a group, and `repr(e.args)` (recorded for awaited calls).
public struct Exc: Sendable {
    public var type: String
    /// nil: the exception has no errno attribute; `.some(.none)`: errno is None.
    public var errno: PyValue?
    public var str: PyValue
    public var exceptions: [Exc]
    /// `repr(e.args)`, text or template; nil where the trace does not record it.
    public var args: PyValue?
    /// The attributes asyncio's stream errors add (`partial`, `expected`, `consumed`), by name.
    public var attributes: [String: PyValue] = [:]

    public init(type: String, errno: PyValue?, str: PyValue, exceptions: [Exc] = [], args: PyValue? = nil,
                attributes: [String: PyValue] = [:]) {
        self.type = type
        self.errno = errno
        self.str = str
        self.exceptions = exceptions
        self.args = args
        self.attributes = attributes
    }
}

extension PyValue {
    /// Decodes the trace encoding (see Conformance/recorder.py).
    public init(json: JSON) throws {
        switch json {
        case .null: self = .none
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .float(d)
        case .string(let s): self = .str(s)
        case .array(let items): self = .list(try items.map(PyValue.init(json:)))
        case .object:
            self = try PyValue.tagged(json)
        }
    }

    private static func hexBytes(_ json: JSON, _ key: String) throws -> [UInt8] {
        guard let hex = json[key]?.string else { throw TraceError("bad \(key)") }
        var out: [UInt8] = []
        out.reserveCapacity(hex.utf8.count / 2)
        var it = hex.utf8.makeIterator()
        func nibble(_ c: UInt8) throws -> UInt8 {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: throw TraceError("bad hex")
            }
        }
        while let hi = it.next() {
            guard let lo = it.next() else { throw TraceError("odd hex") }
            out.append(try nibble(hi) << 4 | nibble(lo))
        }
        if let times = json["times"]?.int {
            var repeated: [UInt8] = []
            repeated.reserveCapacity(out.count * times)
            for _ in 0..<times { repeated += out }
            return repeated
        }
        return out
    }

    private static func tagged(_ json: JSON) throws -> PyValue {
        if let f = json["float"] {
            switch f {
            case .double(let d): return .float(d)
            case .int(let i): return .float(Double(i))
            case .string("nan"): return .float(.nan)
            case .string("inf"): return .float(.infinity)
            case .string("-inf"): return .float(-.infinity)
            default: throw TraceError("bad float")
            }
        }
        if json["bytes"] != nil { return .bytes(try hexBytes(json, "bytes")) }
        if json["bytearray"] != nil { return .bytearray(try hexBytes(json, "bytearray")) }
        if let items = json["tuple"]?.array { return .tuple(try items.map(PyValue.init(json:))) }
        if let pairs = json["dict"]?.array {
            return .dict(try pairs.map { pair in
                guard let kv = pair.array, kv.count == 2 else { throw TraceError("bad dict") }
                return (try PyValue(json: kv[0]), try PyValue(json: kv[1]))
            })
        }
        if let cls = json["enum"]?.string {
            return .member(cls: cls, value: json["value"]?.int ?? 0, repr: json["repr"]?.string ?? "")
        }
        if let ref = json["ref"]?.string { return .ref(ref) }
        if let sym = json["sym"]?.string { return .sym(sym, type: json["type"]?.string) }
        if let fds = json["fds"]?.array { return .fds(try fds.map(PyValue.init(json:))) }
        if let cls = json["class"]?.string { return .cls(cls) }
        if let type = json["object"]?.string { return .opaque(type: type, repr: json["repr"]?.string ?? "") }
        if let template = json["template"]?.string { return .template(template) }
        if let coro = json["coro"] {
            return .coro(target: coro["target"]?.string ?? "", name: coro["name"]?.string ?? "",
                         args: try (coro["args"]?.array ?? []).map(PyValue.init(json:)),
                         kwargs: try (coro["kwargs"]?.members ?? []).map { ($0.0, try PyValue(json: $0.1)) })
        }
        throw TraceError("unknown value encoding \(json)")
    }

    /// Python's `repr()` of the value, symbols shown by name.
    public var repr: String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return pyFloatRepr(d)
        case .str(let s): return pyStrRepr(s)
        case .bytes(let b): return pyBytesRepr(b)
        case .bytearray(let b): return "bytearray(\(pyBytesRepr(b)))"
        case .tuple(let items):
            if items.count == 1 { return "(\(items[0].repr),)" }
            return "(" + items.map(\.repr).joined(separator: ", ") + ")"
        case .list(let items): return "[" + items.map(\.repr).joined(separator: ", ") + "]"
        case .dict(let pairs): return "{" + pairs.map { "\($0.0.repr): \($0.1.repr)" }.joined(separator: ", ") + "}"
        case .member(_, _, let repr): return repr
        case .ref(let name): return name
        case .sym(let name, let type): return type.map { "\(name):\($0)" } ?? name
        case .fds(let fds): return "fds(" + fds.map(\.repr).joined(separator: ", ") + ")"
        case .cls(let name): return "<class '\(name)'>"
        case .opaque(_, let repr): return repr
        case .template(let t): return t
        case .object(let obj, let type):
            if type == "socket" { return "<socket>" }
            return "<\(type) \(ObjectIdentifier(obj).hashValue & 0xffff)>"
        case .coro(let target, let name, let args, let kwargs):
            let parts = args.map(\.repr) + kwargs.map { "\($0.0)=\($0.1.repr)" }
            return "\(target == "aio" ? "asyncio" : target).\(name)(\(parts.joined(separator: ", ")))"
        }
    }

    /// A short type name for messages and `t.loose()` checks.
    public var typeName: String {
        switch self {
        case .none: return "None"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .str: return "str"
        case .bytes: return "bytes"
        case .bytearray: return "bytearray"
        case .tuple: return "tuple"
        case .list: return "list"
        case .dict: return "dict"
        case .member(let cls, _, _): return cls
        case .ref: return "ref"
        case .sym: return "sym"
        case .fds: return "fds"
        case .cls: return "type"
        case .opaque(let type, _): return type
        case .template: return "str"
        case .object(_, let type): return type
        case .coro: return "coroutine"
        }
    }
}

extension Exc {
    init(json: JSON) throws {
        guard let type = json["type"]?.string else { throw TraceError("exception without type") }
        self.type = type
        if let e = json["errno"] { errno = try PyValue(json: e) } else { errno = nil }
        str = try PyValue(json: json["str"] ?? .string(""))
        exceptions = try (json["exceptions"]?.array ?? []).map(Exc.init(json:))
        if let a = json["args"] { args = try PyValue(json: a) } else { args = nil }
        for name in Exc.attributeNames { if let v = json[name] { attributes[name] = try PyValue(json: v) } }
    }

    /// The exception attributes a trace records beside the message.
    static let attributeNames = ["partial", "expected", "consumed"]

    /// `Type: [Errno n] message` as shown in reports.
    public var summary: String {
        var text = type
        if case .int(let n)? = errno { text += " errno=\(n)" }
        let s: String
        switch str {
        case .str(let x), .template(let x): s = x
        default: s = str.repr
        }
        text += ": " + s
        if let args { text += " args=" + { if case .str(let x) = args { return x }; return args.repr }() }
        if !exceptions.isEmpty { text += " [" + exceptions.map(\.summary).joined(separator: "; ") + "]" }
        for name in Exc.attributeNames { if let v = attributes[name] { text += " \(name)=" + v.repr } }
        return text
    }
}

extension Outcome {
    public var summary: String {
        switch self {
        case .value(let v): return v.repr
        case .raised(let e): return "raises " + e.summary
        }
    }
}

/// Python's repr of a str: single quotes unless the text has ' and no ".
public func pyStrRepr(_ s: String) -> String {
    let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if Character(scalar) == quote { out += "\\" + String(quote) }
            else if scalar.value < 0x20 || scalar.value == 0x7f { out += "\\x" + hex2(scalar.value) }
            else { out.unicodeScalars.append(scalar) }
        }
    }
    out.append(quote)
    return out
}

/// Python's repr of bytes.
public func pyBytesRepr(_ b: [UInt8]) -> String {
    let hasSingle = b.contains(UInt8(ascii: "'")), hasDouble = b.contains(UInt8(ascii: "\""))
    let quote: UInt8 = hasSingle && !hasDouble ? UInt8(ascii: "\"") : UInt8(ascii: "'")
    var out = "b" + String(UnicodeScalar(quote))
    for c in b {
        switch c {
        case UInt8(ascii: "\\"): out += "\\\\"
        case UInt8(ascii: "\n"): out += "\\n"
        case UInt8(ascii: "\r"): out += "\\r"
        case UInt8(ascii: "\t"): out += "\\t"
        case quote: out += "\\" + String(UnicodeScalar(quote))
        case 0x20..<0x7f: out.unicodeScalars.append(UnicodeScalar(c))
        default: out += "\\x" + hex2(UInt32(c))
        }
    }
    return out + String(UnicodeScalar(quote))
}

func hex2(_ v: UInt32) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(v >> 4 & 0xf)], digits[Int(v & 0xf)]])
}

/// Python's repr of a float (shortest round-trip, as Swift's description, with Python's spellings).
public func pyFloatRepr(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    var s = "\(d)"
    if s.hasSuffix(".0") && s.contains("e") { s = String(s.dropLast(2)) }
    if let e = s.firstIndex(of: "e") {
        let mantissa = s[..<e].replacingOccurrences(".0", "")
        var exp = String(s[s.index(after: e)...])
        let sign = exp.hasPrefix("-") ? "-" : "+"
        exp = exp.trimmingPrefix("-").trimmingPrefix("+")
        if exp.count < 2 { exp = "0" + exp }
        return mantissa + "e" + sign + exp
    }
    return s
}

extension StringProtocol {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }

    func trimmingPrefix(_ p: String) -> String {
        hasPrefix(p) ? String(dropFirst(p.count)) : String(self)
    }
}

/// A malformed trace.
public struct TraceError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}
