// The socket docs' "Echo server program" / "Echo client program" getaddrinfo loops, IPv6 first, IPv4 fallback.
import PySocket
import PyBuiltins

let HOST: String? = nil
var PORT = 0
nonisolated(unsafe) var s: socket? = nil
for res in try socket.getaddrinfo("::1", PORT, socket.AF_UNSPEC,
                                  socket.SOCK_STREAM, 0, socket.AI_PASSIVE | socket.AI_NUMERICHOST) {
    let (af, socktype, proto, _, sa) = res
    print("trying", af, socktype, sa)
    do {
        s = try socket.socket(af, socktype, proto)
    } catch let msg as OSError {
        print("socket failed:", msg)
        s = nil
        continue
    }
    do {
        try s!.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try s!.bind(sa)
        try s!.listen(1)
    } catch let msg as OSError {
        print("bind failed:", msg)
        s!.close()
        s = nil
        continue
    }
    break
}
if s == nil {
    print("could not open socket")
    sys.exit(1)
}
let addr = try s!.getsockname()
print("server family:", s!.family, "len(addr):", len(addr))
PORT = try addr[1]


nonisolated(unsafe) var peers: [String] = []


func serve() throws {
    let (conn, addr) = try s!.accept()
    try conn.with { conn in
        peers.append(try addr[0])
        while true {
            let data = try conn.recv(1024)
            if data.isEmpty {
                break
            }
            _ = try conn.send(data)
        }
    }
}


let t = threading.Thread(target: serve)
try t.start()

var c: socket? = nil
for host in ["127.0.0.1", "::1"] {
    for res in try socket.getaddrinfo(host, PORT, socket.AF_UNSPEC, socket.SOCK_STREAM,
                                      0, socket.AI_NUMERICHOST) {
        let (af, socktype, proto, _, sa) = res
        do {
            c = try socket.socket(af, socktype, proto)
        } catch _ as OSError {
            c = nil
            continue
        }
        do {
            try c!.settimeout(1.0)
            try c!.connect(sa)
        } catch let msg as OSError {
            print("connect", try sa[0], "failed:", type(msg).__name__, msg.errno)
            c!.close()
            c = nil
            continue
        }
        break
    }
    if c != nil {
        break
    }
}
if c == nil {
    print("could not open socket")
    sys.exit(1)
}
print("client connected to", try c!.getpeername()[0], "timeout", c!.gettimeout())
let data = try c!.with { c in
    try c.sendall("Hello, world")
    return try c.recv(1024)
}
print("Received", repr(data))
try t.join()
print("Connected by", peers[0])
s!.close()
print("fileno after close:", s!.fileno(), c!.fileno())
