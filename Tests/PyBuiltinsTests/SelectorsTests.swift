// selectors (Epoll, Poll and Select selectors) and types.SimpleNamespace against the real kernel; expected texts from CPython 3.13.
import Glibc
import PyBuiltins
import PySocket
import Synchronization
import Testing
import TestSupport

/// One selector of each class, holding `File` objects and `Data`.
enum SelectorClass: String, CaseIterable, Sendable {
    case epoll = "EpollSelector", poll = "PollSelector", select = "SelectSelector"

    func make<File, Data>(_ file: File.Type, _ data: Data.Type) throws -> selectors.BaseSelector<File, Data> {
        switch self {
        case .epoll: return try selectors.EpollSelector<File, Data>()
        case .poll: return selectors.PollSelector<File, Data>()
        case .select: return selectors.SelectSelector<File, Data>()
        }
    }
}

/// Whether `fd` is an open descriptor (`fcntl(F_GETFD)`); the fd accounting of `.fdBalanced`
/// ignores epoll descriptors, so the epoll selector's are checked by number.
private func isOpen(_ fd: Int) -> Bool { fcntl(Int32(fd), F_GETFD) != -1 }

/// The signals the EINTR test's handler has seen.
private let interruptions = Atomic<Int>(0)

@Suite("selectors and types.SimpleNamespace", .fdBalanced)
struct SelectorsTests {
    @Test("DefaultSelector is EpollSelector; EVENT_READ 1, EVENT_WRITE 2; its epoll fd is released by close")
    func defaultSelector() throws {
        let sel = try selectors.DefaultSelector()
        #expect(type(sel).__name__ == "EpollSelector")
        #expect(selectors.EVENT_READ == 1 && selectors.EVENT_WRITE == 2)
        let fd = try sel.fileno()
        #expect(fd >= 0 && isOpen(fd))
        sel.close()
        #expect(!isOpen(fd))
        expectOutcome("ValueError: I/O operation on closed epoll object") { try sel.fileno() }
        sel.close()  // twice is harmless
        let dropped = try selectors.EpollSelector<Int, Never>().fileno()
        #expect(!isOpen(dropped))  // deinit closes it
    }

