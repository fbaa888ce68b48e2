// What every reliability check shares: result rows, descriptor and memory probes, clocks, threads.
import Glibc
import PySocket
import Synchronization

/// One row of the table `scripts/reliability` prints: what was checked, what it must show,
/// what was measured, and whether that passes. Printed as a tab-separated `ROW` line.
struct Row {
    var test: String
    var target: String
    var measured: String
    var pass: Bool
}

/// Rows printed so far, and whether any failed; the exit status says so.
nonisolated(unsafe) var failedRows = 0

/// Appended to every row's test name (" (SCHED_FIFO)" for `precision --realtime`).
nonisolated(unsafe) var testSuffix = ""

/// Prints a row for the script to collect.
func report(_ test: String, _ target: String, _ measured: String, _ pass: Bool) {
    if !pass { failedRows += 1 }
    say("ROW\t\(test)\(testSuffix)\t\(target)\t\(measured)\t\(pass ? "yes" : "NO")")
}

/// Writes a line to standard output at once (unbuffered: a check that dies still leaves its lines).
func say(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
            if written <= 0 { break }
            offset += written
        }
    }
}

/// Descriptors open in this process (`/proc/self/fd`), less the one reading it and the kinds the
/// Swift runtime opens lazily (timerfd, eventfd, epoll), which PySocket never makes.
func openDescriptorCount() -> Int {
    guard let directory = opendir("/proc/self/fd") else { return -1 }
    defer { closedir(directory) }
    let own = dirfd(directory)
    var count = 0
    while let entry = readdir(directory) {
        let name = withUnsafePointer(to: &entry.pointee.d_name) {
            String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
        }
        guard let fd = Int32(name), fd != own else { continue }
        var target = [CChar](repeating: 0, count: 64)
        let length = readlink("/proc/self/fd/\(name)", &target, target.count - 1)
        if length > 0 {
            let text = String(decoding: target.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("anon_inode:[timerfd]") || text.hasPrefix("anon_inode:[eventfd]")
                || text.hasPrefix("anon_inode:[eventpoll]") { continue }
        }
        count += 1
    }
    return count
}

/// The highest descriptor number open now.
func highestDescriptor() -> Int32 {
    var highest: Int32 = 2
    for fd in 0..<Int32(4096) where fcntl(fd, F_GETFD) != -1 { highest = fd }
    return highest
}

/// Resident set size in bytes (`/proc/self/statm`, second field, times the page size).
func residentBytes() -> Int {
    guard let file = fopen("/proc/self/statm", "r") else { return -1 }
    defer { fclose(file) }
    var size = 0, resident = 0
    withUnsafeMutablePointer(to: &size) { sizePointer in
        withUnsafeMutablePointer(to: &resident) { residentPointer in
            _ = withVaList([sizePointer, residentPointer]) { vfscanf(file, "%ld %ld", $0) }
        }
    }
    return resident * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// Monotonic clock in nanoseconds.
func nowNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// Seconds since `start` (a `nowNanoseconds()` reading).
func secondsSince(_ start: UInt64) -> Double { Double(nowNanoseconds() - start) / 1e9 }

/// Sleeps `microseconds`.
func pause(microseconds: Int) {
    var request = timespec(tv_sec: microseconds / 1_000_000, tv_nsec: (microseconds % 1_000_000) * 1000)
    var left = timespec()
    while nanosleep(&request, &left) == -1 && errno == EINTR { request = left }
}

/// Formats a byte count as MiB with three decimals (may be negative).
func mebibytes(_ bytes: Int) -> String { formatted(Double(bytes) / 1_048_576, 3) + " MiB" }

/// `value` with `digits` decimals, without Foundation.
func formatted(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    let fraction = Int(scaled) - whole * Int(scale)
    var fractionText = String(fraction)
    while fractionText.count < digits { fractionText = "0" + fractionText }
    return (value < 0 && scaled != 0 ? "-" : "") + String(whole) + (digits > 0 ? "." + fractionText : "")
}

/// A count with thousands separators (1,000,000).
func grouped(_ value: Int) -> String {
    let digits = Array(String(abs(value)))
    var text = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { text += "," }
        text.append(digit)
    }
    return (value < 0 ? "-" : "") + text
}

/// A job for `startThread`, passed to the new thread as its context.
private final class ThreadJob: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

/// Starts `body` on a new POSIX thread; returns the thread (join it with `pthread_join`).
func startThread(_ body: @escaping () -> Void) -> pthread_t {
    let job = Unmanaged.passRetained(ThreadJob(body)).toOpaque()
    var thread = pthread_t()
    let created = pthread_create(&thread, nil, { context in
        guard let context else { return nil }
        Unmanaged<ThreadJob>.fromOpaque(context).takeRetainedValue().body()
        return nil
    }, job)
    if created != 0 { fatalError("pthread_create failed: \(created)") }
    return thread
}

/// A value shared between threads behind a mutex.
final class Shared<Value: Sendable>: @unchecked Sendable {
    private let storage: Mutex<Value>
    init(_ value: Value) { storage = Mutex(value) }
    var value: Value {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
    func update<R>(_ body: (inout Value) -> R) -> R { storage.withLock { body(&$0) } }
}

/// The expected outcomes captured with CPython 3.13 (`Reliability/capture_*.py`): name -> (type, str, detail).
func expectedOutcomes(_ path: String) -> [String: (type: String, text: String, detail: String)] {
    guard let file = fopen(path, "r") else {
        say("reliability: cannot read \(path)")
        exit(2)
    }
    defer { fclose(file) }
    var table: [String: (String, String, String)] = [:]
    var line: UnsafeMutablePointer<CChar>? = nil
    var capacity = 0
    while getline(&line, &capacity, file) > 0 {
        guard let line else { break }
        let text = String(cString: line).split(separator: "\n", omittingEmptySubsequences: false)[0]
        if text.hasPrefix("#") || text.isEmpty { continue }
        let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 4 else { continue }
        table[fields[0]] = (fields[1], fields[2], fields[3])
    }
    free(line)
    return table
}

/// `type(e).__name__` and `str(e)` as PySocket prints them, ExceptionGroups with their members
/// (the capture's format); ("None", "") when nothing was thrown.
func describeOutcome(_ error: (any Error)?, port: Int? = nil) -> (String, String) {
    guard let error else { return ("None", "") }
    var text = String(describing: error)
    if let group = error as? ExceptionGroup {
        text += " | " + group.exceptions.map { "\(type(of: $0)): \($0)" }.joined(separator: "; ")
    }
    if let port { text = text.replacingAll(String(port), with: "{port}") }
    return (String(describing: type(of: error)), text)
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
