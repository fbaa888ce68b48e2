// PyBuiltins' print, str, repr and type compile and win in a file that also imports Glibc.
import Glibc
import PyBuiltins
import PySocket
import Testing

@Suite("Beside import Glibc")
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
}
