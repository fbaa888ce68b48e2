// The spellings ported programs needed (trialasync): keyword forms, memoryview receives, paths, extra info.
import Glibc
import PyBuiltins
import PySocket
import PySocketAsync
import Testing
import TestSupport

/// Every scenario of this file; expected values are CPython 3.13's (the same calls run under
/// `python3.13`, printed with `repr`).
let spellingScenarios: [String: Scenario] = [
    "wait_for(timeout=) and sleep(result=)": { backend in
        let out = try asyncio.run(backend: backend) { () -> [String] in
            var out: [String] = []
            out.append(repr(try await asyncio.wait_for(await asyncio.sleep(0.001, result: "in time"), timeout: 1)))
            do {
                try await asyncio.wait_for(await asyncio.sleep(1), timeout: 0.01)
            } catch let e as TimeoutError {
                out.append(repr(e))
            }
            out.append(repr(try await asyncio.wait_for(await asyncio.sleep(0, result: 3), timeout: nil)))
            return out
        }
        #expect(out == ["'in time'", "TimeoutError()", "3"])  // CPython: ['in time', 'TimeoutError()', 3], each repr
    },
    "sock_recv_into and sock_recvfrom_into a memoryview": { backend in
        let out = try asyncio.run(backend: backend) { () -> [String] in
            let loop = asyncio.get_running_loop()
            var out: [String] = []
            let (a, b) = try socket.socketpair()
            defer { a.close(); b.close() }
            try a.setblocking(false); try b.setblocking(false)
            let buf = try bytearray(11)
            try await loop.sock_sendall(a, "hello")
            var got = try await loop.sock_recv_into(b, memoryview(buf)[0...])
            try await loop.sock_sendall(a, " world")
            got += try await loop.sock_recv_into(b, memoryview(buf)[got...])
            out.append("recv_into \(got) \(buf)")
            do {
                _ = try await loop.sock_recv_into(b, memoryview("abc"))
            } catch let e as TypeError {
                out.append("readonly \(repr(e))")
            }
            let u = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            let v = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            defer { u.close(); v.close() }
            try u.bind(("127.0.0.1", 0)); try u.setblocking(false); try v.setblocking(false)
            _ = try await loop.sock_sendto(v, "datagram", try u.getsockname())
            let dbuf = try bytearray(10)
            let (n, addr) = try await loop.sock_recvfrom_into(u, memoryview(dbuf)[2...])
            out.append("recvfrom_into \(n) \(dbuf) \(try addr[0])")
            return out
        }
        #expect(out == ["recv_into 11 bytearray(b'hello world')",
                        "readonly TypeError('recv_into() argument 1 must be read-write bytes-like object, not memoryview')",
                        "recvfrom_into 8 bytearray(b'\\x00\\x00datagram') 127.0.0.1"])
    },
    "sock_connect to a path in a str and to IPv6's 4-tuple; TemporaryDirectory around awaits": { backend in
        let out = try asyncio.run(backend: backend) { () -> [String] in
            let loop = asyncio.get_running_loop()
            var out: [String] = []
            let tmp = try await tempfile.TemporaryDirectory().with { tmp in
                let path = os.path.join(tmp, "s.sock")
                let srv = try socket.socket(socket.AF_UNIX); try srv.bind(path); try srv.listen(); try srv.setblocking(false)
                let c = try socket.socket(socket.AF_UNIX); try c.setblocking(false)
                try await loop.sock_connect(c, path)
                let (conn, _) = try await loop.sock_accept(srv)
                try await loop.sock_sendall(c, "unix")
                out.append("unix \(try await loop.sock_recv(conn, 10)) \(os.path.exists(tmp))")
                for s in [conn, c, srv] { s.close() }
                return tmp
            }
            out.append("removed \(os.path.exists(tmp))")
            let srv = try socket.socket(socket.AF_INET6); try srv.bind(("::1", 0)); try srv.listen(); try srv.setblocking(false)
            let c = try socket.socket(socket.AF_INET6); try c.setblocking(false)
            let (host, port, flow, scope) = try srv.getsockname().quad
            try await loop.sock_connect(c, (host, port, flow, scope))
            let (conn, addr) = try await loop.sock_accept(srv)
            out.append("ipv6 \(try addr[0]) \(len(addr))")
            for s in [conn, c, srv] { s.close() }
            return out
        }
        #expect(out == ["unix b'unix' True", "removed False", "ipv6 ::1 4"])
    },
    "get_extra_info('socket') attributes and CPython's AttributeError": { backend in
        let out = try asyncio.run(backend: backend) { () -> [String] in
            @Sendable func handle(_ r: asyncio.StreamReader, _ w: asyncio.StreamWriter) async throws { w.close() }
            let server = try await asyncio.start_server(handle, "127.0.0.1", 0)
            let serverPort: Int = try server.sockets[0].getsockname()[1]
            let (_, w) = try await asyncio.open_connection("127.0.0.1", serverPort)
            let info = w.get_extra_info("socket")
            let peerPort: Int = try info.getpeername()[1]
            var out = ["extra \(try info.family) \(try info.type) \(try info.proto) \(try info.fileno() > 0) "
                       + "\(try info.getsockname() == w.get_extra_info("sockname").address!) \(peerPort == serverPort) "
                       + "\(try info.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))"]
            for name in ["peername", "nothing"] {
                do {
                    _ = try w.get_extra_info(name).family
                } catch let e as AttributeError {
                    out.append("attr \(repr(e))")
                }
            }
            do {
                _ = try w.get_extra_info("nothing").getsockname()
            } catch let e as AttributeError {
                out.append("attr \(repr(e))")
            }
            w.close(); try await w.wait_closed()
            server.close(); try await server.wait_closed()
            return out
        }
        #expect(out == ["extra 2 1 6 True True True 1",
                        "attr AttributeError(\"'tuple' object has no attribute 'family'\")",
                        "attr AttributeError(\"'NoneType' object has no attribute 'family'\")",
                        "attr AttributeError(\"'NoneType' object has no attribute 'getsockname'\")"])
    },
]

@Suite(.fdBalanced) struct SpellingsTests {
    @Test(arguments: availableBackends, spellingScenarios.keys.sorted())
    func scenario(_ backend: asyncio.Backend, _ name: String) throws {
        try spellingScenarios[name]!(backend)
    }

    @Test func noSpellingScenarioLeaksADescriptor() async {
        // In a child process, where no other test opens descriptors meanwhile.
        await #expect(processExitsWith: .success) {
            exit(descriptorLeaks(spellingScenarios) == 0 ? 0 : 1)
        }
    }
}
