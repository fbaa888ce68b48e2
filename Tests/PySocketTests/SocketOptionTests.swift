// getsockopt / setsockopt: int, bool, bytes and (None, optlen) forms, as round trips against the kernel.
import Glibc
import PySocket
import TestSupport
import Testing

/// One SOL_SOCKET flag; `name` only labels the test case.
struct FlagOption: Sendable, CustomTestStringConvertible {
    let name: String
    let option: Int
    var testDescription: String { name }
}

@Suite(.fdBalanced) struct SocketOptionTests {
    @Test(arguments: [
        FlagOption(name: "SO_REUSEADDR", option: socket.SO_REUSEADDR),
        FlagOption(name: "SO_KEEPALIVE", option: socket.SO_KEEPALIVE),
        FlagOption(name: "SO_BROADCAST", option: socket.SO_BROADCAST),
        FlagOption(name: "SO_OOBINLINE", option: socket.SO_OOBINLINE),
    ])
    func flagRoundTrip(_ flag: FlagOption) throws {
        // for name in ["SO_REUSEADDR", "SO_KEEPALIVE", "SO_BROADCAST", "SO_OOBINLINE"]:
        //     print(s.getsockopt(SOL_SOCKET, opt)); s.setsockopt(SOL_SOCKET, opt, 1); print(s.getsockopt(...))
        //     s.setsockopt(SOL_SOCKET, opt, True); print(...); s.setsockopt(SOL_SOCKET, opt, 0); print(...)
        // 0 1 1 0   (each)
        let s = try socket.socket()
        var seen: [Int] = [try s.getsockopt(socket.SOL_SOCKET, flag.option)]
        try s.setsockopt(socket.SOL_SOCKET, flag.option, 1)
        seen.append(try s.getsockopt(socket.SOL_SOCKET, flag.option))
        try s.setsockopt(socket.SOL_SOCKET, flag.option, true)
        seen.append(try s.getsockopt(socket.SOL_SOCKET, flag.option))
        try s.setsockopt(socket.SOL_SOCKET, flag.option, 0)
        seen.append(try s.getsockopt(socket.SOL_SOCKET, flag.option))
        #expect(seen == [0, 1, 1, 0])
    }

