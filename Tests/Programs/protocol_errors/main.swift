// A program's own exception classes around socket errors: raise ... from, except (A, B), re-raise.
import PySocket
import PyBuiltins


class ProtocolError: Exception, @unchecked Sendable {
}


class BadHeader: ProtocolError, @unchecked Sendable {
}


func read_header(_ sock: socket) throws -> Int {
    let data = try sock.recv(8)
    if data.isEmpty {
        throw ConnectionError("closed before the header")
    }
    if !data.startswith("HDR:") {
        throw BadHeader("unexpected \(repr(data))")
    }
    do {
        return try int(try data[4...].decode())
    } catch let e as ValueError {
        throw ProtocolError("length is not a number").from(e)
    }
}


func attempt(_ payload: bytes, _ close: Bool = false) throws -> Int {
    let (a, b) = try socket.socketpair()
    defer {
        a.close()
        b.close()
    }
    if !payload.isEmpty {
        try a.sendall(payload)
    }
    if close {
        a.close()
    }
    try b.settimeout(0.05)
    return try read_header(b)
}


let cases: [(bytes, Bool)] = [("HDR:42", false), ("HDR:xx", false), ("GET /", false), ("", true), ("", false)]
for (payload, close) in cases {
    let length: Int
    do {
        length = try attempt(payload, close)
    } catch let e as BadHeader {
        print("bad header:", e, "| is ProtocolError:", isinstance(e, ProtocolError.self))
        continue
    } catch let e as ProtocolError {
        let cause = e.__cause__
        print("protocol:", e, "| cause:", type(cause).__name__, cause)
        continue
    } catch let e as OSError where e is socket.timeout || e is ConnectionError {
        print("transport:", type(e).__name__, e, e.args)
        continue
    }
    print("length", length)
}

var errors: [String] = []
for exc: BaseException in [BadHeader("x"), ProtocolError("y", 2), TimeoutError("z"), ConnectionResetError(104, "reset")] {
    do {
        do {
            throw exc
        } catch is ProtocolError {
            errors.append("P")
            throw exc
        }
    } catch let e as Exception {
        errors.append("\(type(e).__name__)\(e.args)")
    }
}
print(errors)
print(issubclass(BadHeader.self, ProtocolError.self), issubclass(ProtocolError.self, BadHeader.self), str(ProtocolError()), repr(BadHeader("h")))
