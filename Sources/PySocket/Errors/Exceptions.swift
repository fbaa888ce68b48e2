// Python's built-in exception tree as Swift error classes, and `socket.error`/`timeout`/`gaierror`/`herror`.
import Synchronization

/// `BaseException(*args)`: the root of Python's exception tree: `print(e)` is `str(e)` and `String(reflecting: e)` is `repr(e)`.
///
/// Python: `BaseException`. C: none (CPython's `Objects/exceptions.c`).
///
/// Every class keeps the arguments it was constructed with; the Python attributes (`errno`,
/// `strerror`, `filename`...) are read from them, as CPython's `__init__` does.
///
/// Differs from CPython: `type(of: e)` names the class (`ConnectionRefusedError`), not
/// `type(e).__name__`; arguments are `BaseException.Argument` values rather than any object.
open class BaseException: Error, CustomStringConvertible, CustomDebugStringConvertible, @unchecked Sendable {
    /// `e.args[i]`: one constructor argument, a Python value printed as CPython prints it.
    ///
    /// Python: an element of `BaseException.args`.
    public enum Argument: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
        ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
        ExpressibleByArrayLiteral
    {
        /// `None`: Python's `None`.
        ///
        /// Python: `None`.
        case none
        /// `True` or `False`: a Python `bool`.
        ///
        /// Python: `bool`.
        case bool(Bool)
        /// `123`: a Python `int`.
        ///
        /// Python: `int`.
        case int(Int)
        /// `'text'`: a Python `str`.
        ///
        /// Python: `str`.
        case str(String)
        /// `b'bytes'`: a Python `bytes` value.
        ///
        /// Python: `bytes`.
        case bytes([UInt8])
        /// `[a, b]`: a Python `list`.
        ///
        /// Python: `list`.
        case list([Argument])
        /// `ConnectionRefusedError(111, 'Connection refused')`: an exception (or any Swift error), as `ExceptionGroup` holds them.
        ///
        /// Python: `BaseException`.
        case error(any Error)

        /// `'text'`: a string literal is a `str` argument.
        ///
        /// Python: `str`.
        public init(stringLiteral value: String) { self = .str(value) }
        /// `123`: an integer literal is an `int` argument.
        ///
        /// Python: `int`.
        public init(integerLiteral value: Int) { self = .int(value) }
        /// `True`: a Boolean literal is a `bool` argument.
        ///
        /// Python: `bool`.
        public init(booleanLiteral value: Bool) { self = .bool(value) }
        /// `[a, b]`: an array literal is a `list` argument.
        ///
        /// Python: `list`.
        public init(arrayLiteral elements: Argument...) { self = .list(elements) }

        /// `str(value)`: the text `print(value)` shows.
        ///
        /// Python: `object.__str__`.
        public var description: String {
            switch self {
            case .str(let string): return string
            case .error(let error): return String(describing: error)
            default: return debugDescription
            }
        }

        /// `repr(value)`: the text `repr(value)` shows.
        ///
        /// Python: `object.__repr__`.
        public var debugDescription: String {
            switch self {
            case .none: return "None"
            case .bool(let flag): return flag ? "True" : "False"
            case .int(let number): return String(number)
            case .str(let string): return pythonRepr(string)
            case .bytes(let value): return pythonRepr(bytes: value)
            case .list(let items): return "[" + items.map(\.debugDescription).joined(separator: ", ") + "]"
            case .error(let error): return String(reflecting: error)
            }
        }

        /// `a == b`: equal by value, and by identity for exceptions, as in Python.
        ///
        /// Python: `object.__eq__`.
        public static func == (lhs: Argument, rhs: Argument) -> Bool {
            switch (lhs, rhs) {
            case (.none, .none): return true
            case (.bool(let a), .bool(let b)): return a == b
            case (.int(let a), .int(let b)): return a == b
            case (.str(let a), .str(let b)): return a == b
            case (.bytes(let a), .bytes(let b)): return a == b
            case (.list(let a), .list(let b)): return a == b
            case (.error(let a), .error(let b)):
                guard let a = a as? BaseException, let b = b as? BaseException else { return false }
                return a === b
            default: return false
            }
        }
    }

    /// The arguments exactly as the constructor received them.
    let arguments: [Argument]

    /// `BaseException(*args)`: creates the exception from its positional arguments, as Python's constructor does.
    ///
    /// Python: `BaseException(*args)`.
    public required init(args: [Argument]) {
        self.arguments = args
    }

