// hashlib: SHA-256, SHA-1 and MD5 digests, as socket programs check what they transferred.
import PySocket

/// `import hashlib`: message digests: `hashlib.sha256(data).hexdigest()`.
///
/// Python: `hashlib`.
///
/// Differs from CPython: only `sha256`, `sha1` and `md5` (and `hashlib.new` of those names).
public enum hashlib {
    /// `hashlib.sha256(data=b'')`: a SHA-256 hash object.
    ///
    /// Python: `hashlib.sha256`.
    public static func sha256<Data: Sequence>(_ data: Data) -> Hash where Data.Element == UInt8 {
        let h = Hash(.sha256)
        h.update(data)
        return h
    }

    /// `hashlib.sha256()`: an empty SHA-256 hash object.
    ///
    /// Python: `hashlib.sha256()`.
    public static func sha256() -> Hash { Hash(.sha256) }

    /// `hashlib.sha1(data=b'')`: a SHA-1 hash object.
    ///
    /// Python: `hashlib.sha1`.
    public static func sha1<Data: Sequence>(_ data: Data) -> Hash where Data.Element == UInt8 {
        let h = Hash(.sha1)
        h.update(data)
        return h
    }

    /// `hashlib.sha1()`: an empty SHA-1 hash object.
    ///
    /// Python: `hashlib.sha1()`.
    public static func sha1() -> Hash { Hash(.sha1) }

    /// `hashlib.md5(data=b'')`: an MD5 hash object.
    ///
    /// Python: `hashlib.md5`.
    public static func md5<Data: Sequence>(_ data: Data) -> Hash where Data.Element == UInt8 {
        let h = Hash(.md5)
        h.update(data)
        return h
    }

    /// `hashlib.md5()`: an empty MD5 hash object.
    ///
    /// Python: `hashlib.md5()`.
    public static func md5() -> Hash { Hash(.md5) }

    /// `hashlib.new(name, data=b'')`: a hash object by name (`'sha256'`, `'sha1'`, `'md5'`).
    ///
    /// Python: `hashlib.new`.
    /// - Throws: `ValueError('unsupported hash type NAME')`.
    public static func new(_ name: String, _ data: bytes = bytes()) throws -> Hash {
        guard let algorithm = Hash.Algorithm(rawValue: name.lowercased()) else {
            throw ValueError("unsupported hash type \(name)")
        }
        let h = Hash(algorithm)
        h.update(data)
        return h
    }

    /// A hash object: `update(data)` feeds it, `digest()` / `hexdigest()` read it (and it can be
    /// fed more after).
    ///
    /// Python: `hashlib._Hash`.
    public final class Hash: @unchecked Sendable {
        enum Algorithm: String {
            case sha256, sha1, md5
        }

        let algorithm: Algorithm
        /// The chaining state (8 words for SHA-256, 5 for SHA-1, 4 for MD5), the message
        /// schedule of one block (80 words) and the pending partial block (64 bytes), in one
        /// allocation the object owns: the compression functions are plain loops over raw
        /// pointers, so that a debug build hashes a MiB in a fraction of a second.
        private let state: UnsafeMutablePointer<UInt32>
        private let schedule: UnsafeMutablePointer<UInt32>
        private let block: UnsafeMutableRawPointer
        /// How many bytes of `block` are pending (0..<64).
        private var pending = 0
        /// How many bytes were compressed (whole blocks).
        private var length: UInt64 = 0

        init(_ algorithm: Algorithm) {
            self.algorithm = algorithm
            let memory = UnsafeMutableRawPointer.allocate(byteCount: (8 + 80) * 4 + 64, alignment: 16)
            state = memory.bindMemory(to: UInt32.self, capacity: 8 + 80)
            schedule = state + 8
            block = memory + (8 + 80) * 4
            state.initialize(repeating: 0, count: 8 + 80)
            switch algorithm {
            case .sha256:
                state.update(from: [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19], count: 8)
            case .sha1:
                state.update(from: [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0], count: 5)
            case .md5:
                state.update(from: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476], count: 4)
            }
        }

        deinit { UnsafeMutableRawPointer(state).deallocate() }

