// The Lib/socket.py layer against the real kernel (loopback) and the scripted kernel: create_connection, create_server, makefile, sendfile.
import Glibc
import PySocket
import Testing
import TestSupport

/// A temporary regular file holding `contents`, opened read-only; the caller closes the fd.
func temporaryFile(_ contents: [UInt8], in directory: TemporaryDirectory) throws -> Int32 {
    let path = directory.file("data")
    let fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw OSError.from(errno: Int(Glibc.errno)) }
    _ = contents.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    return fd
}

/// Receives until `count` bytes arrived (or end of stream), with a bound on the calls.
func receive(_ s: socket, _ count: Int) throws -> bytes {
    var data = bytes()
    for _ in 0..<10_000 where data.count < count {
        let chunk = try s.recv(count - data.count)
        if chunk.isEmpty { break }
        data += chunk
    }
    return data
}

/// The Lib/socket.py layer's tests (`swift test --filter CompositeTests`).
@Suite(.fdBalanced) enum CompositeTests {}

/// A 4 KiB regular file, already unlinked, for the exit tests.
func sendfileSource() throws -> Int32 {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    return try temporaryFile(Array(repeating: 0x61, count: 4096), in: directory)
}

extension CompositeTests {
    @Suite struct CreateConnectionTests {
        @Test func connectsWithTheDefaultTimeoutOrTheOneGiven() throws {
            // srv = socket.create_server(('127.0.0.1', 0)); port = srv.getsockname()[1]
            // c = socket.create_connection(('127.0.0.1', port)); print(c.gettimeout(), c.family, c.type, c.proto)
            //   -> None 2 1 6
            // socket.create_connection(('127.0.0.1', port), 2).gettimeout()        -> 2.0
            // socket.create_connection(('127.0.0.1', port), None).gettimeout()     -> None
            let server = try socket.create_server(("127.0.0.1", 0))
            defer { server.close() }
            let port = try server.getsockname().port
            let c = try socket.create_connection(("127.0.0.1", port))
            defer { c.close() }
            #expect(c.gettimeout() == nil)
            #expect("\(c.family) \(c.type) \(c.proto)" == "2 1 6")
            #expect(try c.getpeername() == .inet(host: "127.0.0.1", port: port))
            let labelled = try socket.create_connection(("127.0.0.1", port), timeout: 2)
            defer { labelled.close() }
            #expect(labelled.gettimeout() == 2.0)
            let positional = try socket.create_connection(("127.0.0.1", port), 2)
            defer { positional.close() }
            #expect(positional.gettimeout() == 2.0)
            let blocking = try socket.create_connection(("127.0.0.1", port), nil)
            defer { blocking.close() }
            #expect(blocking.gettimeout() == nil)
            let half = try socket.create_connection(("127.0.0.1", port), timeout: 0.5)
            defer { half.close() }
            #expect(half.gettimeout() == 0.5)
            let variable: Double? = 1.5
            let fromVariable = try socket.create_connection(("127.0.0.1", port), timeout: variable)
            defer { fromVariable.close() }
            #expect(fromVariable.gettimeout() == 1.5)
        }

        @Test func theSentinelMeansTheModuleDefault() async {
            // socket.setdefaulttimeout(3)
            // socket.create_connection(('127.0.0.1', port)).gettimeout()        -> 3.0
            // socket.create_connection(('127.0.0.1', port), None).gettimeout()  -> None
            // (in a child process: the default timeout is process-wide)
            await #expect(processExitsWith: .success) {
                let server = try socket.create_server(("127.0.0.1", 0))
                let address = ("127.0.0.1", try server.getsockname().port)
                try socket.setdefaulttimeout(3)
                func forward(_ timeout: socket.TimeoutArgument = socket._GLOBAL_DEFAULT_TIMEOUT) throws -> Double? {
                    try socket.create_connection(address, timeout: timeout).gettimeout()
                }
                let results = [try socket.create_connection(address).gettimeout(), try forward(),
                               try socket.create_connection(address, nil).gettimeout(), try forward(nil)]
                guard results == [3.0, 3.0, nil, nil] else {
                    childSays("timeouts: \(results)")
                    exit(1)
                }
                exit(0)
            }
        }

