// Gaps found porting the trialsync_ programs: __mro__, zlib, **, os.path.getsize, context managers (values from CPython 3.13).
import PyBuiltins
import PySocket
import TestSupport
import Testing

private class ProtocolError: Exception, @unchecked Sendable {}

/// A context manager of the test's own, logging its calls as the Python twin does.
private final class CM: ContextManager {
    let suppress: Bool
    var log: [String] = []
    init(_ suppress: Bool) { self.suppress = suppress }
    func __enter__() -> String {
        log.append("enter")
        return "value"
    }
    func __exit__(_ exc_type: PyType?, _ exc: (any Error)?, _ tb: Any?) -> Bool {
        log.append(repr((exc_type != nil ? exc_type!.__name__ : nil, exc != nil ? str(exc!) : nil)))
        return suppress
    }
}

@Suite(.fdBalanced) struct TrialSyncGapsTests {
    @Test func mroOfExceptionClasses() {
        // repr(ConnectionResetError.__mro__), repr(socket.gaierror.__mro__)
        #expect(repr(type(ConnectionResetError(104, "x")).__mro__)
            == "(<class 'ConnectionResetError'>, <class 'ConnectionError'>, <class 'OSError'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)")
        #expect(repr(type(socket.gaierror(-2, "x")).__mro__)
            == "(<class 'socket.gaierror'>, <class 'OSError'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)")
        // repr(ProtocolError.__mro__), repr(ProtocolError.__bases__), repr(ProtocolError.__base__)
        let mine = type(ProtocolError("x"))
        #expect(repr(mine.__mro__) == "(<class '__main__.ProtocolError'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)")
        #expect(repr(mine.__bases__) == "(<class 'Exception'>,)")
        #expect(repr(mine.__base__) == "<class 'Exception'>")
        // repr(bool.__mro__), repr(TimeoutError.__mro__[1:-1]), repr(socket.timeout.__mro__[-2:])
        #expect(repr(type(true).__mro__) == "(<class 'bool'>, <class 'int'>, <class 'object'>)")
        #expect(repr(type(TimeoutError("t")).__mro__[1, -1]) == "(<class 'OSError'>, <class 'Exception'>, <class 'BaseException'>)")
        #expect(repr(pythonTypeOfTimeout().__mro__[-2, nil]) == "(<class 'BaseException'>, <class 'object'>)")
        // t = (1, 2, 3, 4); t[1:-1], t[:2], t[5:], t[-2:] -> (2, 3) (1, 2) () (3, 4)
        let t = tuple([1, 2, 3, 4])
        #expect(repr(t[1, -1]) == "(2, 3)" && repr(t[nil, 2]) == "(1, 2)" && repr(t[5, nil]) == "()" && repr(t[-2, nil]) == "(3, 4)")
    }

    private func pythonTypeOfTimeout() -> PyType { type(socket.timeout("timed out")) }

    @Test func zlibChecksums() {
        // zlib.crc32(b""), crc32(b"hello"), crc32(b"world", crc32(b"hello ")), crc32(b"hello world"), "%08x" % crc32(bytes(range(256)))
        #expect(zlib.crc32("" as bytes) == 0)
        #expect(zlib.crc32("hello" as bytes) == 907060870)
        #expect(zlib.crc32("world" as bytes, zlib.crc32("hello " as bytes)) == 222957957)
        #expect(zlib.crc32("hello world" as bytes) == 222957957)
        #expect(zlib.crc32(Array(0...255) as [UInt8]) == 0x29058c73)
        // zlib.adler32(b""), adler32(b"hello"), adler32(b"world", adler32(b"hello ")), adler32(b"hello world"), adler32(bytes(range(256)) * 300)
        #expect(zlib.adler32("" as bytes) == 1)
        #expect(zlib.adler32("hello" as bytes) == 103547413)
        #expect(zlib.adler32("world" as bytes, zlib.adler32("hello " as bytes)) == 436929629)
        #expect(zlib.adler32("hello world" as bytes) == 436929629)
        #expect(zlib.adler32(Array(repeating: Array(0...255) as [UInt8], count: 300).flatMap { $0 }) == 167277244)
    }

    @Test func powerOperator() throws {
        // 2**31 - 1, 2**0, 0**0, (-2)**63, 3**3**2, (2**62 - 1) * 2 + 1, -2**2
        #expect(try 2 ** 31 - 1 == 2147483647)
        #expect(try 2 ** 0 == 1 && 0 ** 0 == 1)
        #expect(try (-2) ** 63 == -9223372036854775808)
        #expect(try 3 ** 3 ** 2 == 19683)
        #expect(try (2 ** 62 - 1) * 2 + 1 == 9223372036854775807)
        #expect(try -(2 ** 2) == -4)
        // Python's ints have no limit and 2**-1 is 0.5: README's documented differences.
        #expect(throws: OverflowError.self) { _ = try 2 ** 63 }
        expectOutcome("ValueError: negative exponent: Python returns a float here; compute it as a Double") { try 2 ** -1 }
    }

    @Test func formatSpreadsStarredItems() throws {
        // address = ("127.0.0.1", 8080); "GET {} HTTP/1.1 Host: {}:{}".format("/x", *address)
        // "{} {} {}".format("a", *["b", "c"]), "{1}{0}".format(*"xy") -> GET /x HTTP/1.1 Host: 127.0.0.1:8080 / a b c yx
        let address = ("127.0.0.1", 8080)
        #expect(try "GET {} HTTP/1.1 Host: {}:{}".format("/x", *address) == "GET /x HTTP/1.1 Host: 127.0.0.1:8080")
        #expect(try "{} {} {}".format("a", *["b", "c"]) == "a b c")
        #expect(try "{1}{0}".format(*"xy") == "yx")
    }

    @Test func pathSizes() throws {
        // open(p, "wb").write(b"x" * 1234); os.path.getsize(p), isfile(p), isfile(d), isfile(p + "nope"), getsize(d) > 0
        let d = try tempfile.mkdtemp()
        let p = os.path.join(d, "f.bin")
        let f: PyFile<bytes> = try open(p, "wb")
        _ = try f.write(try bytes("x") * 1234)
        f.close()
        #expect(try os.path.getsize(p) == 1234)
        #expect(os.path.isfile(p) && !os.path.isfile(d) && !os.path.isfile(p + "nope"))
        #expect(try os.path.getsize(d) > 0)
        // os.path.getsize(p + "nope") -> FileNotFoundError 2 [Errno 2] No such file or directory: 'DIR/f.binnope'
        expectOutcome("FileNotFoundError: [Errno 2] No such file or directory: 'DIR/f.binnope'") {
            do { return try os.path.getsize(p + "nope") } catch let e as OSError {
                throw OSError.from(errno: e.errno!, e.strerror, e.filename?.replacingDir(d))
            }
        }
        try os.unlink(p)
        try os.rmdir(d)
    }

    @Test func contextManagerProtocol() throws {
        // with c as v: c.log.append(v) -> ['enter', 'value', (None, None)]
        var c = CM(false)
        try c.with { v in c.log.append(v) }
        #expect(c.log == ["enter", "value", "(None, None)"])
        // with c as v: raise ValueError("swallowed") (suppressed) -> ['enter', ('ValueError', 'swallowed')] after
        c = CM(true)
        try c.with { _ in throw ValueError("swallowed") }
        #expect(c.log == ["enter", "('ValueError', 'swallowed')"])
        // with c: raise KeyError("k") -> ['enter', ('KeyError', "'k'")] KeyError('k')
        c = CM(false)
        do {
            try c.with { _ in throw KeyError("k") }
        } catch let e as KeyError {
            #expect(c.log == ["enter", "('KeyError', \"'k'\")"] && repr(e) == "KeyError('k')")
        }
    }
}

private extension String {
    func replacingDir(_ dir: String) -> String { hasPrefix(dir) ? "DIR" + dropFirst(dir.count) : self }
}
