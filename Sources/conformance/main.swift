// `swift run conformance`: replays the committed CPython traces against PySocket and prints the table and every difference.
import ConformanceKit
import Foundation

let usage = """
usage: swift run conformance [options] [area ...]

Replays every committed trace (Conformance/traces/<platform>/*.json) against PySocket, prints a
table per area and each difference with CPython's outcome and PySocket's side by side. Exits 1
on any difference. The asyncio trace replays against PySocketAsync once per event-loop backend
this machine runs (areas asyncio_io_uring, asyncio_epoll, asyncio_poll).

  --capture          first re-capture the traces with a CPython (see --python), then replay them
  --python PATH      the CPython --capture runs (default: python3)
  --out DIR          where --capture writes (default: a temporary directory; the committed traces stay)
  --traces DIR       replay the traces of DIR instead of the committed ones
  --html FILE        also write a self-contained HTML report
  --scenario NAME    only this scenario (repeatable)
  --all-diffs        show every difference (default: the first 4 per scenario)
  --show-types       list the calls counted under 'types' (TypeErrors Swift's types rule out)
  --quiet            only the table
"""

var args = Array(CommandLine.arguments.dropFirst())
var capture = false, python = "python3", out: String? = nil, tracesDir: String? = nil, htmlFile: String? = nil
var only = Set<String>(), areasWanted: [String] = [], allDiffs = false, quiet = false, showTypes = false
while !args.isEmpty {
    let a = args.removeFirst()
    func value() -> String {
        guard !args.isEmpty else { FileHandle.standardError.write("\(a) needs a value\n".data(using: .utf8)!); exit(2) }
        return args.removeFirst()
    }
    switch a {
    case "--capture": capture = true
    case "--python": python = value(); capture = true
    case "--out": out = value()
    case "--traces": tracesDir = value()
    case "--html": htmlFile = value()
    case "--scenario": only.insert(value())
    case "--all-diffs": allDiffs = true
    case "--quiet", "-q": quiet = true
    case "--show-types": showTypes = true
    case "-h", "--help": print(usage); exit(0)
    default:
        if a.hasPrefix("-") { print(usage); exit(2) }
        areasWanted.append(a)
    }
}

guard let root = Paths.packageRoot() else {
    FileHandle.standardError.write("run from inside the PySocket package (Conformance/recorder.py not found)\n".data(using: .utf8)!)
    exit(2)
}
var dir = tracesDir ?? Paths.traces(root: root)

if capture {
    let target = out ?? NSTemporaryDirectory() + "pysocket-capture-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
    print("capturing with \(python) into \(target)")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [python, root + "/Conformance/recorder.py", "--out", target] + areasWanted
    do { try p.run() } catch { print("cannot run \(python): \(error)"); exit(2) }
    p.waitUntilExit()
    if p.terminationStatus != 0 { print("capture failed (\(python) exited \(p.terminationStatus)); replaying what was written") }
    dir = target
}

let traces: [Trace]
do {
    // An asyncio trace is wanted by its own name or by one of its per-backend areas (asyncio_epoll).
    traces = try Trace.loadAll(from: dir).filter { t in
        areasWanted.isEmpty || areasWanted.contains { wanted in
            wanted == t.area || (t.asyncio && Replayer.backends.contains { Replayer.areaName(t, $0) == wanted })
        }
    }
} catch {
    print("cannot read traces in \(dir): \(error)")
    exit(2)
}
if traces.isEmpty { print("no traces in \(dir)"); exit(2) }

let replayer = Replayer()
var results: [AreaResult] = []
for t in traces {
    // An asyncio trace replays once per event-loop backend this machine runs: one area each.
    results += replayer.replayAll(t, only: only).filter { r in
        !t.asyncio || areasWanted.isEmpty || areasWanted.contains(t.area) || areasWanted.contains(r.area)
    }
}
let report = Report(areas: results, names: PublicNames.load(from: dir), table: NameTable.standard(), traces: traces)

print(report.tableText())
if !quiet {
    let diffs = report.differencesText(limitPerScenario: allDiffs ? Int.max : 4)
    if !diffs.isEmpty { print("\nDifferences:\n" + diffs) }
    if showTypes { print("\nCalls Swift's types rule out (CPython raised TypeError):\n" + report.ruledOutText()) }
    for t in traces where !t.leftOut.isEmpty {
        for l in t.leftOut { print("left out by the capture: \(t.area).\(l.name): \(l.reason)") }
    }
    print("")
    print(report.coverageText())
}
if let htmlFile {
    do {
        try report.html().write(toFile: htmlFile, atomically: true, encoding: .utf8)
        print("HTML report: \(htmlFile)")
    } catch { print("cannot write \(htmlFile): \(error)") }
}
exit(report.differed == 0 ? 0 : 1)