    @Test func protocolLevelOptions() throws {
        // s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1); print(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))  ->  1
        // s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, 7); print(s.getsockopt(socket.IPPROTO_IP, socket.IP_TTL))  ->  7
        // s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8192); print(s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF))  ->  16384
        // v = socket.socket(socket.AF_INET6); v.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1); print(v.getsockopt(...))  ->  1
        let s = try socket.socket()
        try s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        #expect(try s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1)
        try s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, 7)
        #expect(try s.getsockopt(socket.IPPROTO_IP, socket.IP_TTL) == 7)
        try s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8192)
        #expect(try s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF) == 16384)
        let v = try socket.socket(socket.AF_INET6)
        try v.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        #expect(try v.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY) == 1)
    }

    @Test func readOnlyOptions() throws {
        // print(s.getsockopt(SOL_SOCKET, SO_TYPE), ...SO_DOMAIN, ...SO_PROTOCOL, ...SO_ERROR, ...SO_ACCEPTCONN)  ->  1 2 6 0 0
        // L.listen(); print(L.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))  ->  1
        // u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); print(u.getsockopt(SOL_SOCKET, SO_TYPE), u.getsockopt(SOL_SOCKET, SO_PROTOCOL))  ->  2 17
        let s = try socket.socket()
        let values = try [socket.SO_TYPE, socket.SO_DOMAIN, socket.SO_PROTOCOL, socket.SO_ERROR, socket.SO_ACCEPTCONN]
            .map { try s.getsockopt(socket.SOL_SOCKET, $0) }
        #expect(values == [1, 2, 6, 0, 0])
        let (server, _) = try listener()
        #expect(try server.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN) == 1)
        let u = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        #expect(try u.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == 2)
        #expect(try u.getsockopt(socket.SOL_SOCKET, socket.SO_PROTOCOL) == 17)
    }

    @Test func bytesForms() throws {
        // print(s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8))  ->  b'\x00\x00\x00\x00\x00\x00\x00\x00'
        // s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 5)); print(s.getsockopt(SOL_SOCKET, SO_LINGER, 8))
        // b'\x01\x00\x00\x00\x05\x00\x00\x00'
        // print(s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 4))  ->  b'\x01\x00\x00\x00'
        // s.setsockopt(SOL_SOCKET, SO_REUSEADDR, struct.pack("i", 1)); print(s.getsockopt(SOL_SOCKET, SO_REUSEADDR))  ->  1
        let s = try socket.socket()
        #expect(String(describing: try s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)) == "b'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00'")
        try s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, bytes([1, 0, 0, 0, 5, 0, 0, 0]))
        #expect(String(describing: try s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)) == "b'\\x01\\x00\\x00\\x00\\x05\\x00\\x00\\x00'")
        #expect(String(describing: try s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 4)) == "b'\\x01\\x00\\x00\\x00'")
        try s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, bytes([1, 0, 0, 0]))
        #expect(try s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) == 1)
    }

    @Test func optionErrors() throws {
        let s = try socket.socket()
        // s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 1025)  /  (..., -1)
        // OSError | getsockopt buflen out of range | OSError('getsockopt buflen out of range') | errno None
        for buflen in [1025, -1] {
            expectPython(thrown { _ = try s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, buflen) }, "OSError",
                         "getsockopt buflen out of range", repr: "OSError('getsockopt buflen out of range')", errno: nil)
        }
        // s.getsockopt(socket.SOL_SOCKET, 9999)  /  s.setsockopt(socket.SOL_SOCKET, 9999, 1)
        // OSError | [Errno 92] Protocol not available | OSError(92, 'Protocol not available')
        expectPython(thrown { _ = try s.getsockopt(socket.SOL_SOCKET, 9999) }, "OSError", "[Errno 92] Protocol not available",
                     repr: "OSError(92, 'Protocol not available')", errno: 92)
        expectPython(thrown { try s.setsockopt(socket.SOL_SOCKET, 9999, 1) }, "OSError", "[Errno 92] Protocol not available",
                     repr: "OSError(92, 'Protocol not available')", errno: 92)
        // s.getsockopt(2**31, 1)  ->  OverflowError | signed integer is greater than maximum
        // s.getsockopt(-2**31-1, 1)  ->  OverflowError | signed integer is less than minimum
        expectPython(thrown { _ = try s.getsockopt(1 << 31, 1) }, "OverflowError", "signed integer is greater than maximum",
                     repr: "OverflowError('signed integer is greater than maximum')")
        expectPython(thrown { _ = try s.getsockopt(-(1 << 31) - 1, 1) }, "OverflowError", "signed integer is less than minimum",
                     repr: "OverflowError('signed integer is less than minimum')")
        // s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 2**31)
        // TypeError | a bytes-like object is required, not 'int' | TypeError("a bytes-like object is required, not 'int'")
        expectPython(thrown { try s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1 << 31) }, "TypeError",
                     "a bytes-like object is required, not 'int'", repr: "TypeError(\"a bytes-like object is required, not 'int'\")")
        // s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01")
        // OSError | [Errno 22] Invalid argument | OSError(22, 'Invalid argument')
        expectPython(thrown { try s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, bytes([1])) }, "OSError",
                     "[Errno 22] Invalid argument", repr: "OSError(22, 'Invalid argument')", errno: 22)
    }

    @Test func noneWithOptlen() throws {
        let s = try socket.socket()
        // s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, None, 4)
        // OSError | [Errno 14] Bad address | OSError(14, 'Bad address')
        expectPython(thrown { try s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, nil, 4) }, "OSError",
                     "[Errno 14] Bad address", repr: "OSError(14, 'Bad address')", errno: 14)
        // s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, None, 0)
        // OSError | [Errno 22] Invalid argument | OSError(22, 'Invalid argument')
        expectPython(thrown { try s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, nil, 0) }, "OSError",
                     "[Errno 22] Invalid argument", repr: "OSError(22, 'Invalid argument')", errno: 22)
        // s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, None, -1)   (optlen is parsed as unsigned, unchecked)
        // OSError | [Errno 22] Invalid argument | OSError(22, 'Invalid argument')
        expectPython(thrown { try s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, nil, -1) }, "OSError",
                     "[Errno 22] Invalid argument", repr: "OSError(22, 'Invalid argument')", errno: 22)
    }
}
