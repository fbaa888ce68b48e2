// Each operation a ported program does on its byte strings, once on `bytes` and once on
// `[UInt8]`, in functions with fixed symbol names so that scripts/bench-bytes can read each
// one's instructions (inclusive, callgrind) and divide by the operations it performed.
import PySocket

/// Keeps results alive in release builds.
nonisolated(unsafe) var sink = 0

/// Bytes walked by the iteration operations and the operations each small one repeats.
let size = 65_536
let calls = 4_096

let array: [UInt8] = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
let value = bytes(array)
/// Two equal values in different storage, short (inline in bytes) and long.
let shortA: [UInt8] = Array("GET / HTTP/1.1".utf8), shortB: [UInt8] = Array("GET / HTTP/1.1".utf8)
let longA: [UInt8] = Array(array[0..<1024]), longB: [UInt8] = Array(array[0..<1024])
let keyArrays: [[UInt8]] = (0..<256).map { i in Array("key-\(i)-value".utf8) }
let longKeyArrays: [[UInt8]] = (0..<256).map { i in Array("a longer dictionary key, number \(i)".utf8) }

// MARK: iteration, per byte

@_silgen_name("op_bytes_forin") @inline(never) func bytesForIn(_ x: bytes) { var t = 0; for b in x { t &+= Int(b) }; sink &+= t }
@_silgen_name("op_array_forin") @inline(never) func arrayForIn(_ x: [UInt8]) { var t = 0; for b in x { t &+= Int(b) }; sink &+= t }
@_silgen_name("op_bytes_index") @inline(never) func bytesIndex(_ x: bytes) { var t = 0; for i in 0..<x.count { t &+= Int(x[i]) }; sink &+= t }
@_silgen_name("op_array_index") @inline(never) func arrayIndex(_ x: [UInt8]) { var t = 0; for i in 0..<x.count { t &+= Int(x[i]) }; sink &+= t }
@_silgen_name("op_bytes_reduce") @inline(never) func bytesReduce(_ x: bytes) { sink &+= x.reduce(0) { $0 &+ Int($1) } }
@_silgen_name("op_array_reduce") @inline(never) func arrayReduce(_ x: [UInt8]) { sink &+= x.reduce(0) { $0 &+ Int($1) } }

// MARK: per call