        @Test func bindsTheSourceAddressAndResolvesLocalhost() throws {
            // c = socket.create_connection(('localhost', port), source_address=('127.0.0.1', 0))
            // c.getsockname()[0]  -> '127.0.0.1'
            let server = try socket.create_server(("127.0.0.1", 0))
            defer { server.close() }
            let c = try socket.create_connection(("localhost", try server.getsockname().port), source_address: ("127.0.0.1", 0))
            defer { c.close() }
            #expect(try c.getsockname().host == "127.0.0.1")
        }

        @Test func connectsOverIPv6() throws {
            // srv = socket.create_server(('::1', 0), family=socket.AF_INET6)
            // socket.create_connection(('::1', port)).family  -> 10
            let server = try socket.create_server(("::1", 0), family: socket.AF_INET6)
            defer { server.close() }
            let c = try socket.create_connection(("::1", try server.getsockname().port))
            defer { c.close() }
            #expect(c.family == socket.AF_INET6)
        }

        @Test func raisesTheLastErrorOrAllOfThem() throws {
            // srv.close(); socket.create_connection(('127.0.0.1', port))
            //   -> ConnectionRefusedError [Errno 111] Connection refused
            // socket.create_connection(('127.0.0.1', port), all_errors=True)
            //   -> ExceptionGroup create_connection failed (1 sub-exception)
            //      e.exceptions == (ConnectionRefusedError(111, 'Connection refused'),)
            let (holder, port) = try refusingPort()
            defer { holder.close() }
            expectPython(thrown { _ = try socket.create_connection(("127.0.0.1", port)) },
                         "ConnectionRefusedError", "[Errno 111] Connection refused",
                         repr: "ConnectionRefusedError(111, 'Connection refused')", errno: 111)
            let group = thrown { _ = try socket.create_connection(("127.0.0.1", port), all_errors: true) }
            #expect(group.map { String(describing: type(of: $0)) } == "ExceptionGroup")
            #expect(group.map { String(describing: $0) } == "create_connection failed (1 sub-exception)")
            let members = (group as? ExceptionGroup)?.exceptions ?? []
            #expect(members.map { String(reflecting: $0) } == ["ConnectionRefusedError(111, 'Connection refused')"])
            #expect((group as? ExceptionGroup)?.message == "create_connection failed")
        }

        @Test func aSourceAddressThatCannotBeBoundIsTheError() throws {
            // socket.create_connection(('127.0.0.1', port), source_address=('192.0.2.1', 0))
            //   -> OSError [Errno 99] Cannot assign requested address
            let server = try socket.create_server(("127.0.0.1", 0))
            defer { server.close() }
            expectPython(thrown { _ = try socket.create_connection(("127.0.0.1", try server.getsockname().port), source_address: ("192.0.2.1", 0)) },
                         "OSError", "[Errno 99] Cannot assign requested address", errno: 99)
        }

        @Test func noDescriptorLeaks() async {
            await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
                let server = try socket.create_server(("127.0.0.1", 0))
                let port = try server.getsockname().port
                let (holder, refused) = try refusingPort()
                let steps: [(String, () throws -> Void)] = [
                    ("create_connection", { try socket.create_connection(("127.0.0.1", port)).close() }),
                    ("create_connection refused", { _ = try socket.create_connection(("127.0.0.1", refused)) }),
                    ("create_connection all_errors", { _ = try socket.create_connection(("localhost", refused), all_errors: true) }),
                    ("create_connection bad source", { _ = try socket.create_connection(("127.0.0.1", port), source_address: ("192.0.2.1", 0)) }),
                    ("create_server in use", { _ = try socket.create_server(("127.0.0.1", port)) }),
                    ("create_server bad address", { _ = try socket.create_server(("192.0.2.1", 0)) }),
                    ("create_server dualstack", { try socket.create_server(("::", 0), family: socket.AF_INET6, dualstack_ipv6: true).close() }),
                    ("has_dualstack_ipv6", { _ = socket.has_dualstack_ipv6() }),
                ]
                // The first name lookup loads the C library's resolver modules: warm up first.
                warmUp(steps)
                let leaks = leakingSteps(steps)
                holder.close()
                server.close()
                exit(leaks == 0 ? 0 : 1)
            }
        }
    }
}

