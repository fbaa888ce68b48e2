// send, sendall, sendto, recv, recv_into, recvfrom, recvfrom_into and shutdown on real kernel peers.
import Glibc
import PySocket
import TestSupport
import Testing

@Suite(.fdBalanced) struct SocketStreamIOTests {
    @Test func sendAndRecv() throws {
        // a, b = socket.socketpair(); print(a.send(b"hello"), b.recv(1024))
        // 5 b'hello'
        let (a, b) = try socket.socketpair()
        #expect(try a.send("hello") == 5)
        let data = try b.recv(1024)
        #expect(String(describing: data) == "b'hello'")
        // a.sendall(b"abcdef"); print(b.recv(3), b.recv(100))
        // b'abc' b'def'
        try a.sendall("abcdef")
        #expect("\(try b.recv(3)) \(try b.recv(100))" == "b'abc' b'def'")
    }

    @Test func recvZeroReturnsAtOnceInTimeoutMode() throws {
        // a, b = socket.socketpair(); b.settimeout(0.05); print(b.recv(0))
        // b''      (CPython returns at once, without calling recv(2): no TimeoutError)
        let (a, b) = try socket.socketpair()
        defer { a.close() }
        try b.settimeout(0.05)
        #expect(String(describing: try b.recv(0)) == "b''")
    }

