// AF_UNIX datagram sockets: named, autobound and unnamed senders.
import PySocket
import PyBuiltins

let directory = try tempfile.mkdtemp()
try os.chdir(directory)
let server = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
try server.bind("server.sock")

let named = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
try named.bind("client.sock")
_ = try named.sendto("from a named socket", "server.sock")
var (data, addr) = try server.recvfrom(100)
print(data, repr(addr))
_ = try server.sendto("reply", addr)
print(try named.recvfrom(100))

let unnamed = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
_ = try unnamed.sendto("anonymous", "server.sock")
(data, addr) = try server.recvfrom(100)
print(data, repr(addr), addr == nil)
print(repr(try unnamed.getsockname()))

let auto = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
try auto.bind("")
_ = try auto.sendto("autobound", "server.sock")
(data, addr) = try server.recvfrom(100)
print(data, type(addr).__name__, len(addr), try addr[..<1], addr == (try auto.getsockname()))
_ = try server.sendto("to an abstract name", addr)
print(try auto.recv(100))

let abstract = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
do {
    _ = try abstract.sendto("x", "nobody.sock")
} catch let e as FileNotFoundError {
    print(e)
}
do {
    _ = try abstract.sendto("x", bytes("\0pysocket-programs-nobody-listens"))
} catch let e as ConnectionRefusedError {
    print(e)
}

for s in [server, named, unnamed, auto, abstract] {
    s.close()
}
for name in sorted(try os.listdir(".")) {
    try os.unlink(name)
    print("removed", name)
}
try os.chdir("/")
try os.rmdir(directory)
print(os.path.exists(directory))
