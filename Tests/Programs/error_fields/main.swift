// Every field of the exceptions socket code meets: errno, strerror, args, str, repr, class name.
import PySocket
import PyBuiltins

func show(_ label: String, _ e: BaseException) {
    print("\(label): \(type(e).__name__)")
    print("  errno=\(repr((e as? OSError)?.errno)) strerror=\(repr((e as? OSError)?.strerror))")
    print("  args=\(repr(e.args))")
    print("  str=\(repr(str(e)))")
    print("  repr=\(repr(e))")
}

let probe = try socket.socket()
try probe.bind(("127.0.0.1", 0))
let port: Int = try probe.getsockname()[1]
probe.close()

let attempts: [(String, () throws -> Any)] = [
    ("refused", { try socket.create_connection(("127.0.0.1", port), timeout: 1) }),
    ("port range", { try socket.socket().bind(("127.0.0.1", 70000)) }),
    ("bad host", { try socket.getaddrinfo("not an ip", 80, flags: socket.AI_NUMERICHOST) }),
    ("inet_aton", { try socket.inet_aton("1.2.3.999") }),
    ("inet_pton", { try socket.inet_pton(socket.AF_INET6, "::zz") }),
    ("ntohs", { try socket.ntohs(-1) }),
    ("negative timeout", { try socket.socket().settimeout(-1) }),
    ("recv size", { try socket.socket().recv(-5) }),
]
for (label, action) in attempts {
    do {
        let result = try action()
        print(label, "returned", result)
    } catch let e as OSError {
        show(label, e)
        print("  is OSError subclass:", type(e) != OSError.self)
    } catch let e as ValueError {
        show(label, e)
    } catch let e as OverflowError {
        show(label, e)
    }
}

let (a, b) = try socket.socketpair()
b.close()
do {
    defer {
        a.close()
        print("closed:", a.fileno())
    }
    do {
        try a.sendall("data")
    } catch let e as ConnectionError {
        show("closed peer", e)
    }
}

do {
    _ = try a.recv(1)
} catch let e as OSError {
    show("closed socket", e)
}

var e: BaseException = OSError(5, "custom message")
show("constructed", e)
e = TimeoutError("timed out")
show("timeout", e)
print(isinstance(e, OSError.self), socket.timeout.__name__, socket.error.__name__)
