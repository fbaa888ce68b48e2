// bind, listen, accept, connect, connect_ex, getsockname, getpeername: over 127.0.0.1, ::1 and AF_UNIX.
import Glibc
import PySocket
import TestSupport
import Testing

@Suite(.fdBalanced) struct SocketBindTests {
    @Test func portOutOfRange() {
        // socket.socket().bind(("127.0.0.1", 70000))
        // OverflowError | bind(): port must be 0-65535. | OverflowError('bind(): port must be 0-65535.')
        expectPython(thrown { try socket.socket().bind(("127.0.0.1", 70000)) }, "OverflowError",
                     "bind(): port must be 0-65535.", repr: "OverflowError('bind(): port must be 0-65535.')")
        // socket.socket().connect(("127.0.0.1", -1))
        // OverflowError | connect(): port must be 0-65535. | OverflowError('connect(): port must be 0-65535.')
        expectPython(thrown { try socket.socket().connect(("127.0.0.1", -1)) }, "OverflowError",
                     "connect(): port must be 0-65535.", repr: "OverflowError('connect(): port must be 0-65535.')")
        // socket.socket().connect_ex(("127.0.0.1", 70000))
        // OverflowError | connect_ex(): port must be 0-65535. | OverflowError('connect_ex(): port must be 0-65535.')
        expectPython(thrown { _ = try socket.socket().connect_ex(("127.0.0.1", 70000)) }, "OverflowError",
                     "connect_ex(): port must be 0-65535.", repr: "OverflowError('connect_ex(): port must be 0-65535.')")
        // u2.sendto(b"x", ("127.0.0.1", 70000))   (u2: a bound UDP socket)
        // OverflowError | sendto(): port must be 0-65535. | OverflowError('sendto(): port must be 0-65535.')
        expectPython(thrown { _ = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto("x", ("127.0.0.1", 70000)) },
                     "OverflowError", "sendto(): port must be 0-65535.", repr: "OverflowError('sendto(): port must be 0-65535.')")
    }

    @Test func flowinfoOutOfRange() {
        // socket.socket(socket.AF_INET6).bind(("::1", 0, 1048576, 0))
        // OverflowError | bind(): flowinfo must be 0-1048575. | OverflowError('bind(): flowinfo must be 0-1048575.')
        expectPython(thrown { try socket.socket(socket.AF_INET6).bind(("::1", 0, 1_048_576, 0)) }, "OverflowError",
                     "bind(): flowinfo must be 0-1048575.", repr: "OverflowError('bind(): flowinfo must be 0-1048575.')")
    }

    @Test func wrongAddressShapes() {
        // socket.socket().bind('path')
        // TypeError | bind(): AF_INET address must be tuple, not str | TypeError('bind(): AF_INET address must be tuple, not str')
        expectPython(thrown { try socket.socket().bind("path") }, "TypeError", "bind(): AF_INET address must be tuple, not str",
                     repr: "TypeError('bind(): AF_INET address must be tuple, not str')")
        // socket.socket().bind(b'path')
        // TypeError | bind(): AF_INET address must be tuple, not bytes | TypeError('bind(): AF_INET address must be tuple, not bytes')
        expectPython(thrown { try socket.socket().bind(bytes("path")) }, "TypeError", "bind(): AF_INET address must be tuple, not bytes",
                     repr: "TypeError('bind(): AF_INET address must be tuple, not bytes')")
        // socket.socket().bind(('127.0.0.1', 0, 0, 0))  /  socket.socket().connect(('127.0.0.1', 0, 0))
        // TypeError | AF_INET address must be a pair (host, port) | TypeError('AF_INET address must be a pair (host, port)')
        expectPython(thrown { try socket.socket().bind(("127.0.0.1", 0, 0, 0)) }, "TypeError", "AF_INET address must be a pair (host, port)",
                     repr: "TypeError('AF_INET address must be a pair (host, port)')")
        expectPython(thrown { try socket.socket().connect(("127.0.0.1", 0, 0)) }, "TypeError", "AF_INET address must be a pair (host, port)",
                     repr: "TypeError('AF_INET address must be a pair (host, port)')")
        // socket.socket(socket.AF_UNIX).bind(('127.0.0.1', 0))  /  .connect(('::1', 0, 0, 0))
        // TypeError | a bytes-like object is required, not 'tuple' | TypeError("a bytes-like object is required, not 'tuple'")
        expectPython(thrown { try socket.socket(socket.AF_UNIX).bind(("127.0.0.1", 0)) }, "TypeError",
                     "a bytes-like object is required, not 'tuple'", repr: "TypeError(\"a bytes-like object is required, not 'tuple'\")")
        expectPython(thrown { try socket.socket(socket.AF_UNIX).connect(("::1", 0, 0, 0)) }, "TypeError",
                     "a bytes-like object is required, not 'tuple'", repr: "TypeError(\"a bytes-like object is required, not 'tuple'\")")
        // socket.socket(socket.AF_INET6).bind('x')
        // TypeError | bind(): AF_INET6 address must be tuple, not str | TypeError('bind(): AF_INET6 address must be tuple, not str')
        expectPython(thrown { try socket.socket(socket.AF_INET6).bind("x") }, "TypeError", "bind(): AF_INET6 address must be tuple, not str",
                     repr: "TypeError('bind(): AF_INET6 address must be tuple, not str')")
        // socket.socket(socket.AF_INET6).connect_ex(b'x')
        // TypeError | connect_ex(): AF_INET6 address must be tuple, not bytes | TypeError('connect_ex(): AF_INET6 address must be tuple, not bytes')
        expectPython(thrown { _ = try socket.socket(socket.AF_INET6).connect_ex(bytes("x")) }, "TypeError",
                     "connect_ex(): AF_INET6 address must be tuple, not bytes",
                     repr: "TypeError('connect_ex(): AF_INET6 address must be tuple, not bytes')")
        // socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', 'path')
        // TypeError | sendto(): AF_INET address must be tuple, not str | TypeError('sendto(): AF_INET address must be tuple, not str')
        expectPython(thrown { _ = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto("x", "path") }, "TypeError",
                     "sendto(): AF_INET address must be tuple, not str", repr: "TypeError('sendto(): AF_INET address must be tuple, not str')")
    }

