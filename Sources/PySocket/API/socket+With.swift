// s.with { s in ... }: Python's `with socket.socket() as s:` as a closure that closes the socket on every exit.

extension socket {
    /// `with s: ...` / `with socket.socket() as s: ...`
    /// Runs `body` with the socket and closes the socket when `body` returns or throws, as
    /// Python's `with` block does: `try socket.socket().with { s in try s.bind(...) }`,
    /// `let data = try socket.create_connection(addr).with { c in try c.recv(1024) }`.
    ///
    /// Python: `socket.__enter__()` / `socket.__exit__()`. C: `close(2)`.
    @discardableResult
    public func with<Result>(_ body: (socket) throws -> Result) rethrows -> Result {
        defer { close() }
        return try body(self)
    }

    /// `async with`-style use in async code: `try await s.with { s in try await loop.sock_recv(s, 10) }`.
    /// Runs `body` with the socket and closes the socket when `body` returns or throws.
    ///
    /// Python: `socket.__enter__()` / `socket.__exit__()` around an awaited block. C: `close(2)`.
    @discardableResult
    public func with<Result>(_ body: (socket) async throws -> Result) async rethrows -> Result {
        defer { close() }
        return try await body(self)
    }
}
