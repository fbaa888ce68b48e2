// UDP echo: a server answers each datagram with the same bytes; the client waits with a timeout.
import PySocket
import PyBuiltins


func udp_echo_server(_ sock: socket, _ count: Int) throws {
    for _ in range(count) {
        let (data, addr) = try sock.recvfrom(2048)
        _ = try sock.sendto(data, addr)
    }
}


let server = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try server.bind(("127.0.0.1", 0))
let addr = try server.getsockname()
let words: [bytes] = ["alpha", "beta", "gamma"]
let t = threading.Thread(target: { try udp_echo_server(server, len(words)) })
try t.start()

let client = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try client.settimeout(2.0)
for word in words {
    _ = try client.sendto(word, addr)
    let (data, peer) = try client.recvfrom(2048)
    print("echo", data, "from the server:", peer == addr)
}
try t.join()

try client.settimeout(0.1)
_ = try client.sendto("anyone?", addr)
do {
    _ = try client.recvfrom(2048)
} catch let e as socket.timeout {
    print("no echo:", e)
}
client.close()
server.close()