    @Test func badHosts() {
        // socket.socket().bind(('127.0.0\0.1', 0))
        // TypeError | host name must not contain null character | TypeError('host name must not contain null character')
        expectPython(thrown { try socket.socket().bind(("127.0.0\0.1", 0)) }, "TypeError", "host name must not contain null character",
                     repr: "TypeError('host name must not contain null character')")
        // socket.socket(socket.AF_INET6).bind(('127.0.0.1', 0))  /  socket.socket().bind(('::1', 0))
        // gaierror | [Errno -9] Address family for hostname not supported | gaierror(-9, 'Address family for hostname not supported') | errno -9
        expectPython(thrown { try socket.socket(socket.AF_INET6).bind(("127.0.0.1", 0)) }, "gaierror",
                     "[Errno -9] Address family for hostname not supported",
                     repr: "gaierror(-9, 'Address family for hostname not supported')", errno: -9)
        expectPython(thrown { try socket.socket().bind(("::1", 0)) }, "gaierror", "[Errno -9] Address family for hostname not supported",
                     repr: "gaierror(-9, 'Address family for hostname not supported')", errno: -9)
        // socket.socket(socket.AF_INET6).bind(('<broadcast>', 0))
        // OSError | address family mismatched | OSError('address family mismatched') | errno None
        expectPython(thrown { try socket.socket(socket.AF_INET6).bind(("<broadcast>", 0)) }, "OSError", "address family mismatched",
                     repr: "OSError('address family mismatched')", errno: nil)
    }

    @Test func addressInUseAndBindTwice() throws {
        // x = socket.socket(); x.bind(("127.0.0.1", 0)); port = x.getsockname()[1]
        // socket.socket().bind(("127.0.0.1", port))
        // OSError | [Errno 98] Address already in use | OSError(98, 'Address already in use')
        let (x, port) = try refusingPort()
        expectPython(thrown { try socket.socket().bind(("127.0.0.1", port)) }, "OSError", "[Errno 98] Address already in use",
                     repr: "OSError(98, 'Address already in use')", errno: 98)
        // x.bind(("127.0.0.1", 0))
        // OSError | [Errno 22] Invalid argument | OSError(22, 'Invalid argument')
        expectPython(thrown { try x.bind(("127.0.0.1", 0)) }, "OSError", "[Errno 22] Invalid argument",
                     repr: "OSError(22, 'Invalid argument')", errno: 22)
    }

