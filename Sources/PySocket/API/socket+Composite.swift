// The Lib/socket.py layer: create_connection, create_server, has_dualstack_ipv6, makefile (on the public API), sendfile (on Core's loops).

// MARK: - create_connection

extension socket {
    /// The `timeout` argument of `create_connection`: a number of seconds, `nil` (blocking), or
    /// `socket._GLOBAL_DEFAULT_TIMEOUT` ("use `getdefaulttimeout()`", what leaving it out means).
    ///
    /// Literals work where Python passes numbers: `timeout: 2`, `timeout: 0.5`, `timeout: nil`.
    /// A wrapper that forwards its own optional timeout, as `http.client` does, declares its
    /// parameter as `socket.TimeoutArgument = socket._GLOBAL_DEFAULT_TIMEOUT`.
    ///
    /// Python: the `timeout=` argument and `socket._GLOBAL_DEFAULT_TIMEOUT`. C: none.
    ///
    /// Differs from CPython: a typed value instead of a bare `object()` sentinel.
    public enum TimeoutArgument: Sendable, Equatable, ExpressibleByNilLiteral, ExpressibleByFloatLiteral,
        ExpressibleByIntegerLiteral, CustomStringConvertible
    {
        /// Leave the new socket's timeout alone: it has `getdefaulttimeout()`.
        ///
        /// Python: `socket._GLOBAL_DEFAULT_TIMEOUT`.
        case globalDefault
        /// `settimeout(value)` on the new socket: seconds, or nil for blocking.
        ///
        /// Python: `timeout=seconds`.
        case seconds(Double?)

        /// `timeout=None`: blocking.
        ///
        /// Python: `timeout=None`.
        public init(nilLiteral: ()) { self = .seconds(nil) }
        /// `timeout=0.5`.
        ///
        /// Python: `timeout=0.5`.
        public init(floatLiteral value: Double) { self = .seconds(value) }
        /// `timeout=2`.
        ///
        /// Python: `timeout=2`.
        public init(integerLiteral value: Int) { self = .seconds(Double(value)) }
        /// A timeout held in a variable: `socket.TimeoutArgument(t)`.
        ///
        /// Python: `timeout=t`.
        public init(_ value: Double?) { self = .seconds(value) }

        /// `<object object at ...>` for the sentinel, else the number or `None`.
        ///
        /// Python: `repr(timeout)`.
        public var description: String {
            switch self {
            case .globalDefault: return "<object object>"
            case .seconds(let value?): return String(value)
            case .seconds(nil): return "None"
            }
        }
    }

    /// `socket._GLOBAL_DEFAULT_TIMEOUT`: the sentinel meaning "use `getdefaulttimeout()`".
    ///
    /// Python: `socket._GLOBAL_DEFAULT_TIMEOUT`. C: none.
    public static let _GLOBAL_DEFAULT_TIMEOUT = TimeoutArgument.globalDefault

    /// `socket.create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *, all_errors=False)`:
    /// a stream socket connected to `(host, port)`.
    ///
    /// Tries every `getaddrinfo(host, port, 0, SOCK_STREAM)` result in order and returns the
    /// first socket that connects; each socket that fails is closed. Without `timeout` the
    /// socket keeps the default timeout; `timeout: nil` makes it blocking; `timeout: 2` sets 2
    /// seconds before connecting. `source_address` is bound first (`("", 0)`: let the system
    /// choose). When every address fails, raises the last error, or with `all_errors: true` an
    /// `ExceptionGroup("create_connection failed", errors)` of all of them.
    ///
    /// Python: `socket.create_connection()`. C: `getaddrinfo(3)`, `socket(2)`, `bind(2)`, `connect(2)`.
    /// - Throws: `OSError("getaddrinfo returns an empty list")` when there is no address;
    ///   `socket.gaierror` from the resolver.
    ///
    /// Differs from CPython:
    /// - `repr()` of the group lists its errors; CPython empties the list it passed to the group
    ///   (its `finally` clears it), so its `repr` shows `[]`.
    public static func create_connection(
        _ address: (String, Int), timeout: TimeoutArgument = _GLOBAL_DEFAULT_TIMEOUT,
        source_address: (String, Int)? = nil, all_errors: Bool = false
    ) throws -> socket {
        try connectFirst(address, timeout, source_address.map { .inet(host: $0.0, port: $0.1) }, all_errors)
    }

