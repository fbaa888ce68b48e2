// bytes(s, encoding) and str(b, encoding): Python's constructors that encode and decode text.
import PySocket

extension bytes {
    /// `bytes(s, encoding, errors="strict")`: the text encoded, as `s.encode(encoding, errors)`.
    ///
    /// Python: `bytes(str, encoding[, errors])`.
    /// - Throws: `LookupError('unknown encoding: x')`, `UnicodeEncodeError`, as `str.encode`.
    public init(_ string: String, _ encoding: String, _ errors: String = "strict") throws {
        self = try string.encode(encoding, errors)
    }
}

/// `str(b, encoding, errors="strict")`: the bytes decoded, as `b.decode(encoding, errors)`.
///
/// Python: `str(bytes, encoding[, errors])`.
/// - Throws: `LookupError('unknown encoding: x')`, `UnicodeDecodeError`, as `bytes.decode`.
public func str(_ object: bytes, _ encoding: String, _ errors: String = "strict") throws -> String {
    try object.decode(encoding, errors)
}
