// Helpers of the PyBuiltins tests: one value's str/repr/type, and what a print call writes.
import PyBuiltins
import PySocket
import Testing

/// Checks `str(value)`, `repr(value)`, `type(value).__name__` and `str(type(value))`.
func check<T>(
    _ value: T, str expectedStr: String, repr expectedRepr: String, type expectedType: String, class expectedClass: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(str(value) == expectedStr, sourceLocation: sourceLocation)
    #expect(repr(value) == expectedRepr, sourceLocation: sourceLocation)
    #expect(type(value).__name__ == expectedType, sourceLocation: sourceLocation)
    #expect(str(type(value)) == expectedClass, sourceLocation: sourceLocation)
}

/// What `body` writes to `sys.stdout`, captured with `sys.$stdout.withValue`.
func printed(_ body: () -> Void) -> String {
    let buffer = io.StringIO()
    sys.$stdout.withValue(buffer) { body() }
    return buffer.getvalue()
}

/// Checks that `body` prints exactly `expected`.
func expectPrinted(_ expected: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () -> Void) {
    #expect(printed(body) == expected, sourceLocation: sourceLocation)
}

/// Checks that `body` returns a value whose repr is `expected`, or raises a Python exception
/// that CPython would print as `expected` (`ClassName: str(e)`).
func expectOutcome<T>(_ expected: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T) {
    let outcome: String
    do {
        outcome = repr(try body())
    } catch let error as BaseException {
        outcome = type(error).__name__ + ": " + str(error)
    } catch {
        outcome = "non-Python error: \(error)"
    }
    #expect(outcome == expected, sourceLocation: sourceLocation)
}
