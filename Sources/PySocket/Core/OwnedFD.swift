// A noncopyable owner for a fresh file descriptor: closes it unless ownership is handed on.

/// Owns a descriptor from the moment a system call returns it until it is handed to a socket
/// object (`release()`); on every other path (an error, an early return) `deinit` closes it.
/// The compiler proves it is released or dropped exactly once.
package struct OwnedFD: ~Copyable {
    private var fd: Int32
    /// The interface that made the descriptor, and closes it.
    package let kernel: Kernel

    package init(_ fd: Int32, _ kernel: Kernel) {
        self.fd = fd
        self.kernel = kernel
    }

    /// The descriptor, still owned.
    package var rawValue: Int32 { fd }

    /// Hands the descriptor on; this owner no longer closes it.
    package consuming func release() -> Int32 {
        let value = fd
        fd = -1
        return value
    }

    deinit {
        if fd >= 0 { try? kernel.close(fd) }
    }
}
