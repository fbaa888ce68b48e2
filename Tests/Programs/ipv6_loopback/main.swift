// TCP and UDP over IPv6 on ::1.
import PySocket
import PyBuiltins

print(socket.has_ipv6)
let srv = try socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
try srv.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
print("V6ONLY", try srv.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY))
try srv.bind(("::1", 0))
try srv.listen()
let (host, port, flowinfo, scope_id) = try srv.getsockname().quad
print(host, flowinfo, scope_id, len(try srv.getsockname()))

let cli = try socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
try cli.connect(("::1", port, 0, 0))
let (conn, addr) = try srv.accept()
print(try addr[0], try addr[2...], conn.family)
try cli.sendall("over ipv6")
print(try conn.recv(64))
conn.close()
cli.close()
srv.close()

let u1 = try socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
try u1.bind(("::1", 0))
let u2 = try socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
_ = try u2.sendto("datagram", try u1.getsockname())
let (data, sender) = try u1.recvfrom(100)
print(data, try sender[0], try sender[2], try sender[3])
_ = try u2.sendto("by tuple", ("::1", try u1.getsockname()[1]))
print(try u1.recv(100))
u1.close()
u2.close()

let v4 = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
do {
    try v4.bind(("::1", 0))
} catch let e as socket.gaierror {
    print("gaierror", e.errno == socket.EAI_ADDRFAMILY || e.errno == socket.EAI_NONAME)
}
v4.close()
print(try socket.inet_pton(socket.AF_INET6, "::1"))
