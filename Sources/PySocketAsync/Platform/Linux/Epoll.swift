// The epoll backend: readiness turned into completions, one-shot registration, woken by an eventfd.
#if os(Linux)
import Glibc
import CPySocket
import PySocket

/// Readiness over `epoll(7)`. Each descriptor is registered once with `EPOLLONESHOT` and
/// re-armed (`EPOLL_CTL_MOD`) only while someone waits on it; it is removed (`EPOLL_CTL_DEL`)
/// before its socket closes, so no registration outlives its descriptor.
///
/// C: `epoll_create1(2)`, `epoll_ctl(2)`, `epoll_wait(2)`, `eventfd(2)`.
final class EpollBackend: IOBackend {
    let completesIO = false
    let kind = asyncio.Backend.epoll
    private let storage = ReadinessStorage()
    @inline(__always) private var table: UnsafeMutablePointer<ReadinessTable> { storage.table }
    private let epoll: Int32
    private let wake: Int32
    private var events: [epoll_event]
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
        self.events = [epoll_event](repeating: epoll_event(), count: 256)
    }

    func submit(_ token: UInt64, _ request: IORequest) throws(Errno) {
        switch request {
        case .recv, .send, .accept, .connect:
            throw Errno(EINVAL)
        case .poll(let fd, let event):
            let wanted = table.pointee.add(token, fd: fd, readable: event == .readable)
            do { try arm(fd, wanted) } catch {
                _ = table.pointee.remove(token, fd: fd)
                throw error
            }
        }
    }

    /// Arms `fd` for `wanted` unless it already is.
    private func arm(_ fd: Int32, _ wanted: UInt8) throws(Errno) {
        let current = table.pointee.armed(fd)
        guard current.events != wanted || !current.registered else { return }
        var event = epoll_event()
        event.events = EPOLLONESHOT.rawValue
            | (wanted & Readiness.readable != 0 ? EPOLLIN.rawValue : 0)
            | (wanted & Readiness.writable != 0 ? EPOLLOUT.rawValue : 0)
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
        table.pointee.setArmed(fd, wanted, registered: true)
    }

    func cancel(_ token: UInt64, fd: Int32) -> Bool {
        // Still armed for it: a later event finds nobody and is ignored (one-shot: no storm).
        _ = table.pointee.remove(token, fd: fd)
        return true
    }

    func renew(_ fd: Int32) {
        // A registration left by a socket closed behind the loop's back: drop it (re-armed afresh).
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
        table.pointee.removeAll(fd: fd) { body($0, true) }
    }

    func wait(timeout: UInt64?, _ deliver: (UInt64, Int32) -> Void) throws(Errno) {
        let milliseconds: Int32 = timeout.map { Int32(clamping: ($0 + 999_999) / 1_000_000) } ?? -1
        let count = events.withUnsafeMutableBufferPointer {
            epoll_wait(epoll, $0.baseAddress, Int32($0.count), milliseconds)
        }
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
            // One-shot: the descriptor is disarmed now.
            table.pointee.setArmed(fd, 0, registered: true)
            let result = Int32(bitPattern: event.events)
            let still = table.pointee.fire(fd: fd, events: bits) { deliver($0, result) }
            if still != 0 { try? arm(fd, still) }
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
