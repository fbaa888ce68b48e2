// swift-tools-version: 6.0
// PySocket: Python's `socket` module, in Swift. The library has no package dependencies.
import PackageDescription

let package = Package(
    name: "PySocket",
    products: [
        .library(name: "PySocket", targets: ["PySocket"]),
        // Opt-in: Python's print/str/repr/len/type for plain values; `import PyBuiltins` beside `import PySocket`.
        .library(name: "PyBuiltins", targets: ["PyBuiltins"]),
    ],
    targets: [
        // The only C: CMSG_* macros, sockaddr_un sizing, errno access, syscall(2).
        .target(name: "CPySocket"),
        .target(
            name: "PySocket",
            dependencies: ["CPySocket"]
        ),
        // Python's builtins (print, repr, str, len, type...) as a ported program uses them.
        .target(name: "PyBuiltins", dependencies: ["PySocket"]),
        .testTarget(name: "PyBuiltinsTests", dependencies: ["PySocket", "PyBuiltins"]),
        // The scripted kernel and fixtures shared by the test targets.
        .target(
            name: "TestSupport",
            dependencies: ["PySocket"],
            path: "Tests/Support"
        ),
        .testTarget(name: "PySocketTests", dependencies: ["PySocket", "TestSupport"]),
        .testTarget(name: "CoreTests", dependencies: ["PySocket", "TestSupport"]),
        // Conformance: replays the CPython traces of Conformance/ against PySocket (Foundation allowed here only).
        .target(name: "ConformanceKit", dependencies: ["PySocket"]),
        .executableTarget(name: "conformance", dependencies: ["ConformanceKit"]),
        .testTarget(name: "ConformanceTests", dependencies: ["ConformanceKit"]),
    ],
    swiftLanguageModes: [.v6]
)
