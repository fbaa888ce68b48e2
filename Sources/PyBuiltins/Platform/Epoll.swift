// The system calls under PyBuiltins' selectors.EpollSelector: epoll_create1, epoll_ctl, epoll_wait, close.
#if canImport(Glibc)
import Glibc
import CPySocket  // <sys/epoll.h>, which Glibc's module does not export

/// The `epoll(7)` calls of `selectors.EpollSelector`, each returning an errno on failure.
enum SystemEpoll {
    static let readEvent = Int(EPOLLIN.rawValue)
    static let writeEvent = Int(EPOLLOUT.rawValue)

    /// `epoll_create1(EPOLL_CLOEXEC)`: a new epoll descriptor.
    static func create() -> Result<Int32, SystemError> {
        let fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        return fd < 0 ? .failure(SystemError(code: Int(errno))) : .success(fd)
    }

    /// `epoll_ctl(2)` with `EPOLL_CTL_ADD` (`op` "add"), `EPOLL_CTL_MOD` ("mod") or `EPOLL_CTL_DEL` ("del").
    static func control(_ epoll: Int32, _ op: Operation, _ fd: Int32, _ events: Int) -> SystemError? {
        var event = epoll_event()
        event.events = UInt32(truncatingIfNeeded: events)
        event.data.fd = fd
        let code: Int32
        switch op {
        case .add: code = EPOLL_CTL_ADD
        case .modify: code = EPOLL_CTL_MOD
        case .delete: code = EPOLL_CTL_DEL
        }
        return epoll_ctl(epoll, code, fd, &event) == 0 ? nil : SystemError(code: Int(errno))
    }

    enum Operation { case add, modify, delete }

    /// `epoll_wait(2)` for at most `maxEvents` events, `milliseconds` (-1: forever); retried after a
    /// signal with the time left (PEP 475). Returns (fd, events) pairs in the kernel's order.
    static func wait(_ epoll: Int32, maxEvents: Int, milliseconds: Int32) -> Result<[(Int, Int)], SystemError> {
        let capacity = Swift.max(1, maxEvents)
        var buffer = [epoll_event](repeating: epoll_event(), count: capacity)
        let deadline = milliseconds < 0 ? nil : SystemClock.now(realtime: false) + Double(milliseconds) / 1000
        var timeout = milliseconds
        while true {
            let count = epoll_wait(epoll, &buffer, Int32(clamping: capacity), timeout)
            if count >= 0 {
                return .success(buffer.prefix(Int(count)).map { (Int($0.data.fd), Int($0.events)) })
            }
            if errno != EINTR { return .failure(SystemError(code: Int(errno))) }
            if let deadline {
                let left = Swift.max(0, deadline - SystemClock.now(realtime: false))
                timeout = Int32(clamping: Int((left * 1000).rounded(.up)))
            }
        }
    }

    /// `close(2)` of the epoll descriptor.
    static func close(_ fd: Int32) { _ = Glibc.close(fd) }
}
#else
#error("PyBuiltins is written for Linux (glibc); add this platform's selectors calls here.")
#endif
