// os, os.path and tempfile: the file-system and process calls socket programs make around AF_UNIX paths and forked peers.
import PySocket

/// `import os`: the file-system calls of Python's `os` module that socket programs use.
///
/// Python: `os`.
public enum os {
    /// `os.listdir(path='.')`: the names in a directory, in the order the system lists them.
    ///
    /// Python: `os.listdir`. C: `opendir(3)`, `readdir(3)`.
    /// - Throws: `FileNotFoundError` and the other `OSError`s, with the path as `filename`.
    public static func listdir(_ path: String = ".") throws -> [String] {
        switch SystemFiles.listdir(path) {
        case .success(let names): return names
        case .failure(let error): throw failure(error, path)
        }
    }

    /// `os.unlink(path)`: removes a file (or an AF_UNIX socket's path).
    ///
    /// Python: `os.unlink`. C: `unlink(2)`.
    /// - Throws: `FileNotFoundError` (`[Errno 2] No such file or directory: 'x'`) and other `OSError`s.
    public static func unlink(_ path: String) throws {
        if let error = SystemFiles.unlink(path) { throw failure(error, path) }
    }

    /// `os.remove(path)`: the same as `os.unlink`.
    ///
    /// Python: `os.remove`. C: `unlink(2)`.
    public static func remove(_ path: String) throws { try unlink(path) }

    /// `os.rmdir(path)`: removes an empty directory.
    ///
    /// Python: `os.rmdir`. C: `rmdir(2)`.
    public static func rmdir(_ path: String) throws {
        if let error = SystemFiles.rmdir(path) { throw failure(error, path) }
    }

    /// `os.mkdir(path, mode=0o777)`: creates a directory.
    ///
    /// Python: `os.mkdir`. C: `mkdir(2)`.
    public static func mkdir(_ path: String, _ mode: Int = 0o777) throws {
        if let error = SystemFiles.mkdir(path, mode) { throw failure(error, path) }
    }

    /// `os.chdir(path)`: changes the working directory.
    ///
    /// Python: `os.chdir`. C: `chdir(2)`.
    public static func chdir(_ path: String) throws {
        if let error = SystemFiles.chdir(path) { throw failure(error, path) }
    }

    /// `os.getcwd()`: the working directory.
    ///
    /// Python: `os.getcwd`. C: `getcwd(3)`.
    public static func getcwd() -> String { SystemFiles.getcwd() }

    /// `os.getpid()`: the process id.
    ///
    /// Python: `os.getpid`. C: `getpid(2)`.
    public static func getpid() -> Int { SystemFiles.getpid() }

    /// `os.fork()`: a copy of this process; returns the child's pid in the parent and 0 in the
    /// child. Only the calling thread goes on in the child.
    ///
    /// Python: `os.fork`. C: `fork(2)`.
    /// - Throws: `OSError` (`EAGAIN`, `ENOMEM`).
    ///
    /// Differs from CPython: no `DeprecationWarning` about forking a process with threads.
    public static func fork() throws -> Int {
        switch SystemFiles.fork() {
        case .success(let pid):
            if pid == 0 { threadingAfterFork() }
            return pid
        case .failure(let error): throw OSError.from(errno: error.code, SystemFiles.strerror(error.code))
        }
    }

    /// `os._exit(n)`: ends the process at once with status `n`, without flushing standard
    /// output or running exit handlers (what a forked child calls).
    ///
    /// Python: `os._exit`. C: `_exit(2)`.
    public static func _exit(_ n: Int) -> Never { SystemFiles.exitNow(n) }

    /// `os.waitpid(pid, options)`: waits for a child; `(pid, status)` with the raw wait status
    /// (`os.waitstatus_to_exitcode(status)` reads it).
    ///
    /// Python: `os.waitpid`. C: `waitpid(2)`, retried after a signal.
    /// - Throws: `ChildProcessError` (`ECHILD`) and other `OSError`s.
    public static func waitpid(_ pid: Int, _ options: Int) throws -> (Int, Int) {
        switch SystemFiles.waitpid(pid, options) {
        case .success(let result): return result
        case .failure(let error): throw OSError.from(errno: error.code, SystemFiles.strerror(error.code))
        }
    }