extension CompositeTests {
    @Suite struct CreateServerTests {
        @Test func setsReuseAddrAndListens() throws {
            // srv = socket.create_server(('127.0.0.1', 0))
            // srv.getsockopt(SOL_SOCKET, SO_REUSEADDR), srv.getsockopt(SOL_SOCKET, SO_REUSEPORT),
            // srv.family, srv.type, srv.gettimeout()  -> 1 0 2 1 None
            let server = try socket.create_server(("127.0.0.1", 0))
            defer { server.close() }
            #expect(try server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) == 1)
            #expect(try server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) == 0)
            #expect(try server.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN) == 1)
            #expect("\(server.family) \(server.type)" == "2 1")
            #expect(server.gettimeout() == nil)
        }

        @Test func bindErrorsSayWhichAddress() throws {
            // socket.create_server(('127.0.0.1', port))  (port in use)
            //   -> OSError [Errno 98] Address already in use (while attempting to bind on address ('127.0.0.1', 41377))
            //      e.errno 98, e.args (98, "Address already in use (while attempting to bind on address ('127.0.0.1', 41377))")
            // socket.create_server(('', port))
            //   -> OSError [Errno 98] Address already in use (while attempting to bind on address ('', 41377))
            // socket.create_server(('192.0.2.1', 0))
            //   -> OSError [Errno 99] Cannot assign requested address (while attempting to bind on address ('192.0.2.1', 0))
            let server = try socket.create_server(("127.0.0.1", 0))
            defer { server.close() }
            let port = try server.getsockname().port
            let suffix = " (while attempting to bind on address ('127.0.0.1', \(port)))"
            expectPython(thrown { _ = try socket.create_server(("127.0.0.1", port)) }, "OSError",
                         "[Errno 98] Address already in use" + suffix,
                         repr: "OSError(98, \"Address already in use\(suffix)\")", errno: 98)
            expectPython(thrown { _ = try socket.create_server(("", port)) }, "OSError",
                         "[Errno 98] Address already in use (while attempting to bind on address ('', \(port)))", errno: 98)
            let unassignable = thrown { _ = try socket.create_server(("192.0.2.1", 0)) }
            expectPython(unassignable, "OSError",
                         "[Errno 99] Cannot assign requested address (while attempting to bind on address ('192.0.2.1', 0))", errno: 99)
            #expect((unassignable as? OSError)?.strerror == "Cannot assign requested address (while attempting to bind on address ('192.0.2.1', 0))")
        }

        @Test func theErrorKeepsTheErrnoSubclass() throws {
            // socket.create_server('/nonexistent/x/sock', family=socket.AF_UNIX)
            //   -> FileNotFoundError [Errno 2] No such file or directory (while attempting to bind on address '/nonexistent/x/sock')
            expectPython(thrown { _ = try socket.create_server("/nonexistent/x/sock", family: socket.AF_UNIX) },
                         "FileNotFoundError",
                         "[Errno 2] No such file or directory (while attempting to bind on address '/nonexistent/x/sock')", errno: 2)
        }

        @Test func invalidCombinations() {
            // socket.create_server(('127.0.0.1', 0), dualstack_ipv6=True)
            //   -> ValueError dualstack_ipv6 requires AF_INET6 family
            expectPython(thrown { _ = try socket.create_server(("127.0.0.1", 0), dualstack_ipv6: true) },
                         "ValueError", "dualstack_ipv6 requires AF_INET6 family",
                         repr: "ValueError('dualstack_ipv6 requires AF_INET6 family')")
        }

        @Test func ipv6OnlyIsExplicitAndDualStackAcceptsIPv4() throws {
            // s6 = socket.create_server(('::1', 0), family=socket.AF_INET6)
            // s6.getsockopt(IPPROTO_IPV6, IPV6_V6ONLY)  -> 1
            // d6 = socket.create_server(('::', 0), family=socket.AF_INET6, dualstack_ipv6=True)
            // d6.getsockopt(IPPROTO_IPV6, IPV6_V6ONLY)  -> 0;  socket.has_dualstack_ipv6() -> True
            #expect(socket.has_dualstack_ipv6())
            let only = try socket.create_server(("::1", 0), family: socket.AF_INET6)
            defer { only.close() }
            #expect(try only.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY) == 1)
            let dual = try socket.create_server(("::", 0, 0, 0), family: socket.AF_INET6, dualstack_ipv6: true)
            defer { dual.close() }
            #expect(try dual.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY) == 0)
            let client = try socket.create_connection(("127.0.0.1", try dual.getsockname().port), timeout: 2)
            defer { client.close() }
            let (conn, peer) = try dual.accept()
            defer { conn.close() }
            #expect(peer.host == "::ffff:127.0.0.1")
        }

