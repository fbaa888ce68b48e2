// create_server and create_connection, the helpers most programs start with.
import PySocket
import PyBuiltins

let srv = try socket.create_server(("127.0.0.1", 0), backlog: 4)
print(srv.family, srv.type, srv.gettimeout())
print(try srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
let addr = try srv.getsockname()

let c = try socket.create_connection(addr, timeout: 2)
print("client timeout", c.gettimeout())
var (conn, peer) = try srv.accept()
print("accepted timeout", conn.gettimeout(), peer == (try c.getsockname()))
try c.sendall("made by create_connection")
print(try conn.recv(100))
conn.close()
c.close()

let c2 = try socket.create_connection(("127.0.0.1", addr[1]), source_address: ("127.0.0.1", 0))
(conn, peer) = try srv.accept()
print("source", try c2.getsockname()[0], try peer[0])
conn.close()
c2.close()
srv.close()

do {
    _ = try socket.create_connection(addr, timeout: 1)
} catch let e as ConnectionRefusedError {
    print("refused:", e)
}

do {
    _ = try socket.create_connection(addr, timeout: 1, all_errors: true)
} catch let eg as ExceptionGroup {
    print("group:", eg)
    print(eg.exceptions.map { type($0).__name__ })
}

print("dualstack", socket.has_dualstack_ipv6())
let six = try socket.create_server(("::1", 0), family: socket.AF_INET6)
print(six.family, try six.getsockname()[0])
let c6 = try socket.create_connection(("::1", try six.getsockname()[1]))
(conn, peer) = try six.accept()
print(try peer[0], len(peer))
for s in [conn, c6, six] {
    s.close()
}

let busy = try socket.create_server(("127.0.0.1", 0))
do {
    _ = try socket.create_server(try busy.getsockname())
} catch let e as OSError {
    print("create_server:", type(e).__name__, e.errno, e.__cause__, e.__suppress_context__)
}
busy.close()