    /// `BaseException(*args)`: creates the exception from its positional arguments: `ValueError("bad")`, `OSError(1, 2, 3)`.
    ///
    /// Python: `BaseException(*args)`.
    public convenience init(_ args: Argument...) {
        self.init(args: args)
    }

    /// `BaseException(message)`: creates the exception with one `str` argument, the common `raise ValueError("...")`.
    ///
    /// Python: `BaseException(message)`.
    public convenience init(_ message: String) {
        self.init(args: [.str(message)])
    }

    /// `e.args`: the arguments as a Python tuple: prints `('msg',)`, compares with an array literal
    /// (`e.args == ["msg"]`), indexes and iterates like one.
    ///
    /// Python: `tuple`, the type of `BaseException.args`.
    public struct Args: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral,
        CustomStringConvertible, CustomDebugStringConvertible
    {
        /// The arguments in order.
        ///
        /// Python: `list(e.args)`. C: none.
        public var elements: [Argument]

        /// `tuple(items)`: a tuple of these arguments.
        ///
        /// Python: `tuple(iterable)`.
        public init(_ elements: [Argument]) { self.elements = elements }

        /// `(a, b)`: an array literal is a tuple of arguments.
        ///
        /// Python: a tuple display.
        public init(arrayLiteral elements: Argument...) { self.elements = elements }

        /// `0`: the first position.
        ///
        /// Python: none (tuples index from 0).
        public var startIndex: Int { elements.startIndex }

        /// `len(args)`: one past the last position.
        ///
        /// Python: `len(tuple)`.
        public var endIndex: Int { elements.endIndex }

        /// `args[i]`: the argument at `i`.
        ///
        /// Python: `tuple[i]`.
        public subscript(position: Int) -> Argument { elements[position] }

        /// `str(args)`: `()`, `('msg',)`, `(111, 'Connection refused')`: Python's tuple repr.
        ///
        /// Python: `tuple.__repr__`.
        public var description: String {
            let items = elements.map(\.debugDescription)
            return "(" + items.joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        }

        /// `repr(args)`: the same text as `str(args)`.
        ///
        /// Python: `tuple.__repr__`.
        public var debugDescription: String { description }
    }

    /// `e.args`: the arguments Python keeps (OSError drops `filename` and `filename2` from them), as a
    /// tuple that prints as Python's: `('msg',)`.
    ///
    /// Python: `BaseException.args`.
    open var args: Args { Args(arguments) }

    /// `raise ... from cause` / implicit chaining: `__cause__`, `__context__`, `__suppress_context__`.
    private let chain = ChainBox()

    /// `e.__cause__`: the exception this one was raised `from` (`raise X from Y`), nil for `None`.
    ///
    /// Python: `BaseException.__cause__`.
    public var __cause__: (any Error)? {
        get { chain.lock.withLock { $0.cause } }
        set { chain.lock.withLock { $0.cause = newValue; $0.suppressContext = true } }
    }

    /// `e.__context__`: the exception being handled when this one was raised (Python records it by itself;
    /// in Swift the code that raises sets it, as PySocket's own functions do).
    ///
    /// Python: `BaseException.__context__`.
    public var __context__: (any Error)? {
        get { chain.lock.withLock { $0.context } }
        set { chain.lock.withLock { $0.context = newValue } }
    }

    /// `e.__suppress_context__`: true once a cause was set (`raise X from Y`, `raise X from None`): a traceback then
    /// shows the cause, not the context.
    ///
    /// Python: `BaseException.__suppress_context__`.
    public var __suppress_context__: Bool {
        get { chain.lock.withLock { $0.suppressContext } }
        set { chain.lock.withLock { $0.suppressContext = newValue } }
    }

    /// `raise self from cause`: sets `__cause__` (nil is Python's `from None`) and `__suppress_context__`, and returns
    /// the exception to throw: `throw ValueError("bad").from(error)`.
    ///
    /// Python: `raise exc from cause`.
    @discardableResult
    public func from(_ cause: (any Error)?) -> Self {
        __cause__ = cause
        return self
    }

    /// `e.context(handled)`: records the exception that was being handled, as Python's `raise` inside an `except`
    /// block does, and returns the exception to throw.
    ///
    /// Python: the implicit `__context__` of `raise` in an `except` block.
    @discardableResult
    public func context(_ context: (any Error)?) -> Self {
        __context__ = context
        return self
    }