        @Test func reusePortLetsTwoServersShareAPort() throws {
            // r = socket.create_server(('127.0.0.1', 0), reuse_port=True)
            // r.getsockopt(SOL_SOCKET, SO_REUSEPORT) -> 1; a second one on the same port binds
            let first = try socket.create_server(("127.0.0.1", 0), reuse_port: true)
            defer { first.close() }
            #expect(try first.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) == 1)
            let second = try socket.create_server(("127.0.0.1", try first.getsockname().port), backlog: 1, reuse_port: true)
            defer { second.close() }
            #expect(try second.getsockname() == first.getsockname())
        }
    }
}

extension CompositeTests {
    @Suite struct MakefileTests {
        @Test func modesAndTypes() throws {
            // a.makefile(m) for m in r w rw rb wb rwb b -> TextIOWrapper r / w / rw, BufferedReader rb,
            //   BufferedWriter wb, BufferedRWPair, BufferedReader rb; a._io_refs back to 0 after close
            // a.makefile('x') -> ValueError invalid mode 'x' (only r, w, b allowed)
            // a.makefile('r', buffering=0) -> ValueError unbuffered streams must be binary
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            for mode in ["r", "w", "rw"] {
                let f = try a.makefile(mode)
                #expect(f.mode == mode)
                try f.close()
            }
            for (mode, shown) in [("rb", "rb"), ("wb", "wb"), ("rwb", "rwb"), ("b", "rb")] {
                let f: SocketFile<bytes> = try a.makefile(mode)
                #expect(f.mode == shown)
                #expect(try f.readable() == shown.contains("r"))
                #expect(try f.writable() == shown.contains("w"))
                try f.close()
            }
            expectPython(thrown { _ = try a.makefile("x") }, "ValueError", "invalid mode 'x' (only r, w, b allowed)")
            expectPython(thrown { _ = try a.makefile("rt") }, "ValueError", "invalid mode 'rt' (only r, w, b allowed)")
            expectPython(thrown { _ = try a.makefile("r", buffering: 0) }, "ValueError", "unbuffered streams must be binary")
            #expect(throws: TypeError.self) { _ = try a.makefile("rb") }
            #expect(throws: TypeError.self) { let _: SocketFile<bytes> = try a.makefile(mode: "r") }
            // Every file above was closed: the socket closes at once.
            a.close()
            #expect(a.fileno() == -1)
        }

        @Test func binaryLinesReadAndIteration() throws {
            // b.sendall(b'a\r\nb\rc\nd'); b.shutdown(SHUT_WR); list(a.makefile('rb')) -> [b'a\r\n', b'b\rc\n', b'd']
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            try b.sendall("a\r\nb\rc\nd")
            try b.shutdown(socket.SHUT_WR)
            let f: SocketFile<bytes> = try a.makefile("rb")
            #expect(Array(f).map(\.description) == [#"b'a\r\n'"#, #"b'b\rc\n'"#, "b'd'"])
            #expect(f.iterationError == nil)
            #expect(try f.read() == "")
            try f.close()
        }

        @Test func binaryReadWaitsForTheWholeCount() throws {
            // f = a.makefile('rb'); b.sendall(b'hello\nworld\n'); f.readline() -> b'hello\n'; f.read(3) -> b'wor'
            // f.readinto(buf of 2) -> 2 (b'ld'); b.close(); f.read() -> b'\n'; f.read(5) -> b''
            let (a, b) = try socket.socketpair()
            defer { a.close() }
            let f: SocketFile<bytes> = try a.makefile("rb")
            try b.sendall("hello\nworld\n")
            #expect(try f.readline() == "hello\n")
            #expect(try f.read(3) == "wor")
            var buffer: [UInt8] = [0, 0]
            #expect(try f.readinto(&buffer) == 2)
            #expect(buffer == Array("ld".utf8))
            b.close()
            #expect(try f.read() == "\n")
            #expect(try f.read(5) == "")
            try f.close()
        }

