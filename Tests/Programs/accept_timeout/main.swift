// A server loop that wakes up on a timeout, and what accepted sockets inherit.
import PySocket
import PyBuiltins

let srv = try socket.socket()
try srv.bind(("127.0.0.1", 0))
try srv.listen()
try srv.settimeout(0.05)
for attempt in range(3) {
    do {
        _ = try srv.accept()
    } catch let e as socket.timeout {
        print("attempt", attempt, "timed out:", e)
    }
}

var c = try socket.create_connection(try srv.getsockname())
var (conn, addr) = try srv.accept()
print("listener", srv.gettimeout(), "accepted", conn.gettimeout(), conn.getblocking())
conn.close()
c.close()

try srv.setblocking(false)
do {
    _ = try srv.accept()
} catch let e as BlockingIOError {
    print("non-blocking accept:", e)
}
c = try socket.create_connection(try srv.getsockname())
var accepted: socket? = nil
while accepted == nil {
    do {
        (accepted, addr) = try srv.accept()
    } catch is BlockingIOError {
    }
}
print("accepted", accepted!.gettimeout(), accepted!.getblocking())
accepted!.close()
c.close()

try socket.setdefaulttimeout(0.5)
try srv.settimeout(nil)
c = try socket.create_connection(try srv.getsockname())
(conn, addr) = try srv.accept()
print("with a default timeout", conn.gettimeout(), c.gettimeout())
try socket.setdefaulttimeout(nil)
conn.close()
c.close()
srv.close()
