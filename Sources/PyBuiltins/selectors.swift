// selectors: Python's high-level I/O multiplexing (EpollSelector, PollSelector, SelectSelector, SelectorKey) over sockets and fds.
import PySocket

/// `import selectors`: wait until any of many registered sockets (or fds, or file objects) is
/// ready, and get back each one's `SelectorKey` with the data registered beside it.
///
/// A selector is a Swift generic over the registered objects' type (`File`, `socket` by default)
/// and the `data` type (`Data`, `Any` by default), so `key.fileobj` and `key.data` come back
/// typed: `try selectors.DefaultSelector()` holds sockets and any data; write the types where a
/// program needs them, e.g. `selectors.DefaultSelector<socket, (socket, Int) throws -> Void>()`
/// for callbacks, or `DefaultSelector<socket, types.SimpleNamespace<(addr: SocketAddress,
/// inb: bytes, outb: bytes)>>()` for a per-connection record.
///
/// Python: `selectors`.
public enum selectors {
    /// `selectors.EVENT_READ`: 1, the object is readable (data, a connection, or end of stream).
    ///
    /// Python: `selectors.EVENT_READ`.
    public static let EVENT_READ = 1

    /// `selectors.EVENT_WRITE`: 2, the object is writable (or a non-blocking connect finished).
    ///
    /// Python: `selectors.EVENT_WRITE`.
    public static let EVENT_WRITE = 2

    /// An object with `fileno()`, as `register` takes it beside a socket and an int fd: a
    /// `makefile` object, or a type of your own.
    ///
    /// Python: any object with a `fileno()` method.
    public protocol HasFileno {
        /// `f.fileno()`: the descriptor to wait on; a `ValueError` (closed file) makes
        /// `register` raise `ValueError('Invalid file object: ...')`.
        func fileno() throws -> Int32
    }

    /// `selectors.DefaultSelector()`: the best selector of the platform, `EpollSelector` on Linux.
    ///
    /// Python: `selectors.DefaultSelector`. C: `epoll_create1(2)`.
    public typealias DefaultSelector = EpollSelector

    /// `SelectorKey(fileobj, fd, events, data)`: a registered object, its descriptor, the events
    /// waited for and the data given to `register`; prints as CPython's namedtuple.
    ///
    /// Python: `selectors.SelectorKey`.
    public struct SelectorKey<File, Data>: CustomStringConvertible, CustomDebugStringConvertible {
        /// `key.fileobj`: the object given to `register`.
        ///
        /// Python: `SelectorKey.fileobj`.
        public let fileobj: File
        /// `key.fd`: its file descriptor.
        ///
        /// Python: `SelectorKey.fd`.
        public let fd: Int
        /// `key.events`: the events waited for, `EVENT_READ | EVENT_WRITE` bits.
        ///
        /// Python: `SelectorKey.events`.
        public let events: Int
        /// `key.data`: the data given to `register`, nil for Python's `None`.
        ///
        /// Python: `SelectorKey.data`.
        public let data: Data?

        /// `SelectorKey(fileobj, fd, events, data)`.
        ///
        /// Python: `selectors.SelectorKey(...)`.
        public init(_ fileobj: File, _ fd: Int, _ events: Int, _ data: Data?) {
            self.fileobj = fileobj
            self.fd = fd
            self.events = events
            self.data = data
        }

        /// `repr(key)`: `SelectorKey(fileobj=<socket.socket fd=3, ...>, fd=3, events=1, data=None)`.
        ///
        /// Python: `namedtuple.__repr__`.
        public var description: String {
            "SelectorKey(fileobj=\(render(fileobj, repr: true)), fd=\(fd), events=\(events), data=\(render(data as Any, repr: true)))"
        }

        /// `repr(key)`: the same text as `str(key)`.
        ///
        /// Python: `namedtuple.__repr__`.
        public var debugDescription: String { description }
    }

    /// `sel.get_map()`: a read-only view of the registrations: `len(m)`, `for fd in m` (the
    /// registered descriptors, in registration order), `try m[fileobj]`, `m.get(fileobj)`.
    ///
    /// Python: `selectors._SelectorMapping`.
    public struct SelectorMapping<File, Data>: Collection {
        let selector: BaseSelector<File, Data>