    @Test func recvZeroReturnsAtOnceWhenBlocking() async {
        // a, b = socket.socketpair(); print(b.recv(0))
        // b''      (strace: CPython makes no recvfrom call; nothing is waiting to be read)
        // In a child with a 2 s alarm, so that a recv(0) that blocks fails instead of hanging the suite.
        await #expect(processExitsWith: .success) {
            alarm(2)
            let (a, b) = try socket.socketpair()
            #expect(String(describing: try b.recv(0)) == "b''")
            a.close()
            exit(0)
        }
    }

    @Test func sendAcceptsSwiftBytes() throws {
        let (a, b) = try socket.socketpair()
        #expect(try a.send([UInt8]([1, 2, 3])) == 3)
        #expect(try a.send("é".utf8) == 2)
        let raw: [UInt8] = [9, 8]
        try raw.withUnsafeBytes { try a.sendall($0) }
        try a.sendall([UInt8]([7]))
        // print(b.recv(100))  ->  b'\x01\x02\x03\xc3\xa9\t\x08\x07'
        #expect(String(describing: try b.recv(100)) == "b'\\x01\\x02\\x03\\xc3\\xa9\\t\\x08\\x07'")
    }

    @Test func peek() throws {
        // a.send(b"peek"); print(b.recv(10, socket.MSG_PEEK), b.recv(10))
        // b'peek' b'peek'
        let (a, b) = try socket.socketpair()
        _ = try a.send("peek")
        #expect("\(try b.recv(10, socket.MSG_PEEK)) \(try b.recv(10))" == "b'peek' b'peek'")
    }

    @Test func negativeAndOversizedLengths() throws {
        let (a, b) = try socket.socketpair()
        defer { a.close() }  // the peer stays open for the whole test
        var buffer = [UInt8](repeating: 0, count: 10)
        // b.recv(-1)
        // ValueError | negative buffersize in recv | ValueError('negative buffersize in recv')
        expectPython(thrown { _ = try b.recv(-1) }, "ValueError", "negative buffersize in recv",
                     repr: "ValueError('negative buffersize in recv')")
        // b.recvfrom(-1)
        // ValueError | negative buffersize in recvfrom | ValueError('negative buffersize in recvfrom')
        expectPython(thrown { _ = try b.recvfrom(-1) }, "ValueError", "negative buffersize in recvfrom",
                     repr: "ValueError('negative buffersize in recvfrom')")
        // buf = bytearray(10); b.recv_into(buf, -1)
        // ValueError | negative buffersize in recv_into | ValueError('negative buffersize in recv_into')
        expectPython(thrown { _ = try b.recv_into(&buffer, -1) }, "ValueError", "negative buffersize in recv_into",
                     repr: "ValueError('negative buffersize in recv_into')")
        // b.recv_into(buf, 11)
        // ValueError | buffer too small for requested bytes | ValueError('buffer too small for requested bytes')
        expectPython(thrown { _ = try b.recv_into(&buffer, 11) }, "ValueError", "buffer too small for requested bytes",
                     repr: "ValueError('buffer too small for requested bytes')")
        // b.recvfrom_into(buf, -1)
        // ValueError | negative buffersize in recvfrom_into | ValueError('negative buffersize in recvfrom_into')
        expectPython(thrown { _ = try b.recvfrom_into(&buffer, -1) }, "ValueError", "negative buffersize in recvfrom_into",
                     repr: "ValueError('negative buffersize in recvfrom_into')")
        // b.recvfrom_into(buf, 11)
        // ValueError | nbytes is greater than the length of the buffer | ValueError('nbytes is greater than the length of the buffer')
        expectPython(thrown { _ = try b.recvfrom_into(&buffer, 11) }, "ValueError", "nbytes is greater than the length of the buffer",
                     repr: "ValueError('nbytes is greater than the length of the buffer')")
        // nothing was consumed or written by the rejected calls
        #expect(buffer == [UInt8](repeating: 0, count: 10))
    }

    @Test func recvIntoHonoursNbytes() throws {
        // a.send(b"0123456789AB"); print(b.recv_into(buf, 4), buf); print(b.recv_into(buf), buf)
        // 4 bytearray(b'0123\x00\x00\x00\x00\x00\x00')
        // 8 bytearray(b'456789AB\x00\x00')
        let (a, b) = try socket.socketpair()
        var buffer = [UInt8](repeating: 0, count: 10)
        _ = try a.send("0123456789AB")
        #expect(try b.recv_into(&buffer, 4) == 4)
        #expect(String(describing: bytes(buffer)) == "b'0123\\x00\\x00\\x00\\x00\\x00\\x00'")
        #expect(try b.recv_into(&buffer) == 8)
        #expect(String(describing: bytes(buffer)) == "b'456789AB\\x00\\x00'")
        // a.send(b"xyz"); print(b.recvfrom_into(buf), buf)
        // (3, None) bytearray(b'xyz789AB\x00\x00')
        _ = try a.send("xyz")
        let (count, address) = try b.recvfrom_into(&buffer)
        #expect("(\(count), \(String(reflecting: address)))" == "(3, None)")
        #expect(String(describing: bytes(buffer)) == "b'xyz789AB\\x00\\x00'")
        // a.send(b"qq"); print(b.recvfrom_into(buf, 1), buf, b.recv(5))
        // (1, None) bytearray(b'qyz789AB\x00\x00') b'q'
        _ = try a.send("qq")
        let (one, _) = try b.recvfrom_into(&buffer, 1)
        #expect(one == 1)
        #expect(String(describing: bytes(buffer)) == "b'qyz789AB\\x00\\x00'")
        #expect(String(describing: try b.recv(5)) == "b'q'")
    }

    @Test func recvIntoBytesValueAndRawBuffer() throws {
        let (a, b) = try socket.socketpair()
        var data = try bytes(count: 4)
        _ = try a.send("wxyz!")
        #expect(try b.recv_into(&data) == 4)
        #expect(data == "wxyz")
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: 8, alignment: 1)
        defer { raw.deallocate() }
        #expect(try b.recv_into(raw, 8) == 1)
        #expect(raw[0] == UInt8(ascii: "!"))
    }

    @Test func recvfromOnASocketpairHasNoAddress() throws {
        // e, f = socket.socketpair(); e.send(b"z"); print(f.recvfrom(5))
        // (b'z', None)
        let (e, f) = try socket.socketpair()
        _ = try e.send("z")
        let (data, address) = try f.recvfrom(5)
        #expect("(\(data), \(String(reflecting: address)))" == "(b'z', None)")
        #expect(address == .noAddress)
    }

    @Test func endOfStreamIsEmptyBytes() throws {
        // b.close(); a.recv(10)  ->  b''
        let (a, b) = try socket.socketpair()
        b.close()
        #expect(String(describing: try a.recv(10)) == "b''")
        #expect(try a.recv(10) == bytes())
        // over TCP too: the peer closes, recv returns b'' (repeatedly)
        let (client, server, _) = try tcpPair()
        server.close()
        #expect(try client.recv(10) == "")
        #expect(try client.recv(10) == "")
    }

    @Test func shutdownHalfClose() throws {
        // a.shutdown(socket.SHUT_WR); print(b.recv(10), b.recv(10)); b.send(b"back"); print(a.recv(10))
        // b'' b''
        // b'back'
        let (a, b) = try socket.socketpair()
        try a.shutdown(socket.SHUT_WR)
        #expect("\(try b.recv(10)) \(try b.recv(10))" == "b'' b''")
        _ = try b.send("back")
        #expect(String(describing: try a.recv(10)) == "b'back'")
        // a.send(b"x")
        // BrokenPipeError | [Errno 32] Broken pipe | BrokenPipeError(32, 'Broken pipe')
        // a.sendall(b"x")  ->  the same
        let pipe = thrown { _ = try a.send("x") }
        expectPython(pipe, "BrokenPipeError", "[Errno 32] Broken pipe", repr: "BrokenPipeError(32, 'Broken pipe')", errno: 32)
        #expect(pipe is ConnectionError)
        expectPython(thrown { try a.sendall("x") }, "BrokenPipeError", "[Errno 32] Broken pipe",
                     repr: "BrokenPipeError(32, 'Broken pipe')", errno: 32)
    }

    @Test func shutdownErrors() throws {
        // c2.shutdown(99)   (c2 connected)
        // OSError | [Errno 22] Invalid argument | OSError(22, 'Invalid argument')
        let (client, _, _) = try tcpPair()
        expectPython(thrown { try client.shutdown(99) }, "OSError", "[Errno 22] Invalid argument",
                     repr: "OSError(22, 'Invalid argument')", errno: 22)
        // x.shutdown(socket.SHUT_RDWR)   (x bound, not connected)
        // OSError | [Errno 107] Transport endpoint is not connected | OSError(107, 'Transport endpoint is not connected')
        let (x, _) = try refusingPort()
        expectPython(thrown { try x.shutdown(socket.SHUT_RDWR) }, "OSError", "[Errno 107] Transport endpoint is not connected",
                     repr: "OSError(107, 'Transport endpoint is not connected')", errno: 107)
    }

    @Test func tcpSendtoAndShutdown() throws {
        // t.sendto(b"x", L.getsockname())   (t connected TCP)  ->  1; print(srv.recv(10))  ->  b'x'
        let (t, server, listener) = try tcpPair()
        let address = try listener.getsockname()
        #expect(try t.sendto("x", address) == 1)
        #expect(String(describing: try server.recv(10)) == "b'x'")
        // t.shutdown(socket.SHUT_WR); t.sendto(b"x", L.getsockname())
        // BrokenPipeError | [Errno 32] Broken pipe | BrokenPipeError(32, 'Broken pipe')
        // t.send(b"x")  ->  the same; print(srv.recv(10))  ->  b''
        try t.shutdown(socket.SHUT_WR)
        expectPython(thrown { _ = try t.sendto("x", address) }, "BrokenPipeError", "[Errno 32] Broken pipe",
                     repr: "BrokenPipeError(32, 'Broken pipe')", errno: 32)
        expectPython(thrown { _ = try t.send("x") }, "BrokenPipeError", "[Errno 32] Broken pipe",
                     repr: "BrokenPipeError(32, 'Broken pipe')", errno: 32)
        #expect(String(describing: try server.recv(10)) == "b''")
    }

    @Test func sendallDeliversEverything() throws {
        // a large sendall on a blocking socketpair completes while the peer reads (on its own thread)
        let (a, b) = try socket.socketpair()
        let total = 4 * 1024 * 1024
        let payload = bytes((0..<total).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let received = onThread { () throws -> bytes in
            var received = bytes()
            while received.count < total {
                let chunk = try b.recv(65536)
                if chunk.isEmpty { break }
                received += chunk
            }
            return received
        }
        try a.sendall(payload)
        let result = try received()
        #expect(result.count == total)
        #expect(result == payload)
    }

    @Test func nonBlockingRecvAndSend() throws {
        // c, d = socket.socketpair(); c.setblocking(False); c.recv(10)
        // BlockingIOError | [Errno 11] Resource temporarily unavailable
        let (c, peer) = try socket.socketpair()
        defer { peer.close() }  // the peer stays open for the whole test
        try c.setblocking(false)
        expectWouldBlock(thrown { _ = try c.recv(10) })
        var buffer = [UInt8](repeating: 0, count: 4)
        expectWouldBlock(thrown { _ = try c.recv_into(&buffer) })
        expectWouldBlock(thrown { _ = try c.recvfrom(4) })
        expectWouldBlock(thrown { _ = try c.recvfrom_into(&buffer) })
        // p2.setblocking(False); while True: p2.send(b"x" * 65536)
        // BlockingIOError | [Errno 11] Resource temporarily unavailable
        // p2.sendall(b"y")  ->  the same
        let chunk = [UInt8](repeating: 0x78, count: 65536)
        let full = thrown {
            for _ in 0..<10_000 { _ = try c.send(chunk) }
        }
        expectWouldBlock(full)
        expectWouldBlock(thrown { try c.sendall("y") })
    }
}

