// print writes to the process's real standard output and error, in order with Swift's own print (exit tests).
import Glibc
import PyBuiltins
import PySocket
import Testing
import TestSupport

@Suite(.fdBalanced) struct StandardStreamTests {
    @Test("print writes to file descriptor 1, in order with Swift.print; file: sys.stderr to 2")
    func writesTheStandardStreams() async throws {
        let result = try await #require(
            #expect(processExitsWith: .success, observing: [\.standardOutputContent, \.standardErrorContent]) {
                Swift.print("swift", terminator: " ")
                print("py", true, nil as Int?)
                print("err", 1.5, file: sys.stderr)
                print("a", "b", sep: "-", end: "", flush: true)
                sys.stdout.write("!\n")
                exit(0)
            })
        #expect(String(decoding: result.standardOutputContent, as: UTF8.self) == "swift py True None\na-b!\n")
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).hasSuffix("err 1.5\n"))
    }

    @Test("sys.exit(status) flushes what print wrote and exits with the status")
    func exitWithStatus() async throws {
        let result = try await #require(
            #expect(processExitsWith: .exitCode(3), observing: [\.standardOutputContent]) {
                print("before exit", end: "")
                sys.exit(3)
            })
        #expect(String(decoding: result.standardOutputContent, as: UTF8.self) == "before exit")
    }

    @Test("sys.exit(message) writes the message to stderr and exits with 1")
    func exitWithMessage() async throws {
        let result = try await #require(
            #expect(processExitsWith: .exitCode(1), observing: [\.standardErrorContent]) {
                sys.exit("fatal: no server")
            })
        #expect(String(decoding: result.standardErrorContent, as: UTF8.self).hasSuffix("fatal: no server\n"))
    }

    @Test("a file that imports PySocket but not PyBuiltins keeps Swift's print")
    func swiftPrintIsUntouchedWithoutTheImport() async throws {
        let result = try await #require(
            #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
                printWithoutPyBuiltins()
                exit(0)
            })
        #expect(String(decoding: result.standardOutputContent, as: UTF8.self) == "true nil [\"a\"]\n")
    }
}
