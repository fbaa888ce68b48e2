// The replay engine: makes each recorded call on PySocket through the name table and compares every outcome.
import Foundation
import PySocket
import PySocketAsync

/// The state of one scenario being replayed: objects by trace name, symbols, temp files.
public final class ScenarioContext {
    public var refs: [String: AnyObject] = [:]
    public var syms: [String: PyValue] = [:]
    public let tmpdir: String
    var created: [socket] = []
    let lock = NSLock()
    var files: [AnyObject] = []
    var fds: [Int32] = []

    init() {
        let dir = NSTemporaryDirectory() + "pysock-replay-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        tmpdir = dir
    }

    /// Keeps a socket the replay created, to close it when the scenario ends.
    public func adopt(_ s: socket) {
        lock.lock(); defer { lock.unlock() }
        if !created.contains(where: { $0 === s }) { created.append(s) }
    }

    /// Wakes a call blocked on one of the scenario's sockets (the watchdog's last resort).
    func abort() {
        lock.lock(); let socks = created; lock.unlock()
        for s in socks { try? s.shutdown(socket.SHUT_RDWR) }
    }

    /// Keeps any other object (a file from makefile) alive until the scenario ends.
    public func keep(_ o: AnyObject) { files.append(o) }

    func finish() {
        for s in created { s.close() }
        for fd in fds { _ = Foundation.close(fd) }
        try? FileManager.default.removeItem(atPath: tmpdir)
    }

    /// The value of a symbol, with `:bytes`/`:str` conversions of the recorder's `path.encode()`.
    func symbol(_ name: String) -> PyValue? {
        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
        guard let base = syms[parts[0]] else { return nil }
        guard parts.count == 2 else { return base }
        switch (parts[1], base) {
        case ("bytes", .str(let s)): return .bytes(Array(s.utf8))
        case ("str", .bytes(let b)): return .str(String(decoding: b, as: UTF8.self))
        default: return base
        }
    }

    /// Arguments as the Swift side receives them: symbols replaced, refs live.
    func resolve(_ v: PyValue) throws -> PyValue {
        switch v {
        case .sym(let name, _):
            guard let value = symbol(name) else { throw ReplayError("symbol \(name) used before it was bound") }
            return value
        case .ref(let name):
            guard let obj = refs[name] else { throw ReplayError("\(name) does not exist (an earlier call differed)") }
            return .object(obj, type: obj is socket ? "socket" : "object")
        case .tuple(let items): return .tuple(try items.map(resolve))
        case .list(let items): return .list(try items.map(resolve))
        case .fds(let items): return .fds(try items.map(resolve))
        case .dict(let pairs): return .dict(try pairs.map { (try resolve($0.0), try resolve($0.1)) })
        default: return v
        }
    }
}

/// The replay could not run a step (not a difference of PySocket's making, but still reported).
public struct ReplayError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}

/// How one checked event came out.
public enum Verdict: Sendable {
    case matched
    /// CPython raised TypeError for arguments the Swift types do not let anyone write.
    case ruledOutByTypes
    /// A difference the README documents as PySocket's choice (listed, not hidden).
    case documented
    case differed
}

/// One checked event's result.
public struct StepResult: Sendable {
    public let index: Int
    public let call: String
    public let verdict: Verdict
    public let expected: String
    public let actual: String
    public let note: String
}

/// One scenario's results.
public struct ScenarioResult: Sendable {
    public let area: String
    public let name: String
    public let doc: String
    public let steps: [StepResult]
    public let seconds: Double
    public var differences: [StepResult] { steps.filter { $0.verdict == .differed } }
}

/// One area's results.
public struct AreaResult: Sendable {
    public let area: String
    public let python: String
    public let scenarios: [ScenarioResult]
    public let leftOut: [(name: String, reason: String)]
    public var calls: Int { scenarios.reduce(0) { $0 + $1.steps.count } }
    public var matched: Int { count(.matched) }
    public var ruledOut: Int { count(.ruledOutByTypes) }
    public var differed: Int { count(.differed) }
    public var documented: Int { count(.documented) }
    func count(_ v: Verdict) -> Int { scenarios.reduce(0) { $0 + $1.steps.filter { $0.verdict == v }.count } }
}