@_silgen_name("op_bytes_count") @inline(never) func bytesCount(_ x: bytes) { var t = 0; for _ in 0..<calls { t &+= x.count }; sink &+= t }
@_silgen_name("op_array_count") @inline(never) func arrayCount(_ x: [UInt8]) { var t = 0; for _ in 0..<calls { t &+= x.count }; sink &+= t }
@_silgen_name("op_bytes_eq_short") @inline(never) func bytesEqShort(_ a: bytes, _ b: bytes) { var t = 0; for _ in 0..<calls where a == b { t &+= 1 }; sink &+= t }
@_silgen_name("op_array_eq_short") @inline(never) func arrayEqShort(_ a: [UInt8], _ b: [UInt8]) { var t = 0; for _ in 0..<calls where a == b { t &+= 1 }; sink &+= t }
// (Each body differs from the others', so that a release build does not merge two functions.)
@_silgen_name("op_bytes_eq_1k") @inline(never) func bytesEqLong(_ a: bytes, _ b: bytes) { var t = 0; for _ in 0..<calls where a == b { t &+= 2 }; sink &+= t }
@_silgen_name("op_array_eq_1k") @inline(never) func arrayEqLong(_ a: [UInt8], _ b: [UInt8]) { var t = 0; for _ in 0..<calls where a == b { t &+= 2 }; sink &+= t }
@_silgen_name("op_bytes_dict_short") @inline(never) func bytesDict(_ d: [bytes: Int], _ keys: [bytes]) {
    var t = 0; for _ in 0..<(calls / keys.count) { for k in keys { t &+= d[k] ?? 0 } }; sink &+= t
}
@_silgen_name("op_array_dict_short") @inline(never) func arrayDict(_ d: [[UInt8]: Int], _ keys: [[UInt8]]) {
    var t = 0; for _ in 0..<(calls / keys.count) { for k in keys { t &+= d[k] ?? 0 } }; sink &+= t
}
@_silgen_name("op_bytes_dict_long") @inline(never) func bytesDictLong(_ d: [bytes: Int], _ keys: [bytes]) {
    var t = 0; for _ in 0..<(calls / keys.count) { for k in keys { t &+= (d[k] ?? 0) &* 3 } }; sink &+= t
}
@_silgen_name("op_array_dict_long") @inline(never) func arrayDictLong(_ d: [[UInt8]: Int], _ keys: [[UInt8]]) {
    var t = 0; for _ in 0..<(calls / keys.count) { for k in keys { t &+= (d[k] ?? 0) &* 3 } }; sink &+= t
}
@_silgen_name("op_bytes_literal_short") @inline(never) func bytesLiteral() { var t = 0; for _ in 0..<calls { let x: bytes = "PING\r\n"; t &+= x.count }; sink &+= t }
@_silgen_name("op_array_literal_short") @inline(never) func arrayLiteral() { var t = 0; for _ in 0..<calls { let x: [UInt8] = Array("PING\r\n".utf8); t &+= x.count }; sink &+= t }
@_silgen_name("op_bytes_literal_long") @inline(never) func bytesLiteralLong() {
    var t = 0; for _ in 0..<calls { let x: bytes = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"; t &+= x.count }; sink &+= t
}
@_silgen_name("op_array_literal_long") @inline(never) func arrayLiteralLong() {
    var t = 0; for _ in 0..<calls { let x: [UInt8] = Array("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8); t &+= x.count }; sink &+= t
}
@_silgen_name("op_bytes_literal_ints") @inline(never) func bytesLiteralInts() { var t = 0; for _ in 0..<calls { let x: bytes = [1, 2, 3, 4, 5, 6, 7, 8]; t &+= x.count }; sink &+= t }
@_silgen_name("op_array_literal_ints") @inline(never) func arrayLiteralInts() { var t = 0; for _ in 0..<calls { let x: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]; t &+= x.count }; sink &+= t }
@_silgen_name("op_bytes_slice") @inline(never) func bytesSlice(_ x: bytes) { var t = 0; for i in 0..<calls { t &+= x[i..<(i + 100)].count }; sink &+= t }
@_silgen_name("op_array_slice") @inline(never) func arraySlice(_ x: [UInt8]) { var t = 0; for i in 0..<calls { t &+= Array(x[i..<(i + 100)]).count }; sink &+= t }
@_silgen_name("op_bytes_withunsafebytes") @inline(never) func bytesUnsafe(_ x: bytes) { var t = 0; for _ in 0..<calls { t &+= x.withUnsafeBytes { $0.count } }; sink &+= t }
@_silgen_name("op_array_withunsafebytes") @inline(never) func arrayUnsafe(_ x: [UInt8]) { var t = 0; for _ in 0..<calls { t &+= x.withUnsafeBytes { $0.count } }; sink &+= t }
@_silgen_name("op_bytes_concat") @inline(never) func bytesConcat(_ a: bytes, _ b: bytes) { var t = 0; for _ in 0..<calls { t &+= (a + b).count }; sink &+= t }
@_silgen_name("op_array_concat") @inline(never) func arrayConcat(_ a: [UInt8], _ b: [UInt8]) { var t = 0; for _ in 0..<calls { t &+= (a + b).count }; sink &+= t }
@_silgen_name("op_bytes_append") @inline(never) func bytesAppend(_ a: bytes) { var x = bytes(); for _ in 0..<calls { x += a }; sink &+= x.count }
@_silgen_name("op_array_append") @inline(never) func arrayAppend(_ a: [UInt8]) { var x: [UInt8] = []; for _ in 0..<calls { x += a }; sink &+= x.count }

func main() {
    bytesForIn(value); arrayForIn(array)
    bytesIndex(value); arrayIndex(array)
    bytesReduce(value); arrayReduce(array)
    bytesCount(value); arrayCount(array)
    bytesEqShort(bytes(copying: shortA.withUnsafeBytes { $0 }), bytes(copying: shortB.withUnsafeBytes { $0 })); arrayEqShort(shortA, shortB)
    bytesEqLong(bytes(longA), bytes(longB)); arrayEqLong(longA, longB)
    let keys = keyArrays.map { k in k.withUnsafeBytes { bytes(copying: $0) } }
    bytesDict(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) }), keys)
    arrayDict(Dictionary(uniqueKeysWithValues: keyArrays.enumerated().map { ($1, $0) }), keyArrays)
    let longKeys = longKeyArrays.map { bytes($0) }
    bytesDictLong(Dictionary(uniqueKeysWithValues: longKeys.enumerated().map { ($1, $0) }), longKeys)
    arrayDictLong(Dictionary(uniqueKeysWithValues: longKeyArrays.enumerated().map { ($1, $0) }), longKeyArrays)
    bytesLiteral(); arrayLiteral()
    bytesLiteralLong(); arrayLiteralLong()
    bytesLiteralInts(); arrayLiteralInts()
    bytesSlice(value); arraySlice(array)
    bytesUnsafe(value); arrayUnsafe(array)
    bytesConcat(bytes(longA), bytes(shortA)); arrayConcat(longA, shortA)
    bytesAppend(bytes(shortA)); arrayAppend(shortA)
    if sink == 42 { print("") }
}

main()