        @Test func textUniversalNewlinesAndUTF8() throws {
            // b.sendall(b'a\r\nb\rc\nd') -> list(a.makefile('r')) == ['a\n', 'b\n', 'c\n', 'd']
            //                             list(a.makefile('r', newline='')) == ['a\r\n', 'b\r', 'c\n', 'd']
            // 'héllo wörld\n': t.read(3) 'hél', t.readline() 'lo wörld\n', t.read() '', t.read() ''
            for (newline, expected) in [(nil, ["a\n", "b\n", "c\n", "d"]), ("", ["a\r\n", "b\r", "c\n", "d"]),
                                        ("\n", ["a\r\n", "b\rc\n", "d"])] as [(String?, [String])] {
                let (a, b) = try socket.socketpair()
                defer { a.close(); b.close() }
                try b.sendall("a\r\nb\rc\nd")
                try b.shutdown(socket.SHUT_WR)
                let t = try a.makefile("r", newline: newline)
                #expect(Array(t).map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) })
                try t.close()
            }
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            try b.sendall("héllo wörld\n".encode())
            try b.shutdown(socket.SHUT_WR)
            let t = try a.makefile("r", encoding: "utf-8")
            #expect(try t.read(3) == "hél")
            #expect(try t.readline() == "lo wörld\n")
            #expect(try t.read() == "")
            #expect(try t.read() == "")
            try t.close()
            expectPython(thrown { _ = try a.makefile("r", newline: "x") }, "ValueError", "illegal newline value: 'x'")
        }

        @Test func writesAreBufferedUntilFlush() throws {
            // w = c.makefile('w', newline='\r\n'); w.write('x\ny') -> 3; w.flush(); d.recv(10) -> b'x\r\ny'
            // w = a.makefile('wb'); w.write(b'abc') -> 3, w.write(bytearray(b'de')) -> 2; w.flush() -> b'abcde'
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            try b.settimeout(0)
            let w = try a.makefile("w", newline: "\r\n")
            #expect(try w.write("x\ny") == 3)
            expectWouldBlock(thrown { _ = try b.recv(10) })
            try w.flush()
            #expect(try b.recv(10) == "x\r\ny")
            try w.close()
            let wb: SocketFile<bytes> = try a.makefile("wb")
            #expect(try wb.write("abc") == 3)
            #expect(try wb.write([UInt8]("de".utf8)) == 2)
            try wb.close()
            #expect(try b.recv(10) == "abcde")
        }

        @Test func binaryReadlineAcrossReadsAndAtEndOfStream() throws {
            // (CPython 3.13) f = a.makefile('rb'); b.sendall(b'one\ntwo'); b.close();
            // f.readline(), f.readline(), f.readline() -> b'one\n' b'two' b''
            let (a, b) = try socket.socketpair()
            defer { a.close() }
            let f: SocketFile<bytes> = try a.makefile("rb")
            try b.sendall("one\ntwo")
            b.close()
            #expect(try f.readline() == "one\n")
            #expect(try f.readline() == "two")
            #expect(try f.readline() == "")
            try f.close()
        }

        @Test func binaryReadlineWaitsForTheRestOfALine() throws {
            // (CPython 3.13) b.sendall(b'par'); another thread sends b'tial\nrest\n' 20 ms later;
            // f.readline(), f.readline() -> b'partial\n' b'rest\n'
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            let f: SocketFile<bytes> = try a.makefile("rb")
            try b.sendall("par")
            let sender = onThread {
                usleep(20_000)
                try b.sendall("tial\nrest\n")
            }
            #expect(try f.readline() == "partial\n")
            #expect(try f.readline() == "rest\n")
            try sender()
            try f.close()
        }

        @Test func unbufferedBinaryTakesNothingPastTheLine() throws {
            // f = a.makefile('rb', buffering=0) -> SocketIO; b.sendall(b'one\ntwo'); f.readline() -> b'one\n';
            // a.recv(10) -> b'two'
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            let f: SocketFile<bytes> = try a.makefile("rb", buffering: 0)
            try b.sendall("one\ntwo")
            #expect(try f.readline() == "one\n")
            #expect(try a.recv(10) == "two")
            try b.sendall("xyz")
            #expect(try f.read(10) == "xyz")
            try f.close()
        }

