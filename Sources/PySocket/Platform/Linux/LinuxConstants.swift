// Linux's C constants, captured once and qualified, for the core and the Python surface.
#if os(Linux) && canImport(Glibc)
import Glibc
import CPySocket

/// The C values the portable code needs, read from Glibc's headers. The table of Python-visible
/// constants is generated (scripts/gen_constants.py): LinuxConstants+Generated.swift.
enum LinuxConstants {
    // Python's socket-module constants (AF_*, SOCK_*, SO_*, MSG_*...) and the enum members only
    // Linux has (`platformAddressFamilies`...) are generated: LinuxConstants+Generated.swift.

    // poll(2), fcntl(2).
    static let POLLIN = Int16(Glibc.POLLIN)
    static let POLLOUT = Int16(Glibc.POLLOUT)
    static let POLLERR = Int16(Glibc.POLLERR)
    static let POLLHUP = Int16(Glibc.POLLHUP)
    static let F_GETFL = Int32(Glibc.F_GETFL)
    static let F_SETFL = Int32(Glibc.F_SETFL)
    static let F_GETFD = Int32(Glibc.F_GETFD)
    static let F_SETFD = Int32(Glibc.F_SETFD)
    static let F_DUPFD_CLOEXEC = Int32(Glibc.F_DUPFD_CLOEXEC)
    static let FD_CLOEXEC = Int32(Glibc.FD_CLOEXEC)
    static let O_NONBLOCK = Int32(Glibc.O_NONBLOCK)

    // Address structure sizes.
    static let sockaddrStorageSize = MemoryLayout<sockaddr_storage>.size
    static let sunPathOffset = Int(cpy_sun_path_offset())
    static let sunPathCapacity = Int(cpy_sun_path_capacity())
}

/// libc functions that are not system calls.
enum LinuxLibc {
    /// C: `strerror(3)` (glibc's message, the same text CPython prints).
    static func strerror(_ code: Int32) -> String {
        String(cString: Glibc.strerror(code))
    }

    /// C: `gai_strerror(3)`.
    static func gaiStrerror(_ code: Int32) -> String {
        String(cString: Glibc.gai_strerror(code))
    }
}
#endif
