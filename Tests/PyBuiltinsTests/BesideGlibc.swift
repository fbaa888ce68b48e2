// PyBuiltins' names compile and win in a file that also imports Glibc.
import Glibc
import PyBuiltins
import PySocket
import Testing
import TestSupport

@Suite("Beside import Glibc", .fdBalanced)
struct BesideGlibc {
    @Test("print, str, repr, type and len resolve to PyBuiltins beside Glibc")
    func resolves() {
        let timeout: Double? = nil
        let out = printed {
            print("ok:", true, timeout)
            print(1, 2, sep: ", ", end: ".\n")
            print("swift labels", false, separator: "|", terminator: "\n")
            print(str(false), repr("x"), type(1.5).__name__, len("héllo"))
        }
        #expect(out == "ok: True None\n1, 2.\nswift labels|False\nFalse 'x' float 5\n")
    }

    @Test("every other builtin and socket's module names resolve beside Glibc")
    func everyNameResolves() throws {
        var table: dict<Int, String> = [:]
        for name in dir(socket.self) where name.hasPrefix("SHUT_") {
            table[try getattr(socket.self, name)] = name
        }
        let values: [Any] = [
            try int("12"), try float("2.5"), bool(0), hex(255), oct(8), bin(2), try ord("a"), try chr(98),
            sorted([2, 1]), enumerate(["x"]), list(range(2)), try sum([1, 2]), table, hasattr(socket.self, "AF_INET"),
            getattr(socket.self, "NOPE", nil) as Any, len(table), len((1, 2)),
            min(1, 2), max(3, 4), list("ab"), set([1]), try max([1, 5]), any([0]), all([1]), reversed([1, 2]),
        ]
        #expect(repr(values) == "[12, 2.5, False, '0xff', '0o10', '0b10', 97, 'b', [1, 2], [(0, 'x')], [0, 1], 3, "
            + "{0: 'SHUT_RD', 2: 'SHUT_RDWR', 1: 'SHUT_WR'}, True, None, 3, 2, 1, 4, ['a', 'b'], {1}, 5, False, True, [2, 1]]")
        try time.sleep(0)
        #expect(time.monotonic() > 0 && time.time() > 0)
        let t = threading.Thread(target: {})
        try t.start()
        try t.join()
        let captured = io.StringIO()
        sys.$stderr.withValue(captured) { print("to stderr", file: sys.stderr) }
        #expect(captured.getvalue() == "to stderr\n")
    }
}
