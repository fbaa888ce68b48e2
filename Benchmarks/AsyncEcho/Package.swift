// swift-tools-version: 6.1
// The async echo server of scripts/bench_async: PySocketAsync on each backend. A separate package
// (no dependency but the library) so that it builds in a minute, apart from the sync benchmarks.
import PackageDescription

let package = Package(
    name: "PySocketAsyncBenchmarks",
    dependencies: [.package(name: "PySocket", path: "../..")],
    targets: [
        .executableTarget(
            name: "echo_async",
            dependencies: [
                .product(name: "PySocket", package: "PySocket"),
                .product(name: "PySocketAsync", package: "PySocket"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
