// isinstance() and issubclass(): Python's class tests, checked at run time so that they never draw Swift's "'is' test is always true" warning.

/// `isinstance(object, classinfo)`
/// Whether `object` is an instance of `classinfo` or of a subclass: `isinstance(e, OSError.self)`
/// is true for a `ConnectionRefusedError`, as `except OSError` would catch it.
///
/// Python: `isinstance`.
///
/// Differs from CPython: `classinfo` is a Swift type (`OSError.self`), not a tuple of classes.
public func isinstance<Class>(_ object: Any, _ classinfo: Class.Type) -> Bool {
    object is Class
}

/// `issubclass(cls, classinfo)`: whether the class `cls` is `classinfo` or one of its subclasses:
/// `issubclass(ConnectionRefusedError.self, OSError.self)` is true.
///
/// Python: `issubclass`.
///
/// Differs from CPython: both are Swift types (`X.self`), not a tuple of classes.
public func issubclass<Class, Base>(_ cls: Class.Type, _ classinfo: Base.Type) -> Bool {
    cls is Base.Type
}