    @Test func getsocknameAndGetpeername() throws {
        let (client, server, listener) = try tcpPair()
        let listening = try listener.getsockname()
        #expect(listening.host == "127.0.0.1")
        #expect(listening.port > 0)
        #expect(try client.getpeername() == listening)
        #expect(try server.getsockname() == listening)
        #expect(try server.getpeername() == client.getsockname())
        // x.getpeername()   (x bound, not connected)
        // OSError | [Errno 107] Transport endpoint is not connected | OSError(107, 'Transport endpoint is not connected')
        expectPython(thrown { _ = try listener.getpeername() }, "OSError", "[Errno 107] Transport endpoint is not connected",
                     repr: "OSError(107, 'Transport endpoint is not connected')", errno: 107)
    }
}

@Suite(.fdBalanced) struct SocketListenAcceptTests {
    @Test func listenOnDatagramSocket() {
        // socket.socket(type=socket.SOCK_DGRAM).listen()
        // OSError | [Errno 95] Operation not supported | OSError(95, 'Operation not supported')
        expectPython(thrown { try socket.socket(socket.AF_INET, socket.SOCK_DGRAM).listen() }, "OSError",
                     "[Errno 95] Operation not supported", repr: "OSError(95, 'Operation not supported')", errno: 95)
    }

    @Test func acceptOnNonListeningSocket() throws {
        // x.accept()   (x bound, not listening)
        // OSError | [Errno 22] Invalid argument | OSError(22, 'Invalid argument')
        let (x, _) = try refusingPort()
        expectPython(thrown { _ = try x.accept() }, "OSError", "[Errno 22] Invalid argument",
                     repr: "OSError(22, 'Invalid argument')", errno: 22)
    }

    @Test func nonBlockingAcceptWithNothingPending() throws {
        // L2 = socket.socket(); L2.bind(("127.0.0.1", 0)); L2.listen(); L2.setblocking(False); L2.accept()
        // BlockingIOError | [Errno 11] Resource temporarily unavailable | BlockingIOError(11, 'Resource temporarily unavailable')
        let (server, _) = try listener()
        try server.setblocking(false)
        expectWouldBlock(thrown { _ = try server.accept() })
    }

    @Test func acceptWithTimeoutTimesOut() throws {
        // L2.settimeout(0.05); L2.accept()
        // TimeoutError | timed out | TimeoutError('timed out') | errno None
        let (server, _) = try listener()
        try server.settimeout(0.05)
        expectTimedOut(thrown { _ = try server.accept() })
    }

    @Test func negativeBacklogIsAccepted() throws {
        // s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(-1)  ->  None (no error)
        let s = try socket.socket()
        try s.bind(("127.0.0.1", 0))
        try s.listen(-1)
        #expect(try s.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN) == 1)
    }
}

@Suite(.fdBalanced) struct SocketConnectTests {
    @Test func refused() throws {
        // socket.socket().connect(("127.0.0.1", port))    (port bound, not listening)
        // ConnectionRefusedError | [Errno 111] Connection refused | ConnectionRefusedError(111, 'Connection refused')
        let (holder, port) = try refusingPort()
        defer { holder.close() }
        let error = thrown { try socket.socket().connect(("127.0.0.1", port)) }
        expectPython(error, "ConnectionRefusedError", "[Errno 111] Connection refused",
                     repr: "ConnectionRefusedError(111, 'Connection refused')", errno: 111)
        #expect(error is ConnectionError)
        // socket.socket().connect_ex(("127.0.0.1", port))  ->  111
        #expect(try socket.socket().connect_ex(("127.0.0.1", port)) == 111)
    }

    @Test func refusedWithTimeout() throws {
        // t = socket.socket(); t.settimeout(0.1); t.connect(("127.0.0.1", port))
        // ConnectionRefusedError | [Errno 111] Connection refused | ConnectionRefusedError(111, 'Connection refused')
        let (holder, port) = try refusingPort()
        defer { holder.close() }
        let t = try socket.socket()
        try t.settimeout(0.1)
        expectPython(thrown { try t.connect(("127.0.0.1", port)) }, "ConnectionRefusedError", "[Errno 111] Connection refused",
                     repr: "ConnectionRefusedError(111, 'Connection refused')", errno: 111)
    }

    @Test func alreadyConnected() throws {
        // c2 = socket.socket(); c2.connect(L.getsockname()); c2.connect(L.getsockname())
        // OSError | [Errno 106] Transport endpoint is already connected | OSError(106, 'Transport endpoint is already connected')
        // c2.connect_ex(L.getsockname())  ->  106
        let (server, address) = try listener()
        defer { server.close() }
        let c = try socket.socket()
        try c.connect(address)
        expectPython(thrown { try c.connect(address) }, "OSError", "[Errno 106] Transport endpoint is already connected",
                     repr: "OSError(106, 'Transport endpoint is already connected')", errno: 106)
        #expect(try c.connect_ex(address) == 106)
    }