        /// A position in the mapping.
        public struct Index: Comparable {
            let offset: Int
            /// Python: none (Swift's `Collection`).
            public static func < (a: Index, b: Index) -> Bool { a.offset < b.offset }
        }

        /// Python: none (Swift's `Collection`).
        public var startIndex: Index { Index(offset: 0) }
        /// Python: none (Swift's `Collection`).
        public var endIndex: Index { Index(offset: selector.order.count) }
        /// Python: none (Swift's `Collection`).
        public func index(after i: Index) -> Index { Index(offset: i.offset + 1) }
        /// The registered descriptor at a position.
        ///
        /// Python: `iter(mapping)` yields the registered fds.
        public subscript(position: Index) -> Int { selector.order[position.offset] }

        /// `m[fileobj]`: the key of a registered object (or fd).
        ///
        /// Python: `_SelectorMapping.__getitem__`.
        /// - Throws: `KeyError('<fileobj> is not registered')`, `ValueError('Invalid file object: ...')`.
        public subscript<F>(_ fileobj: F) -> SelectorKey<File, Data> {
            get throws {
                let fd = try selector.lookup(fileobj)
                guard let key = selector.keys[fd] else {
                    throw KeyError("\(render(fileobj, repr: true)) is not registered")
                }
                return key
            }
        }

        /// `m.get(fileobj, default=None)`: the key of a registered object, or `default`.
        ///
        /// Python: `_SelectorMapping.get`.
        /// - Throws: `ValueError('Invalid file object: ...')`.
        public func get<F>(_ fileobj: F, _ default: SelectorKey<File, Data>? = nil) throws -> SelectorKey<File, Data>? {
            selector.keys[try selector.lookup(fileobj)] ?? `default`
        }

        /// `fileobj in m`: whether an object (or fd) is registered.
        ///
        /// Python: `Mapping.__contains__`.
        public func contains<F>(_ fileobj: F) -> Bool {
            guard let fd = try? selector.lookup(fileobj) else { return false }
            return selector.keys[fd] != nil
        }

        /// `m.keys()`: the registered descriptors.
        ///
        /// Python: `Mapping.keys()`.
        public func keys() -> [Int] { selector.order }

        /// `m.values()`: the keys, in registration order.
        ///
        /// Python: `Mapping.values()`.
        public func values() -> [SelectorKey<File, Data>] { selector.order.compactMap { selector.keys[$0] } }

        /// `m.items()`: (fd, key) pairs, in registration order.
        ///
        /// Python: `Mapping.items()`.
        public func items() -> [(Int, SelectorKey<File, Data>)] {
            selector.order.compactMap { fd in selector.keys[fd].map { (fd, $0) } }
        }
    }

    /// `selectors.BaseSelector`: what every selector does: `register`, `unregister`, `modify`,
    /// `select`, `get_key`, `get_map`, `close`, and `with` for Python's `with` statement.
    ///
    /// Python: `selectors.BaseSelector` (and `_BaseSelectorImpl`).
    ///
    /// Differs from CPython: `Sendable`, so that a program's global selector is usable from its
    /// functions, but not locked: use a selector from one thread at a time (CPython's GIL
    /// serialises the calls, which a Python program does not rely on either).
    public class BaseSelector<File, Data>: @unchecked Sendable {
        /// The registrations by descriptor, and the descriptors in registration order (Python's dict order).
        var keys: [Int: SelectorKey<File, Data>] = [:]
        var order: [Int] = []
        /// Set by `close()`: `get_key` raises `RuntimeError('Selector is closed')`.
        var closed = false

        init(backend: Void) {}

        // The backend's part, overridden by each selector.
        func backendRegister(_ fd: Int, _ events: Int) throws {}
        func backendUnregister(_ fd: Int) throws {}
        func backendModify(_ key: SelectorKey<File, Data>, _ events: Int, _ data: Data?, _ fileobj: File) throws -> SelectorKey<File, Data> {
            try unregister(fileobj)
            return try register(fileobj, events, data)
        }
        func backendSelect(_ timeout: Double?) throws -> [(Int, Int)] { [] }
        func backendClose() {}

