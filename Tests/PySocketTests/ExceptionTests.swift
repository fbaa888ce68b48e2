// Tests of the Python exception tree, the errno -> subclass table and the `errno` namespace.
import Glibc  // proves that PySocket's `errno` namespace compiles beside Glibc's `errno` variable
import Testing
@testable import PySocket

/// `type(e).__name__` as a ported program prints it: `print(type(of: e))`.
private func typeName(_ value: Any) -> String {
    String(describing: type(of: value))
}

@Suite struct ExceptionTests {
    /// One constructed exception and what python3.13 prints for it.
    struct Printed: Sendable, CustomTestStringConvertible {
        let cls: BaseException.Type
        let args: [BaseException.Argument]
        let name: String
        let str: String
        let repr: String
        var testDescription: String { name }
    }

    // python3.13 -c "import socket
    // for c in [BaseException, Exception, ArithmeticError, OverflowError, ValueError, UnicodeError, TypeError, BlockingIOError,
    //           ChildProcessError, ConnectionError, BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError,
    //           ConnectionResetError, FileExistsError, FileNotFoundError, InterruptedError, IsADirectoryError,
    //           NotADirectoryError, PermissionError, ProcessLookupError, TimeoutError]:
    //     e = c(111, 'Connection refused'); print(type(e).__name__, str(e), repr(e), sep=' | ')"
    // (OSError and socket.gaierror/herror are below: Python's OSError(111, ...) picks the subclass.)
    static let twoArguments: [Printed] = [
        Printed(cls: BaseException.self, args: [111, "Connection refused"], name: "BaseException", str: "(111, 'Connection refused')", repr: "BaseException(111, 'Connection refused')"),
        Printed(cls: Exception.self, args: [111, "Connection refused"], name: "Exception", str: "(111, 'Connection refused')", repr: "Exception(111, 'Connection refused')"),
        Printed(cls: ArithmeticError.self, args: [111, "Connection refused"], name: "ArithmeticError", str: "(111, 'Connection refused')", repr: "ArithmeticError(111, 'Connection refused')"),
        Printed(cls: OverflowError.self, args: [111, "Connection refused"], name: "OverflowError", str: "(111, 'Connection refused')", repr: "OverflowError(111, 'Connection refused')"),
        Printed(cls: ValueError.self, args: [111, "Connection refused"], name: "ValueError", str: "(111, 'Connection refused')", repr: "ValueError(111, 'Connection refused')"),
        Printed(cls: UnicodeError.self, args: [111, "Connection refused"], name: "UnicodeError", str: "(111, 'Connection refused')", repr: "UnicodeError(111, 'Connection refused')"),
        Printed(cls: TypeError.self, args: [111, "Connection refused"], name: "TypeError", str: "(111, 'Connection refused')", repr: "TypeError(111, 'Connection refused')"),
        Printed(cls: BlockingIOError.self, args: [111, "Connection refused"], name: "BlockingIOError", str: "[Errno 111] Connection refused", repr: "BlockingIOError(111, 'Connection refused')"),
        Printed(cls: ChildProcessError.self, args: [111, "Connection refused"], name: "ChildProcessError", str: "[Errno 111] Connection refused", repr: "ChildProcessError(111, 'Connection refused')"),
        Printed(cls: ConnectionError.self, args: [111, "Connection refused"], name: "ConnectionError", str: "[Errno 111] Connection refused", repr: "ConnectionError(111, 'Connection refused')"),
        Printed(cls: BrokenPipeError.self, args: [111, "Connection refused"], name: "BrokenPipeError", str: "[Errno 111] Connection refused", repr: "BrokenPipeError(111, 'Connection refused')"),
        Printed(cls: ConnectionAbortedError.self, args: [111, "Connection refused"], name: "ConnectionAbortedError", str: "[Errno 111] Connection refused", repr: "ConnectionAbortedError(111, 'Connection refused')"),
        Printed(cls: ConnectionRefusedError.self, args: [111, "Connection refused"], name: "ConnectionRefusedError", str: "[Errno 111] Connection refused", repr: "ConnectionRefusedError(111, 'Connection refused')"),
        Printed(cls: ConnectionResetError.self, args: [111, "Connection refused"], name: "ConnectionResetError", str: "[Errno 111] Connection refused", repr: "ConnectionResetError(111, 'Connection refused')"),
        Printed(cls: FileExistsError.self, args: [111, "Connection refused"], name: "FileExistsError", str: "[Errno 111] Connection refused", repr: "FileExistsError(111, 'Connection refused')"),
        Printed(cls: FileNotFoundError.self, args: [111, "Connection refused"], name: "FileNotFoundError", str: "[Errno 111] Connection refused", repr: "FileNotFoundError(111, 'Connection refused')"),
        Printed(cls: InterruptedError.self, args: [111, "Connection refused"], name: "InterruptedError", str: "[Errno 111] Connection refused", repr: "InterruptedError(111, 'Connection refused')"),
        Printed(cls: IsADirectoryError.self, args: [111, "Connection refused"], name: "IsADirectoryError", str: "[Errno 111] Connection refused", repr: "IsADirectoryError(111, 'Connection refused')"),
        Printed(cls: NotADirectoryError.self, args: [111, "Connection refused"], name: "NotADirectoryError", str: "[Errno 111] Connection refused", repr: "NotADirectoryError(111, 'Connection refused')"),
        Printed(cls: PermissionError.self, args: [111, "Connection refused"], name: "PermissionError", str: "[Errno 111] Connection refused", repr: "PermissionError(111, 'Connection refused')"),
        Printed(cls: ProcessLookupError.self, args: [111, "Connection refused"], name: "ProcessLookupError", str: "[Errno 111] Connection refused", repr: "ProcessLookupError(111, 'Connection refused')"),
        Printed(cls: TimeoutError.self, args: [111, "Connection refused"], name: "TimeoutError", str: "[Errno 111] Connection refused", repr: "TimeoutError(111, 'Connection refused')"),
        // python3.13 -c "import socket; e = socket.gaierror(-2, 'Name or service not known'); print(type(e).__name__, str(e), repr(e), sep=' | ')"
        Printed(cls: socket.gaierror.self, args: [-2, "Name or service not known"], name: "gaierror", str: "[Errno -2] Name or service not known", repr: "gaierror(-2, 'Name or service not known')"),
        // python3.13 -c "import socket; e = socket.herror(-2, 'Name or service not known'); print(type(e).__name__, str(e), repr(e), sep=' | ')"
        Printed(cls: socket.herror.self, args: [-2, "Name or service not known"], name: "herror", str: "[Errno -2] Name or service not known", repr: "herror(-2, 'Name or service not known')"),
    ]

