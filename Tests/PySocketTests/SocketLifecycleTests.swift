// The socket object's life: creation and defaults, repr, close, detach, dup, inheritable, socket(fileno:).
import Glibc
import PySocket
import TestSupport
import Testing

@Suite(.fdBalanced) struct SocketCreationTests {
    @Test func defaultsAreInetStream() throws {
        // s = socket.socket(); print(s); print(repr(s.family), s.family, repr(s.type), s.type, s.proto)
        // <socket.socket fd=3, family=2, type=1, proto=0, laddr=('0.0.0.0', 0)>
        // <AddressFamily.AF_INET: 2> 2 <SocketKind.SOCK_STREAM: 1> 1 0
        let s = try socket.socket()
        defer { s.close() }
        #expect(String(describing: s) == "<socket.socket fd=\(s.fileno()), family=2, type=1, proto=0, laddr=('0.0.0.0', 0)>")
        #expect(String(reflecting: s.family) == "<AddressFamily.AF_INET: 2>")
        #expect(String(describing: s.family) == "2")
        #expect(String(reflecting: s.type) == "<SocketKind.SOCK_STREAM: 1>")
        #expect(String(describing: s.type) == "1")
        #expect(s.proto == 0)
        #expect(s.fileno() >= 0)
    }

    @Test func reprOfEachKind() throws {
        // g = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); print(g)
        // <socket.socket fd=8, family=2, type=2, proto=0, laddr=('0.0.0.0', 0)>
        let g = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        #expect(String(describing: g) == "<socket.socket fd=\(g.fileno()), family=2, type=2, proto=0, laddr=('0.0.0.0', 0)>")
        // u = socket.socket(socket.AF_UNIX); print(u)
        // <socket.socket fd=4, family=1, type=1, proto=0>
        let u = try socket.socket(socket.AF_UNIX)
        #expect(String(describing: u) == "<socket.socket fd=\(u.fileno()), family=1, type=1, proto=0>")
        // sp = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET); print(sp, sp.type)
        // <socket.socket fd=12, family=1, type=5, proto=0> 5
        let sp = try socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        #expect(String(describing: sp) == "<socket.socket fd=\(sp.fileno()), family=1, type=5, proto=0>")
        #expect(String(describing: sp.type) == "5")
        // a, b = socket.socketpair(); print(a); print(a.family, a.type, a.proto)
        // <socket.socket fd=6, family=1, type=1, proto=0>
        // 1 1 0
        let (a, b) = try socket.socketpair()
        #expect(String(describing: a) == "<socket.socket fd=\(a.fileno()), family=1, type=1, proto=0>")
        #expect("\(a.family) \(a.type) \(a.proto)" == "1 1 0")
        #expect(a.fileno() != b.fileno())
        // print(repr(a)) is the same text: socket.__repr__ is its __str__
        #expect(String(reflecting: a) == String(describing: a))
    }

    @Test func reprOfBoundListeningAndConnected() throws {
        // s.bind(("127.0.0.1", 0)); s.listen(); print(s)
        // <socket.socket fd=3, family=2, type=1, proto=0, laddr=('127.0.0.1', 58261)>
        let (server, address) = try listener()
        let port = address.port
        #expect(String(describing: server) == "<socket.socket fd=\(server.fileno()), family=2, type=1, proto=0, laddr=('127.0.0.1', \(port))>")
        // c = socket.socket(); c.connect(s.getsockname()); print(c)
        // <socket.socket fd=4, family=2, type=1, proto=0, laddr=('127.0.0.1', 45212), raddr=('127.0.0.1', 58261)>
        let c = try socket.socket()
        try c.connect(address)
        let clientPort = try c.getsockname().port
        #expect(String(describing: c) == "<socket.socket fd=\(c.fileno()), family=2, type=1, proto=0, laddr=('127.0.0.1', \(clientPort)), raddr=('127.0.0.1', \(port))>")
        // conn, addr = s.accept(); print(conn, addr, repr(addr))
        // <socket.socket fd=5, family=2, type=1, proto=0, laddr=('127.0.0.1', 58261), raddr=('127.0.0.1', 45212)> ('127.0.0.1', 45212) ('127.0.0.1', 45212)
        let (conn, peer) = try server.accept()
        #expect(String(describing: conn) == "<socket.socket fd=\(conn.fileno()), family=2, type=1, proto=0, laddr=('127.0.0.1', \(port)), raddr=('127.0.0.1', \(clientPort))>")
        #expect(String(describing: peer) == "('127.0.0.1', \(clientPort))")
        #expect(String(reflecting: peer) == "('127.0.0.1', \(clientPort))")
        #expect(peer == .inet(host: "127.0.0.1", port: clientPort))
    }

