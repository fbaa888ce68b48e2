// The timeout model: settimeout validation, blocking/non-blocking/timeout modes, TimeoutError, the default timeout.
import Glibc
import PySocket
import TestSupport
import Testing

@Suite(.fdBalanced) struct SocketTimeoutTests {
    @Test(arguments: [
        // s.settimeout(v); print(s.gettimeout())
        // settimeout 0 -> 0.0 / 0.0 -> 0.0 / 0.05 -> 0.05 / 5 -> 5.0 / None -> None
        // settimeout 1e-10 -> 1e-09 / 0.30000000000000004 -> 0.300000001
        (Double?.some(0), Double?.some(0.0)),
        (0.05, 0.05),
        (5, 5.0),
        (nil, nil),
        (1e-10, 1e-09),
        (0.1 + 0.2, 0.300000001),
        // 2147483648 -> 2147483648.0 / 9200000000.0 -> 9200000000.0
        (2_147_483_648, 2_147_483_648.0),
        (9.2e9, 9.2e9),
    ])
    func settimeoutRoundsToNanoseconds(value: Double?, expected: Double?) throws {
        let s = try socket.socket()
        try s.settimeout(value)
        #expect(s.gettimeout() == expected)
        #expect(s.timeout == expected)
    }

    @Test func settimeoutRejectsBadValues() throws {
        let s = try socket.socket()
        // settimeout -1 !! ValueError | Timeout value out of range | ValueError('Timeout value out of range')
        // settimeout -0.5 !! (the same)
        for value in [-1.0, -0.5] {
            expectPython(thrown { try s.settimeout(value) }, "ValueError", "Timeout value out of range",
                         repr: "ValueError('Timeout value out of range')")
        }
        // settimeout nan !! ValueError | Invalid value NaN (not a number) | ValueError('Invalid value NaN (not a number)')
        expectPython(thrown { try s.settimeout(.nan) }, "ValueError", "Invalid value NaN (not a number)",
                     repr: "ValueError('Invalid value NaN (not a number)')")
        // settimeout inf / 1e+300 / 10000000000.0 / 9300000000.0
        // !! OverflowError | timestamp out of range for platform time_t | OverflowError('timestamp out of range for platform time_t')
        for value in [Double.infinity, 1e300, 1e10, 9.3e9] {
            expectPython(thrown { try s.settimeout(value) }, "OverflowError", "timestamp out of range for platform time_t",
                         repr: "OverflowError('timestamp out of range for platform time_t')")
        }
        // the rejected values left the socket as it was
        #expect(s.gettimeout() == nil)
        #expect(isBlocking(s.fileno()))
    }

    @Test func setdefaulttimeoutRejectsBadValues() {
        // socket.setdefaulttimeout(-1)  ->  ValueError | Timeout value out of range
        // socket.setdefaulttimeout(float('nan'))  ->  ValueError | Invalid value NaN (not a number)
        // socket.setdefaulttimeout(float('inf'))  ->  OverflowError | timestamp out of range for platform time_t
        // print(socket.getdefaulttimeout())  ->  None
        expectPython(thrown { try socket.setdefaulttimeout(-1) }, "ValueError", "Timeout value out of range",
                     repr: "ValueError('Timeout value out of range')")
        expectPython(thrown { try socket.setdefaulttimeout(.nan) }, "ValueError", "Invalid value NaN (not a number)",
                     repr: "ValueError('Invalid value NaN (not a number)')")
        expectPython(thrown { try socket.setdefaulttimeout(.infinity) }, "OverflowError",
                     "timestamp out of range for platform time_t",
                     repr: "OverflowError('timestamp out of range for platform time_t')")
        #expect(socket.getdefaulttimeout() == nil)
    }

