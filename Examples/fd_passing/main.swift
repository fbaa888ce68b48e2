// Hand a connection to another process: the parent accepts, a forked worker serves it (send_fds/recv_fds).
import PySocket
import PyBuiltins

let (parent_end, worker_end) = try socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
let listener = try socket.create_server(("127.0.0.1", 0))
let port: Int = try listener.getsockname()[1]


func worker() throws {
    while true {
        let (msg, fds, _, _) = try socket.recv_fds(worker_end, 1024, 1)
        if fds.isEmpty {
            break
        }
        let conn = try socket.socket(fileno: fds[0])
        let request = try conn.recv(1024)
        try conn.sendall("worker served " + msg + ": " + request)
        conn.close()
    }
}


let pid = try os.fork()
if pid == 0 {
    parent_end.close()
    listener.close()
    try worker()
    os._exit(0)
}

worker_end.close()
for name: bytes in ["first", "second"] {
    let client = try socket.create_connection(("127.0.0.1", port))
    let (conn, _) = try listener.accept()
    let sent = try socket.send_fds(parent_end, [name], [conn.fileno()])
    conn.close()
    print("passed", name, "in", sent, "bytes; the parent's copy is closed:", conn.fileno())
    try client.sendall("hello")
    print(try client.recv(1024))
    client.close()
}
_ = try socket.send_fds(parent_end, ["done"], [])
let (_, status) = try os.waitpid(pid, 0)
print("worker exited with", try os.waitstatus_to_exitcode(status))
parent_end.close()
listener.close()
