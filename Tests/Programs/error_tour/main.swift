// A tour of socket errors: refused, address in use, timeouts, bad numeric hosts, closed sockets, chaining.
import PySocket
import PyBuiltins


class FetchError: Exception, @unchecked Sendable {
    var target: (String, Int)? = nil

    convenience init(_ target: (String, Int), _ reason: String?) {
        self.init("cannot fetch \(target): \(reason)")
        self.target = target
    }
}


func show(_ label: String, _ exc: BaseException) throws {
    let args = exc.args
    print(try "\(label, "<12") \(type(exc).__name__, "<22") errno=\(str((exc as? OSError)?.errno), "<5") \(exc)")
    if let exc = exc as? OSError, exc.errno != nil {
        print(try " " * 13, exc.errno! > 0 ? errno.errorcode[exc.errno!]! : "EAI", exc.strerror, "args:", args)
    }
}


func closed_port() throws -> Int {
    return try socket.socket().with { s in
        try s.bind(("127.0.0.1", 0))
        return try s.getsockname()[1]
    }
}


let port = try closed_port()
do {
    _ = try socket.create_connection(("127.0.0.1", port), timeout: 1)
} catch let e as ConnectionRefusedError {
    try show("refused", e)
    print("  same class:", socket.error.self == OSError.self, isinstance(e, socket.error.self), issubclass(ConnectionRefusedError.self, ConnectionError.self))
}

let busy = try socket.create_server(("127.0.0.1", 0))
let dup = try socket.socket()
do {
    defer { dup.close() }
    do {
        try dup.bind(try busy.getsockname())
        print("bound twice?!")
    } catch let e as OSError {
        try show("in use", e)
        print("  is EADDRINUSE:", e.errno == errno.EADDRINUSE)
    }
}

let (a, b) = try socket.socketpair()
try a.settimeout(0.01)
do {
    _ = try a.recv(1)
} catch let e as socket.timeout {
    try show("timeout", e)
    print("  alias:", socket.timeout.self == TimeoutError.self, e.errno, repr(e))
}

for host in ["256.1.1.1", "1.2.3.4.5", "::g", "[::1]"] {
    do {
        _ = try socket.getaddrinfo(host, 80, flags: socket.AI_NUMERICHOST)
    } catch let e as socket.gaierror {
        try show("gai \(host)", e)
    }
}

b.close()
do {
    _ = try b.send("x")
} catch let e as OSError {
    try show("closed", e)
}
do {
    try a.sendall(try bytes("y") * 10)
    try a.sendall(try bytes("y") * 10)
} catch let e as OSError where e is BrokenPipeError || e is ConnectionResetError {
    try show("peer gone", e)
}
a.close()

for bad in [("127.0.0.1", 70000), ("127.0.0.1", -1), ("localhost", 1 << 40)] {
    do {
        try socket.socket().connect(bad)
    } catch let e as Exception where e is OverflowError || e is TypeError {
        print(try "\(str(bad), "<22") \(type(e).__name__): \(e)")
    }
}


func fetch(_ target: (String, Int)) throws -> bytes {
    do {
        return try socket.create_connection(target, timeout: 0.5).with { s in
            return try s.recv(10)
        }
    } catch let e as OSError {
        throw FetchError(target, e.strerror).from(e).context(e)
    }
}


do {
    _ = try fetch(("127.0.0.1", port))
} catch let e as FetchError {
    print(str(e).replace(str(port), "PORT"), "| cause:", repr(e.__cause__), "| target:", e.target!.0)
    print("  suppress:", e.__suppress_context__, type(e.__context__).__name__)
}

do {
    do {
        _ = try (dict<String, Int>()).getitem("missing")
    } catch let e as KeyError {
        throw RuntimeError("lookup failed").from(nil).context(e)
    }
} catch let e as RuntimeError {
    print(repr(e), e.__cause__, e.__suppress_context__, repr(e.__context__))
}

var errors = 0
for exc_type in [ConnectionRefusedError.self, TimeoutError.self, socket.gaierror.self] as [OSError.Type] {
    do {
        throw exc_type.init(args: ["synthetic"])
    } catch let e as OSError {
        errors += 1
        print(type(e).__name__, e, e.errno, e.args)
    }
}
busy.close()
print("errors=\(repr(errors))", file: sys.stderr)
sys.exit(errors != 3 ? 3 : 0)