    @Test("SelectorKey ==: a key equals the one get_key and select return for it, as CPython's namedtuples compare", arguments: SelectorClass.allCases)
    func keyEquality(_ kind: SelectorClass) throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let sel = try kind.make(socket.self, String.self)
        defer { sel.close() }
        let key = try sel.register(a, selectors.EVENT_READ, "reader")
        try b.sendall("x")
        let ready = try sel.select(1)
        // python3.13: key == sel.get_key(a) == sel.select(1)[0][0] -> True; a key with other data -> False
        let got = try sel.get_key(a)
        #expect(ready.count == 1 && ready[0].0 == key && got == key)
        #expect(key != selectors.SelectorKey(a, key.fd, key.events, "writer"))
        #expect(key != selectors.SelectorKey(b, key.fd, key.events, "reader"))
        #expect(key == selectors.SelectorKey(a, Int(a.fileno()), selectors.EVENT_READ, "reader"))
    }

    @Test("a key prints as CPython's namedtuple; register's errors and messages", arguments: SelectorClass.allCases)
    func registerErrors(_ kind: SelectorClass) throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let sel = try kind.make(socket.self, Any.self)
        defer { sel.close() }
        let fa = a.fileno(), fb = b.fileno()
        let key = try sel.register(a, selectors.EVENT_READ)
        #expect(repr(key) == "SelectorKey(fileobj=<socket.socket fd=\(fa), family=1, type=1, proto=0>, fd=\(fa), events=1, data=None)")
        #expect(str(key) == repr(key) && key.fileobj === a && key.fd == Int(fa) && key.events == 1 && key.data == nil)
        expectOutcome("KeyError: '<socket.socket fd=\(fa), family=1, type=1, proto=0> (FD \(fa)) is already registered'") {
            try sel.register(a, selectors.EVENT_READ)
        }
        for events in [0, 4, -1] {
            expectOutcome("ValueError: Invalid events: \(events)") { try sel.register(b, events) }
        }
        expectOutcome("KeyError: '<socket.socket fd=\(fb), family=1, type=1, proto=0> is not registered'") { try sel.unregister(b) }
        expectOutcome("KeyError: '<socket.socket fd=\(fb), family=1, type=1, proto=0> is not registered'") { try sel.modify(b, 1) }
        expectOutcome("KeyError: '<socket.socket fd=\(fb), family=1, type=1, proto=0> is not registered'") { try sel.get_key(b) }
        expectOutcome("KeyError: '\(fb) is not registered'") { try sel.unregister(Int(fb)) }
        expectOutcome("KeyError: '\(fb) is not registered'") { try sel.get_key(Int(fb)) }
        expectOutcome("ValueError: Invalid file descriptor: -5") { try sel.get_key(-5) }
        expectOutcome("ValueError: Invalid file descriptor: -5") { try sel.unregister(-5) }
        expectOutcome("None") { try sel.get_map().get(Int(fb)) }

        let any = try kind.make(Any.self, Any.self)
        defer { any.close() }
        expectOutcome("ValueError: Invalid file object: 'x'") { try any.register("x", 1) }
        expectOutcome("ValueError: Invalid file object: 3.5") { try any.register(3.5, 1) }
        expectOutcome("ValueError: Invalid file object: None") { try any.register(nil as Int? as Any, 1) }
        expectOutcome("ValueError: Invalid file descriptor: -1") { try any.register(-1, 1) }
        let intKey = try any.register(Int(fb), selectors.EVENT_WRITE, data: "d")
        #expect(repr(intKey) == "SelectorKey(fileobj=\(fb), fd=\(fb), events=2, data='d')")
        expectOutcome("KeyError: '\(fb) (FD \(fb)) is already registered'") { try any.register(Int(fb), 1) }
    }

    @Test("a closed socket: registering raises Invalid file descriptor: -1; one registered before closing unregisters", arguments: SelectorClass.allCases)
    func closedSockets(_ kind: SelectorClass) throws {
        let sel = try kind.make(socket.self, Any.self)
        defer { sel.close() }
        let c = try socket.socket()
        c.close()
        expectOutcome("ValueError: Invalid file descriptor: -1") { try sel.register(c, 1) }
        let d = try socket.socket()
        let fd = d.fileno()
        try sel.register(d, selectors.EVENT_READ)
        d.close()
        let key = try sel.unregister(d)
        #expect(repr(key) == "SelectorKey(fileobj=<socket.socket [closed] fd=-1, family=2, type=1, proto=0>, fd=\(fd), events=1, data=None)")
        #expect(len(sel.get_map()) == 0)
        expectOutcome("ValueError: Invalid file descriptor: -1") { try sel.unregister(d) }
    }

    @Test("a socket closed while registered: epoll forgets it, poll reports it readable, select raises EBADF", arguments: SelectorClass.allCases)
    func closedWhileRegistered(_ kind: SelectorClass) throws {
        let (a, b) = try socket.socketpair()
        defer { b.close() }
        let sel = try kind.make(socket.self, Any.self)
        defer { sel.close() }
        try sel.register(a, selectors.EVENT_READ)
        try sel.register(b, selectors.EVENT_WRITE)
        let fd = Int(a.fileno())
        a.close()
        // python3.13: Epoll [(False, 2)], Poll [(True, 1), (False, 2)], Select OSError(9, 'Bad file descriptor')
        switch kind {
        case .epoll: expectOutcome("[(False, 2)]") { try sel.select(0).map { ($0.0.fd == fd, $0.1) } }
        case .poll: expectOutcome("[(True, 1), (False, 2)]") { try sel.select(0).map { ($0.0.fd == fd, $0.1) } }
        case .select: expectOutcome("OSError: [Errno 9] Bad file descriptor") { try sel.select(0) }
        }
        #expect(try sel.unregister(a).fd == fd)
    }

    @Test("select: (key, events) of the ready ones, masked by key.events; [] on timeout after the timeout", arguments: SelectorClass.allCases)
    func selectReadiness(_ kind: SelectorClass) throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let sel = try kind.make(socket.self, String.self)
        defer { sel.close() }
        try sel.register(a, selectors.EVENT_READ, "a")
        try sel.register(b, selectors.EVENT_READ | selectors.EVENT_WRITE, data: "b")
        var ready = try sel.select(1.0)
        #expect(ready.map { "\($0.0.data!) \($0.1)" } == ["b 2"])
        _ = try b.send("x")
        ready = try sel.select(timeout: 1.0)
        #expect(Set(ready.map { "\($0.0.data!) \($0.1)" }) == ["a 1", "b 2"])
        try sel.modify(b, selectors.EVENT_READ, "b2")
        #expect(try sel.get_key(b).data == "b2")
        _ = try a.recv(10)
        let start = time.monotonic()
        #expect(try sel.select(0.05).isEmpty)
        #expect(time.monotonic() - start >= 0.05)
        #expect(try sel.select(-1).isEmpty)  // a negative timeout only looks, as 0 does
        #expect(try sel.select(0).isEmpty)
        try a.shutdown(socket.SHUT_WR)  // the peer's end of stream is readable
        ready = try sel.select(1.0)
        #expect(ready.count == 1 && ready[0].0.fileobj === b && ready[0].1 == selectors.EVENT_READ)
        let map = sel.get_map()
        #expect(len(map) == 2 && map.contains(b) && map.contains(Int(b.fileno())) && list(map).last == Int(b.fileno()))
        #expect(try map[b].data == "b2" && map.keys().count == 2 && map.values().count == 2 && map.items()[1].0 == Int(b.fileno()))
    }

    @Test("modify: Epoll and Poll selectors take any events (as CPython's); SelectSelector raises and forgets the object", arguments: SelectorClass.allCases)
    func modifyEvents(_ kind: SelectorClass) throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let sel = try kind.make(socket.self, Any.self)
        defer { sel.close() }
        try sel.register(a, selectors.EVENT_READ)
        let fa = a.fileno()
        if kind == .select {
            expectOutcome("ValueError: Invalid events: 0") { try sel.modify(a, 0) }
            #expect(len(sel.get_map()) == 0)
        } else {
            expectOutcome("SelectorKey(fileobj=<socket.socket fd=\(fa), family=1, type=1, proto=0>, fd=\(fa), events=0, data=None)") {
                try sel.modify(a, 0)
            }
            expectOutcome("SelectorKey(fileobj=<socket.socket fd=\(fa), family=1, type=1, proto=0>, fd=\(fa), events=3, data=None)") {
                try sel.modify(a, 3)
            }
            #expect(try sel.select(0).map(\.1) == [2])
        }
    }

    @Test("timeouts: CPython's errors for NaN, infinite and huge timeouts, per selector", arguments: SelectorClass.allCases)
    func timeoutErrors(_ kind: SelectorClass) throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        _ = try b.send("x")
        let sel = try kind.make(socket.self, Any.self)
        defer { sel.close() }
        try sel.register(a, selectors.EVENT_READ)
        let timeouts: [Double] = [2147483.0, 2147483.647, 2147483.648, 2147484.0, 3e6, 9.2e9, 9.3e9, 1e10, 2147483648, 1099511627776,
                                  -1e300, -.infinity, 1e-300, 0.0001]
        let outcomes = timeouts.map { timeout -> String in
            do {
                _ = try sel.select(timeout)
                return "ok"
            } catch let error as BaseException {
                return type(error).__name__ + ":" + str(error)
            } catch {
                return "\(error)"
            }
        }
        // python3.13: for t in timeouts: cls().select(t) with a readable socket registered
        switch kind {
        case .epoll:
            #expect(outcomes == ["ok", "ok", "OverflowError:timeout is too large", "OverflowError:timeout is too large", "OverflowError:timeout is too large", "OverflowError:timeout is too large", "OverflowError:timestamp out of range for platform time_t", "OverflowError:timestamp out of range for platform time_t", "OverflowError:timeout is too large", "OverflowError:timestamp out of range for platform time_t", "ok", "ok", "ok", "ok"])
            expectOutcome("OverflowError: cannot convert float infinity to integer") { try sel.select(.infinity) }
            expectOutcome("ValueError: cannot convert float NaN to integer") { try sel.select(.nan) }
        case .poll:
            #expect(outcomes == ["ok", "ok", "OverflowError:timeout is too large", "OverflowError:timeout is too large", "OverflowError:timeout is too large", "OverflowError:timeout is too large", "OverflowError:timestamp too large to convert to C PyTime_t", "OverflowError:timestamp too large to convert to C PyTime_t", "OverflowError:timeout is too large", "OverflowError:timestamp too large to convert to C PyTime_t", "ok", "ok", "ok", "ok"])
            expectOutcome("OverflowError: cannot convert float infinity to integer") { try sel.select(.infinity) }
            expectOutcome("ValueError: cannot convert float NaN to integer") { try sel.select(.nan) }
        case .select:
            #expect(outcomes == ["ok", "ok", "ok", "ok", "ok", "ok", "OverflowError:timestamp out of range for platform time_t", "OverflowError:timestamp out of range for platform time_t", "ok", "OverflowError:timestamp out of range for platform time_t", "ok", "ok", "ok", "ok"])
            expectOutcome("OverflowError: timestamp out of range for platform time_t") { try sel.select(.infinity) }
            expectOutcome("ValueError: Invalid value NaN (not a number)") { try sel.select(.nan) }
        }
    }

    @Test("after close(): EpollSelector raises ValueError on select and register; get_key raises RuntimeError; with closes", arguments: SelectorClass.allCases)
    func closedSelector(_ kind: SelectorClass) throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let sel = try kind.make(socket.self, Any.self)
        let fa = a.fileno()
        try sel.with { sel in
            try sel.register(a, selectors.EVENT_READ)
        }
        #expect(len(sel.get_map()) == 0)
        expectOutcome("RuntimeError: Selector is closed") { try sel.get_key(a) }
        expectOutcome("KeyError: '<socket.socket fd=\(fa), family=1, type=1, proto=0> is not registered'") { try sel.unregister(a) }
        expectOutcome("KeyError: '<socket.socket fd=\(fa), family=1, type=1, proto=0> is not registered'") { try sel.modify(a, 1) }
        if kind == .epoll {
            expectOutcome("ValueError: I/O operation on closed epoll object") { try sel.select(0) }
            expectOutcome("ValueError: I/O operation on closed epoll object") { try sel.register(b, 1) }
            #expect(len(sel.get_map()) == 0)
        } else {
            expectOutcome("[]") { try sel.select(0) }
            expectOutcome("SelectorKey(fileobj=<socket.socket fd=\(b.fileno()), family=1, type=1, proto=0>, fd=\(b.fileno()), events=1, data=None)") {
                try sel.register(b, 1)
            }
        }
        sel.close()
    }

    @Test("EpollSelector: an fd that is not open raises EBADF and is not left registered; SelectSelector: fds from 1024 raise")
    func systemErrors() throws {
        let sel = try selectors.EpollSelector<Int, Any>()
        defer { sel.close() }
        let unused = 1000
        #expect(openDescriptors()[Int32(unused)] == nil)
        expectOutcome("OSError: [Errno 9] Bad file descriptor") { try sel.register(unused, 1) }
        expectOutcome("KeyError: '1000 is not registered'") { try sel.unregister(unused) }
        expectOutcome("OverflowError: Python int too large to convert to C int") { try sel.register(1 << 40, 1) }
        let old = selectors.SelectSelector<Int, Any>()
        expectOutcome("SelectorKey(fileobj=2000, fd=2000, events=1, data=None)") { try old.register(2000, 1) }
        expectOutcome("ValueError: filedescriptor out of range in select()") { try old.select(0) }
    }

    @Test("a makefile object registers by its fileno(); a closed one is an invalid file object")
    func fileObjects() throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let sel = try selectors.DefaultSelector<any selectors.HasFileno, Any>()
        defer { sel.close() }
        let f: SocketFile<bytes> = try a.makefile("rb")
        let fa = a.fileno()
        expectOutcome("SelectorKey(fileobj=<_io.BufferedReader name=\(fa)>, fd=\(fa), events=1, data=None)") { try sel.register(f, 1) }
        expectOutcome("KeyError: '<socket.socket fd=\(fa), family=1, type=1, proto=0> (FD \(fa)) is already registered'") {
            try sel.register(a, 1)
        }
        _ = try b.send("line\n")
        #expect(try sel.select(1.0).count == 1)
        try sel.unregister(f)
        try f.close()
        expectOutcome("ValueError: Invalid file object: <_io.BufferedReader name=-1>") { try sel.register(f, 1) }
    }

    @Test("select is retried after a signal, with the time left (PEP 475)", .serialized, arguments: SelectorClass.allCases)
    func interruptedSelect(_ kind: SelectorClass) throws {
        let (a, b) = try socket.socketpair()
        defer { a.close(); b.close() }
        let sel = try kind.make(socket.self, Any.self)
        defer { sel.close() }
        try sel.register(a, selectors.EVENT_READ)
        let signal = __libc_current_sigrtmin()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptions.wrappingAdd(1, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: the wait fails with EINTR
        sigaction(signal, &action, nil)  // left installed: it only counts
        // The test runner's threads may block signals: let this one take it while it waits.
        var set = sigset_t()
        var blocked = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        pthread_sigmask(SIG_UNBLOCK, &set, &blocked)
        defer { pthread_sigmask(SIG_SETMASK, &blocked, nil) }
        let before = interruptions.load(ordering: .relaxed)
        let target = pthread_self()
        let thread = threading.Thread(target: {
            for _ in 0..<10 {
                try time.sleep(0.02)
                pthread_kill(target, signal)
            }
        })
        try thread.start()
        let start = time.monotonic()
        let ready = try sel.select(0.4)
        let elapsed = time.monotonic() - start
        try thread.join()
        #expect(ready.isEmpty)
        #expect(elapsed >= 0.4 && elapsed < 2)
        #expect(interruptions.load(ordering: .relaxed) - before >= 5)
    }

    @Test("types.SimpleNamespace prints as CPython's namespace(...); its fields are read and written by name, by reference")
    func simpleNamespace() throws {
        let ns = types.SimpleNamespace((addr: ("127.0.0.1", 5000), inb: "" as bytes, outb: "" as bytes))
        // python3.13: print(types.SimpleNamespace(addr=("127.0.0.1", 5000), inb=b"", outb=b""))
        #expect(str(ns) == "namespace(addr=('127.0.0.1', 5000), inb=b'', outb=b'')")
        #expect(repr(ns) == str(ns))
        let same = ns
        same.inb += "hi"
        #expect(str(ns) == "namespace(addr=('127.0.0.1', 5000), inb=b'hi', outb=b'')")
        #expect(str(types.SimpleNamespace()) == "namespace()")
        let mixed = types.SimpleNamespace((name: "a", n: 1, flag: true, none: nil as Int?, items: [1.5, 2]))
        // python3.13: types.SimpleNamespace(name="a", n=1, flag=True, none=None, items=[1.5, 2.0])
        #expect(str(mixed) == "namespace(name='a', n=1, flag=True, none=None, items=[1.5, 2.0])")
    }
}
