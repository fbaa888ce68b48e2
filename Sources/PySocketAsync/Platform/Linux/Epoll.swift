// The epoll backend: readiness turned into completions, level-triggered registrations kept while waiters come back, woken by an eventfd.
#if os(Linux)
import Glibc
import CPySocket
import PySocket

/// Readiness over `epoll(7)`, level-triggered. A descriptor is registered for the events its
/// waiters want and stays registered while they come back (an echo loop's receive re-arms
/// nothing): an event nobody waits for unregisters that event (`EPOLL_CTL_MOD`, or
/// `EPOLL_CTL_DEL` when none is left), so a socket left alone does not wake the loop twice.
/// Registrations are removed before their socket closes, so none outlives its descriptor.
///
/// The backend also guesses whether a call is worth trying first (`worthTrying`): a read that
/// came back short, or EAGAIN, means the next one would likely block, so the loop waits first
/// and saves the failing call; the guess costs at most one loop turn when wrong, since a
/// level-triggered registration reports a descriptor that is already ready at once.
///
/// C: `epoll_create1(2)`, `epoll_ctl(2)`, `epoll_wait(2)`, `eventfd(2)`.
final class EpollBackend: ReadinessGuessing {
    let completesIO = false
    /// `wait` finishes each descriptor's bookkeeping before delivering its waiters, and reads
    /// only `epoll_wait`'s buffer across deliveries.
    let reentrantDelivery = true
    let kind = asyncio.Backend.epoll
    let storage = ReadinessStorage()
    private let epoll: Int32
    private let wake: Int32
    /// `epoll_wait`'s buffer (a pointer, not an array in a stored `var`: no exclusivity check
    /// per event).
    private let events: UnsafeMutableBufferPointer<epoll_event>
    /// Marks the eventfd in `epoll_event.data`.
    private static let wakeMark = UInt64.max

    init() throws(Errno) {
        let epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        if epoll < 0 { throw Errno.current }
        let wake: Int32
        do { wake = try System.eventfd() } catch { Glibc.close(epoll); throw error }
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = EpollBackend.wakeMark
        if epoll_ctl(epoll, EPOLL_CTL_ADD, wake, &event) != 0 {
            let error = Errno.current
            Glibc.close(epoll); Glibc.close(wake)
            throw error
        }
        self.epoll = epoll
        self.wake = wake
        events = UnsafeMutableBufferPointer<epoll_event>.allocate(capacity: 256)
        events.initialize(repeating: epoll_event())
        storage.table.pointee.tracksActive = false
    }

    deinit {
        events.deallocate()
    }

    func submit(_ token: UInt64, _ request: IORequest) throws(Errno) {
        switch request {
        case .recv, .send, .accept, .connect:
            throw Errno(EINVAL)
        case .poll(let fd, let event):
            let wanted = table.pointee.add(token, fd: fd, readable: event == .readable)
            let current = table.pointee.armed(fd)
            // Registered for it already (kept from the last wait): nothing to tell the kernel.
            if current.registered && current.events & wanted == wanted { return }
            do { try arm(fd, current.events | wanted) } catch {
                _ = table.pointee.remove(token, fd: fd)
                throw error
            }
        }
    }

    /// Registers `fd` for exactly `events` (`Readiness` bits; 0: unregisters it).
    private func arm(_ fd: Int32, _ events: UInt8) throws(Errno) {
        let current = table.pointee.armed(fd)
        if events == 0 {
            if current.registered {
                var event = epoll_event()
                _ = epoll_ctl(epoll, EPOLL_CTL_DEL, fd, &event)
            }
            table.pointee.setArmed(fd, 0, registered: false)
            return
        }
        var event = epoll_event()
        event.events = (events & Readiness.readable != 0 ? EPOLLIN.rawValue : 0)
            | (events & Readiness.writable != 0 ? EPOLLOUT.rawValue : 0)
        event.data.u64 = UInt64(UInt32(bitPattern: fd))
        if current.registered {
            if epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &event) != 0 {
                // The descriptor left the interest list behind our back (closed elsewhere and
                // its number reused): add it afresh.
                guard Errno.current.rawValue == ENOENT else { throw Errno.current }
                if epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) != 0 { throw Errno.current }
            }
        } else if epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) != 0 {
            guard Errno.current.rawValue == EEXIST else { throw Errno.current }
            if epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &event) != 0 { throw Errno.current }
        }
        table.pointee.setArmed(fd, events, registered: true)
    }

    func cancel(_ token: UInt64, fd: Int32) -> Bool {
        // Still registered for it: an event that finds nobody unregisters it then.
        _ = table.pointee.remove(token, fd: fd)
        return true
    }

    func renew(_ fd: Int32) {
        // A registration left by a socket closed behind the loop's back: drop it (armed afresh).
        if table.pointee.armed(fd).registered {
            var event = epoll_event()
            _ = epoll_ctl(epoll, EPOLL_CTL_DEL, fd, &event)
        }
        table.pointee.resetState(fd)
    }

    func cancelAll(fd: Int32, _ body: (UInt64, Bool) -> Void) {
        if table.pointee.armed(fd).registered {
            var event = epoll_event()
            _ = epoll_ctl(epoll, EPOLL_CTL_DEL, fd, &event)
        }
        table.pointee.resetState(fd)
        table.pointee.removeAll(fd: fd) { body($0, true) }
    }

    func wait(timeout: UInt64?, _ deliver: (UInt64, Int32) -> Void) throws(Errno) {
        let milliseconds: Int32 = timeout.map { Int32(clamping: ($0 + 999_999) / 1_000_000) } ?? -1
        let count = epoll_wait(epoll, events.baseAddress, Int32(events.count), milliseconds)
        if count < 0 {
            let error = Errno.current
            if error.rawValue == EINTR { return }
            throw error
        }
        for index in 0..<Int(count) {
            let event = events[index]
            if event.data.u64 == EpollBackend.wakeMark {
                System.drain(eventfd: wake)
                continue
            }
            let fd = Int32(truncatingIfNeeded: event.data.u64)
            var bits: UInt8 = 0
            if event.events & EPOLLIN.rawValue != 0 { bits |= Readiness.readable }
            if event.events & EPOLLOUT.rawValue != 0 { bits |= Readiness.writable }
            if event.events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 { bits |= Readiness.failed }
            let reported = bits & Readiness.failed != 0 ? Readiness.readable | Readiness.writable : bits
            table.pointee.setReady(fd, reported, true)
            let waiting = table.pointee.wanted(fd)
            let result = Int32(bitPattern: event.events)
            let woken = table.pointee.take(fd: fd, events: bits)
            // Reported with nobody waiting for it: stop the kernel reporting it again.
            let idle = reported & ~waiting
            let armed = table.pointee.armed(fd)
            if armed.registered, armed.events & idle != 0 || (bits & Readiness.failed != 0 && waiting == 0) {
                let keep = bits & Readiness.failed != 0 && waiting == 0 ? 0 : armed.events & ~idle
                try? arm(fd, keep)
            }
            // Last: a delivery may run the woken task at once (`reentrantDelivery`), which
            // waits again on this descriptor and so changes its entry.
            woken.deliver { deliver($0, result) }
        }
    }

    func wakeup() {
        System.signal(eventfd: wake)
    }

    func close() {
        System.close(wake)
        System.close(epoll)
    }
}
#endif
