// Runs every whole-program port (Tests/Programs/NAME/main.swift) as a child process and compares its output with CPython's.
import Foundation
import ProgramsLauncher
import Testing
import TestSupport

/// The directory holding one folder per program: `NAME.py`, its port `main.swift`, CPython's `NAME.expected`.
private let programsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Programs")

/// Programs left out of the test, each with the reason (also listed in README's "Whole programs").
private let excluded: [String: String] = [:]

/// Every program folder, in name order.
private let programNames: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: programsDirectory.path)) ?? []
    return names.filter { name in
        FileManager.default.fileExists(atPath: programsDirectory.appendingPathComponent("\(name)/\(name).py").path)
    }.sorted()
}()

/// This test binary: it links every program and becomes program NAME when spawned with
/// `PYSOCKET_PROGRAM=NAME` (Tests/ProgramsLauncher/launcher.c).
private let testBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
    ?? CommandLine.arguments[0])

/// stdout, then `--- stderr ---` and stderr if any, then `--- exit status N ---` if not 0: the
/// same text `scripts/programs.py capture` writes from CPython's run.
private func run(_ name: String) throws -> Data {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("programs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = testBinary
    process.currentDirectoryURL = scratch
    process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYSOCKET_PROGRAM": name]
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(60)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    try out.close()
    try err.close()
    var text = try Data(contentsOf: outURL)
    let stderr = try Data(contentsOf: errURL)
    if !stderr.isEmpty { text += Data("--- stderr ---\n".utf8) + stderr }
    if process.terminationReason == .uncaughtSignal {
        text += Data("--- killed by signal \(process.terminationStatus) ---\n".utf8)
    } else if process.terminationStatus != 0 {
        text += Data("--- exit status \(process.terminationStatus) ---\n".utf8)
    }
    return text
}

// fdExclusive: each port runs in a child process (its descriptors die with it); Foundation's
// Process keeps a socketpair it opens on first use, so the parent's count is not the port's.
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

    @Test("the port's stdout+stderr equals CPython's, byte for byte", .serialized, arguments: programNames)
    func program(_ name: String) throws {
        #expect(pysocket_programs_launcher_linked() == 1)
        let expected = try Data(contentsOf: programsDirectory.appendingPathComponent("\(name)/\(name).expected"))
        let actual = try run(name)
        let message: Comment = """
            \(name): CPython printed
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
