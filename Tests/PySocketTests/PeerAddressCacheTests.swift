// The address cache keyed by host: accept and recvfrom return each peer's own port when many peers share one host.
import Testing
import TestSupport
@testable import PySocket

@Suite("Peers on one host: each address keeps its own port", .fdBalanced)
struct PeerAddressCacheTests {

    @Test("accept returns each client's address while clients from one host take new ports")
    func acceptFromOneHost() throws {
        let listener = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        defer { listener.close() }
        try listener.bind(("127.0.0.1", 0))
        try listener.listen(8)
        try listener.settimeout(2)
        let target = try listener.getsockname()
        for _ in 0..<4 {
            let client = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            defer { client.close() }
            try client.connect(target)
            let (conn, address) = try listener.accept()
            defer { conn.close() }
            #expect(address == (try client.getsockname()))
            #expect(address == (try conn.getpeername()))
        }
    }

    @Test("accept over IPv6 returns the 4-tuple of each client", .enabled(if: socket.has_ipv6))
    func acceptFromOneHostIPv6() throws {
        let listener = try socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        defer { listener.close() }
        try listener.bind(("::1", 0))
        try listener.listen(8)
        try listener.settimeout(2)
        let target = try listener.getsockname()
        for _ in 0..<3 {
            let client = try socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
            defer { client.close() }
            try client.connect(target)
            let (conn, address) = try listener.accept()
            defer { conn.close() }
            // python3.13: conn, addr = srv.accept(); addr == cli.getsockname() -> True ('::1', port, 0, 0)
            #expect(address == (try client.getsockname()))
            #expect(String(describing: address) == "('::1', \(try client.getsockname().port), 0, 0)")
        }
    }

    @Test("recvfrom from IPv6 peers taking turns returns each one's own address; replies reach each",
          .enabled(if: socket.has_ipv6))
    func ipv6PeersTakingTurns() throws {
        let server = try socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        let one = try socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        let two = try socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        defer { server.close(); one.close(); two.close() }
        for s in [server, one, two] {
            try s.bind(("::1", 0))
            try s.settimeout(2)
        }
        let target = try server.getsockname()
        for round in 0..<3 {
            for (peer, tag) in [(one, UInt8(1)), (two, UInt8(2))] {
                _ = try peer.sendto(bytes([tag, UInt8(round)]), target)
                let (data, address) = try server.recvfrom(64)
                #expect(data == bytes([tag, UInt8(round)]))
                #expect(address == (try peer.getsockname()))
                _ = try server.sendto(bytes([tag &+ 10]), address)
                #expect(try peer.recv(8) == bytes([tag &+ 10]))
            }
        }
    }

    @Test("a reply to the address recvfrom_into returned reaches that peer, not the previous one")
    func repliesFollowThePort() throws {
        let server = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        let one = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        let two = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        defer { server.close(); one.close(); two.close() }
        for s in [server, one, two] {
            try s.bind(("127.0.0.1", 0))
            try s.settimeout(2)
        }
        let target = try server.getsockname()
        var buffer = [UInt8](repeating: 0, count: 16)
        for round in 0..<3 {
            for (peer, tag) in [(one, UInt8(1)), (two, UInt8(2))] {
                _ = try peer.sendto(bytes([tag]), target)
                let (count, address) = try server.recvfrom_into(&buffer)
                #expect(count == 1 && buffer[0] == tag)
                #expect(address == (try peer.getsockname()))
                _ = try server.sendto(bytes([tag, UInt8(round)]), address)
                #expect(try peer.recv(8) == bytes([tag, UInt8(round)]))
            }
        }
    }

    @Test("an address another family's socket encoded last still raises CPython's error",
          .enabled(if: socket.has_ipv6))
    func sharedEncodingKeepsFamilies() throws {
        let six = try socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        let four = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        defer { six.close(); four.close() }
        // python3.13: s6.bind(('::1', 0)); s4.bind(('::1', 0))
        //   -> gaierror [Errno -9] Address family for hostname not supported (and the other way round)
        try six.bind(("::1", 0))
        #expect(throws: socket.gaierror.self) { try four.bind(("::1", 0)) }
        let otherFour = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        let otherSix = try socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        defer { otherFour.close(); otherSix.close() }
        try otherFour.bind(("127.0.0.1", 0))
        do {
            try otherSix.bind(("127.0.0.1", 0))
            Issue.record("no error")
        } catch let error as socket.gaierror {
            #expect(String(describing: error) == "[Errno -9] Address family for hostname not supported")
        }
    }

    @Test("connecting new sockets to one address, then to another, reaches each listener")
    func sharedEncodingFollowsTheAddress() throws {
        let first = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        let second = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        defer { first.close(); second.close() }
        for listener in [first, second] {
            try listener.bind(("127.0.0.1", 0))
            try listener.listen(4)
            try listener.settimeout(2)
        }
        for listener in [first, second, first, second] {
            let port = try listener.getsockname().port
            let client = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            defer { client.close() }
            try client.connect(("127.0.0.1", port))
            let (conn, address) = try listener.accept()
            defer { conn.close() }
            #expect(address == (try client.getsockname()))
            #expect(try client.getpeername() == .inet(host: "127.0.0.1", port: port))
        }
    }

    @Test("the cache keeps an immortal host string by its bits, refuses a heap one, and the copies stay intact")
    func hostCopies() throws {
        // A small string (at most 15 UTF-8 bytes, made at run time) is immortal; a heap one is not.
        let small = String(decoding: Array("127.0.0.1".utf8), as: UTF8.self)
        let large = String(repeating: "fe80:", count: 8)
        #expect(AddressCacheEntry.isImmortal(small))
        #expect(!AddressCacheEntry.isImmortal(large))
        #expect(AddressCacheEntry.words(of: large) == nil)
        var entry = AddressCacheEntry()
        // A literal longer than 15 bytes is immortal too (its bytes live in the binary).
        for host in [small, "::1", "2001:db8:85a3::8a2e:370:7334"] {
            guard let words = AddressCacheEntry.words(of: host) else {
                Issue.record("\(host) is not immortal")
                continue
            }
            entry.hostWords = words
            var copies: [String] = []
            for _ in 0..<100 { copies.append(entry.hostCopy) }
            #expect(entry.holdsHost(String(decoding: Array(host.utf8), as: UTF8.self)))
            #expect(!entry.holdsHost(large))
            entry.hostWords = (0, 0)
            #expect(copies.allSatisfy { $0 == host })
            #expect(copies.last.map { $0 + "!" } == host + "!")
        }
        // Replies to recvfrom's addresses, many times over, still reach the peer (the values the
        // bit copies built are destroyed as usual).
        let rx = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        let tx = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        defer { rx.close(); tx.close() }
        try rx.bind(("127.0.0.1", 0))
        try tx.bind(("127.0.0.1", 0))
        try rx.settimeout(2)
        try tx.settimeout(2)
        let target = try rx.getsockname()
        for i in 0..<200 {
            _ = try tx.sendto(bytes([UInt8(i)]), target)
            let (data, peer) = try rx.recvfrom(16)
            #expect(peer == (try tx.getsockname()))
            #expect(peer.host == "127.0.0.1")
            _ = try rx.sendto(data, peer)
            let (back, _) = try tx.recvfrom(16)
            #expect(back == data)
        }
    }
}
