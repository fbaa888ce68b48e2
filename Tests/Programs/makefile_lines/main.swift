// A line protocol over a socket with makefile: a tiny key-value server.
import PySocket
import PyBuiltins

let (server_side, client_side) = try socket.socketpair()

func serve() throws {
    var store: [String: String] = [:]
    let rfile = try server_side.makefile("r", encoding: "utf-8", newline: "\n")
    let wfile = try server_side.makefile("w", encoding: "utf-8", newline: "\n")
    for line in rfile {
        let parts = line.split(whereSeparator: \.isWhitespace).map(String.init)
        if parts[0] == "SET" {
            store[parts[1]] = parts[2]
            try wfile.write("OK\n")
        } else if parts[0] == "GET" {
            try wfile.write(store[parts[1], default: "MISSING"] + "\n")
        } else if parts[0] == "QUIT" {
            try wfile.write("BYE \(len(store))\n")
            try wfile.flush()
            break
        } else {
            try wfile.write("ERR unknown command\n")
        }
        try wfile.flush()
    }
    try rfile.close()
    try wfile.close()
    server_side.close()
}

let t = threading.Thread(target: serve)
try t.start()

let f: SocketFile<bytes> = try client_side.makefile("rwb")
for command: bytes in ["SET color blue", "SET size 10", "GET color", "GET shape", "HELLO", "QUIT"] {
    try f.write(command + "\n")
    try f.flush()
    let reply = try f.readline()
    print(try command.decode(), "->", reply)
}
print(try f.readline())
try f.close()
try t.join()
client_side.close()
print(client_side.fileno())
