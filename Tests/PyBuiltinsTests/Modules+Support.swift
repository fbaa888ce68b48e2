// Helpers of the generated argparse/namedtuple cases: a parser whose exit throws, and a named tuple.
import Glibc
import PyBuiltins
import PySocket

/// `Point = collections.namedtuple("Point", "x y")`, as the generated cases' Python side defines it.
struct Point: namedtuple, Equatable {
    var x: Int
    var y: Int
}

/// What `exit(status)` raised in place of ending the process.
private struct Exited: Error {
    let status: Int
}

/// An ArgumentParser whose `exit` throws (as CPython's raises SystemExit), so that a test sees the status.
private final class TestParser: argparse.ArgumentParser, @unchecked Sendable {
    override func exit(_ status: Int = 0, _ message: String? = nil) throws -> Never {
        if let message { sys.stderr.write(message) }
        throw Exited(status: status)
    }
}

/// `argparse_outcome(argv, build)` of scripts/gen_format_tests.py: builds a parser named `client`,
/// parses `argv` and gives `OK <namespace>`, `EXIT <status> <stdout> <stderr>` (reprs) or
/// `ArgumentError: <message>`; the help is formatted for 80 columns, as the capture's.
func argparseOutcome(
    _ argv: [String], description: String? = nil, exit_on_error: Bool = true,
    _ build: (argparse.ArgumentParser) throws -> Void
) throws -> String {
    setenv("COLUMNS", "80", 1)
    let parser = TestParser(prog: "client", description: description, exit_on_error: exit_on_error)
    try build(parser)
    let out = io.StringIO(), err = io.StringIO()
    do {
        let namespace = try sys.$stdout.withValue(out) { try sys.$stderr.withValue(err) { try parser.parse_args(argv) } }
        return "OK " + repr(namespace)
    } catch let exited as Exited {
        return "EXIT \(exited.status) \(repr(out.getvalue())) \(repr(err.getvalue()))"
    }
}
