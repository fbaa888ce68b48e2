// The C library's printf conversions of a double (%f %e %g), under format() and str % for floats.
#if canImport(Glibc)
import Glibc
#else
#error("PyBuiltins is written for Linux (glibc); add this platform's libc import here.")
#endif

/// `value` through C's `%.<precision><conversion>` (`conversion` one of `f e E g G`), with the
/// `#` flag when `alternate`: the digits Python's float formatting prints (CPython rounds
/// correctly, as glibc does).
func cFormat(_ value: Double, _ conversion: Character, precision: Int, alternate: Bool) -> String {
    let format = "%" + (alternate ? "#" : "") + ".*" + String(conversion)
    let precision = Int32(clamping: precision)
    // First the length, then the text into a buffer of that size.
    let length = withVaList([precision, value]) { vsnprintf(nil, 0, format, $0) }
    guard length > 0 else { return "" }
    var buffer = [CChar](repeating: 0, count: Int(length) + 1)
    _ = buffer.withUnsafeMutableBufferPointer { out in
        withVaList([precision, value]) { vsnprintf(out.baseAddress, out.count, format, $0) }
    }
    return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
