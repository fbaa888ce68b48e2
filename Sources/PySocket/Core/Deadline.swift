// A monotonic deadline: one per blocking call, one across a whole sendall.

/// An instant on the monotonic clock by which an operation must finish.
/// CPython: `_PyDeadline_Init` / `_PyDeadline_Get`.
package struct Deadline: Sendable {
    /// Nanoseconds on the monotonic clock of the socket's interface (`Kernel.monotonicNanoseconds()`).
    package let instant: UInt64

    /// `timeout` seconds after `now`; the timeout is rounded up to the nanosecond, as CPython does.
    package init(seconds timeout: Double, now: UInt64) {
        let nanoseconds = (timeout * 1e9).rounded(.up)
        instant = nanoseconds >= Double(UInt64.max - now) ? UInt64.max : now + UInt64(nanoseconds)
    }

    /// The time left in nanoseconds (what `ppoll(2)` waits, exactly); nil once the deadline has passed.
    package func remainingNanoseconds(now: UInt64) -> UInt64? {
        now > instant ? nil : instant - now
    }
}