/// Replays traces against PySocket.
public struct Replayer {
    let table: NameTable

    public init() { table = NameTable.standard() }

    /// Replays every scenario of a trace, one after the other.
    public func replay(_ trace: Trace, only: Set<String> = []) -> AreaResult {
        let results = trace.scenarios.filter { only.isEmpty || only.contains($0.name) }.map { replay($0, area: trace.area) }
        return AreaResult(area: trace.area, python: trace.python, scenarios: results, leftOut: trace.leftOut)
    }

    /// A call that has not returned after this long is reported as hung, and the scenario stops:
    /// 5 s, or PYSOCKET_CONFORMANCE_HANG_SECONDS (scripts/tsan sets 60: under ThreadSanitizer a
    /// debug build decodes a trace's megabyte of hex ten times slower).
    public static let hangSeconds = ProcessInfo.processInfo.environment["PYSOCKET_CONFORMANCE_HANG_SECONDS"].flatMap(Double.init) ?? 5.0

    public func replay(_ scenario: Scenario, area: String, backend: asyncio.Backend? = nil) -> ScenarioResult {
        let ctx = ScenarioContext()
        let started = Date()
        let savedDefault = socket.getdefaulttimeout()
        let shared = Shared(self, scenario, ctx, backend: backend)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            shared.runAll()
            done.signal()
        }
        thread.stackSize = 4 << 20
        thread.start()
        var hung: StepResult? = nil
        if done.wait(timeout: .now() + Replayer.hangSeconds) == .timedOut {
            let (index, event) = shared.current()
            shared.stop()
            hung = StepResult(index: index, call: event?.callText ?? "?", verdict: .differed,
                              expected: event.map { render(expectedOutcome($0), ctx) } ?? "?",
                              actual: "did not return within \(Int(Replayer.hangSeconds)) s (blocked)", note: "hung")
            ctx.abort()
            _ = done.wait(timeout: .now() + 2)
        }
        var steps = shared.results()
        if let hung { steps.append(hung) }
        ctx.finish()
        try? socket.setdefaulttimeout(savedDefault)
        return ScenarioResult(area: area, name: scenario.name, doc: scenario.doc, steps: steps, seconds: Date().timeIntervalSince(started))
    }

    func expectedOutcome(_ e: Event) -> Outcome {
        switch e {
        case .call(_, _, _, _, let expected, _), .awaitCall(_, _, _, _, let expected, _): return expected
        case .get(_, _, let v), .text(_, _, let v): return .value(v)
        default: return .value(.none)
        }
    }

    /// The scenario's progress, shared between the thread that replays it and the watchdog.
    final class Shared: @unchecked Sendable {
        let replayer: Replayer
        let scenario: Scenario
        let ctx: ScenarioContext
        let lock = NSLock()
        var steps: [StepResult] = []
        var index = 0
        var stopped = false
        /// The event-loop backend of an asyncio trace; nil for a socket trace.
        let backend: asyncio.Backend?

        init(_ r: Replayer, _ s: Scenario, _ c: ScenarioContext, backend: asyncio.Backend? = nil) {
            replayer = r; scenario = s; ctx = c; self.backend = backend
        }

        func runAll() {
            if let backend {
                runAllAsync(backend)
                return
            }
            for (i, event) in scenario.events.enumerated() {
                guard begin(i) else { return }
                record(replayer.run(event, i, ctx))
            }
        }

        /// Marks event `i` as the one running; false once the watchdog stopped the scenario.
        func begin(_ i: Int) -> Bool {
            lock.lock(); defer { lock.unlock() }
            if stopped { return false }
            index = i
            return true
        }

        func record(_ step: StepResult?) {
            lock.lock(); defer { lock.unlock() }
            if let step, !stopped { steps.append(step) }
        }

        func current() -> (Int, Event?) {
            lock.lock(); defer { lock.unlock() }
            return (index, index < scenario.events.count ? scenario.events[index] : nil)
        }

        func stop() { lock.lock(); stopped = true; lock.unlock() }
        func results() -> [StepResult] { lock.lock(); defer { lock.unlock() }; return steps }
    }

    func run(_ event: Event, _ i: Int, _ ctx: ScenarioContext) -> StepResult? {
        switch event {
        case .fresh(let kind, let name, let sym, let data):
            fresh(kind, name, sym, data, ctx)
            return nil
        case .sleep(let s):
            Thread.sleep(forTimeInterval: s)
            return nil
        case .get(let target, let name, let expected):
            return step(i, event, .value(expected), ctx: ctx) { try table.get(target, name, ctx) }
        case .call(let target, let name, let args, let kwargs, let expected, let after):
            return call(i, event, target, name, args, kwargs, expected, after, ctx)
        case .text(let kind, let value, let expected):
            return step(i, event, .value(expected), ctx: ctx) { try .str(table.text(kind, ctx.resolve(value), ctx)) }
        case .awaitCall(_, _, _, _, let expected, _):
            return judge(i, event, expected, .raised(Py.exc(ReplayError("an awaited call outside an asyncio replay"))), ctx)
        }
    }

    func fresh(_ kind: String, _ name: String, _ sym: String, _ data: [UInt8], _ ctx: ScenarioContext) {
        switch kind {
        case "path":
            ctx.syms[sym] = .str(ctx.tmpdir + "/" + name)
        case "abstract":
            let suffix = (0..<12).map { _ in "0123456789abcdef".randomElement()! }
            ctx.syms[sym] = .bytes([0] + Array("pysocket-conf-\(String(suffix))".utf8))
        case "file":
            let path = ctx.tmpdir + "/file-" + sym.dropFirst()
            _ = FileManager.default.createFile(atPath: path, contents: Data(data))
            let fd = Foundation.open(path, O_RDONLY)
            ctx.fds.append(fd)
            ctx.syms[sym] = .int(Int(fd))
        default:
            ctx.syms[sym] = PyValue.none
        }
    }

    /// Runs `body` and compares its outcome with `expected`.
    func step(_ i: Int, _ event: Event, _ expected: Outcome, ctx: ScenarioContext? = nil, _ body: () throws -> PyValue) -> StepResult {
        let actual: Outcome
        do { actual = .value(try body()) } catch { actual = .raised(Py.exc(error)) }
        return judge(i, event, expected, actual, ctx)
    }

    func judge(_ i: Int, _ event: Event, _ expected: Outcome, _ actual: Outcome, _ ctx: ScenarioContext?, note: String = "") -> StepResult {
        var verdict = Verdict.differed
        var why = note
        if case .raised(let a) = actual, a.type == "Swift.DocumentedDifference" {
            if case .str(let s) = a.str { why = s }
            return StepResult(index: i, call: event.callText, verdict: .documented, expected: render(expected, ctx), actual: actual.summary, note: why)
        }
        switch (expected, actual) {
        case (.value(let e), .value(let a)):
            if let ctx { verdict = Matcher(ctx: ctx).match(e, a) ? .matched : .differed }
        case (.raised(let e), .raised(let a)):
            if a.type == "Swift.Unexpressible" || a.type == "Swift.NoBinding" || a.type == "Swift.ReplayError" {
                verdict = (e.type == "TypeError" && a.type == "Swift.Unexpressible") ? .ruledOutByTypes : .differed
                if case .str(let s) = a.str { why = s }
            } else if let ctx {
                verdict = Matcher(ctx: ctx).match(e, a) ? .matched : .differed
            }
        case (.value, .raised(let a)):
            if a.type.hasPrefix("Swift."), case .str(let s) = a.str { why = s }
        default: break
        }
        let exp = render(expected, ctx)
        return StepResult(index: i, call: event.callText, verdict: verdict, expected: exp, actual: actual.summary, note: why)
    }

    func render(_ o: Outcome, _ ctx: ScenarioContext?) -> String {
        guard let ctx else { return o.summary }
        let m = Matcher(ctx: ctx)
        switch o {
        case .value(let v): return m.show(v)
        case .raised(var e):
            e.str = .str(m.showText(e.str))
            e.args = e.args.map { .str(m.showText($0)) }
            return "raises " + e.summary
        }
    }

    func call(_ i: Int, _ event: Event, _ target: String, _ name: String, _ args: [PyValue], _ kwargs: [(String, PyValue)],
              _ expected: Outcome, _ after: [(Int, PyValue)], _ ctx: ScenarioContext) -> StepResult {
        var invocation: Call
        do { invocation = try Call(name, resolving: args, kwargs, in: ctx) } catch { return judge(i, event, expected, .raised(Py.exc(error)), ctx) }
        let actual: Outcome
        do { actual = .value(try table.call(target, &invocation)) } catch { actual = .raised(Py.exc(error)) }
        return judgeCall(i, event, expected, actual, after, invocation, ctx)
    }

    /// Judges a call's outcome, then the buffers it filled.
    func judgeCall(_ i: Int, _ event: Event, _ expected: Outcome, _ actual: Outcome, _ after: [(Int, PyValue)],
                   _ invocation: Call, _ ctx: ScenarioContext) -> StepResult {
        var result = judge(i, event, expected, actual, ctx)
        // Buffers the call filled must hold what CPython's held.
        if result.verdict == .matched {
            let m = Matcher(ctx: ctx)
            for (pos, want) in after {
                let got = invocation.after[pos] ?? (pos < invocation.args.count ? invocation.args[pos] : .none)
                if !m.match(want, got) {
                    result = StepResult(index: i, call: result.call, verdict: .differed, expected: "argument \(pos) becomes \(m.show(want))",
                                        actual: "argument \(pos) is \(got.repr)", note: "buffer contents")
                }
            }
        }
        return result
    }
}

