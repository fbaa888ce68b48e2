// Name and address conversions without the network: getaddrinfo on a numeric host,
// inet_pton / inet_ntop on an IPv6 address, inet_aton on an IPv4 one. Calls per second. Same steps as addrinfo.py.
// This target needs socket.getaddrinfo / inet_pton / inet_ntop; until the library has them it
// does not build, and scripts/bench reports its column as missing.
import BenchSupport
import PySocket

// The workload runs inside a function: top-level variables in main.swift are globals, whose
// `&buf` accesses would pay Swift's dynamic exclusivity checks that a local does not.
func main() throws {
    let args = Args()
    let op = args.string("--op", "getaddrinfo")
    let iters = args.int("--iters", 200_000)
    let warmup = args.int("--warmup", iters / 10)
    let address = "2001:db8:85a3::8a2e:370:7334"

    var sink = 0
    var t0 = 0.0
    switch op {
    case "getaddrinfo":
        for i in 0..<(iters + warmup) {
            if i == warmup { t0 = now() }
            let infos = try socket.getaddrinfo("127.0.0.1", 8080, socket.AF_INET, socket.SOCK_STREAM)
            sink &+= infos.count
        }
    case "inet_pton":
        for i in 0..<(iters + warmup) {
            if i == warmup { t0 = now() }
            let packed = try socket.inet_pton(socket.AF_INET6, address)
            sink &+= packed.count
        }
    case "inet_aton":
        for i in 0..<(iters + warmup) {
            if i == warmup { t0 = now() }
            let packed = try socket.inet_aton("192.168.17.254")
            sink &+= packed.count
        }
    default:
        let packed = try socket.inet_pton(socket.AF_INET6, address)
        for i in 0..<(iters + warmup) {
            if i == warmup { t0 = now() }
            let text = try socket.inet_ntop(socket.AF_INET6, packed)
            sink &+= text.utf8.count
        }
    }
    let dt = now() - t0
    if sink == 42 { print("") }
    report(op, "calls/s", ops: Double(iters), seconds: dt)
}

try main()
