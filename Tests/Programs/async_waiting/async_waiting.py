# Waiting on several tasks: asyncio.wait with FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and a timeout, and as_completed.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    return f"{name} after {delay}"


async def main():
    tasks = [asyncio.create_task(job(name, delay)) for name, delay in [("slow", 0.5), ("fast", 0.01), ("mid", 0.03)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", len(done), "done,", len(pending), "pending")
    for t in done:
        print("  ", t.result())
    done, pending = await asyncio.wait(pending, timeout=0.1)
    print("after timeout:", len(done), "done,", len(pending), "pending")
    for t in done:
        print("  ", t.result())
    done, pending = await asyncio.wait(pending)
    print("all completed:", len(done), "done,", len(pending), "pending")
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)

    tasks = [
        asyncio.create_task(job("ok", 0.01)),
        asyncio.create_task(job("bad", 0.02, fail=True)),
        asyncio.create_task(job("late", 5)),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", len(done), "done,", len(pending), "pending")
    for t in tasks:
        if t.done():
            exc = t.exception()
            print("  ", "exception:" if exc else "result:", repr(exc) if exc else t.result())
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    print("late cancelled:", tasks[2].cancelled())

    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)

    order = []
    for next_done in asyncio.as_completed([job("c", 0.03), job("a", 0.01), job("b", 0.02)]):
        order.append(await next_done)
    print("as_completed:", order)

    try:
        for next_done in asyncio.as_completed([job("x", 0.01), job("y", 1.0)], timeout=0.03):
            print("got", await next_done)
    except TimeoutError as e:
        print("as_completed timed out:", type(e).__name__)


asyncio.run(main())
