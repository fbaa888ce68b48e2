// The system calls under PyBuiltins' os, tempfile and select: the files of a directory, mkdtemp, unlink, poll.
#if canImport(Glibc)
import Glibc
#else
#error("PyBuiltins is written for Linux (glibc); add this platform's libc import here.")
#endif

/// The calls of the small `os`/`tempfile`/`select` layer, each returning an errno on failure.
enum SystemFiles {
    static var errnoValue: Int { Int(errno) }

    /// `getenv(3)`: an environment variable, nil when unset.
    static func getenv(_ name: String) -> String? { Glibc.getenv(name).map { String(cString: $0) } }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The size in bytes of what `path` names (following symbolic links), or the errno.
    static func size(_ path: String) -> Result<Int, SystemError> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(SystemError(code: Int(errno))) }
        return .success(Int(info.st_size))
    }

    /// Whether `path` names a regular file (following symbolic links).
    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The names in a directory (without `.` and `..`), or the errno.
    static func listdir(_ path: String) -> Result<[String], SystemError> {
        guard let directory = opendir(path) else { return .failure(SystemError(code: Int(errno))) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }

    static func unlink(_ path: String) -> SystemError? { Glibc.unlink(path) == 0 ? nil : SystemError(code: Int(errno)) }
    static func rmdir(_ path: String) -> SystemError? { Glibc.rmdir(path) == 0 ? nil : SystemError(code: Int(errno)) }
    static func mkdir(_ path: String, _ mode: Int) -> SystemError? {
        Glibc.mkdir(path, mode_t(truncatingIfNeeded: mode & 0o7777)) == 0 ? nil : SystemError(code: Int(errno))
    }
    static func chdir(_ path: String) -> SystemError? { Glibc.chdir(path) == 0 ? nil : SystemError(code: Int(errno)) }
    static func getcwd() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard Glibc.getcwd(&buffer, buffer.count) != nil else { return "" }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    static func getpid() -> Int { Int(Glibc.getpid()) }

    /// `fork(2)`: the child's pid in the parent, 0 in the child, or the errno. Standard output is
    /// not flushed first (as CPython's `os.fork` does not flush Python's buffers either).
    static func fork() -> Result<Int, SystemError> {
        let pid = Glibc.fork()
        return pid < 0 ? .failure(SystemError(code: Int(errno))) : .success(Int(pid))
    }

    /// `_exit(2)`: ends the process at once, no atexit handler, no buffer flushed.
    static func exitNow(_ status: Int) -> Never { Glibc._exit(Int32(truncatingIfNeeded: status & 0xFF)) }

    /// `waitpid(2)`, retried after a signal: (pid, raw status), or the errno.
    static func waitpid(_ pid: Int, _ options: Int) -> Result<(Int, Int), SystemError> {
        guard let cPid = Int32(exactly: pid), let cOptions = Int32(exactly: options) else {
            return .failure(SystemError(code: Int(EINVAL)))
        }
        var status: Int32 = 0
        while true {
            let done = Glibc.waitpid(cPid, &status, cOptions)
            if done >= 0 { return .success((Int(done), Int(status))) }
            if errno != EINTR { return .failure(SystemError(code: Int(errno))) }
        }
    }

    /// `close(2)` of a descriptor (EINTR is not retried: the descriptor is gone either way).
    static func close(_ fd: Int) -> SystemError? {
        guard let cFd = Int32(exactly: fd) else { return SystemError(code: Int(EBADF)) }
        return Glibc.close(cFd) == 0 ? nil : SystemError(code: Int(errno))
    }

    /// `pipe(2)`, both ends then FD_CLOEXEC (Python's descriptors are not inheritable): (read
    /// end, write end).
    static func pipe() -> Result<(Int32, Int32), SystemError> {
        var fds: [Int32] = [0, 0]
        guard Glibc.pipe(&fds) == 0 else { return .failure(SystemError(code: Int(errno))) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return .success((fds[0], fds[1]))
    }

    /// `read(2)` into `buffer`, retried on EINTR; the count read.
    static func read(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Result<Int, SystemError> {
        while true {
            let got = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if got >= 0 { return .success(got) }
            if errno != EINTR { return .failure(SystemError(code: Int(errno))) }
        }
    }

    /// `write(2)` of `data`, retried on EINTR; the count written.
    static func write(_ fd: Int32, _ data: UnsafeRawBufferPointer) -> Result<Int, SystemError> {
        while true {
            let done = Glibc.write(fd, data.baseAddress, data.count)
            if done >= 0 { return .success(done) }
            if errno != EINTR { return .failure(SystemError(code: Int(errno))) }
        }
    }

    /// `open(2)` of `path` with Python's flags for `mode` (the letters of a valid mode) and
    /// O_CLOEXEC, permissions 0o666 before the umask.
    static func open(_ path: String, reading: Bool, writing: Bool, create: Bool, truncate: Bool, append: Bool, exclusive: Bool) -> Result<Int32, SystemError> {
        var flags = O_CLOEXEC | (reading && writing ? O_RDWR : writing ? O_WRONLY : O_RDONLY)
        if create { flags |= O_CREAT }
        if truncate { flags |= O_TRUNC }
        if append { flags |= O_APPEND }
        if exclusive { flags |= O_EXCL }
        while true {
            let fd = Glibc.open(path, flags, 0o666)
            if fd >= 0 { return .success(fd) }
            if errno != EINTR { return .failure(SystemError(code: Int(errno))) }
        }
    }

    /// `lseek(2)`: the new offset.
    static func lseek(_ fd: Int32, _ offset: Int, _ whence: Int32) -> Result<Int, SystemError> {
        let done = Glibc.lseek(fd, off_t(offset), whence)
        return done >= 0 ? .success(Int(done)) : .failure(SystemError(code: Int(errno)))
    }

    /// `mkdtemp(3)` of `template` (ending in XXXXXX).
    static func mkdtemp(_ template: String) -> Result<String, SystemError> {
        var bytes = Array(template.utf8CString)
        guard Glibc.mkdtemp(&bytes) != nil else { return .failure(SystemError(code: Int(errno))) }
        return .success(String(decoding: bytes.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    static func strerror(_ code: Int) -> String {
        guard let text = Glibc.strerror(Int32(clamping: code)) else { return "Unknown error \(code)" }
        return String(cString: text)
    }

    /// `poll(2)` on `fds` for `events`, waiting at most `timeout` seconds (nil: forever);
    /// retried after a signal with the time left. Returns each fd's revents, or the errno.
    static func poll(_ fds: [(fd: Int32, events: Int16)], timeout: Double?) -> Result<[Int16], SystemError> {
        var entries = fds.map { pollfd(fd: $0.fd, events: $0.events, revents: 0) }
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let begin = Double(start.tv_sec) + Double(start.tv_nsec) / 1e9
        while true {
            var result: Int32
            if let timeout {
                var now = timespec()
                clock_gettime(CLOCK_MONOTONIC, &now)
                let left = Swift.max(0, timeout - (Double(now.tv_sec) + Double(now.tv_nsec) / 1e9 - begin))
                // Milliseconds, rounded up so that the wait is never short.
                let milliseconds = Int32(clamping: Int((left * 1000).rounded(.up)))
                result = Glibc.poll(&entries, nfds_t(entries.count), milliseconds)
            } else {
                result = Glibc.poll(&entries, nfds_t(entries.count), -1)
            }
            if result >= 0 { return .success(entries.map(\.revents)) }
            if errno != EINTR { return .failure(SystemError(code: Int(errno))) }
        }
    }

    static let pollIn = Int16(POLLIN)
    static let pollOut = Int16(POLLOUT)
    static let pollPri = Int16(POLLPRI)
    static let pollErr = Int16(POLLERR)
    static let pollHup = Int16(POLLHUP)
    static let pollNval = Int16(POLLNVAL)
}

/// An errno from one of SystemFiles' calls.
struct SystemError: Error {
    let code: Int
}
