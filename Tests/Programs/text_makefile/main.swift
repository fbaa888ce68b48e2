// A line protocol over makefile in text mode: encodings, newline handling, write/flush, iteration.
import PySocket
import PyBuiltins


func server(_ sock: socket) throws {
    let rf = try sock.makefile("r", encoding: "utf-8", newline: "")
    let wf = try sock.makefile("w", encoding: "utf-8")
    try rf.with { rf in
        try wf.with { wf in
            for (lineno, line) in try enumerate(rf, start: 1) {
                let text = line.rstrip("\r\n")
                if text == "QUIT" {
                    _ = try wf.write("BYE\n")
                    try wf.flush()
                    break
                }
                let reply = "\(lineno):\(len(text)):\(try text[nil, nil, -1])\n"
                _ = try wf.write(reply)
                try wf.flush()
            }
        }
    }
    sock.close()
}


let (a, b) = try socket.socketpair()
let t = threading.Thread(target: server, args: (b))
try t.start()

let wf = try a.makefile("w", encoding: "utf-8", newline: "\r\n")
let rf = try a.makefile("r", encoding: "utf-8")
print(type(wf).__name__, wf.mode, rf.encoding, try wf.writable(), try rf.readable(), try wf.readable())
for text in ["hello", "naïve café", "", "tab\there", "ünï"] {
    let n = try wf.write(text + "\n")
    try wf.flush()
    let answer = try rf.readline()
    print(n, repr(answer))
}
print(try wf.write("QUIT\n"), end: " ")
try wf.flush()
print(try rf.readline(), end: "")
print(repr(try rf.readline()), repr(try rf.read()))
try t.join()
try wf.close()
try rf.close()
print(wf.closed, a.fileno() >= 0)

let (c, d) = try socket.socketpair()
try d.sendall(try "line one\r\nline two\rline three\nend".encode("latin-1"))
d.close()
try c.makefile("r", encoding: "latin-1", newline: nil).with { f in
    print(try f.readlines())
}
c.close()

let (e, g) = try socket.socketpair()
try g.sendall(try "ÿ".encode("latin-1") + "\n" + "ü".encode("utf-8") + "\n")
try g.shutdown(socket.SHUT_WR)
try e.makefile("r", encoding: "utf-8", errors: "replace").with { f in
    print(f.map { line in line })
}
try e.makefile("rb").with { (f: SocketFile<bytes>) in
    print(try f.read())
}
e.close()
g.close()
