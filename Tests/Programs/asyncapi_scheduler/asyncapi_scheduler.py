# A job scheduler: a PriorityQueue of (priority, name) jobs, a worker that finishes its job when cancelled and uncancels, deadlines moved with reschedule, timeout_at, a LifoQueue of results.
import asyncio


async def run_job(name):
    await asyncio.sleep(0.01)
    return f"{name} done"


async def worker(jobs, finished):
    me = asyncio.current_task()
    while True:
        priority, name = await jobs.get()
        try:
            result = await run_job(name)
        except asyncio.CancelledError:
            print(f"{me.get_name()}: cancelled during {name!r} (cancelling={me.cancelling()}), finishing it")
            result = await run_job(name)
            await finished.put((priority, result))
            jobs.task_done()
            print(f"{me.get_name()}: uncancel() -> {me.uncancel()}")
            return "stopped early"
        await finished.put((priority, result))
        jobs.task_done()


async def main():
    loop = asyncio.get_running_loop()
    jobs = asyncio.PriorityQueue()
    for priority, name in [(3, "backup"), (1, "deploy"), (2, "test"), (1, "build"), (5, "cleanup")]:
        jobs.put_nowait((priority, name))
    print(jobs)
    finished = asyncio.LifoQueue()
    w = asyncio.create_task(worker(jobs, finished), name="worker")
    print(w.get_name(), "done:", w.done())
    async with asyncio.timeout(None) as deadline:
        print("deadline:", deadline.when())
        polls = 0
        while not jobs.empty():
            deadline.reschedule(loop.time() + 5)
            await asyncio.sleep(0.001)
            polls += 1
        print("moved the deadline:", polls > 0, deadline.when() > loop.time(), deadline.expired())
    print(deadline)
    print("cancel:", w.cancel(), "cancelling:", w.cancelling(), "done:", w.done())
    print("worker returned", repr(await w), "cancelled:", w.cancelled())
    try:
        await asyncio.wait_for(jobs.join(), 1)
        print("every job done; unfinished:", jobs.qsize())
    except TimeoutError:
        print("join timed out")
    idle = asyncio.Event()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01) as cm:
            await idle.wait()
    except TimeoutError:
        print("idle timeout expired:", cm.expired(), cm)
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(finished)
    while not finished.empty():
        print(" ", finished.get_nowait())
    late = asyncio.Queue()
    late.shutdown(immediate=True)
    try:
        late.put_nowait("x")
    except asyncio.QueueShutDown:
        print("put after shutdown: QueueShutDown")


asyncio.run(main())