    /// `socket.create_connection(address, timeout, source_address)`: the positional form,
    /// e.g. `socket.create_connection(addr, nil)` or `socket.create_connection(addr, 2)`.
    ///
    /// Python: `socket.create_connection()`. C: `getaddrinfo(3)`, `socket(2)`, `bind(2)`, `connect(2)`.
    public static func create_connection(
        _ address: (String, Int), _ timeout: TimeoutArgument, _ source_address: (String, Int)? = nil,
        all_errors: Bool = false
    ) throws -> socket {
        try connectFirst(address, timeout, source_address.map { .inet(host: $0.0, port: $0.1) }, all_errors)
    }

    /// `socket.create_connection(address, timeout=t)` with the timeout in a `Double?` variable
    /// (nil: blocking).
    ///
    /// Python: `socket.create_connection()`. C: `getaddrinfo(3)`, `socket(2)`, `bind(2)`, `connect(2)`.
    @_disfavoredOverload
    public static func create_connection(
        _ address: (String, Int), timeout: Double?, source_address: (String, Int)? = nil,
        all_errors: Bool = false
    ) throws -> socket {
        try connectFirst(address, .seconds(timeout), source_address.map { .inet(host: $0.0, port: $0.1) }, all_errors)
    }

    /// `socket.create_connection(srv.getsockname(), ...)`: an address value as another call
    /// returned it. Lib/socket.py unpacks it as `host, port = address`, so an address of another
    /// shape raises that unpacking's ValueError.
    ///
    /// Python: `socket.create_connection()`. C: `getaddrinfo(3)`, `socket(2)`, `bind(2)`, `connect(2)`.
    public static func create_connection(
        _ address: SocketAddress, timeout: TimeoutArgument = _GLOBAL_DEFAULT_TIMEOUT,
        source_address: SocketAddress? = nil, all_errors: Bool = false
    ) throws -> socket {
        try connectFirst(try address.pair, timeout, source_address, all_errors)
    }

    /// `socket.create_connection(address, timeout, source_address)` with an address value, by position.
    ///
    /// Python: `socket.create_connection()`. C: `getaddrinfo(3)`, `socket(2)`, `bind(2)`, `connect(2)`.
    public static func create_connection(
        _ address: SocketAddress, _ timeout: TimeoutArgument, _ source_address: SocketAddress? = nil,
        all_errors: Bool = false
    ) throws -> socket {
        try connectFirst(try address.pair, timeout, source_address, all_errors)
    }

    /// `socket.create_connection(address, timeout=t)` with an address value and the timeout in a
    /// `Double?` variable.
    ///
    /// Python: `socket.create_connection()`. C: `getaddrinfo(3)`, `socket(2)`, `bind(2)`, `connect(2)`.
    @_disfavoredOverload
    public static func create_connection(
        _ address: SocketAddress, timeout: Double?, source_address: SocketAddress? = nil,
        all_errors: Bool = false
    ) throws -> socket {
        try connectFirst(try address.pair, .seconds(timeout), source_address, all_errors)
    }

