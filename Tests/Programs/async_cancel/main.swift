// Cancelling tasks: task.cancel(), CancelledError caught inside and outside, a task that refuses, and asyncio.shield.
import PySocket
import PySocketAsync
import PyBuiltins


func worker(_ name: String, _ delay: Double) async throws -> String {
    do {
        try await asyncio.sleep(delay)
        return "\(name) finished"
    } catch is asyncio.CancelledError {
        print("\(name): cancelled while sleeping")
        throw asyncio.CancelledError()
    }
}


func stubborn() async throws -> String {
    do {
        try await asyncio.sleep(10)
    } catch is asyncio.CancelledError {
        print("stubborn: caught CancelledError, returning anyway")
    }
    return "stubborn result"
}


func reader(_ loop: asyncio.AbstractEventLoop, _ sock: socket) async throws -> bytes {
    do {
        return try await loop.sock_recv(sock, 100)
    } catch is asyncio.CancelledError {
        print("reader: cancelled in sock_recv")
        throw asyncio.CancelledError()
    }
}


func main() async throws {
    let loop = asyncio.get_running_loop()
    let t = asyncio.create_task { try await worker("a", 10) }
    try await asyncio.sleep(0.01)
    print("cancel() returned", t.cancel())
    do {
        _ = try await t.value
    } catch let e as asyncio.CancelledError {
        print("awaiting it raised", type(e).__name__, repr(e))
    }
    print("done:", t.done(), "cancelled:", t.cancelled())
    print("cancel() again returned", t.cancel())

    let early = asyncio.create_task { try await worker("never started", 1) }
    early.cancel()
    do {
        _ = try await early.value
    } catch is asyncio.CancelledError {
        print("cancelled before it ran; cancelled:", early.cancelled())
    }

    let s = asyncio.create_task { try await stubborn() }
    try await asyncio.sleep(0.01)
    s.cancel()
    print("stubborn gave", repr(try await s.value), "cancelled:", s.cancelled())

    let quick = asyncio.create_task { try await worker("b", 0.01) }
    print("b:", try await quick.value, "result():", try quick.result())
    print("cancel() on a finished task:", quick.cancel())

    let inner = asyncio.create_task { try await worker("c", 0.05) }
    do {
        _ = try await asyncio.wait_for(await asyncio.shield(inner), 0.01)
    } catch is TimeoutError {
        print("shielded wait timed out; inner cancelled:", inner.cancelled(), "done:", inner.done())
    }
    print("inner still gave", try await inner.value)

    let unshielded = asyncio.create_task { try await worker("d", 0.05) }
    do {
        _ = try await asyncio.wait_for(await unshielded.value, 0.01)
    } catch is TimeoutError {
        print("unshielded wait timed out; cancelled:", unshielded.cancelled())
    }

    let (a, b) = try socket.socketpair()
    try a.setblocking(false)
    let r = asyncio.create_task { try await reader(loop, a) }
    try await asyncio.sleep(0.01)
    r.cancel()
    do {
        _ = try await r.value
    } catch is asyncio.CancelledError {
        print("reader task cancelled:", r.cancelled())
    }
    _ = try b.send("still works")
    print("after cancel:", try await loop.sock_recv(a, 100))
    a.close()
    b.close()
}


try asyncio.run { try await main() }
