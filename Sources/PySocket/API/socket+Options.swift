// Socket options: getsockopt and setsockopt in CPython's int, bytes and (None, optlen) forms.

extension socket {
    /// `s.getsockopt(level, optname)`: the option as an int.
    ///
    /// Python: `socket.getsockopt(level, optname)`. C: `getsockopt(2)` into an `int`.
    public func getsockopt(_ level: Int, _ optname: Int) throws -> Int {
        let (level, name) = try optionKey(level, optname)
        return Int(try callNow(handle().getsockopt(level, name)))
    }

    /// `s.getsockopt(level, optname, buflen)`: the option's raw bytes (at most `buflen`,
    /// 1 to 1024), for structured options such as SO_LINGER.
    ///
    /// Python: `socket.getsockopt(level, optname, buflen)`. C: `getsockopt(2)`.
    ///
    /// Differs from CPython: with `buflen` 0 CPython returns the int; here this form returns the
    /// int's four bytes, and `let value: Int = try s.getsockopt(level, optname, 0)` returns
    /// the int.
    public func getsockopt(_ level: Int, _ optname: Int, _ buflen: Int) throws -> bytes {
        let (cLevel, name) = try optionKey(level, optname)
        let buflen = try cIntArg(buflen)
        if buflen == 0 {
            let value = Int32(truncatingIfNeeded: try getsockopt(level, optname))
            return bytes(withUnsafeBytes(of: value) { Array($0) })
        }
        guard (1...1024).contains(buflen) else { throw OSError("getsockopt buflen out of range") }
        var data = try bytes(count: Int(buflen))
        var length = UInt32(buflen)
        try data.storage.withUnsafeMutableBytes { buffer in
            try callNow(handle().getsockopt(cLevel, name, buffer.baseAddress!, &length))
        }
        data.storage.removeLast(Int(buflen) - Int(length))
        return data
    }

    /// `s.getsockopt(level, optname, 0)` where an `Int` is wanted: the option as an int, as
    /// CPython returns it for `buflen` 0; any other `buflen` returns the bytes' value as
    /// `int.from_bytes(data, sys.byteorder)` would, so prefer the `bytes` form for structures.
    ///
    /// Python: `socket.getsockopt(level, optname, 0)`. C: `getsockopt(2)` into an `int`.
    @_disfavoredOverload
    public func getsockopt(_ level: Int, _ optname: Int, _ buflen: Int) throws -> Int {
        let (_, _) = try optionKey(level, optname)
        if try cIntArg(buflen) == 0 { return try getsockopt(level, optname) }
        let data: bytes = try getsockopt(level, optname, buflen)
        return data.storage.reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// `s.setsockopt(level, optname, value)`: sets an int option.
    ///
    /// Python: `socket.setsockopt(level, optname, int)`. C: `setsockopt(2)` with an `int`.
    public func setsockopt(_ level: Int, _ optname: Int, _ value: Int) throws {
        // CPython tries the int form, then the buffer form: an int out of C int range ends up
        // rejected as "not bytes-like" (after the level and name, which both forms check first).
        _ = try optionKey(level, optname)
        guard let flag = Int32(exactly: value) else { throw TypeError("a bytes-like object is required, not 'int'") }
        try setOption(level, optname, flag)
    }

    /// `s.setsockopt(level, optname, True)`: a bool is an int in Python.
    ///
    /// Python: `socket.setsockopt()`. C: `setsockopt(2)`.
    public func setsockopt(_ level: Int, _ optname: Int, _ value: Bool) throws {
        try setOption(level, optname, Int32(value ? 1 : 0))
    }

    /// `s.setsockopt(level, optname, value)`: sets an option from raw bytes (a packed struct).
    ///
    /// Python: `socket.setsockopt(level, optname, buffer)`. C: `setsockopt(2)`.
    public func setsockopt(_ level: Int, _ optname: Int, _ value: bytes) throws {
        let (level, name) = try optionKey(level, optname)
        try value.storage.withUnsafeBytes { buffer in
            try callNow(handle().setsockopt(level, name, buffer.baseAddress, UInt32(buffer.count)))
        }
    }

    /// `s.setsockopt(level, optname, None, optlen)`: passes a NULL value with a length
    /// (AF_ALG's ALG_SET_AEAD_AUTHSIZE uses this).
    ///
    /// Python: `socket.setsockopt(level, optname, None, optlen)`. C: `setsockopt(2)` with NULL.
    public func setsockopt(_ level: Int, _ optname: Int, _ value: Never?, _ optlen: Int) throws {
        let (level, name) = try optionKey(level, optname)
        // CPython reads optlen as a C unsigned int without a range check (-1 reaches the kernel).
        let length = UInt32(truncatingIfNeeded: optlen)
        try callNow(handle().setsockopt(level, name, nil, length))
    }

    private func setOption(_ level: Int, _ optname: Int, _ flag: Int32) throws {
        let (level, name) = try optionKey(level, optname)
        var value = flag
        try callNow(handle().setsockopt(level, name, &value, UInt32(MemoryLayout<Int32>.size)))
    }

    /// `level` and `optname` as C ints, with CPython's OverflowError for values that do not fit.
    private func optionKey(_ level: Int, _ optname: Int) throws -> (Int32, Int32) {
        (try cIntArg(level), try cIntArg(optname))
    }
}
