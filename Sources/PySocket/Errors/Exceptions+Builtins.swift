// Python's built-in exceptions a ported program raises or catches beyond socket's own: RuntimeError, AttributeError, KeyError...

/// `RuntimeError(*args)`: an error that fits no other class, raised by programs and by asyncio.
///
/// Python: `RuntimeError`.
open class RuntimeError: Exception, @unchecked Sendable {}

/// `NotImplementedError(*args)`: an operation a class does not provide (yet).
///
/// Python: `NotImplementedError`.
open class NotImplementedError: RuntimeError, @unchecked Sendable {}

/// `AttributeError(*args)`: a name an object or module does not have, as `getattr(socket.self,
/// "NOPE")` raises.
///
/// Python: `AttributeError`.
open class AttributeError: Exception, @unchecked Sendable {}

/// `KeyError(key)`: a mapping key that is not present; `str(e)` is the key's repr, as in CPython.
///
/// Python: `KeyError`.
open class KeyError: LookupError, @unchecked Sendable {
    /// `str(e)`: the repr of the key (`'x'`) for one argument, as `BaseException` otherwise.
    ///
    /// Python: `KeyError.__str__`.
    open override var description: String {
        let args = self.args
        return args.count == 1 ? args[0].debugDescription : super.description
    }
}

/// `ZeroDivisionError(*args)`: division or modulo by zero.
///
/// Python: `ZeroDivisionError`.
open class ZeroDivisionError: ArithmeticError, @unchecked Sendable {}

/// `EOFError(*args)`: input ended before the data expected; the base of asyncio's `IncompleteReadError`.
///
/// Python: `EOFError`.
open class EOFError: Exception, @unchecked Sendable {}

/// `AssertionError(*args)`: an `assert` statement whose condition was false.
///
/// Python: `AssertionError`.
open class AssertionError: Exception, @unchecked Sendable {}
