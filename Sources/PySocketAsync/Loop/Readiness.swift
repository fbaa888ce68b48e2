// Who waits for what on each descriptor: the bookkeeping the readiness backends (epoll, poll) share.
import PySocket

/// The waiters of one descriptor: the first reader and writer inline (an echo loop's only
/// ones), any more in `ReadinessTable.extras`. Plain values, so that the table's elements are
/// read and written in place, with no uniqueness check.
struct Watch {
    /// The first token waiting until the descriptor is readable, then writable (`none`: nobody).
    var reader = Watch.none
    var writer = Watch.none
    /// Whether more readers or writers wait, in `extras` (in order, after the inline one).
    var moreReaders = false
    var moreWriters = false
    /// The events the kernel was last asked for (epoll: registered, level-triggered), as `Readiness` bits.
    var armed: UInt8 = 0
    /// Whether the kernel knows the descriptor (epoll: added to the interest list).
    var registered = false
    /// What the backend guesses of the descriptor's state, as `Readiness` bits (worth trying
    /// the call before waiting).
    var ready: UInt8 = Readiness.readable | Readiness.writable
    /// Position in `ReadinessTable.active`, or -1.
    var activeIndex: Int32 = -1

    static let none = UInt64.max

    /// The events the waiters want, as `Readiness` bits.
    @inline(__always) var wanted: UInt8 {
        (reader == Watch.none ? 0 : Readiness.readable) | (writer == Watch.none ? 0 : Readiness.writable)
    }
}

/// Event bits independent of the backend.
enum Readiness {
    static let readable: UInt8 = 1
    static let writable: UInt8 = 2
    /// Error or hang-up: wakes readers and writers alike.
    static let failed: UInt8 = 4

    /// The bit of `event`.
    @inline(__always) static func bit(_ event: PollEvent) -> UInt8 {
        event == .readable ? readable : writable
    }
}

/// The waiters of every descriptor, indexed by descriptor number (they are small integers),
/// with the list of descriptors that have waiters. Steady state allocates nothing: the tables
/// keep their memory, and a descriptor's first reader and writer need no array.
struct ReadinessTable {
    private var watches = FlatArray<Watch>(capacity: 64)
    /// The second and later readers and writers of a descriptor, in the order they came.
    private var extras: [Int32: (readers: [UInt64], writers: [UInt64])] = [:]
    /// Descriptors with at least one waiter (kept when `tracksActive`: poll rebuilds its set
    /// from it; epoll does not need it).
    private(set) var active: [Int32] = []
    var tracksActive = true

    /// Adds `token` waiting for `event` on `fd`; returns the events now wanted.
    mutating func add(_ token: UInt64, fd: Int32, readable: Bool) -> UInt8 {
        ensure(fd)
        let index = Int(fd)
        if readable {
            if watches[index].reader == Watch.none {
                watches[index].reader = token
            } else {
                extras[fd, default: ([], [])].readers.append(token)
                watches[index].moreReaders = true
            }
        } else if watches[index].writer == Watch.none {
            watches[index].writer = token
        } else {
            extras[fd, default: ([], [])].writers.append(token)
            watches[index].moreWriters = true
        }
        if tracksActive, watches[index].activeIndex < 0 {
            watches[index].activeIndex = Int32(active.count)
            active.append(fd)
        }
        return watches[index].wanted
    }

    /// Removes `token` from `fd`'s waiters; true if it was there.
    mutating func remove(_ token: UInt64, fd: Int32) -> Bool {
        let index = Int(fd)
        guard index >= 0, index < watches.count else { return false }
        var found = true
        if watches[index].reader == token {
            watches[index].reader = watches[index].moreReaders ? takeExtra(fd, readers: true) : Watch.none
        } else if watches[index].writer == token {
            watches[index].writer = watches[index].moreWriters ? takeExtra(fd, readers: false) : Watch.none
        } else {
            found = removeExtra(token, fd)
        }
        if watches[index].wanted == 0 { deactivate(fd) }
        return found
    }

    /// The first extra reader (or writer) of `fd`, taken out (there is one).
    private mutating func takeExtra(_ fd: Int32, readers: Bool) -> UInt64 {
        let token = readers ? extras[fd]!.readers.removeFirst() : extras[fd]!.writers.removeFirst()
        tidyExtras(fd)
        return token
    }

    private mutating func removeExtra(_ token: UInt64, _ fd: Int32) -> Bool {
        guard extras[fd] != nil else { return false }
        var found = false
        if let at = extras[fd]!.readers.firstIndex(of: token) {
            extras[fd]!.readers.remove(at: at); found = true
        } else if let at = extras[fd]!.writers.firstIndex(of: token) {
            extras[fd]!.writers.remove(at: at); found = true
        }
        tidyExtras(fd)
        return found
    }

    /// Keeps `moreReaders`/`moreWriters` true to `extras`, and drops an empty entry.
    private mutating func tidyExtras(_ fd: Int32) {
        let readers = extras[fd].map { !$0.readers.isEmpty } ?? false
        let writers = extras[fd].map { !$0.writers.isEmpty } ?? false
        watches[Int(fd)].moreReaders = readers
        watches[Int(fd)].moreWriters = writers
        if !readers && !writers { extras[fd] = nil }
    }

