// Reports of a replay: the per-area table, each difference side by side, API coverage, and a self-contained HTML page.

/// Everything a replay found.
public struct Report {
    public let areas: [AreaResult]
    public let names: PublicNames?
    public let table: NameTable
    public let traces: [Trace]

    public init(areas: [AreaResult], names: PublicNames?, table: NameTable, traces: [Trace]) {
        self.areas = areas
        self.names = names
        self.table = table
        self.traces = traces
    }

    public var differed: Int { areas.reduce(0) { $0 + $1.differed } }

    // MARK: table

    public func tableText() -> String {
        var rows = [["area", "scenarios", "calls", "matched", "types", "documented", "differed", "seconds"]]
        for a in areas {
            let secs = a.scenarios.reduce(0) { $0 + $1.seconds }
            rows.append([a.area, "\(a.scenarios.count)", "\(a.calls)", "\(a.matched)", "\(a.ruledOut)", "\(a.documented)", "\(a.differed)", fmt(secs)])
        }
        let totalSecs = areas.flatMap(\.scenarios).reduce(0) { $0 + $1.seconds }
        rows.append(["total", "\(areas.reduce(0) { $0 + $1.scenarios.count })", "\(areas.reduce(0) { $0 + $1.calls })",
                     "\(areas.reduce(0) { $0 + $1.matched })", "\(areas.reduce(0) { $0 + $1.ruledOut })", "\(areas.reduce(0) { $0 + $1.documented })", "\(differed)", fmt(totalSecs)])
        let widths = (0..<rows[0].count).map { col in rows.map { $0[col].count }.max() ?? 0 }
        var lines: [String] = []
        for (i, row) in rows.enumerated() {
            let cells = row.enumerated().map { col, cell in col == 0 ? pad(cell, widths[col]) : lpad(cell, widths[col]) }
            lines.append(cells.joined(separator: "  "))
            if i == 0 || i == rows.count - 2 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        let pythons = Set(areas.map(\.python)).sorted().joined(separator: ", ")
        lines.append("expected: CPython \(pythons) traces; actual: PySocket. 'types': CPython raised TypeError for arguments Swift's types rule out.")
        let documentedSteps = areas.flatMap { a in a.scenarios.flatMap { sc in
            sc.steps.filter { $0.verdict == .documented }.map { "  \(a.area).\(sc.name) #\($0.index) \($0.call): expected \($0.expected) — \($0.note)" } } }
        if !documentedSteps.isEmpty {
            lines.append("'documented': differences listed in README.md's \"Differences from CPython\":")
            lines.append(contentsOf: documentedSteps)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: differences

    /// Each difference: the call, expected and actual side by side (stacked when too wide).
    public func differencesText(limitPerScenario: Int = 4) -> String {
        var out: [String] = []
        for a in areas {
            for sc in a.scenarios where !sc.differences.isEmpty {
                out.append("\(a.area).\(sc.name) — \(sc.doc)")
                for d in sc.differences.prefix(limitPerScenario) {
                    out.append("  #\(d.index) \(d.call)")
                    out.append(contentsOf: sideBySide(d.expected, d.actual).map { "    " + $0 })
                    if !d.note.isEmpty && !d.actual.contains(d.note) { out.append("    note: \(d.note)") }
                }
                if sc.differences.count > limitPerScenario {
                    out.append("  ... \(sc.differences.count - limitPerScenario) more differences in this scenario")
                }
            }
        }
        return out.joined(separator: "\n")
    }

    /// The calls counted under 'types': CPython's TypeError and why Swift cannot express the call.
    public func ruledOutText() -> String {
        areas.flatMap { a in
            a.scenarios.flatMap { sc in
                sc.steps.filter { $0.verdict == .ruledOutByTypes }.map { "  \(a.area).\(sc.name) #\($0.index) \($0.call): \($0.expected) — Swift: \($0.note)" }
            }
        }.joined(separator: "\n")
    }

    func sideBySide(_ expected: String, _ actual: String, width: Int = 58) -> [String] {
        if expected.count <= width && actual.count <= width {
            return [pad("expected (CPython)", width) + " | actual (PySocket)", pad(expected, width) + " | " + actual]
        }
        return ["expected (CPython): \(expected)", "actual   (PySocket): \(actual)"]
    }

    // MARK: coverage

    /// Python names the traces use, by target ("sk" for the module, "socket" for socket objects).
    public func exercised() -> (module: Set<String>, socket: Set<String>) {
        var module = Set<String>(), sock = Set<String>()
        for t in traces where !t.asyncio {
            for sc in t.scenarios {
                for e in sc.events {
                    switch e {
                    case .call(let target, let name, _, _, _, _): if target == "sk" { module.insert(name) } else { sock.insert(name) }
                    case .get(let target, let name, _): if target == "sk" { module.insert(name) } else { sock.insert(name) }
                    default: break
                    }
                }
            }
        }
        return (module, sock)
    }

    /// Public CPython names no trace exercises, and exercised names the table cannot call.
    public func coverageText() -> String {
        guard let names else { return "API coverage: names.json not found next to the traces." }
        let (module, sock) = exercised()
        let unexercisedModule = names.module.filter { !module.contains($0) }
        let unexercisedSocket = names.socketMethods.filter { !sock.contains($0) }
        let unboundModule = names.module.filter { module.contains($0) && !table.moduleNames.contains($0) }
        let unboundSocket = names.socketMethods.filter { sock.contains($0) && !table.socketNames.contains($0) }
        var out: [String] = []
        let constantNames = Set(names.constants)
        let functions = unexercisedModule.filter { !constantNames.contains($0) }
        let constants = unexercisedModule.filter { constantNames.contains($0) }
        out.append("API coverage: \(names.module.count - unexercisedModule.count)/\(names.module.count) public module names and \(names.socketMethods.count - unexercisedSocket.count)/\(names.socketMethods.count) socket methods are exercised by the traces.")
        out.append("  module functions/classes no trace exercises (\(functions.count)): \(functions.joined(separator: " "))")
        out.append("  socket methods no trace exercises (\(unexercisedSocket.count)): \(unexercisedSocket.joined(separator: " "))")
        out.append("  constants no trace reads (\(constants.count)): \(constants.joined(separator: " "))")
        if !unboundModule.isEmpty || !unboundSocket.isEmpty {
            out.append("  exercised but missing from PySocket's name table: \((unboundModule.map { "socket.\($0)" } + unboundSocket.map { "socket.socket.\($0)" }).joined(separator: " "))")
        }
        return out.joined(separator: "\n")
    }

    // MARK: HTML

    public func html() -> String {
        var h = """
        <!doctype html><html><head><meta charset="utf-8"><title>PySocket conformance</title><style>
        body{font:14px/1.4 -apple-system,system-ui,sans-serif;margin:2em;color:#222}
        table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}
        td:first-child,th:first-child{text-align:left}tr.bad td{background:#fde2e2}tr.good td{background:#e5f6e5}
        tr.total td{font-weight:bold}.diff{border:1px solid #e99;margin:.6em 0;padding:.4em .8em;background:#fff6f6}
        .call{font-family:monospace;font-weight:bold}.cols{display:grid;grid-template-columns:1fr 1fr;gap:1em}
        pre{white-space:pre-wrap;margin:.2em 0;font-size:13px}.exp{background:#eef6ee}.act{background:#fbeaea}
        h3{margin-bottom:.2em}.note{color:#777}
        </style></head><body><h1>PySocket conformance</h1>
        """
        h += "<p>Traces captured with CPython \(esc(Set(areas.map(\.python)).sorted().joined(separator: ", "))), replayed against PySocket.</p>"
        h += "<table><tr><th>area</th><th>scenarios</th><th>calls</th><th>matched</th><th>types</th><th>differed</th></tr>"
        for a in areas {
            h += "<tr class=\"\(a.differed > 0 ? "bad" : "good")\"><td><a href=\"#\(a.area)\">\(esc(a.area))</a></td><td>\(a.scenarios.count)</td><td>\(a.calls)</td><td>\(a.matched)</td><td>\(a.ruledOut)</td><td>\(a.differed)</td></tr>"
        }
        h += "<tr class=\"total\"><td>total</td><td>\(areas.reduce(0) { $0 + $1.scenarios.count })</td><td>\(areas.reduce(0) { $0 + $1.calls })</td><td>\(areas.reduce(0) { $0 + $1.matched })</td><td>\(areas.reduce(0) { $0 + $1.ruledOut })</td><td>\(differed)</td></tr></table>"
        h += "<p class=\"note\">'types': CPython raised TypeError for arguments that Swift's types rule out.</p>"
        for a in areas {
            h += "<h2 id=\"\(a.area)\">\(esc(a.area))</h2>"
            for sc in a.scenarios {
                let d = sc.differences
                h += "<h3>\(d.isEmpty ? "✓" : "✗") \(esc(sc.name)) <span class=\"note\">\(sc.steps.count) calls, \(d.count) differ — \(esc(sc.doc))</span></h3>"
                for step in d {
                    h += "<div class=\"diff\"><div class=\"call\">#\(step.index) \(esc(step.call))</div><div class=\"cols\">"
                    h += "<div><div class=\"note\">expected (CPython)</div><pre class=\"exp\">\(esc(step.expected))</pre></div>"
                    h += "<div><div class=\"note\">actual (PySocket)</div><pre class=\"act\">\(esc(step.actual))</pre></div></div>"
                    if !step.note.isEmpty { h += "<div class=\"note\">\(esc(step.note))</div>" }
                    h += "</div>"
                }
            }
        }
        h += "<h2>API coverage</h2><pre>\(esc(coverageText()))</pre></body></html>\n"
        return h
    }
}

func esc(_ s: String) -> String {
    var out = ""
    for c in s {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(c)
        }
    }
    return out
}

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
func fmt(_ d: Double) -> String {
    let hundredths = Int((d * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}
