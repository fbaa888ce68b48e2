// Iterating and summing 2 MiB as `bytes` and as `[UInt8]`, the ways a ported program does it
// (for-in, reduce, indexing, withUnsafeBytes): seconds per pass, best of --runs. Built in debug
// (what `swift run` builds) and in release by scripts/bench-iterate; bytes must be no slower.
import BenchSupport
import PySocket

@inline(never) func forIn<C: Sequence>(_ data: C) -> Int where C.Element == UInt8 {
    var total = 0
    for byte in data { total += Int(byte) }
    return total
}

func main() {
    let args = Args()
    let size = args.int("--size", 2 << 20)
    let runs = args.int("--runs", 3)
    let array = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let value = bytes(array)
    var results: [String] = []
    func best(_ name: String, _ body: () -> Int) {
        var fastest = Double.infinity
        var check = 0
        for _ in 0..<runs {
            let t0 = now()
            check = body()
            fastest = min(fastest, now() - t0)
        }
        results.append("\"\(name)\": \(fastest)")
        if check == 42 { print("") }
    }
    // The loops are written out (not shared through a generic function) so that each is the
    // code a user writes, compiled for the concrete type.
    best("array for-in") { var t = 0; for b in array { t += Int(b) }; return t }
    best("bytes for-in") { var t = 0; for b in value { t += Int(b) }; return t }
    best("array reduce") { array.reduce(0) { $0 + Int($1) } }
    best("bytes reduce") { value.reduce(0) { $0 + Int($1) } }
    best("array index") { var t = 0; for i in 0..<array.count { t += Int(array[i]) }; return t }
    best("bytes index") { var t = 0; for i in 0..<value.count { t += Int(value[i]) }; return t }
    best("array indices") { var t = 0; for i in array.indices { t += Int(array[i]) }; return t }
    best("bytes indices") { var t = 0; for i in value.indices { t += Int(value[i]) }; return t }
    best("array generic for-in") { forIn(array) }
    best("bytes generic for-in") { forIn(value) }
    print("{" + results.joined(separator: ", ") + "}")
}

main()
