// type(x).__mro__ and __bases__: an exception class's ancestors, walked through its Swift superclasses.
import PySocket

extension PyType {
    /// `cls.__mro__`: the class, its ancestors nearest first, and `object`, as a tuple:
    /// `type(e).__mro__[1, -1]` of a `ConnectionResetError` is `(<class 'ConnectionError'>,
    /// <class 'OSError'>, <class 'Exception'>, <class 'BaseException'>)`.
    ///
    /// Python: `type.__mro__`.
    ///
    /// Differs from CPython: classes of one parent only (Swift's), so a Python class with several
    /// bases (`io.UnsupportedOperation`) lists one line of them; classes PyBuiltins models as
    /// Swift values other than exceptions and `bool` give `(cls, object)`.
    public var __mro__: tuple<PyType> {
        var chain = [self]
        if var current = exceptionClass {
            while let parent = _getSuperclass(current) as? BaseException.Type {
                chain.append(pythonClass(parent))
                current = parent
            }
        } else if self == PyType("bool") {
            chain.append(PyType("int"))
        }
        if self != PyType("object") { chain.append(PyType("object")) }
        return tuple(chain)
    }

    /// `cls.__bases__`: the direct parent class, as a tuple (`(<class 'OSError'>,)`); `()` for
    /// `object`.
    ///
    /// Python: `type.__bases__`.
    public var __bases__: tuple<PyType> {
        let mro = __mro__
        return mro.count > 1 ? tuple([mro[1]]) : tuple()
    }

    /// `cls.__base__`: the direct parent class; nil (`None`) for `object`.
    ///
    /// Python: `type.__base__`.
    public var __base__: PyType? { __bases__.first }
}

extension tuple {
    /// `t[start:stop]`: Python's slice as a new tuple, negative bounds counting from the end,
    /// nil for an omitted bound (`t[1, -1]` is `t[1:-1]`); never traps (bounds are clipped).
    ///
    /// Python: `tuple.__getitem__(slice)`.
    public subscript(start: Int?, stop: Int?) -> tuple<Element> {
        tuple(Array(self)[start, stop])
    }
}
