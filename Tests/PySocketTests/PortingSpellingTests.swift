// Python spellings that must compile and behave as CPython 3.13: ints and bools where Python
// passes them, fileno by position, getsockopt(level, name, 0), tuple-like addresses.
// Expected values were printed by python3.13; the comment beside each is the Python line.
import TestSupport
import Testing
import PySocket

@Suite("Python spellings port line by line", .fdBalanced)
struct PortingSpellingTests {
    @Test("settimeout/setblocking/setdefaulttimeout take ints and bools")
    func timeoutIntsAndBools() throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        try a.settimeout(true)
        #expect(a.gettimeout() == 1.0)  // a.settimeout(True); a.gettimeout() -> 1.0
        try a.settimeout(5)
        #expect(a.gettimeout() == 5.0)  // a.settimeout(5) -> 5.0
        try a.setblocking(0)
        #expect(a.gettimeout() == 0.0)  // a.setblocking(0) -> 0.0
        try a.setblocking(2)
        #expect(a.gettimeout() == nil)  // a.setblocking(2) -> None
        #expect(throws: OverflowError.self) { try a.settimeout(9_223_372_037) }  // timestamp too large to convert to C PyTime_t
        #expect(throws: OverflowError.self) { try a.settimeout(-Double.infinity) }  // timestamp out of range for platform time_t
    }

    @Test("socket.socket(family, type, proto, fileno) takes fileno by position, as an Int")
    func filenoPositional() throws {
        let (a, b) = try socket.socketpair()
        defer { b.close() }
        let fd: Int = Int(a.detach())
        let c = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0, fd)
        defer { c.close() }
        #expect(c.fileno() == Int32(fd))
        #expect(c.family == socket.AF_UNIX)
        // socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, 2**31) -> ValueError negative file descriptor
        #expect(throws: ValueError.self) { try socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, 1 << 31) }
    }

    @Test("socket() with a family beyond a C int raises OverflowError instead of trapping")
    func socketBeyondCInt() throws {
        // socket.socket(2**31) -> OverflowError Python int too large to convert to C int
        #expect(throws: OverflowError.self) { try socket.socket(socket.AddressFamily(1 << 31)) }
        #expect(throws: OverflowError.self) { try socket.socketpair(socket.AF_UNIX, socket.SocketKind(1 << 40)) }
    }

    @Test("getsockopt(level, name, 0) returns the int where an Int is wanted")
    func getsockoptZero() throws {
        let s = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        defer { s.close() }
        let kind: Int = try s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 0)
        #expect(kind == 2)  // s.getsockopt(SOL_SOCKET, SO_TYPE, 0) -> 2
        let raw = try s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 4)
        #expect(raw == bytes([2, 0, 0, 0]))  // b'\x02\x00\x00\x00'
    }
}

@Suite("Addresses behave like the tuples they print as", .fdBalanced)
struct AddressTupleTests {
    @Test("create_connection takes an address value; items read as Int and String")
    func addressValueEverywhere() throws {
        let srv = try socket.create_server(("127.0.0.1", 0))
        defer { srv.close() }
        let addr = try srv.getsockname()
        let c = try socket.create_connection(addr, timeout: 2)  // socket.create_connection(srv.getsockname(), timeout=2)
        defer { c.close() }
        let (conn, _) = try srv.accept()
        conn.close()
        let port: Int = try addr[1]
        #expect(port == addr.port)
        let host: String = try addr[0]
        #expect(host == "127.0.0.1")
        #expect(try addr[1] + 0 == addr.port)
        let (h, p) = try addr.pair  // h, p = addr
        #expect(h == "127.0.0.1" && p == port)
        #expect(addr.count == 2)  // len(addr) -> 2
        #expect(addr == ("127.0.0.1", port))
    }

    @Test("slices print as Python's")
    func slices() throws {
        let six = SocketAddress.inet6(host: "::1", port: 80, flowinfo: 0, scope_id: 0)
        #expect(String(describing: try six[2...]) == "(0, 0)")  // ("::1", 80, 0, 0)[2:] -> (0, 0)
        #expect(String(describing: try six[..<1]) == "('::1',)")  // [:1] -> ('::1',)
        #expect(String(describing: try six[(-1)...]) == "(0,)")  // [-1:] -> (0,)
        let name = SocketAddress.unixBytes(bytes([0, 0x61, 0x62]))
        #expect(String(describing: try name[..<1]) == #"b'\x00'"#)  // b'\x00ab'[:1] -> b'\x00'
        let path: SocketAddress = "echo.sock"
        #expect(String(describing: try path[5...]) == "sock")  // 'echo.sock'[5:] -> 'sock'
    }

