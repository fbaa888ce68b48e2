// Deadlines: asyncio.wait_for and async with asyncio.timeout() around slow work and socket reads.
import PySocket
import PySocketAsync
import PyBuiltins


func slow(_ value: String, _ delay: Double) async throws -> String {
    try await asyncio.sleep(delay)
    return value
}


func main() async throws {
    let loop = asyncio.get_running_loop()
    print("fast enough:", try await asyncio.wait_for(await slow("quick", 0.01), 1.0))
    print("no timeout:", try await asyncio.wait_for(await slow("none", 0.01), nil))
    do {
        _ = try await asyncio.wait_for(await slow("late", 1.0), 0.02)
    } catch let e as TimeoutError {
        print("wait_for:", type(e).__name__, repr(e), repr(str(e)), e.args)
    }
    do {
        _ = try await asyncio.wait_for(await slow("zero", 0), 0)
    } catch let e as asyncio.TimeoutError {
        print("zero timeout:", type(e).__name__, asyncio.TimeoutError.self == TimeoutError.self)
    }

    try await asyncio.timeout(1.0) {
        print("inside timeout:", try await slow("ok", 0.01))
    }
    do {
        try await asyncio.timeout(0.02) {
            _ = try await slow("late", 1.0)
            print("not reached")
        }
    } catch let e as TimeoutError {
        print("timeout():", repr(e), isinstance(e, OSError.self))
    }
    try await asyncio.timeout(nil) {
        print("timeout(None):", try await slow("unbounded", 0.01))
    }

    let (a, b) = try socket.socketpair()
    try a.setblocking(false)
    try b.setblocking(false)
    do {
        _ = try await asyncio.wait_for(await loop.sock_recv(a, 100), 0.02)
    } catch is TimeoutError {
        print("sock_recv: nothing within 0.02 s")
    }
    try await loop.sock_sendall(b, "finally")
    var data = try await asyncio.wait_for(await loop.sock_recv(a, 100), 1.0)
    print("sock_recv:", data)

    for attempt in range(3) {
        do {
            data = try await asyncio.timeout(0.01 * Double(attempt + 1)) {
                try await loop.sock_recv(a, 100)
            }
            print("attempt", attempt, "got", data)
        } catch is TimeoutError {
            print("attempt", attempt, "timed out")
            if attempt == 1 {
                try await loop.sock_sendall(b, "third time")
            }
        }
    }
    a.close()
    b.close()
}


try asyncio.run { try await main() }
