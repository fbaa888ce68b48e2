// A threaded line-protocol server without socketserver: makefile("rw") on both ends.
import PySocket
import PyBuiltins

func handle(_ conn: socket, _ name: String) throws {
    try conn.with { conn in try conn.makefile("rw", encoding: "utf-8", newline: "\n").with { f in
        try f.write("HELLO \(name)\n")
        try f.flush()
        for var line in f {
            line = line.strip()
            if line.isEmpty {
                continue
            }
            let (cmd, _, rest) = try line.partition(" ")
            if cmd == "ADD" {
                let total = try sum(try rest.split(",").map { try int($0) })
                try f.write("SUM \(total)\n")
            } else if cmd == "UPPER" {
                try f.write(rest.upper() + "\n")
            } else if cmd.startswith("Q") {
                try f.write("BYE\n")
                try f.flush()
                return
            } else {
                try f.write("ERR \(repr(cmd))\n")
            }
            try f.flush()
        }
    } }
}

func server(_ srv: socket, _ count: Int) throws {
    var workers: [threading.Thread] = []
    for i in range(count) {
        let (conn, _) = try srv.accept()
        let t = threading.Thread(target: { try handle(conn, "client\(i)") })
        try t.start()
        workers.append(t)
    }
    for t in workers {
        try t.join()
    }
}

try socket.socket(socket.AF_INET, socket.SOCK_STREAM).with { srv in
    try srv.bind(("127.0.0.1", 0))
    try srv.listen()
    let (host, port) = try srv.getsockname().pair
    let st = threading.Thread(target: { try server(srv, 2) })
    try st.start()
    for script in [["ADD 1,2,3", "UPPER quiet", "", "NOPE", "QUIT"], ["ADD 40,2", "Q"]] {
        try socket.create_connection((host, port)).with { c in
            let f = try c.makefile("rw", encoding: "utf-8", newline: "\n")
            print("<", try f.readline().rstrip("\n"))
            for line in script {
                try f.write(line + "\n")
                try f.flush()
                if line.isEmpty {
                    continue
                }
                let reply = try f.readline()
                print(try "> \(line, "<12")| \(reply.strip(), ">10") |")
            }
            try f.close()
        }
    }
    try st.join()
}
print("done")
