// Python's ** on integers: 2 ** 31 - 1, 2 ** 16, as protocol code writes its limits.
import PySocket

/// Python's `**`: binds tighter than `*` and `/`, and groups from the right (`2 ** 3 ** 2` is
/// `2 ** 9`).
///
/// Python: the power operator's precedence.
precedencegroup PyPowerPrecedence {
    associativity: right
    higherThan: MultiplicationPrecedence
}

/// `a ** b`: Python's power operator.
infix operator ** : PyPowerPrecedence

/// `base ** exponent` of two ints: the power, exactly (`try 2 ** 31 - 1`).
///
/// Python: `int.__pow__`.
///
/// Differs from CPython: a result beyond `Int` raises `OverflowError('Python int too large to
/// convert to C long')` (Python's ints have no limit); a negative exponent raises
/// `ValueError('negative exponent: Python returns a float here; compute it as a Double')`
/// instead of returning a float; Swift's prefix `-` binds tighter than `**`, so Python's
/// `-2 ** 2` (-4) is `-(2 ** 2)`.
public func ** (base: Int, exponent: Int) throws -> Int {
    guard exponent >= 0 else {
        throw ValueError("negative exponent: Python returns a float here; compute it as a Double")
    }
    var result = 1
    var factor = base
    var remaining = exponent
    while remaining > 0 {
        if remaining & 1 == 1 {
            let (product, overflow) = result.multipliedReportingOverflow(by: factor)
            guard !overflow else { throw OverflowError("Python int too large to convert to C long") }
            result = product
        }
        remaining >>= 1
        if remaining > 0 {
            let (square, overflow) = factor.multipliedReportingOverflow(by: factor)
            guard !overflow else { throw OverflowError("Python int too large to convert to C long") }
            factor = square
        }
    }
    return result
}
