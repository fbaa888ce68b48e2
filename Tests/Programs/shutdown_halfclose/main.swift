// Half-close with shutdown: the request/response pattern and what happens after.
import PySocket
import PyBuiltins

let srv = try socket.create_server(("127.0.0.1", 0))
let client = try socket.create_connection(try srv.getsockname())
let (server, _) = try srv.accept()
srv.close()

try client.sendall("request body")
try client.shutdown(socket.SHUT_WR)
var received: bytes = ""
while true {
    let part = try server.recv(5)
    if part.isEmpty {
        break
    }
    received += part
}
print("server got", received)
try server.sendall("response after half-close")
try server.shutdown(socket.SHUT_RDWR)
print("client got", try client.recv(100))
print("then", try client.recv(100))

do {
    _ = try client.send("more")
} catch let e as BrokenPipeError {
    print(type(e).__name__, e.errno)
}

server.close()
client.close()

let lonely = try socket.socket()
do {
    try lonely.shutdown(socket.SHUT_RD)
} catch let e as OSError {
    print("not connected:", e)
}
do {
    try lonely.shutdown(7)
} catch let e as OSError {
    print("bad how:", e)
}
lonely.close()
do {
    try lonely.shutdown(socket.SHUT_RDWR)
} catch let e as OSError {
    print("closed:", e)
}
print(socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR)