    @Test("comparison with str, bytes, and Python's tuple order")
    func comparisons() throws {
        let path = "a.sock"
        let name = bytes([0, 0x78])
        // Compared outside #expect: the macro's operand capture resolves `==` for its own
        // generic operands, not as a ported line does.
        let samePath = SocketAddress.unix("a.sock") == path, sameName = SocketAddress.unixBytes(name) == name
        let pathIsName = SocketAddress.unix("a.sock") == name
        #expect(samePath)  // s.getsockname() == 'a.sock' -> True
        #expect(sameName)
        #expect(!pathIsName)  // 'a.sock' == b'\x00x' -> False
        // sorted([('127.0.0.2', 1), ('127.0.0.1', 80), ('127.0.0.1', 8)]) -> [('127.0.0.1', 8), ('127.0.0.1', 80), ('127.0.0.2', 1)]
        let sorted = [SocketAddress.inet(host: "127.0.0.2", port: 1), .inet(host: "127.0.0.1", port: 80), .inet(host: "127.0.0.1", port: 8)].sorted()
        #expect(String(describing: sorted) == "[('127.0.0.1', 8), ('127.0.0.1', 80), ('127.0.0.2', 1)]")
        // ('::1', 80) < ('::1', 80, 0, 0) -> True
        #expect(SocketAddress.inet(host: "::1", port: 80) < .inet6(host: "::1", port: 80, flowinfo: 0, scope_id: 0))
    }

    @Test("IntEnum members compare with plain ints; msg_flags & MSG_TRUNC compiles")
    func enumsAndInts() throws {
        let s = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        defer { s.close() }
        #expect(try s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == s.type)  // True
        #expect(s.family == 2)
        let flags = 0x20
        #expect(flags & socket.MSG_TRUNC != 0)  // 32 & socket.MSG_TRUNC -> 32
    }

    @Test("getnameinfo and gethostbyname_ex print as Python's tuples and still destructure")
    func resolverResults() throws {
        // print(socket.getnameinfo(('127.0.0.1', 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV)) -> ('127.0.0.1', '80')
        #expect(String(describing: try socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV)) == "('127.0.0.1', '80')")
        let (host, port) = try socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV)
        #expect(host == "127.0.0.1" && port == "80")
        // print(socket.gethostbyname_ex('127.0.0.1')) -> ('127.0.0.1', [], ['127.0.0.1'])
        #expect(String(describing: try socket.gethostbyname_ex("127.0.0.1")) == "('127.0.0.1', [], ['127.0.0.1'])")
        let (name, aliases, addresses) = try socket.gethostbyname_ex("127.0.0.1")
        #expect(name == "127.0.0.1" && aliases.isEmpty && addresses == ["127.0.0.1"])
        // socket.gethostbyname(b'127.0.0.1') -> '127.0.0.1'
        #expect(try socket.gethostbyname(bytes("127.0.0.1")) == "127.0.0.1")
    }
}

@Suite("Exceptions: args as a tuple, chaining", .fdBalanced)
struct ExceptionChainTests {
    @Test("args print as Python's tuple")
    func argsTuple() {
        #expect(String(describing: OSError("msg").args) == "('msg',)")  // print(OSError('msg').args)
        #expect(String(describing: OSError(1, "x").args) == "(1, 'x')")  // print(OSError(1, 'x').args)
        #expect(String(describing: ValueError().args) == "()")  // print(ValueError().args)
        #expect(OSError("msg").args == ["msg"])
    }

    @Test("create_server raises its bind error from None, with the original as context")
    func createServerFromNone() throws {
        let first = try socket.create_server(("127.0.0.1", 0))
        defer { first.close() }
        do {
            _ = try socket.create_server(("127.0.0.1", first.getsockname().port))
            Issue.record("no error")
        } catch let error as OSError {
            #expect(error.__cause__ == nil)  // e.__cause__ is None
            #expect(error.__suppress_context__)  // e.__suppress_context__ -> True
            #expect((error.__context__ as? OSError)?.errno == errno.EADDRINUSE)  // e.__context__.errno -> 98
        }
    }
}

