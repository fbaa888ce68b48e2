// print writes to the process's real standard output and error, in order with Swift's own print (exit tests).
import Glibc
import PyBuiltins
import PySocket
import Testing

@Suite struct StandardStreamTests {
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
