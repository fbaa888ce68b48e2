// A chat over an AF_UNIX stream socket between two processes: the parent listens, a forked child connects.
import Glibc
import PySocket
import PyBuiltins

var template = Array("/tmp/tmpXXXXXXXX".utf8CString)  // mkdtemp fills in the X's (a strdup copy here leaked: ASan)
let directory = String(cString: mkdtemp(&template))
let path = directory + "/chat.sock"
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


let pid = fork()
if pid == 0 {
    server.close()
    try bob()
    _exit(0)
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
var status: Int32 = 0
_ = waitpid(pid, &status, 0)
print("bob exited with", (status >> 8) & 0xff)
_ = unlink(path)
_ = rmdir(directory)
