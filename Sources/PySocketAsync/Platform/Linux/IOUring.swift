// The io_uring backend (placeholder until the ring lands): setup fails, so the loop falls back to epoll.
#if os(Linux)
import PySocket

/// io_uring: not yet; setting it up fails with ENOSYS and the selection chain moves on.
enum IOUringBackend {
    /// The ring, or nil when it cannot be set up (always, for now).
    static func open() -> (any IOBackend)? { nil }
}
#endif
