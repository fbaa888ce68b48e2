// swift-tools-version: 6.0
// PySocket: Python's `socket` module, in Swift. The library has no package dependencies.
import PackageDescription

let package = Package(
    name: "PySocket",
    products: [
        .library(name: "PySocket", targets: ["PySocket"]),
        .library(name: "PySocketAsync", targets: ["PySocketAsync"]),
    ],
    targets: [
        // The only C: CMSG_* macros, sockaddr_un sizing, errno access, accept4 and fcntl varargs.
        .target(name: "CPySocket"),
        .target(
            name: "PySocket",
            dependencies: ["CPySocket"]
        ),
        // asyncio's socket face: the event loop on io_uring, epoll or poll, and loop.sock_*.
        .target(name: "PySocketAsync", dependencies: ["PySocket", "CPySocket"]),
        // The scripted kernel shared by the test targets.
        .target(
            name: "TestSupport",
            dependencies: ["PySocket"],
            path: "Tests/Support"
        ),
        .testTarget(name: "PySocketTests", dependencies: ["PySocket", "TestSupport"]),
        .testTarget(name: "CoreTests", dependencies: ["PySocket", "TestSupport"]),
        .testTarget(name: "AsyncTests", dependencies: ["PySocketAsync", "PySocket"]),
        // Conformance: replays the CPython traces of Conformance/ against PySocket (Foundation allowed here only).
        .target(name: "ConformanceKit", dependencies: ["PySocket"]),
        .executableTarget(name: "conformance", dependencies: ["ConformanceKit"]),
        .testTarget(name: "ConformanceTests", dependencies: ["ConformanceKit"]),
    ],
    swiftLanguageModes: [.v6]
)
