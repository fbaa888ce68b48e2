// swift-tools-version: 6.1
// PySocket's benchmarks: one executable per workload (the Swift third of each C / CPython / Swift
// triple, see scripts/bench) and an ordo-one/benchmark target that counts heap allocations per call.
// A separate package so that the library itself keeps no dependencies.
import PackageDescription

/// The library under test: this repository, or another checkout of it named by
/// PYSOCKET_LIBRARY_PATH (scripts/bench --library DIR), to compare two versions.
let libraryPath = Context.environment["PYSOCKET_LIBRARY_PATH"] ?? ".."

/// The Swift workloads. Each is built on its own by scripts/bench, so that a workload whose API
/// is not in the library yet (addrinfo: getaddrinfo / inet_pton / inet_ntop) fails alone.
let workloads = ["pingpong", "bulk", "connect", "udp", "addrinfo", "readline", "iterate", "bytesops"]

let package = Package(
    name: "PySocketBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "PySocket", path: libraryPath),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(name: "BenchSupport", dependencies: [.product(name: "PySocket", package: "PySocket")]),
        .executableTarget(
            name: "Allocations",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PySocket", package: "PySocket"),
            ],
            path: "Benchmarks/Allocations",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ] + workloads.map { name in
        .executableTarget(
            name: name,
            dependencies: ["BenchSupport", .product(name: "PySocket", package: "PySocket")]
        )
    },
    swiftLanguageModes: [.v6]
)
