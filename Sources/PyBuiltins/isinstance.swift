// isinstance(): Python's class test, checked at run time so that it never draws Swift's "'is' test is always true" warning.

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
