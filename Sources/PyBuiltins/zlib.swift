// zlib.crc32 and zlib.adler32: the checksums protocol programs put in their frames.
import PySocket

/// `import zlib`: the checksum functions of Python's `zlib` module.
///
/// Python: `zlib`.
///
/// Differs from CPython: only `crc32` and `adler32` (no compression).
public enum zlib {
    /// The CRC-32 table of the reflected polynomial 0xEDB88320 (zlib's, ISO-HDLC).
    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// `zlib.crc32(data, value=0)`: the CRC-32 of `data`, continuing from `value` (the result of
    /// an earlier call), as an unsigned 32-bit number.
    ///
    /// Python: `zlib.crc32`. C: none (zlib's `crc32`, computed here).
    public static func crc32<Data: Sequence>(_ data: Data, _ value: Int = 0) -> Int where Data.Element == UInt8 {
        var crc = ~UInt32(truncatingIfNeeded: value)
        for byte in data {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return Int(~crc)
    }

    /// `zlib.crc32(data, value=0)` of a `bytes`.
    ///
    /// Python: `zlib.crc32`. C: none.
    public static func crc32(_ data: bytes, _ value: Int = 0) -> Int { crc32(data.storage, value) }

    /// `zlib.adler32(data, value=1)`: the Adler-32 checksum of `data`, continuing from `value`.
    ///
    /// Python: `zlib.adler32`. C: none (zlib's `adler32`, computed here).
    public static func adler32<Data: Sequence>(_ data: Data, _ value: Int = 1) -> Int where Data.Element == UInt8 {
        let start = UInt32(truncatingIfNeeded: value)
        var a = start & 0xFFFF
        var b = start >> 16
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return Int(b << 16 | a)
    }

    /// `zlib.adler32(data, value=1)` of a `bytes`.
    ///
    /// Python: `zlib.adler32`. C: none.
    public static func adler32(_ data: bytes, _ value: Int = 1) -> Int { adler32(data.storage, value) }
}