    /// `str(e)`: nothing for no argument, `str(arg)` for one, the tuple's repr for more.
    ///
    /// Python: `BaseException.__str__`.
    open var description: String {
        let args = self.args
        switch args.count {
        case 0: return ""
        case 1: return args[0].description
        default: return "(" + args.map(\.debugDescription).joined(separator: ", ") + ")"
        }
    }

    /// `repr(e)`: the class name followed by the reprs of `args`, e.g. `ValueError('x')`.
    ///
    /// Python: `BaseException.__repr__`.
    open var debugDescription: String {
        String(describing: type(of: self)) + "(" + args.map(\.debugDescription).joined(separator: ", ") + ")"
    }
}

/// `Exception(*args)`: the base of all non-exit exceptions; `catch let e as Exception` is `except Exception as e`.
///
/// Python: `Exception`.
open class Exception: BaseException, @unchecked Sendable {}


/// `ArithmeticError(*args)`: the base of the arithmetic errors.
///
/// Python: `ArithmeticError`.
open class ArithmeticError: Exception, @unchecked Sendable {}

/// `OverflowError(*args)`: a number too large for its C type, such as a port above 65535.
///
/// Python: `OverflowError`.
open class OverflowError: ArithmeticError, @unchecked Sendable {}

/// `ValueError(*args)`: an argument of the right type with a wrong value.
///
/// Python: `ValueError`.
open class ValueError: Exception, @unchecked Sendable {}

/// `UnicodeError(*args)`: a Unicode encoding or decoding failure.
///
/// Python: `UnicodeError`.
open class UnicodeError: ValueError, @unchecked Sendable {}

/// `UnicodeDecodeError(encoding, object, start, end, reason)`: bytes that are not valid in the codec, as `bytes.decode` raises it.
///
/// Python: `UnicodeDecodeError`.
open class UnicodeDecodeError: UnicodeError, @unchecked Sendable {
    /// `e.encoding`: the codec's name.
    ///
    /// Python: `UnicodeDecodeError.encoding`. C: none.
    public var encoding: String { if args.count == 5, case .str(let value) = args[0] { return value }; return "" }

    /// `e.object`: the bytes being decoded.
    ///
    /// Python: `UnicodeDecodeError.object`. C: none.
    public var object: bytes { if args.count == 5, case .bytes(let value) = args[1] { return bytes(value) }; return bytes() }

    /// `e.start`: the position of the first byte that could not be decoded.
    ///
    /// Python: `UnicodeDecodeError.start`. C: none.
    public var start: Int { if args.count == 5, case .int(let value) = args[2] { return value }; return 0 }

    /// `e.end`: one past the position of the last byte that could not be decoded.
    ///
    /// Python: `UnicodeDecodeError.end`. C: none.
    public var end: Int { if args.count == 5, case .int(let value) = args[3] { return value }; return 0 }

    /// `e.reason`: why, such as `invalid start byte`.
    ///
    /// Python: `UnicodeDecodeError.reason`. C: none.
    public var reason: String { if args.count == 5, case .str(let value) = args[4] { return value }; return "" }

    /// `str(e)`: `'utf-8' codec can't decode byte 0xff in position 0: invalid start byte`.
    ///
    /// Python: `UnicodeDecodeError.__str__`. C: none.
    open override var description: String {
        guard args.count == 5, case .str(let encoding) = args[0], case .bytes(let object) = args[1],
              case .int(let start) = args[2], case .int(let end) = args[3], case .str(let reason) = args[4],
              start >= 0, start < object.count else { return super.description }
        let what = end - start == 1
            ? "byte 0x" + String(repeating: "0", count: object[start] < 16 ? 1 : 0) + String(object[start], radix: 16)
                + " in position \(start)"
            : "bytes in position \(start)-\(end - 1)"
        return "'\(encoding)' codec can't decode \(what): \(reason)"
    }
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)`: characters the codec cannot represent, as `str.encode` raises it.
///
/// Python: `UnicodeEncodeError`.
open class UnicodeEncodeError: UnicodeError, @unchecked Sendable {
    /// `e.encoding`: the codec's name.
    ///
    /// Python: `UnicodeEncodeError.encoding`. C: none.
    public var encoding: String { if args.count == 5, case .str(let value) = args[0] { return value }; return "" }

    /// `e.object`: the string being encoded.
    ///
    /// Python: `UnicodeEncodeError.object`. C: none.
    public var object: String { if args.count == 5, case .str(let value) = args[1] { return value }; return "" }

    /// `e.start`: the position of the first character that could not be encoded.
    ///
    /// Python: `UnicodeEncodeError.start`. C: none.
    public var start: Int { if args.count == 5, case .int(let value) = args[2] { return value }; return 0 }

    /// `e.end`: one past the position of the last character that could not be encoded.
    ///
    /// Python: `UnicodeEncodeError.end`. C: none.
    public var end: Int { if args.count == 5, case .int(let value) = args[3] { return value }; return 0 }

    /// `e.reason`: why, such as `ordinal not in range(128)`.
    ///
    /// Python: `UnicodeEncodeError.reason`. C: none.
    public var reason: String { if args.count == 5, case .str(let value) = args[4] { return value }; return "" }

    /// `str(e)`: `'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)`.
    ///
    /// Python: `UnicodeEncodeError.__str__`. C: none.
    open override var description: String {
        guard args.count == 5, case .str(let encoding) = args[0], case .str(let object) = args[1],
              case .int(let start) = args[2], case .int(let end) = args[3], case .str(let reason) = args[4]
        else { return super.description }
        let scalars = Array(object.unicodeScalars)
        let what = end == start + 1 && start >= 0 && start < scalars.count
            ? "character '\(escapedScalar(scalars[start].value))' in position \(start)"
            : "characters in position \(start)-\(end - 1)"
        return "'\(encoding)' codec can't encode \(what): \(reason)"
    }
}

