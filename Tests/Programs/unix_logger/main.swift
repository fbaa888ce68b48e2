// An AF_UNIX datagram log collector: clients send "LEVEL message" records to a socket file.
import PySocket
import PyBuiltins

let LEVELS = ["DEBUG", "INFO", "WARNING", "ERROR"]

let tmp = try tempfile.TemporaryDirectory().with { tmp in
    let path = os.path.join(tmp, "log.sock")
    let collector = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try collector.bind(path)
    try collector.settimeout(0.2)
    print("bound:", try os.path.basename(try collector.getsockname()), os.path.exists(path))

    var clients: [socket] = []
    for i in range(2) {
        let c = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        try c.bind(os.path.join(tmp, "client\(i).sock"))
        clients.append(c)
    }
    let anon = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)

    let records = [(0, "INFO", "starting"), (1, "DEBUG", "x=1"), (0, "ERROR", "disk full"),
                   (1, "INFO", "héllo wörld"), (0, "WARNING", "slow"), (1, "INFO", "done")]
    for (idx, level, msg) in records {
        _ = try clients[idx].sendto(try "\(level) \(msg)".encode("utf-8"), path)
    }
    _ = try anon.sendto("ERROR anonymous", path)
    _ = try anon.sendto([0xff, 0xfe] + bytes(" not utf-8"), path)

    var counts = Counter<String>()
    var senders = Counter<String>()
    while true {
        let data: bytes, sender: SocketAddress
        do {
            (data, sender) = try collector.recvfrom(1024)
        } catch is TimeoutError {
            break
        }
        let level: String, msg: String
        do {
            (level, _, msg) = try data.decode("utf-8").partition(" ")
        } catch let e as UnicodeDecodeError {
            print("  undecodable from \(repr(sender)): \(e.reason) at \(e.start)", file: sys.stderr)
            continue
        }
        counts[level] += 1
        let who = bool(sender) ? try os.path.basename(sender) : "<unbound>"
        senders[who] += 1
        let marker = try "!" * (LEVELS.contains(level) ? try LEVELS.index(level) : 0)
        print(try "  [\(level, "<7")] \(who, ">12"): \(msg)\(marker)")
    }

    print("levels:", counts)
    print("by sender:", senders.most_common())
    print("errors+warnings:", counts["ERROR"] + counts["WARNING"], "unknown:", counts["CRITICAL"])
    print(sorted(counts.elements())[nil, 4], list(counts), counts.total())
    for c in clients + [anon, collector] {
        c.close()
    }
    print("files:", sorted(try os.listdir(tmp)))
    return tmp
}
print("cleaned up:", !os.path.exists(tmp))