    /// Lib/socket.py's `create_connection` loop.
    private static func connectFirst(
        _ address: (String, Int), _ timeout: TimeoutArgument, _ source: SocketAddress?, _ allErrors: Bool
    ) throws -> socket {
        var errors: [any Error] = []
        // getaddrinfo's sockaddrs as the resolver wrote them: Lib/socket.py formats each as
        // `(host, port)` text that `connect` parses back into the same bytes.
        for (family, type, proto, target) in try resolveForConnect(address.0, address.1, type: SOCK_STREAM) {
            var attempt: socket?
            do {
                let sock = try socket(family, type, proto)
                attempt = sock
                if case .seconds(let seconds) = timeout { try sock.settimeout(seconds) }
                if let source { try sock.bind(source) }
                try sock.connect(resolved: target)
                return sock
            } catch let error as OSError {
                if !allErrors { errors.removeAll() }
                errors.append(error)
                attempt?.close()
            } catch {
                attempt?.close()
                throw error
            }
        }
        if errors.isEmpty { throw OSError("getaddrinfo returns an empty list") }
        if !allErrors { throw errors[0] }
        throw ExceptionGroup("create_connection failed", errors)
    }
}

// MARK: - create_server

extension socket {
    /// `socket.has_dualstack_ipv6()`: whether one AF_INET6 stream socket can accept both IPv4 and
    /// IPv6 connections here (whether `IPV6_V6ONLY` can be cleared).
    ///
    /// Python: `socket.has_dualstack_ipv6()`. C: `socket(2)`, `setsockopt(IPV6_V6ONLY)`.
    public static func has_dualstack_ipv6() -> Bool {
        guard has_ipv6 else { return false }
        do {
            let sock = try socket(AF_INET6, SOCK_STREAM)
            defer { sock.close() }
            try sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return true
        } catch {
            return false
        }
    }

    /// `socket.create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False)`:
    /// a listening stream socket bound to `address`.
    ///
    /// Sets `SO_REUSEADDR` (ignoring a failure, as CPython does), `SO_REUSEPORT` when
    /// `reuse_port`, and on AF_INET6 sets `IPV6_V6ONLY` explicitly: cleared with
    /// `dualstack_ipv6: true` (IPv4 clients arrive as `::ffff:a.b.c.d`), set otherwise. A bind
    /// error is re-raised as `OSError(errno, "<strerror> (while attempting to bind on address
    /// ('host', port))")`, of the errno's subclass; the socket is closed on every error.
    /// `backlog` nil listens with the default backlog.
    ///
    /// Python: `socket.create_server()`. C: `socket(2)`, `setsockopt(2)`, `bind(2)`, `listen(2)`.
    /// - Throws: `ValueError("dualstack_ipv6 not supported on this platform")`,
    ///   `ValueError("dualstack_ipv6 requires AF_INET6 family")`.
    ///
    /// ```swift
    /// let srv = try socket.create_server(("127.0.0.1", 0))
    /// let c = try socket.create_connection(try srv.getsockname(), timeout: 2)
    /// let (conn, addr) = try srv.accept()
    /// print(addr == (try c.getsockname()))   // true
    /// for s in [conn, c, srv] { s.close() }
    /// ```
    public static func create_server(
        _ address: SocketAddress, family: AddressFamily = AF_INET, backlog: Int? = nil,
        reuse_port: Bool = false, dualstack_ipv6: Bool = false
    ) throws -> socket {
        if dualstack_ipv6 {
            guard has_dualstack_ipv6() else { throw ValueError("dualstack_ipv6 not supported on this platform") }
            guard family == AF_INET6 else { throw ValueError("dualstack_ipv6 requires AF_INET6 family") }
        }
        let sock = try socket(family, SOCK_STREAM)
        do {
            try? sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
            if reuse_port { try sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1) }
            if has_ipv6 && family == AF_INET6 {
                try sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, dualstack_ipv6 ? 0 : 1)
            }
            do {
                try sock.bind(address)
            } catch let error as OSError {
                let message = "\(error.strerror ?? "None") (while attempting to bind on address \(String(reflecting: address)))"
                // CPython: `raise error(err.errno, msg) from None`, inside the `except` block.
                guard let code = error.errno else { throw OSError(args: [.none, .str(message)]).context(error).from(nil) }
                throw OSError.from(errno: code, message).context(error).from(nil)
            }
            try sock.listen(backlog)
            return sock
        } catch {
            sock.close()
            throw error
        }
    }

    /// `socket.create_server((host, port), ...)`: the IPv4 (or short IPv6) tuple form.
    ///
    /// Python: `socket.create_server()`. C: `socket(2)`, `setsockopt(2)`, `bind(2)`, `listen(2)`.
    public static func create_server(
        _ address: (String, Int), family: AddressFamily = AF_INET, backlog: Int? = nil,
        reuse_port: Bool = false, dualstack_ipv6: Bool = false
    ) throws -> socket {
        try create_server(.inet(host: address.0, port: address.1), family: family, backlog: backlog,
                          reuse_port: reuse_port, dualstack_ipv6: dualstack_ipv6)
    }

    /// `socket.create_server((host, port, flowinfo, scope_id), family=AF_INET6, ...)`.
    ///
    /// Python: `socket.create_server()`. C: `socket(2)`, `setsockopt(2)`, `bind(2)`, `listen(2)`.
    public static func create_server(
        _ address: (String, Int, Int, Int), family: AddressFamily = AF_INET, backlog: Int? = nil,
        reuse_port: Bool = false, dualstack_ipv6: Bool = false
    ) throws -> socket {
        try create_server(.inet6(address), family: family, backlog: backlog,
                          reuse_port: reuse_port, dualstack_ipv6: dualstack_ipv6)
    }
}