    /// `os.waitstatus_to_exitcode(status)`: the exit code of a child that exited, or `-signal`
    /// for one a signal killed.
    ///
    /// Python: `os.waitstatus_to_exitcode`.
    /// - Throws: `ValueError('invalid wait status: N')` for a stopped child's status.
    public static func waitstatus_to_exitcode(_ status: Int) throws -> Int {
        if WIFEXITED(status) { return WEXITSTATUS(status) }
        if status & 0x7F != 0 && status & 0x7F != 0x7F { return -(status & 0x7F) }
        throw ValueError("invalid wait status: \(status)")
    }

    /// `os.WIFEXITED(status)`: whether the child exited normally.
    ///
    /// Python: `os.WIFEXITED`.
    public static func WIFEXITED(_ status: Int) -> Bool { status & 0x7F == 0 }

    /// `os.WEXITSTATUS(status)`: the exit code of a child that exited.
    ///
    /// Python: `os.WEXITSTATUS`.
    public static func WEXITSTATUS(_ status: Int) -> Int { (status >> 8) & 0xFF }

    /// `os.close(fd)`: closes a file descriptor (one received with `recv_fds`, say).
    ///
    /// Python: `os.close`. C: `close(2)`.
    /// - Throws: `OSError(EBADF)` for a descriptor that is not open.
    public static func close(_ fd: Int) throws {
        if let error = SystemFiles.close(fd) { throw OSError.from(errno: error.code, SystemFiles.strerror(error.code)) }
    }

    /// `os.close(fd)` for a descriptor held as an `Int32` (`fileno()`, `os.pipe()`,
    /// `socket.recv_fds`).
    ///
    /// Python: `os.close()`. C: `close(2)`.
    public static func close(_ fd: Int32) throws { try close(Int(fd)) }

    /// `r, w = os.pipe()`: a new pipe's read and write descriptors (not inheritable, as in Python).
    ///
    /// Python: `os.pipe()`. C: `pipe(2)`, `fcntl(2)` FD_CLOEXEC.
    public static func pipe() throws -> (Int32, Int32) {
        switch SystemFiles.pipe() {
        case .success(let fds): return fds
        case .failure(let error): throw OSError.from(errno: error.code, SystemFiles.strerror(error.code))
        }
    }

    /// `os.read(fd, n)`: up to `n` bytes from the descriptor; `b''` at end of file; raises
    /// `OSError` (EINVAL for a negative `n`, as CPython 3.13 does; EBADF for a bad descriptor).
    ///
    /// Python: `os.read()`. C: `read(2)`, retried on EINTR.
    public static func read<FD: BinaryInteger>(_ fd: FD, _ n: Int) throws -> bytes {
        guard n >= 0 else { throw OSError.from(errno: errno.EINVAL, SystemFiles.strerror(errno.EINVAL)) }
        guard let cFd = Int32(exactly: fd) else { throw OverflowError("Python int too large to convert to C int") }
        // The buffer first, as CPython allocates it: MemoryError for a size no machine has.
        var buffer = try bytearray(n)
        switch buffer.storage.withUnsafeMutableBytes({ SystemFiles.read(cFd, $0) }) {
        case .success(let count): return bytes(buffer.storage[..<count])
        case .failure(let error): throw OSError.from(errno: error.code, SystemFiles.strerror(error.code))
        }
    }

