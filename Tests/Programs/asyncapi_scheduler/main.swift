// A job scheduler: a PriorityQueue of (priority, name) jobs, a worker that finishes its job when cancelled and uncancels, deadlines moved with reschedule, timeout_at, a LifoQueue of results.
import PySocket
import PySocketAsync
import PyBuiltins


func run_job(_ name: String) async throws -> String {
    try await asyncio.sleep(0.01)
    return "\(name) done"
}


func worker(_ jobs: asyncio.PriorityQueue<(Int, String)>, _ finished: asyncio.LifoQueue<(Int, String)>) async throws -> String {
    let me = asyncio.current_task()!
    while true {
        let (priority, name) = try await jobs.get()
        let result: String
        do {
            result = try await run_job(name)
        } catch is asyncio.CancelledError {
            print("\(me.get_name()): cancelled during \(repr(name)) (cancelling=\(me.cancelling())), finishing it")
            let result = try await run_job(name)
            try await finished.put((priority, result))
            try jobs.task_done()
            print("\(me.get_name()): uncancel() -> \(me.uncancel())")
            return "stopped early"
        }
        try await finished.put((priority, result))
        try jobs.task_done()
    }
}


func main() async throws {
    let loop = asyncio.get_running_loop()
    let jobs = asyncio.PriorityQueue<(Int, String)>(by: <)
    for (priority, name) in [(3, "backup"), (1, "deploy"), (2, "test"), (1, "build"), (5, "cleanup")] {
        try jobs.put_nowait((priority, name))
    }
    print(jobs)
    let finished = asyncio.LifoQueue<(Int, String)>()
    let w = asyncio.create_task(name: "worker") { try await worker(jobs, finished) }
    print(w.get_name(), "done:", w.done())
    nonisolated(unsafe) var kept: asyncio.Timeout?
    try await asyncio.timeout(nil) { deadline in
        kept = deadline
        print("deadline:", deadline.when())
        var polls = 0
        while !jobs.empty() {
            try deadline.reschedule(loop.time() + 5)
            try await asyncio.sleep(0.001)
            polls += 1
        }
        print("moved the deadline:", polls > 0, deadline.when()! > loop.time(), deadline.expired())
    }
    print(kept!)
    print("cancel:", w.cancel(), "cancelling:", w.cancelling(), "done:", w.done())
    print("worker returned", repr(try await w.value), "cancelled:", w.cancelled())
    do {
        try await asyncio.wait_for(await jobs.join(), 1)
        print("every job done; unfinished:", jobs.qsize())
    } catch is TimeoutError {
        print("join timed out")
    }
    let idle = asyncio.Event()
    do {
        try await asyncio.timeout_at(loop.time() + 0.01) { cm in
            kept = cm
            try await idle.wait()
        }
    } catch is TimeoutError {
        print("idle timeout expired:", kept!.expired(), kept!)
    }
    do {
        try kept!.reschedule(nil)
    } catch let e as RuntimeError {
        print("RuntimeError:", e)
    }
    print(finished)
    while !finished.empty() {
        print(" ", try finished.get_nowait())
    }
    let late = asyncio.Queue<String>()
    late.shutdown(immediate: true)
    do {
        try late.put_nowait("x")
    } catch is asyncio.QueueShutDown {
        print("put after shutdown: QueueShutDown")
    }
}


try asyncio.run { try await main() }
