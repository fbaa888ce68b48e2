// Filling a socket's buffers: non-blocking sends, a sendall that times out, MSG_DONTWAIT.
import PySocket
import PyBuiltins

let (a, b) = try socket.socketpair()
try a.setblocking(false)
let chunk: bytes = try "x" * 65536
var total = 0
while true {
    do {
        total += try a.send(chunk)
    } catch let e as BlockingIOError {
        print("full after some bytes:", total > 0, e.errno)
        break
    }
}
try a.settimeout(0.2)
do {
    try a.sendall(chunk * 16)
} catch let e as TimeoutError {
    print("sendall:", e)
}
var received = 0
while true {
    let data: bytes
    do {
        data = try b.recv(1 << 20, socket.MSG_DONTWAIT)
    } catch let e as BlockingIOError {
        print("drained:", e)
        break
    }
    received += len(data)
}
print(received >= total)
try b.settimeout(0.1)
do {
    _ = try b.recv(1)
} catch let e as socket.timeout {
    print("recv:", e)
}
a.close()
do {
    print(try b.recv(1, socket.MSG_DONTWAIT))
} catch let e as OSError {
    print("after close:", e)
}
b.close()
