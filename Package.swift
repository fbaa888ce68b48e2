// swift-tools-version: 6.0
// PySocket: Python's `socket` module, in Swift. The library has no package dependencies.
import PackageDescription

let package = Package(
    name: "PySocket",
    products: [
        .library(name: "PySocket", targets: ["PySocket"]),
        // Opt-in: Python's print/str/repr/len/type for plain values; `import PyBuiltins` beside `import PySocket`.
        .library(name: "PyBuiltins", targets: ["PyBuiltins"]),
        .library(name: "PySocketAsync", targets: ["PySocketAsync"]),
    ],
    targets: [
        // The only C: CMSG_* macros, sockaddr_un sizing, errno access, accept4 and fcntl varargs.
        .target(name: "CPySocket"),
        .target(
            name: "PySocket",
            dependencies: ["CPySocket"]
        ),
        // Python's builtins (print, repr, str, len, type...) as a ported program uses them.
        .target(name: "PyBuiltins", dependencies: ["PySocket", "CPySocket"]),
        .testTarget(name: "PyBuiltinsTests", dependencies: ["PySocket", "PyBuiltins", "TestSupport"]),
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
        .testTarget(name: "AsyncTests", dependencies: ["PySocketAsync", "PySocket", "PyBuiltins", "TestSupport"]),
        // The documentation's Swift blocks (Docs/PortingGuide.md, the DocC articles), compiled and run: scripts/gen_doc_snippets.py.
        .testTarget(name: "DocsTests", dependencies: ["PySocket", "PySocketAsync", "PyBuiltins", "TestSupport"]),
        // Conformance: replays the CPython traces of Conformance/ against PySocket (Foundation allowed here only).
        .target(name: "ConformanceKit", dependencies: ["PySocket", "PySocketAsync"]),
        .executableTarget(name: "conformance", dependencies: ["ConformanceKit"]),
        .testTarget(name: "ConformanceTests", dependencies: ["ConformanceKit", "TestSupport"]),
        // Real clients against real servers (scripts/integration): each the Swift port of the NAME.py beside it.
        .executableTarget(name: "redis_client", dependencies: ["PySocket"], path: "Tests/Integration/redis_client", exclude: ["redis_client.py"]),
        .executableTarget(name: "http_client", dependencies: ["PySocket", "PyBuiltins"], path: "Tests/Integration/http_client", exclude: ["http_client.py"]),
        .executableTarget(name: "memcached_client", dependencies: ["PySocket"], path: "Tests/Integration/memcached_client", exclude: ["memcached_client.py"]),
        .executableTarget(name: "dns_client", dependencies: ["PySocket"], path: "Tests/Integration/dns_client", exclude: ["dns_client.py"]),
        // Reliability (issue 15): churn, error paths, SIGPIPE, EINTR storms, hostile input; run by scripts/reliability.
        .executableTarget(name: "reliability", dependencies: ["PySocket", "PyBuiltins"], path: "Reliability/Sources"),
    ],
    swiftLanguageModes: [.v6]
)

