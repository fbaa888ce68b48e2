// Spellings the whole-program ports needed: sendto to a bytes AF_UNIX name, e.args items compared with int and str.
import PySocket
import Testing
import TestSupport

@Suite("Spellings found by porting whole programs", .fdBalanced)
struct PortingGapsTests {
    @Test("sendto(data, b'\\0name') reaches an abstract AF_UNIX datagram socket")
    func sendtoBytesName() throws {
        let server = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        let client = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        defer { server.close(); client.close() }
        try server.bind("")  // autobind: an abstract name
        let name = try server.getsockname()
        guard case .unixBytes(let raw) = name else {
            Issue.record("autobind gave \(name)")
            return
        }
        #expect(try client.sendto("hello", raw) == 5)
        #expect(try server.recv(10) == "hello")
        #expect(try client.sendto("again", 0, raw) == 5)
        #expect(try server.recv(10) == "again")
    }

    @Test("e.args[i] compares with an int and a str, as CPython's items do")
    func argsItems() {
        do {
            _ = try socket.getaddrinfo("not a host", 80, flags: socket.AI_NUMERICHOST)
            Issue.record("getaddrinfo did not raise")
        } catch let e as socket.gaierror {
            // python3.13: e.args == (-2, 'Name or service not known')
            #expect(e.args[0] == socket.EAI_NONAME)
            #expect(socket.EAI_NONAME == e.args[0])
            #expect(e.args[0] != 0)
            #expect(e.args[1] == "Name or service not known")
            #expect(e.args[1] != "something else")
            #expect(!(e.args[1] == -2))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite("IntEnum members sort as their numbers", .fdBalanced)
struct EnumOrderingTests {
    @Test("sorted() of kinds, families and flags, and of getaddrinfo's tuples")
    func ordering() throws {
        // python3.13: sorted([SOCK_DGRAM, SOCK_STREAM, SOCK_RAW]) -> [STREAM, DGRAM, RAW];
        // AF_INET < AF_INET6 -> True; sorted([MSG_TRUNC, MSG_PEEK]) -> [MSG_PEEK, MSG_TRUNC]
        #expect([socket.SOCK_DGRAM, socket.SOCK_STREAM, socket.SOCK_RAW].sorted() == [socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.SOCK_RAW])
        #expect(socket.AF_INET < socket.AF_INET6)
        #expect([socket.MSG_TRUNC, socket.MSG_PEEK].sorted() == [socket.MSG_PEEK, socket.MSG_TRUNC])
        // sorted(getaddrinfo(None, 7, 0, 0, 0, AI_PASSIVE)): (2, 1, 6) (2, 2, 17) (2, 3, 0) (10, 1, 6) (10, 2, 17) (10, 3, 0)
        let infos = try socket.getaddrinfo(nil, 7, 0, 0, 0, socket.AI_PASSIVE)
        let sorted = infos.reversed().sorted(by: <).map { [$0.family.rawValue, $0.type.rawValue, $0.proto] }
        #expect(sorted == [[2, 1, 6], [2, 2, 17], [2, 3, 0], [10, 1, 6], [10, 2, 17], [10, 3, 0]])
    }
}