    @Test func reprOfIPv6() throws {
        // six = socket.socket(socket.AF_INET6); six.bind(("::1", 0)); print(six); print(six.getsockname())
        // <socket.socket fd=11, family=10, type=1, proto=0, laddr=('::1', 42673, 0, 0)>
        // ('::1', 42673, 0, 0)
        let six = try socket.socket(socket.AF_INET6)
        try six.bind(("::1", 0))
        let port = try six.getsockname().port
        #expect(port > 0)
        #expect(String(describing: six) == "<socket.socket fd=\(six.fileno()), family=10, type=1, proto=0, laddr=('::1', \(port), 0, 0)>")
        #expect(String(describing: try six.getsockname()) == "('::1', \(port), 0, 0)")
    }

    @Test func nonblockFlagInType() throws {
        // n = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
        // print(n, n.type, repr(n.type), n.gettimeout(), n.getblocking())
        // <socket.socket fd=9, family=2, type=1, proto=0, laddr=('0.0.0.0', 0)> 1 <SocketKind.SOCK_STREAM: 1> 0.0 False
        let n = try socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
        #expect(String(describing: n) == "<socket.socket fd=\(n.fileno()), family=2, type=1, proto=0, laddr=('0.0.0.0', 0)>")
        #expect(String(describing: n.type) == "1")
        #expect(String(reflecting: n.type) == "<SocketKind.SOCK_STREAM: 1>")
        #expect(n.gettimeout() == 0.0)
        #expect(n.getblocking() == false)
        #expect(!isBlocking(n.fileno()))
        // print(os.get_blocking(socket.socket().fileno()))  ->  True
        let plain = try socket.socket()
        #expect(isBlocking(plain.fileno()))
    }

    @Test func unsupportedFamilyRaises() throws {
        // socket.socketpair(socket.AF_INET)
        // OSError | [Errno 95] Operation not supported | OSError(95, 'Operation not supported')
        expectPython(thrown { _ = try socket.socketpair(socket.AF_INET) }, "OSError", "[Errno 95] Operation not supported",
                     repr: "OSError(95, 'Operation not supported')", errno: 95)
    }
}

@Suite(.fdBalanced) struct SocketCloseTests {
    @Test func closeTwiceAndFilenoAfterClose() throws {
        // c.close(); print(c); print(c.fileno()); c.close(); print(c)
        // <socket.socket [closed] fd=-1, family=2, type=1, proto=0>
        // -1
        // <socket.socket [closed] fd=-1, family=2, type=1, proto=0>
        let (client, server, listener) = try tcpPair()
        defer { server.close(); listener.close() }
        client.close()
        #expect(String(describing: client) == "<socket.socket [closed] fd=-1, family=2, type=1, proto=0>")
        #expect(client.fileno() == -1)
        client.close()
        #expect(String(describing: client) == "<socket.socket [closed] fd=-1, family=2, type=1, proto=0>")
        #expect(client.fileno() == -1)
    }

