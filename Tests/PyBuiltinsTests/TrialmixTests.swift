// What porting the trialmix_ programs added: bytes(s, enc)/str(b, enc), current_thread/main_thread, daemon =, ForkingTCPServer; values from CPython 3.13.
import PyBuiltins
import PySocket
import Synchronization
import Testing
import TestSupport

/// Replies whether it runs on the main thread, as the socketserver docs' handler prints the thread.
final class WhichThreadHandler: socketserver.BaseRequestHandler<socket>, @unchecked Sendable {
    override func handle() throws {
        try self.request.sendall(threading.current_thread() === threading.main_thread() ? "main" : "thread")
    }
}

/// `class F(socketserver.ForkingMixIn, socketserver.TCPServer): pass`.
final class F: socketserver.ForkingTCPServer, @unchecked Sendable {}

@Suite("trialmix: pieces the tutorial ports needed", .fdBalanced)
struct TrialmixTests {
    @Test("bytes(text, encoding) and str(data, encoding) encode and decode with CPython's errors")
    func encodingConstructors() throws {
        // python3.13: repr(bytes("héllo", "utf-8")), repr(str(b"abc", "ascii"))
        #expect(repr(try bytes("héllo", "utf-8")) == "b'h\\xc3\\xa9llo'")
        #expect(repr(try str(bytes("abc"), "ascii")) == "'abc'")
        expectOutcome("UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)") {
            try bytes("é", "ascii")
        }
        expectOutcome("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte") {
            try str(bytes([0xff]), "utf-8")
        }
    }

    @Test("current_thread() is the started Thread, not main_thread(); daemon is settable before start")
    func currentThread() throws {
        // python3.13: threading.main_thread().name -> 'MainThread'; t.daemon = True; t.daemon -> True; [True]
        #expect(threading.main_thread().name == "MainThread")
        let seen = Mutex(false)
        nonisolated(unsafe) var t: threading.Thread! = nil
        t = threading.Thread(target: {
            seen.withLock { $0 = threading.current_thread() === t && threading.current_thread() !== threading.main_thread() }
        })
        t.daemon = true
        #expect(t.daemon == true)
        try t.start()
        try t.join()
        #expect(seen.withLock { $0 })
    }

    @Test("ForkingTCPServer: the child handles the request as the main thread; the parent reaps it on close")
    func forkingServer() throws {
        let s = try F(("127.0.0.1", 0), WhichThreadHandler.self)
        try s.with { _ in
            // python3.13: F.__name__, s.address_family == AF_INET, s.socket_type == SOCK_STREAM, s.allow_reuse_address
            #expect(F.__name__ == "F")
            #expect(s.address_family == socket.AF_INET && s.socket_type == socket.SOCK_STREAM && !s.allow_reuse_address)
            let c = try socket.create_connection(s.server_address, timeout: 2)
            defer { c.close() }
            let th = threading.Thread(target: { try s.handle_request() })
            try th.start()
            try th.join()
            // python3.13: c.recv(10) -> b'main'
            #expect(repr(try c.recv(10)) == "b'main'")
            #expect(s.active_children?.count == 1)
        }
        // python3.13: s.active_children after the with block -> set()
        #expect(s.active_children == [])
    }
}