        /// The descriptor of a registered object: its fd, or, when it has none any more (a
        /// closed socket), the fd it was registered with (CPython's `_fileobj_lookup`).
        func lookup<F>(_ fileobj: F) throws -> Int {
            do {
                return try selectors.fileobjToFD(fileobj)
            } catch let error as ValueError {
                let object = fileobj as AnyObject
                for fd in order {
                    if let key = keys[fd], (key.fileobj as AnyObject) === object { return fd }
                }
                throw error
            }
        }

        func store(_ key: SelectorKey<File, Data>) {
            if keys.updateValue(key, forKey: key.fd) == nil { order.append(key.fd) }
        }

        @discardableResult
        func remove(_ fd: Int) -> SelectorKey<File, Data>? {
            guard let key = keys.removeValue(forKey: fd) else { return nil }
            if let index = order.firstIndex(of: fd) { order.remove(at: index) }
            return key
        }

        /// `sel.register(fileobj, events, data=None)`: waits for `events` (`EVENT_READ`,
        /// `EVENT_WRITE` or both) on `fileobj` (a socket, an fd, or an object with `fileno()`)
        /// from now on, with `data` attached to its key; returns the key.
        ///
        /// Python: `BaseSelector.register`. C: `epoll_ctl(EPOLL_CTL_ADD)` for EpollSelector.
        /// - Throws: `ValueError('Invalid events: 0')`, `KeyError('<fileobj> (FD 3) is already
        ///   registered')`, `ValueError('Invalid file object: ...')`, `ValueError('Invalid file
        ///   descriptor: -1')` (a closed socket), `OSError` from the system (EBADF, EPERM).
        @discardableResult
        public func register(_ fileobj: File, _ events: Int, _ data: Data? = nil) throws -> SelectorKey<File, Data> {
            if events == 0 || events & ~(EVENT_READ | EVENT_WRITE) != 0 {
                throw ValueError("Invalid events: \(events)")
            }
            let key = SelectorKey(fileobj, try lookup(fileobj), events, data)
            if keys[key.fd] != nil {
                throw KeyError("\(render(fileobj, repr: true)) (FD \(key.fd)) is already registered")
            }
            store(key)
            do {
                try backendRegister(key.fd, events)
            } catch {
                remove(key.fd)
                throw error
            }
            return key
        }

        /// `sel.register(fileobj, events, data=data)`: `register` with `data` given by keyword.
        ///
        /// Python: `BaseSelector.register(fileobj, events, data=...)`. C: `epoll_ctl(EPOLL_CTL_ADD)`.
        @discardableResult
        public func register(_ fileobj: File, _ events: Int, data: Data?) throws -> SelectorKey<File, Data> {
            try register(fileobj, events, data)
        }

        /// `sel.unregister(fileobj)`: stops waiting on `fileobj` (also once it is closed: call it
        /// before `close()` all the same); returns its key.
        ///
        /// Python: `BaseSelector.unregister`. C: `epoll_ctl(EPOLL_CTL_DEL)` for EpollSelector
        /// (its error ignored, as CPython does).
        /// - Throws: `KeyError('<fileobj> is not registered')`, `ValueError('Invalid file object: ...')`.
        @discardableResult
        public func unregister<F>(_ fileobj: F) throws -> SelectorKey<File, Data> {
            guard let key = remove(try lookup(fileobj)) else {
                throw KeyError("\(render(fileobj, repr: true)) is not registered").from(nil)
            }
            try backendUnregister(key.fd)
            return key
        }

        /// `sel.modify(fileobj, events, data=None)`: changes the events waited for and the data
        /// (`data` left out is `None`, as in Python); returns the new key.
        ///
        /// Python: `BaseSelector.modify`. C: `epoll_ctl(EPOLL_CTL_MOD)` for EpollSelector.
        /// - Throws: `KeyError('<fileobj> is not registered')`; SelectSelector: `ValueError('Invalid
        ///   events: 0')` (Epoll and Poll selectors take any events here, as CPython's do).
        @discardableResult
        public func modify(_ fileobj: File, _ events: Int, _ data: Data? = nil) throws -> SelectorKey<File, Data> {
            guard let key = keys[try lookup(fileobj)] else {
                throw KeyError("\(render(fileobj, repr: true)) is not registered").from(nil)
            }
            return try backendModify(key, events, data, fileobj)
        }

