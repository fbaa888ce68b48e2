// RealPython's multi-connection echo server and client (selectors, types.SimpleNamespace), run in one program.
import PySocket
import PyBuiltins

let server_sel = try selectors.DefaultSelector<socket, types.SimpleNamespace<(addr: SocketAddress, inb: bytes, outb: bytes)>>()
let client_sel = try selectors.DefaultSelector<socket, types.SimpleNamespace<(connid: Int, msg_total: Int, recv_total: Int, messages: [bytes], outb: bytes)>>()
let messages: [bytes] = ["Message 1 from client.", "Message 2 from client."]


func accept_wrapper(_ sock: socket) throws {
    let (conn, addr) = try sock.accept()  // Should be ready to read
    print("Accepted connection from \(try addr[0])")
    try conn.setblocking(false)
    let data = types.SimpleNamespace((addr: addr, inb: "" as bytes, outb: "" as bytes))
    let events = selectors.EVENT_READ | selectors.EVENT_WRITE
    try server_sel.register(conn, events, data: data)
}


func service_server(_ key: selectors.SelectorKey<socket, types.SimpleNamespace<(addr: SocketAddress, inb: bytes, outb: bytes)>>, _ mask: Int) throws {
    let sock = key.fileobj
    let data = key.data!
    if mask & selectors.EVENT_READ != 0 {
        let recv_data = try sock.recv(1024)  // Should be ready to read
        if !recv_data.isEmpty {
            data.outb += recv_data
        } else {
            print("Closing connection to \(try data.addr[0])")
            try server_sel.unregister(sock)
            sock.close()
        }
    }
    if mask & selectors.EVENT_WRITE != 0 {
        if !data.outb.isEmpty {
            print("Echoing \(repr(data.outb)) to \(try data.addr[0])")
            let sent = try sock.send(data.outb)  // Should be ready to write
            data.outb = data.outb[sent...]
        }
    }
}


func start_connections(_ server_addr: SocketAddress, _ num_conns: Int) throws {
    for i in range(0, num_conns) {
        let connid = i + 1
        print("Starting connection \(connid) to \(try server_addr[0])")
        let sock = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try sock.setblocking(false)
        _ = try sock.connect_ex(server_addr)
        let events = selectors.EVENT_READ | selectors.EVENT_WRITE
        let data = types.SimpleNamespace((
            connid: connid,
            msg_total: try sum(messages.map { m in len(m) }),
            recv_total: 0,
            messages: messages.copy(),
            outb: "" as bytes
        ))
        try client_sel.register(sock, events, data: data)
    }
}


func service_client(_ key: selectors.SelectorKey<socket, types.SimpleNamespace<(connid: Int, msg_total: Int, recv_total: Int, messages: [bytes], outb: bytes)>>, _ mask: Int) throws {
    let sock = key.fileobj
    let data = key.data!
    if mask & selectors.EVENT_READ != 0 {
        let recv_data = try sock.recv(1024)  // Should be ready to read
        if !recv_data.isEmpty {
            print("Received \(repr(recv_data)) from connection \(data.connid)")
            data.recv_total += len(recv_data)
        }
        if recv_data.isEmpty || data.recv_total == data.msg_total {
            print("Closing connection \(data.connid)")
            try client_sel.unregister(sock)
            sock.close()
        }
    }
    if mask & selectors.EVENT_WRITE != 0 {
        if data.outb.isEmpty && !data.messages.isEmpty {
            data.outb = try data.messages.pop(0)
        }
        if !data.outb.isEmpty {
            print("Sending \(repr(data.outb)) to connection \(data.connid)")
            let sent = try sock.send(data.outb)  // Should be ready to write
            data.outb = data.outb[sent...]
        }
    }
}


let lsock = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try lsock.bind(("127.0.0.1", 0))
try lsock.listen()
print("Listening on \(try lsock.getsockname()[0])")
try lsock.setblocking(false)
try server_sel.register(lsock, selectors.EVENT_READ, data: nil)

try start_connections(try lsock.getsockname(), 2)
for key in client_sel.get_map().values() {
    print(key.data)
}

// The clients send everything first (the kernel completes the handshakes before accept), then
// the server accepts and echoes, then the clients read and close, then the server sees them go:
// each side's reads then see whole messages, whatever the machine's load.
var rounds = 0
while any(client_sel.get_map().values().map { key in bool(key.data!.messages) || bool(key.data!.outb) }) && rounds < 100 {
    rounds += 1
    for (key, mask) in try client_sel.select(timeout: 1) {
        try service_client(key, mask)
    }
}
try time.sleep(0.1)

var idle = 0
while idle < 3 && rounds < 200 {
    rounds += 1
    let events = try server_sel.select(timeout: 0.05)
    if events.isEmpty {
        idle += 1
    }
    for (key, mask) in events {
        if key.data == nil {
            try accept_wrapper(key.fileobj)
        } else {
            try service_server(key, mask)
        }
    }
}
try time.sleep(0.1)

while bool(client_sel.get_map()) && rounds < 300 {
    rounds += 1
    for (key, mask) in try client_sel.select(timeout: 1) {
        try service_client(key, mask)
    }
}
print("clients done:", len(client_sel.get_map()) == 0)

while len(server_sel.get_map()) > 1 && rounds < 400 {
    rounds += 1
    for (key, mask) in try server_sel.select(timeout: 1) {
        try service_server(key, mask)
    }
}
print("server connections left:", len(server_sel.get_map()) - 1)
try server_sel.unregister(lsock)
lsock.close()
server_sel.close()
client_sel.close()
