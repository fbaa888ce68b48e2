// socketpair between a parent and a forked child: the child squares the numbers the parent sends.
import PySocket
import PyBuiltins

let (parent_sock, child_sock) = try socket.socketpair()


func child() throws {
    while true {
        let data = try child_sock.recv(64)
        if data.isEmpty {
            break
        }
        let n = try int(try data.decode())
        try child_sock.sendall(try bytes("%d") % (n * n))
    }
    child_sock.close()
}


let pid = try os.fork()
if pid == 0 {
    parent_sock.close()
    try child()
    os._exit(0)
}

child_sock.close()
print(parent_sock.family, parent_sock.type)
for n in [2, 3, 12, 1000] {
    try parent_sock.sendall(try bytes("%d") % n)
    print(n, "squared is", try int(try parent_sock.recv(64).decode()))
}
parent_sock.close()
let (done, status) = try os.waitpid(pid, 0)
print("child exited:", done == pid, try os.waitstatus_to_exitcode(status))
