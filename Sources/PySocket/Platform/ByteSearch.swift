// Byte search over contiguous memory at libc speed (memchr, memcmp), for bytes' methods and makefile's buffer: portable C, so here beside the seam rather than per platform.
import CPySocket

/// Searches raw memory; every offset is relative to `base`.
enum ByteSearch {
    /// The offset of the first `byte` in `base[from..<to]`, or nil.
    @inline(__always)
    static func index(of byte: UInt8, _ base: UnsafeRawPointer, from: Int, to: Int) -> Int? {
        guard to > from, let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
    }

    /// The offset of the first occurrence of `needle` that lies whole inside `base[from..<to]`,
    /// or nil; an empty needle is found at `from`.
    static func find(_ needle: UnsafeRawBufferPointer, _ base: UnsafeRawPointer, from: Int, to: Int) -> Int? {
        let n = needle.count
        guard n > 0, let first = needle.baseAddress else { return from <= to ? from : nil }
        let lead = first.load(as: UInt8.self)
        var i = from
        let last = to - n
        while i <= last {
            guard let hit = index(of: lead, base, from: i, to: last + 1) else { return nil }
            if n == 1 || memcmp(base + hit + 1, first + 1, n - 1) == 0 { return hit }
            i = hit + 1
        }
        return nil
    }

    /// The offset of the last occurrence of `needle` inside `base[from..<to]`, or nil.
    static func rfind(_ needle: UnsafeRawBufferPointer, _ base: UnsafeRawPointer, from: Int, to: Int) -> Int? {
        let n = needle.count
        guard let first = needle.baseAddress, n > 0 else { return from <= to ? to : nil }
        var i = to - n
        while i >= from {
            if memcmp(base + i, first, n) == 0 { return i }
            i -= 1
        }
        return nil
    }

    /// Whether `a` and `b` hold the same `count` bytes.
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        count == 0 || memcmp(a, b, count) == 0
    }
}
