// A port scanner on loopback: connect_ex with a timeout on each port says open or closed.
import PySocket
import PyBuiltins


func scan(_ host: String, _ port: Int, _ timeout: Double) throws -> Int {
    let s = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try s.settimeout(timeout)
    let code = try s.connect_ex((host, port))
    s.close()
    return code
}


// Three listening ports and two that were just closed, so the scan knows what it should find.
var listeners: [socket] = []
var targets: [(String, Int)] = []
for i in range(3) {
    let srv = try socket.create_server(("127.0.0.1", 0))
    listeners.append(srv)
    targets.append(("listener \(i)", try srv.getsockname()[1]))
}
for i in range(2) {
    let s = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try s.bind(("127.0.0.1", 0))
    targets.append(("closed \(i)", try s.getsockname()[1]))
    s.close()
}

var open_ports = 0
for (label, port) in targets {
    let code = try scan("127.0.0.1", port, 0.5)
    if code == 0 {
        open_ports += 1
        print(label, "open")
    } else {
        print(label, "closed:", errno.errorcode[code]!, code)
    }
}
print(open_ports, "of", len(targets), "ports open")
for srv in listeners {
    srv.close()
}