@Suite(.fdBalanced) struct SocketDatagramIOTests {
    @Test func udpTruncationAndAddresses() throws {
        // u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u1.bind(("127.0.0.1", 0))
        // u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u2.bind(("127.0.0.1", 0))
        // print(u2.sendto(b"0123456789", u1.getsockname()))  ->  10
        // d1, ad = u1.recvfrom(3); print(d1, ad == u2.getsockname(), type(ad))  ->  b'012' True <class 'tuple'>
        // u2.sendto(b"second", u1.getsockname()); print(u1.recv(100))  ->  b'second'
        let u1 = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try u1.bind(("127.0.0.1", 0))
        let u2 = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try u2.bind(("127.0.0.1", 0))
        let target = try u1.getsockname()
        #expect(try u2.sendto("0123456789", target) == 10)
        let (d1, from) = try u1.recvfrom(3)
        #expect(String(describing: d1) == "b'012'")
        #expect(try from == u2.getsockname())
        _ = try u2.sendto("second", target)
        #expect(String(describing: try u1.recv(100)) == "b'second'")
        // u2.sendto(b"0123456789", 0, u1.getsockname()); print(u1.recvfrom_into(buf, 4), buf)
        // (4, ('127.0.0.1', 35210)) bytearray(b'012389AB\x00\x00')     (buf held bytearray(b'qyz789AB\x00\x00') before)
        var buffer = Array("qyz789AB".utf8) + [0, 0]
        _ = try u2.sendto("0123456789", 0, target)
        let (count, address) = try u1.recvfrom_into(&buffer, 4)
        let senderPort = try u2.getsockname().port
        #expect("(\(count), \(address))" == "(4, ('127.0.0.1', \(senderPort)))")
        #expect(String(describing: bytes(buffer)) == "b'012389AB\\x00\\x00'")
        // u2.sendto(b"peek", u1.getsockname()); print(u1.recv(10, socket.MSG_PEEK), u1.recv(10))  ->  b'peek' b'peek'
        _ = try u2.sendto("peek", target)
        #expect("\(try u1.recv(10, socket.MSG_PEEK)) \(try u1.recv(10))" == "b'peek' b'peek'")
        // u2.sendto(b"abcdefghijkl", u1.getsockname()), u1.recv_into(buf), buf  ->  (12, 10, bytearray(b'abcdefghij'))
        var ten = [UInt8](repeating: 0, count: 10)
        #expect(try u2.sendto("abcdefghijkl", target) == 12)
        #expect(try u1.recv_into(&ten) == 10)
        #expect(String(describing: bytes(ten)) == "b'abcdefghij'")
    }