        /// `sel.modify(fileobj, events, data=data)`: `modify` with `data` given by keyword.
        ///
        /// Python: `BaseSelector.modify(fileobj, events, data=...)`. C: `epoll_ctl(EPOLL_CTL_MOD)`.
        @discardableResult
        public func modify(_ fileobj: File, _ events: Int, data: Data?) throws -> SelectorKey<File, Data> {
            try modify(fileobj, events, data)
        }

        /// `sel.select(timeout=None)`: waits until some registered objects are ready, or
        /// `timeout` seconds pass (nil: forever; 0 or less: just looks); returns `(key, events)`
        /// for each ready one (`events` is what is ready among `key.events`), `[]` on timeout.
        ///
        /// Python: `BaseSelector.select`. C: `epoll_wait(2)`, `poll(2)`; retried with the time left
        /// after a signal. The timeout is rounded up to the millisecond.
        /// - Throws: `ValueError('I/O operation on closed epoll object')` after `close()`
        ///   (EpollSelector), `OverflowError('timeout is too large')` and CPython's other
        ///   messages for a NaN, infinite or huge timeout.
        public func select(_ timeout: Double? = nil) throws -> [(SelectorKey<File, Data>, Int)] {
            var ready: [(SelectorKey<File, Data>, Int)] = []
            for (fd, events) in try backendSelect(timeout) {
                if let key = keys[fd] { ready.append((key, events & key.events)) }
            }
            return ready
        }

        /// `sel.select(timeout=t)`: `select` with the timeout given by keyword.
        ///
        /// Python: `BaseSelector.select(timeout=...)`. C: `epoll_wait(2)`, `poll(2)`.
        public func select(timeout: Double?) throws -> [(SelectorKey<File, Data>, Int)] {
            try select(timeout)
        }

        /// `sel.close()`: forgets every registration and releases the selector's own
        /// descriptor (EpollSelector); the registered sockets stay open. Twice is harmless.
        ///
        /// Python: `BaseSelector.close`. C: `close(2)` of the epoll descriptor.
        public func close() {
            keys.removeAll()
            order.removeAll()
            closed = true
            backendClose()
        }

        /// `sel.get_key(fileobj)`: the key of a registered object.
        ///
        /// Python: `BaseSelector.get_key`.
        /// - Throws: `KeyError('<fileobj> is not registered')`, `RuntimeError('Selector is closed')`.
        public func get_key<F>(_ fileobj: F) throws -> SelectorKey<File, Data> {
            if closed { throw RuntimeError("Selector is closed") }
            do {
                return try get_map()[fileobj]
            } catch is KeyError {
                throw KeyError("\(render(fileobj, repr: true)) is not registered").from(nil)
            }
        }

        /// `sel.get_map()`: the registrations, a read-only mapping from objects to keys.
        ///
        /// Python: `BaseSelector.get_map`.
        ///
        /// Differs from CPython: after `close()` it is an empty mapping (CPython returns None).
        public func get_map() -> SelectorMapping<File, Data> { SelectorMapping(selector: self) }

        /// `with selectors.DefaultSelector() as sel:`: runs `body` with the selector and closes it
        /// on every exit, returning or throwing.
        ///
        /// Python: `BaseSelector.__enter__`/`__exit__`.
        @discardableResult
        public func with<Result>(_ body: (BaseSelector<File, Data>) throws -> Result) rethrows -> Result {
            defer { close() }
            return try body(self)
        }
    }

    /// `selectors.EpollSelector()`: a selector over `epoll(7)`, Linux's `DefaultSelector`.
    ///
    /// Python: `selectors.EpollSelector`. C: `epoll_create1(EPOLL_CLOEXEC)`.
    /// - Throws: `OSError` (EMFILE) when no descriptor is left.
    public final class EpollSelector<File, Data>: BaseSelector<File, Data>, @unchecked Sendable {
        private var epoll: Int32

        /// `selectors.EpollSelector()`, with the registered objects' type and the data's type
        /// written out: `selectors.EpollSelector<socket, (socket, Int) throws -> Void>()`.
        ///
        /// Python: `selectors.EpollSelector()`. C: `epoll_create1(EPOLL_CLOEXEC)`.
        public init() throws {
            switch SystemEpoll.create() {
            case .success(let fd): epoll = fd
            case .failure(let error): throw OSError.from(errno: error.code, SystemFiles.strerror(error.code))
            }
            super.init(backend: ())
        }

