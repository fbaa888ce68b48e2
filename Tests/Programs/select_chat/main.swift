// A chat room on select: every line a client sends goes to the others; queues per client.
import PySocket
import PyBuiltins

let server = try socket.socket()
try server.bind(("127.0.0.1", 0))
try server.listen(5)
try server.setblocking(false)

let names = ["alice", "bob", "carol"]
let clients = dict(try names.map { name in (name, try socket.create_connection(try server.getsockname())) })
var peers: dict<socket, String?> = [:]
var outbox = defaultdict<socket, deque<String>>(deque.self)
var said = defaultdict<String, Int>(int)

while len(peers) < len(names) {
    let (ready, _, _) = try select.select([server], [], [], 2)
    for s in ready {
        let (conn, _) = try s.accept()
        try conn.setblocking(false)
        peers[conn] = .some(nil)
    }
}
print("connected:", len(peers))

for (name, sock) in clients.items() {
    try sock.sendall("NICK \(name)\n".encode())
}
try clients["alice"]!.sendall("hello all\n")
try clients["bob"]!.sendall("hi alice\nhow are you?\n")

var rounds = 0
var delivered = 0
while delivered < 6 && rounds < 100 {
    rounds += 1
    let writers = peers.keys().filter { c in bool(outbox[c]) }
    let (readable, writable, _) = try select.select(list(peers), writers, [], 0.5)
    for conn in readable {
        let data = try conn.recv(4096)
        for line in try data.decode().splitlines() {
            if line.startswith("NICK ") {
                peers[conn] = line[5...]
                continue
            }
            said[peers[conn]!!] += 1
            for other in peers {
                if other !== conn {
                    outbox[other].append("<\(peers[conn]!!)> \(line)\n")
                }
            }
        }
    }
    for conn in writable {
        while bool(outbox[conn]) {
            try conn.sendall(try outbox[conn].popleft().encode())
            delivered += 1
        }
    }
}

for name in names {
    let sock = clients[name]!
    try sock.settimeout(1)
    var got: bytes = ""
    while got.count("\n") < (name == "carol" ? 3 : name == "alice" ? 2 : 1) {
        got += try sock.recv(1024)
    }
    print(name, "got", *(try got.decode().splitlines()), sep: " | ")
}

print("said:", dict(said), "delivered:", delivered)
print("queues empty:", all(outbox.values().map { q in !bool(q) }), file: sys.stderr)
let top = try max(said.items(), key: { kv in kv.1 })
print(try "most talkative: %s (%d lines)" % top)
for s in list(clients.values()) + list(peers) {
    s.close()
}
server.close()
