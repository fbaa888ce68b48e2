// The bytes methods a program calls on a bytearray it received into: hex, decode, find, in, startswith, extend.

extension bytearray {
    /// `buf.hex()`: two lower-case hex digits per byte (`'00ff'`).
    ///
    /// Python: `bytearray.hex`. C: none.
    public func hex() -> String { bytes(storage).hex() }

    /// `buf.hex(sep, bytes_per_sep=1)`: hex digits with `sep` between groups of bytes, as
    /// `bytes.hex`.
    ///
    /// Python: `bytearray.hex`. C: none.
    /// - Throws: `ValueError('sep must be ASCII.')`.
    public func hex(_ sep: Character, _ bytes_per_sep: Int = 1) throws -> String {
        try bytes(storage).hex(sep, bytes_per_sep)
    }

    /// `buf.decode(encoding='utf-8', errors='strict')`: the text the bytes encode.
    ///
    /// Python: `bytearray.decode`. C: none.
    /// - Throws: `UnicodeDecodeError`, and `LookupError` for an unknown encoding, as `bytes.decode`.
    public func decode(_ encoding: String = "utf-8", errors: String = "strict") throws -> String {
        try bytes(storage).decode(encoding, errors: errors)
    }

    /// `buf.find(sub, start, end)`: the lowest index of `sub`, or -1.
    ///
    /// Python: `bytearray.find`. C: none.
    public func find(_ sub: bytes, _ start: Int? = nil, _ end: Int? = nil) -> Int {
        bytes(storage).find(sub, start, end)
    }

    /// `sub in buf`: whether `sub` occurs in the buffer.
    ///
    /// Python: `bytearray.__contains__`. C: none.
    public func contains(_ sub: bytes) -> Bool { bytes(storage).contains(sub) }

    /// `buf.startswith(prefix)`: whether the buffer begins with `prefix`.
    ///
    /// Python: `bytearray.startswith`. C: none.
    public func startswith(_ prefix: bytes) -> Bool { storage.starts(with: prefix.storage) }

    /// `buf.endswith(suffix)`: whether the buffer ends with `suffix`.
    ///
    /// Python: `bytearray.endswith`. C: none.
    public func endswith(_ suffix: bytes) -> Bool { storage.reversed().starts(with: suffix.storage.reversed()) }

    /// `buf.extend(data)`: appends the bytes of `data`.
    ///
    /// Python: `bytearray.extend`. C: none.
    public mutating func extend<Data: Sequence>(_ data: Data) where Data.Element == UInt8 { storage.append(contentsOf: data) }

    /// `buf.extend(b)`: appends the bytes of a `bytes`.
    ///
    /// Python: `bytearray.extend`. C: none.
    public mutating func extend(_ data: bytes) { storage.append(contentsOf: data.storage) }
}
