// fd accounting for every test: a suite trait that fails any test after which the process holds more or fewer descriptors.
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The descriptors this process holds, as `/proc/self/fd` lists them, less the one reading it and
/// the kinds the Swift runtime and the test harness open at moments of their choosing
/// (timerfd, eventfd, epoll, io_uring, signalfd, pidfd): PySocket never creates those.
public func openDescriptors() -> [Int32: String] {
    guard let directory = opendir("/proc/self/fd") else { return [:] }
    let own = dirfd(directory)
    var found: [Int32: String] = [:]
    while let entry = readdir(directory) {
        let name = withUnsafePointer(to: &entry.pointee.d_name) {
            String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
        }
        guard let fd = Int32(name), fd != own else { continue }
        var target = [CChar](repeating: 0, count: 256)
        let count = readlink("/proc/self/fd/\(name)", &target, target.count - 1)
        guard count > 0 else { continue }
        let text = String(decoding: target.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if ignoredKinds.contains(where: { text.hasPrefix($0) }) { continue }
        found[fd] = text
    }
    closedir(directory)
    return found
}

/// Descriptor kinds that runtimes open lazily and keep; never made by PySocket.
private let ignoredKinds = [
    "anon_inode:[timerfd]", "anon_inode:[eventfd]", "anon_inode:[eventpoll]", "anon_inode:[io_uring]",
    "anon_inode:[signalfd]", "anon_inode:[pidfd]", "anon_inode:[pidfd]", "anon_inode:[pidfd",
]

/// Serialises the tests that account descriptors: a count is only meaningful while no other test
/// of the process opens or closes one. Waiters are resumed in arrival order.
actor DescriptorGate {
    static let shared = DescriptorGate()
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}

/// A trait that runs each test case alone among the accounted tests and records an issue when
/// the test leaves a different set of descriptors open than it found (CPython's `-R` fd check,
/// per test). Put `.fdBalanced` on a suite: it applies to every test in it, nested suites too.
public struct FDBalanced: SuiteTrait, TestTrait, TestScoping {
    /// Whether the current task already holds the gate (a scope nested in an accounted test).
    @TaskLocal static var holdsGate = false

    /// Where an imbalance is reported: `Issue.record` unless a test of the trait itself says otherwise.
    let onImbalance: (@Sendable (String) -> Void)?

    /// Whether the descriptors are compared (false: the test only runs alone, see `fdExclusive`).
    let compares: Bool

    /// - Parameter onImbalance: receives the report instead of `Issue.record` (for the trait's own tests).
    public init(onImbalance: (@Sendable (String) -> Void)? = nil) { self.init(onImbalance: onImbalance, compares: true) }

    init(onImbalance: (@Sendable (String) -> Void)?, compares: Bool) {
        self.onImbalance = onImbalance
        self.compares = compares
    }

    public var isRecursive: Bool { true }

    public func scopeProvider(for test: Test, testCase: Test.Case?) -> FDBalanced? {
        testCase == nil ? nil : self
    }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        if Self.holdsGate {
            try await accounted(test, function)
            return
        }
        await DescriptorGate.shared.acquire()
        do {
            try await Self.$holdsGate.withValue(true) { try await accounted(test, function) }
        } catch {
            await DescriptorGate.shared.release()
            throw error
        }
        await DescriptorGate.shared.release()
    }

    /// Runs `function` and compares the descriptors open before and after it.
    private func accounted(_ test: Test, _ function: @Sendable () async throws -> Void) async throws {
        guard compares else { return try await function() }
        let before = openDescriptors()
        do {
            try await function()
        } catch {
            await settleAndCompare(before, test)
            throw error
        }
        await settleAndCompare(before, test)
    }

    /// Compares the descriptors now open with `before`; a socket released on another thread may
    /// close a moment after the test returns, so a difference is looked at again for up to 1 s.
    private func settleAndCompare(_ before: [Int32: String], _ test: Test) async {
        var after = openDescriptors()
        var tries = 0
        while after != before && tries < 100 {
            try? await Task.sleep(nanoseconds: 10_000_000)
            after = openDescriptors()
            tries += 1
        }
        guard after != before else { return }
        let opened = after.filter { before[$0.key] != $0.value }.sorted { $0.key < $1.key }
        let closed = before.filter { after[$0.key] != $0.value }.sorted { $0.key < $1.key }
        let message = "fd delta \(after.count - before.count) across \(test.name): opened \(opened.map { "\($0.key)=\($0.value)" }), closed \(closed.map { "\($0.key)=\($0.value)" })"
        if let onImbalance { onImbalance(message) } else { Issue.record(Comment(rawValue: message)) }
    }
}

extension Trait where Self == FDBalanced {
    /// fd delta 0 around every test: see `FDBalanced`.
    public static var fdBalanced: FDBalanced { FDBalanced() }

    /// Runs each test alone among the accounted tests without comparing descriptors: for tests
    /// whose work happens in child processes (their descriptors die with them) but whose harness
    /// opens and closes pipes that would disturb another test's count.
    public static var fdExclusive: FDBalanced { FDBalanced(onImbalance: nil, compares: false) }
}

/// The names in a directory, without `.` and `..` (for `/proc/self/fd` counts and temp-dir checks).
public func directoryEntries(_ path: String) -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafePointer(to: &entry.pointee.d_name) {
            String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names
}
