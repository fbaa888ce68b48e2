// sendmsg/recvmsg/recvmsg_into and send_fds/recv_fds against the real kernel, with CPython 3.13's results.
import Glibc
import PySocket
import TestSupport
import Testing

// Linux values, as python3.13 prints them (`print(socket.SCM_CREDENTIALS)` ...).
private let SCM_RIGHTS = 1, SCM_CREDENTIALS = 2, SO_PASSCRED = 16
private let IP_TOS = 1, IP_RECVTOS = 13, IPV6_RECVHOPLIMIT = 51, IPV6_HOPLIMIT = 52
private let MSG_CTRUNC = 8, MSG_TRUNC = 32

/// `array.array("i", fds).tobytes()`.
private func fdBytes(_ fds: [Int32]) -> bytes { fds.withUnsafeBytes { bytes($0) } }

/// `array.array("i", data)`: the descriptors in SCM_RIGHTS data.
private func fds(in data: bytes) -> [Int32] {
    data.storage.withUnsafeBytes { raw in (0..<(raw.count / 4)).map { raw.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self) } }
}

/// `os.pipe()`.
private func makePipe() -> (Int32, Int32) {
    var ends: [Int32] = [-1, -1]
    precondition(pipe(&ends) == 0)
    return (ends[0], ends[1])
}

/// Whether `fd` is open.
private func isOpen(_ fd: Int32) -> Bool { fcntl(fd, F_GETFD) >= 0 }