    @Test func unconnectedUdpErrors() throws {
        // u2.send(b"x")   (UDP, unconnected)
        // OSError | [Errno 89] Destination address required | OSError(89, 'Destination address required')
        let u = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try u.bind(("127.0.0.1", 0))
        expectPython(thrown { _ = try u.send("x") }, "OSError", "[Errno 89] Destination address required",
                     repr: "OSError(89, 'Destination address required')", errno: 89)
        // u2.getpeername()
        // OSError | [Errno 107] Transport endpoint is not connected | OSError(107, 'Transport endpoint is not connected')
        expectPython(thrown { _ = try u.getpeername() }, "OSError", "[Errno 107] Transport endpoint is not connected",
                     repr: "OSError(107, 'Transport endpoint is not connected')", errno: 107)
    }

    @Test func connectedUdp() throws {
        // u2.connect(u1.getsockname()); print(u2.send(b"conn"), u1.recvfrom(10)[0]); print(u2.getpeername() == u1.getsockname())
        // 4 b'conn'
        // True
        let u1 = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try u1.bind(("127.0.0.1", 0))
        let u2 = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try u2.connect(try u1.getsockname())
        #expect(try u2.send("conn") == 4)
        #expect(String(describing: try u1.recvfrom(10).0) == "b'conn'")
        #expect(try u2.getpeername() == u1.getsockname())
    }