    /// Delivers `events` on `fd` to the waiters it wakes (each waiter once, in the order they
    /// came); returns what is still wanted.
    mutating func fire(fd: Int32, events: UInt8, _ deliver: (UInt64) -> Void) -> UInt8 {
        let woken = take(fd: fd, events: events)
        woken.deliver(deliver)
        return woken.wanted
    }

    /// Takes out the waiters `events` on `fd` wakes, for the caller to deliver once its own
    /// bookkeeping is done (a delivery may run the woken task at once, which waits again).
    mutating func take(fd: Int32, events: UInt8) -> Woken {
        var woken = Woken()
        let index = Int(fd)
        guard index >= 0, index < watches.count else { return woken }
        let failed = events & Readiness.failed != 0
        if failed || events & Readiness.readable != 0, watches[index].reader != Watch.none {
            woken.reader = watches[index].reader
            watches[index].reader = Watch.none
            if watches[index].moreReaders {
                swap(&woken.readers, &extras[fd]!.readers)
                tidyExtras(fd)
            }
        }
        if failed || events & Readiness.writable != 0, watches[index].writer != Watch.none {
            woken.writer = watches[index].writer
            watches[index].writer = Watch.none
            if watches[index].moreWriters {
                swap(&woken.writers, &extras[fd]!.writers)
                tidyExtras(fd)
            }
        }
        woken.wanted = watches[index].wanted
        if woken.wanted == 0 { deactivate(fd) }
        return woken
    }

    /// The waiters one event woke (`take`), in delivery order: readers first.
    struct Woken {
        var reader = Watch.none
        var readers: [UInt64] = []
        var writer = Watch.none
        var writers: [UInt64] = []
        /// What the descriptor's waiters still want.
        var wanted: UInt8 = 0

        func deliver(_ body: (UInt64) -> Void) {
            if reader != Watch.none {
                body(reader)
                for token in readers { body(token) }
            }
            if writer != Watch.none {
                body(writer)
                for token in writers { body(token) }
            }
        }
    }

    /// Removes every waiter of `fd`, calling `body` for each, and forgets the descriptor.
    mutating func removeAll(fd: Int32, _ body: (UInt64) -> Void) {
        let index = Int(fd)
        guard index >= 0, index < watches.count else { return }
        var woken: [UInt64] = []
        if watches[index].reader != Watch.none { woken.append(watches[index].reader) }
        if let extra = extras[fd] { woken += extra.readers }
        if watches[index].writer != Watch.none { woken.append(watches[index].writer) }
        if let extra = extras[fd] { woken += extra.writers }
        extras[fd] = nil
        deactivate(fd)
        watches[index] = Watch()
        for token in woken { body(token) }
    }

    /// What the kernel was last asked for on `fd`, and whether it knows the descriptor.
    @inline(__always) func armed(_ fd: Int32) -> (events: UInt8, registered: Bool) {
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
    @inline(__always) func wanted(_ fd: Int32) -> UInt8 {
        let index = Int(fd)
        guard index >= 0, index < watches.count else { return 0 }
        return watches[index].wanted
    }

    @inline(__always) private mutating func ensure(_ fd: Int32) {
        if Int(fd) >= watches.count { watches.extend(through: Int(fd), with: Watch()) }
    }

    private mutating func deactivate(_ fd: Int32) {
        let index = Int(fd)
        let position = Int(watches[index].activeIndex)
        guard position >= 0 else { return }
        let last = active.removeLast()
        if position < active.count {
            active[position] = last
            watches[Int(last)].activeIndex = Int32(position)
        }
        watches[index].activeIndex = -1
    }

    /// Frees the table's memory (its storage's deinit).
    mutating func release() {
        watches.release()
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
        table.pointee.release()
        table.deinitialize(count: 1)
        table.deallocate()
    }
}

/// A readiness backend (epoll, poll) keeping its waiters and guesses in a `ReadinessTable`:
/// the guess of whether a call is worth trying first is the same for both. After EAGAIN or a
/// short read the loop waits first and saves the failing call; a wrong guess costs one loop
/// turn, since a level-triggered epoll registration and poll(2) report a descriptor that is
/// ready already at once.
protocol ReadinessGuessing: IOBackend {
    var storage: ReadinessStorage { get }
}

extension ReadinessGuessing {
    @inline(__always) var table: UnsafeMutablePointer<ReadinessTable> { storage.table }

    func worthTrying(_ fd: Int32, _ event: PollEvent) -> Bool {
        table.pointee.ready(fd) & Readiness.bit(event) != 0
    }

    func wouldBlock(_ fd: Int32, _ event: PollEvent) {
        table.pointee.setReady(fd, Readiness.bit(event), false)
    }

    func transferred(_ fd: Int32, _ event: PollEvent, all: Bool) {
        // Short: likely drained, wait first next time (an echo loop's receive then makes no
        // failing call); full: more may be waiting, try first.
        table.pointee.setReady(fd, Readiness.bit(event), all)
    }
}