/// How many sockets and pipes this process has open (`/proc/self/fd` entries linking to
/// `socket:[...]` or `pipe:[...]`): the runtime's own eventfd/timerfd come and go on their own.
private func socketAndPipeCount() -> Int {
    directoryEntries("/proc/self/fd").filter { entry in
        var target = [CChar](repeating: 0, count: 64)
        let length = readlink("/proc/self/fd/\(entry)", &target, target.count - 1)
        guard length > 0 else { return false }
        let text = String(decoding: target.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.hasPrefix("socket:") || text.hasPrefix("pipe:")
    }.count
}

/// Two connected UDP sockets on `host` (127.0.0.1 or ::1), each bound to port 0.
private func udpPair(_ host: String) throws -> (socket, socket) {
    let family = host.contains(":") ? socket.AF_INET6 : socket.AF_INET
    let first = try socket.socket(family, socket.SOCK_DGRAM), second = try socket.socket(family, socket.SOCK_DGRAM)
    try first.bind((host, 0))
    try second.bind((host, 0))
    return (first, second)
}

@Suite(.fdBalanced) struct MsgTests {
    // a, b = socket.socketpair(); print(a.sendmsg([b"abc", b"defgh"])); print(b.recvmsg(10))
    // -> 8 / (b'abcdefgh', [], 0, None)
    @Test func dataOnly() throws {
        let (a, b) = try socket.socketpair()
        #expect(try a.sendmsg(["abc", "defgh"]) == 8)
        let result = try b.recvmsg(10)
        #expect(String(describing: result) == "(b'abcdefgh', [], 0, None)")
        #expect(result.0 == "abcdefgh" && result.1.isEmpty && result.2 == 0 && result.3 == .noAddress)
        // Generic buffers: [UInt8] arrays and a UTF-8 view.
        #expect(try a.sendmsg([[104, 105] as [UInt8], [33]]) == 3)
        #expect(try a.sendmsg(["utf8".utf8]) == 4)
        #expect(try b.recv(10) == "hi!utf8")
        // print(a.sendmsg([])) -> 0 ; more buffers than nest (gathered into one copy)
        #expect(try a.sendmsg([]) == 0)
        #expect(try a.sendmsg([bytes](repeating: "x", count: 40)) == 40)
        #expect(try b.recv(100) == bytes([UInt8](repeating: UInt8(ascii: "x"), count: 40)))
    }

    // r, w = os.pipe(); print(socket.send_fds(a, [b"hi"], [r, w])); print(b.recvmsg(10, socket.CMSG_SPACE(8)))
    // -> 2 / (b'hi', [(1, 1, b'\x07\x00\x00\x00\x08\x00\x00\x00')], 0, None)   (fd numbers vary)
    @Test func passDescriptors() throws {
        let (a, b) = try socket.socketpair()
        let (r, w) = makePipe()
        defer { close(r); close(w) }
        #expect(try socket.send_fds(a, ["hi"], [r, w]) == 2)
        let (data, ancdata, flags, address) = try b.recvmsg(10, 24)
        #expect(data == "hi" && flags == 0 && address == .noAddress)
        try #require(ancdata.count == 1)
        #expect(ancdata[0].0 == socket.SOL_SOCKET && ancdata[0].1 == SCM_RIGHTS && ancdata[0].2.count == 8)
        let received = fds(in: ancdata[0].2)
        let expected = "(b'hi', [(1, 1, \(String(reflecting: fdBytes(received))))], 0, None)"
        #expect(String(describing: (data, ancdata, flags, address)) == expected)
        defer { for fd in received { close(fd) } }
        #expect(received.allSatisfy { isOpen($0) && isCloseOnExec($0) && $0 != r && $0 != w })
        // The received write end feeds the original read end.
        var byte: UInt8 = 42
        #expect(write(received[1], &byte, 1) == 1)
        byte = 0
        #expect(read(r, &byte, 1) == 1 && byte == 42)
    }

    // print(socket.send_fds(a, [b"x"], [r], socket.MSG_DONTWAIT, "/nonexistent")) -> 1
    // (CPython 3.13 ignores flags and address, gh-107898); m = socket.recv_fds(b, 10, 4)
    // -> len(m[1]) == 1, b'x', 0, None
    @Test func sendFdsAndRecvFds() throws {
        let (a, b) = try socket.socketpair()
        let (r, w) = makePipe()
        defer { close(r); close(w) }
        #expect(try socket.send_fds(a, ["x"], [r], socket.MSG_DONTWAIT, "/nonexistent") == 1)
        let (data, received, flags, address) = try socket.recv_fds(b, 10, 4)
        defer { for fd in received { close(fd) } }
        #expect(data == "x" && received.count == 1 && flags == 0 && address == .noAddress)
        #expect(received.allSatisfy { isOpen($0) && isCloseOnExec($0) })
        // Generic buffers.
        #expect(try socket.send_fds(a, [[UInt8](repeating: 1, count: 3)], [w]) == 3)
        let again = try socket.recv_fds(b, 10, 1)
        defer { for fd in again.1 { close(fd) } }
        #expect(again.0 == bytes([1, 1, 1]) && again.1.count == 1 && again.2 == 0)
        // a.close(); print(b.recvmsg(10), socket.recv_fds(b, 10, 1)) -> (b'', [], 0, None) (b'', [], 0, None)
        a.close()
        #expect(String(describing: try b.recvmsg(10)) == "(b'', [], 0, None)")
        #expect(String(describing: try socket.recv_fds(b, 10, 1)) == "(b'', [], 0, None)")
    }

    // socket.send_fds(a, [b"xy"], [r, w]); print(socket.recv_fds(b, 10, 1)) -> (b'xy', [7], 8, None):
    // the kernel closes the descriptor that does not fit and sets MSG_CTRUNC. Counted in a
    // child process, where no other test opens descriptors meanwhile.
    @Test func recvFdsWithFewerSlotsLeaksNothing() async {
        await #expect(processExitsWith: .success) {
            let before = socketAndPipeCount()
            do {
                let (a, b) = try socket.socketpair()
                var ends: [Int32] = [-1, -1]
                guard pipe(&ends) == 0 else { exit(2) }
                for _ in 0..<20 {
                    _ = try socket.send_fds(a, ["xy"], [ends[0], ends[1], ends[0]])
                    let (data, fds, flags, address) = try socket.recv_fds(b, 10, 1)
                    guard data == "xy", fds.count == 1, flags == 8, address == .noAddress else { exit(3) }
                    guard fcntl(fds[0], F_GETFD) & FD_CLOEXEC != 0 else { exit(4) }
                    close(fds[0])
                    // recvmsg with no room at all for descriptors: CPython -> (b'xy', [], 8, None)
                    _ = try socket.send_fds(a, ["xy"], [ends[0], ends[1]])
                    guard String(describing: try b.recvmsg(10, 17)) == "(b'xy', [], 8, None)" else { exit(5) }
                    _ = try socket.send_fds(a, ["xy"], [ends[0], ends[1]])
                    guard String(describing: try socket.recv_fds(b, 10, 0)) == "(b'xy', [], 8, None)" else { exit(6) }
                }
                close(ends[0])
                close(ends[1])
                a.close()
                b.close()
            } catch {
                exit(7)
            }
            let after = socketAndPipeCount()
            exit(after == before ? 0 : 8)
        }
    }

    // socket.send_fds(a, [b"xy"], [r, w]); print(b.recvmsg(10, socket.CMSG_LEN(6)))
    //   -> (b'xy', [(1, 1, b'\x08\x00\x00\x00')], 8, None)     one whole fd, MSG_CTRUNC
    // print(b.recvmsg(10, 10)), (10, 16), (10, 0) -> (b'xy', [], 8, None)
    @Test func truncatedControlData() throws {
        let (a, b) = try socket.socketpair()
        let (r, w) = makePipe()
        defer { close(r); close(w) }
        _ = try socket.send_fds(a, ["xy"], [r, w])
        let (data, ancdata, flags, _) = try b.recvmsg(10, 22)
        #expect(data == "xy" && flags == MSG_CTRUNC)
        try #require(ancdata.count == 1)
        #expect(ancdata[0].0 == 1 && ancdata[0].1 == SCM_RIGHTS && ancdata[0].2.count == 4)
        for fd in fds(in: ancdata[0].2) { #expect(isCloseOnExec(fd)); close(fd) }
        for ancbufsize in [10, 16, 0] {
            _ = try socket.send_fds(a, ["xy"], [r, w])
            #expect(String(describing: try b.recvmsg(10, ancbufsize)) == "(b'xy', [], 8, None)")
        }
    }

    // b.setsockopt(SOL_SOCKET, SO_PASSCRED, 1); a.sendmsg([b"hello"]); b.recvmsg(10, CMSG_SPACE(12))
    //   -> b'hello' [(1, 2, struct.pack("iII", pid, uid, gid))] 0 None
    // then with rights too:  CMSG_SPACE(12)+CMSG_SPACE(8) -> [(1, 2, 12), (1, 1, 8)] 0
    //                        CMSG_SPACE(12)+CMSG_LEN(4)   -> [(1, 2, 12), (1, 1, 4)] 8
    //                        CMSG_SPACE(12)+6             -> [(1, 2, 12)] 8
    //                        CMSG_SPACE(6)                -> [(1, 2, 8)] 8   (credentials cut)
    @Test func credentials() throws {
        let (a, b) = try socket.socketpair()
        try b.setsockopt(socket.SOL_SOCKET, SO_PASSCRED, 1)
        #expect(try a.sendmsg(["hello"]) == 5)
        let (data, ancdata, flags, address) = try b.recvmsg(10, 32)
        #expect(data == "hello" && flags == 0 && address == .noAddress)
        try #require(ancdata.count == 1)
        #expect(ancdata[0].0 == 1 && ancdata[0].1 == SCM_CREDENTIALS)
        var credentials = (getpid(), getuid(), getgid())
        #expect(ancdata[0].2 == withUnsafeBytes(of: &credentials) { bytes($0) })

        let (r, w) = makePipe()
        defer { close(r); close(w) }
        let cases: [(ancbufsize: Int, shape: [[Int]], flags: Int)] = [
            (32 + 24, [[1, 2, 12], [1, 1, 8]], 0),
            (32 + 20, [[1, 2, 12], [1, 1, 4]], MSG_CTRUNC),
            (32 + 6, [[1, 2, 12]], MSG_CTRUNC),
            (24, [[1, 2, 8]], MSG_CTRUNC),
        ]
        for (ancbufsize, shape, expectedFlags) in cases {
            _ = try socket.send_fds(a, ["hey"], [r, w])
            let (data, ancdata, flags, _) = try b.recvmsg(10, ancbufsize)
            #expect(data == "hey" && flags == expectedFlags)
            #expect(ancdata.map { [$0.0, $0.1, $0.2.count] } == shape, "ancbufsize \(ancbufsize)")
            for item in ancdata where item.1 == SCM_RIGHTS { for fd in fds(in: item.2) { close(fd) } }
        }
    }

    // b1 = bytearray(4); b2 = bytearray(10); a.sendmsg([b"abc", b"defgh"])
    // print(b.recvmsg_into([b1, b2]), b1, b2)
    //   -> (8, [], 0, None) bytearray(b'abcd') bytearray(b'efgh\x00\x00\x00\x00\x00\x00')
    // print(b.recvmsg_into([])) -> (0, [], 0, None), nothing consumed
    @Test func recvmsgInto() throws {
        let (a, b) = try socket.socketpair()
        _ = try a.sendmsg(["abc", "defgh"])
        var buffers: [[UInt8]] = [[UInt8](repeating: 0, count: 4), [UInt8](repeating: 0, count: 10)]
        let result = try b.recvmsg_into(&buffers)
        #expect(String(describing: result) == "(8, [], 0, None)")
        #expect(buffers[0] == Array("abcd".utf8) && buffers[1] == Array("efgh".utf8) + [UInt8](repeating: 0, count: 6))
        _ = try a.sendmsg(["abc"])
        var none: [[UInt8]] = []
        #expect(String(describing: try b.recvmsg_into(&none)) == "(0, [], 0, None)")
        // More buffers than nest: received into one copy, then copied back; untouched bytes stay.
        var many = [bytes](repeating: "..", count: 40)
        #expect(try b.recvmsg_into(&many).0 == 3)
        #expect(many[0] == "ab" && many[1] == "c." && many[2] == "..")
        // Raw memory.
        _ = try a.sendmsg(["raw"])
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: 8, alignment: 1)
        defer { raw.deallocate() }
        #expect(try b.recvmsg_into([raw], 0, 0).0 == 3)
        #expect(Array(raw.prefix(3)) == Array("raw".utf8))
        // With descriptors.
        let (r, w) = makePipe()
        defer { close(r); close(w) }
        _ = try socket.send_fds(a, ["z"], [r])
        var one: [bytes] = [try bytes(count: 4)]
        let (count, ancdata, flags, _) = try b.recvmsg_into(&one, 24)
        #expect(count == 1 && flags == 0 && ancdata.count == 1 && one[0] == "z\0\0\0")
        for item in ancdata { for fd in fds(in: item.2) { #expect(isCloseOnExec(fd)); close(fd) } }
    }

    // c, d = socket.socketpair(AF_UNIX, SOCK_DGRAM); c.sendmsg([b"abcdef"]); print(d.recvmsg(3))
    //   -> (b'abc', [], 32, None);  d.recvmsg(3, 0, socket.MSG_TRUNC) -> (b'abc', [], 32, None)
    // d.recvmsg_into([bytearray(2), bytearray(2)], 0, socket.MSG_TRUNC) -> (6, [], 32, None) b'ab' b'cd'
    @Test func datagramTruncation() throws {
        let (c, d) = try socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
        _ = try c.sendmsg(["abcdef"])
        #expect(String(describing: try d.recvmsg(3)) == "(b'abc', [], 32, None)")
        _ = try c.sendmsg(["abcdef"])
        #expect(String(describing: try d.recvmsg(3, 0, socket.MSG_TRUNC)) == "(b'abc', [], 32, None)")
        _ = try c.sendmsg(["abcdef"])
        var halves: [[UInt8]] = [[0, 0], [0, 0]]
        #expect(String(describing: try d.recvmsg_into(&halves, 0, socket.MSG_TRUNC)) == "(6, [], 32, None)")
        #expect(halves == [Array("ab".utf8), Array("cd".utf8)])
        #expect(MSG_TRUNC == socket.MSG_TRUNC.rawValue)
    }

    // u2.setsockopt(IPPROTO_IP, IP_RECVTOS, 1); print(u1.sendmsg([b"udp"], [], 0, u2.getsockname()))
    // d, anc, fl, ad = u2.recvmsg(100, 1024) -> b'udp' [(0, 1, b'\x00')] 0, ad == u1.getsockname()
    // u1.setsockopt(IPPROTO_IP, IP_TOS, 0x10); u1.sendto(b"x", ...); u2.recvmsg(100, CMSG_SPACE(1))
    //   -> b'x' [(0, 1, b'\x10')] 0
    @Test func udpAncillary() throws {
        let (u1, u2) = try udpPair("127.0.0.1")
        try u2.setsockopt(socket.IPPROTO_IP, IP_RECVTOS, 1)
        #expect(try u1.sendmsg(["udp"], [], 0, try u2.getsockname()) == 3)
        let (data, ancdata, flags, address) = try u2.recvmsg(100, 1024)
        let sender = try u1.getsockname()
        #expect(data == "udp" && flags == 0 && address == sender)
        #expect(String(describing: ancdata) == "[(0, 1, b'\\x00')]")
        try u1.setsockopt(socket.IPPROTO_IP, IP_TOS, 0x10)
        let port = try u2.getsockname().port
        #expect(try u1.sendmsg(["x"], [], 0, ("127.0.0.1", port)) == 1)
        let tos = try u2.recvmsg(100, 24)
        #expect(String(describing: (tos.0, tos.1, tos.2)) == "(b'x', [(0, 1, b'\\x10')], 0)")
    }

    // v2.setsockopt(IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1)
    // v1.sendmsg([b"six"], [(IPPROTO_IPV6, IPV6_HOPLIMIT, struct.pack("i", 7))], 0, v2.getsockname())
    // print(v2.recvmsg(100, 1024)) -> b'six' [(41, 52, b'\x07\x00\x00\x00')] 0, address == v1's
    // print(v2.recvmsg(100, socket.CMSG_LEN(2))) -> (b'six', [(41, 52, b'\x07\x00')], 8, ('::1', port, 0, 0))
    @Test func ipv6HopLimit() throws {
        let (v1, v2) = try udpPair("::1")
        try v2.setsockopt(socket.IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1)
        let hopLimit: [(Int, Int, bytes)] = [(socket.IPPROTO_IPV6, IPV6_HOPLIMIT, fdBytes([7]))]
        #expect(try v1.sendmsg(["six"], hopLimit, 0, try v2.getsockname()) == 3)
        let (data, ancdata, flags, address) = try v2.recvmsg(100, 1024)
        let sender = try v1.getsockname()
        #expect(data == "six" && flags == 0 && address == sender)
        #expect(String(describing: ancdata) == "[(41, 52, b'\\x07\\x00\\x00\\x00')]")
        let port = try v1.getsockname().port
        #expect(try v1.sendmsg(["six"], hopLimit, 0, ("::1", try v2.getsockname().port, 0, 0)) == 3)
        #expect(String(describing: try v2.recvmsg(100, 18)) == "(b'six', [(41, 52, b'\\x07\\x00')], 8, ('::1', \(port), 0, 0))")
    }

    // The errors, as python3.13 prints `type(e).__name__, e`.
    @Test func argumentErrors() throws {
        let (a, b) = try socket.socketpair()
        // b.recvmsg(-1) -> ValueError negative buffer size in recvmsg()
        expectPython(thrown { _ = try b.recvmsg(-1) }, "ValueError", "negative buffer size in recvmsg()")
        // b.recvmsg(10, -1), b.recvmsg(10, 2**31) -> ValueError invalid ancillary data buffer length
        expectPython(thrown { _ = try b.recvmsg(10, -1) }, "ValueError", "invalid ancillary data buffer length")
        expectPython(thrown { _ = try b.recvmsg(10, 1 << 31) }, "ValueError", "invalid ancillary data buffer length")
        var buffers: [[UInt8]] = [[0]]
        expectPython(thrown { _ = try b.recvmsg_into(&buffers, -1) }, "ValueError", "invalid ancillary data buffer length")
        // b.recvmsg(10, 2**31-1, 2**31) -> OverflowError signed integer is greater than maximum
        expectPython(thrown { _ = try b.recvmsg(-1, -1, socket.MsgFlag(1 << 31)) }, "OverflowError", "signed integer is greater than maximum")
        // a.sendmsg([b"x"], [(2**31, 1, b"")]) / [(1, -2**31-1, b"")]
        expectPython(thrown { _ = try a.sendmsg(["x"], [(1 << 31, 1, "")]) }, "OverflowError", "signed integer is greater than maximum")
        expectPython(thrown { _ = try a.sendmsg(["x"], [(1, -(1 << 31) - 1, "")]) }, "OverflowError", "signed integer is less than minimum")
        // a.sendmsg([b"x"], [], 2**31) -> OverflowError signed integer is greater than maximum
        expectPython(thrown { _ = try a.sendmsg(["x"], [], socket.MsgFlag(1 << 31)) }, "OverflowError", "signed integer is greater than maximum")
        // a.sendmsg([b"a"]*1025) -> OSError [Errno 90] Message too long
        expectPython(thrown { _ = try a.sendmsg([bytes](repeating: "a", count: 1025)) }, "OSError", "[Errno 90] Message too long", errno: 90)
        // a.sendmsg([b"x"], [], 0, "/nonexist") -> OSError [Errno 106] Transport endpoint is already connected
        expectPython(thrown { _ = try a.sendmsg(["x"], [], 0, "/nonexist") }, "OSError", "[Errno 106] Transport endpoint is already connected", errno: 106)
        // a.sendmsg([b"x"], [], 0, ("1.2.3.4", 5)) -> TypeError a bytes-like object is required, not 'tuple'
        expectPython(thrown { _ = try a.sendmsg(["x"], [], 0, ("1.2.3.4", 5)) }, "TypeError", "a bytes-like object is required, not 'tuple'")
        // a.sendmsg([b"x"], [(SOL_SOCKET, SCM_RIGHTS, array.array("i", [9999]))]) -> OSError [Errno 9] Bad file descriptor
        expectBadFileDescriptor(thrown { _ = try a.sendmsg(["x"], [(socket.SOL_SOCKET, SCM_RIGHTS, fdBytes([9999]))]) })
        // socket.send_fds(a, [b"x"], [-1]) -> OSError [Errno 9] Bad file descriptor
        expectBadFileDescriptor(thrown { _ = try socket.send_fds(a, ["x"], [-1]) })
        // a.sendmsg([b"x"], [(1, 1, b"")]) -> 1 ; SCM_RIGHTS b"abc" -> 1 ; (5, 5, b"abc") -> 1 ; b.recv(100) -> b'xxx'
        #expect(try a.sendmsg(["x"], [(1, 1, "")]) == 1)
        #expect(try a.sendmsg(["x"], [(socket.SOL_SOCKET, SCM_RIGHTS, "abc")]) == 1)
        #expect(try a.sendmsg(["x"], [(5, 5, "abc")]) == 1)
        #expect(try b.recv(100) == "xxx")
        // socket.recv_fds(b, 10, -1), (b, 1, 2**29) -> OverflowError CMSG_LEN() argument out of range
        expectPython(thrown { _ = try socket.recv_fds(b, 10, -1) }, "OverflowError", "CMSG_LEN() argument out of range")
        expectPython(thrown { _ = try socket.recv_fds(b, 1, 1 << 29) }, "OverflowError", "CMSG_LEN() argument out of range")
        // socket.recv_fds(b, 1, 2**61) -> OverflowError Python int too large to convert to C ssize_t
        expectPython(thrown { _ = try socket.recv_fds(b, 1, 1 << 61) }, "OverflowError", "Python int too large to convert to C ssize_t")
        // socket.recv_fds(b, -1, 1) -> ValueError negative buffer size in recvmsg()
        expectPython(thrown { _ = try socket.recv_fds(b, -1, 1) }, "ValueError", "negative buffer size in recvmsg()")
    }

    // a.sendmsg([b'x'], [(1, 1, array.array('i', [r])), (1, 1, array.array('i', [w]))]) -> 1
    // b.recvmsg(10, 100) -> b'x' [(1, 1, 8)] 0 None   (the kernel merges the two SCM_RIGHTS)
    @Test func twoControlMessages() throws {
        let (a, b) = try socket.socketpair()
        let (r, w) = makePipe()
        defer { close(r); close(w) }
        #expect(try a.sendmsg(["x"], [(1, SCM_RIGHTS, fdBytes([r])), (1, SCM_RIGHTS, fdBytes([w]))]) == 1)
        let (data, ancdata, flags, _) = try b.recvmsg(10, 100)
        #expect(data == "x" && flags == 0 && ancdata.map { [$0.0, $0.1, $0.2.count] } == [[1, 1, 8]])
        for item in ancdata { for fd in fds(in: item.2) { close(fd) } }
    }

    // u2.settimeout(0.05); u2.recvmsg(10) -> TimeoutError timed out
    // u2.settimeout(0); u2.recvmsg(10) -> BlockingIOError [Errno 11] Resource temporarily unavailable
    // u2.close(); u2.recvmsg(10), u2.sendmsg([b""]) -> OSError [Errno 9] Bad file descriptor
    @Test func timeoutModelAndClosed() throws {
        let (_, u2) = try udpPair("127.0.0.1")
        try u2.settimeout(0.05)
        expectTimedOut(thrown { _ = try u2.recvmsg(10) })
        var buffers: [[UInt8]] = [[0]]
        expectTimedOut(thrown { _ = try u2.recvmsg_into(&buffers) })
        try u2.settimeout(0)
        expectWouldBlock(thrown { _ = try u2.recvmsg(10) })
        expectWouldBlock(thrown { _ = try socket.recv_fds(u2, 10, 1) })
        u2.close()
        expectBadFileDescriptor(thrown { _ = try u2.recvmsg(10) })
        expectBadFileDescriptor(thrown { _ = try u2.sendmsg([""]) })
    }

    // A send to a closed peer raises BrokenPipeError and never SIGPIPE.
    @Test func brokenPipe() throws {
        let (a, b) = try socket.socketpair()
        b.close()
        expectPython(thrown { _ = try a.sendmsg(["x"]) }, "BrokenPipeError", "[Errno 32] Broken pipe", errno: 32)
    }
}