// MARK: - makefile

extension socket {
    /// `s.makefile(mode='r', buffering=None, *, encoding=None, errors=None, newline=None)`: a text
    /// file object reading and/or writing this socket (`"r"`, `"w"`, `"rw"`).
    ///
    /// The file keeps the descriptor open after `s.close()` until the file is closed too, as
    /// in CPython. For binary modes (`"rb"`, `"wb"`, `"rwb"`), ask for `SocketFile<bytes>`:
    /// `let f: SocketFile<bytes> = try s.makefile("rb")`. See `SocketFile` for buffering,
    /// timeouts and newlines.
    ///
    /// Python: `socket.makefile()`. C: none (reads and writes are `recv(2)`/`send(2)`).
    /// - Throws: `ValueError("invalid mode 'x' (only r, w, b allowed)")`,
    ///   `ValueError("unbuffered streams must be binary")`, `LookupError` for an unknown encoding,
    ///   `ValueError("illegal newline value: ...")`, `TypeError` when `mode` is binary.
    ///
    /// Differs from CPython:
    /// - Swift needs the result type to differ by mode: text files are `SocketFile<String>` (the
    ///   default), binary ones `SocketFile<bytes>`, which the caller names.
    /// - the default encoding is UTF-8 (CPython uses the locale's); ASCII and Latin-1 work too.
    /// - a rejected mode or buffering does not leave the socket's file count raised (CPython's
    ///   `unbuffered streams must be binary` path does, keeping the descriptor open).
    public func makefile(
        _ mode: String = "r", buffering: Int? = nil, encoding: String? = nil, errors: String? = nil,
        newline: String? = nil
    ) throws -> SocketFile<String> {
        try openFile(mode, buffering, encoding, errors, newline)
    }

    /// `s.makefile(mode=..., ...)`: the keyword spelling of `makefile(_:buffering:encoding:errors:newline:)`.
    ///
    /// Python: `socket.makefile()`. C: none.
    public func makefile(
        mode: String, buffering: Int? = nil, encoding: String? = nil, errors: String? = nil,
        newline: String? = nil
    ) throws -> SocketFile<String> {
        try openFile(mode, buffering, encoding, errors, newline)
    }

