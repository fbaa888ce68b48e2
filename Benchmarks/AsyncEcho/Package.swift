// swift-tools-version: 6.1
// The async echo servers of scripts/bench_async: PySocketAsync on each backend (echo_async), and
// SwiftNIO's (echo_nio, from the machine's package mirror) to compare with. A separate package so
// that the library keeps no dependencies; echo_async alone builds without NIO
// (`swift build --product echo_async`).
import PackageDescription

let package = Package(
    name: "PySocketAsyncBenchmarks",
    dependencies: [
        .package(name: "PySocket", path: "../.."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "echo_async",
            dependencies: [
                .product(name: "PySocket", package: "PySocket"),
                .product(name: "PySocketAsync", package: "PySocket"),
            ]
        ),
        .executableTarget(
            name: "echo_nio",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
