// Who waits for what on each descriptor: the bookkeeping the readiness backends (epoll, poll) share.

/// The waiters of one descriptor.
struct Watch {
    /// Tokens waiting until the descriptor is readable, then writable.
    var readers: [UInt64] = []
    var writers: [UInt64] = []
    /// The events the kernel was last asked for (epoll: registered, level-triggered), as `Readiness` bits.
    var armed: UInt8 = 0
    /// Whether the kernel knows the descriptor (epoll: added to the interest list).
    var registered = false
    /// What the backend guesses of the descriptor's state, as `Readiness` bits (io_uring:
    /// worth trying the call before submitting it).
    var ready: UInt8 = Readiness.readable | Readiness.writable
    /// Position in `ReadinessTable.active`, or -1.
    var activeIndex = -1

    /// The events the waiters want, as `Readiness` bits.
    var wanted: UInt8 {
        (readers.isEmpty ? 0 : Readiness.readable) | (writers.isEmpty ? 0 : Readiness.writable)
    }
}

/// Event bits independent of the backend.
enum Readiness {
    static let readable: UInt8 = 1
    static let writable: UInt8 = 2
    /// Error or hang-up: wakes readers and writers alike.
    static let failed: UInt8 = 4
}

/// The waiters of every descriptor, indexed by descriptor number (they are small integers),
/// with the list of descriptors that have waiters. Steady state allocates nothing: the arrays
/// keep their capacity.
struct ReadinessTable {
    private var watches: [Watch] = []
    /// Descriptors with at least one waiter (kept when `tracksActive`: poll rebuilds its set
    /// from it; epoll does not need it).
    private(set) var active: [Int32] = []
    var tracksActive = true
    /// The waiters being woken, swapped with a watch's list (so neither array is copied).
    private var woken: [UInt64] = []

    /// Adds `token` waiting for `event` on `fd`; returns the events now wanted.
    mutating func add(_ token: UInt64, fd: Int32, readable: Bool) -> UInt8 {
        ensure(fd)
        let index = Int(fd)
        if readable { watches[index].readers.append(token) } else { watches[index].writers.append(token) }
        if tracksActive, watches[index].activeIndex < 0 {
            watches[index].activeIndex = active.count
            active.append(fd)
        }
        return watches[index].wanted
    }

    /// Removes `token` from `fd`'s waiters; true if it was there.
    mutating func remove(_ token: UInt64, fd: Int32) -> Bool {
        let index = Int(fd)
        guard index >= 0, index < watches.count else { return false }
        var found = false
        if let at = watches[index].readers.firstIndex(of: token) {
            watches[index].readers.remove(at: at); found = true
        } else if let at = watches[index].writers.firstIndex(of: token) {
            watches[index].writers.remove(at: at); found = true
        }
        if watches[index].wanted == 0 { deactivate(fd) }
        return found
    }

    /// Delivers `events` on `fd` to the waiters it wakes (each waiter once); returns what is
    /// still wanted.
    mutating func fire(fd: Int32, events: UInt8, _ deliver: (UInt64) -> Void) -> UInt8 {
        let index = Int(fd)
        guard index >= 0, index < watches.count else { return 0 }
        let failed = events & Readiness.failed != 0
        if failed || events & Readiness.readable != 0, !watches[index].readers.isEmpty {
            swap(&woken, &watches[index].readers)
            for token in woken { deliver(token) }
            woken.removeAll(keepingCapacity: true)
        }
        if failed || events & Readiness.writable != 0, !watches[index].writers.isEmpty {
            swap(&woken, &watches[index].writers)
            for token in woken { deliver(token) }
            woken.removeAll(keepingCapacity: true)
        }
        let wanted = watches[index].wanted
        if wanted == 0 { deactivate(fd) }
        return wanted
    }

    /// Removes every waiter of `fd`, calling `body` for each, and forgets the descriptor.
    mutating func removeAll(fd: Int32, _ body: (UInt64) -> Void) {
        let index = Int(fd)
        guard index >= 0, index < watches.count else { return }
        let woken = watches[index].readers + watches[index].writers
        deactivate(fd)
        watches[index] = Watch()
        for token in woken { body(token) }
    }

    /// What the kernel was last asked for on `fd`, and whether it knows the descriptor.
    func armed(_ fd: Int32) -> (events: UInt8, registered: Bool) {
        let index = Int(fd)
        guard index >= 0, index < watches.count else { return (0, false) }
        return (watches[index].armed, watches[index].registered)
    }

    /// Records what the kernel was asked for on `fd`.
    mutating func setArmed(_ fd: Int32, _ events: UInt8, registered: Bool) {
        ensure(fd)
        watches[Int(fd)].armed = events
        watches[Int(fd)].registered = registered
    }

    /// The backend's `ready` bits of `fd` (both bits for a descriptor it never saw).
    @inline(__always) func ready(_ fd: Int32) -> UInt8 {
        let index = Int(fd)
        guard index >= 0, index < watches.count else { return Readiness.readable | Readiness.writable }
        return watches[index].ready
    }

    /// Sets (`on`) or clears the `ready` bits `bits` of `fd`.
    @inline(__always) mutating func setReady(_ fd: Int32, _ bits: UInt8, _ on: Bool) {
        guard fd >= 0 else { return }
        ensure(fd)
        if on { watches[Int(fd)].ready |= bits } else { watches[Int(fd)].ready &= ~bits }
    }

    /// Forgets what the backend knew of `fd` (registration and `ready` bits); waiters stay.
    mutating func resetState(_ fd: Int32) {
        let index = Int(fd)
        guard index >= 0, index < watches.count else { return }
        watches[index].armed = 0
        watches[index].registered = false
        watches[index].ready = Readiness.readable | Readiness.writable
    }

    /// The events the waiters of `fd` want.
    func wanted(_ fd: Int32) -> UInt8 {
        let index = Int(fd)
        guard index >= 0, index < watches.count else { return 0 }
        return watches[index].wanted
    }

    private mutating func ensure(_ fd: Int32) {
        let index = Int(fd)
        if index >= watches.count {
            watches.append(contentsOf: repeatElement(Watch(), count: index - watches.count + 1))
        }
    }

    private mutating func deactivate(_ fd: Int32) {
        let index = Int(fd)
        let position = watches[index].activeIndex
        guard position >= 0 else { return }
        let last = active.removeLast()
        if position < active.count {
            active[position] = last
            watches[Int(last)].activeIndex = position
        }
        watches[index].activeIndex = -1
    }
}

/// A `ReadinessTable` at a fixed address, owned by a backend. Reached through the pointer, its
/// mutations are not checked for exclusive access at run time, as a class's stored `var` would
/// be on every call of a mutating method (swift_beginAccess on each wait and completion).
final class ReadinessStorage {
    let table: UnsafeMutablePointer<ReadinessTable>

    init() {
        table = UnsafeMutablePointer<ReadinessTable>.allocate(capacity: 1)
        table.initialize(to: ReadinessTable())
    }

    deinit {
        table.deinitialize(count: 1)
        table.deallocate()
    }
}
