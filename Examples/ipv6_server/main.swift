// An IPv6 server on ::1: create_server, create_connection, and the 4-tuple addresses of AF_INET6.
import PySocket
import PyBuiltins

print("has_ipv6:", socket.has_ipv6, "dual-stack:", socket.has_dualstack_ipv6())
let srv = try socket.create_server(("::1", 0), family: socket.AF_INET6)
let (host, port, flowinfo, scope_id) = try srv.getsockname().quad
print(srv.family, host, flowinfo, scope_id)
print("IPV6_V6ONLY:", try srv.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY))

let client = try socket.create_connection(("::1", port))
let (conn, addr) = try srv.accept()
print("client", client.family, try client.getpeername()[0], len(try client.getpeername()))
print("server sees", try addr[0], len(addr), try addr[1] == client.getsockname()[1])
try client.sendall("over IPv6")
print(try conn.recv(100))
try conn.sendall("and back")
print(try client.recv(100))

let v4 = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
do {
    try v4.connect(("127.0.0.1", port))
    print("an IPv4 listener happens to use the same port")
} catch let e as ConnectionRefusedError {
    print("IPv4 client:", e)
}
for s in [v4, client, conn, srv] {
    s.close()
}
