// Python's context-manager protocol for a program's own classes: __enter__/__exit__, and `with` over them.
import PySocket

/// A class of the program that Python uses in a `with` statement: it has `__enter__` and
/// `__exit__`, and `try Connection(sock).with { c in ... }` is Python's `with Connection(sock) as
/// c:`.
///
/// Python: the context-manager protocol (`contextlib.AbstractContextManager`).
public protocol ContextManager {
    /// What `__enter__` returns: the value `as c` names (usually the object itself).
    associatedtype Entered

    /// `obj.__enter__()`: runs when the `with` block starts; its result is the block's `as` value.
    ///
    /// Python: `object.__enter__`.
    func __enter__() throws -> Entered

    /// `obj.__exit__(exc_type, exc, tb)`: runs when the `with` block ends, with the exception's
    /// class and the exception (both nil when the block ended normally; `tb` is always nil).
    /// Returning true suppresses the exception.
    ///
    /// Python: `object.__exit__`.
    func __exit__(_ exc_type: PyType?, _ exc: (any Error)?, _ tb: Any?) throws -> Bool
}

extension ContextManager {
    /// `with obj as value: ...`: calls `__enter__`, runs `body` with its result, then
    /// `__exit__` however the body ends; an error the body throws goes to `__exit__` and is
    /// thrown on unless `__exit__` returns true; an error `__exit__` throws replaces it.
    ///
    /// Python: the `with` statement.
    public func with(_ body: (Entered) throws -> Void) throws {
        let value = try __enter__()
        do {
            try body(value)
        } catch {
            if try __exit__(type(error), error, nil) { return }
            throw error
        }
        _ = try __exit__(nil, nil, nil)
    }

    /// `with obj as value: return ...`: as `with(_:)`, for a block that returns a value (a
    /// Python function that returns from inside its `with`).
    ///
    /// Python: the `with` statement.
    ///
    /// Differs from CPython: a block that returns a value cannot have its exception suppressed
    /// (there is no value to go on with): the exception is thrown even when `__exit__` returns true.
    @_disfavoredOverload
    public func with<Result>(_ body: (Entered) throws -> Result) throws -> Result {
        let value = try __enter__()
        let result: Result
        do {
            result = try body(value)
        } catch {
            _ = try __exit__(type(error), error, nil)
            throw error
        }
        _ = try __exit__(nil, nil, nil)
        return result
    }
}
