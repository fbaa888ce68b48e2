// The trace files: one per area, as written by Conformance/recorder.py, and the API names of the CPython that wrote them.
import Foundation

/// One recorded step of a scenario.
public enum Event: Sendable {
    /// A fresh run-dependent value the replay makes itself: a temp path, an abstract name, a temp file.
    case fresh(kind: String, name: String, sym: String, data: [UInt8])
    /// A call on the module (`sk`) or an object (`s1`), with its outcome and any bytearray arguments it filled.
    case call(target: String, name: String, args: [PyValue], kwargs: [(String, PyValue)], expected: Outcome, after: [(Int, PyValue)])
    /// A read of a module constant or an object attribute.
    case get(target: String, name: String, expected: PyValue)
    /// `repr(value)` or `str(value)` (kind is "repr" or "str").
    case text(kind: String, value: PyValue, expected: PyValue)
    /// A pause the scenario took.
    case sleep(Double)
    /// An awaited coroutine call (`await loop.sock_recv(s, 10)`, `await task`), with its outcome.
    case awaitCall(target: String, name: String, args: [PyValue], kwargs: [(String, PyValue)], expected: Outcome, after: [(Int, PyValue)])

    init(json: JSON) throws {
        let op = json["op"]?.string ?? ""
        switch op {
        case "fresh":
            var data: [UInt8] = []
            if let d = json["data"], case .bytes(let b) = try PyValue(json: d) { data = b }
            self = .fresh(kind: json["kind"]?.string ?? "", name: json["name"]?.string ?? "", sym: json["sym"]?.string ?? "", data: data)
        case "call", "await":
            let args = try (json["args"]?.array ?? []).map(PyValue.init(json:))
            let kwargs = try (json["kwargs"]?.members ?? []).map { ($0.0, try PyValue(json: $0.1)) }
            let expected: Outcome
            if let r = json["raises"] { expected = .raised(try Exc(json: r)) } else { expected = .value(try PyValue(json: json["result"] ?? .null)) }
            let after = try (json["after"]?.members ?? []).map { (Int($0.0) ?? 0, try PyValue(json: $0.1)) }
            let (target, name) = (json["target"]?.string ?? "", json["name"]?.string ?? "")
            if op == "await" {
                self = .awaitCall(target: target, name: name, args: args, kwargs: kwargs, expected: expected, after: after)
            } else {
                self = .call(target: target, name: name, args: args, kwargs: kwargs, expected: expected, after: after)
            }
        case "get":
            self = .get(target: json["target"]?.string ?? "", name: json["name"]?.string ?? "", expected: try PyValue(json: json["result"] ?? .null))
        case "repr", "str":
            self = .text(kind: op, value: try PyValue(json: json["value"] ?? .null), expected: try PyValue(json: json["result"] ?? .null))
        case "sleep":
            var seconds = 0.0
            if case .double(let d)? = json["seconds"] { seconds = d } else if let i = json["seconds"]?.int { seconds = Double(i) }
            self = .sleep(seconds)
        default:
            throw TraceError("unknown op \(op)")
        }
    }

    /// How the event reads in a report: `s2.connect(('127.0.0.1', $port1))`.
    public var callText: String {
        switch self {
        case .fresh(let kind, let name, let sym, _): return "\(sym) = fresh \(kind) \(name)"
        case .call(let target, let name, let args, let kwargs, _, _):
            let parts = args.map(\.repr) + kwargs.map { "\($0.0)=\($0.1.repr)" }
            return "\(target == "sk" ? "socket" : target).\(name)(\(parts.joined(separator: ", ")))"
        case .get(let target, let name, _): return "\(target == "sk" ? "socket" : target).\(name)"
        case .text(let kind, let value, _): return "\(kind)(\(value.repr))"
        case .sleep(let s): return "sleep(\(s))"
        case .awaitCall(let target, let name, let args, let kwargs, _, _):
            if name == "__await__" { return "await \(target)" }
            return "await " + PyValue.coro(target: target, name: name, args: args, kwargs: kwargs).repr
        }
    }

    /// Whether the event is counted as a call in the tables (everything but fresh values and sleeps).
    public var isChecked: Bool {
        switch self {
        case .fresh, .sleep: return false
        default: return true
        }
    }
}

/// One scenario: a Python function of an area file, as recorded.
public struct Scenario: Sendable {
    public let name: String
    public let doc: String
    public let events: [Event]
}

/// One area's trace.
public struct Trace: Sendable {
    public let area: String
    public let python: String
    public let platform: String
    public let scenarios: [Scenario]
    /// Scenarios the capturing CPython could not run (a name it lacks).
    public let leftOut: [(name: String, reason: String)]
    /// Awaited asyncio calls: replayed once per event-loop backend.
    public let asyncio: Bool

    public init(json: JSON) throws {
        area = json["area"]?.string ?? "?"
        python = json["python"]?.string ?? "?"
        platform = json["platform"]?.string ?? "?"
        scenarios = try (json["scenarios"]?.array ?? []).map { sc in
            Scenario(name: sc["name"]?.string ?? "?", doc: sc["doc"]?.string ?? "",
                     events: try (sc["events"]?.array ?? []).map(Event.init(json:)))
        }
        leftOut = (json["left_out"]?.array ?? []).map { ($0["name"]?.string ?? "?", $0["reason"]?.string ?? "") }
        if case .bool(true)? = json["asyncio"] { asyncio = true } else { asyncio = false }
    }

    /// Reads every `<area>.json` trace of a directory (not names.json), sorted by area.
    public static func loadAll(from directory: String) throws -> [Trace] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".json") && $0 != "names.json" }.sorted()
        return try files.map { file in
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            do { return try Trace(json: JSON.parse(text)) } catch { throw TraceError("\(file): \(error)") }
        }
    }
}

/// The public names of the capturing CPython's socket module and socket class.
public struct PublicNames: Sendable {
    public let module: [String]
    public let socketMethods: [String]
    /// The module names whose value is an int (constants and enum members).
    public let constants: [String]

    public static func load(from directory: String) -> PublicNames? {
        guard let text = try? String(contentsOfFile: directory + "/names.json", encoding: .utf8),
              let json = try? JSON.parse(text) else { return nil }
        return PublicNames(module: (json["module"]?.array ?? []).compactMap(\.string),
                           socketMethods: (json["socket"]?.array ?? []).compactMap(\.string),
                           constants: (json["constants"]?.array ?? []).compactMap(\.string))
    }
}

/// Where things are: the package root found from the working directory upwards.
public enum Paths {
    public static func packageRoot(from start: String = FileManager.default.currentDirectoryPath) -> String? {
        var url = URL(fileURLWithPath: start)
        for _ in 0..<12 {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Conformance/recorder.py").path) {
                return url.path
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        return nil
    }

    /// `Conformance/traces/<platform>` of the package.
    public static func traces(root: String) -> String {
        #if os(Linux)
        return root + "/Conformance/traces/linux"
        #else
        return root + "/Conformance/traces/darwin"
        #endif
    }
}