        @Test func theFileKeepsTheDescriptorAfterClose() throws {
            // f = a.makefile('rb'); a.close(); repr(a) starts '<socket.socket [closed] fd=3'; a.fileno() -> 3
            // b.sendall(b'hello\nworld\n'); f.readline() -> b'hello\n'; f.close(); a.fileno() -> -1
            let (a, b) = try socket.socketpair()
            defer { b.close() }
            let fd = a.fileno()
            let f: SocketFile<bytes> = try a.makefile("rb")
            a.close()
            #expect(a.fileno() == fd)
            #expect(a.description.hasPrefix("<socket.socket [closed] fd=\(fd),"))
            try b.sendall("hello\nworld\n")
            #expect(try f.readline() == "hello\n")
            try f.close()
            #expect(a.fileno() == -1)
        }

        @Test func releasingTheFileReleasesTheDescriptor() throws {
            // (that the descriptor really closes is counted in noDescriptorLeaks, in a child process)
            let (a, b) = try socket.socketpair()
            defer { b.close() }
            do {
                let f = try a.makefile("w")
                a.close()
                try f.write("unsent")
            }
            #expect(a.fileno() == -1)
            #expect(try b.recv(10) == "unsent")
        }

        @Test func afterATimeoutTheFileRefusesToRead() throws {
            // c.settimeout(0.05); f = c.makefile('rb'); f.read(1) -> TimeoutError timed out
            // f.read(1) -> OSError cannot read from timed out object (errno None), even once data came
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            try a.settimeout(0.05)
            let f: SocketFile<bytes> = try a.makefile("rb")
            expectTimedOut(thrown { _ = try f.read(1) })
            expectPython(thrown { _ = try f.read(1) }, "OSError", "cannot read from timed out object",
                         repr: "OSError('cannot read from timed out object')")
            try b.sendall("x")
            expectPython(thrown { _ = try f.read(1) }, "OSError", "cannot read from timed out object")
            try f.close()
        }

        @Test func iterationStopsAtAnErrorAndKeepsIt() throws {
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            try a.settimeout(0.05)
            try b.sendall("one\n")
            let f = try a.makefile()
            #expect(Array(f) == ["one\n"])
            expectTimedOut(f.iterationError)
            try f.close()
        }

        @Test func closedAndUnsupportedOperations() throws {
            // (captured) rb: read -> ValueError read of closed file; readline -> readline of closed file;
            //   write -> UnsupportedOperation write; flush -> I/O operation on closed file.
            // wb: read -> UnsupportedOperation read; write -> write to closed file; flush -> flush of closed file
            // r/w (text): every operation -> ValueError I/O operation on closed file.
            // open w: read -> UnsupportedOperation not readable; open r: write -> not writable
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            let rb: SocketFile<bytes> = try a.makefile("rb")
            try rb.close()
            try rb.close()
            expectPython(thrown { _ = try rb.read() }, "ValueError", "read of closed file")
            expectPython(thrown { _ = try rb.readline() }, "ValueError", "readline of closed file")
            var two: [UInt8] = [0, 0]
            expectPython(thrown { _ = try rb.readinto(&two) }, "ValueError", "readinto of closed file")
            expectPython(thrown { try rb.write("x") }, "UnsupportedOperation", "write")
            expectPython(thrown { try rb.flush() }, "ValueError", "I/O operation on closed file.")
            let wb: SocketFile<bytes> = try a.makefile("wb")
            try wb.close()
            expectPython(thrown { _ = try wb.read() }, "UnsupportedOperation", "read")
            expectPython(thrown { try wb.write("x") }, "ValueError", "write to closed file")
            expectPython(thrown { try wb.flush() }, "ValueError", "flush of closed file")
            let r = try a.makefile("r")
            expectPython(thrown { try r.write("x") }, "UnsupportedOperation", "not writable")
            try r.close()
            expectPython(thrown { _ = try r.readline() }, "ValueError", "I/O operation on closed file.")
            let w = try a.makefile("w")
            expectPython(thrown { _ = try w.read() }, "UnsupportedOperation", "not readable")
            #expect(thrown { _ = try w.read() } is OSError)
            try w.close()
            expectPython(thrown { try w.write("x") }, "ValueError", "I/O operation on closed file.")
            #expect(Array(w).isEmpty)
            expectPython(w.iterationError, "ValueError", "I/O operation on closed file.")
        }