    /// `os.write(fd, data)`: writes what the descriptor takes now; the count written.
    ///
    /// Python: `os.write()`. C: `write(2)`, retried on EINTR.
    public static func write<FD: BinaryInteger, Data: Sequence>(_ fd: FD, _ data: Data) throws -> Int where Data.Element == UInt8 {
        guard let cFd = Int32(exactly: fd) else { throw OverflowError("Python int too large to convert to C int") }
        let result = data.withContiguousStorageIfAvailable { SystemFiles.write(cFd, UnsafeRawBufferPointer($0)) }
            ?? Array(data).withUnsafeBytes { SystemFiles.write(cFd, $0) }
        switch result {
        case .success(let count): return count
        case .failure(let error): throw OSError.from(errno: error.code, SystemFiles.strerror(error.code))
        }
    }

    /// `os.write(fd, b"...")` with a `bytes` literal.
    ///
    /// Python: `os.write()`. C: `write(2)`, retried on EINTR.
    public static func write<FD: BinaryInteger>(_ fd: FD, _ data: bytes) throws -> Int {
        try write(fd, data.storage)
    }

    /// `os.sep`: the path separator, `/`.
    ///
    /// Python: `os.sep`.
    public static let sep = "/"

    /// The OSError subclass CPython raises for `error` on `path`.
    static func failure(_ error: SystemError, _ path: String) -> OSError {
        OSError.from(errno: error.code, SystemFiles.strerror(error.code), path)
    }

    /// `import os.path`: path names, joined and split as `posixpath` does.
    ///
    /// Python: `os.path`.
    public enum path {
        /// `os.path.join(a, *p)`: the parts joined with `/`; a part starting with `/` restarts.
        ///
        /// Python: `os.path.join`.
        public static func join(_ first: String, _ parts: String...) -> String {
            var result = first
            for part in parts {
                if part.hasPrefix("/") { result = part } else if result.isEmpty || result.hasSuffix("/") { result += part } else { result += "/" + part }
            }
            return result
        }

        /// `os.path.exists(path)`: whether the path names an existing file (a broken symbolic
        /// link does not).
        ///
        /// Python: `os.path.exists`. C: `stat(2)`.
        public static func exists(_ path: String) -> Bool { SystemFiles.exists(path) }

        /// `os.path.basename(p)`: the part after the last `/`.
        ///
        /// Python: `os.path.basename`.
        public static func basename(_ p: String) -> String {
            guard let slash = p.lastIndex(of: "/") else { return p }
            return String(p[p.index(after: slash)...])
        }

        /// `os.path.dirname(p)`: the part before the last `/` (trailing slashes removed, except a
        /// root).
        ///
        /// Python: `os.path.dirname`.
        public static func dirname(_ p: String) -> String {
            guard let slash = p.lastIndex(of: "/") else { return "" }
            var head = String(p[...slash])
            if head.contains(where: { $0 != "/" }) { while head.hasSuffix("/") { head.removeLast() } }
            return head
        }

        /// `os.path.basename(addr)` of an AF_UNIX address (a `str` path in Python), as `recvfrom`
        /// and `getpeername` return it.
        ///
        /// Python: `os.path.basename(str)`.
        /// - Throws: `TypeError('expected str, bytes or os.PathLike object, not tuple')` for an
        ///   address that is no path.
        public static func basename(_ address: SocketAddress) throws -> String { basename(try pathText(address)) }

        /// `os.path.dirname(addr)` of an AF_UNIX address.
        ///
        /// Python: `os.path.dirname(str)`.
        /// - Throws: `TypeError` for an address that is no path.
        public static func dirname(_ address: SocketAddress) throws -> String { dirname(try pathText(address)) }

        /// `os.path.exists(addr)` of an AF_UNIX address.
        ///
        /// Python: `os.path.exists(str)`. C: `stat(2)`.
        /// - Throws: `TypeError` for an address that is no path.
        public static func exists(_ address: SocketAddress) throws -> Bool { exists(try pathText(address)) }

        /// The path of an AF_UNIX address, or CPython's TypeError for a value that is no path.
        private static func pathText(_ address: SocketAddress) throws -> String {
            if case .unix(let path) = address { return path }
            throw TypeError("expected str, bytes or os.PathLike object, not \(type(address).__name__)")
        }