@Suite("makefile: peek, the raw SocketIO, CPython's type names", .fdBalanced)
struct MakefileFidelityTests {
    @Test("peek returns the buffered bytes without consuming them")
    func peek() throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        try b.sendall("hello\nworld")
        let f: SocketFile<bytes> = try a.makefile("rb")
        defer { try? f.close() }
        // f.peek(), f.peek(2), f.read(2), f.peek(1) -> b'hello\nworld' b'hello\nworld' b'he' b'llo\nworld'
        #expect(try f.peek() == "hello\nworld")
        #expect(try f.peek(2) == "hello\nworld")
        #expect(try f.read(2) == "he")
        #expect(try f.peek(1) == "llo\nworld")
        b.close()
        #expect(try f.read() == "llo\nworld")
        #expect(try f.peek() == "")  // at end of stream: b''
    }

    @Test("buffering 0 gives the raw SocketIO; files print CPython's type names")
    func rawAndNames() throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let raw: SocketIO = try a.makefile("rb", buffering: 0)
        #expect(String(describing: raw).hasPrefix("<socket.SocketIO object at 0x"))  // <socket.SocketIO object at 0x7f...>
        try b.sendall("x")
        var buffer = [UInt8](repeating: 0, count: 4)
        #expect(try raw.readinto(&buffer) == 1)
        raw.close()
        let fd = a.fileno()
        let reader: SocketFile<bytes> = try a.makefile("rb")
        #expect(String(describing: reader) == "<_io.BufferedReader name=\(fd)>")  // <_io.BufferedReader name=3>
        #expect(reader.typeName == "BufferedReader")
        let writer: SocketFile<bytes> = try a.makefile("wb")
        #expect(String(describing: writer) == "<_io.BufferedWriter name=\(fd)>")  // <_io.BufferedWriter name=3>
        let text = try a.makefile("r")
        #expect(String(describing: text) == "<_io.TextIOWrapper name=\(fd) mode='r' encoding='UTF-8'>")
        let pair: SocketFile<bytes> = try a.makefile("rwb")
        #expect(String(describing: pair).hasPrefix("<_io.BufferedRWPair object at 0x"))
        for file in [reader, writer, pair] { try file.close() }
        try text.close()
    }

    @Test("a host given as bytes binds and connects, as CPython accepts it")
    func bytesHosts() throws {
        let u = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        defer { u.close() }
        try u.bind((bytes("127.0.0.1"), 0))  // u.bind((b'127.0.0.1', 0))
        try u.connect(([UInt8]("127.0.0.1".utf8), u.getsockname().port))  // bytearray host
        #expect(try u.getsockname().host == "127.0.0.1")
        // socket.socket().bind((127, 0)) -> TypeError str, bytes or bytearray expected, not int
        let s = try socket.socket()
        defer { s.close() }
        #expect(throws: TypeError.self) { try s.bind((127, 0)) }
    }
}

@Suite("makefile sizes no machine can allocate raise instead of trapping", .fdBalanced)
struct MakefileSizeTests {
    @Test("huge buffering and read sizes: MemoryError / OverflowError; a huge readline limit reads the line")
    func hugeSizes() throws {
        let (a, b) = try socket.socketpair()
        defer { a.close() }
        try b.sendall("abc")
        b.close()
        // a.makefile("rb", buffering=2**62) -> MemoryError
        #expect(throws: MemoryError.self) { let _: SocketFile<bytes> = try a.makefile("rb", buffering: 1 << 62) }
        let f: SocketFile<bytes> = try a.makefile("rb")
        defer { try? f.close() }
        #expect(throws: MemoryError.self) { try f.read(1 << 62) }  // f.read(2**62) -> MemoryError
        #expect(throws: OverflowError.self) { try f.read(Int.max) }  // byte string is too large
        #expect(try f.readline(1 << 62) == "abc")  // f.readline(2**62) -> b'abc'
    }
}

@Suite("bytes.hex's bytes_per_sep is a C int", .fdBalanced)
struct BytesHexRangeTests {
    @Test("beyond a C int: OverflowError, not a trap")
    func hexRange() throws {
        // b'abc'.hex(':', -2**63) -> OverflowError Python int too large to convert to C int
        #expect(throws: OverflowError.self) { try bytes("abc").hex(":", Int.min) }
        #expect(throws: OverflowError.self) { try bytes("abc").hex(":", 1 << 31) }
        #expect(try bytes("abc").hex(":", Int(Int32.max)) == "616263")  // b'abc'.hex(':', 2**31-1) -> 616263
    }
}
