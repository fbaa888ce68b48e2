// Dump the common socket options of TCP, UDP and AF_UNIX sockets, then change a few and dump again.
import PySocket
import PyBuiltins

let OPTIONS = [
    ("SOL_SOCKET", "SO_TYPE"),
    ("SOL_SOCKET", "SO_REUSEADDR"),
    ("SOL_SOCKET", "SO_KEEPALIVE"),
    ("SOL_SOCKET", "SO_BROADCAST"),
    ("SOL_SOCKET", "SO_ERROR"),
    ("IPPROTO_TCP", "TCP_NODELAY"),
]


func dump(_ sock: socket, _ title: String) throws {
    print(try "== %s (family=%s, type=%s) ==" % (title, sock.family.name, sock.type.name))
    for (level_name, opt_name) in OPTIONS {
        let level: Int = try getattr(socket.self, level_name)
        let opt: Int = try getattr(socket.self, opt_name)
        var value: Any
        do {
            value = try sock.getsockopt(level, opt)
        } catch let e as OSError {
            value = try "error: %s" % e.strerror
        }
        print(try "  %-12s %-13s = %s" % (level_name, opt_name, value))
    }
}


let tcp = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
let udp = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
let unix = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
for (sock, title) in [(tcp, "tcp"), (udp, "udp"), (unix, "unix")] {
    try dump(sock, title)
}

try tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, true)
try tcp.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
try udp.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
try tcp.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, try `struct`.pack("ii", 1, 5))
try dump(tcp, "tcp after")
let (onoff, seconds): (Int, Int) = try `struct`.unpack("ii", try tcp.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8) as bytes)
print(try "linger: on={} seconds={}".format(bool(onoff), seconds))
let raw: bytes = try tcp.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4)
print("rcvbuf bytes:", len(raw), type(raw).__name__, try Int.from_bytes(raw, "little") > 0)
try tcp.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, try `struct`.pack("ll", 2, 500000))
let (sec, usec): (Int, Int) = try `struct`.unpack("ll", try tcp.getsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, try `struct`.calcsize("ll")) as bytes)
print(try "rcvtimeo: \(Double(sec) + Double(usec) / 1e6, ".2f")s")
do {
    try tcp.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, [0x01])
} catch let e as OSError {
    print("short linger:", e.errno, e)
}
do {
    _ = try udp.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 2000) as bytes
} catch let e as OSError {
    print("big buflen:", type(e).__name__, e)
}
let names = sorted(dir(socket.self).filter { n in n.startswith("SO_") && n.endswith("BUF") })
print(names, dict(try names.map { n in (n, try getattr(socket.self, n) as Int) }))
for s in [tcp, udp, unix] {
    s.close()
}
