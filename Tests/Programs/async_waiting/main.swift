// Waiting on several tasks: asyncio.wait with FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and a timeout, and as_completed.
import PySocket
import PySocketAsync
import PyBuiltins


func job(_ name: String, _ delay: Double, fail: Bool = false) async throws -> String {
    try await asyncio.sleep(delay)
    if fail {
        throw ValueError("\(name) failed")
    }
    return "\(name) after \(delay)"
}


func main() async throws {
    var tasks = [("slow", 0.5), ("fast", 0.01), ("mid", 0.03)].map { (name, delay) in asyncio.create_task { try await job(name, delay) } }
    var (done, pending) = try await asyncio.wait(tasks, return_when: asyncio.FIRST_COMPLETED)
    print("first completed:", len(done), "done,", len(pending), "pending")
    for t in done {
        print("  ", try t.result())
    }
    (done, pending) = try await asyncio.wait(pending, timeout: 0.1)
    print("after timeout:", len(done), "done,", len(pending), "pending")
    for t in done {
        print("  ", try t.result())
    }
    (done, pending) = try await asyncio.wait(pending)
    print("all completed:", len(done), "done,", len(pending), "pending")
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)

    tasks = [
        asyncio.create_task { try await job("ok", 0.01) },
        asyncio.create_task { try await job("bad", 0.02, fail: true) },
        asyncio.create_task { try await job("late", 5) },
    ]
    (done, pending) = try await asyncio.wait(tasks, return_when: asyncio.FIRST_EXCEPTION)
    print("first exception:", len(done), "done,", len(pending), "pending")
    for t in tasks {
        if t.done() {
            let exc = try t.exception()
            print("  ", exc != nil ? "exception:" : "result:", try exc != nil ? repr(exc) : t.result())
        }
    }
    for t in pending {
        t.cancel()
    }
    _ = try await asyncio.wait(pending)
    print("late cancelled:", tasks[2].cancelled())

    do {
        _ = try await asyncio.wait([asyncio.Task<String>]())
    } catch let e as ValueError {
        print("ValueError:", e)
    }

    var order: [String] = []
    for next_done in asyncio.as_completed([{ try await job("c", 0.03) }, { try await job("a", 0.01) }, { try await job("b", 0.02) }]) {
        order.append(try await next_done.value)
    }
    print("as_completed:", order)

    do {
        for next_done in asyncio.as_completed([{ try await job("x", 0.01) }, { try await job("y", 1.0) }], timeout: 0.03) {
            print("got", try await next_done.value)
        }
    } catch let e as TimeoutError {
        print("as_completed timed out:", type(e).__name__)
    }
}


try asyncio.run { try await main() }
