// random: CPython's Mersenne Twister (MT19937, init_by_array seeding, _randbelow), so a seeded port draws CPython's exact numbers.
import PySocket
import Synchronization

/// `import random`: pseudo-random numbers from CPython's generator: after `random.seed(42)` a
/// port draws the same `random()`, `randint`, `choice`, `shuffle`... as CPython 3.13.
///
/// Python: `random`.
///
/// Differs from CPython: seeds are integers (there is no `str`/`bytes` seed, which CPython hashes with
/// SHA-512); `getrandbits(k)` returns an `Int`, so `k` is at most 63;
/// no `gauss`/`normalvariate`/the other distributions, no `getstate`/`setstate`.
public enum random {
    /// `random.Random(x=None)`: a generator of its own, seeded from `x` (from the system's
    /// randomness when nil).
    ///
    /// Python: `random.Random`. C: `getrandom(2)` when unseeded (Swift's `SystemRandomNumberGenerator`).
    public final class Random: @unchecked Sendable {
        private let state = Mutex(MersenneTwister())

        /// `random.Random(x)`: a generator seeded with the integer `x`.
        ///
        /// Python: `random.Random(x)`.
        public init(_ x: Int? = nil) { seed(x) }

        /// `r.seed(a=None)`: restarts the sequence from the integer `a` (its absolute value, as
        /// CPython's), or from the system's randomness when nil.
        ///
        /// Python: `Random.seed`. C: `getrandom(2)` when `a` is nil.
        public func seed(_ a: Int? = nil) {
            state.withLock { mt in
                if let a {
                    let n = a.magnitude
                    mt.seed(key: n >> 32 == 0 ? [UInt32(n)] : [UInt32(n & 0xFFFF_FFFF), UInt32(n >> 32)])
                } else {
                    mt.seed(key: systemRandomKey())
                }
            }
        }

        /// `r.random()`: the next float in [0.0, 1.0), 53 random bits.
        ///
        /// Python: `Random.random`.
        public func random() -> Double {
            state.withLock { mt in
                let a = Double(mt.next() >> 5), b = Double(mt.next() >> 6)
                return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
            }
        }

        /// `r.getrandbits(k)`: a non-negative int of `k` random bits.
        ///
        /// Python: `Random.getrandbits`.
        /// - Throws: `ValueError('number of bits must be non-negative')`; `OverflowError` past
        ///   63 bits (PyBuiltins' ints are `Int`s).
        public func getrandbits(_ k: Int) throws -> Int {
            if k < 0 { throw ValueError("number of bits must be non-negative") }
            if k > 63 { throw OverflowError("Python int too large to convert to C long") }
            return state.withLock { $0.bits(k) }
        }

        /// `r.randrange(stop)`: a random int in `range(stop)`.
        ///
        /// Python: `Random.randrange(stop)`.
        /// - Throws: `ValueError('empty range for randrange()')` when `stop <= 0`.
        public func randrange(_ stop: Int) throws -> Int {
            if stop > 0 { return below(stop) }
            throw ValueError("empty range for randrange()")
        }

        /// `r.randrange(start, stop, step=1)`: a random int in `range(start, stop, step)`.
        ///
        /// Python: `Random.randrange(start, stop, step)`.
        /// - Throws: `ValueError` for an empty range or a zero step, with CPython's texts.
        public func randrange(_ start: Int, _ stop: Int, _ step: Int = 1) throws -> Int {
            let (width, over) = stop.subtractingReportingOverflow(start)
            if over { throw OverflowError("Python int too large to convert to C long") }
            if step == 1 {
                if width > 0 { return start + below(width) }
                throw ValueError("empty range in randrange(\(start), \(stop))")
            }
            let n: Int
            if step > 0 {
                n = floorDivide(width + step - 1, step)
            } else if step < 0 {
                n = floorDivide(width + step + 1, step)
            } else {
                throw ValueError("zero step for randrange()")
            }
            if n <= 0 { throw ValueError("empty range in randrange(\(start), \(stop), \(step))") }
            return start + step * below(n)
        }

        /// `r.randint(a, b)`: a random int N with `a <= N <= b`.
        ///
        /// Python: `Random.randint`.
        /// - Throws: `ValueError('empty range in randrange(a, b+1)')` when `b < a`.
        public func randint(_ a: Int, _ b: Int) throws -> Int {
            let (end, over) = b.addingReportingOverflow(1)
            if over { throw OverflowError("Python int too large to convert to C long") }
            return try randrange(a, end)
        }

