// b.count(sub) with Python's positional argument, beside count(of:).

extension bytes {
    /// `b.count(sub)`: the number of non-overlapping occurrences of `sub` (`count(of:)` under
    /// Python's positional spelling).
    ///
    /// Python: `bytes.count`. C: none.
    public func count(_ sub: bytes) -> Int { count(of: sub) }
}
