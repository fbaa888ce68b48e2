// A send to a closed peer raises BrokenPipeError and never kills the process, with SIGPIPE at SIG_DFL.
import Glibc
import PySocket
import TestSupport
import Testing

/// Puts SIGPIPE back to its default disposition (terminate), and checks that it took.
func restoreDefaultSigpipe() {
    signal(SIGPIPE, SIG_DFL)
    var current = sigaction()
    sigaction(SIGPIPE, nil, &current)
    if current.__sigaction_handler.sa_handler != nil {
        Issue.record("SIGPIPE is not at SIG_DFL")
        exit(4)
    }
}

/// Calls `send` until it throws (at most 1000 times); exits 0 on BrokenPipeError, non-zero otherwise.
func expectBrokenPipe(_ send: () throws -> Void) -> Never {
    do {
        for _ in 0..<1000 { try send() }
        Issue.record("1000 sends to a closed peer succeeded")
        exit(2)
    } catch let error as BrokenPipeError {
        // (expected output captured from CPython 3.13, which ignores SIGPIPE itself:
        //  BrokenPipeError | [Errno 32] Broken pipe | BrokenPipeError(32, 'Broken pipe') | errno 32)
        guard String(describing: error) == "[Errno 32] Broken pipe", error.errno == 32 else {
            Issue.record("unexpected text: \(String(reflecting: error))")
            exit(5)
        }
        exit(0)
    } catch {
        Issue.record("unexpected error: \(String(reflecting: error))")
        exit(3)
    }
}

@Suite(.fdBalanced) struct SigpipeTests {
    @Test func harnessSeesADeathBySigpipe() async {
        // The control: a plain write(2) to a pipe without a reader does kill the child, so the
        // tests below would notice if PySocket's sends raised SIGPIPE.
        await #expect(processExitsWith: .signal(SIGPIPE)) {
            restoreDefaultSigpipe()
            var ends: [Int32] = [0, 0]
            _ = pipe(&ends)
            Glibc.close(ends[0])
            var byte: UInt8 = 0
            _ = write(ends[1], &byte, 1)
            exit(0)
        }
    }

    @Test func sendOnSocketpair() async {
        // a, b = socket.socketpair(); b.close(); for i in range(100): a.send(b"x")
        // BrokenPipeError | [Errno 32] Broken pipe
        await #expect(processExitsWith: .success) {
            restoreDefaultSigpipe()
            let (a, b) = try socket.socketpair()
            b.close()
            expectBrokenPipe { _ = try a.send("x") }
        }
    }

    @Test func sendallOnSocketpair() async {
        // a, b = socket.socketpair(); b.close(); for i in range(100): a.sendall(b"x")
        // BrokenPipeError | [Errno 32] Broken pipe
        await #expect(processExitsWith: .success) {
            restoreDefaultSigpipe()
            let (a, b) = try socket.socketpair()
            b.close()
            expectBrokenPipe { try a.sendall("x") }
        }
    }

    @Test func sendallWithTimeoutOnSeqpacket() async {
        // x, y = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET); y.close(); x.settimeout(0.05)
        // for i in range(100): x.sendall(b"x")   ->  BrokenPipeError | [Errno 32] Broken pipe
        await #expect(processExitsWith: .success) {
            restoreDefaultSigpipe()
            let (x, y) = try socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
            y.close()
            try x.settimeout(0.05)
            expectBrokenPipe { try x.sendall("x") }
        }
    }

    @Test func tcpSendSendtoSendallToClosedPeer() async {
        // L = socket.socket(); L.bind(("127.0.0.1", 0)); L.listen()
        // c = socket.socket(); c.connect(L.getsockname()); s, _ = L.accept(); s.close()
        // for i in range(100): c.send(b"x")  ->  BrokenPipeError | [Errno 32] Broken pipe
        await #expect(processExitsWith: .success) {
            restoreDefaultSigpipe()
            let (c, s, _) = try tcpPair()
            s.close()
            expectBrokenPipe { _ = try c.send("x") }
        }
        // ... for i in range(100): c.sendto(b"x", L.getsockname())  ->  BrokenPipeError | [Errno 32] Broken pipe
        await #expect(processExitsWith: .success) {
            restoreDefaultSigpipe()
            let (c, s, l) = try tcpPair()
            let address = try l.getsockname()
            s.close()
            expectBrokenPipe { _ = try c.sendto("x", address) }
        }
        // ... for i in range(100): c.sendall(b"x" * 100000)  ->  BrokenPipeError | [Errno 32] Broken pipe
        await #expect(processExitsWith: .success) {
            restoreDefaultSigpipe()
            let (c, s, _) = try tcpPair()
            s.close()
            let chunk = [UInt8](repeating: 0x78, count: 100_000)
            expectBrokenPipe { try c.sendall(chunk) }
        }
    }
}
