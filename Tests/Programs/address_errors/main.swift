// What bind and connect say about addresses they cannot use.
import PySocket
import PyBuiltins

let s = try socket.socket()
for address in [("127.0.0.1", 70000), ("127.0.0.1", -1), ("256.0.0.1", 0), ("", 0)] {
    do {
        try s.bind(address)
        print("bound", address, try s.getsockname()[0])
    } catch let e as OverflowError {
        print("OverflowError", e)
    } catch let e as OSError {
        print(type(e).__name__, e.errno == socket.EAI_NONAME, e)
    }
}
do {
    try s.bind(("127.0.0.1", 0))
} catch let e as OSError {
    print("bind twice:", e)
}
s.close()

let u = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
do {
    try u.connect("/nonexistent/dir/x.sock")
} catch let e as FileNotFoundError {
    print("unix connect:", e.errno, e.strerror)
}
do {
    try u.bind("/proc/x.sock")
} catch let e as OSError {
    print("unix bind:", type(e).__name__, e.errno)
}
do {
    try u.bind(String(repeating: "a", count: 108))
} catch let e as OSError {
    print("108 bytes:", e)
}
try u.bind(bytes("\0pysocket-programs-address-errors"))
print(repr(try u.getsockname()))
u.close()

let v6 = try socket.socket(socket.AF_INET6)
for address in [("::1", 0, 0, 0), ("::1", 0, -1, 0), ("::1", 0, 0, 1 << 32)] {
    do {
        try v6.bind(address)
        print("bound v6", try v6.getsockname()[0])
    } catch let e as OverflowError {
        print("OverflowError", e)
    } catch let e as OSError {
        print(type(e).__name__, e)
    }
}
v6.close()

let c = try socket.socket()
try c.settimeout(1)
for address in [("127.0.0.1", 0), ("0.0.0.0", 1)] {
    do {
        try c.connect(address)
    } catch let e as OSError {
        print("connect", address, type(e).__name__, e.errno)
    }
}
c.close()
print(try socket.getaddrinfo("127.0.0.1", 65535)[0].4, try socket.getaddrinfo("::", 0)[0].4)
do {
    _ = try socket.getaddrinfo("127.0.0.1", 65536)
} catch let e as OSError {
    print("getaddrinfo port:", type(e).__name__, e)
}