/// `LookupError(*args)`: the base of IndexError and KeyError; also raised for an unknown codec or error handler.
///
/// Python: `LookupError`.
open class LookupError: Exception, @unchecked Sendable {}

/// `IndexError(*args)`: a sequence index out of range, such as `addr[5]`.
///
/// Python: `IndexError`.
open class IndexError: LookupError, @unchecked Sendable {}

/// `TypeError(*args)`: an argument of the wrong type that the Swift types could not rule out.
///
/// Python: `TypeError`.
open class TypeError: Exception, @unchecked Sendable {}

/// `MemoryError(*args)`: raised when an operation runs out of memory (a receive buffer no
/// machine can allocate).
///
/// Python: `MemoryError`.
open class MemoryError: Exception, @unchecked Sendable {}

/// `ExceptionGroup(message, exceptions)`: several exceptions raised together, as `create_connection(..., all_errors=True)` does.
///
/// Python: `ExceptionGroup`.
///
/// Differs from CPython: it derives from `Exception` only (Swift has no multiple inheritance,
/// so there is no `BaseExceptionGroup` to catch), and an empty `exceptions` is not rejected.
open class ExceptionGroup: Exception, @unchecked Sendable {
    /// `ExceptionGroup(message, exceptions)`: groups `exceptions` under `message`.
    ///
    /// Python: `ExceptionGroup(message, exceptions)`.
    public convenience init(_ message: String, _ exceptions: [any Error]) {
        self.init(args: [.str(message), .list(exceptions.map { .error($0) })])
    }

    /// `eg.message`: the message the group was created with.
    ///
    /// Python: `BaseExceptionGroup.message`.
    public var message: String {
        guard case .str(let message)? = arguments.first else { return "" }
        return message
    }

    /// `eg.exceptions`: the grouped exceptions, in order.
    ///
    /// Python: `BaseExceptionGroup.exceptions`.
    public var exceptions: [any Error] {
        guard arguments.count > 1, case .list(let items) = arguments[1] else { return [] }
        return items.compactMap { item in
            if case .error(let error) = item { return error }
            return nil
        }
    }

    /// `str(eg)`: the message and the count: `create_connection failed (2 sub-exceptions)`.
    ///
    /// Python: `BaseExceptionGroup.__str__`.
    open override var description: String {
        let count = exceptions.count
        return "\(message) (\(count) sub-exception\(count == 1 ? "" : "s"))"
    }
}

/// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`: a system error: `print(e)` is `[Errno 111] Connection refused`.
///
/// Python: `OSError` (also `EnvironmentError`, `IOError`, `socket.error`). C: `errno` and `strerror(3)`.
///
/// Differs from CPython: a Swift initialiser cannot return a subclass, so `OSError(111, "...")`
/// is an `OSError`; `OSError.from(errno:)` picks `ConnectionRefusedError` as CPython's
/// constructor does. PySocket's own errors always carry the subclass.
open class OSError: Exception, @unchecked Sendable {
    /// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`: creates the error with an errno and its message, and optionally the file names involved.
    ///
    /// Python: `OSError(errno, strerror, filename, winerror, filename2)`.
    ///
    /// Differs from CPython: `winerror` is accepted for line-by-line ports and ignored, as on POSIX.
    public convenience init(
        _ errno: Int, _ strerror: String, _ filename: String? = nil,
        _ winerror: Int? = nil, _ filename2: String? = nil
    ) {
        var args: [Argument] = [.int(errno), .str(strerror)]
        if filename != nil || winerror != nil || filename2 != nil {
            args.append(filename.map { .str($0) } ?? .none)
        }
        if winerror != nil || filename2 != nil { args.append(winerror.map { .int($0) } ?? .none) }
        if let filename2 { args.append(.str(filename2)) }
        self.init(args: args)
    }