    @Test(arguments: twoArguments)
    func strReprAndTypeName(_ case_: Printed) {
        let e = case_.cls.init(args: case_.args)
        #expect(typeName(e) == case_.name)
        #expect(e.description == case_.str)
        #expect(String(reflecting: e) == case_.repr)
        #expect("\(e)" == case_.str)
    }

    // python3.13 -c "for e in [OSError(111, 'Connection refused'), OSError('msg'), OSError(), OSError(2, 'No such file or directory', 'x'),
    //   OSError(2, 'No such file or directory', 'x', None, 'y'), OSError(2, 'No such file or directory', None, None, 'y'),
    //   OSError(1), OSError(1, 2, 3, 4, 5, 6), OSError(None, 'x'), OSError(2, \"it's\", \"a'b\"), OSError(b'x')]:
    //   print(str(e), repr(e), e.args, e.errno, e.strerror, e.filename, e.filename2, sep=' | ')"
    // (OSError(...) in Swift stays OSError, so the repr's class name is OSError where Python's is the subclass.)
    @Test func osErrorArgumentForms() {
        let refused = OSError(111, "Connection refused")
        #expect(typeName(refused) == "OSError")
        #expect(refused.description == "[Errno 111] Connection refused")
        #expect(String(reflecting: refused) == "OSError(111, 'Connection refused')")
        #expect(refused.errno == 111)
        #expect(refused.strerror == "Connection refused")
        #expect(refused.filename == nil)
        #expect(refused.args == [111, "Connection refused"])

        let message = OSError("msg")
        #expect(message.description == "msg")
        #expect(String(reflecting: message) == "OSError('msg')")
        #expect(message.errno == nil)
        #expect(message.strerror == nil)
        #expect(message.args == ["msg"])

        let empty = OSError()
        #expect(empty.description == "")
        #expect(String(reflecting: empty) == "OSError()")
        #expect(empty.errno == nil)
        #expect(empty.args.isEmpty)

        let withFile = FileNotFoundError(2, "No such file or directory", "x")
        #expect(withFile.description == "[Errno 2] No such file or directory: 'x'")
        #expect(String(reflecting: withFile) == "FileNotFoundError(2, 'No such file or directory')")
        #expect(withFile.args == [2, "No such file or directory"])
        #expect(withFile.filename == "x")
        #expect(withFile.filename2 == nil)

        let twoFiles = OSError(2, "No such file or directory", "x", nil, "y")
        #expect(twoFiles.description == "[Errno 2] No such file or directory: 'x' -> 'y'")
        #expect(String(reflecting: twoFiles) == "OSError(2, 'No such file or directory')")
        #expect(twoFiles.filename2 == "y")

        let onlySecond = OSError(2, "No such file or directory", nil, nil, "y")
        #expect(onlySecond.description == "[Errno 2] No such file or directory")
        #expect(String(reflecting: onlySecond) == "OSError(2, 'No such file or directory', None, None, 'y')")
        #expect(onlySecond.filename == nil)
        #expect(onlySecond.filename2 == nil)

        let one = OSError(args: [1])
        #expect(one.description == "1")
        #expect(String(reflecting: one) == "OSError(1)")
        #expect(one.errno == nil)

        let six = OSError(1, 2, 3, 4, 5, 6)
        #expect(six.description == "(1, 2, 3, 4, 5, 6)")
        #expect(String(reflecting: six) == "OSError(1, 2, 3, 4, 5, 6)")
        #expect(six.errno == nil)

        let noneErrno = OSError(.none, "x")
        #expect(noneErrno.description == "[Errno None] x")
        #expect(String(reflecting: noneErrno) == "OSError(None, 'x')")
        #expect(noneErrno.errno == nil)
        #expect(noneErrno.strerror == "x")

        let quotes = OSError(2, "it's", "a'b")
        #expect(quotes.description == "[Errno 2] it's: \"a'b\"")
        #expect(String(reflecting: quotes) == "OSError(2, \"it's\")")

        let bytesArg = OSError(.bytes(Array("x".utf8)))
        #expect(bytesArg.description == "b'x'")
        #expect(String(reflecting: bytesArg) == "OSError(b'x')")
    }