        /// `h.name`: the algorithm's name (`'sha256'`).
        ///
        /// Python: `hash.name`.
        public var name: String { algorithm.rawValue }

        /// `h.digest_size`: the digest's length in bytes.
        ///
        /// Python: `hash.digest_size`.
        public var digest_size: Int { algorithm == .sha256 ? 32 : algorithm == .sha1 ? 20 : 16 }

        /// `h.block_size`: the algorithm's block length in bytes (64).
        ///
        /// Python: `hash.block_size`.
        public var block_size: Int { 64 }

        /// `h.update(data)`: feeds more bytes (contiguous ones, such as `bytes`, `[UInt8]` or a
        /// raw buffer, straight from their memory).
        ///
        /// Python: `hash.update`.
        public func update<Data: Sequence>(_ data: Data) where Data.Element == UInt8 {
            if data.withContiguousStorageIfAvailable({ feed(UnsafeRawBufferPointer($0)) }) != nil { return }
            Array(data).withUnsafeBytes { feed($0) }
        }

        /// Feeds `source`: tops up the pending block, compresses whole blocks where they lie,
        /// and keeps the rest pending.
        private func feed(_ source: UnsafeRawBufferPointer) {
            guard var p = source.baseAddress else { return }
            var n = source.count
            if pending > 0 {
                let take = Swift.min(64 &- pending, n)
                (block + pending).copyMemory(from: p, byteCount: take)
                pending &+= take
                p += take
                n &-= take
                if pending < 64 { return }
                compress(UnsafeRawPointer(block))
                pending = 0
            }
            while n >= 64 {
                compress(p)
                p += 64
                n &-= 64
            }
            if n > 0 {
                block.copyMemory(from: p, byteCount: n)
                pending = n
            }
        }

        /// `h.copy()`: an independent copy of the hash state.
        ///
        /// Python: `hash.copy`.
        public func copy() -> Hash {
            let other = Hash(algorithm)
            other.state.update(from: state, count: 8)
            other.block.copyMemory(from: block, byteCount: pending)
            other.pending = pending
            other.length = length
            return other
        }

        /// `h.digest()`: the digest of everything fed so far, as bytes.
        ///
        /// Python: `hash.digest`.
        public func digest() -> bytes {
            let finished = copy()
            let bits = (length &+ UInt64(pending)) &* 8
            // The padding: 0x80, zeros up to 8 bytes short of a block, the length in bits.
            var tail = [UInt8](repeating: 0, count: (pending < 56 ? 64 : 128) &- pending)
            tail[0] = 0x80
            for i in 0..<8 {
                let byte = UInt8(truncatingIfNeeded: bits >> UInt64(algorithm == .md5 ? i * 8 : 56 - i * 8))
                tail[tail.count - 8 + i] = byte
            }
            tail.withUnsafeBytes { finished.feed($0) }
            let size = digest_size, bigEndian = algorithm != .md5
            return bytes(unsafeUninitializedCapacity: size) { target, initialized in
                var i = 0
                while i < size / 4 {
                    let word = finished.state[i]
                    target.storeBytes(of: bigEndian ? word.bigEndian : word.littleEndian, toByteOffset: i * 4, as: UInt32.self)
                    i &+= 1
                }
                initialized = size
            }
        }

        /// `h.hexdigest()`: the digest as lower-case hexadecimal.
        ///
        /// Python: `hash.hexdigest`.
        public func hexdigest() -> String { digest().hex() }

        /// One 64-byte block at `p` into the state; counts it in the message length.
        private func compress(_ p: UnsafeRawPointer) {
            length &+= 64
            switch algorithm {
            case .sha256: sha256Block(p)
            case .sha1: sha1Block(p)
            case .md5: md5Block(p)
            }
        }

        /// The SHA-256 round constants (FIPS 180-4), where a debug build reads them with no call.
        nonisolated(unsafe) private static let k256: UnsafePointer<UInt32> = constants([
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        ])

        /// A table copied once to memory that lives as long as the process.
        private static func constants(_ values: [UInt32]) -> UnsafePointer<UInt32> {
            let p = UnsafeMutablePointer<UInt32>.allocate(capacity: values.count)
            p.initialize(from: values, count: values.count)
            return UnsafePointer(p)
        }

