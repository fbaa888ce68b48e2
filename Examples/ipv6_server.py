# An IPv6 server on ::1: create_server, create_connection, and the 4-tuple addresses of AF_INET6.
import socket

print("has_ipv6:", socket.has_ipv6, "dual-stack:", socket.has_dualstack_ipv6())
srv = socket.create_server(("::1", 0), family=socket.AF_INET6)
host, port, flowinfo, scope_id = srv.getsockname()
print(srv.family, host, flowinfo, scope_id)
print("IPV6_V6ONLY:", srv.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY))

client = socket.create_connection(("::1", port))
conn, addr = srv.accept()
print("client", client.family, client.getpeername()[0], len(client.getpeername()))
print("server sees", addr[0], len(addr), addr[1] == client.getsockname()[1])
client.sendall(b"over IPv6")
print(conn.recv(100))
conn.sendall(b"and back")
print(client.recv(100))

v4 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    v4.connect(("127.0.0.1", port))
    print("an IPv4 listener happens to use the same port")
except ConnectionRefusedError as e:
    print("IPv4 client:", e)
for s in (v4, client, conn, srv):
    s.close()