    /// What CPython's `OSError.__init__` reads from the arguments.
    private struct Fields {
        var errno: Argument?
        var strerror: Argument?
        var filename: Argument?
        var filename2: Argument?
        var charactersWritten: Int?
    }

    /// CPython's rule: 2 to 5 arguments are (errno, strerror, filename, winerror, filename2); a
    /// `filename` other than None is moved out of `args`, except that an exact BlockingIOError
    /// takes a number there as `characters_written`.
    private var fields: Fields {
        var fields = Fields()
        guard (2...5).contains(arguments.count) else { return fields }
        fields.errno = arguments[0]
        fields.strerror = arguments[1]
        let filename = arguments.count > 2 ? arguments[2] : .none
        if filename != .none {
            if type(of: self) == BlockingIOError.self, case .int(let written) = filename {
                fields.charactersWritten = written
            } else {
                fields.filename = filename
                if arguments.count > 4, arguments[4] != .none { fields.filename2 = arguments[4] }
            }
        }
        return fields
    }

    /// `e.args`: `(errno, strerror)` when a filename was given, otherwise every argument.
    ///
    /// Python: `OSError.args`.
    open override var args: Args {
        Args(fields.filename != nil ? Array(arguments.prefix(2)) : arguments)
    }

    /// `e.errno`: the error number, nil when the error was not created from one (`OSError("msg")`).
    ///
    /// Python: `OSError.errno`. C: `errno`.
    public var errno: Int? {
        guard case .int(let number)? = fields.errno else { return nil }
        return number
    }

    /// `e.strerror`: the error message that goes with `errno`.
    ///
    /// Python: `OSError.strerror`. C: `strerror(3)`.
    public var strerror: String? {
        guard case .str(let message)? = fields.strerror else { return nil }
        return message
    }

    /// `e.filename`: the file name the failing call was given, when there is one.
    ///
    /// Python: `OSError.filename`.
    public var filename: String? {
        guard case .str(let name)? = fields.filename else { return nil }
        return name
    }

    /// `e.filename2`: the second file name of a two-name call (rename, link).
    ///
    /// Python: `OSError.filename2`.
    public var filename2: String? {
        guard case .str(let name)? = fields.filename2 else { return nil }
        return name
    }

    /// `str(e)`: `[Errno N] message`, then `: 'filename'` and ` -> 'filename2'` when given.
    ///
    /// Python: `OSError.__str__`.
    open override var description: String {
        let fields = self.fields
        guard let errno = fields.errno, let strerror = fields.strerror else { return super.description }
        var text = "[Errno \(errno.description)] \(strerror.description)"
        if let filename = fields.filename {
            text += ": " + filename.debugDescription
            if let filename2 = fields.filename2 { text += " -> " + filename2.debugDescription }
        }
        return text
    }

    /// The `characters_written` of an exact BlockingIOError.
    var charactersWritten: Int? { fields.charactersWritten }
}

/// `EnvironmentError`: Python's old name for `OSError`, the same class.
///
/// Python: `EnvironmentError`.
public typealias EnvironmentError = OSError

/// `IOError`: Python's old name for `OSError`, the same class.
///
/// Python: `IOError`.
public typealias IOError = OSError

/// `BlockingIOError(errno, strerror[, characters_written])`: a non-blocking operation would block.
///
/// Python: `BlockingIOError`. C: `EAGAIN`, `EWOULDBLOCK`, `EALREADY`, `EINPROGRESS`.
open class BlockingIOError: OSError, @unchecked Sendable {
    /// `e.characters_written`: how much was written before the operation would have blocked, when known.
    ///
    /// Python: `BlockingIOError.characters_written`.
    ///
    /// Differs from CPython: nil where CPython raises AttributeError.
    public var characters_written: Int? { charactersWritten }
}

/// `ChildProcessError(errno, strerror)`: an operation on a child process failed.
///
/// Python: `ChildProcessError`. C: `ECHILD`.
open class ChildProcessError: OSError, @unchecked Sendable {}

