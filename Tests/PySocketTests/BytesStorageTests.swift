// bytes' two storages (inline up to 16 bytes, an array beyond) behave as one value, and recv(n) /
// recvfrom(n) return exactly what arrived at every size class of the receive path.
import Testing
import TestSupport
@testable import PySocket

@Suite("bytes storage and recv(n) sizes", .fdBalanced)
struct BytesStorageTests {

    /// A value of `count` bytes 0, 1, 2, ... built inline (when it fits) and one built on the heap.
    private func both(_ count: Int) -> (bytes, bytes) {
        let array = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
        let inlineOrCopy = array.withUnsafeBytes { bytes(copying: $0) }
        return (inlineOrCopy, bytes(array))
    }

    @Test("inline and heap values of the same bytes are equal, hash equally, read and iterate alike",
          arguments: [0, 1, 7, 8, 9, 15, 16, 17, 100])
    func sameValue(count: Int) {
        let (a, b) = both(count)
        #expect(a._isOnHeap == (count > 16))
        #expect(b._isOnHeap)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a.count == count && b.count == count)
        #expect(Array(a) == Array(b))
        #expect(a.storage == b.storage)
        #expect((0..<count).allSatisfy { a[$0] == b[$0] })
        #expect(a.withUnsafeBytes { Array($0) } == b.storage)
        #expect(a.withContiguousStorageIfAvailable { Array($0) } == b.storage)
        #expect(a.reduce(0) { $0 + Int($1) } == b.storage.reduce(0) { $0 + Int($1) })
        #expect(String(describing: a) == String(describing: b))
        if count > 0 {
            var shorter = a
            shorter.removeLast()
            #expect(shorter != a)
            #expect(shorter == bytes(b.storage.dropLast()))
        }
    }

    @Test("a bytes buffer's bytes start where ManagedBuffer puts its elements")
    func elementOffset() {
        let buffer = _BytesBuffer.allocate(40)
        let elements = buffer.withUnsafeMutablePointerToElements { $0 }
        #expect(bytes._elements(buffer) == elements)
        #expect(buffer.header == 40)
        #expect(bytes._bufferCapacity(buffer) == 40)
    }

    @Test("mutating an inline value: set a byte, append past 16, mutate through storage")
    func mutation() throws {
        var value: bytes = "abc"
        #expect(!value._isOnHeap)
        value[1] = 0x42
        #expect(value == bytes("aBc"))
        value.append(contentsOf: Array("defghijklmnopq".utf8))
        #expect(value.count == 17)
        #expect(value == bytes("aBcdefghijklmnopq"))
        var inline: bytes = "xy"
        inline.storage.append(0x7A)
        #expect(inline == bytes("xyz"))
        var zeros = try bytes(count: 3)
        #expect(zeros == bytes([0, 0, 0]))
        _ = zeros.withContiguousMutableStorageIfAvailable { $0[2] = 9 }
        #expect(zeros == bytes([0, 0, 9]))
        #expect(try bytes(count: 20) == bytes([UInt8](repeating: 0, count: 20)))
    }

    @Test("literals: short ones inline, long ones on the heap, the same bytes")
    func literals() {
        let short: bytes = "hello"
        let long: bytes = "a literal longer than sixteen bytes"
        #expect(!short._isOnHeap && long._isOnHeap)
        #expect(Array(short) == Array("hello".utf8))
        #expect(Array(long) == Array("a literal longer than sixteen bytes".utf8))
        let list: bytes = [1, 2, 3]
        #expect(Array(list) == [1, 2, 3])
    }

    @Test("recv(n) returns exactly what arrived, for every size class of the receive path",
          arguments: [(1, 1), (16, 16), (16, 3), (17, 17), (1024, 1000), (1024, 5), (1025, 1025), (8192, 5000), (8192, 100), (65536, 20)])
    func recvSizes(bufsize: Int, sent: Int) throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let payload = (0..<sent).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 5) }
        try a.sendall(payload)
        let got = try b.recv(bufsize)
        #expect(Array(got) == payload)
        #expect(got._isOnHeap == (sent > 16))
        if got._isOnHeap { #expect(got._capacity < 2 * max(sent, 4096) + 64) }
    }

    @Test("recvfrom(n) returns the datagram and the sender's address", arguments: [4, 64, 2000])
    func recvfromSizes(size: Int) throws {
        let server = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        let client = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        defer { server.close(); client.close() }
        try server.bind(("127.0.0.1", 0))
        try client.bind(("127.0.0.1", 0))
        try server.settimeout(2)
        let payload = bytes((0..<size).map { UInt8(truncatingIfNeeded: $0) })
        _ = try client.sendto(payload, server.getsockname())
        let (data, address) = try server.recvfrom(4096)
        #expect(data == payload)
        #expect(address == (try client.getsockname()))
        // Sending back to the returned address reaches the client.
        _ = try server.sendto(data, address)
        try client.settimeout(2)
        #expect(try client.recv(4096) == payload)
    }
}