    @Test func modes() throws {
        // s.settimeout(None); print(s.getblocking(), s.gettimeout(), s.timeout)  ->  True None None
        // s.setblocking(False); print(s.getblocking(), s.gettimeout(), s.timeout)  ->  False 0.0 0.0
        // s.settimeout(2.5); print(s.getblocking(), s.gettimeout())  ->  True 2.5
        // s.setblocking(True); print(s.getblocking(), s.gettimeout())  ->  True None
        // print(os.get_blocking(s.fileno()))  ->  True
        // s.settimeout(1); print(os.get_blocking(s.fileno()))  ->  False
        // s.settimeout(0); print(os.get_blocking(s.fileno()))  ->  False
        let s = try socket.socket()
        try s.settimeout(nil)
        #expect(s.getblocking() == true && s.gettimeout() == nil && s.timeout == nil)
        try s.setblocking(false)
        #expect(s.getblocking() == false && s.gettimeout() == 0.0 && s.timeout == 0.0)
        try s.settimeout(2.5)
        #expect(s.getblocking() == true && s.gettimeout() == 2.5)
        try s.setblocking(true)
        #expect(s.getblocking() == true && s.gettimeout() == nil)
        #expect(isBlocking(s.fileno()))
        try s.settimeout(1)
        #expect(!isBlocking(s.fileno()))
        try s.settimeout(0)
        #expect(!isBlocking(s.fileno()))
    }

    @Test func receiveTimesOut() throws {
        // c.settimeout(0.05); c.recv(10) / c.recvfrom(10) / c.recv_into(buf)
        // TimeoutError | timed out | TimeoutError('timed out') | errno None
        let (c, peer) = try socket.socketpair()
        defer { peer.close() }  // the peer stays open for the whole test
        try c.settimeout(0.05)
        var buffer = [UInt8](repeating: 0, count: 4)
        expectTimedOut(thrown { _ = try c.recv(10) })
        expectTimedOut(thrown { _ = try c.recvfrom(10) })
        expectTimedOut(thrown { _ = try c.recv_into(&buffer) })
        expectTimedOut(thrown { _ = try c.recvfrom_into(&buffer) })
        // the timeout error is catchable as OSError and as socket.timeout, with no errno
        do {
            _ = try c.recv(1)
            Issue.record("recv returned")
        } catch let error as OSError {
            #expect(error.errno == nil)
            #expect(error.strerror == nil)
            #expect(error is TimeoutError)
        }
    }

    @Test func timeoutIsNotEarly() throws {
        let (c, peer) = try socket.socketpair()
        defer { peer.close() }  // the peer stays open for the whole test
        try c.settimeout(0.05)
        let start = monotonicSeconds()
        expectTimedOut(thrown { _ = try c.recv(10) })
        #expect(monotonicSeconds() - start >= 0.05)
    }

    @Test func dataArrivingWithinTheTimeout() throws {
        let (a, b) = try socket.socketpair()
        try b.settimeout(0.1)
        _ = try a.send("in time")
        #expect(try b.recv(100) == "in time")
        // the socket is still in timeout mode afterwards
        #expect(b.gettimeout() == 0.1)
    }

    @Test func sendTimesOutOnAFullSocketpair() throws {
        // p3, q3 = socket.socketpair(); p3.settimeout(0.05); while True: p3.send(b"x" * 65536)
        // TimeoutError | timed out | TimeoutError('timed out') | errno None
        let (p, peer) = try socket.socketpair()
        defer { peer.close() }  // the peer stays open for the whole test
        try p.settimeout(0.05)
        let chunk = [UInt8](repeating: 0x78, count: 65536)
        expectTimedOut(thrown {
            for _ in 0..<10_000 { _ = try p.send(chunk) }
        })
    }

    @Test func sendallTimesOutOnAFullSocketpair() throws {
        // p, q = socket.socketpair(); p.settimeout(0.05); t0 = time.monotonic(); p.sendall(b"x" * (64 * 1024 * 1024))
        // TimeoutError | timed out | TimeoutError('timed out') | errno None
        // print(time.monotonic() - t0 >= 0.05)  ->  True
        let (p, peer) = try socket.socketpair()
        defer { peer.close() }  // the peer stays open for the whole test
        try p.settimeout(0.05)
        let payload = [UInt8](repeating: 0x78, count: 64 * 1024 * 1024)
        let start = monotonicSeconds()
        expectTimedOut(thrown { try p.sendall(payload) })
        let elapsed = monotonicSeconds() - start
        #expect(elapsed >= 0.05)
        // one deadline for the whole call: not one per chunk
        #expect(elapsed < 2)
    }

