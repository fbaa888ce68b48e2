// Error handling: exception classes, errno numbers and their names.
import PySocket
import PyBuiltins

func describe(_ e: OSError) {
    let name = e.errno != nil ? errno.errorcode[e.errno!, default: "?"] : nil
    print(type(e).__name__, name, e.errno, repr(e.strerror))
    print("  ", e)
}

let probe = try socket.socket()
try probe.bind(("127.0.0.1", 0))
let closed_port: Int = try probe.getsockname()[1]
probe.close()

let c = try socket.socket()
do {
    try c.connect(("127.0.0.1", closed_port))
} catch let e as ConnectionRefusedError {
    describe(e)
    print("  is ConnectionError:", isinstance(e, ConnectionError.self), isinstance(e, OSError.self))
}
c.close()

let holder = try socket.socket()
try holder.bind(("127.0.0.1", 0))
try holder.listen()
let other = try socket.socket()
do {
    try other.bind(try holder.getsockname())
} catch let e as OSError {
    describe(e)
    print("  EADDRINUSE:", e.errno == errno.EADDRINUSE)
}
other.close()
holder.close()

do {
    try holder.listen()
} catch let e as OSError {
    describe(e)
}

let (a, b) = try socket.socketpair()
b.close()
do {
    _ = try a.send("nobody is listening")
} catch let e as BrokenPipeError {
    describe(e)
}
a.close()

do {
    _ = try socket.getaddrinfo("::1::", 80, flags: socket.AI_NUMERICHOST)
} catch let e as socket.gaierror {
    print(type(e).__name__, e.errno == socket.EAI_NONAME, e.strerror)
    print("  ", e.args)
}

do {
    _ = try socket.socket(socket.AF_INET, socket.SOCK_STREAM, 12345)
} catch let e as OSError {
    describe(e)
}

for code in [errno.ECONNRESET, errno.ETIMEDOUT, errno.EAGAIN, errno.EPIPE] {
    print(code, errno.errorcode[code])
}
