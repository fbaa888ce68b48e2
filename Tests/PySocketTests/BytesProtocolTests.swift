// The bytes methods protocol clients use, makefile's reads and MSG_TRUNC, against CPython 3.13's results.
import Glibc
import PySocket
import Testing
import TestSupport

/// Python's str() of a case's value: bytes as repr, tuples and lists of bytes as Python prints them.
func pythonStr(_ value: Any) -> String {
    switch value {
    case let flag as Bool: return flag ? "True" : "False"
    case let data as bytes: return data.description
    case let (x, y, z) as (bytes, bytes, bytes): return "(\(x), \(y), \(z))"
    case let list as [bytes]: return "[" + list.map(\.description).joined(separator: ", ") + "]"
    default: return "\(value)"
    }
}

@Suite(.fdBalanced) struct BytesProtocolTests {
    @Test(arguments: bytesProtocolCases.indices)
    func matchesCPython(_ index: Int) {
        let (python, expected, swift) = bytesProtocolCases[index]
        let got: String
        do {
            got = pythonStr(try swift())
        } catch {
            got = "\(type(of: error)): \(error)"
        }
        #expect(got == expected, "\(python)")
    }

    @Test func sliceNeverTraps() throws {
        // Every start/stop/step in -12...12 over an 11-byte value: no trap, and the length is
        // Python's len(range(*slice(start, stop, step).indices(11))).
        let data: bytes = "hello world"
        for start in -12...12 {
            for stop in -12...12 {
                for step in [-3, -1, 1, 2] {
                    let sliced = try data[start, stop, step]
                    #expect(sliced.count == Self.pythonSliceLength(start, stop, step, 11))
                }
            }
        }
    }

    /// `len(range(*slice(start, stop, step).indices(n)))`, spelled out from the language reference.
    static func pythonSliceLength(_ start: Int, _ stop: Int, _ step: Int, _ n: Int) -> Int {
        var lower = start < 0 ? start + n : start
        var upper = stop < 0 ? stop + n : stop
        if step > 0 {
            lower = min(max(lower, 0), n)
            upper = min(max(upper, 0), n)
            return lower < upper ? (upper - lower + step - 1) / step : 0
        }
        lower = min(max(lower, -1), n - 1)
        upper = min(max(upper, -1), n - 1)
        return upper < lower ? (lower - upper - step - 1) / -step : 0
    }

    @Test func withUnsafeBytesSeesTheBytes() {
        let data: bytes = "abc"
        #expect(data.withUnsafeBytes { Array($0) } == [0x61, 0x62, 0x63])
    }

    @Test func formatWithSwiftIntegerTypes() throws {
        // b"%d %d %x" % (7, 300, 255)  ->  b'7 300 ff'
        #expect("\(try ("%d %d %x" as bytes) % (UInt8(7), Int32(300), UInt64(255)))" == "b'7 300 ff'")
    }
}

@Suite(.fdBalanced) struct MakefileReadTests {
    @Test func readlineWithALimitReadsBufferSizedChunks() throws {
        // a.sendall(b"x" * 100000 + b"\nnext\n"); f = b.makefile("rb"); line = f.readline(65537)
        // print(len(line), len(b.recv(200000, socket.MSG_DONTWAIT)))  ->  65537 26278
        // (CPython's BufferedReader reads at most its 8 KiB buffer per raw read: 9 reads, 73728 bytes.)
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        try a.sendall(bytes([UInt8](repeating: 0x78, count: 100000)) + "\nnext\n")
        let f: SocketFile<bytes> = try b.makefile("rb")
        let line = try f.readline(65537)
        #expect(line.count == 65537)
        #expect(try b.recv(200000, socket.MSG_DONTWAIT).count == 26278)
        try f.close()
    }

    @Test func readlineTakesOneBufferForShortLines() throws {
        // a.sendall(b"ab\ncd\n" + b"y" * 20000 + b"\n"); f = b.makefile("rb")
        // print(f.readline(), f.readline(1), f.readline(), len(b.recv(200000, socket.MSG_DONTWAIT)))
        // b'ab\n' b'c' b'd\n' 11815
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        try a.sendall("ab\ncd\n" + bytes([UInt8](repeating: 0x79, count: 20000)) + "\n")
        let f: SocketFile<bytes> = try b.makefile("rb")
        let got = "\(try f.readline()) \(try f.readline(1)) \(try f.readline()) \(try b.recv(200000, socket.MSG_DONTWAIT).count)"
        #expect(got == "b'ab\\n' b'c' b'd\\n' 11815")
        try f.close()
    }

