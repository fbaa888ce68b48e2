// The clocks, sleep and threads under PyBuiltins' `time` and `threading`: clock_gettime(2), nanosleep(2), pthreads.
#if canImport(Glibc)
import Glibc

/// The system calls `time` and `threading` are made of.
enum SystemClock {
    /// `clock_gettime(2)` of CLOCK_REALTIME (`realtime: true`) or CLOCK_MONOTONIC, in seconds.
    static func now(realtime: Bool) -> Double {
        var spec = timespec()
        _ = clock_gettime(realtime ? CLOCK_REALTIME : CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// `clock_gettime(2)` of CLOCK_REALTIME (`realtime: true`) or CLOCK_MONOTONIC, in integer
    /// nanoseconds.
    static func nanoseconds(realtime: Bool) -> Int {
        var spec = timespec()
        _ = clock_gettime(realtime ? CLOCK_REALTIME : CLOCK_MONOTONIC, &spec)
        return spec.tv_sec * 1_000_000_000 + spec.tv_nsec
    }

    /// `localtime_r(3)` of `seconds` since the epoch as logging's `asctime`:
    /// `2026-12-07 09:58:01,123`.
    static func localTimestamp(_ seconds: Double) -> String {
        var whole = time_t(seconds.rounded(.down))
        var parts = tm()
        _ = localtime_r(&whole, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = Int((seconds - seconds.rounded(.down)) * 1000)
        let ms = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)),\(ms)"
    }

    /// `nanosleep(2)` for `seconds` (finite, not negative), resumed with the time left after a
    /// signal, as CPython's `time.sleep` does (PEP 475).
    static func sleep(_ seconds: Double) {
        let whole = seconds.rounded(.down)
        var request = timespec(tv_sec: Int(whole), tv_nsec: Int((seconds - whole) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) == -1 && errno == EINTR {
            request = remaining
        }
    }

    /// Starts `body` on a new POSIX thread; false when the system refuses one.
    static func startThread(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
        let box = Unmanaged.passRetained(ThreadBody(body))
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            let body = Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue()
            body.run()
            return nil
        }, box.toOpaque())
        guard status == 0 else {
            box.release()
            return nil
        }
        return thread
    }

    /// `atexit(3)`: runs `handler` when the process exits normally (once per registration).
    static func atExit(_ handler: @convention(c) () -> Void) {
        _ = atexit(handler)
    }

    /// `pthread_join(3)`.
    static func join(_ thread: pthread_t) {
        _ = pthread_join(thread, nil)
    }

    /// `pthread_self(3)` as a number that identifies the calling thread while it runs.
    static func currentThreadID() -> UInt { UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(bitPattern: pthread_self()))) }

    /// Whether the caller is the process's first thread: its thread id equals the process id
    /// (`readlink(2)` of /proc/thread-self, which reads `PID/task/TID`; Glibc's module has no `gettid`).
    static func isMainThread() -> Bool {
        var buffer = [CChar](repeating: 0, count: 64)
        let count = readlink("/proc/thread-self", &buffer, buffer.count - 1)
        guard count > 0 else { return false }
        let parts = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self).split(separator: "/")
        return parts.count == 3 && parts[0] == parts[2]
    }
}

/// The closure a new thread runs, boxed to cross `pthread_create`'s `void *`.
private final class ThreadBody: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// The platform's thread handle.
typealias ThreadHandle = pthread_t

#else
#error("PyBuiltins is written for Linux (glibc); add this platform's clocks and threads here.")
#endif
