// A non-blocking connect finished by waiting for EVENT_WRITE and reading SO_ERROR; then a refused one.
import PySocket
import PyBuiltins

let listener = try socket.create_server(("127.0.0.1", 0))
let addr = try listener.getsockname()
let sel = try selectors.DefaultSelector<socket, String>()

let s = try socket.socket()
try s.setblocking(false)
var err = try s.connect_ex(addr)
print("connect_ex:", errno.errorcode.get(err, "0"))
var key = try sel.register(s, selectors.EVENT_WRITE)
let events = try sel.select(1.0)
print("ready:", len(events), events[0].1 == selectors.EVENT_WRITE, events[0].0.fileobj === s)
print("SO_ERROR:", try s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
print("connected to the listener:", try s.getpeername() == addr)

key = try sel.modify(s, selectors.EVENT_READ, data: "waiting for a greeting")
print("modified:", key.events, key.data)
print("nothing to read yet:", try sel.select(0.05))
let (conn, _) = try listener.accept()
try conn.sendall("welcome")
for (key, mask) in try sel.select(1.0) {
    print(key.data, "->", mask, try key.fileobj.recv(100))
}
try sel.unregister(s)
s.close()
conn.close()

listener.close()
let s2 = try socket.socket()
try s2.setblocking(false)
err = try s2.connect_ex(addr)
print("connect_ex to a closed port:", errno.errorcode.get(err, "0"))
try sel.register(s2, selectors.EVENT_WRITE | selectors.EVENT_READ, data: try addr[0])
for (key, mask) in try sel.select(1.0) {
    print("ready mask:", mask, "for", key.data)
    let err = try key.fileobj.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    print("SO_ERROR:", errno.errorcode[err])
    do {
        _ = try key.fileobj.send("x")
    } catch let e as OSError {
        print(type(e).__name__, e.errno == errno.EPIPE || e.errno == errno.ENOTCONN)
    }
}
try sel.unregister(s2)
s2.close()
do {
    try sel.unregister(s2)
} catch let e as ValueError {
    print("ValueError:", e)
}
sel.close()
do {
    _ = try sel.get_key(s2)
} catch let e as RuntimeError {
    print("RuntimeError:", e)
}
