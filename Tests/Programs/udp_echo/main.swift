// UDP datagrams on 127.0.0.1: sendto/recvfrom, connected UDP, peeking and truncation.
import PySocket
import PyBuiltins

let server = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try server.bind(("127.0.0.1", 0))
let server_addr = try server.getsockname()
let client = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try client.bind(("127.0.0.1", 0))
let client_addr = try client.getsockname()

for word: bytes in ["one", "two", "three"] {
    let sent = try client.sendto(word, server_addr)
    let (data, addr) = try server.recvfrom(1024)
    print(sent, data, addr == client_addr, try addr[0])
    _ = try server.sendto(bytes(data.reversed()), addr)
    let (reply, from_addr) = try client.recvfrom(1024)
    print(reply, from_addr == server_addr)
}

try client.connect(server_addr)
print(try client.getpeername() == server_addr)
_ = try client.send("peek at me")
print(try server.recv(4, socket.MSG_PEEK))
print(try server.recv(100))
_ = try client.send("a long datagram")
print(try server.recv(6))
try server.settimeout(0.1)
do {
    _ = try server.recv(100)
} catch let e as TimeoutError {
    print("the rest was discarded:", e)
}
_ = try client.send("")
var (data, addr) = try server.recvfrom(10)
print(data, len(data))
var buf = try bytearray(8)
_ = try client.send("into a buffer")
let (n, _) = try server.recvfrom_into(&buf)
print(n, buf, bytes(buf[..<n]))
client.close()
server.close()