    @Test func nonBlockingConnectInProgress() throws {
        // q = socket.socket(); q.setblocking(False); q.connect(L.getsockname())
        // BlockingIOError | [Errno 115] Operation now in progress | BlockingIOError(115, 'Operation now in progress')
        // q = socket.socket(); q.setblocking(False); q.connect_ex(L.getsockname())  ->  115
        let (server, address) = try listener()
        defer { server.close() }
        let q = try socket.socket()
        try q.setblocking(false)
        expectPython(thrown { try q.connect(address) }, "BlockingIOError", "[Errno 115] Operation now in progress",
                     repr: "BlockingIOError(115, 'Operation now in progress')", errno: 115)
        let r = try socket.socket()
        try r.setblocking(false)
        #expect(try r.connect_ex(address) == 115)
    }

    @Test func connectWithTimeoutSucceeds() throws {
        let (server, address) = try listener()
        let c = try socket.socket()
        try c.settimeout(0.1)
        try c.connect(address)
        #expect(try c.getpeername() == address)
        #expect(c.gettimeout() == 0.1)
        let (conn, peer) = try server.accept()
        #expect(try peer == c.getsockname())
        _ = try c.send("t")
        #expect(try conn.recv(1) == "t")
    }

    @Test func connectTimesOutOnAFullBacklog() throws {
        // L = socket.socket(); L.bind(("127.0.0.1", 0)); L.listen(0)
        // for i in range(4): c = socket.socket(); c.settimeout(0.05); c.connect(L.getsockname())
        // connect 0 -> None
        // connect 1 !! TimeoutError | timed out | TimeoutError('timed out') | errno None   (and 2, 3)
        // c = socket.socket(); c.settimeout(0.05); c.connect_ex(L.getsockname())  ->  11
        let (server, address) = try listener(backlog: 0)
        defer { server.close() }
        var clients: [socket] = []
        for attempt in 0..<4 {
            let c = try socket.socket()
            try c.settimeout(0.05)
            clients.append(c)
            if attempt == 0 {
                try c.connect(address)
            } else {
                expectTimedOut(thrown { try c.connect(address) })
            }
        }
        let c = try socket.socket()
        try c.settimeout(0.05)
        #expect(try c.connect_ex(address) == 11)
    }

    @Test func ipv6FourTuples() throws {
        // srv = socket.socket(socket.AF_INET6); srv.bind(("::1", 0)); srv.listen()
        // c = socket.socket(socket.AF_INET6); c.connect(("::1", port, 0, 0)); conn, addr = srv.accept(); print(addr)
        // ('::1', <port>, 0, 0)
        let (server, address) = try listener("::1")
        let port = address.port
        #expect(String(describing: address) == "('::1', \(port), 0, 0)")
        let c = try socket.socket(socket.AF_INET6)
        try c.connect(("::1", port, 0, 0))
        let (conn, peer) = try server.accept()
        let clientPort = try c.getsockname().port
        #expect(String(describing: peer) == "('::1', \(clientPort), 0, 0)")
        #expect(peer == .inet6(host: "::1", port: clientPort, flowinfo: 0, scope_id: 0))
        #expect(String(describing: try c.getpeername()) == "('::1', \(port), 0, 0)")
        #expect(String(describing: conn) == "<socket.socket fd=\(conn.fileno()), family=10, type=1, proto=0, laddr=('::1', \(port), 0, 0), raddr=('::1', \(clientPort), 0, 0)>")
        // a 2-tuple is accepted for AF_INET6: socket.socket(socket.AF_INET6).bind(("::1", 0))  ->  None
        let two = try socket.socket(socket.AF_INET6)
        try two.connect(("::1", port))
        #expect(try two.getpeername().port == port)
        // and a 3-tuple (host, port, flowinfo)
        let three = try socket.socket(socket.AF_INET6)
        try three.connect(("::1", port, 0))
        #expect(try three.getpeername().port == port)
    }
}

