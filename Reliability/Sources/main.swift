// `reliability`: the checks of scripts/reliability (issue 15), one subcommand each, printing table rows.
import Glibc
import PySocket

let arguments = Array(CommandLine.arguments.dropFirst())

/// The integer after `--name` on the command line, or `fallback`.
func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: "--" + name), index + 1 < arguments.count,
          let value = Int(arguments[index + 1]) else { return fallback }
    return value
}

/// The text after `--name` on the command line, or `fallback`.
func textOption(_ name: String, _ fallback: String) -> String {
    guard let index = arguments.firstIndex(of: "--" + name), index + 1 < arguments.count else { return fallback }
    return arguments[index + 1]
}

let usage = """
    usage: reliability churn [--pairs N] [--connections N]
           reliability errors [--count N] [--expected FILE]
           reliability emfile [--count N] [--expected FILE]
           reliability sigpipe
           reliability hostile [--rounds N] [--expected FILE]
           reliability race [--rounds N]
           reliability storm [--milliseconds N] [--timeouts N] [--never-early-only]
           reliability storm-timeouts [--trials N] [--never-early-only] [--realtime]
           reliability precision [--trials N] [--never-early-only] [--realtime]
           reliability faults [--transfers N] [--expected FILE] [--never-early-only]   (in namespace A of scripts/faults)
    """

do {
    switch arguments.first {
    case "churn":
        try churn(pairs: option("pairs", 1_000_000), connections: option("connections", 100_000))
    case "errors":
        try errorPaths(count: option("count", 10_000), expected: textOption("expected", "Reliability/expected-errors.tsv"))
    case "emfile":
        try descriptorLimitPaths(count: option("count", 10_000), expected: textOption("expected", "Reliability/expected-errors.tsv"))
    case "storm":
        installStormHandler()
        let seconds = Double(option("milliseconds", 3000)) / 1000
        try socket.$interface.withValue(stormInterface) {
            try stormReads(seconds: seconds)
            try stormWrites(seconds: seconds)
            try stormConnections(seconds: seconds)
            try stormTimeouts(trials: option("timeouts", 20), neverEarlyOnly: arguments.contains("--never-early-only"))
        }
    case "storm-timeouts":
        // Only the 50 ms timeouts under the storm, with the bare ppoll(2) beside them
        // (`--trials N`, default 20; `--realtime` at SCHED_FIFO, root).
        if arguments.contains("--realtime") { enterRealtime("storm timeouts") }
        installStormHandler()
        try socket.$interface.withValue(stormInterface) {
            try stormTimeouts(trials: option("trials", 20), neverEarlyOnly: arguments.contains("--never-early-only"))
        }
    case "precision":
        // At a real-time priority, the scheduler of a loaded machine does not decide when the
        // waiting thread runs again: what remains is PySocket's lateness.
        if arguments.contains("--realtime") { enterRealtime("timeout precision") }
        installStormHandler()
        let trials = option("trials", 10_000)
        let assertP99 = !arguments.contains("--never-early-only")
        try socket.$interface.withValue(stormInterface) {
            try timeoutPrecision(trials: trials, storm: false, p99Limit: 2, assertP99: assertP99)
            try pollBaseline(trials: trials, storm: false)
            try pollBaseline(trials: trials, storm: false, exact: true)
            try timeoutPrecision(trials: trials, storm: true, p99Limit: 10, assertP99: assertP99)
            try pollBaseline(trials: trials, storm: true)
            try pollBaseline(trials: trials, storm: true, exact: true)
        }
    case "hostile":
        hostileInput(expected: textOption("expected", "Reliability/expected-hostile.tsv"), rounds: option("rounds", 100))
    case "faults":
        networkFaults(transfers: option("transfers", 50), expected: textOption("expected", "Reliability/expected-faults.tsv"),
                      neverEarlyOnly: arguments.contains("--never-early-only"))
    case "race":
        try race(rounds: option("rounds", 1000))
    case "hostile-case":
        hostileChild(arguments.count > 1 ? arguments[1] : "")
    case "sigpipe":
        sigpipeAll()
    case "sigpipe-control":
        sigpipeControl()
    case "sigpipe-child":
        try sigpipeChild(arguments.count > 1 ? arguments[1] : "")
    default:
        say(usage)
        exit(2)
    }
} catch {
    report("\(arguments.first ?? "?") setup", "no unexpected error", "\(type(of: error)): \(error)", false)
}
exit(failedRows == 0 ? 0 : 1)

/// `--realtime`: runs the rest at SCHED_FIFO priority 50 (root), or reports `row` failed and exits.
func enterRealtime(_ row: String) {
    var priority = sched_param(sched_priority: 50)
    guard sched_setscheduler(0, SCHED_FIFO, &priority) == 0 else {
        report("\(row) (SCHED_FIFO)", "runs at a real-time priority", "sched_setscheduler failed: errno \(Glibc.errno) (needs root)", false)
        exit(1)
    }
    testSuffix = " (SCHED_FIFO)"
}