    // python3.13 -c "e = BlockingIOError(11, 'Resource temporarily unavailable', 5); print(e.characters_written, e.filename, repr(e), str(e), sep=' | ')
    // e = ConnectionRefusedError(111, 'Connection refused', 5); print(e.filename, repr(e), str(e), sep=' | ')"
    @Test func blockingIOErrorCharactersWritten() {
        let e = BlockingIOError(11, "Resource temporarily unavailable", 5)
        #expect(e.characters_written == 5)
        #expect(e.filename == nil)
        #expect(String(reflecting: e) == "BlockingIOError(11, 'Resource temporarily unavailable', 5)")
        #expect(e.description == "[Errno 11] Resource temporarily unavailable")
        #expect(BlockingIOError(11, "Resource temporarily unavailable").characters_written == nil)

        let other = ConnectionRefusedError(111, "Connection refused", 5)
        #expect(String(reflecting: other) == "ConnectionRefusedError(111, 'Connection refused')")
        #expect(other.description == "[Errno 111] Connection refused: 5")
    }

    // python3.13 -c "for e in [TimeoutError('timed out'), ValueError('x'), ValueError(\"it's\"), ValueError('a\"b'), ValueError('a\'b\"c'), ValueError(),
    //   OverflowError('bind(): port must be 0-65535.'), TypeError('t'), UnicodeError('u'), socket.gaierror('x')]: print(type(e).__name__, str(e), repr(e), sep=' | ')"
    @Test func messageOnlyExceptions() {
        let timeout = TimeoutError("timed out")
        #expect(timeout.description == "timed out")
        #expect(String(reflecting: timeout) == "TimeoutError('timed out')")
        #expect(timeout.errno == nil)

        #expect(ValueError("x").description == "x")
        #expect(String(reflecting: ValueError("x")) == "ValueError('x')")
        #expect(String(reflecting: ValueError("it's")) == "ValueError(\"it's\")")
        #expect(String(reflecting: ValueError("a\"b")) == "ValueError('a\"b')")
        #expect(String(reflecting: ValueError("a'b\"c")) == "ValueError('a\\'b\"c')")
        #expect(ValueError().description == "")
        #expect(String(reflecting: ValueError()) == "ValueError()")
        #expect(String(reflecting: OverflowError("bind(): port must be 0-65535.")) == "OverflowError('bind(): port must be 0-65535.')")
        #expect(String(reflecting: TypeError("t")) == "TypeError('t')")
        #expect(String(reflecting: UnicodeError("u")) == "UnicodeError('u')")
        #expect(String(reflecting: socket.gaierror("x")) == "gaierror('x')")
        #expect(String(reflecting: BaseException(["a", .none, true, 1])) == "BaseException(['a', None, True, 1])")
    }