    /// `s.makefile(mode, ...)` as `SocketFile<bytes>` (binary modes `"rb"`, `"wb"`, `"rwb"`, `"b"`)
    /// or `SocketFile<String>`: the caller's type picks, and must agree with `mode`.
    ///
    /// Python: `socket.makefile()`. C: none.
    /// - Throws: as the text form, and `TypeError` when the type and `mode` disagree.
    public func makefile<Content: SocketFileContent>(
        _ mode: String = "r", buffering: Int? = nil, encoding: String? = nil, errors: String? = nil,
        newline: String? = nil
    ) throws -> SocketFile<Content> {
        try openFile(mode, buffering, encoding, errors, newline)
    }

    /// `s.makefile(mode=..., ...)` as `SocketFile<bytes>` or `SocketFile<String>`.
    ///
    /// Python: `socket.makefile()`. C: none.
    public func makefile<Content: SocketFileContent>(
        mode: String, buffering: Int? = nil, encoding: String? = nil, errors: String? = nil,
        newline: String? = nil
    ) throws -> SocketFile<Content> {
        try openFile(mode, buffering, encoding, errors, newline)
    }

    /// Lib/socket.py's `makefile`, with its checks made before the file count is raised.
    /// `s.makefile("rb", buffering=0)`: the unbuffered raw file, a `SocketIO`, as CPython
    /// returns it; chosen where the result is declared `SocketIO`
    /// (`let raw: SocketIO = try s.makefile("rb", buffering: 0)`).
    ///
    /// Python: `socket.makefile()` with `buffering=0`. C: none.
    /// - Throws: as `makefile`; `TypeError` when `buffering` is not 0 (CPython then returns a
    ///   buffered file: declare the result as `SocketFile<bytes>`).
    @_disfavoredOverload
    public func makefile(_ mode: String = "r", buffering: Int?) throws -> SocketIO {
        guard mode.allSatisfy({ "rwb".contains($0) }) else {
            throw ValueError("invalid mode \(pythonRepr(mode)) (only r, w, b allowed)")
        }
        guard buffering == 0 else {
            throw TypeError("makefile(buffering=\(buffering.map(String.init) ?? "None")) returns a buffered file: declare the result as SocketFile<bytes>")
        }
        guard mode.contains("b") else { throw ValueError("unbuffered streams must be binary") }
        let writing = mode.contains("w"), reading = mode.contains("r") || !writing
        let raw = try SocketIO(self, (reading ? "r" : "") + (writing ? "w" : ""))
        lifecycle.wrappingAdd(Lifecycle.ioRef, ordering: .acquiringAndReleasing)
        return raw
    }

    private func openFile<Content: SocketFileContent>(
        _ mode: String, _ buffering: Int?, _ encoding: String?, _ errors: String?, _ newline: String?
    ) throws -> SocketFile<Content> {
        guard mode.allSatisfy({ "rwb".contains($0) }) else {
            throw ValueError("invalid mode \(pythonRepr(mode)) (only r, w, b allowed)")
        }
        let writing = mode.contains("w")
        let reading = mode.contains("r") || !writing
        let binary = mode.contains("b")
        let bufferSize = (buffering ?? -1) < 0 ? SocketFile<Content>.chunk : buffering!
        if bufferSize == 0 && !binary { throw ValueError("unbuffered streams must be binary") }
        // CPython allocates the buffer at once: MemoryError for one no machine has.
        if bufferSize > 1 << 40 { throw MemoryError() }
        if binary != (Content.self == bytes.self) {
            let wanted = binary ? "SocketFile<bytes>" : "SocketFile<String>"
            throw TypeError("makefile(\(pythonRepr(mode))) returns \(binary ? "bytes" : "str"): declare the result as \(wanted)")
        }
        let text = binary ? nil : try TextCodec(encoding: encoding, errors: errors, newline: newline)
        let raw = try SocketIO(self, (reading ? "r" : "") + (writing ? "w" : ""))
        lifecycle.wrappingAdd(Lifecycle.ioRef, ordering: .acquiringAndReleasing)
        let fileMode = binary ? raw.mode : mode
        return SocketFile(raw: raw, mode: fileMode, reading: reading, writing: writing, text: text, bufferSize: bufferSize)
    }