// Whole programs (issue 12): Tests/Programs/NAME/NAME.py, CPython's output NAME.expected, and the
// line-by-line Swift port NAME/main.swift, one executable each; ProgramsTests runs every port and
// compares its output with CPython's byte for byte. scripts/programs.py captures and checks.
let programs = [
    "accept_timeout",
    "addr_helpers",
    "address_errors",
    "async_broadcast",
    "async_cancel",
    "async_datagram",
    "async_deadlines",
    "async_echo_gather",
    "async_limits",
    "async_protocols",
    "async_sock_server",
    "async_taskgroup",
    "async_tcp",
    "async_udp",
    "async_waiting",
    "async_workers",
    "asyncapi_goodbye",
    "asyncapi_scheduler",
    "builtins_pinger",
    "builtins_subnets",
    "class_server",
    "constants_table",
    "create_conn_server",
    "dualstack_server",
    "error_fields",
    "error_tour",
    "errors_errno",
    "fd_passing",
    "fd_pipe_passing",
    "format_table",
    "framed_rpc",
    "full_buffers",
    "gai_explorer",
    "gai_fields",
    "http10_server",
    "ipv6_loopback",
    "json_kv",
    "length_framing",
    "line_server",
    "makefile_lines",
    "makefile_modes",
    "netmask_calc",
    "nonblocking_connect",
    "nonblocking_poll",
    "port_checker",
    "protocol_errors",
    "recv_buffers",
    "resolve_numeric",
    "rights_fdlist",
    "select_chat",
    "select_server",
    "selectors_backends",
    "selectors_callback",
    "selectors_connect",
    "selectors_multiconn",
    "sendall_large",
    "sendmsg_rights",
    "services_names",
    "shutdown_halfclose",
    "socket_objects",
    "socketpair_basics",
    "socketserver_echo",
    "sockopt_dump",
    "sockopts",
    "struct_records",
    "tcp_echo_threads",
    "text_makefile",
    "timeouts",
    "trial_addrtools",
    "trial_lines_v6",
    "trial_odds",
    "trial_resolve",
    "trial_sockopts",
    "trial_tcp_echo",
    "trial_udp_unix",
    "trialasync_chat",
    "trialasync_line_echo",
    "trialasync_pipeline",
    "trialasync_protocols",
    "trialasync_ratelimit",
    "trialasync_sock_loop",
    "trialasync_timeouts",
    "trialasync_udp",
    "trialmix_bulk_timeout",
    "trialmix_forking_echo",
    "trialmix_getaddrinfo_echo",
    "trialmix_json_lines",
    "trialmix_select_queues",
    "trialsync_addr_toolkit",
    "trialsync_chat",
    "trialsync_errors",
    "trialsync_filexfer",
    "trialsync_http_client",
    "trialsync_ipv6_options",
    "trialsync_select_server",
    "trialsync_struct_proto",
    "trialsync_udp_ping",
    "trialsync_unix_wrapper",
    "udp_echo",
    "udp_heartbeat",
    "udp_retry",
    "unix_dgram",
    "unix_logger",
    "unix_stream",
    "unix_tempdir",
    "value_printing",
    "with_statements",
    "worker_pool",
]
package.targets += programs.map { name in
    .executableTarget(
        name: "program_" + name,
        dependencies: ["PySocket", "PyBuiltins", "PySocketAsync"],
        path: "Tests/Programs/" + name,
        exclude: [name + ".py", name + ".expected"]
    )
}

// Examples (issue 16): classic socket programs, Examples/NAME.py beside its port Examples/NAME/main.swift,
// one executable each (`swift run example_NAME`); CPython's output is Examples/NAME/NAME.expected and
// ProgramsTests compares each port's output with it, as for the whole programs above.
let examples = [
    "async_chat",
    "async_server",
    "fd_passing",
    "getaddrinfo_explorer",
    "http_get",
    "ipv6_server",
    "line_protocol",
    "netcat",
    "port_scanner",
    "socketpair_fork",
    "tcp_echo",
    "timeout_retry",
    "udp_echo",
    "unix_chat",
]
package.targets += examples.map { name in
    .executableTarget(
        name: "example_" + name,
        dependencies: ["PySocket", "PyBuiltins", "PySocketAsync"],
        path: "Examples/" + name,
        exclude: [name + ".expected"]
    )
}
// The test binary links every program's and example's code and runs one when spawned with
// PYSOCKET_PROGRAM=program_NAME or example_NAME (Tests/ProgramsLauncher), so `swift test` never runs
// a port older than its sources.
package.targets.append(.target(name: "ProgramsLauncher", path: "Tests/ProgramsLauncher"))
package.targets.append(.testTarget(
    name: "ProgramsTests",
    dependencies: ["ProgramsLauncher", "TestSupport"] + programs.map { .target(name: "program_" + $0) }
        + examples.map { .target(name: "example_" + $0) },
    linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]
))
// format(), f-string specifications and str % against CPython on random cases: scripts/format_fuzz.py.
package.targets.append(.executableTarget(name: "format_fuzz", dependencies: ["PySocket", "PyBuiltins"], path: "Tests/FormatFuzz"))
