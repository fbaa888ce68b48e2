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

    /// The time left in milliseconds, rounded up (CPython's `_PyTime_ROUND_CEILING`), clamped to
    /// what `poll(2)` accepts; nil once the deadline has passed.
    package func remainingMilliseconds(now: UInt64) -> Int32? {
        if now > instant { return nil }
        let nanoseconds = instant - now
        let milliseconds = nanoseconds / 1_000_000 + (nanoseconds % 1_000_000 == 0 ? 0 : 1)
        return milliseconds > UInt64(Int32.max) ? Int32.max : Int32(milliseconds)
    }
}
