// Whether the C allocator can give a block, asked before a huge `bytes`/`bytearray` is made, so that it raises MemoryError as CPython does instead of dying in Swift's allocator.
import CPySocket

/// The C allocator, asked ahead of an allocation Swift would trap on.
enum Memory {
    /// Sizes from which `bytes`/`bytearray` ask `canAllocate` first (smaller ones always try).
    static let probeThreshold = 1 << 26

    /// Whether `malloc` gives `byteCount` bytes now (the block is freed at once). With Linux's
    /// default overcommit this says no where CPython's own `malloc` would fail (more than the
    /// machine's memory and swap, or past `ulimit -v`).
    static func canAllocate(_ byteCount: Int) -> Bool {
        guard byteCount >= 0, let block = malloc(byteCount) else { return false }
        free(block)
        return true
    }
}
