// `handling(e) { ... }`: an `except` block whose raised exceptions get `e` as their `__context__`, as Python's raise gives them.
import PySocket

/// `except E as e: <body>`: runs `body`, the code of an `except` block, and gives every
/// exception thrown out of it that has no `__context__` yet the handled `error` as its
/// context, as Python's `raise` does by itself inside an `except` block (Swift's `throw`
/// cannot know which error is being handled). `raise X from None` (`.from(nil)`) still
/// suppresses it, and re-raising `error` itself leaves it as it is.
///
/// ```swift
/// do { try s.connect(address) } catch let e as OSError {
///     try handling(e) { throw RuntimeError("cannot reach the server") }  // __context__ is e
/// }
/// ```
///
/// Python: the implicit `__context__` of an exception raised in an `except` block.
///
/// Differs from CPython: explicit; an exception that already has a context (one raised in a
/// nested handler) keeps it, as in Python, and so does one whose context was set by hand.
public func handling<Result>(_ error: any Error, _ body: () throws -> Result) throws -> Result {
    // An error caught inside an outer handler's block was raised while that one was handled.
    if let outer = Handled.error, let inner = error as? BaseException, inner.__context__ == nil,
       inner !== (outer as? BaseException) {
        inner.__context__ = outer
    }
    do {
        return try Handled.$error.withValue(error) { try body() }
    } catch let raised as BaseException {
        if raised !== (error as? BaseException), raised.__context__ == nil {
            raised.__context__ = error
        }
        throw raised
    }
}

/// The error whose `except` block (`handling`) is running on this thread or task.
private enum Handled {
    @TaskLocal static var error: (any Error)?
}
