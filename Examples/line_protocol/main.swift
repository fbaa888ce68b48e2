// A line protocol over TCP with makefile: each side reads and writes lines through a file object.
import PySocket
import PyBuiltins


func serve(_ srv: socket) throws {
    let (conn, _) = try srv.accept()
    let f: SocketFile<bytes> = try conn.makefile("rwb")
    try f.write("WELCOME\n")
    try f.flush()
    while true {
        let line = try f.readline()
        if line.isEmpty {
            break
        }
        let (command, _, argument) = try line.strip().partition(" ")
        if command == "ECHO" {
            try f.write(argument + "\n")
        } else if command == "UPPER" {
            try f.write(argument.upper() + "\n")
        } else if command == "LEN" {
            try f.write(try bytes("%d\n") % len(argument))
        } else if command == "QUIT" {
            try f.write("BYE\n")
            try f.flush()
            break
        } else {
            try f.write("ERR unknown command " + command + "\n")
        }
        try f.flush()
    }
    try f.close()
    conn.close()
}


let srv = try socket.create_server(("127.0.0.1", 0))
let t = threading.Thread(target: { try serve(srv) })
try t.start()

let sock = try socket.create_connection(try srv.getsockname())
let f: SocketFile<bytes> = try sock.makefile("rwb")
print("server says", try f.readline())
for command: bytes in ["ECHO hello there", "UPPER quiet words", "LEN twelve chars", "PING", "QUIT"] {
    try f.write(command + "\n")
    try f.flush()
    print(try command.decode(), "->", try f.readline())
}
print("after QUIT:", try f.readline())
try f.close()
sock.close()
try t.join()
srv.close()
