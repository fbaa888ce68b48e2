// s.with { s in ... }: Python's `with socket.socket() as s:` closes the socket on every exit, and leaks nothing.
import Glibc
import PySocket
import Testing
import TestSupport

@Suite(.fdBalanced) struct WithTests {
    @Test func closesOnReturnAndGivesBackTheResult() throws {
        // with socket.socket() as s: fd = s.fileno()   ->  s.fileno() == -1 afterwards
        let s = try socket.socket()
        let fd = s.with { s in s.fileno() }
        #expect(fd >= 0)
        #expect(s.fileno() == -1)
    }

    @Test func closesOnThrowAndRethrowsTheSameError() throws {
        let s = try socket.socket()
        let raised = ValueError("inside with")
        let caught = #expect(throws: ValueError.self) {
            try s.with { _ in throw raised }
        }
        #expect(caught === raised)
        #expect(s.fileno() == -1)
    }

    @Test func closesWhenASocketCallFails() throws {
        let (holder, port) = try refusingPort()
        defer { holder.close() }
        let s = try socket.socket()
        #expect(throws: ConnectionRefusedError.self) {
            try s.with { s in try s.connect(("127.0.0.1", port)) }
        }
        #expect(s.fileno() == -1)
    }

    @Test func worksOnTheResultOfAFactory() throws {
        // with socket.create_server(('127.0.0.1', 0)) as srv: ...
        let (family, listening) = try socket.create_server(("127.0.0.1", 0)).with { srv in
            (srv.family, try srv.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))
        }
        #expect(family == socket.AF_INET)
        #expect(listening == 1)
    }

    @Test func awaitsInsideTheBlock() async throws {
        let s = try socket.socket()
        let fd = await s.with { s in
            await Task.yield()
            return s.fileno()
        }
        #expect(fd >= 0)
        #expect(s.fileno() == -1)
    }

    @Test func theSynchronousFormNeedsNoAwaitInAsyncCode() async throws {
        let s = try socket.socket()
        let fd = s.with { s in s.fileno() }
        #expect(fd >= 0)
        #expect(s.fileno() == -1)
    }

    @Test func aFileBlockFlushesAndClosesTheFileButNotTheSocket() throws {
        // with a.makefile("w") as f: f.write("hello\n")   ->  b.recv(100) == b'hello\n'
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        try a.makefile("w").with { f in _ = try f.write("hello\n") }
        try b.settimeout(2)
        #expect(try b.recv(100) == "hello\n")
        #expect(a.fileno() >= 0)
    }

    @Test func aFileBlockClosesTheFileOnThrow() throws {
        // The file is closed by the block, so closing the socket releases the descriptor at once
        // and the peer reads end-of-file (an open file would keep it, and recv would time out).
        let (a, b) = try socket.socketpair()
        defer { b.close() }
        let f: SocketFile<bytes> = try a.makefile("rb")
        #expect(throws: ValueError.self) {
            try f.with { _ in throw ValueError("inside with") }
        }
        a.close()
        try b.settimeout(2)
        #expect(try b.recv(1) == bytes())
    }

    @Test func noExitLeaksADescriptor() async {
        await #expect(processExitsWith: .success) {
            let steps: [(String, () throws -> Void)] = [
                ("with, returning", { try socket.socket().with { _ in } }),
                ("with, throwing", { try socket.socket().with { _ in throw ValueError("x") } }),
                ("with, a failing call", { try socket.socket().with { s in try s.bind(("127.0.0.1", 70000)) } }),
                ("with on a makefile() file, throwing", {
                    let (a, b) = try socket.socketpair()
                    defer { a.close(); b.close() }
                    try a.makefile("rb").with { (_: SocketFile<bytes>) in throw ValueError("x") }
                }),
                ("with on each of a socketpair", {
                    let (a, b) = try socket.socketpair()
                    try a.with { a in
                        try b.with { b in
                            try a.sendall("x")
                            _ = try b.recv(1)
                        }
                    }
                }),
            ]
            warmUp(steps)
            let leaks = leakingSteps(steps)
            exit(leaks == 0 ? 0 : 1)
        }
    }
}