        /// Loads the 16 words of the block at `p` into the schedule (big-endian, or MD5's little-endian).
        private func loadWords(_ p: UnsafeRawPointer, bigEndian: Bool) {
            var t = 0
            while t < 16 {
                let word = p.loadUnaligned(fromByteOffset: 4 &* t, as: UInt32.self)
                schedule[t] = bigEndian ? UInt32(bigEndian: word) : UInt32(littleEndian: word)
                t &+= 1
            }
        }

        private func sha256Block(_ p: UnsafeRawPointer) {
            let w = schedule, k = Hash.k256, h = state
            loadWords(p, bigEndian: true)
            var t = 16
            while t < 64 {
                let x = w[t &- 15], y = w[t &- 2]
                let s0 = ((x >> 7) | (x << 25)) ^ ((x >> 18) | (x << 14)) ^ (x >> 3)
                let s1 = ((y >> 17) | (y << 15)) ^ ((y >> 19) | (y << 13)) ^ (y >> 10)
                w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
                t &+= 1
            }
            var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
            t = 0
            while t < 64 {
                let s1 = ((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))
                let t1 = hh &+ s1 &+ ((e & f) ^ (~e & g)) &+ k[t] &+ w[t]
                let s0 = ((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))
                let t2 = s0 &+ ((a & b) ^ (a & c) ^ (b & c))
                hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
                t &+= 1
            }
            h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d
            h[4] = h[4] &+ e; h[5] = h[5] &+ f; h[6] = h[6] &+ g; h[7] = h[7] &+ hh
        }

        private func sha1Block(_ p: UnsafeRawPointer) {
            let w = schedule, h = state
            loadWords(p, bigEndian: true)
            var t = 16
            while t < 80 {
                let x = w[t &- 3] ^ w[t &- 8] ^ w[t &- 14] ^ w[t &- 16]
                w[t] = x << 1 | x >> 31
                t &+= 1
            }
            var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4]
            t = 0
            while t < 80 {
                let f: UInt32, k: UInt32
                if t < 20 {
                    f = (b & c) | (~b & d); k = 0x5A827999
                } else if t < 40 {
                    f = b ^ c ^ d; k = 0x6ED9EBA1
                } else if t < 60 {
                    f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC
                } else {
                    f = b ^ c ^ d; k = 0xCA62C1D6
                }
                let x = (a << 5 | a >> 27) &+ f &+ e &+ k &+ w[t]
                e = d; d = c; c = b << 30 | b >> 2; b = a; a = x
                t &+= 1
            }
            h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d; h[4] = h[4] &+ e
        }

        /// MD5's per-round shifts and constants (RFC 1321).
        nonisolated(unsafe) private static let md5Shift: UnsafePointer<UInt32> = constants([7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21])
        nonisolated(unsafe) private static let md5K: UnsafePointer<UInt32> = constants([
            0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
            0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
            0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
            0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
            0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
            0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
            0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
            0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
        ])

        private func md5Block(_ p: UnsafeRawPointer) {
            let m = schedule, h = state, k = Hash.md5K, shift = Hash.md5Shift
            loadWords(p, bigEndian: false)
            var a = h[0], b = h[1], c = h[2], d = h[3]
            var i = 0
            while i < 64 {
                var f: UInt32
                let g: Int
                if i < 16 {
                    f = (b & c) | (~b & d); g = i
                } else if i < 32 {
                    f = (d & b) | (~d & c); g = (5 &* i &+ 1) & 15
                } else if i < 48 {
                    f = b ^ c ^ d; g = (3 &* i &+ 5) & 15
                } else {
                    f = c ^ (b | ~d); g = (7 &* i) & 15
                }
                f = f &+ a &+ k[i] &+ m[g]
                let s = shift[(i >> 4) &* 4 &+ (i & 3)]
                a = d
                d = c
                c = b
                b = b &+ (f << s | f >> (32 &- s))
                i &+= 1
            }
            h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d
        }
    }
}
