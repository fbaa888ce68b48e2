// with-statements close sockets on every way out of the block.
import PySocket
import PyBuiltins

let s = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try s.with { s in
    try s.bind(("127.0.0.1", 0))
    print("inside", s.fileno() >= 0, try s.getsockname()[0])
}
print("after", s.fileno())
print(repr(s))

let s2 = try socket.socket()
do {
    try s2.with { s2 in
        try s2.connect(("127.0.0.1", 1))
    }
} catch let e as ConnectionRefusedError {
    print("raised", e)
}
print("closed too", s2.fileno())

let srv = try socket.create_server(("127.0.0.1", 0))
try srv.with { srv in
    let c = try socket.create_connection(try srv.getsockname())
    try c.with { c in
        let (conn, _) = try srv.accept()
        try conn.with { conn in
            try c.sendall("in nested with")
            print(try conn.recv(100))
        }
        print("conn", conn.fileno())
    }
    print("client", c.fileno())
}
print("server", srv.fileno())

func first_line(_ sock: socket) throws -> bytes {
    let f: SocketFile<bytes> = try sock.makefile("rb")
    return try f.with { f in
        return try f.readline()
    }
}

let (a, b) = try socket.socketpair()
try a.with { a in
    try b.with { b in
        try b.sendall("line one\nline two\n")
        print(try first_line(a))
        print(a.fileno() >= 0)
    }
}
print(a.fileno(), b.fileno())

let s3 = try socket.socket()
do {
    try s3.with { s3 in
        throw RuntimeError("boom")
    }
} catch let e as RuntimeError {
    print("RuntimeError", e, s3.fileno())
}