        /// `r.uniform(a, b)`: `a + (b - a) * random()`.
        ///
        /// Python: `Random.uniform`.
        public func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * random() }

        /// `r.choice(seq)`: a random element of a non-empty sequence.
        ///
        /// Python: `Random.choice`.
        /// - Throws: `IndexError('Cannot choose from an empty sequence')`.
        public func choice<C: Collection>(_ seq: C) throws -> C.Element {
            if seq.isEmpty { throw IndexError("Cannot choose from an empty sequence") }
            return seq[seq.index(seq.startIndex, offsetBy: below(seq.count))]
        }

        /// `r.choices(population, k=1)`: `k` elements drawn with replacement.
        ///
        /// Python: `Random.choices` (no weights).
        /// - Throws: `IndexError('list index out of range')` for an empty population, as CPython's.
        public func choices<C: Collection>(_ population: C, k: Int = 1) throws -> [C.Element] {
            let items = Array(population)
            if items.isEmpty && k > 0 { throw IndexError("list index out of range") }
            let n = Double(items.count)
            return (0..<max(k, 0)).map { _ in items[Int((random() * n).rounded(.down))] }
        }

        /// `r.shuffle(x)`: shuffles the list in place, CPython's Fisher-Yates order.
        ///
        /// Python: `Random.shuffle`.
        public func shuffle<Element>(_ x: inout [Element]) {
            var i = x.count - 1
            while i >= 1 {
                x.swapAt(i, below(i + 1))
                i -= 1
            }
        }

        /// `r.sample(population, k)`: `k` distinct positions of the population, in selection
        /// order (CPython's pool or set method, chosen as CPython chooses).
        ///
        /// Python: `Random.sample`.
        /// - Throws: `ValueError('Sample larger than population or is negative')`.
        public func sample<C: Collection>(_ population: C, _ k: Int) throws -> [C.Element] {
            let items = Array(population)
            let n = items.count
            if !(0 <= k && k <= n) { throw ValueError("Sample larger than population or is negative") }
            var setsize = 21
            if k > 5 {
                var power = 1  // 4 ** ceil(log(k * 3, 4)); k * 3 is never a power of 4
                while power < k * 3 { power *= 4 }
                setsize += power
            }
            var result: [C.Element] = []
            result.reserveCapacity(k)
            if n <= setsize {
                var pool = items
                for i in 0..<k {
                    let j = below(n - i)
                    result.append(pool[j])
                    pool[j] = pool[n - i - 1]
                }
            } else {
                var selected = Set<Int>()
                for _ in 0..<k {
                    var j = below(n)
                    while selected.contains(j) { j = below(n) }
                    selected.insert(j)
                    result.append(items[j])
                }
            }
            return result
        }

        /// `r.sample(population, k=k)`.
        ///
        /// Python: `Random.sample(population, k=k)`.
        public func sample<C: Collection>(_ population: C, k: Int) throws -> [C.Element] {
            try sample(population, k)
        }

