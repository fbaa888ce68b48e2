# Cancelling tasks: task.cancel(), CancelledError caught inside and outside, a task that refuses, and asyncio.shield.
import asyncio
import socket


async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        return f"{name} finished"
    except asyncio.CancelledError:
        print(f"{name}: cancelled while sleeping")
        raise


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: caught CancelledError, returning anyway")
    return "stubborn result"


async def reader(loop, sock):
    try:
        return await loop.sock_recv(sock, 100)
    except asyncio.CancelledError:
        print("reader: cancelled in sock_recv")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(worker("a", 10))
    await asyncio.sleep(0.01)
    print("cancel() returned", t.cancel())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting it raised", type(e).__name__, repr(e))
    print("done:", t.done(), "cancelled:", t.cancelled())
    print("cancel() again returned", t.cancel())

    early = asyncio.create_task(worker("never started", 1))
    early.cancel()
    try:
        await early
    except asyncio.CancelledError:
        print("cancelled before it ran; cancelled:", early.cancelled())

    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0.01)
    s.cancel()
    print("stubborn gave", repr(await s), "cancelled:", s.cancelled())

    quick = asyncio.create_task(worker("b", 0.01))
    print("b:", await quick, "result():", quick.result())
    print("cancel() on a finished task:", quick.cancel())

    inner = asyncio.create_task(worker("c", 0.05))
    try:
        await asyncio.wait_for(asyncio.shield(inner), 0.01)
    except TimeoutError:
        print("shielded wait timed out; inner cancelled:", inner.cancelled(), "done:", inner.done())
    print("inner still gave", await inner)

    unshielded = asyncio.create_task(worker("d", 0.05))
    try:
        await asyncio.wait_for(unshielded, 0.01)
    except TimeoutError:
        print("unshielded wait timed out; cancelled:", unshielded.cancelled())

    a, b = socket.socketpair()
    a.setblocking(False)
    r = asyncio.create_task(reader(loop, a))
    await asyncio.sleep(0.01)
    r.cancel()
    try:
        await r
    except asyncio.CancelledError:
        print("reader task cancelled:", r.cancelled())
    b.send(b"still works")
    print("after cancel:", await loop.sock_recv(a, 100))
    a.close()
    b.close()


asyncio.run(main())