    @Test func detachGivesUpTheDescriptor() throws {
        // d = conn.detach(); print(conn, d)
        // <socket.socket [closed] fd=-1, family=2, type=1, proto=0> 5
        // x = socket.socket(); fdx = x.detach(); print(x.fileno(), x.detach(), fdx >= 0); os.close(fdx); print(x)
        // -1 -1 True
        // <socket.socket [closed] fd=-1, family=2, type=1, proto=0>
        let x = try socket.socket()
        let before = x.fileno()
        let fd = x.detach()
        #expect(fd == before)
        #expect(x.fileno() == -1)
        #expect(x.detach() == -1)
        #expect(String(describing: x) == "<socket.socket [closed] fd=-1, family=2, type=1, proto=0>")
        // the descriptor is still open: the kernel still answers SO_TYPE on it
        var type: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        #expect(Glibc.getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) == 0)
        #expect(type == 1)
        #expect(Glibc.close(fd) == 0)
    }

    @Test func operationsOnAClosedSocket() throws {
        // c = socket.socket(); c.close(); then each call below:
        // OSError | [Errno 9] Bad file descriptor | OSError(9, 'Bad file descriptor') | errno 9
        // (connect_ex -> 9, detach -> -1, fileno -> -1)
        let c = try socket.socket()
        c.close()
        var buffer = [UInt8](repeating: 0, count: 1)
        expectBadFileDescriptor(thrown { try c.bind(("127.0.0.1", 0)) })
        expectBadFileDescriptor(thrown { try c.listen() })
        expectBadFileDescriptor(thrown { _ = try c.accept() })
        expectBadFileDescriptor(thrown { try c.connect(("127.0.0.1", 1)) })
        #expect(try c.connect_ex(("127.0.0.1", 1)) == 9)
        expectBadFileDescriptor(thrown { _ = try c.send("x") })
        expectBadFileDescriptor(thrown { try c.sendall("x") })
        expectBadFileDescriptor(thrown { _ = try c.sendto("x", ("127.0.0.1", 1)) })
        expectBadFileDescriptor(thrown { _ = try c.recv(1) })
        expectBadFileDescriptor(thrown { _ = try c.recv_into(&buffer) })
        expectBadFileDescriptor(thrown { _ = try c.recvfrom(1) })
        expectBadFileDescriptor(thrown { _ = try c.recvfrom_into(&buffer) })
        expectBadFileDescriptor(thrown { try c.shutdown(socket.SHUT_RDWR) })
        expectBadFileDescriptor(thrown { _ = try c.getsockname() })
        expectBadFileDescriptor(thrown { _ = try c.getpeername() })
        expectBadFileDescriptor(thrown { _ = try c.dup() })
        expectBadFileDescriptor(thrown { _ = try c.get_inheritable() })
        expectBadFileDescriptor(thrown { try c.set_inheritable(true) })
        expectBadFileDescriptor(thrown { _ = try c.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) })
        expectBadFileDescriptor(thrown { try c.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1) })
        #expect(c.detach() == -1)
        #expect(c.fileno() == -1)
        // c = socket.socket(); c.close(); print(c.gettimeout(), c.getblocking())  ->  None True
        #expect(c.gettimeout() == nil)
        #expect(c.getblocking() == true)
        // c.settimeout(1) -> OSError [Errno 9]; then print(c.gettimeout())  ->  1.0 (set before fcntl fails)
        expectBadFileDescriptor(thrown { try c.settimeout(1) })
        #expect(c.gettimeout() == 1.0)
        // c.setblocking(False) -> OSError [Errno 9]; then print(c.gettimeout(), c.getblocking())  ->  0.0 False
        expectBadFileDescriptor(thrown { try c.setblocking(false) })
        #expect(c.gettimeout() == 0.0)
        #expect(c.getblocking() == false)
    }

    @Test func operationsOnAClosedSocketWithTimeout() throws {
        // c2 = socket.socket(); c2.settimeout(0.05); c2.close(); c2.recv(1) / accept() / connect(...) / sendall(b"x")
        // OSError | [Errno 9] Bad file descriptor   (each; not a timeout)
        let c = try socket.socket()
        try c.settimeout(0.05)
        c.close()
        expectBadFileDescriptor(thrown { _ = try c.recv(1) })
        expectBadFileDescriptor(thrown { _ = try c.accept() })
        expectBadFileDescriptor(thrown { try c.connect(("127.0.0.1", 1)) })
        expectBadFileDescriptor(thrown { try c.sendall("x") })
    }
}

