// Polling non-blocking sockets by hand: BlockingIOError means "nothing yet".
import PySocket
import PyBuiltins

let listener = try socket.socket()
try listener.bind(("127.0.0.1", 0))
try listener.listen(4)
try listener.setblocking(false)
print("blocking:", listener.getblocking(), "timeout:", listener.gettimeout())

do {
    _ = try listener.accept()
} catch let e as BlockingIOError {
    print("accept:", type(e).__name__, e.errno == errno.EAGAIN, e.strerror)
}

let client = try socket.socket()
try client.setblocking(false)
let rc = try client.connect_ex(try listener.getsockname())
print("connect_ex:", errno.errorcode.get(rc, str(rc)))

var conn: socket? = nil

for _ in range(200) {
    do {
        (conn, _) = try listener.accept()
        break
    } catch is BlockingIOError {
        try time.sleep(0.01)
    }
}
print("accepted:", conn != nil, conn!.getblocking())
try conn!.setblocking(false)

do {
    let data = try conn!.recv(100)
    print("unexpected", data)
} catch let e as BlockingIOError {
    print("recv:", e.args)
}

let messages: [bytes] = ["one", "two", "three"]
for m in messages {
    while true {
        do {
            _ = try client.send(m + ";")
            break
        } catch is BlockingIOError {
            try time.sleep(0.01)
        }
    }
}

var received: bytes = ""
let deadline = time.monotonic() + 2
while received.count(";") < len(messages) && time.monotonic() < deadline {
    let chunk: bytes
    do {
        chunk = try conn!.recv(4)
    } catch is BlockingIOError {
        try time.sleep(0.005)
        continue
    }
    received += chunk
}
let parts = try received.split(";").filter { !$0.isEmpty }.map { try $0.decode() }
print("parts:", parts, "joined:", "+".join(parts))

client.close()
for _ in range(200) {
    let data: bytes
    do {
        data = try conn!.recv(10)
    } catch is BlockingIOError {
        try time.sleep(0.01)
        continue
    }
    print("eof:", data, data == "")
    break
}

var filled = 0
let (a, b) = try socket.socketpair()
try a.setblocking(false)
do {
    while true {
        filled += try a.send(try bytes("\0") * 4096)
    }
} catch let e as BlockingIOError {
    print("buffer full:", filled > 0, isinstance(e, OSError.self), e.errno == errno.EWOULDBLOCK)
}
for s in [a, b, conn!, listener] {
    s.close()
}