    /// CPython's `_decref_socketios`: a `SocketIO` closed; the socket's descriptor goes if the
    /// socket was closed and this was the last file.
    func decrefSocketIOs() {
        var current = lifecycle.load(ordering: .acquiring)
        while current >= Lifecycle.ioRef {
            let (exchanged, original) = lifecycle.compareExchange(expected: current, desired: current - Lifecycle.ioRef, ordering: .acquiringAndReleasing)
            if exchanged { break }
            current = original
        }
        if current & Lifecycle.closed != 0 { close() }
    }
}

// MARK: - sendfile

extension socket {
    /// `s.sendfile(file, offset=0, count=None)`: sends the file open at descriptor `file`, from
    /// `offset`, until end of file or `count` bytes, and returns the count sent.
    ///
    /// Uses `sendfile(2)` (in chunks of at most 1 GiB); in timeout mode it waits with the
    /// full timeout before each chunk, as CPython does. If the first `sendfile(2)` fails (the
    /// descriptor is not a regular file, say), it falls back to reading the file with
    /// `pread(2)` and sending with `send()`. A send to a closed peer raises `BrokenPipeError`;
    /// SIGPIPE never kills the process.
    ///
    /// Python: `socket.sendfile()`. C: `sendfile(2)`, `poll(2)`; `pread(2)` and `send(2)` as fallback.
    /// - Throws: `ValueError("non-blocking sockets are not supported")`,
    ///   `ValueError("only SOCK_STREAM type sockets are supported")`,
    ///   `ValueError("count must be a positive integer (got 0)")`, `TimeoutError('timed out')`.
    ///
    /// Differs from CPython:
    /// - `file` is a descriptor (`Int32`), not a file object; its file position is neither used
    ///   nor moved (CPython seeks the file object to `offset + sent` afterwards; the returned
    ///   count gives the same information).
    /// - the file's size is not read first: an empty file on a non-blocking socket raises the
    ///   ValueError (CPython returns 0), and a pipe or other non-regular descriptor is sent
    ///   until its end or raises ESPIPE in the fallback (CPython's size check returns 0).
    public func sendfile(_ file: Int32, offset: Int = 0, count: Int? = nil) throws -> Int {
        try checkSendfile(count)
        let handle = handle()
        if handle.timeout == 0 { throw ValueError("non-blocking sockets are not supported") }
        // nil: the first chunk failed, so the descriptor is not one sendfile(2) reads: send() instead.
        if let sent = try callUnderTimeout(handle.sendfile(file, offset: Int64(offset), count: count)) {
            return sent
        }
        return try sendfileWithSend(file, offset, count)
    }

    /// `s.sendfile(file, offset, count)`: the positional form.
    ///
    /// Python: `socket.sendfile()`. C: `sendfile(2)`.
    public func sendfile(_ file: Int32, _ offset: Int, _ count: Int? = nil) throws -> Int {
        try sendfile(file, offset: offset, count: count)
    }

    /// CPython's `_sendfile_use_send`: reads chunks of 8192 bytes at `offset` and sends them.
    private func sendfileWithSend(_ file: Int32, _ offset: Int, _ count: Int?) throws -> Int {
        try checkSendfile(count)
        let handle = handle()
        if handle.timeout == 0 { throw ValueError("non-blocking sockets are not supported") }
        return try callUnderTimeout(handle.sendfileWithSend(file, offset: offset, count: count))
    }

    /// CPython's `_check_sendfile_params` (a descriptor has no text mode to reject).
    private func checkSendfile(_ count: Int?) throws {
        if type.rawValue & socket.SOCK_STREAM.rawValue == 0 {
            throw ValueError("only SOCK_STREAM type sockets are supported")
        }
        if let count, count <= 0 { throw ValueError("count must be a positive integer (got \(count))") }
    }
}