@Suite(.fdBalanced) struct SocketUnixTests {
    @Test func pathBindConnectAccept() throws {
        // L = socket.socket(socket.AF_UNIX); L.bind(p); L.listen(); print(L.getsockname() == p, type(L.getsockname()))
        // True <class 'str'>
        // print(str(L).replace(p, "PATH"))
        // <socket.socket fd=3, family=1, type=1, proto=0, laddr=PATH>
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("s.sock")
        let server = try socket.socket(socket.AF_UNIX)
        try server.bind(path)
        try server.listen()
        #expect(try server.getsockname() == .unix(path))
        #expect(String(describing: server) == "<socket.socket fd=\(server.fileno()), family=1, type=1, proto=0, laddr=\(path)>")
        // c = socket.socket(socket.AF_UNIX); c.connect(p)
        // conn, addr = L.accept(); print(repr(addr), type(addr), repr(c.getsockname()), c.getpeername() == p)
        // '' <class 'str'> '' True
        let c = try socket.socket(socket.AF_UNIX)
        try c.connect(path)
        let (conn, peer) = try server.accept()
        #expect(String(reflecting: peer) == "''")
        #expect(peer == .unix(""))
        #expect(String(reflecting: try c.getsockname()) == "''")
        #expect(try c.getpeername() == .unix(path))
        // print(str(c).replace(p, "PATH")); print(str(conn).replace(p, "PATH"))
        // <socket.socket fd=4, family=1, type=1, proto=0, raddr=PATH>
        // <socket.socket fd=5, family=1, type=1, proto=0, laddr=PATH>
        #expect(String(describing: c) == "<socket.socket fd=\(c.fileno()), family=1, type=1, proto=0, raddr=\(path)>")
        #expect(String(describing: conn) == "<socket.socket fd=\(conn.fileno()), family=1, type=1, proto=0, laddr=\(path)>")
        try c.sendall("over unix")
        #expect(try conn.recv(100) == "over unix")
    }