/// Compares expected with actual values, binding symbols and refs the first time they appear.
struct Matcher {
    let ctx: ScenarioContext

    func match(_ e: Exc, _ a: Exc) -> Bool {
        guard e.type == a.type else { return false }
        if let errno = e.errno {
            guard let aErrno = a.errno, match(errno, aErrno) else { return false }
        }
        guard matchText(e.str, a.str) else { return false }
        if let expectedArgs = e.args {
            guard let actualArgs = a.args, matchText(expectedArgs, actualArgs) else { return false }
        }
        for (name, want) in e.attributes {
            guard let got = a.attributes[name], match(want, got) else { return false }
        }
        guard e.exceptions.count == a.exceptions.count else { return false }
        return zip(e.exceptions, a.exceptions).allSatisfy { match($0, $1) }
    }

    func matchText(_ e: PyValue, _ a: PyValue) -> Bool {
        guard case .str(let actual) = a else { return false }
        switch e {
        case .str(let s): return s == actual
        case .template(let t): return Template(t).match(actual, ctx)
        default: return false
        }
    }

    func match(_ e: PyValue, _ a: PyValue) -> Bool {
        switch (e, a) {
        case (.sym(let name, let type), _):
            if let bound = ctx.symbol(name) { return match(bound, a) }
            if let type, type != "any", !sameType(type, a) { return false }
            if case .object(let o, _) = a { ctx.refs[name] = o }
            ctx.syms[name] = a
            return true
        case (.ref(let name), .object(let o, _)):
            if let bound = ctx.refs[name] { return bound === o }
            ctx.refs[name] = o
            return true
        case (.template, .str): return matchText(e, a)
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.int(let x), .member(_, let y, let repr)): return x == y && repr == String(x)
        case (.float(let x), .float(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.str(let x), .str(let y)): return x == y
        case (.bytes(let x), .bytes(let y)), (.bytearray(let x), .bytearray(let y)): return x == y
        case (.member(let c1, let v1, let r1), .member(let c2, let v2, let r2)): return c1 == c2 && v1 == v2 && r1 == r2
        case (.tuple(let x), .tuple(let y)), (.list(let x), .list(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { match($0, $1) }
        case (.fds(let x), .bytes(let raw)):
            guard raw.count == x.count * 4 else { return false }
            let ints = stride(from: 0, to: raw.count, by: 4).map { i in
                raw[i..<i + 4].withUnsafeBytes { Int($0.loadUnaligned(as: Int32.self)) }
            }
            return zip(x, ints).allSatisfy { match($0, .int($1)) }
        case (.fds(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { match($0, $1) }
        case (.cls(let x), .cls(let y)): return x == y
        case (.opaque(_, let r1), _): return r1 == a.repr
        default: return false
        }
    }

    func sameType(_ type: String, _ a: PyValue) -> Bool {
        switch (type, a) {
        case ("int", .int), ("str", .str), ("bytes", .bytes), ("bytearray", .bytearray), ("tuple", .tuple),
             ("list", .list), ("float", .float), ("bool", .bool), ("None", .none), ("enum", .member): return true
        default: return false
        }
    }

    /// The expected value with bound symbols shown by value.
    func show(_ v: PyValue) -> String {
        switch v {
        case .sym(let name, _): if let b = ctx.symbol(name) { return b.repr } else { return v.repr }
        case .tuple(let items): return items.count == 1 ? "(\(show(items[0])),)" : "(" + items.map(show).joined(separator: ", ") + ")"
        case .list(let items): return "[" + items.map(show).joined(separator: ", ") + "]"
        case .fds(let items): return "fds(" + items.map(show).joined(separator: ", ") + ")"
        case .template(let t): return pyStrRepr(Template(t).render(ctx))
        default: return v.repr
        }
    }

    func showText(_ v: PyValue) -> String {
        switch v {
        case .str(let s): return s
        case .template(let t): return Template(t).render(ctx)
        default: return v.repr
        }
    }
}

/// Text with `{$sym}` placeholders; `{{` and `}}` are literal braces.
struct Template {
    enum Piece { case text(String), sym(String) }
    let pieces: [Piece]

    init(_ source: String) {
        var pieces: [Piece] = []
        var text = ""
        var chars = Array(source)[...]
        while let c = chars.popFirst() {
            if c == "{", chars.first == "{" { chars.removeFirst(); text.append("{"); continue }
            if c == "}", chars.first == "}" { chars.removeFirst(); text.append("}"); continue }
            if c == "{", let end = chars.firstIndex(of: "}") {
                if !text.isEmpty { pieces.append(.text(text)); text = "" }
                pieces.append(.sym(String(chars[chars.startIndex..<end])))
                chars = chars[(end + 1)...]
                continue
            }
            text.append(c)
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        self.pieces = pieces
    }

    static func text(of v: PyValue) -> String {
        switch v {
        case .int(let n): return String(n)
        case .str(let s): return String(pyStrRepr(s).dropFirst().dropLast())
        case .bytes(let b): return String(pyBytesRepr(b).dropFirst(2).dropLast())
        default: return v.repr
        }
    }

    func render(_ ctx: ScenarioContext) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let t): return t
            case .sym(let s): return ctx.symbol(s).map(Template.text(of:)) ?? "{\(s)}"
            }
        }.joined()
    }

    /// Matches the text, binding unbound symbols to what stands in their place.
    func match(_ actual: String, _ ctx: ScenarioContext) -> Bool {
        var rest = Substring(actual)
        var pending: [String: PyValue] = [:]
        for (k, piece) in pieces.enumerated() {
            switch piece {
            case .text(let t):
                guard rest.hasPrefix(t) else { return false }
                rest = rest.dropFirst(t.count)
            case .sym(let s):
                if let bound = ctx.symbol(s) ?? pending[s] {
                    let t = Template.text(of: bound)
                    guard rest.hasPrefix(t) else { return false }
                    rest = rest.dropFirst(t.count)
                    continue
                }
                var captured: Substring
                if k + 1 < pieces.count, case .text(let next) = pieces[k + 1] {
                    guard let r = rest.range(of: next) else { return false }
                    captured = rest[..<r.lowerBound]
                } else {
                    captured = rest
                }
                rest = rest[captured.endIndex...]
                pending[s] = Int(captured).map { .int($0) } ?? .str(String(captured))
                if captured.isEmpty { return false }
            }
        }
        guard rest.isEmpty else { return false }
        for (k, v) in pending { ctx.syms[k] = v }
        return true
    }
}