        deinit {
            if epoll >= 0 { SystemEpoll.close(epoll) }
        }

        /// `sel.fileno()`: the epoll descriptor.
        ///
        /// Python: `EpollSelector.fileno()`.
        /// - Throws: `ValueError('I/O operation on closed epoll object')` once closed.
        public func fileno() throws -> Int { Int(try open()) }

        private func open() throws -> Int32 {
            if epoll < 0 { throw ValueError("I/O operation on closed epoll object") }
            return epoll
        }

        private static func pollerEvents(_ events: Int) -> Int {
            (events & EVENT_READ != 0 ? SystemEpoll.readEvent : 0) | (events & EVENT_WRITE != 0 ? SystemEpoll.writeEvent : 0)
        }

        private func control(_ op: SystemEpoll.Operation, _ fd: Int, _ events: Int) throws {
            let epoll = try open()
            guard let small = Int32(exactly: fd) else { throw OverflowError("Python int too large to convert to C int") }
            if let error = SystemEpoll.control(epoll, op, small, Self.pollerEvents(events)) {
                throw OSError.from(errno: error.code, SystemFiles.strerror(error.code))
            }
        }

        override func backendRegister(_ fd: Int, _ events: Int) throws { try control(.add, fd, events) }

        override func backendUnregister(_ fd: Int) throws {
            do { try control(.delete, fd, 0) } catch is OSError {}
        }

        override func backendModify(_ key: SelectorKey<File, Data>, _ events: Int, _ data: Data?, _ fileobj: File) throws -> SelectorKey<File, Data> {
            if events != key.events {
                do {
                    try control(.modify, key.fd, events)
                } catch {
                    remove(key.fd)
                    throw error
                }
            }
            let changed = SelectorKey(key.fileobj, key.fd, events, data)
            store(changed)
            return changed
        }

        override func backendSelect(_ timeout: Double?) throws -> [(Int, Int)] {
            let milliseconds = try Timeouts.epoll(timeout)
            let epoll = try open()
            switch SystemEpoll.wait(epoll, maxEvents: keys.count, milliseconds: milliseconds) {
            case .success(let events):
                return events.map { fd, event in
                    (fd, (event & ~SystemEpoll.readEvent != 0 ? EVENT_WRITE : 0)
                        | (event & ~SystemEpoll.writeEvent != 0 ? EVENT_READ : 0))
                }
            case .failure(let error):
                throw OSError.from(errno: error.code, SystemFiles.strerror(error.code))
            }
        }

        override func backendClose() {
            if epoll >= 0 { SystemEpoll.close(epoll) }
            epoll = -1
        }
    }

    /// `selectors.PollSelector()`: a selector over `poll(2)`.
    ///
    /// Python: `selectors.PollSelector`. C: `poll(2)`.
    public final class PollSelector<File, Data>: BaseSelector<File, Data>, @unchecked Sendable {
        /// The descriptors given to poll(2), in registration order, with their poll events.
        private var polled: [(fd: Int32, events: Int16)] = []

        /// `selectors.PollSelector()`, with the registered objects' type and the data's type
        /// written out where they are not `socket` and `Any`.
        ///
        /// Python: `selectors.PollSelector()`. C: none.
        public init() { super.init(backend: ()) }

        private static func pollerEvents(_ events: Int) -> Int16 {
            (events & EVENT_READ != 0 ? SystemFiles.pollIn : 0) | (events & EVENT_WRITE != 0 ? SystemFiles.pollOut : 0)
        }

        override func backendRegister(_ fd: Int, _ events: Int) throws {
            guard let small = Int32(exactly: fd) else { throw OverflowError("Python int too large to convert to C int") }
            polled.append((small, Self.pollerEvents(events)))
        }

        override func backendUnregister(_ fd: Int) throws {
            polled.removeAll { Int($0.fd) == fd }
        }

        override func backendModify(_ key: SelectorKey<File, Data>, _ events: Int, _ data: Data?, _ fileobj: File) throws -> SelectorKey<File, Data> {
            if let index = polled.firstIndex(where: { Int($0.fd) == key.fd }) {
                polled[index].events = Self.pollerEvents(events)
            }
            let changed = SelectorKey(key.fileobj, key.fd, events, data)
            store(changed)
            return changed
        }