/// `ConnectionError(errno, strerror)`: the base of the connection errors.
///
/// Python: `ConnectionError`. C: none (the base of the four below).
open class ConnectionError: OSError, @unchecked Sendable {}

/// `BrokenPipeError(errno, strerror)`: a write on a pipe or socket whose other end is closed.
///
/// Python: `BrokenPipeError`. C: `EPIPE`, `ESHUTDOWN`.
open class BrokenPipeError: ConnectionError, @unchecked Sendable {}

/// `ConnectionAbortedError(errno, strerror)`: the peer aborted the connection.
///
/// Python: `ConnectionAbortedError`. C: `ECONNABORTED`.
open class ConnectionAbortedError: ConnectionError, @unchecked Sendable {}

/// `ConnectionRefusedError(errno, strerror)`: the peer refused the connection.
///
/// Python: `ConnectionRefusedError`. C: `ECONNREFUSED`.
open class ConnectionRefusedError: ConnectionError, @unchecked Sendable {}

/// `ConnectionResetError(errno, strerror)`: the peer reset the connection.
///
/// Python: `ConnectionResetError`. C: `ECONNRESET`.
open class ConnectionResetError: ConnectionError, @unchecked Sendable {}

/// `FileExistsError(errno, strerror[, filename])`: the file or socket path already exists.
///
/// Python: `FileExistsError`. C: `EEXIST`.
open class FileExistsError: OSError, @unchecked Sendable {}

/// `FileNotFoundError(errno, strerror[, filename])`: the file or socket path does not exist.
///
/// Python: `FileNotFoundError`. C: `ENOENT`.
open class FileNotFoundError: OSError, @unchecked Sendable {}

/// `InterruptedError(errno, strerror)`: a system call was interrupted by a signal.
///
/// Python: `InterruptedError`. C: `EINTR`.
open class InterruptedError: OSError, @unchecked Sendable {}

/// `IsADirectoryError(errno, strerror[, filename])`: a file operation was given a directory.
///
/// Python: `IsADirectoryError`. C: `EISDIR`.
open class IsADirectoryError: OSError, @unchecked Sendable {}

/// `NotADirectoryError(errno, strerror[, filename])`: a directory operation was given something else.
///
/// Python: `NotADirectoryError`. C: `ENOTDIR`.
open class NotADirectoryError: OSError, @unchecked Sendable {}

/// `PermissionError(errno, strerror[, filename])`: the operation is not permitted.
///
/// Python: `PermissionError`. C: `EACCES`, `EPERM`.
open class PermissionError: OSError, @unchecked Sendable {}

/// `ProcessLookupError(errno, strerror)`: the process does not exist.
///
/// Python: `ProcessLookupError`. C: `ESRCH`.
open class ProcessLookupError: OSError, @unchecked Sendable {}

/// `TimeoutError(errno, strerror)` or `TimeoutError("timed out")`: an operation timed out, in the system (`ETIMEDOUT`) or on a socket's own timeout.
///
/// Python: `TimeoutError` (also `socket.timeout`). C: `ETIMEDOUT`.
open class TimeoutError: OSError, @unchecked Sendable {}

extension socket {
    /// `socket.error`: the same class as `OSError`, kept by Python for old code.
    ///
    /// Python: `socket.error`.
    public typealias error = OSError

    /// `socket.timeout`: the same class as `TimeoutError`, raised when a socket's timeout expires.
    ///
    /// Python: `socket.timeout`.
    public typealias timeout = TimeoutError

    /// `socket.gaierror(code, message)`: an address-resolution error: `print(e)` is `[Errno -2] Name or service not known`.
    ///
    /// Python: `socket.gaierror`. C: `getaddrinfo(3)`/`getnameinfo(3)` codes (`EAI_*`) and `gai_strerror(3)`.
    open class gaierror: OSError, @unchecked Sendable {}

    /// `socket.herror(code, message)`: a host-lookup error from the legacy resolver calls.
    ///
    /// Python: `socket.herror`. C: `h_errno` and `hstrerror(3)` (`gethostbyaddr(3)` and friends).
    open class herror: OSError, @unchecked Sendable {}
}

/// The mutable exception-chaining fields of a `BaseException`, behind a lock (exceptions are
/// shared between threads; everything else in them is immutable).
final class ChainBox: Sendable {
    struct Chain {
        var cause: (any Error)?
        var context: (any Error)?
        var suppressContext = false
    }
    let lock = Mutex(Chain())
}
