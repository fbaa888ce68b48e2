// A line protocol in one thread over an AF_UNIX socketpair or TCP loopback: A sends a request
// line, B reads it with `makefile("rb").readline()` and sends it back, A reads the reply with its
// own file's readline(). Round trips per second. Same steps as readline.py.
import BenchSupport
import PySocket

func main() throws {
    let args = Args()
    let transport = args.string("--transport", "unix")
    let iters = args.int("--iters", 200_000)
    let warmup = args.int("--warmup", iters / 10)

    let (a, b) = transport == "unix"
        ? try socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        : try tcpPair(nodelay: true)
    let fa: SocketFile<bytes> = try a.makefile("rb")
    let fb: SocketFile<bytes> = try b.makefile("rb")
    let request: bytes = "GET /index.html HTTP/1.0 x=1\n"

    var t0 = 0.0
    for i in 0..<(iters + warmup) {
        if i == warmup { t0 = now() }
        try a.sendall(request)
        let line = try fb.readline()
        try b.sendall(line)
        let reply = try fa.readline()
        if reply.count != request.count { fail("short line") }
    }
    let dt = now() - t0
    try fa.close()
    try fb.close()
    a.close()
    b.close()
    report("readline_\(transport)", "round trips/s", ops: Double(iters), seconds: dt)
}

try main()
