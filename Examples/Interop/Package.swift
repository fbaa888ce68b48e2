// swift-tools-version: 6.0
// PySocket beside SwiftNIO and swift-system: a socket's descriptor handed over and adopted back (tested by scripts/interop).
import PackageDescription

let package = Package(
    name: "Interop",
    dependencies: [
        .package(name: "PySocket", path: "../.."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        .target(
            name: "Interop",
            dependencies: [
                .product(name: "PySocket", package: "PySocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .testTarget(name: "InteropTests", dependencies: ["Interop"]),
    ],
    swiftLanguageModes: [.v6]
)
