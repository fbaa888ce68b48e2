// swift-tools-version: 6.0
// PySocket: Python's `socket` module, in Swift. The library has no package dependencies.
import PackageDescription

let package = Package(
    name: "PySocket",
    products: [
        .library(name: "PySocket", targets: ["PySocket"]),
    ],
    targets: [
        // The only C: CMSG_* macros, sockaddr_un sizing, errno access, accept4 and fcntl varargs.
        .target(name: "CPySocket"),
        .target(
            name: "PySocket",
            dependencies: ["CPySocket"]
        ),
        // The scripted kernel shared by the test targets.
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
        .testTarget(name: "ConformanceTests", dependencies: ["ConformanceKit", "TestSupport"]),
        // Reliability (issue 15): churn, error paths, SIGPIPE, EINTR storms, hostile input; run by scripts/reliability.
        .executableTarget(name: "reliability", dependencies: ["PySocket"], path: "Reliability/Sources"),
    ],
    swiftLanguageModes: [.v6]
)
