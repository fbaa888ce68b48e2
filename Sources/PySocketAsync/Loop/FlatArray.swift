// A growable array of plain values in memory of its own: the loop's and the backends' per-slot and per-descriptor tables.

/// A growable array of trivial values (no references) reached through a pointer: reading or
/// writing an element is one load or store, with no uniqueness check (an `Array` element
/// written through `UnsafeMutablePointer<State>.pointee` checks the buffer is unique and the
/// index in bounds on every write: about 110 instructions per echoed message on io_uring).
///
/// The owner checks indices against `count` (they are slot numbers and descriptors it made or
/// checked) and calls `release()` once.
struct FlatArray<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    /// Elements made (indices below it are valid).
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 1)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    @inline(__always) var isEmpty: Bool { count == 0 }

    /// Element `index` (below `count`), read and written in place.
    @inline(__always) subscript(index: Int) -> Element {
        unsafeAddress { UnsafePointer(base + index) }
        nonmutating unsafeMutableAddress { base + index }
    }

    @inline(__always) mutating func append(_ element: Element) {
        if count == capacity { reserve(count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always) mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return base[count]
    }

    /// Makes elements up to `index` (inclusive), new ones set to `filler`.
    mutating func extend(through index: Int, with filler: Element) {
        guard index >= count else { return }
        reserve(index + 1)
        (base + count).initialize(repeating: filler, count: index + 1 - count)
        count = index + 1
    }

    /// Forgets every element (the memory stays).
    @inline(__always) mutating func removeAll() { count = 0 }

    private mutating func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let grown = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: grown)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }

    /// Frees the memory (the owner's deinit).
    mutating func release() {
        base.deallocate()
        count = 0
        capacity = 0
    }
}
