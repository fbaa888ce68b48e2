// swift-tools-version: 6.0
// The asyncio-streams echo benchmark: PySocketAsync's start_server/open_connection against CPython's
// (streams_echo.py beside this file), both measured in round trips per CPU second of the one process
// holding client and server. A separate package so that the library keeps no dependencies.
//   swift build -c release && PYSOCKET_BACKEND=epoll .build/release/streams_echo 20000
//   python3.13 streams_echo.py 20000
import PackageDescription

let package = Package(
    name: "StreamsEcho",
    dependencies: [.package(name: "PySocket", path: "../..")],
    targets: [
        .executableTarget(
            name: "streams_echo",
            dependencies: [
                .product(name: "PySocket", package: "PySocket"),
                .product(name: "PySocketAsync", package: "PySocket"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
