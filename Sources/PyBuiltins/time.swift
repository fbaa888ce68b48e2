// time: the clocks and sleep of Python's `time` module that socket programs use.
import PySocket

/// `import time`: the clocks and `sleep` of Python's `time` module.
///
/// Python: `time`.
public enum time {
    /// `time.time()`: seconds since the Unix epoch, as a float.
    ///
    /// Python: `time.time()`. C: `clock_gettime(CLOCK_REALTIME)`.
    public static func time() -> Double { SystemClock.now(realtime: true) }

    /// `time.monotonic()`: seconds of a clock that never goes back, for measuring intervals.
    ///
    /// Python: `time.monotonic()`. C: `clock_gettime(CLOCK_MONOTONIC)`.
    public static func monotonic() -> Double { SystemClock.now(realtime: false) }

    /// `time.time_ns()`: nanoseconds since the Unix epoch, as an int.
    ///
    /// Python: `time.time_ns()`. C: `clock_gettime(CLOCK_REALTIME)`.
    public static func time_ns() -> Int { SystemClock.nanoseconds(realtime: true) }

    /// `time.monotonic_ns()`: `monotonic()` in integer nanoseconds.
    ///
    /// Python: `time.monotonic_ns()`. C: `clock_gettime(CLOCK_MONOTONIC)`.
    public static func monotonic_ns() -> Int { SystemClock.nanoseconds(realtime: false) }

    /// `time.perf_counter_ns()`: `perf_counter()` in integer nanoseconds.
    ///
    /// Python: `time.perf_counter_ns()`. C: `clock_gettime(CLOCK_MONOTONIC)`.
    public static func perf_counter_ns() -> Int { SystemClock.nanoseconds(realtime: false) }

    /// `time.perf_counter()`: the clock for timing code; CPython uses the monotonic clock on Linux.
    ///
    /// Python: `time.perf_counter()`. C: `clock_gettime(CLOCK_MONOTONIC)`.
    public static func perf_counter() -> Double { SystemClock.now(realtime: false) }

    /// `time.sleep(secs)`: suspends the calling thread for `secs` seconds, resumed after a
    /// signal with the time left; raises CPython's `ValueError` for a negative or NaN value.
    ///
    /// Python: `time.sleep()`. C: `nanosleep(2)`.
    public static func sleep(_ seconds: Double) throws {
        if seconds.isNaN { throw ValueError("Invalid value NaN (not a number)") }
        if seconds < 0 { throw ValueError("sleep length must be non-negative") }
        // CPython counts time in int64 nanoseconds.
        guard seconds * 1e9 < 9.223372036854775807e18 else {
            throw OverflowError("timestamp out of range for platform time_t")
        }
        SystemClock.sleep(seconds)
    }
}
