// WritableBuffer: an object whose bytes a receive writes in place (Python's writable buffer protocol).

/// An object that exposes writable bytes living in memory it keeps alive (Python's buffer
/// protocol with `PyBUF_WRITABLE`), so that a receive writes into it in place, as
/// `loop.sock_recv_into(sock, memoryview(buf)[n:])` does: PyBuiltins' `memoryview` is one.
///
/// Python: the buffer protocol (`PyObject_GetBuffer` with `PyBUF_WRITABLE`).
public protocol WritableBuffer {
    /// Runs `body` with the bytes in place, writable. The memory stays at that address for as
    /// long as the value lives (a receive may keep the pointer until it returns); a read-only
    /// buffer raises CPython's `TypeError('<caller>() argument 1 must be read-write bytes-like
    /// object, not <type>')`.
    ///
    /// Python: `PyObject_GetBuffer(obj, PyBUF_WRITABLE)`.
    func withWritableBytes<R>(_ caller: String, _ body: (UnsafeMutableRawBufferPointer) throws -> R) throws -> R
}