    @Test func longLinesAcrossManyBuffers() throws {
        // A 50000-byte line, then two short ones, read back whole through the 8 KiB buffer.
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let long = bytes([UInt8](repeating: 0x7A, count: 50000)) + "\n"
        try a.sendall(long + "one\ntwo\n")
        a.close()
        let f: SocketFile<bytes> = try b.makefile("rb")
        #expect(try f.readline() == long)
        #expect(try f.readlines() == ["one\n", "two\n"])
        #expect(try f.readline() == "")
        try f.close()
    }

    @Test func heldLinesKeepTheirBytesWhenTheBufferIsReused() throws {
        // a.sendall(b"Server: nginx/1.22.1 (held line)\r\nDate: Mon, 07 Dec 2026 11:53:22 GMT\r\n")
        // held = [f.readline(), f.readline()]
        // a.sendall(b"X-Second-Fill: after the buffer drained\r\n" * 3 + b"tail-without-newline")
        // more = [f.readline() for _ in range(3)]; a.close(); print(held, more, f.read())
        // [b'Server: nginx/1.22.1 (held line)\r\n', b'Date: Mon, 07 Dec 2026 11:53:22 GMT\r\n']
        // [b'X-Second-Fill: after the buffer drained\r\n', (twice more)] b'tail-without-newline'
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let f: SocketFile<bytes> = try b.makefile("rb")
        try a.sendall("Server: nginx/1.22.1 (held line)\r\nDate: Mon, 07 Dec 2026 11:53:22 GMT\r\n")
        let held = [try f.readline(), try f.readline()]
        try a.sendall(try ("X-Second-Fill: after the buffer drained\r\n" as bytes) * 3 + "tail-without-newline")
        let more = [try f.readline(), try f.readline(), try f.readline()]
        a.close()
        let got = "\(held) \(more) \(try f.read())"
        #expect(got == "[b'Server: nginx/1.22.1 (held line)\\r\\n', b'Date: Mon, 07 Dec 2026 11:53:22 GMT\\r\\n'] "
            + "[b'X-Second-Fill: after the buffer drained\\r\\n', b'X-Second-Fill: after the buffer drained\\r\\n', "
            + "b'X-Second-Fill: after the buffer drained\\r\\n'] b'tail-without-newline'")
        // name, _, value = held[0].partition(b":"); print(name, value.strip(), value.strip().lower())
        // b'Server' b'nginx/1.22.1 (held line)' b'nginx/1.22.1 (held line)'
        let (name, _, value) = try held[0].partition(":")
        #expect("\(name) \(value.strip()) \(value.strip().lower())" == "b'Server' b'nginx/1.22.1 (held line)' b'nginx/1.22.1 (held line)'")
        try f.close()
    }

    @Test func closedFileMessages() throws {
        // f.close(); f.readline() -> ValueError('readline of closed file'); f.read(3) -> 'read of closed file'
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let f: SocketFile<bytes> = try b.makefile("rb")
        try f.close()
        #expect(throws: ValueError.self) { try f.readline() }
        do { _ = try f.readline() } catch { #expect("\(error)" == "readline of closed file") }
        do { _ = try f.read(3) } catch { #expect("\(error)" == "read of closed file") }
    }
}

@Suite(.fdBalanced) struct MsgTruncTests {
    @Test func recvAndRecvfromReturnTheDatagramsLength() throws {
        // s.sendto(b"0123456789", addr); s.sendto(b"abcdefghijkl", addr)
        // d = u.recv(4, socket.MSG_TRUNC); print(len(d), d[:4])          ->  10 b'0123'
        // d, _ = u.recvfrom(4, socket.MSG_TRUNC); print(len(d), d[:4])   ->  12 b'abcd'
        // s.sendto(b"QRSTUVWXYZ", addr)
        // d = u.recv(4, MSG_TRUNC | MSG_PEEK); print(len(d), d[:4], u.recv(100))  ->  10 b'QRST' b'QRSTUVWXYZ'
        let u = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        let s = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        defer { u.close(); s.close() }
        try u.bind(("127.0.0.1", 0))
        try u.settimeout(2)
        let address = try u.getsockname()
        _ = try s.sendto("0123456789", address)
        _ = try s.sendto("abcdefghijkl", address)
        let d1 = try u.recv(4, socket.MSG_TRUNC)
        #expect("\(d1.count) \(d1[..<4])" == "10 b'0123'")
        let (d2, _) = try u.recvfrom(4, socket.MSG_TRUNC)
        #expect("\(d2.count) \(d2[..<4])" == "12 b'abcd'")
        _ = try s.sendto("QRSTUVWXYZ", address)
        let d3 = try u.recv(4, socket.MSG_TRUNC | socket.MSG_PEEK)
        #expect("\(d3.count) \(d3[..<4]) \(try u.recv(100))" == "10 b'QRST' b'QRSTUVWXYZ'")
    }
}
