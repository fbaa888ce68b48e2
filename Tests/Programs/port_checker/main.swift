// Check a list of ports on 127.0.0.1: open ones accept, closed ones refuse; summary table.
import PySocket
import PyBuiltins

let listeners = try range(3).map { _ in try socket.create_server(("127.0.0.1", 0)) }
let open_ports: [Int] = try listeners.map { l in try l.getsockname()[1] }
let probe = try socket.socket()
try probe.bind(("127.0.0.1", 0))
let closed_port: Int = try probe.getsockname()[1]
probe.close()

let ports = try sys.argv[1...].isEmpty ? open_ports[nil, 2] + [closed_port] + open_ports[2, nil] : sys.argv[1...].map { a in try int(a) }
let labels = dict(enumerate(ports).map { (i, p) in (p, "svc\(i)") })


func check(_ port: Int, _ timeout: Double = 0.5) throws -> (Int, Bool) {
    let started = time.monotonic()
    let s = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    let code = try s.with { s in
        try s.settimeout(timeout)
        return try s.connect_ex(("127.0.0.1", int(port)))
    }
    let elapsed = time.monotonic() - started
    return (code, elapsed < timeout)
}


var results: [(String, Int, String, Bool)] = []
for port in ports {
    let (code, in_time) = try check(port)
    let state = code == 0 ? "open" : errno.errorcode.get(code, str(code))
    results.append((labels[port]!, code, state, in_time))
}

print(try "\("name", "<6")|\("code", ">5")|\("state", "^14")|fast")
print(try "-" * 32)
for (name, code, state, fast) in results {
    print(try "\(name, "<6")|\(code, ">5")|\(state, "^14")|\(str(fast), ">4")")
}
print(try "-" * 32)
let n_open = try sum(results.filter { r in r.1 == 0 }.map { _ in 1 })
print(try "{} of {} open ({:.1%}), {} refused".format(n_open, len(results), Double(n_open) / Double(len(results)), len(results) - n_open))
print("any closed:", any(results.map { (_, code, _, _) in code != 0 }), "all fast:", all(results.map { r in r.3 }))
let by_state = sorted(results, key: { r in (r.2, r.0) }, reverse: true)
print("order:", by_state.map { r in r.0 })
print(try "\(1234567, ",") \(0.5, ".3f") \(255, "#06x") \(-42, "+d") \(3.14159, "8.2f")| \(repr("x"), ">5") \(7, "b")")
for l in listeners {
    l.close()
}
if n_open != 3 {
    print("unexpected", file: sys.stderr)
    sys.exit(1)
}
print("exiting with", len(ports))
sys.exit(len(ports) - 2)
