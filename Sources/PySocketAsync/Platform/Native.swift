// The one selection chain: io_uring, then epoll, then poll; PYSOCKET_BACKEND or an argument chooses.
import PySocket
import Synchronization

/// Hooks for the package's own tests.
package enum BackendTestHooks {
    /// When true, setting up an io_uring fails as if the kernel refused one (EPERM from a
    /// sysctl or seccomp), so that the fallback to epoll can be tested.
    package static let failIOUringSetup = Atomic<Bool>(false)
}

extension asyncio.Backend {
    /// Opens the backend asked for (nil: `PYSOCKET_BACKEND`, else the best that works),
    /// falling back from io_uring to epoll (and from epoll to poll) when setup fails.
    static func open(_ wanted: asyncio.Backend?) throws -> any IOBackend {
        var choice = wanted
        if choice == nil, let text = System.environment("PYSOCKET_BACKEND"), !text.isEmpty {
            guard let named = asyncio.Backend(rawValue: text) else {
                throw ValueError("PYSOCKET_BACKEND must be 'io_uring', 'epoll' or 'poll', not '\(text)'")
            }
            choice = named
        }
        #if os(Linux)
        switch choice ?? .io_uring {
        case .io_uring:
            if let ring = IOUringBackend.open() { return ring }
            if let epoll = try? EpollBackend() { return epoll }
        case .epoll:
            if let epoll = try? EpollBackend() { return epoll }
        case .poll:
            break
        }
        #endif
        do { return try PollBackend() } catch { throw OSError.from(errno: Int(error.rawValue)) }
    }
}
