// bytes' per-thread reuse of the last buffers it made: a buffer is reused only when no value holds it any more, so values that are alive never change, on one thread or several.
import Testing
import TestSupport
@testable import PySocket

@Suite("bytes reuses a dropped buffer, never a live one", .fdBalanced)
struct BytesRecyclingTests {

    /// `count` bytes derived from `seed`, different for each seed.
    private func pattern(_ seed: Int, _ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ seed &* 7 &+ 3) }
    }

    /// A new value copied from `pattern(seed, count)` (the path recv(n) and readline take).
    private func make(_ seed: Int, _ count: Int) -> bytes {
        pattern(seed, count).withUnsafeBytes { bytes(copying: $0) }
    }

    /// The heap address of a value made and dropped inside the call.
    private func addressOfDropped(_ seed: Int, _ count: Int) -> UInt {
        let value = make(seed, count)
        #expect(Array(value) == pattern(seed, count))
        return value._inline.0
    }

    @Test("a dropped value's buffer is reused by the next value of about its size")
    func reuse() {
        let first = addressOfDropped(1, 40)
        let second = addressOfDropped(2, 40)
        let third = addressOfDropped(3, 33)
        #expect(first == second)
        #expect(second == third)
    }

    @Test("values that are alive keep their bytes while many more are made and dropped",
          arguments: [17, 40, 64, 1000, 4096])
    func liveValuesNeverChange(count: Int) {
        var kept: [(Int, bytes)] = []
        for seed in 0..<60 {
            let value = make(seed, count)
            // Keep every third value; the others are dropped at once.
            if seed % 3 == 0 { kept.append((seed, value)) }
            #expect(Array(value) == pattern(seed, count))
        }
        for (seed, value) in kept { #expect(Array(value) == pattern(seed, count)) }
        // Their buffers are all different.
        #expect(Set(kept.map { $0.1._inline.0 }).count == kept.count)
    }

    @Test("mutating a value whose buffer the cache holds copies it first; the copy is unaffected by reuse")
    func mutationCopies() {
        var value = make(5, 48)
        let copy = value
        value[0] = 0xEE
        value += make(6, 20)
        // The next values may reuse a buffer the cache holds: neither value may change.
        let others = (7..<12).map { make($0, 48) }
        #expect(Array(copy) == pattern(5, 48))
        #expect(Array(value) == [0xEE] + pattern(5, 48).dropFirst() + pattern(6, 20))
        for (i, other) in others.enumerated() { #expect(Array(other) == pattern(7 + i, 48)) }
    }

    @Test("a small value does not reuse (and keep) a much larger buffer")
    func sizeFits() {
        _ = addressOfDropped(1, 4000)
        let small = make(2, 40)
        #expect(small._capacity <= 40 + 64 + 16)
        #expect(Array(small) == pattern(2, 40))
        let large = make(3, 100_000)
        #expect(Array(large) == pattern(3, 100_000))
    }

    @Test("values made on several threads at once stay intact, and cross threads alive")
    func threads() async {
        let results = await withTaskGroup(of: [bytes].self) { group in
            for task in 0..<4 {
                group.addTask {
                    var kept: [bytes] = []
                    for round in 0..<200 {
                        let value = make(task &* 1000 &+ round, 17 &+ round % 90)
                        if Array(value) != pattern(task &* 1000 &+ round, 17 &+ round % 90) { return [] }
                        if round % 50 == 0 { kept.append(value) }
                    }
                    return kept
                }
            }
            var all: [[bytes]] = []
            for await kept in group { all.append(kept) }
            return all
        }
        #expect(results.count == 4)
        // Each task kept rounds 0, 50, 100, 150, made on its thread and read here.
        for kept in results {
            #expect(kept.count == 4)
            guard let first = kept.first, let task = (0..<4).first(where: { Array(first) == pattern($0 &* 1000, 17) }) else {
                Issue.record("a kept value changed")
                continue
            }
            for (i, value) in kept.enumerated() {
                let round = i * 50
                #expect(Array(value) == pattern(task &* 1000 &+ round, 17 &+ round % 90))
            }
        }
    }

    @Test("recvfrom(n) in a loop: datagrams kept by the program keep their bytes")
    func recvfromKept() throws {
        let server = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        let client = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        defer { server.close(); client.close() }
        try server.bind(("127.0.0.1", 0))
        try server.settimeout(2)
        let target = try server.getsockname()
        var kept: [(Int, bytes)] = []
        for seed in 0..<30 {
            _ = try client.sendto(bytes(pattern(seed, 64)), target)
            let (data, _) = try server.recvfrom(1024)
            #expect(Array(data) == pattern(seed, 64))
            if seed % 4 == 0 { kept.append((seed, data)) }
        }
        for (seed, data) in kept { #expect(Array(data) == pattern(seed, 64)) }
    }
}

@Suite("The runtime's uniqueness check bytes' cache calls")
struct BytesUniquenessTests {
    @Test("ThreadSlots.isUnique agrees with isKnownUniquelyReferenced")
    func agrees() {
        var buffer = _BytesBuffer.allocate(32)
        let address = UInt(bitPattern: Unmanaged.passUnretained(buffer).toOpaque())
        #expect(ThreadSlots.isUnique(address))
        #expect(isKnownUniquelyReferenced(&buffer))
        let other = buffer
        #expect(!ThreadSlots.isUnique(address))
        #expect(!isKnownUniquelyReferenced(&buffer))
        withExtendedLifetime(other) {}
    }
}
