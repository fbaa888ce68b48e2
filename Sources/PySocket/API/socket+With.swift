// s.with { s in ... } and f.with { f in ... }: Python's `with` blocks as closures that close the socket or file on every exit.

extension socket {
    /// `with s: ...` / `with socket.socket() as s: ...`: runs `body` with the socket and closes the
    /// socket when `body` returns or throws, as Python's `with` block does: `try
    /// socket.socket().with { s in try s.bind(...) }`, `let data = try
    /// socket.create_connection(addr).with { c in try c.recv(1024) }`.
    ///
    /// Python: `socket.__enter__()` / `socket.__exit__()`. C: `close(2)`.
    @discardableResult
    public func with<Result>(_ body: (socket) throws -> Result) rethrows -> Result {
        defer { close() }
        return try body(self)
    }

    /// `async with`-style use in async code: `try await s.with { s in try await loop.sock_recv(s,
    /// 10) }`. Runs `body` with the socket and closes the socket when `body` returns or throws.
    ///
    /// Python: `socket.__enter__()` / `socket.__exit__()` around an awaited block. C: `close(2)`.
    @discardableResult
    public func with<Result>(_ body: (socket) async throws -> Result) async rethrows -> Result {
        defer { close() }
        return try await body(self)
    }
}

extension SocketFile {
    /// `with s.makefile(...) as f: ...`: runs `body` with the file and closes the file when `body`
    /// returns or throws, as Python's `with` block does; an error from closing (flushing what was
    /// written) is raised, replacing the block's own error as CPython's `__exit__` does.
    ///
    /// Python: `IOBase.__enter__()` / `IOBase.__exit__()`. C: none (the socket stays open until
    /// its own close, as in CPython).
    @discardableResult
    public func with<Result>(_ body: (SocketFile) throws -> Result) throws -> Result {
        let result: Result
        do {
            result = try body(self)
        } catch {
            try close()
            throw error
        }
        try close()
        return result
    }
}

extension SocketIO {
    /// `with socket.SocketIO(s, "rb") as f: ...`: runs `body` with the raw file and closes it when
    /// `body` returns or throws.
    ///
    /// Python: `IOBase.__enter__()` / `IOBase.__exit__()`. C: none.
    @discardableResult
    public func with<Result>(_ body: (SocketIO) throws -> Result) rethrows -> Result {
        defer { close() }
        return try body(self)
    }
}
