// An AF_UNIX stream server on a path in a temporary directory.
import PySocket
import PyBuiltins

let directory = try tempfile.mkdtemp()
try os.chdir(directory)
let path = "server.sock"
let srv = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try srv.bind(path)
try srv.listen(1)
print("listening on", repr(try srv.getsockname()), srv.family, srv.type)
print(os.path.exists(path))

let cli = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try cli.connect(path)
let (conn, addr) = try srv.accept()
print("accepted", repr(addr), repr(try cli.getpeername()), repr(try cli.getsockname()))
try cli.sendall("ping\n")
print(try conn.recv(100))
try conn.sendall("pong\n")
print(try cli.recv(100))

let other = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
do {
    try other.bind(path)
} catch let e as OSError {
    print(type(e).__name__, e.errno, e.strerror)
}
do {
    try other.connect("missing.sock")
} catch let e as FileNotFoundError {
    print("connect:", e)
}
do {
    try other.bind(try "x" * 200)
} catch let e as OSError {
    print("long path:", e)
}

for s in [conn, cli, srv, other] {
    s.close()
}
try os.unlink(path)
print(os.path.exists(path))

let abstract = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try abstract.bind("")
let name = try abstract.getsockname()
print(type(name).__name__, len(name), try name[..<1])
abstract.close()
try os.chdir("/")
try os.rmdir(directory)
print(os.path.exists(directory))