        @Test func rawSocketIO() throws {
            // r = socket.SocketIO(a, 'rb'): readable True, writable False, seekable False, mode 'rb', name == fd
            // r.close(): closed True; readable() -> ValueError I/O operation on closed socket.
            //   fileno() / readinto() -> ValueError I/O operation on closed file.
            // SocketIO(a, 'x') -> ValueError invalid mode: 'x'; SocketIO(a,'r').mode 'rb', 'w' -> 'wb', 'rw' -> 'rwb'
            // non-blocking: SocketIO(c, 'rb').readinto(buf) -> None
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            let r = try socket.SocketIO(a, "rb")
            #expect(try r.readable() && !(try r.writable()) && !(try r.seekable()))
            #expect(r.mode == "rb" && r.name == a.fileno())
            try b.sendall("ab")
            var buffer = [UInt8](repeating: 0, count: 4)
            #expect(try r.readinto(&buffer) == 2)
            try a.setblocking(false)
            #expect(try r.readinto(&buffer) == nil)
            r.close()
            #expect(r.closed && r.name == -1)
            expectPython(thrown { _ = try r.readable() }, "ValueError", "I/O operation on closed socket.")
            expectPython(thrown { _ = try r.fileno() }, "ValueError", "I/O operation on closed file.")
            expectPython(thrown { _ = try r.readinto(&buffer) }, "ValueError", "I/O operation on closed file.")
            expectPython(thrown { _ = try socket.SocketIO(a, "x") }, "ValueError", "invalid mode: 'x'")
            #expect(try [socket.SocketIO(a, "r").mode, socket.SocketIO(a, "w").mode, socket.SocketIO(a, "rw").mode] == ["rb", "wb", "rwb"])
        }

        @Test func nonBlockingReads() throws {
            // c.setblocking(False); f = c.makefile('rb'); f.read(5) -> None; f.readline() -> b''
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            try a.setblocking(false)
            let f: SocketFile<bytes> = try a.makefile("rb")
            expectWouldBlock(thrown { _ = try f.read(5) })
            #expect(try f.readline() == "")
            try f.close()
        }

        @Test func noDescriptorLeaks() async {
            await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
                let leaks = leakingSteps([
                    ("makefile, close socket, close file", {
                        let (a, b) = try socket.socketpair()
                        let f = try a.makefile("rw")
                        a.close(); b.close()
                        try f.close()
                    }),
                    ("makefile released without close", {
                        let (a, b) = try socket.socketpair()
                        let f: SocketFile<bytes> = try a.makefile("rwb")
                        _ = f
                        a.close(); b.close()
                    }),
                    ("makefile rejected", {
                        let (a, b) = try socket.socketpair()
                        defer { a.close(); b.close() }
                        _ = try a.makefile("r", buffering: 0)
                    }),
                ])
                exit(leaks == 0 ? 0 : 1)
            }
        }
    }
}

extension CompositeTests {
    @Suite struct SendfileTests {
        @Test func sendsARegularFile() throws {
            // open(p,'wb').write(b'0123456789' * 1000); a, b = socket.socketpair()
            // a.sendfile(f) -> 10000; a.sendfile(f, 5, 10) -> 10 (b'5678901234'); a.sendfile(f, 9995) -> 5 (b'56789')
            // a.sendfile(f, 20000) -> 0
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let fd = try temporaryFile(Array(String(repeating: "0123456789", count: 1000).utf8), in: directory)
            defer { Glibc.close(fd) }
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            #expect(try a.sendfile(fd) == 10000)
            #expect(try receive(b, 10000).count == 10000)
            #expect(try a.sendfile(fd, offset: 5, count: 10) == 10)
            #expect(try b.recv(100) == "5678901234")
            #expect(try a.sendfile(fd, 9995) == 5)
            #expect(try b.recv(100) == "56789")
            #expect(try a.sendfile(fd, offset: 20000) == 0)
            #expect(lseek(fd, 0, SEEK_CUR) == 10000, "the descriptor's position is not moved")
        }

        @Test func withATimeoutOverTCP() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let contents = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            let fd = try temporaryFile(contents, in: directory)
            defer { Glibc.close(fd) }
            let (client, server, listener) = try tcpPair()
            defer { client.close(); server.close(); listener.close() }
            try client.settimeout(5)
            let reader = Task { try receive(server, contents.count) }
            #expect(try client.sendfile(fd) == contents.count)
            #expect(try await reader.value.storage == contents)
        }

