// Error handling: the program's own exception classes, errno fields, repr, try/finally, retries.
import PySocket
import PyBuiltins


/// Raised when the peer says something we do not understand.
class ProtocolError: Exception, @unchecked Sendable {}


final class RetryExhausted: ProtocolError, @unchecked Sendable {
    var attempts = 0
    var last: OSError? = nil

    convenience init(_ attempts: Int, _ last: OSError?) {
        self.init("gave up after \(attempts) attempts")
        self.attempts = attempts
        self.last = last
    }
}


func describe(_ e: BaseException) -> String {
    var parts = [type(e).__name__]
    if let e = e as? OSError {
        parts.append("errno=\(e.errno) (\(e.errno != nil ? errno.errorcode.get(e.errno!, "?") : "-"))")
        parts.append("strerror=\(repr(e.strerror))")
    }
    parts.append("str=\(repr(str(e)))")
    return " ".join(parts)
}


func free_port() throws -> Int {
    let s = try socket.socket()
    defer { s.close() }
    try s.bind(("127.0.0.1", 0))
    return try s.getsockname()[1]
}


func connect_with_retry(_ port: Int, attempts: Int = 3) throws -> socket {
    var last: OSError? = nil
    for attempt in range(1, attempts + 1) {
        let s = try socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try s.settimeout(0.5)
        do {
            try s.connect(("127.0.0.1", port))
            return s
        } catch let e as ConnectionRefusedError {
            print("  attempt \(attempt): \(e)")
            last = e
            s.close()
        }
    }
    throw RetryExhausted(attempts, last)
}


let port = try free_port()
do {
    _ = try connect_with_retry(port)
} catch let e as RetryExhausted {
    print("caught:", repr(e), e.attempts, "last:", repr(e.last))
    print("  is ProtocolError:", isinstance(e, ProtocolError.self), "is OSError:", isinstance(e, OSError.self))
}

let cases: [(String, (socket, socket) throws -> Void)] = [
    ("bind to port in use", { s, busy in try s.bind(try busy.getsockname()) }),
    ("recv on unconnected TCP", { s, busy in _ = try s.recv(1) }),
    ("sendto without address", { s, busy in _ = try s.send("x") }),
    ("bad family address", { s, busy in try s.connect("/tmp/nope") }),
    ("negative timeout", { s, busy in try s.settimeout(-1) }),
    ("getsockopt bad level", { s, busy in _ = try s.getsockopt(12345, 1) }),
    ("listen twice then connect", { s, busy in try s.listen(); try s.connect(try busy.getsockname()) }),
]
let busy = try socket.create_server(("127.0.0.1", 0))
for (label, action) in cases {
    let s = try socket.socket()
    do {
        defer { s.close() }
        do {
            try action(s, busy)
            print(try "\(label, "<28") no error")
        } catch let e as Exception where e is OSError || e is ValueError || e is TypeError {
            print(try "\(label, "<28") \(describe(e))")
        }
    }
}
busy.close()

let errors: [OSError] = [ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"),
                         OSError.from(errno: errno.EPIPE, "Broken pipe"), TimeoutError("timed out"), socket.gaierror(-2, "Name or service not known")]
for e in errors {
    print(try "\(type(e).__name__, "<22") \(str(e.errno), ">5") \(str(e), "<32") \(repr(e))")
    print(try "\("", "<22") bases: \(type(e).__mro__[1, -1].map { c in c.__name__ })")
}

do {
    do {
        throw ProtocolError(try "bad magic 0x%04x" % 0xBEEF)
    } catch let inner as ProtocolError {
        throw OSError(errno.EPROTO, "Protocol error").from(inner)
    }
} catch let outer as OSError {
    print(outer, "| cause:", repr(outer.__cause__), "| suppress:", outer.__suppress_context__)
}