        /// `r.randbytes(n)`: `n` random bytes (CPython's: `getrandbits(n * 8)` little-endian).
        ///
        /// Python: `Random.randbytes`.
        /// - Throws: `ValueError('negative argument not allowed')`.
        public func randbytes(_ n: Int) throws -> bytes {
            if n < 0 { throw ValueError("negative argument not allowed") }
            return state.withLock { mt in
                var out: [UInt8] = []
                out.reserveCapacity(n + 3)
                var left = n * 8
                while left > 0 {
                    var word = mt.next()
                    if left < 32 { word >>= UInt32(32 - left) }
                    for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((word >> UInt32(shift)) & 0xFF)) }
                    left -= 32
                }
                return bytes(Array(out.prefix(n)))
            }
        }

        /// `_randbelow(n)` for n > 0: `getrandbits(n.bit_length())` until below n.
        func below(_ n: Int) -> Int {
            let k = Int.bitWidth - n.leadingZeroBitCount
            return state.withLock { mt in
                var r = mt.bits(k)
                while r >= n { r = mt.bits(k) }
                return r
            }
        }
    }

    static let shared = Random()

    /// `random.seed(a=None)`: reseeds the module's generator.
    ///
    /// Python: `random.seed`.
    public static func seed(_ a: Int? = nil) { shared.seed(a) }
    /// `random.random()`: the next float in [0.0, 1.0).
    ///
    /// Python: `random.random`.
    public static func random() -> Double { shared.random() }
    /// `random.getrandbits(k)`.
    ///
    /// Python: `random.getrandbits`.
    public static func getrandbits(_ k: Int) throws -> Int { try shared.getrandbits(k) }
    /// `random.randrange(stop)`.
    ///
    /// Python: `random.randrange`.
    public static func randrange(_ stop: Int) throws -> Int { try shared.randrange(stop) }
    /// `random.randrange(start, stop, step=1)`.
    ///
    /// Python: `random.randrange`.
    public static func randrange(_ start: Int, _ stop: Int, _ step: Int = 1) throws -> Int {
        try shared.randrange(start, stop, step)
    }
    /// `random.randint(a, b)`.
    ///
    /// Python: `random.randint`.
    public static func randint(_ a: Int, _ b: Int) throws -> Int { try shared.randint(a, b) }
    /// `random.uniform(a, b)`.
    ///
    /// Python: `random.uniform`.
    public static func uniform(_ a: Double, _ b: Double) -> Double { shared.uniform(a, b) }
    /// `random.choice(seq)`.
    ///
    /// Python: `random.choice`.
    public static func choice<C: Collection>(_ seq: C) throws -> C.Element { try shared.choice(seq) }
    /// `random.choices(population, k=1)`.
    ///
    /// Python: `random.choices`.
    public static func choices<C: Collection>(_ population: C, k: Int = 1) throws -> [C.Element] {
        try shared.choices(population, k: k)
    }
    /// `random.shuffle(x)`.
    ///
    /// Python: `random.shuffle`.
    public static func shuffle<Element>(_ x: inout [Element]) { shared.shuffle(&x) }
    /// `random.sample(population, k)`.
    ///
    /// Python: `random.sample`.
    public static func sample<C: Collection>(_ population: C, _ k: Int) throws -> [C.Element] {
        try shared.sample(population, k)
    }
    /// `random.sample(population, k=k)`.
    ///
    /// Python: `random.sample`.
    public static func sample<C: Collection>(_ population: C, k: Int) throws -> [C.Element] {
        try shared.sample(population, k)
    }
    /// `random.randbytes(n)`.
    ///
    /// Python: `random.randbytes`.
    public static func randbytes(_ n: Int) throws -> bytes { try shared.randbytes(n) }
}

/// 624 words from the system's randomness (CPython seeds from `os.urandom`).
private func systemRandomKey() -> [UInt32] {
    var generator = SystemRandomNumberGenerator()
    return (0..<624).map { _ in UInt32.random(in: .min ... .max, using: &generator) }
}

/// Python's `a // b` for b != 0.
private func floorDivide(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

/// MT19937 as CPython's `_randommodule.c` runs it.
struct MersenneTwister {
    private var mt = [UInt32](repeating: 0, count: 624)
    private var index = 625

    private mutating func initGenrand(_ s: UInt32) {
        mt[0] = s
        for i in 1..<624 {
            mt[i] = 1812433253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
        }
        index = 624
    }

    /// `init_by_array(key)`.
    mutating func seed(key: [UInt32]) {
        initGenrand(19650218)
        var i = 1, j = 0
        var k = max(624, key.count)
        while k > 0 {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1664525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= 624 { mt[0] = mt[623]; i = 1 }
            if j >= key.count { j = 0 }
            k -= 1
        }
        k = 623
        while k > 0 {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1566083941)) &- UInt32(i)
            i += 1
            if i >= 624 { mt[0] = mt[623]; i = 1 }
            k -= 1
        }
        mt[0] = 0x8000_0000
    }

    /// `genrand_uint32()`.
    mutating func next() -> UInt32 {
        if index >= 624 {
            for kk in 0..<624 {
                let y = (mt[kk] & 0x8000_0000) | (mt[(kk + 1) % 624] & 0x7FFF_FFFF)
                mt[kk] = mt[(kk + 397) % 624] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908_B0DF : 0)
            }
            index = 0
        }
        var y = mt[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// `getrandbits(k)` for 0 <= k <= 63: 32-bit words, least significant first, the last one
    /// shifted down to the bits left.
    mutating func bits(_ k: Int) -> Int {
        if k == 0 { return 0 }
        if k <= 32 { return Int(next() >> UInt32(32 - k)) }
        let low = UInt64(next())
        let high = UInt64(next() >> UInt32(64 - k))
        return Int(low | (high << 32))
    }
}