        override func backendSelect(_ timeout: Double?) throws -> [(Int, Int)] {
            let seconds = try Timeouts.poll(timeout)
            switch SystemFiles.poll(polled, timeout: seconds) {
            case .success(let revents):
                var ready: [(Int, Int)] = []
                for (entry, event) in zip(polled, revents) where event != 0 {
                    ready.append((Int(entry.fd), (event & ~SystemFiles.pollIn != 0 ? EVENT_WRITE : 0)
                        | (event & ~SystemFiles.pollOut != 0 ? EVENT_READ : 0)))
                }
                return ready
            case .failure(let error):
                throw OSError.from(errno: error.code, SystemFiles.strerror(error.code))
            }
        }

        override func backendClose() { polled.removeAll() }
    }

    /// `selectors.SelectSelector()`: a selector with `select(2)`'s rules (descriptors below 1024).
    ///
    /// Python: `selectors.SelectSelector`. C: `poll(2)`.
    ///
    /// Differs from CPython: waits with `poll(2)` (as PyBuiltins' `select.select` does), so a
    /// timeout past 24 days returns empty after 24 days; a descriptor that is not open raises
    /// `OSError(EBADF)` from `select`.
    public final class SelectSelector<File, Data>: BaseSelector<File, Data>, @unchecked Sendable {
        private var readers: Set<Int> = []
        private var writers: Set<Int> = []

        /// `selectors.SelectSelector()`, with the registered objects' type and the data's type
        /// written out where they are not `socket` and `Any`.
        ///
        /// Python: `selectors.SelectSelector()`. C: none.
        public init() { super.init(backend: ()) }

        override func backendRegister(_ fd: Int, _ events: Int) throws {
            if events & EVENT_READ != 0 { readers.insert(fd) }
            if events & EVENT_WRITE != 0 { writers.insert(fd) }
        }

        override func backendUnregister(_ fd: Int) throws {
            readers.remove(fd)
            writers.remove(fd)
        }

        override func backendSelect(_ timeout: Double?) throws -> [(Int, Int)] {
            let seconds = try Timeouts.select(timeout)
            var entries: [(fd: Int32, events: Int16)] = []
            for fd in readers.union(writers).sorted() {
                guard fd < 1024, let small = Int32(exactly: fd) else {
                    throw ValueError("filedescriptor out of range in select()")
                }
                entries.append((small, (readers.contains(fd) ? SystemFiles.pollIn : 0) | (writers.contains(fd) ? SystemFiles.pollOut : 0)))
            }
            let revents: [Int16]
            switch SystemFiles.poll(entries, timeout: seconds) {
            case .success(let result): revents = result
            case .failure(let error): throw OSError.from(errno: error.code, SystemFiles.strerror(error.code))
            }
            if revents.contains(where: { $0 & SystemFiles.pollNval != 0 }) {
                let ebadf = 9
                throw OSError.from(errno: ebadf, SystemFiles.strerror(ebadf))
            }
            var ready: [(Int, Int)] = []
            for (entry, event) in zip(entries, revents) {
                let fd = Int(entry.fd)
                let readable = readers.contains(fd) && event & (SystemFiles.pollIn | SystemFiles.pollHup | SystemFiles.pollErr) != 0
                let writable = writers.contains(fd) && event & (SystemFiles.pollOut | SystemFiles.pollErr) != 0
                if readable || writable { ready.append((fd, (readable ? EVENT_READ : 0) | (writable ? EVENT_WRITE : 0))) }
            }
            return ready
        }
    }

    /// CPython's `_fileobj_to_fd`: the descriptor of an int or of an object with `fileno()`.
    static func fileobjToFD<F>(_ fileobj: F) throws -> Int {
        let fd: Int
        switch fileobj as Any {
        case let number as Int: fd = number
        case let number as Int32: fd = Int(number)
        case let file as any HasFileno:
            do {
                fd = Int(try file.fileno())
            } catch is ValueError {
                throw ValueError("Invalid file object: \(render(fileobj, repr: true))").from(nil)
            } catch is TypeError {
                throw ValueError("Invalid file object: \(render(fileobj, repr: true))").from(nil)
            }
        default:
            throw ValueError("Invalid file object: \(render(fileobj, repr: true))").from(nil)
        }
        if fd < 0 { throw ValueError("Invalid file descriptor: \(fd)") }
        return fd
    }