    /// Every entry of ErrnoMap, as `pythonError` raises it.
    // python3.13 -c "import errno, os
    // for n in 'EAGAIN EALREADY EINPROGRESS EWOULDBLOCK EPIPE ESHUTDOWN ECHILD ECONNABORTED ECONNREFUSED ECONNRESET EEXIST ENOENT EISDIR ENOTDIR EINTR EACCES EPERM ESRCH ETIMEDOUT EBADF EINVAL'.split():
    //     v = getattr(errno, n); e = OSError(v, os.strerror(v)); print(n, v, type(e).__name__, e, repr(e), sep=' | ')"
    static let mapped: [(errno: Int, name: String, str: String, repr: String)] = [
        (errno.EAGAIN, "BlockingIOError", "[Errno 11] Resource temporarily unavailable", "BlockingIOError(11, 'Resource temporarily unavailable')"),
        (errno.EALREADY, "BlockingIOError", "[Errno 114] Operation already in progress", "BlockingIOError(114, 'Operation already in progress')"),
        (errno.EINPROGRESS, "BlockingIOError", "[Errno 115] Operation now in progress", "BlockingIOError(115, 'Operation now in progress')"),
        (errno.EWOULDBLOCK, "BlockingIOError", "[Errno 11] Resource temporarily unavailable", "BlockingIOError(11, 'Resource temporarily unavailable')"),
        (errno.EPIPE, "BrokenPipeError", "[Errno 32] Broken pipe", "BrokenPipeError(32, 'Broken pipe')"),
        (errno.ESHUTDOWN, "BrokenPipeError", "[Errno 108] Cannot send after transport endpoint shutdown", "BrokenPipeError(108, 'Cannot send after transport endpoint shutdown')"),
        (errno.ECHILD, "ChildProcessError", "[Errno 10] No child processes", "ChildProcessError(10, 'No child processes')"),
        (errno.ECONNABORTED, "ConnectionAbortedError", "[Errno 103] Software caused connection abort", "ConnectionAbortedError(103, 'Software caused connection abort')"),
        (errno.ECONNREFUSED, "ConnectionRefusedError", "[Errno 111] Connection refused", "ConnectionRefusedError(111, 'Connection refused')"),
        (errno.ECONNRESET, "ConnectionResetError", "[Errno 104] Connection reset by peer", "ConnectionResetError(104, 'Connection reset by peer')"),
        (errno.EEXIST, "FileExistsError", "[Errno 17] File exists", "FileExistsError(17, 'File exists')"),
        (errno.ENOENT, "FileNotFoundError", "[Errno 2] No such file or directory", "FileNotFoundError(2, 'No such file or directory')"),
        (errno.EISDIR, "IsADirectoryError", "[Errno 21] Is a directory", "IsADirectoryError(21, 'Is a directory')"),
        (errno.ENOTDIR, "NotADirectoryError", "[Errno 20] Not a directory", "NotADirectoryError(20, 'Not a directory')"),
        (errno.EINTR, "InterruptedError", "[Errno 4] Interrupted system call", "InterruptedError(4, 'Interrupted system call')"),
        (errno.EACCES, "PermissionError", "[Errno 13] Permission denied", "PermissionError(13, 'Permission denied')"),
        (errno.EPERM, "PermissionError", "[Errno 1] Operation not permitted", "PermissionError(1, 'Operation not permitted')"),
        (errno.ESRCH, "ProcessLookupError", "[Errno 3] No such process", "ProcessLookupError(3, 'No such process')"),
        (errno.ETIMEDOUT, "TimeoutError", "[Errno 110] Connection timed out", "TimeoutError(110, 'Connection timed out')"),
        (errno.EBADF, "OSError", "[Errno 9] Bad file descriptor", "OSError(9, 'Bad file descriptor')"),
        (errno.EINVAL, "OSError", "[Errno 22] Invalid argument", "OSError(22, 'Invalid argument')"),
    ]

    @Test func everyTableEntryIsTested() {
        let tested = Set(Self.mapped.map(\.errno))
        for entry in ErrnoMap.entries {
            #expect(tested.contains(entry.errno), "errno \(entry.errno) has no test")
        }
    }

    @Test func pythonErrorPicksCPythonsSubclass() {
        for expected in Self.mapped {
            let e = pythonError(Errno(Int32(expected.errno)))
            #expect(typeName(e) == expected.name)
            #expect(e.description == expected.str)
            #expect(String(reflecting: e) == expected.repr)
            #expect(e.errno == expected.errno)
        }
    }

    @Test func fromErrnoPicksCPythonsSubclass() {
        for expected in Self.mapped {
            let e = OSError.from(errno: expected.errno)
            #expect(typeName(e) == expected.name)
            #expect(e.description == expected.str)
            #expect(String(reflecting: e) == expected.repr)
        }
        // python3.13 -c "e = OSError(111, 'refused!', 'x'); print(type(e).__name__, e, repr(e), sep=' | ')"
        let custom = OSError.from(errno: 111, "refused!", "x")
        #expect(custom is ConnectionRefusedError)
        #expect(custom.description == "[Errno 111] refused!: 'x'")
        #expect(String(reflecting: custom) == "ConnectionRefusedError(111, 'refused!')")
    }

    // python3.13 -c "import ctypes; ctypes.pythonapi.PyErr_SetFromErrno(OSError)" with errno 0 -> OSError(0, 'Error')
    @Test func pythonErrorOfZero() {
        let e = pythonError(Errno(0))
        #expect(String(reflecting: e) == "OSError(0, 'Error')")
        #expect(e.description == "[Errno 0] Error")
    }

