// Spellings the whole-program ports needed: sendto to a bytes AF_UNIX name, e.args items compared with int and str.
import PySocket
import Testing

@Suite("Spellings found by porting whole programs")
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
