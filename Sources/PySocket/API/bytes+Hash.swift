// How a Dictionary or Set hashes a `bytes` key: SipHash-1-3 over the bytes in one pass, keyed per process and per table.

extension bytes {
    /// The hash a `Dictionary` or `Set` takes of a `bytes` key, with the table's `seed`.
    ///
    /// The same function `Hasher` computes (SipHash-1-3, keyed from the process's random hashing
    /// seed, so hash flooding stays as hard as with `Hasher`), in one pass over the bytes with
    /// no `Hasher` calls: an inline value's two words are its message blocks as they are.
    /// About a third of the instructions of `Hasher`'s path (`init`, `combine`, `finalize`).
    /// `hash(into:)` is unchanged (a `bytes` inside another hashed value).
    ///
    /// Python: `bytes.__hash__` (CPython's is SipHash-1-3 too). C: none.
    public func _rawHashValue(seed: Int) -> Int {
        let key = BytesHashKey.key
        return Int(bitPattern: UInt(truncatingIfNeeded: _sipHash13(key.0 ^ UInt64(UInt(bitPattern: seed)), key.1)))
    }

    /// SipHash-1-3 of the bytes with the key `(k0, k1)` (CPython's `bytes.__hash__` is this with
    /// its own key, which `PYTHONHASHSEED=0` makes zero).
    func _sipHash13(_ k0: UInt64, _ k1: UInt64) -> UInt64 {
        var state = SipHash13(k0, k1)
        let n = count
        if !_isOnHeap && UInt.bitWidth == 64 {
            // Inline: two 8-byte words whose bytes past the count are zero, as SipHash's padding is.
            let w0 = UInt64(littleEndian: UInt64(truncatingIfNeeded: _inline.0))
            let w1 = UInt64(littleEndian: UInt64(truncatingIfNeeded: _inline.1))
            if n < 8 {
                state.final(w0, length: n)
            } else if n < 16 {
                state.block(w0)
                state.final(w1, length: n)
            } else {
                state.block(w0)
                state.block(w1)
                state.final(0, length: n)
            }
            return state.finish()
        }
        return withUnsafeBytes { raw in
            guard let base = raw.baseAddress else {
                state.final(0, length: 0)
                return state.finish()
            }
            var i = 0
            while i &+ 8 <= n {
                state.block(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i &+= 8
            }
            let rest = n &- i
            var tail: UInt64 = 0
            if rest > 0 && n >= 8 {
                // The last 1...7 bytes: the value's final 8 bytes shifted down.
                tail = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)) &>> UInt64(truncatingIfNeeded: (8 &- rest) &* 8)
            } else {
                // A short value on the heap (`bytes([1, 2])` keeps its array): byte by byte.
                for k in 0..<rest { tail |= UInt64(base.load(fromByteOffset: k, as: UInt8.self)) &<< UInt64(truncatingIfNeeded: k &* 8) }
            }
            state.final(tail, length: n)
            return state.finish()
        }
    }
}

/// The per-process key of `bytes._rawHashValue`: two words drawn from `Hasher`'s own random
/// seed (so `SWIFT_DETERMINISTIC_HASHING` makes them fixed, as it makes `Hasher`).
enum BytesHashKey {
    static let key: (UInt64, UInt64) = {
        var a = Hasher()
        a.combine(0x5079_536F_636B_6574 as UInt64)
        var b = Hasher()
        b.combine(0x6279_7465_7348_6173 as UInt64)
        return (UInt64(UInt(bitPattern: a.finalize())), UInt64(UInt(bitPattern: b.finalize())))
    }()
}

/// SipHash-1-3 (Aumasson and Bernstein): one compression round per 8-byte block, three to finish.
/// Transparent, so that a debug build inlines the rounds too.
struct SipHash13 {
    var v0: UInt64, v1: UInt64, v2: UInt64, v3: UInt64

    @_transparent
    init(_ k0: UInt64, _ k1: UInt64) {
        v0 = k0 ^ 0x736F_6D65_7073_6575
        v1 = k1 ^ 0x646F_7261_6E64_6F6D
        v2 = k0 ^ 0x6C79_6765_6E65_7261
        v3 = k1 ^ 0x7465_6462_7974_6573
    }

    @_transparent
    mutating func round() {
        v0 &+= v1; v1 = (v1 &<< 13) | (v1 &>> 51); v1 ^= v0; v0 = (v0 &<< 32) | (v0 &>> 32)
        v2 &+= v3; v3 = (v3 &<< 16) | (v3 &>> 48); v3 ^= v2
        v0 &+= v3; v3 = (v3 &<< 21) | (v3 &>> 43); v3 ^= v0
        v2 &+= v1; v1 = (v1 &<< 17) | (v1 &>> 47); v1 ^= v2; v2 = (v2 &<< 32) | (v2 &>> 32)
    }

    /// One full 8-byte block (little-endian).
    @_transparent
    mutating func block(_ m: UInt64) {
        v3 ^= m
        round()
        v0 ^= m
    }

    /// The last block: the 0...7 trailing bytes (zero above them) and the total length in the top byte.
    @_transparent
    mutating func final(_ tail: UInt64, length: Int) {
        block(tail | UInt64(truncatingIfNeeded: length) &<< 56)
    }

    @_transparent
    mutating func finish() -> UInt64 {
        v2 ^= 0xFF
        round()
        round()
        round()
        return v0 ^ v1 ^ v2 ^ v3
    }
}
