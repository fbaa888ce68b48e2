// A threaded TCP chat server: a list of clients, broadcast under a lock, nicknames, /quit.
import PySocket
import PyBuiltins

let HOST = "127.0.0.1"


final class ChatServer: @unchecked Sendable {
    let sock: socket
    var clients: [socket]
    var nicknames: dict<socket, String>
    let lock: threading.Lock
    var log: [bytes]

    init(_ host: String) throws {
        self.sock = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try self.sock.bind((host, 0))
        try self.sock.listen(5)
        self.clients = []
        self.nicknames = [:]
        self.lock = threading.Lock()
        self.log = []
    }

    var port: Int {
        get throws { return try self.sock.getsockname()[1] }
    }

    func broadcast(_ message: bytes, _ sender: socket? = nil) throws {
        try self.lock.with {
            self.log.append(message)
            for client in self.clients {
                if client !== sender {
                    try client.sendall(message)
                }
            }
        }
    }

    func handle(_ client: socket) throws {
        let f: SocketFile<bytes> = try client.makefile("rb")
        let nickname = try f.readline().strip().decode()
        self.lock.with {
            self.clients.append(client)
            self.nicknames[client] = nickname
        }
        try client.sendall("welcome \(nickname), \(len(self.clients)) online\n".encode())
        for line in f {
            let text = try line.decode().rstrip("\n")
            if text == "/quit" {
                break
            }
            try self.broadcast("<\(nickname)> \(text)\n".encode(), client)
        }
        try self.lock.with {
            try self.clients.remove(client)
            self.nicknames[client] = nil
        }
        try f.close()
        client.close()
        try self.broadcast("* \(nickname) left\n".encode())
    }

    func serve(_ n: Int) throws {
        var threads: [threading.Thread] = []
        for _ in range(n) {
            let (client, _) = try self.sock.accept()
            let t = threading.Thread(target: { try self.handle(client) }, daemon: true)
            try t.start()
            threads.append(t)
        }
        for t in threads {
            try t.join(2)
        }
        self.sock.close()
    }
}


func recv_line(_ f: SocketFile<bytes>) throws -> String {
    return try f.readline().decode().rstrip()
}


let server = try ChatServer(HOST)
let st = threading.Thread(target: { try server.serve(2) })
try st.start()

let alice = try socket.create_connection((HOST, try server.port))
let af: SocketFile<bytes> = try alice.makefile("rb")
try alice.sendall("alice\n")
print("alice got:", try recv_line(af))

let bob = try socket.create_connection((HOST, try server.port))
let bf: SocketFile<bytes> = try bob.makefile("rb")
try bob.sendall("bob\n")
print("bob got:", try recv_line(bf))

try alice.sendall("hi bob\n")
print("bob got:", try recv_line(bf))
try bob.sendall("héllo alice\n".encode("utf-8"))
print("alice got:", try recv_line(af))
try bob.sendall("/quit\n")
print("alice got:", try recv_line(af))
print("bob got:", repr(try bf.read()))
try alice.sendall("anyone?\n/quit\n")
print("alice eof:", try af.read() == "")
try st.join()

for (i, entry) in try enumerate(server.log, start: 1) {
    print(try "\(i, "2d"). \(repr(entry))")
}
print("clients left:", server.clients, server.nicknames)
print("listener closed:", server.sock.fileno() == -1)
for (f, s) in [(af, alice), (bf, bob)] {
    try f.close()
    s.close()
}
