// A chat over an AF_UNIX stream socket between two processes: the parent listens, a forked child connects.
import PySocket
import PyBuiltins

let directory = try tempfile.mkdtemp()
let path = os.path.join(directory, "chat.sock")
let server = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try server.bind(path)
try server.listen(1)


func bob() throws {
    let sock = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try sock.connect(path)
    for answer: bytes in ["hi alice", "fine, and you?", "bye"] {
        _ = try sock.recv(1024)
        try sock.sendall(answer)
    }
    sock.close()
}


let pid = try os.fork()
if pid == 0 {
    server.close()
    try bob()
    os._exit(0)
}

let (conn, addr) = try server.accept()
print("bob connected from", repr(addr), "to", try server.getsockname() == path)
for line: bytes in ["hello bob", "how are you?", "see you"] {
    try conn.sendall(line)
    print("alice:", try line.decode())
    print("bob:", try conn.recv(1024).decode())
}
print("bob left:", try conn.recv(1024))
conn.close()
server.close()
let (_, status) = try os.waitpid(pid, 0)
print("bob exited with", try os.waitstatus_to_exitcode(status))
try os.unlink(path)
try os.rmdir(directory)
