// Families whose addresses PySocket does not decode yet raise an OSError that names them.
import Testing
@testable import PySocket

@Suite struct UnsupportedFamilyTests {
    @Test func netlinkAddressesNameTheFamily() throws {
        let s = try socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
        defer { s.close() }
        let error = try #require(throws: OSError.self) { try s.bind("x") }
        #expect(String(describing: error) == "bind(): AF_NETLINK addresses are not supported by PySocket yet")
        #expect(error.errno == nil)
    }

    @Test func aFamilyWithNoNameIsABadFamily() throws {
        #expect(throws: OSError.self) {
            _ = try SockaddrCodec.encode(.inet(host: "127.0.0.1", port: 0), family: 12345, caller: "connect")
        }
        do {
            _ = try SockaddrCodec.encode(.inet(host: "127.0.0.1", port: 0), family: 12345, caller: "connect")
        } catch {
            #expect(String(describing: error) == "connect(): bad family")
        }
    }
}