        @Test func argumentErrors() throws {
            // a.sendfile(f, 0, 0) -> ValueError count must be a positive integer (got 0)   (-1 likewise)
            // udp.sendfile(f) -> ValueError only SOCK_STREAM type sockets are supported
            // a.setblocking(False); a.sendfile(f) -> ValueError non-blocking sockets are not supported
            // a.sendfile(f, -1) -> OSError [Errno 22] Invalid argument
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let fd = try temporaryFile(Array("data".utf8), in: directory)
            defer { Glibc.close(fd) }
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            expectPython(thrown { _ = try a.sendfile(fd, 0, 0) }, "ValueError", "count must be a positive integer (got 0)")
            expectPython(thrown { _ = try a.sendfile(fd, count: -1) }, "ValueError", "count must be a positive integer (got -1)")
            let udp = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            defer { udp.close() }
            expectPython(thrown { _ = try udp.sendfile(fd) }, "ValueError", "only SOCK_STREAM type sockets are supported")
            try a.setblocking(false)
            expectPython(thrown { _ = try a.sendfile(fd) }, "ValueError", "non-blocking sockets are not supported")
            try a.setblocking(true)
            expectPython(thrown { _ = try a.sendfile(fd, -1) }, "OSError", "[Errno 22] Invalid argument", errno: 22)
        }

        @Test func toAClosedPeerIsBrokenPipeNotSIGPIPE() async {
            // a, b = socket.socketpair(); b.close(); a.sendfile(f) -> BrokenPipeError [Errno 32] Broken pipe
            await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
                restoreDefaultSigpipe()
                let (a, b) = try socket.socketpair()
                b.close()
                expectBrokenPipe { _ = try a.sendfile(try sendfileSource()) }
            }
        }

        @Test func toAClosedPeerWithATimeoutIsBrokenPipeNotSIGPIPE() async {
            // a.settimeout(0.5); the same -> BrokenPipeError [Errno 32] Broken pipe
            await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
                restoreDefaultSigpipe()
                let (a, b) = try socket.socketpair()
                try a.settimeout(0.5)
                b.close()
                expectBrokenPipe { _ = try a.sendfile(try sendfileSource()) }
            }
        }

        @Test func scriptedFallbackToSend() throws {
            // sendfile(2) failing on the first chunk (EINVAL: not a file it can read) -> read and send()
            let kernel = ScriptedKernel([
                .ok("socketpair", 7),
                .fail("sendfile", EINVAL),
                .ok("pread", 5), .ok("send", 3), .ok("send", 2),
                .ok("pread", 0),
            ])
            try socket.$interface.withValue(kernel) {
                let (a, b) = try socket.socketpair()
                _ = b.detach()
                #expect(try a.sendfile(42, offset: 100) == 5)
                _ = a.detach()
            }
            #expect(kernel.mismatches == [])
            #expect(kernel.log == ["socketpair(1, 1, 0)", "sendfile(7, 42, offset=100, 1073741824)",
                                   "pread(42, 8192, offset=100)", "send(7, 5)", "send(7, 2)", "pread(42, 8192, offset=105)"])
        }

        @Test func scriptedTimeoutGivesEveryChunkTheWholeTimeout() throws {
            // CPython waits up to the full timeout for each os.sendfile chunk and raises
            // TimeoutError('timed out') when the socket does not become writable. PySocket tries
            // each chunk first and waits (in perform) only on EAGAIN, with a fresh deadline per
            // chunk: the second wait is 250 ms again although 200 ms went by in the first.
            let kernel = ScriptedKernel([
                .ok("socketpair", 7), .ok("fcntl", 2), .ok("fcntl", 0),
                .fail("sendfile", EAGAIN), .ok("poll", 4, elapsed: 200_000_000), .ok("sendfile", 1000),
                .fail("sendfile", EAGAIN), .ok("poll", 0),
            ])
            try socket.$interface.withValue(kernel) {
                let (a, b) = try socket.socketpair()
                _ = b.detach()
                try a.settimeout(0.25)
                expectTimedOut(thrown { _ = try a.sendfile(42, count: 5000) })
                _ = a.detach()
            }
            #expect(kernel.mismatches == [])
            #expect(Array(kernel.log.suffix(5)) == ["sendfile(7, 42, offset=0, 5000)", "poll(fd=7, events=4, timeout=250)",
                                                     "sendfile(7, 42, offset=0, 5000)", "sendfile(7, 42, offset=1000, 4000)",
                                                     "poll(fd=7, events=4, timeout=250)"])
        }
    }
}