    // python3.13 -c "import socket; socket.socket().settimeout(0.01) ..." -> TimeoutError('timed out'), str 'timed out'
    @Test func timedOut() {
        let e = timedOutError()
        #expect(typeName(e) == "TimeoutError")
        #expect(e.description == "timed out")
        #expect(String(reflecting: e) == "TimeoutError('timed out')")
        #expect(e.errno == nil)
        let any: Error = e
        #expect(any is socket.timeout)
        #expect(any is OSError)
    }

    @Test func catchingBaseClassesCatchesSubclasses() {
        func raise(_ e: Error) throws { throw e }
        do { try raise(pythonError(Errno(Int32(errno.ECONNREFUSED)))); Issue.record("no throw") }
        catch let e as ConnectionError { #expect(e is ConnectionRefusedError) }
        catch { Issue.record("wrong class \(error)") }

        do { try raise(pythonError(Errno(Int32(errno.EPIPE)))); Issue.record("no throw") }
        catch let e as socket.error { #expect(e.errno == errno.EPIPE) }
        catch { Issue.record("wrong class \(error)") }

        do { try raise(timedOutError()); Issue.record("no throw") }
        catch is socket.timeout {}
        catch { Issue.record("wrong class \(error)") }

        do { try raise(pythonError(ResolveError(code: -2, errno: 0))); Issue.record("no throw") }
        catch let e as socket.gaierror { #expect(e.errno == -2) }
        catch { Issue.record("wrong class \(error)") }

        do { try raise(OverflowError("x")); Issue.record("no throw") }
        catch is ArithmeticError {}
        catch { Issue.record("wrong class \(error)") }

        do { try raise(UnicodeError("u")); Issue.record("no throw") }
        catch is ValueError {}
        catch { Issue.record("wrong class \(error)") }

        let any: Error = pythonError(Errno(Int32(errno.ECONNRESET)))
        #expect(any is Exception)
        #expect(any is BaseException)
        #expect(any is EnvironmentError)
        #expect(any is IOError)
        #expect(!(any is ValueError))
        #expect("\(any)" == "[Errno 104] Connection reset by peer")
        #expect(String(reflecting: any) == "ConnectionResetError(104, 'Connection reset by peer')")
    }

    // python3.13 -c "import ctypes, socket; libc = ctypes.CDLL(None); libc.gai_strerror.restype = ctypes.c_char_p
    // for c in (socket.EAI_NONAME, socket.EAI_AGAIN, socket.EAI_SERVICE): e = socket.gaierror(c, libc.gai_strerror(c).decode()); print(e, repr(e), sep=' | ')"
    @Test func gaierrorFromCode() {
        let noName = pythonError(ResolveError(code: -2, errno: 0))
        #expect(typeName(noName) == "gaierror")
        #expect(noName.description == "[Errno -2] Name or service not known")
        #expect(String(reflecting: noName) == "gaierror(-2, 'Name or service not known')")
        #expect(pythonError(ResolveError(code: -3, errno: 0)).description == "[Errno -3] Temporary failure in name resolution")
        #expect(String(reflecting: pythonError(ResolveError(code: -8, errno: 0))) == "gaierror(-8, 'Servname not supported for ai_socktype')")
    }

    // CPython's set_gaierror: EAI_SYSTEM raises OSError from errno (here ECONNREFUSED, so the subclass).
    @Test func gaierrorSystemUsesErrno() {
        let e = pythonError(ResolveError(code: Int32(socket.EAI_SYSTEM), errno: Int32(errno.ECONNREFUSED)))
        #expect(!(e is socket.gaierror))
        #expect(String(reflecting: e) == "ConnectionRefusedError(111, 'Connection refused')")
    }

    // python3.13 -c "e = ExceptionGroup('create_connection failed', [ConnectionRefusedError(111, 'Connection refused')]); print(str(e), repr(e), sep=' | ')
    // e = ExceptionGroup('create_connection failed', [ConnectionRefusedError(111, 'Connection refused'), TimeoutError('timed out')]); print(str(e), repr(e), sep=' | ')"
    @Test func exceptionGroup() {
        let one = ExceptionGroup("create_connection failed", [pythonError(Errno(Int32(errno.ECONNREFUSED)))])
        #expect(typeName(one) == "ExceptionGroup")
        #expect(one.description == "create_connection failed (1 sub-exception)")
        #expect(String(reflecting: one) == "ExceptionGroup('create_connection failed', [ConnectionRefusedError(111, 'Connection refused')])")
        #expect(one.message == "create_connection failed")

        let refused = pythonError(Errno(Int32(errno.ECONNREFUSED)))
        let two = ExceptionGroup("create_connection failed", [refused, timedOutError()])
        #expect(two.description == "create_connection failed (2 sub-exceptions)")
        #expect(String(reflecting: two) == "ExceptionGroup('create_connection failed', [ConnectionRefusedError(111, 'Connection refused'), TimeoutError('timed out')])")
        #expect(two.exceptions.count == 2)
        #expect(two.exceptions[0] as? ConnectionRefusedError === refused)
        #expect(two.exceptions[1] is TimeoutError)
        let asError: Error = two
        #expect(asError is Exception)
    }

    /// Every name of Python's errno module on Linux, with python3.13's value.
    // python3.13 -c "import errno; [print(n, getattr(errno, n)) for n in sorted((n for n in dir(errno) if n.startswith('E')), key=lambda n: (getattr(errno, n), n))]"
    @Test func errnoNamesMatchPython() {
        let names: [(Int, Int, String)] = [
        (errno.EPERM, 1, "EPERM"),
        (errno.ENOENT, 2, "ENOENT"),
        (errno.ESRCH, 3, "ESRCH"),
        (errno.EINTR, 4, "EINTR"),
        (errno.EIO, 5, "EIO"),
        (errno.ENXIO, 6, "ENXIO"),
        (errno.E2BIG, 7, "E2BIG"),
        (errno.ENOEXEC, 8, "ENOEXEC"),
        (errno.EBADF, 9, "EBADF"),
        (errno.ECHILD, 10, "ECHILD"),
        (errno.EAGAIN, 11, "EAGAIN"),
        (errno.EWOULDBLOCK, 11, "EWOULDBLOCK"),
        (errno.ENOMEM, 12, "ENOMEM"),
        (errno.EACCES, 13, "EACCES"),
        (errno.EFAULT, 14, "EFAULT"),
        (errno.ENOTBLK, 15, "ENOTBLK"),
        (errno.EBUSY, 16, "EBUSY"),
        (errno.EEXIST, 17, "EEXIST"),
        (errno.EXDEV, 18, "EXDEV"),
        (errno.ENODEV, 19, "ENODEV"),
        (errno.ENOTDIR, 20, "ENOTDIR"),
        (errno.EISDIR, 21, "EISDIR"),
        (errno.EINVAL, 22, "EINVAL"),
        (errno.ENFILE, 23, "ENFILE"),
        (errno.EMFILE, 24, "EMFILE"),
        (errno.ENOTTY, 25, "ENOTTY"),
        (errno.ETXTBSY, 26, "ETXTBSY"),
        (errno.EFBIG, 27, "EFBIG"),
        (errno.ENOSPC, 28, "ENOSPC"),
        (errno.ESPIPE, 29, "ESPIPE"),
        (errno.EROFS, 30, "EROFS"),
        (errno.EMLINK, 31, "EMLINK"),
        (errno.EPIPE, 32, "EPIPE"),
        (errno.EDOM, 33, "EDOM"),
        (errno.ERANGE, 34, "ERANGE"),
        (errno.EDEADLK, 35, "EDEADLK"),
        (errno.EDEADLOCK, 35, "EDEADLOCK"),
        (errno.ENAMETOOLONG, 36, "ENAMETOOLONG"),
        (errno.ENOLCK, 37, "ENOLCK"),
        (errno.ENOSYS, 38, "ENOSYS"),
        (errno.ENOTEMPTY, 39, "ENOTEMPTY"),
        (errno.ELOOP, 40, "ELOOP"),
        (errno.ENOMSG, 42, "ENOMSG"),
        (errno.EIDRM, 43, "EIDRM"),
        (errno.ECHRNG, 44, "ECHRNG"),
        (errno.EL2NSYNC, 45, "EL2NSYNC"),
        (errno.EL3HLT, 46, "EL3HLT"),
        (errno.EL3RST, 47, "EL3RST"),
        (errno.ELNRNG, 48, "ELNRNG"),
        (errno.EUNATCH, 49, "EUNATCH"),
        (errno.ENOCSI, 50, "ENOCSI"),
        (errno.EL2HLT, 51, "EL2HLT"),
        (errno.EBADE, 52, "EBADE"),
        (errno.EBADR, 53, "EBADR"),
        (errno.EXFULL, 54, "EXFULL"),
        (errno.ENOANO, 55, "ENOANO"),
        (errno.EBADRQC, 56, "EBADRQC"),
        (errno.EBADSLT, 57, "EBADSLT"),
        (errno.EBFONT, 59, "EBFONT"),
        (errno.ENOSTR, 60, "ENOSTR"),
        (errno.ENODATA, 61, "ENODATA"),
        (errno.ETIME, 62, "ETIME"),
        (errno.ENOSR, 63, "ENOSR"),
        (errno.ENONET, 64, "ENONET"),
        (errno.ENOPKG, 65, "ENOPKG"),
        (errno.EREMOTE, 66, "EREMOTE"),
        (errno.ENOLINK, 67, "ENOLINK"),
        (errno.EADV, 68, "EADV"),
        (errno.ESRMNT, 69, "ESRMNT"),
        (errno.ECOMM, 70, "ECOMM"),
        (errno.EPROTO, 71, "EPROTO"),
        (errno.EMULTIHOP, 72, "EMULTIHOP"),
        (errno.EDOTDOT, 73, "EDOTDOT"),
        (errno.EBADMSG, 74, "EBADMSG"),
        (errno.EOVERFLOW, 75, "EOVERFLOW"),
        (errno.ENOTUNIQ, 76, "ENOTUNIQ"),
        (errno.EBADFD, 77, "EBADFD"),
        (errno.EREMCHG, 78, "EREMCHG"),
        (errno.ELIBACC, 79, "ELIBACC"),
        (errno.ELIBBAD, 80, "ELIBBAD"),
        (errno.ELIBSCN, 81, "ELIBSCN"),
        (errno.ELIBMAX, 82, "ELIBMAX"),
        (errno.ELIBEXEC, 83, "ELIBEXEC"),
        (errno.EILSEQ, 84, "EILSEQ"),
        (errno.ERESTART, 85, "ERESTART"),
        (errno.ESTRPIPE, 86, "ESTRPIPE"),
        (errno.EUSERS, 87, "EUSERS"),
        (errno.ENOTSOCK, 88, "ENOTSOCK"),
        (errno.EDESTADDRREQ, 89, "EDESTADDRREQ"),
        (errno.EMSGSIZE, 90, "EMSGSIZE"),
        (errno.EPROTOTYPE, 91, "EPROTOTYPE"),
        (errno.ENOPROTOOPT, 92, "ENOPROTOOPT"),
        (errno.EPROTONOSUPPORT, 93, "EPROTONOSUPPORT"),
        (errno.ESOCKTNOSUPPORT, 94, "ESOCKTNOSUPPORT"),
        (errno.ENOTSUP, 95, "ENOTSUP"),
        (errno.EOPNOTSUPP, 95, "EOPNOTSUPP"),
        (errno.EPFNOSUPPORT, 96, "EPFNOSUPPORT"),
        (errno.EAFNOSUPPORT, 97, "EAFNOSUPPORT"),
        (errno.EADDRINUSE, 98, "EADDRINUSE"),
        (errno.EADDRNOTAVAIL, 99, "EADDRNOTAVAIL"),
        (errno.ENETDOWN, 100, "ENETDOWN"),
        (errno.ENETUNREACH, 101, "ENETUNREACH"),
        (errno.ENETRESET, 102, "ENETRESET"),
        (errno.ECONNABORTED, 103, "ECONNABORTED"),
        (errno.ECONNRESET, 104, "ECONNRESET"),
        (errno.ENOBUFS, 105, "ENOBUFS"),
        (errno.EISCONN, 106, "EISCONN"),
        (errno.ENOTCONN, 107, "ENOTCONN"),
        (errno.ESHUTDOWN, 108, "ESHUTDOWN"),
        (errno.ETOOMANYREFS, 109, "ETOOMANYREFS"),
        (errno.ETIMEDOUT, 110, "ETIMEDOUT"),
        (errno.ECONNREFUSED, 111, "ECONNREFUSED"),
        (errno.EHOSTDOWN, 112, "EHOSTDOWN"),
        (errno.EHOSTUNREACH, 113, "EHOSTUNREACH"),
        (errno.EALREADY, 114, "EALREADY"),
        (errno.EINPROGRESS, 115, "EINPROGRESS"),
        (errno.ESTALE, 116, "ESTALE"),
        (errno.EUCLEAN, 117, "EUCLEAN"),
        (errno.ENOTNAM, 118, "ENOTNAM"),
        (errno.ENAVAIL, 119, "ENAVAIL"),
        (errno.EISNAM, 120, "EISNAM"),
        (errno.EREMOTEIO, 121, "EREMOTEIO"),
        (errno.EDQUOT, 122, "EDQUOT"),
        (errno.ENOMEDIUM, 123, "ENOMEDIUM"),
        (errno.EMEDIUMTYPE, 124, "EMEDIUMTYPE"),
        (errno.ECANCELED, 125, "ECANCELED"),
        (errno.ENOKEY, 126, "ENOKEY"),
        (errno.EKEYEXPIRED, 127, "EKEYEXPIRED"),
        (errno.EKEYREVOKED, 128, "EKEYREVOKED"),
        (errno.EKEYREJECTED, 129, "EKEYREJECTED"),
        (errno.EOWNERDEAD, 130, "EOWNERDEAD"),
        (errno.ENOTRECOVERABLE, 131, "ENOTRECOVERABLE"),
        (errno.ERFKILL, 132, "ERFKILL")
        ]
        #expect(names.count == 133)
        for (value, expected, name) in names {
            #expect(value == expected, "errno.\(name)")
        }
        #expect(errno.ECONNREFUSED == Int(Glibc.ECONNREFUSED))
    }

    // python3.13 -c "import errno; print(sorted(errno.errorcode.items()))"
    @Test func errorcodeMatchesPython() {
        let expected: [Int: String] = [
        1: "EPERM",
        2: "ENOENT",
        3: "ESRCH",
        4: "EINTR",
        5: "EIO",
        6: "ENXIO",
        7: "E2BIG",
        8: "ENOEXEC",
        9: "EBADF",
        10: "ECHILD",
        11: "EAGAIN",
        12: "ENOMEM",
        13: "EACCES",
        14: "EFAULT",
        15: "ENOTBLK",
        16: "EBUSY",
        17: "EEXIST",
        18: "EXDEV",
        19: "ENODEV",
        20: "ENOTDIR",
        21: "EISDIR",
        22: "EINVAL",
        23: "ENFILE",
        24: "EMFILE",
        25: "ENOTTY",
        26: "ETXTBSY",
        27: "EFBIG",
        28: "ENOSPC",
        29: "ESPIPE",
        30: "EROFS",
        31: "EMLINK",
        32: "EPIPE",
        33: "EDOM",
        34: "ERANGE",
        35: "EDEADLOCK",
        36: "ENAMETOOLONG",
        37: "ENOLCK",
        38: "ENOSYS",
        39: "ENOTEMPTY",
        40: "ELOOP",
        42: "ENOMSG",
        43: "EIDRM",
        44: "ECHRNG",
        45: "EL2NSYNC",
        46: "EL3HLT",
        47: "EL3RST",
        48: "ELNRNG",
        49: "EUNATCH",
        50: "ENOCSI",
        51: "EL2HLT",
        52: "EBADE",
        53: "EBADR",
        54: "EXFULL",
        55: "ENOANO",
        56: "EBADRQC",
        57: "EBADSLT",
        59: "EBFONT",
        60: "ENOSTR",
        61: "ENODATA",
        62: "ETIME",
        63: "ENOSR",
        64: "ENONET",
        65: "ENOPKG",
        66: "EREMOTE",
        67: "ENOLINK",
        68: "EADV",
        69: "ESRMNT",
        70: "ECOMM",
        71: "EPROTO",
        72: "EMULTIHOP",
        73: "EDOTDOT",
        74: "EBADMSG",
        75: "EOVERFLOW",
        76: "ENOTUNIQ",
        77: "EBADFD",
        78: "EREMCHG",
        79: "ELIBACC",
        80: "ELIBBAD",
        81: "ELIBSCN",
        82: "ELIBMAX",
        83: "ELIBEXEC",
        84: "EILSEQ",
        85: "ERESTART",
        86: "ESTRPIPE",
        87: "EUSERS",
        88: "ENOTSOCK",
        89: "EDESTADDRREQ",
        90: "EMSGSIZE",
        91: "EPROTOTYPE",
        92: "ENOPROTOOPT",
        93: "EPROTONOSUPPORT",
        94: "ESOCKTNOSUPPORT",
        95: "ENOTSUP",
        96: "EPFNOSUPPORT",
        97: "EAFNOSUPPORT",
        98: "EADDRINUSE",
        99: "EADDRNOTAVAIL",
        100: "ENETDOWN",
        101: "ENETUNREACH",
        102: "ENETRESET",
        103: "ECONNABORTED",
        104: "ECONNRESET",
        105: "ENOBUFS",
        106: "EISCONN",
        107: "ENOTCONN",
        108: "ESHUTDOWN",
        109: "ETOOMANYREFS",
        110: "ETIMEDOUT",
        111: "ECONNREFUSED",
        112: "EHOSTDOWN",
        113: "EHOSTUNREACH",
        114: "EALREADY",
        115: "EINPROGRESS",
        116: "ESTALE",
        117: "EUCLEAN",
        118: "ENOTNAM",
        119: "ENAVAIL",
        120: "EISNAM",
        121: "EREMOTEIO",
        122: "EDQUOT",
        123: "ENOMEDIUM",
        124: "EMEDIUMTYPE",
        125: "ECANCELED",
        126: "ENOKEY",
        127: "EKEYEXPIRED",
        128: "EKEYREVOKED",
        129: "EKEYREJECTED",
        130: "EOWNERDEAD",
        131: "ENOTRECOVERABLE",
        132: "ERFKILL"
        ]
        #expect(errno.errorcode == expected)
        #expect(errno.errorcode[errno.ECONNREFUSED] == "ECONNREFUSED")
        let e = pythonError(Errno(Int32(errno.ECONNREFUSED)))
        #expect(errno.errorcode[e.errno!] == "ECONNREFUSED")
    }
}
