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
        private var buffered: [UInt8] = []
        private var state: [UInt32]
        private var length: UInt64 = 0

        init(_ algorithm: Algorithm) {
            self.algorithm = algorithm
            switch algorithm {
            case .sha256:
                state = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
            case .sha1:
                state = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
            case .md5:
                state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]
            }
        }

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

        /// `h.update(data)`: feeds more bytes.
        ///
        /// Python: `hash.update`.
        public func update<Data: Sequence>(_ data: Data) where Data.Element == UInt8 {
            for byte in data {
                buffered.append(byte)
                if buffered.count == 64 {
                    compress(buffered[...])
                    buffered.removeAll(keepingCapacity: true)
                }
            }
        }

        /// `h.copy()`: an independent copy of the hash state.
        ///
        /// Python: `hash.copy`.
        public func copy() -> Hash {
            let other = Hash(algorithm)
            other.buffered = buffered
            other.state = state
            other.length = length
            return other
        }

        /// `h.digest()`: the digest of everything fed so far, as bytes.
        ///
        /// Python: `hash.digest`.
        public func digest() -> bytes {
            let finished = copy()
            let bits = (finished.length &+ UInt64(finished.buffered.count)) &* 8
            var tail = finished.buffered
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            let lengthBytes = (0..<8).map { UInt8(truncatingIfNeeded: bits >> UInt64($0 * 8)) }
            tail += algorithm == .md5 ? lengthBytes : lengthBytes.reversed()
            var offset = 0
            while offset < tail.count {
                finished.compress(tail[offset..<(offset + 64)])
                offset += 64
            }
            var out: [UInt8] = []
            for word in finished.state {
                let le = (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32($0 * 8)) }
                out += algorithm == .md5 ? le : le.reversed()
            }
            return bytes(out)
        }

        /// `h.hexdigest()`: the digest as lower-case hexadecimal.
        ///
        /// Python: `hash.hexdigest`.
        public func hexdigest() -> String { digest().hex() }

        /// One 64-byte block into the state; counts it in the message length.
        private func compress(_ block: ArraySlice<UInt8>) {
            length &+= 64
            let bytes = Array(block)
            switch algorithm {
            case .sha256: sha256Block(bytes)
            case .sha1: sha1Block(bytes)
            case .md5: md5Block(bytes)
            }
        }

        private static let k256: [UInt32] = [
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        ]

        private func bigEndianWords(_ b: [UInt8]) -> [UInt32] {
            var words: [UInt32] = []
            for i in 0..<16 {
                var word: UInt32 = 0
                for j in 0..<4 { word = word << 8 | UInt32(b[i * 4 + j]) }
                words.append(word)
            }
            return words
        }

        private func sha256Block(_ b: [UInt8]) {
            var w = bigEndianWords(b)
            func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
            for i in 16..<64 {
                let s0: UInt32 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1: UInt32 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                let sum: UInt32 = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                w.append(sum)
            }
            var (a, bb, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
            for i in 0..<64 {
                let sigma1: UInt32 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                let choose: UInt32 = (e & f) ^ (~e & g)
                let t1: UInt32 = h &+ sigma1 &+ choose &+ Hash.k256[i] &+ w[i]
                let sigma0: UInt32 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                let majority: UInt32 = (a & bb) ^ (a & c) ^ (bb & c)
                let t2: UInt32 = sigma0 &+ majority
                (h, g, f, e, d, c, bb, a) = (g, f, e, d &+ t1, c, bb, a, t1 &+ t2)
            }
            for (i, v) in [a, bb, c, d, e, f, g, h].enumerated() { state[i] = state[i] &+ v }
        }

        private func sha1Block(_ b: [UInt8]) {
            var w = bigEndianWords(b)
            func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { x << n | x >> (32 - n) }
            for i in 16..<80 {
                let mixed: UInt32 = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
                w.append(rotl(mixed, 1))
            }
            var (a, bb, c, d, e) = (state[0], state[1], state[2], state[3], state[4])
            for i in 0..<80 {
                let (f, k): (UInt32, UInt32)
                switch i {
                case 0..<20: (f, k) = ((bb & c) | (~bb & d), 0x5A827999)
                case 20..<40: (f, k) = (bb ^ c ^ d, 0x6ED9EBA1)
                case 40..<60: (f, k) = ((bb & c) | (bb & d) | (c & d), 0x8F1BBCDC)
                default: (f, k) = (bb ^ c ^ d, 0xCA62C1D6)
                }
                let t: UInt32 = rotl(a, 5) &+ f &+ e &+ k &+ w[i]
                (e, d, c, bb, a) = (d, c, rotl(bb, 30), a, t)
            }
            for (i, v) in [a, bb, c, d, e].enumerated() { state[i] = state[i] &+ v }
        }

        private static let md5Shift: [UInt32] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]
        private static let md5K: [UInt32] = [
            0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
            0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
            0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
            0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
            0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
            0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
            0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
            0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
        ]

        private func md5Block(_ b: [UInt8]) {
            var m: [UInt32] = []
            for i in 0..<16 {
                var word: UInt32 = 0
                for j in (0..<4).reversed() { word = word << 8 | UInt32(b[i * 4 + j]) }
                m.append(word)
            }
            var (a, bb, c, d) = (state[0], state[1], state[2], state[3])
            for i in 0..<64 {
                var f: UInt32
                let g: Int
                switch i {
                case 0..<16: f = (bb & c) | (~bb & d); g = i
                case 16..<32: f = (d & bb) | (~d & c); g = (5 * i + 1) % 16
                case 32..<48: f = bb ^ c ^ d; g = (3 * i + 5) % 16
                default: f = c ^ (bb | ~d); g = (7 * i) % 16
                }
                f = f &+ a &+ Hash.md5K[i] &+ m[g]
                let s = Hash.md5Shift[(i / 16) * 4 + i % 4]
                a = d
                d = c
                c = bb
                bb = bb &+ (f << s | f >> (32 - s))
            }
            for (i, v) in [a, bb, c, d].enumerated() { state[i] = state[i] &+ v }
        }
    }
}