@Suite(.fdBalanced) struct SocketDupInheritTests {
    @Test func createdCloseOnExec() throws {
        // s = socket.socket(); print(s.get_inheritable(), bool(fcntl.fcntl(s.fileno(), fcntl.F_GETFD) & fcntl.FD_CLOEXEC))
        // False True
        let s = try socket.socket()
        #expect(try s.get_inheritable() == false)
        #expect(isCloseOnExec(s.fileno()))
        // every other fd-creating path: socketpair, accept, dup, SOCK_NONBLOCK
        let (a, b) = try socket.socketpair()
        #expect(isCloseOnExec(a.fileno()) && isCloseOnExec(b.fileno()))
        let (client, server, listener) = try tcpPair()
        #expect(isCloseOnExec(client.fileno()))
        #expect(isCloseOnExec(server.fileno()))
        #expect(isCloseOnExec(listener.fileno()))
        #expect(try server.get_inheritable() == false)
        let d = try s.dup()
        #expect(isCloseOnExec(d.fileno()))
        let n = try socket.socket(socket.AF_INET6, socket.SOCK_DGRAM | socket.SOCK_NONBLOCK)
        #expect(isCloseOnExec(n.fileno()))
    }

    @Test func setInheritable() throws {
        // s.set_inheritable(True); print(s.get_inheritable(), bool(fcntl.fcntl(s.fileno(), fcntl.F_GETFD) & fcntl.FD_CLOEXEC))
        // True False
        // s.set_inheritable(False); print(s.get_inheritable())
        // False
        let s = try socket.socket()
        try s.set_inheritable(true)
        #expect(try s.get_inheritable() == true)
        #expect(!isCloseOnExec(s.fileno()))
        try s.set_inheritable(false)
        #expect(try s.get_inheritable() == false)
        #expect(isCloseOnExec(s.fileno()))
    }

    @Test func dupKeepsTimeoutAndIsNotInheritable() throws {
        // s.settimeout(0.07); d = s.dup(); print(d.gettimeout(), d.fileno() != s.fileno(), d.get_inheritable(), d.family, d.type)
        // 0.07 True False 2 1
        let s = try socket.socket()
        try s.settimeout(0.07)
        let d = try s.dup()
        #expect(d.gettimeout() == 0.07)
        #expect(d.fileno() != s.fileno())
        #expect(try d.get_inheritable() == false)
        #expect("\(d.family) \(d.type)" == "2 1")
        #expect(!isBlocking(d.fileno()))
        // s.set_inheritable(True); d2 = s.dup(); print(d2.get_inheritable())  ->  False
        try s.set_inheritable(true)
        let d2 = try s.dup()
        #expect(try d2.get_inheritable() == false)
        // s.setblocking(False); d3 = s.dup(); print(d3.gettimeout())  ->  0.0
        try s.setblocking(false)
        #expect(try s.dup().gettimeout() == 0.0)
        // s.settimeout(None); d4 = s.dup(); print(d4.gettimeout(), os.get_blocking(d4.fileno()))  ->  None True
        try s.settimeout(nil)
        let d4 = try s.dup()
        #expect(d4.gettimeout() == nil)
        #expect(isBlocking(d4.fileno()))
    }

    @Test func dupSharesTheConnection() throws {
        let (a, b) = try socket.socketpair()
        let d = try a.dup()
        a.close()
        _ = try d.send("via dup")
        // a.close() does not close the duplicate: b still receives what d sends
        #expect(try b.recv(100) == "via dup")
    }
}

