// Python's built-in exceptions a ported program raises or catches beyond socket's own: RuntimeError, AttributeError, KeyError...

/// `RuntimeError(*args)`
/// An error that fits no other class, raised by programs and by asyncio.
/// Python: `RuntimeError`.
/// C: none.
open class RuntimeError: Exception, @unchecked Sendable {}

/// `NotImplementedError(*args)`
/// An operation a class does not provide (yet).
/// Python: `NotImplementedError`.
/// C: none.
open class NotImplementedError: RuntimeError, @unchecked Sendable {}

/// `AttributeError(*args)`
/// A name an object or module does not have, as `getattr(socket.self, "NOPE")` raises.
/// Python: `AttributeError`.
/// C: none.
open class AttributeError: Exception, @unchecked Sendable {}

/// `KeyError(key)`
/// A mapping key that is not present; `str(e)` is the key's repr, as in CPython.
/// Python: `KeyError`.
/// C: none.
open class KeyError: LookupError, @unchecked Sendable {
    /// `str(e)`
    /// The repr of the key (`'x'`) for one argument, as `BaseException` otherwise.
    /// Python: `KeyError.__str__`.
    /// C: none.
    open override var description: String {
        let args = self.args
        return args.count == 1 ? args[0].debugDescription : super.description
    }
}

/// `ZeroDivisionError(*args)`
/// Division or modulo by zero.
/// Python: `ZeroDivisionError`.
/// C: none.
open class ZeroDivisionError: ArithmeticError, @unchecked Sendable {}
