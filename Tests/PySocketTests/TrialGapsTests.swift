// Gaps found porting the trial_ programs: SocketIO.read/readall and IntEnum arithmetic (values from CPython 3.13).
import PySocket
import TestSupport
import Testing

@Suite(.fdBalanced) struct TrialGapsTests {
    @Test func intEnumArithmeticGivesPlainInts() {
        // socket.AF_INET6 + 1, 1 + socket.AF_INET, socket.SOCK_DGRAM - 1, 10 - socket.AF_INET -> 11 3 1 8 (int)
        let sum: Int = socket.AF_INET6 + 1
        #expect(sum == 11)
        #expect(1 + socket.AF_INET == 3)
        #expect(socket.SOCK_DGRAM - 1 == 1)
        #expect(10 - socket.AF_INET == 8)
    }

    @Test func socketIOReadAndReadall() throws {
        // f = b.makefile('rwb', buffering=0); b.setblocking(False); f.read(3), f.read() -> None None
        // b.setblocking(True); a.sendall(b'abcdef'); f.read(3) -> b'abc'
        // a.sendall(b'gh'); a.close(); f.read(), f.read(5), f.read() -> b'defgh' b'' b''
        // f.close(); f.read(1) -> ValueError('I/O operation on closed file.')
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let f: SocketIO = try b.makefile("rwb", buffering: 0)
        try b.setblocking(false)
        #expect(try f.read(3) == nil)
        #expect(try f.read() == nil)
        try b.setblocking(true)
        try a.sendall("abcdef")
        #expect(try f.read(3) == "abc")
        try a.sendall("gh")
        a.close()
        #expect(try f.read() == "defgh")
        #expect(try f.read(5) == "")
        #expect(try f.readall() == "")
        f.close()
        #expect(throws: ValueError.self) { _ = try f.read(1) }
    }
}