@Suite(.fdBalanced) struct SocketFromFilenoTests {
    @Test func autodetectsFamilyTypeProto() throws {
        // a, b = socket.socketpair(); w = socket.socket(fileno=a.detach()); print(w.family, w.type, w.proto, repr(w.family), w.gettimeout())
        // 1 1 0 <AddressFamily.AF_UNIX: 1> None
        let (a, _) = try socket.socketpair()
        let w = try socket.socket(fileno: a.detach())
        #expect("\(w.family) \(w.type) \(w.proto)" == "1 1 0")
        #expect(String(reflecting: w.family) == "<AddressFamily.AF_UNIX: 1>")
        #expect(w.gettimeout() == nil)
        // u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u.bind(("::1", 0))
        // w2 = socket.socket(fileno=u.detach()); print(w2.family, w2.type, w2.proto, w2.getsockname()[0])
        // 10 2 17 ::1
        let u = try socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        try u.bind(("::1", 0))
        let w2 = try socket.socket(fileno: u.detach())
        #expect("\(w2.family) \(w2.type) \(w2.proto) \(try w2.getsockname()[0])" == "10 2 17 ::1")
        // ud = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); w5 = socket.socket(fileno=ud.detach()); print(w5.family, w5.type, w5.proto)
        // 2 2 17
        let ud = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        let w5 = try socket.socket(fileno: ud.detach())
        #expect("\(w5.family) \(w5.type) \(w5.proto)" == "2 2 17")
        // sp = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET); w4 = socket.socket(fileno=sp.detach()); print(w4.type)
        // 5
        let sp = try socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        let w4 = try socket.socket(fileno: sp.detach())
        #expect(String(describing: w4.type) == "5")
    }

    @Test func wrappedNonblockingDescriptorKeepsItsMode() throws {
        // t = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
        // w3 = socket.socket(fileno=t.detach()); print(w3.type, w3.gettimeout(), os.get_blocking(w3.fileno()))
        // 1 None False
        let t = try socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
        let w3 = try socket.socket(fileno: t.detach())
        #expect(String(describing: w3.type) == "1")
        #expect(w3.gettimeout() == nil)
        #expect(!isBlocking(w3.fileno()))
    }

    @Test func negativeDescriptor() {
        // socket.socket(fileno=-1)  /  socket.socket(fileno=-5)
        // ValueError | negative file descriptor | ValueError('negative file descriptor')
        expectPython(thrown { _ = try socket.socket(fileno: -1) }, "ValueError", "negative file descriptor",
                     repr: "ValueError('negative file descriptor')")
        expectPython(thrown { _ = try socket.socket(fileno: -5) }, "ValueError", "negative file descriptor",
                     repr: "ValueError('negative file descriptor')")
    }

    @Test func badDescriptor() {
        // socket.socket(fileno=1000000)
        // OSError | [Errno 9] Bad file descriptor | OSError(9, 'Bad file descriptor')
        expectBadFileDescriptor(thrown { _ = try socket.socket(fileno: 1_000_000) })
    }

    @Test func nonSocketDescriptor() throws {
        // fd = os.open("/dev/null", os.O_RDONLY); socket.socket(fileno=fd)
        // OSError | [Errno 88] Socket operation on non-socket | OSError(88, 'Socket operation on non-socket')
        // socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, fileno=fd)  ->  the same; and fd stays open
        let fd = open("/dev/null", O_RDONLY | O_CLOEXEC)
        try #require(fd >= 0)
        defer { Glibc.close(fd) }
        expectPython(thrown { _ = try socket.socket(fileno: fd) }, "OSError", "[Errno 88] Socket operation on non-socket",
                     repr: "OSError(88, 'Socket operation on non-socket')", errno: 88)
        do {
            // detached at once if it is (wrongly) created, so that its deinit cannot close `fd`
            let wrapped = try socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, fileno: fd)
            wrapped.detach()
            Issue.record("socket(AF_INET, SOCK_STREAM, 0, fileno: /dev/null) returned a socket")
        } catch {
            expectPython(error, "OSError", "[Errno 88] Socket operation on non-socket",
                         repr: "OSError(88, 'Socket operation on non-socket')", errno: 88)
        }
        // the descriptor was not closed by the failed constructor
        #expect(fcntl(fd, F_GETFD) >= 0)
    }
}
