// A non-blocking connect with connect_ex, polled until it completes.
import PySocket
import PyBuiltins

let srv = try socket.socket()
try srv.bind(("127.0.0.1", 0))
try srv.listen()
let addr = try srv.getsockname()

let c = try socket.socket()
try c.setblocking(false)
print("timeout", c.gettimeout(), "blocking", c.getblocking())
var err = try c.connect_ex(addr)
print("first connect_ex:", [0, errno.EINPROGRESS].contains(err))
var attempts = 0
while err != errno.EISCONN && err != 0 && attempts < 100 {
    try time.sleep(0.01)
    err = try c.connect_ex(addr)
    attempts += 1
}
print("connected:", errno.errorcode[err, default: "OK"])
print("SO_ERROR", try c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
let (conn, peer) = try srv.accept()
do {
    _ = try c.recv(10)
} catch let e as BlockingIOError {
    print("nothing yet:", errno.errorcode[e.errno!], e)
}
try conn.sendall("data")
var data: bytes? = nil
while data == nil && attempts < 200 {
    do {
        data = try c.recv(10)
    } catch is BlockingIOError {
        try time.sleep(0.01)
        attempts += 1
    }
}
print(data)
conn.close()
c.close()

srv.close()
let refused = try socket.socket()
try refused.setblocking(false)
err = try refused.connect_ex(addr)
while [errno.EINPROGRESS, errno.EALREADY].contains(err) && attempts < 300 {
    try time.sleep(0.01)
    err = try refused.connect_ex(addr)
    attempts += 1
}
print("refused:", errno.errorcode[err], err == errno.ECONNREFUSED)
refused.close()
