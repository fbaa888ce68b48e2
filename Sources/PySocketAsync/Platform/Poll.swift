// The poll(2) backend: the portable fallback, readiness turned into completions, woken by a pipe.
#if canImport(Glibc) || canImport(Darwin)
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import PySocket

/// Readiness over `poll(2)`: the set of descriptors is rebuilt from the waiters before each
/// wait, so it costs O(descriptors waited on) per wait; every other backend must pass the same
/// suite.
///
/// C: `poll(2)`, `pipe(2)`.
final class PollBackend: ReadinessGuessing {
    let completesIO = false
    /// `wait` reads its own copy of the set across deliveries, and `fire` takes a
    /// descriptor's waiters out of the table before delivering them.
    let reentrantDelivery = true
    let kind = asyncio.Backend.poll
    let storage = ReadinessStorage()
    private var descriptors: [pollfd] = []
    private let wakeRead: Int32
    private let wakeWrite: Int32

    init() throws(Errno) {
        var ends: [Int32] = [0, 0]
        if pipe(&ends) != 0 { throw Errno.current }
        for fd in ends {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeRead = ends[0]
        wakeWrite = ends[1]
    }

    func submit(_ token: UInt64, _ request: IORequest) throws(Errno) {
        switch request {
        case .recv, .send, .accept, .connect:
            throw Errno(EINVAL)
        case .poll(let fd, let event):
            _ = table.pointee.add(token, fd: fd, readable: event == .readable)
        }
    }

    func renew(_ fd: Int32) {
        table.pointee.resetState(fd)
    }

    func cancel(_ token: UInt64, fd: Int32) -> Bool {
        _ = table.pointee.remove(token, fd: fd)
        return true
    }

    func cancelAll(fd: Int32, _ body: (UInt64, Bool) -> Void) {
        table.pointee.resetState(fd)
        table.pointee.removeAll(fd: fd) { body($0, true) }
    }

    func wait(timeout: UInt64?, _ deliver: (UInt64, Int32) -> Void) throws(Errno) {
        descriptors.removeAll(keepingCapacity: true)
        descriptors.append(pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0))
        for fd in table.pointee.active {
            let wanted = table.pointee.wanted(fd)
            var events: Int16 = 0
            if wanted & Readiness.readable != 0 { events |= Int16(POLLIN) }
            if wanted & Readiness.writable != 0 { events |= Int16(POLLOUT) }
            descriptors.append(pollfd(fd: fd, events: events, revents: 0))
        }
        let milliseconds: Int32 = timeout.map { Int32(clamping: ($0 + 999_999) / 1_000_000) } ?? -1
        let count = descriptors.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), milliseconds) }
        if count < 0 {
            let error = Errno.current
            if error.rawValue == EINTR { return }
            throw error
        }
        if count == 0 { return }
        if descriptors[0].revents != 0 {
            var sink = [UInt8](repeating: 0, count: 64)
            while read(wakeRead, &sink, sink.count) > 0 {}
        }
        for entry in descriptors.dropFirst() where entry.revents != 0 {
            var events: UInt8 = 0
            if entry.revents & Int16(POLLIN) != 0 { events |= Readiness.readable }
            if entry.revents & Int16(POLLOUT) != 0 { events |= Readiness.writable }
            if entry.revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 { events |= Readiness.failed }
            let revents = Int32(entry.revents)
            let reported = events & Readiness.failed != 0 ? Readiness.readable | Readiness.writable : events
            table.pointee.setReady(entry.fd, reported, true)
            _ = table.pointee.fire(fd: entry.fd, events: events) { deliver($0, revents) }
        }
    }

    func wakeup() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    func close() {
        closeDescriptor(wakeRead)
        closeDescriptor(wakeWrite)
    }
}


/// `close(2)`, errors ignored (the backend's own descriptors).
private func closeDescriptor(_ fd: Int32) { _ = close(fd) }
#endif
