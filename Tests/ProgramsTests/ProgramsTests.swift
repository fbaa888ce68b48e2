// Runs every whole-program port (Tests/Programs/NAME/main.swift) and example (Examples/NAME/main.swift) as a child process and compares its output with CPython's.
import Foundation
import ProgramsLauncher
import Testing
import TestSupport

/// The repository's root.
private let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The directory holding one folder per program: `NAME.py`, its port `main.swift`, CPython's `NAME.expected`.
private let programsDirectory = root.appendingPathComponent("Tests/Programs")

/// The examples: `NAME.py` beside the folder `NAME/` holding its port `main.swift` and CPython's `NAME.expected`.
private let examplesDirectory = root.appendingPathComponent("Examples")

/// Executables left out of the test (`program_NAME`, `example_NAME`), each with the reason (also
/// listed in README's "Whole programs" or "Examples" table).
private let excluded: [String: String] = [:]

/// The folders NAME of `directory` for which `pythonPath(NAME)` exists, in name order.
private func names(in directory: URL, pythonPath: (String) -> String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { name in
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(pythonPath(name)).path)
    }.sorted()
}

/// Every program folder, in name order.
private let programNames = names(in: programsDirectory) { "\($0)/\($0).py" }

/// Every example, in name order.
private let exampleNames = names(in: examplesDirectory) { "\($0).py" }

/// The programs and examples that use asyncio (their Python source imports it): run on every backend.
private let asyncioPrograms: [(String, URL)] =
    programNames.filter { usesAsyncio(programsDirectory.appendingPathComponent("\($0)/\($0).py")) }
        .map { ("program_" + $0, programsDirectory.appendingPathComponent("\($0)/\($0).expected")) }
    + exampleNames.filter { usesAsyncio(examplesDirectory.appendingPathComponent("\($0).py")) }
        .map { ("example_" + $0, examplesDirectory.appendingPathComponent("\($0)/\($0).expected")) }

/// Whether the Python program at `url` imports asyncio.
private func usesAsyncio(_ url: URL) -> Bool {
    let source = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return source.split(separator: "\n").contains { $0.hasPrefix("import") && $0.contains("asyncio") }
}

/// This test binary: it links every program and becomes program NAME when spawned with
/// `PYSOCKET_PROGRAM=NAME` (Tests/ProgramsLauncher/launcher.c).
private let testBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
    ?? CommandLine.arguments[0])

/// stdout, then `--- stderr ---` and stderr if any, then `--- exit status N ---` if not 0: the
/// same text `scripts/programs.py capture` writes from CPython's run. The child is started with
/// `posix_spawn` (Tests/ProgramsLauncher) and waited for with `waitpid` (not Foundation's `Process`, whose descriptors close
/// later on a background queue, under another test's descriptor count); it inherits no descriptor
/// beyond its three standard ones.
private func run(_ executable: String, backend: String? = nil) throws -> Data {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("programs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outPath = scratch.appendingPathComponent("stdout").path, errPath = scratch.appendingPathComponent("stderr").path
    let arguments = [testBinary.path]
    let environment = ["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "PYSOCKET_PROGRAM=\(executable)"] + (backend.map { ["PYSOCKET_BACKEND=\($0)"] } ?? [])
    var argv = arguments.map { strdup($0) } + [nil], envp = environment.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = pysocket_spawn_program(&pid, testBinary.path, &argv, &envp, scratch.path, outPath, errPath)
    guard spawned == 0 else { throw CocoaError(.executableLoad, userInfo: ["errno": spawned]) }
    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(60)
    while true {
        let waited = waitpid(pid, &status, WNOHANG)
        if waited == pid || (waited == -1 && errno != EINTR) { break }
        if Date() > deadline { kill(pid, SIGKILL) }
        usleep(10_000)
    }
    var text = try Data(contentsOf: URL(fileURLWithPath: outPath))
    let stderr = try Data(contentsOf: URL(fileURLWithPath: errPath))
    if !stderr.isEmpty { text += Data("--- stderr ---\n".utf8) + stderr }
    let signal = status & 0x7f, exitStatus = (status >> 8) & 0xff
    if signal != 0 {
        text += Data("--- killed by signal \(signal) ---\n".utf8)
    } else if exitStatus != 0 {
        text += Data("--- exit status \(exitStatus) ---\n".utf8)
    }
    return text
}

// fdExclusive: each port runs in a child process (its descriptors die with it), so the parent's
// count says nothing of the port's; the suite only runs alone among the accounted tests.
@Suite("Whole programs: each Swift port prints what CPython 3.13 printed", .fdExclusive)
struct ProgramsTests {
    @Test("there are at least 20 programs, each with its port and CPython's output")
    func inventory() {
        #expect(programNames.count >= 20)
        for name in programNames {
            let dir = programsDirectory.appendingPathComponent(name)
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("main.swift").path), "\(name)")
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("\(name).expected").path), "\(name)")
        }
    }

    @Test("there are at least 12 examples, each with its port and CPython's output")
    func examplesInventory() {
        #expect(exampleNames.count >= 12)
        for name in exampleNames {
            let dir = examplesDirectory.appendingPathComponent(name)
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("main.swift").path), "\(name)")
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("\(name).expected").path), "\(name)")
        }
    }

    @Test("the port's stdout+stderr equals CPython's, byte for byte", .serialized, arguments: programNames)
    func program(_ name: String) throws {
        try compare("program_" + name, programsDirectory.appendingPathComponent("\(name)/\(name).expected"))
    }

    @Test("the example's stdout+stderr equals CPython's, byte for byte", .serialized, arguments: exampleNames)
    func example(_ name: String) throws {
        try compare("example_" + name, examplesDirectory.appendingPathComponent("\(name)/\(name).expected"))
    }

    /// The default run above uses the best backend (io_uring where the kernel has it); the
    /// programs that use asyncio also run on epoll and poll.
    @Test("an asyncio program prints CPython's output on epoll and poll too", .serialized,
          arguments: ["epoll", "poll"], asyncioPrograms.map { $0.0 })
    func asyncioProgram(_ backend: String, _ name: String) throws {
        try compare(name, asyncioPrograms.first { $0.0 == name }!.1, backend: backend)
    }

    /// Runs `executable` and compares what it printed with the CPython capture at `expectedFile`.
    private func compare(_ name: String, _ expectedFile: URL, backend: String? = nil) throws {
        #expect(pysocket_programs_launcher_linked() == 1)
        let expected = try Data(contentsOf: expectedFile)
        let actual = try run(name, backend: backend)
        let message: Comment = """
            \(name)\(backend.map { " on \($0)" } ?? ""): CPython printed
            \(String(decoding: expected, as: UTF8.self))
            the port printed
            \(String(decoding: actual, as: UTF8.self))
            """
        if let reason = excluded[name] {
            // Left out, with its reason; once the port matches, this fails until the entry is removed.
            withKnownIssue("\(name) is left out: \(reason)") { #expect(actual == expected, message) }
        } else {
            #expect(actual == expected, message)
        }
    }
}