    @Test func acceptedSocketIgnoresTheListenersTimeout() throws {
        // L.settimeout(5); c.connect(L.getsockname()); conn, _ = L.accept()
        // print(conn.gettimeout(), conn.getblocking(), os.get_blocking(conn.fileno()))  ->  None True True
        // L.setblocking(False); ...; conn2, _ = L.accept(); print(conn2.gettimeout(), os.get_blocking(conn2.fileno()))  ->  None True
        // (default timeout None, as in this process)
        let (server, address) = try listener()
        try server.settimeout(5)
        let c = try socket.socket()
        try c.connect(address)
        let (conn, _) = try server.accept()
        #expect(conn.gettimeout() == nil)
        #expect(conn.getblocking() == true)
        #expect(isBlocking(conn.fileno()))
        try server.setblocking(false)
        let c2 = try socket.socket()
        try c2.connect(address)
        try server.settimeout(0.1)  // wait for the handshake without sleeping
        let (conn2, _) = try server.accept()
        #expect(conn2.gettimeout() == nil)
        #expect(isBlocking(conn2.fileno()))
    }
}

/// Seconds on the monotonic clock.
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// The default timeout is process-wide: these run in child processes, so that no other test sees it.
@Suite(.fdBalanced) struct SocketDefaultTimeoutTests {
    @Test func appliesToNewSockets() async {
        await #expect(processExitsWith: .success) {
            // socket.setdefaulttimeout(0.1); print(socket.getdefaulttimeout())  ->  0.1
            // n = socket.socket(); print(n.gettimeout(), os.get_blocking(n.fileno()))  ->  0.1 False
            // a, b = socket.socketpair(); print(a.gettimeout(), b.gettimeout(), os.get_blocking(a.fileno()))  ->  0.1 0.1 False
            // w = socket.socket(fileno=x.detach()); print(w.gettimeout())  ->  0.1
            // nb = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK); print(nb.gettimeout())  ->  0.0
            try socket.setdefaulttimeout(0.1)
            #expect(socket.getdefaulttimeout() == 0.1)
            let n = try socket.socket()
            #expect(n.gettimeout() == 0.1)
            #expect(!isBlocking(n.fileno()))
            let (a, b) = try socket.socketpair()
            #expect(a.gettimeout() == 0.1 && b.gettimeout() == 0.1)
            #expect(!isBlocking(a.fileno()) && !isBlocking(b.fileno()))
            let (x, _) = try socket.socketpair()
            let w = try socket.socket(fileno: x.detach())
            #expect(w.gettimeout() == 0.1)
            let nb = try socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
            #expect(nb.gettimeout() == 0.0)
            // socket.setdefaulttimeout(0); print(socket.socket().gettimeout(), socket.getdefaulttimeout())  ->  0.0 0.0
            try socket.setdefaulttimeout(0)
            #expect(try socket.socket().gettimeout() == 0.0)
            #expect(socket.getdefaulttimeout() == 0.0)
            // socket.setdefaulttimeout(None); z = socket.socket()
            // print(z.gettimeout(), os.get_blocking(z.fileno()), socket.getdefaulttimeout())  ->  None True None
            try socket.setdefaulttimeout(nil)
            let z = try socket.socket()
            #expect(z.gettimeout() == nil && isBlocking(z.fileno()) && socket.getdefaulttimeout() == nil)
            // socket.setdefaulttimeout(3); print(socket.getdefaulttimeout())  ->  3.0
            try socket.setdefaulttimeout(3)
            #expect(socket.getdefaulttimeout() == 3.0)
            // existing sockets keep their timeout
            #expect(z.gettimeout() == nil)
            try socket.setdefaulttimeout(nil)
            exit(0)
        }
    }

    @Test func acceptedSocketTakesTheDefaultTimeout() async {
        await #expect(processExitsWith: .success) {
            // L.setblocking(False)   (a listener)
            // socket.setdefaulttimeout(0.1); c3 = socket.socket(); c3.connect(L.getsockname()); time.sleep(0.01)
            // conn3, _ = L.accept(); print(conn3.gettimeout(), os.get_blocking(conn3.fileno()))  ->  0.1 False
            let (server, address) = try listener()
            try server.settimeout(5)
            try socket.setdefaulttimeout(0.1)
            let c = try socket.socket()
            try c.connect(address)
            let (conn, _) = try server.accept()
            #expect(conn.gettimeout() == 0.1)
            #expect(!isBlocking(conn.fileno()))
            // and it times out with the default, not the listener's 5 s
            expectTimedOut(thrown { _ = try conn.recv(1) })
            try socket.setdefaulttimeout(nil)
            exit(0)
        }
    }
}
