// The file calls an AF_UNIX stream server makes around its path: stat and unlink (asyncio's stale-socket cleanup).
#if os(Linux)
import Glibc

extension System {
    /// The inode of `path` and whether it is a socket; nil when it cannot be read. C: `stat(2)`.
    static func inode(_ path: String) -> (inode: UInt64, isSocket: Bool)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (UInt64(info.st_ino), (info.st_mode & S_IFMT) == S_IFSOCK)
    }

    /// Removes `path`, errors ignored. C: `unlink(2)`.
    static func unlink(_ path: String) { _ = Glibc.unlink(path) }
}
#endif
