// The selectors documentation's callback echo server, driven by clients in the same program.
import PySocket
import PyBuiltins

let sel = try selectors.DefaultSelector<socket, (socket, Int) throws -> Void>()


func accept(_ sock: socket, _ mask: Int) throws {
    let (conn, addr) = try sock.accept()  // Should be ready
    print("accepted from", try addr[0], "mask", mask)
    try conn.setblocking(false)
    try sel.register(conn, selectors.EVENT_READ, read)
}


func read(_ conn: socket, _ mask: Int) throws {
    let data = try conn.recv(1000)  // Should be ready
    if !data.isEmpty {
        print("echoing", repr(data))
        _ = try conn.send(data)  // Hope it won't block
    } else {
        print("closing", conn.family.name)
        try sel.unregister(conn)
        conn.close()
    }
}


func run_once(_ timeout: Double) throws -> Int {
    let events = try sel.select(timeout)
    for (key, mask) in events {
        let callback = key.data
        try callback!(key.fileobj, mask)
    }
    return len(events)
}


let sock = try socket.socket()
try sock.bind(("127.0.0.1", 0))
try sock.listen(100)
try sock.setblocking(false)
let key = try sel.register(sock, selectors.EVENT_READ, accept)
print("listening:", key.fd == sock.fileno(), key.events, key.fileobj === sock)

var clients: [socket] = []
for _ in range(3) {
    let c = try socket.create_connection(try sock.getsockname(), timeout: 2)
    clients.append(c)
}
var rounds = 0
while len(sel.get_map()) < 4 && rounds < 20 {
    rounds += 1
    _ = try run_once(1.0)
}
print("registered", len(sel.get_map()))

for (i, c) in enumerate(clients) {
    try c.sendall("hello \(i)".encode())
    print("events", try run_once(1.0))
    print("client", i, "got", try c.recv(1024))
}

clients[1].close()
print("events", try run_once(1.0))
print("registered", len(sel.get_map()))
for c in [clients[0], clients[2]] {
    c.close()
}
rounds = 0
while len(sel.get_map()) > 1 && rounds < 20 {
    rounds += 1
    _ = try run_once(1.0)
}
print("registered", len(sel.get_map()), "idle events", try run_once(0))
try sel.unregister(sock)
sock.close()
sel.close()
print("done")
