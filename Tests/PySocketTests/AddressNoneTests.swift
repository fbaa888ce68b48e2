// `addr is None` ported as `addr == nil`: the unnamed sender's address, and every other address.
import PySocket
import Testing
import TestSupport

@Suite("An address CPython returns as None compares equal to nil", .fdBalanced)
struct AddressNoneTests {
    @Test("recvfrom from an unnamed AF_UNIX datagram sender gives an address equal to nil")
    func unnamedSender() throws {
        let (a, b) = try socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
        defer { a.close(); b.close() }
        _ = try a.send("x")
        let (data, addr) = try b.recvfrom(10)
        #expect(data == "x")
        #expect(addr == nil)
        #expect(!(addr != nil))
        #expect(String(describing: addr) == "None")
    }

    @Test("a real address is not nil", arguments: [
        SocketAddress.inet(host: "127.0.0.1", port: 0), .inet6(host: "::1", port: 1, flowinfo: 0, scope_id: 0),
        .unix(""), .unix("x.sock"), .unixBytes("\0name"),
    ])
    func notNil(_ address: SocketAddress) {
        #expect(address != nil)
        #expect(!(address == nil))
    }

    @Test("nil for an optional address is still Optional.none, also in a conditional expression")
    func optionalStaysOptional() {
        let maybe: SocketAddress? = nil
        #expect(maybe == nil)
        let flag = Bool.random()
        let chosen: SocketAddress? = flag ? nil : .unix("x")
        #expect((chosen == nil) == flag)
        let present: SocketAddress? = .noAddress
        #expect(present != nil)
    }

    @Test("sendmsg without an address sends on a connected socket (its default address is nil)")
    func sendmsgDefaultAddress() throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        #expect(try a.sendmsg(["one ", "two"]) == 7)
        #expect(try b.recv(10) == "one two")
    }
}
