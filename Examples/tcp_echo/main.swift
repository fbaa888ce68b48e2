// TCP echo: a server sends back whatever a client sends; the client prints the replies.
import PySocket
import PyBuiltins

let HOST = "127.0.0.1"


func echo_server(_ srv: socket, _ clients: Int) throws {
    for _ in range(clients) {
        let (conn, _) = try srv.accept()
        while true {
            let data = try conn.recv(1024)
            if data.isEmpty {
                break
            }
            try conn.sendall(data)
        }
        conn.close()
    }
}


func echo_client(_ port: Int, _ message: bytes) throws -> bytes {
    let s = try socket.create_connection((HOST, port))
    try s.sendall(message)
    try s.shutdown(socket.SHUT_WR)
    var reply: bytes = ""
    while true {
        let chunk = try s.recv(1024)
        if chunk.isEmpty {
            break
        }
        reply += chunk
    }
    s.close()
    return reply
}


let srv = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try srv.bind((HOST, 0))
try srv.listen()
let port: Int = try srv.getsockname()[1]
let messages: [bytes] = ["Hello, world", "echo again", "tab\tnewline\n"]
let t = threading.Thread(target: { try echo_server(srv, len(messages)) })
try t.start()
for message in messages {
    let reply = try echo_client(port, message)
    print("sent", message, "got", reply, reply == message)
}
try t.join()
srv.close()
print("server closed:", srv.fileno())