    @Test func ipv6Datagrams() throws {
        // v1 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); v1.bind(("::1", 0))
        // v2 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); v2.bind(("::1", 0, 0, 0))
        // v2.sendto(b"six", v1.getsockname()); dd, aa = v1.recvfrom(10); print(dd, len(aa), aa[0], aa[2], aa[3], aa == v2.getsockname())
        // b'six' 4 ::1 0 0 True
        let v1 = try socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        try v1.bind(("::1", 0))
        let v2 = try socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        try v2.bind(("::1", 0, 0, 0))
        let target = try v1.getsockname()
        #expect(try v2.sendto("six", target) == 3)
        let (dd, aa) = try v1.recvfrom(10)
        let printed = "\(dd) \(try aa[0]) \(try aa[2]) \(try aa[3])"
        #expect(printed == "b'six' ::1 0 0")
        #expect(try aa == v2.getsockname())
        // the 4-tuple spelling of sendto
        #expect(try v2.sendto("four", ("::1", target.port, 0, 0)) == 4)
        #expect(try v1.recv(10) == "four")
    }

    @Test func unixDatagramPairTruncates() throws {
        // g, h = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM); g.send(b"dgram"); print(h.recvfrom(2))
        // (b'dg', None)
        let (g, h) = try socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
        _ = try g.send("dgram")
        let (data, address) = try h.recvfrom(2)
        #expect("(\(data), \(String(reflecting: address)))" == "(b'dg', None)")
        // the rest of the datagram is gone: the next datagram comes next
        _ = try g.send("next")
        #expect(try h.recv(10) == "next")
    }

    @Test func seqpacketPair() throws {
        let (a, b) = try socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        #expect(String(describing: a.type) == "5")
        _ = try a.send("one")
        _ = try a.send("two")
        #expect(try b.recv(10) == "one")
        #expect(try b.recv(10) == "two")
    }
}
