// Python argument conversions shared by every API file: CPython's PyArg_Parse formats, with its exact errors.

/// CPython's "i" argument format: an `Int` that fits a C int, or OverflowError with CPython's
/// message. Every C-int argument (flags, option levels and names, control-message levels and
/// types) goes through this one function, in CPython's argument order.
@inline(__always)
func cIntArg(_ value: Int) throws -> Int32 {
    guard let result = Int32(exactly: value) else { throw cIntArgError(value) }
    return result
}

/// The OverflowError of `cIntArg`, out of line.
@inline(never)
func cIntArgError(_ value: Int) -> OverflowError {
    OverflowError(value > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum")
}