    @Test func pathErrors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("s.sock")
        let first = try socket.socket(socket.AF_UNIX)
        try first.bind(path)
        // socket.socket(socket.AF_UNIX).bind(p)   (p already bound)
        // OSError | [Errno 98] Address already in use | OSError(98, 'Address already in use')
        expectPython(thrown { try socket.socket(socket.AF_UNIX).bind(path) }, "OSError", "[Errno 98] Address already in use",
                     repr: "OSError(98, 'Address already in use')", errno: 98)
        // socket.socket(socket.AF_UNIX).connect(os.path.join(d, "nope"))
        // FileNotFoundError | [Errno 2] No such file or directory | FileNotFoundError(2, 'No such file or directory')
        // socket.socket(socket.AF_UNIX).connect_ex(os.path.join(d, "nope"))  ->  2
        let missing = directory.file("nope")
        expectPython(thrown { try socket.socket(socket.AF_UNIX).connect(missing) }, "FileNotFoundError",
                     "[Errno 2] No such file or directory", repr: "FileNotFoundError(2, 'No such file or directory')", errno: 2)
        #expect(try socket.socket(socket.AF_UNIX).connect_ex(missing) == 2)
    }

    @Test func pathTooLong() throws {
        // socket.socket(socket.AF_UNIX).bind("x" * 108)
        // OSError | AF_UNIX path too long | OSError('AF_UNIX path too long') | errno None
        expectPython(thrown { try socket.socket(socket.AF_UNIX).bind(String(repeating: "x", count: 108)) }, "OSError",
                     "AF_UNIX path too long", repr: "OSError('AF_UNIX path too long')", errno: nil)
        // socket.socket(socket.AF_UNIX).connect("x" * 200)  ->  the same
        expectPython(thrown { try socket.socket(socket.AF_UNIX).connect(String(repeating: "x", count: 200)) }, "OSError",
                     "AF_UNIX path too long", repr: "OSError('AF_UNIX path too long')", errno: nil)
        // socket.socket(socket.AF_UNIX).bind(b"\0" + b"a" * 108)  ->  the same
        expectPython(thrown { try socket.socket(socket.AF_UNIX).bind(bytes([0] + [UInt8](repeating: 0x61, count: 108))) },
                     "OSError", "AF_UNIX path too long", repr: "OSError('AF_UNIX path too long')", errno: nil)
        // a 107-byte path fits: socket.socket(socket.AF_UNIX).bind(os.path.join(d, "y" * (107 - len(d) - 1)))  ->  None
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let longest = directory.file(String(repeating: "y", count: 107 - directory.path.utf8.count - 1))
        #expect(longest.utf8.count == 107)
        let fits = try socket.socket(socket.AF_UNIX)
        try fits.bind(longest)
        #expect(try fits.getsockname() == .unix(longest))
    }

    @Test func abstractNamesAreBytes() throws {
        // A = socket.socket(socket.AF_UNIX); A.bind(b"\0pysocket-probe"); print(repr(A.getsockname())); print(A)
        // b'\x00pysocket-probe'
        // <socket.socket fd=6, family=1, type=1, proto=0, laddr=b'\x00pysocket-probe'>
        // A.listen(); cc = socket.socket(socket.AF_UNIX); cc.connect(b"\0pysocket-probe"); print(repr(cc.getpeername()))
        // b'\x00pysocket-probe'
        let name = uniqueAbstractName("abstract")
        let expectedRepr = "b'\\x00" + String(decoding: name.dropFirst(), as: UTF8.self) + "'"
        let a = try socket.socket(socket.AF_UNIX)
        try a.bind(name)
        #expect(try a.getsockname() == .unixBytes(name))
        #expect(String(reflecting: try a.getsockname()) == expectedRepr)
        #expect(String(describing: a) == "<socket.socket fd=\(a.fileno()), family=1, type=1, proto=0, laddr=\(expectedRepr)>")
        try a.listen()
        let cc = try socket.socket(socket.AF_UNIX)
        try cc.connect(name)
        #expect(String(reflecting: try cc.getpeername()) == expectedRepr)
        // an abstract name of 108 bytes fits: bind(b"\0" + b"a" * 107)  ->  None
        let longest = try socket.socket(socket.AF_UNIX)
        var full = uniqueAbstractName("full")
        full.append(contentsOf: [UInt8](repeating: 0x61, count: 108 - full.count))
        try longest.bind(full)
        #expect(try longest.getsockname() == .unixBytes(full))
    }

    @Test func autobind() throws {
        // B = socket.socket(socket.AF_UNIX); B.bind(""); n = B.getsockname(); print(type(n), len(n), n[0])
        // <class 'bytes'> 6 0
        let b = try socket.socket(socket.AF_UNIX)
        try b.bind("")
        let name = try b.getsockname()
        guard case .unixBytes(let data) = name else {
            Issue.record("autobind name is not bytes: \(String(reflecting: name))")
            return
        }
        #expect(data.count == 6)
        #expect(data.first == 0)
        // print(repr(socket.socket(socket.AF_UNIX).getsockname()))  ->  ''
        #expect(String(reflecting: try socket.socket(socket.AF_UNIX).getsockname()) == "''")
    }

    @Test func datagramsFromUnnamedAndAutoboundSenders() throws {
        // u = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); u.bind(q)
        // w = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); print(w.sendto(b"anon", q)); print(u.recvfrom(10))
        // 4
        // (b'anon', None)
        // w.bind(""); w.sendto(b"auto", q); dd, aa = u.recvfrom(10); print(dd, type(aa), len(aa))
        // b'auto' <class 'bytes'> 6
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("dg.sock")
        let u = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        try u.bind(path)
        let w = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        #expect(try w.sendto("anon", path) == 4)
        let (data, from) = try u.recvfrom(10)
        #expect(String(describing: data) == "b'anon'")
        #expect(String(reflecting: from) == "None")
        try w.bind("")
        _ = try w.sendto("auto", path)
        let (data2, from2) = try u.recvfrom(10)
        #expect(data2 == "auto")
        guard case .unixBytes(let name) = from2 else {
            Issue.record("autobound sender is not bytes: \(String(reflecting: from2))")
            return
        }
        #expect(name.count == 6)
        #expect(from2 == (try w.getsockname()))
    }

    @Test func fullBacklogWithTimeoutIsBlockingIOError() throws {
        // U = socket.socket(socket.AF_UNIX); U.bind(p); U.listen(0)
        // for i in range(4): c = socket.socket(socket.AF_UNIX); c.settimeout(0.05); c.connect(p)
        // unix connect 0 -> None
        // unix connect 1 !! BlockingIOError | [Errno 11] Resource temporarily unavailable   (and 2, 3)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("full.sock")
        let server = try socket.socket(socket.AF_UNIX)
        try server.bind(path)
        try server.listen(0)
        var clients: [socket] = []
        for attempt in 0..<4 {
            let c = try socket.socket(socket.AF_UNIX)
            try c.settimeout(0.05)
            clients.append(c)
            if attempt == 0 {
                try c.connect(path)
            } else {
                expectWouldBlock(thrown { try c.connect(path) })
            }
        }
    }
}
