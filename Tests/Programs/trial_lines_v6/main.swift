// Port of trial_lines_v6.py: makefile line protocols over ::1, a socketpair text file, errors.
import PySocket
import PyBuiltins

func line_server(_ srv: socket) throws {
    let (conn, _) = try srv.accept()
    try conn.with { conn in
        let f: SocketFile<bytes> = try conn.makefile("rwb")
        for line in f {
            let cmd = line.strip()
            if cmd == "QUIT" {
                try f.write("BYE\n")
                try f.flush()
                break
            }
            try f.write("LEN " + str(len(cmd)).encode() + "\n")
            try f.flush()
        }
        try f.close()
    }
}

let srv = try socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
try srv.bind(("::1", 0))
try srv.listen()
let name = try srv.getsockname()
print("v6 name len", len(name), try name[0], try name[2], try name[3])
let t = threading.Thread(target: { try line_server(srv) })
try t.start()

let c = try socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
try c.connect(("::1", try name[1]))
let r: SocketFile<String> = try c.makefile("r")
let w: SocketFile<bytes> = try c.makefile("wb")
for word in ["alpha", "be", "gamma delta"] {
    try w.write(word.encode() + "\n")
    try w.flush()
    let line = try r.readline()
    print(repr(line), line.split())
}
try w.write("QUIT\n")
try w.flush()
print(try r.readline().rstrip("\n"))
print("eof:", repr(try r.readline()))
try r.close()
try w.close()
c.close()
try t.join()
srv.close()

let (a, b) = try socket.socketpair()
let fa: SocketFile<String> = try a.makefile("w")
let fb: SocketFile<String> = try b.makefile("r", encoding: "utf-8")
try fa.write("one\ntwo\nthree")
try fa.close()
a.close()
print(try fb.readlines())
try fb.close()
b.close()

let x = try socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
do {
    try x.connect(("::1", 1))
} catch let e as OSError {
    print(type(e).__name__, e.errno, e)
}
x.close()
do {
    _ = try x.send("x")
} catch let e as OSError {
    print(type(e).__name__, e.errno, e, repr(e))
}
