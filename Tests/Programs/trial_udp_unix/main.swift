// Port of trial_udp_unix.py: UDP sendto/recvfrom with a timeout, AF_UNIX in a mkdtemp() directory.
import PySocket
import PyBuiltins

let server = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try server.bind(("127.0.0.1", 0))
try server.settimeout(1.0)
let addr = try server.getsockname()

let client = try socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try client.settimeout(1.0)
for i in range(3) {
    let n = try client.sendto("ping \(i)".encode(), addr)
    let (data, who) = try server.recvfrom(1024)
    _ = try server.sendto(data.replace("ping", "pong"), who)
    let (reply, frm) = try client.recvfrom(1024)
    print(n, data, reply, frm == addr, who == (try client.getsockname()))
}

try server.settimeout(0.1)
do {
    _ = try server.recvfrom(1024)
} catch let e as TimeoutError {
    print("no datagram:", e)
}

client.close()
server.close()

let tmp = try tempfile.mkdtemp()
let path = os.path.join(tmp, "echo.sock")
let us = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try us.bind(path)
try us.listen(1)
print("unix name is path:", try us.getsockname() == path)
print("exists:", os.path.exists(path))

let uc = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try uc.connect(path)
let (conn, peer) = try us.accept()
print("peer", repr(peer), "family", conn.family)
try uc.sendall("over unix")
print(try conn.recv(100))
conn.close()
print("after close:", try uc.recv(100))
uc.close()

let again = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
do {
    try again.bind(path)
} catch let e as OSError {
    print("bind again:", type(e).__name__, e.errno, e.strerror)
    again.close()
}

us.close()
try os.unlink(path)
let c2 = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
do {
    try c2.connect(path)
} catch let e as FileNotFoundError {
    print("gone:", e.errno, e.strerror)
    c2.close()
}
try os.rmdir(tmp)
print("cleaned:", !os.path.exists(tmp))

let d = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
do {
    _ = try d.sendto("x", "/nonexistent/dir/sock")
} catch let e as OSError {
    print(type(e).__name__, e)
}
d.close()