    /// Each selector's conversion of `select`'s timeout, with CPython's errors.
    enum Timeouts {
        static let int64Limit = 9.223372036854775807e18
        static let intMax = 2147483647.0

        /// Milliseconds rounded up (`math.ceil(timeout * 1e3)`), as the poll-like selectors compute them.
        static func ceilMilliseconds(_ timeout: Double) throws -> Double {
            let scaled = timeout * 1e3
            if scaled.isNaN { throw ValueError("cannot convert float NaN to integer") }
            if scaled.isInfinite { throw OverflowError("cannot convert float infinity to integer") }
            return scaled.rounded(.up)
        }

        /// EpollSelector: -1 for nil, 0 for 0 or less, else milliseconds rounded up.
        static func epoll(_ timeout: Double?) throws -> Int32 {
            guard let timeout else { return -1 }
            if timeout <= 0 { return 0 }
            let milliseconds = try ceilMilliseconds(timeout)
            if milliseconds * 1e-3 * 1e9 >= int64Limit { throw OverflowError("timestamp out of range for platform time_t") }
            guard milliseconds <= intMax, let value = Int32(exactly: milliseconds) else {
                throw OverflowError("timeout is too large")
            }
            return value
        }

        /// PollSelector: nil, 0 for 0 or less, else milliseconds rounded up, as seconds.
        static func poll(_ timeout: Double?) throws -> Double? {
            guard let timeout else { return nil }
            if timeout <= 0 { return 0 }
            let milliseconds = try ceilMilliseconds(timeout)
            if milliseconds * 1e6 >= int64Limit { throw OverflowError("timestamp too large to convert to C PyTime_t") }
            if milliseconds > intMax { throw OverflowError("timeout is too large") }
            return milliseconds / 1e3
        }

        /// SelectSelector: nil, or `max(timeout, 0)` in seconds.
        static func select(_ timeout: Double?) throws -> Double? {
            guard let timeout else { return nil }
            if timeout.isNaN { throw ValueError("Invalid value NaN (not a number)") }
            let seconds = Swift.max(timeout, 0)
            if seconds * 1e9 >= int64Limit { throw OverflowError("timestamp out of range for platform time_t") }
            return seconds
        }
    }
}

extension selectors.EpollSelector where File == socket, Data == Any {
    /// `selectors.EpollSelector()` holding sockets and any data (`key.data` is `Any?`).
    ///
    /// Python: `selectors.EpollSelector()`. C: `epoll_create1(EPOLL_CLOEXEC)`.
    public convenience init() throws { try self.init(sockets: ()) }
}

extension selectors.EpollSelector {
    convenience init(sockets: Void) throws { try self.init() }
}

extension selectors.PollSelector where File == socket, Data == Any {
    /// `selectors.PollSelector()` holding sockets and any data (`key.data` is `Any?`).
    ///
    /// Python: `selectors.PollSelector()`. C: none.
    public convenience init() { self.init(sockets: ()) }
}

extension selectors.PollSelector {
    convenience init(sockets: Void) { self.init() }
}

extension selectors.SelectSelector where File == socket, Data == Any {
    /// `selectors.SelectSelector()` holding sockets and any data (`key.data` is `Any?`).
    ///
    /// Python: `selectors.SelectSelector()`. C: none.
    public convenience init() { self.init(sockets: ()) }
}

extension selectors.SelectSelector {
    convenience init(sockets: Void) { self.init() }
}

extension socket: selectors.HasFileno {}
extension SocketIO: selectors.HasFileno {}
extension SocketFile: selectors.HasFileno {}

/// `len(sel.get_map())`: the number of registrations.
///
/// Python: `len(mapping)`.
public func len<File, Data>(_ mapping: selectors.SelectorMapping<File, Data>) -> Int { mapping.selector.order.count }

extension selectors.SelectorKey: Equatable where File: Equatable, Data: Equatable {
    /// `key1 == key2`: the same object, descriptor, events and data, as namedtuples compare.
    ///
    /// Python: `tuple.__eq__`.
    public static func == (a: Self, b: Self) -> Bool {
        a.fileobj == b.fileobj && a.fd == b.fd && a.events == b.events && a.data == b.data
    }
}