        /// `os.path.isdir(path)`: whether the path is a directory.
        ///
        /// Python: `os.path.isdir`. C: `lstat(2)`.
        public static func isdir(_ path: String) -> Bool { SystemFiles.isDirectory(path) }
    }
}

/// `import tempfile`: temporary directories for AF_UNIX socket paths.
///
/// Python: `tempfile`.
public enum tempfile {
    /// `tempfile.mkdtemp(suffix=None, prefix=None, dir=None)`: a new private directory, such as
    /// `/tmp/tmpab12cd34`; the caller removes it.
    ///
    /// Python: `tempfile.mkdtemp`. C: `mkdtemp(3)`.
    ///
    /// Differs from CPython: the random part has 6 characters, not 8.
    public static func mkdtemp(suffix: String? = nil, prefix: String? = nil, dir: String? = nil) throws -> String {
        let directory = dir ?? "/tmp"
        switch SystemFiles.mkdtemp(os.path.join(directory, (prefix ?? "tmp") + "XXXXXX")) {
        case .success(let path):
            guard let suffix, !suffix.isEmpty else { return path }
            // mkdtemp(3) needs the X's last: the suffix is a rename away.
            let named = path + suffix
            try os.mkdir(named, 0o700)
            try os.rmdir(path)
            return named
        case .failure(let error): throw os.failure(error, directory)
        }
    }

    /// `tempfile.TemporaryDirectory()`: a directory removed with everything in it by `cleanup()`
    /// or at the end of `with`: `try tempfile.TemporaryDirectory().with { tmp in ... }`.
    ///
    /// Python: `tempfile.TemporaryDirectory`.
    public final class TemporaryDirectory: Sendable {
        /// `d.name`: the directory's path.
        ///
        /// Python: `TemporaryDirectory.name`.
        public let name: String

        /// `tempfile.TemporaryDirectory(suffix=None, prefix=None, dir=None)`: creates the directory.
        ///
        /// Python: `tempfile.TemporaryDirectory`. C: `mkdtemp(3)`.
        public init(suffix: String? = nil, prefix: String? = nil, dir: String? = nil) throws {
            name = try mkdtemp(suffix: suffix, prefix: prefix, dir: dir)
        }

        /// `with tempfile.TemporaryDirectory() as name:`: runs `body` with the path, then removes
        /// the directory and its contents, on every exit.
        ///
        /// Python: `TemporaryDirectory.__enter__` / `__exit__`.
        public func with<Result>(_ body: (String) throws -> Result) throws -> Result {
            let result: Result
            do {
                result = try body(name)
            } catch {
                try? cleanup()
                throw error
            }
            try cleanup()
            return result
        }

        /// `with tempfile.TemporaryDirectory() as name:` around code that awaits (in an `async def`):
        /// runs `body` with the path, then removes the directory and its contents, on every exit.
        ///
        /// Python: `TemporaryDirectory.__enter__` / `__exit__`.
        public func with<Result>(_ body: (String) async throws -> Result) async throws -> Result {
            let result: Result
            do {
                result = try await body(name)
            } catch {
                try? cleanup()
                throw error
            }
            try cleanup()
            return result
        }

        /// `d.cleanup()`: removes the directory and everything in it (nothing when already gone).
        ///
        /// Python: `TemporaryDirectory.cleanup`.
        public func cleanup() throws {
            guard SystemFiles.exists(name) || SystemFiles.isDirectory(name) else { return }
            try removeTree(name)
        }
    }
}

/// Removes `path` and, for a directory, everything below it (symbolic links are not followed).
private func removeTree(_ path: String) throws {
    if SystemFiles.isDirectory(path) {
        for name in try os.listdir(path) {
            try removeTree(os.path.join(path, name))
        }
        try os.rmdir(path)
    } else {
        try os.unlink(path)
    }
}
