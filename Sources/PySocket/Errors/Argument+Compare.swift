// e.args[i] compared with a plain int or str, as Python compares the items of an exception's args.

extension BaseException.Argument {
    /// `e.args[0] == n`: an int argument equals the same `int` (`e.args[0] == socket.EAI_NONAME`).
    ///
    /// Python: `int.__eq__` on an item of `e.args`.
    public static func == (lhs: Self, rhs: Int) -> Bool {
        if case .int(let value) = lhs { return value == rhs }
        if case .bool(let flag) = lhs { return (flag ? 1 : 0) == rhs }
        return false
    }

    /// `n == e.args[0]`.
    ///
    /// Python: `int.__eq__` on an item of `e.args`.
    public static func == (lhs: Int, rhs: Self) -> Bool { rhs == lhs }

    /// `e.args[0] != n`.
    ///
    /// Python: `int.__ne__` on an item of `e.args`.
    public static func != (lhs: Self, rhs: Int) -> Bool { !(lhs == rhs) }

    /// `n != e.args[0]`.
    ///
    /// Python: `int.__ne__` on an item of `e.args`.
    public static func != (lhs: Int, rhs: Self) -> Bool { !(rhs == lhs) }

    /// `e.args[1] == text`: a str argument equals the same `str` (`e.args[0] == "timed out"`).
    ///
    /// Python: `str.__eq__` on an item of `e.args`.
    public static func == (lhs: Self, rhs: String) -> Bool {
        if case .str(let value) = lhs { return value == rhs }
        return false
    }

    /// `text == e.args[1]`.
    ///
    /// Python: `str.__eq__` on an item of `e.args`.
    public static func == (lhs: String, rhs: Self) -> Bool { rhs == lhs }

    /// `e.args[1] != text`.
    ///
    /// Python: `str.__ne__` on an item of `e.args`.
    public static func != (lhs: Self, rhs: String) -> Bool { !(lhs == rhs) }

    /// `text != e.args[1]`.
    ///
    /// Python: `str.__ne__` on an item of `e.args`.
    public static func != (lhs: String, rhs: Self) -> Bool { !(rhs == lhs) }
}