@Suite("The per-socket cache of the last IP address", .fdBalanced)
struct AddressCacheTests {

    private func udp() throws -> socket {
        let s = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try s.bind(("127.0.0.1", 0))
        try s.settimeout(2)
        return s
    }

    @Test("recvfrom from peers taking turns returns each one's own address")
    func alternatingSenders() throws {
        let server = try udp(), one = try udp(), two = try udp()
        defer { server.close(); one.close(); two.close() }
        let target = try server.getsockname()
        for round in 0..<3 {
            for (peer, tag) in [(one, UInt8(1)), (two, UInt8(2))] {
                _ = try peer.sendto(bytes([tag, UInt8(round)]), target)
                let (data, address) = try server.recvfrom(64)
                #expect(data == bytes([tag, UInt8(round)]))
                #expect(address == (try peer.getsockname()))
            }
        }
    }

    @Test("sendto to addresses taking turns reaches each; the cached address is the same value")
    func alternatingDestinations() throws {
        let client = try udp(), one = try udp(), two = try udp()
        defer { client.close(); one.close(); two.close() }
        let first = try one.getsockname(), second = try two.getsockname()
        for round in 0..<3 {
            _ = try client.sendto(bytes([1, UInt8(round)]), first)
            _ = try client.sendto(bytes([2, UInt8(round)]), ("127.0.0.1", second.port))
            #expect(try one.recv(64) == bytes([1, UInt8(round)]))
            #expect(try two.recv(64) == bytes([2, UInt8(round)]))
        }
        // A reply to the address recvfrom returned (the cached one) reaches the sender.
        _ = try one.sendto("ping", try client.getsockname())
        let (data, from) = try client.recvfrom(64)
        #expect(data == bytes("ping"))
        #expect(from == first)
        _ = try client.sendto("pong", from)
        #expect(try one.recv(64) == bytes("pong"))
    }

    @Test("bad addresses still raise CPython's errors after a good one was cached")
    func errorsAfterCaching() throws {
        let client = try udp(), peer = try udp()
        defer { client.close(); peer.close() }
        let port = try peer.getsockname().port
        _ = try client.sendto("x", ("127.0.0.1", port))
        // python3.13: s.sendto(b"x", ("127.0.0.1", 70000)) -> OverflowError: sendto(): port must be 0-65535.
        do {
            _ = try client.sendto("x", ("127.0.0.1", 70000))
            Issue.record("no error")
        } catch let error as OverflowError {
            #expect(String(describing: error) == "sendto(): port must be 0-65535.")
        }
        _ = try client.sendto("y", ("127.0.0.1", port))
        #expect(try peer.recv(8) == bytes("x"))
        #expect(try peer.recv(8) == bytes("y"))
    }
}

@Suite("The address cache never changes what recvfrom returns", .fdBalanced)
struct AddressCacheIPv6Tests {
    @Test("an IPv6 text sendto parsed is not what recvfrom returns: inet_ntop's text, 4-tuple")
    func ipv6SpellingsStayPython() throws {
        let server = try socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        let client = try socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        defer { server.close(); client.close() }
        try server.bind(("::1", 0))
        try client.bind(("::1", 0))
        try server.settimeout(2)
        try client.settimeout(2)
        let clientPort = try client.getsockname().port
        _ = try client.sendto("a", ("::1", try server.getsockname().port))
        _ = try server.recvfrom(16)
        // The server sends to the client with another spelling and the 2-tuple form ...
        _ = try server.sendto("b", ("0:0::0001", clientPort))
        #expect(try client.recv(16) == bytes("b"))
        _ = try client.sendto("c", ("::1", try server.getsockname().port))
        let (_, from) = try server.recvfrom(16)
        // ... and recvfrom still returns what CPython 3.13 prints: ('::1', port, 0, 0).
        #expect(String(describing: from) == "('::1', \(clientPort), 0, 0)")
    }
}
