// Replays every committed CPython trace against PySocket: any difference fails the test.
import ConformanceKit
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Areas whose Swift API is still being written: replayed and reported, but not asserted.
/// The one place to edit as the API completes; an empty set means every trace must match.
let pendingAreas: Set<String> = []

let traces: [Trace] = {
    guard let root = Paths.packageRoot(from: #filePath) else { return [] }
    return (try? Trace.loadAll(from: Paths.traces(root: root))) ?? []
}()

@Suite(.fdBalanced) struct Conformance {
    @Test func tracesAreCommitted() {
        #expect(traces.count >= 11, "Conformance/traces/<platform> should hold one trace per area")
        #expect(traces.reduce(0) { $0 + $1.scenarios.count } >= 150)
    }

    /// Each area replays in a child process of its own: the traces call
    /// `socket.setdefaulttimeout`, which is process-global (as in Python), and must not reach
    /// the tests running in parallel in this process. The child reports each difference as an
    /// issue and exits non-zero if any.
    /// Every area: an asyncio trace is one area per event-loop backend (`asyncio_epoll`).
    static let areas: [String] = traces.flatMap { t in
        t.asyncio ? Replayer.backends.map { Replayer.areaName(t, $0) } : [t.area]
    }

    @Test(arguments: Conformance.areas)
    func replay(area: String) async {
        await #expect(processExitsWith: .success) { [area] in
            // Exactly: `asyncio_streams_epoll` is the asyncio_streams trace, not the asyncio one.
            guard let trace = traces.first(where: { t in
                t.area == area || (t.asyncio && Replayer.backends.contains { Replayer.areaName(t, $0) == area })
            }) else {
                Issue.record("no trace for area \(area)")
                exit(2)
            }
            let backend = Replayer.backends.first { Replayer.areaName(trace, $0) == area }
            let result = backend.map { Replayer().replay(trace, backend: $0) } ?? Replayer().replay(trace)
            let report = Report(areas: [result], names: nil, table: NameTable.standard(), traces: [trace])
            if pendingAreas.contains(area) { exit(0) }
            if result.differed != 0 || result.calls == 0 {
                Issue.record("\(result.differed) differences:\n\(report.differencesText(limitPerScenario: Int.max))")
                exit(1)
            }
        }
    }
}
