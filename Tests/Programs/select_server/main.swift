// A single-threaded echo server driven by select.select over non-blocking sockets.
import PySocket
import PyBuiltins

let listener = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try listener.bind(("127.0.0.1", 0))
try listener.listen()
try listener.setblocking(false)
let address = try listener.getsockname()

var clients: [socket] = []
for _ in range(3) {
    let c = try socket.create_connection(address)
    clients.append(c)
}

var inputs = [listener]
var buffers: [socket: bytes] = [:]
var accepted = 0
while accepted < 3 {
    let (readable, _, _) = try select.select(inputs, [], [], 1.0)
    for s in readable {
        if s === listener {
            let (conn, _) = try s.accept()
            try conn.setblocking(false)
            inputs.append(conn)
            buffers[conn] = ""
            accepted += 1
        }
    }
}
print("accepted", accepted, "watching", len(inputs))

for (i, c) in enumerate(clients) {
    try c.sendall("client \(i) says hi".encode())
}
clients[1].close()

var done = 0
var rounds = 0
while done < 3 && rounds < 50 {
    rounds += 1
    let (readable, _, _) = try select.select(Array(inputs[1...]), [], Array(inputs[1...]), 1.0)
    for s in readable {
        let data = try s.recv(1024)
        if !data.isEmpty {
            try s.sendall(data.upper())
        } else {
            try inputs.remove(s)
            s.close()
            done += 1
        }
    }
    if done == 0 && readable.isEmpty {
        break
    }
    if done == 1 {
        for c in [clients[0], clients[2]] {
            print(try c.recv(1024))
            c.close()
        }
        clients = []
    }
}
print("closed", done, "left", len(inputs))

let (r, w, x) = try select.select([], [listener], [], 0)
print("writable listener:", len(w), "timeout select:", try select.select([listener], [], [], 0.01))
listener.close()
