// Families whose addresses PySocket does not decode yet raise an OSError that names them.
import Testing
@testable import PySocket

@Suite struct UnsupportedFamilyTests {
    private func message(_ family: Int, _ caller: String) -> String {
        do {
            _ = try encodeAddress(.inet(host: "127.0.0.1", port: 0), family: family, caller: caller)
            return "no error"
        } catch {
            return "\(type(of: error)): \(error)"
        }
    }

    @Test func aKnownButUndecodedFamilyIsNamed() {
        #expect(message(socket.AF_TIPC.rawValue, "bind") == "OSError: bind(): AF_TIPC addresses are not supported by PySocket yet")
    }

    @Test func aFamilyWithNoNameIsABadFamily() {
        // python3.13: s = socket.socket(fileno=...) of an unknown family, s.connect(...) -> OSError: connect(): bad family
        #expect(message(12345, "connect") == "OSError: connect(): bad family")
    }

    @Test func netlinkTakesAPairOfInts() throws {
        let s = try socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
        defer { s.close() }
        // python3.13: socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0).bind("x")
        // TypeError: bind(): AF_NETLINK address must be tuple, not str
        let error = try #require(throws: TypeError.self) { try s.bind("x") }
        #expect(String(describing: error) == "bind(): AF_NETLINK address must be tuple, not str")
        try s.bind((0, 0))
        guard case .netlink(_, let groups) = try s.getsockname() else { Issue.record("not a netlink address"); return }
        #expect(groups == 0)
    }
}
