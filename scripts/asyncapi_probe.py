# Prints what CPython 3.13 asyncio gives for Tests/AsyncTests/AsyncAPITests.swift (its expected lines come from here).
# A task's repr is printed without its coro=<...> and wait_for=<...> parts, which PySocketAsync does not have.
import asyncio, re, socket


def trepr(t):
    return re.sub(r" (coro|wait_for)=<[^>]*>", "", repr(t))


async def swallow_then_await(log, a):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append(f"caught, cancelling={asyncio.current_task().cancelling()}")
        await asyncio.sleep(0.01)
        log.append("slept after the cancel")
        await loop.sock_sendall(a, b"bye")
        log.append("sent goodbye")
    return "finished"


async def sticky():
    loop = asyncio.get_running_loop()
    log = []
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    t = asyncio.create_task(swallow_then_await(log, a))
    await asyncio.sleep(0.01)
    log.append(f"cancel {t.cancel()}")
    log.append(await t)
    log.append(f"cancelled={t.cancelled()} cancelling={t.cancelling()} got={await loop.sock_recv(b, 10)!r}")
    a.close()
    b.close()
    return log


async def count_errors():
    n = 0
    for _ in range(3):
        try:
            await asyncio.sleep(0.03)
        except asyncio.CancelledError:
            n += 1
    return n


async def twice():
    t = asyncio.create_task(count_errors(), name="counter")
    await asyncio.sleep(0.01)
    t.cancel()
    t.cancel()
    lines = [f"cancelling={t.cancelling()}", trepr(t)]
    lines.append(f"errors={await t} cancelling={t.cancelling()} uncancel={t.uncancel()} {t.uncancel()} {t.uncancel()}")
    return lines


async def self_cancel():
    me = asyncio.current_task()
    lines = [f"cancel={me.cancel()} cancelling={me.cancelling()} uncancel={me.uncancel()}"]
    await asyncio.sleep(0.001)
    lines.append("not cancelled after uncancel")
    me.cancel()
    try:
        await asyncio.sleep(0)
        lines.append("not raised")
    except asyncio.CancelledError:
        lines.append(f"raised at the next await, cancelling={me.cancelling()}")
    me.uncancel()
    await asyncio.sleep(0)
    lines.append("then runs on")
    return lines


async def inner_swallows():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "inner swallowed"


async def through_task():
    i = asyncio.create_task(inner_swallows())

    async def outer():
        return await i
    o = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    o.cancel()
    r = await o
    return [f"{r} outer.cancelling={o.cancelling()} outer.cancelled={o.cancelled()} inner.cancelled={i.cancelled()}"]


async def returns_after_self_cancel():
    asyncio.current_task().cancel()
    return 1


async def ends_cancelled():
    t = asyncio.create_task(returns_after_self_cancel())
    try:
        await t
    except asyncio.CancelledError:
        pass
    return [f"cancelled={t.cancelled()}"]


async def handler_echo(reader, writer):
    data = await reader.read(100)
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def stream_cleanup():
    got = []

    async def handle(reader, writer):
        got.append(await reader.read(100))
        writer.close()
        await writer.wait_closed()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    log = []

    async def client():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            await reader.read(100)
        except asyncio.CancelledError:
            log.append("client cancelled in read")
            raise
        finally:
            writer.write(b"goodbye")
            await writer.drain()
            writer.close()
            await writer.wait_closed()
            log.append("closed after goodbye")
    t = asyncio.create_task(client())
    await asyncio.sleep(0.02)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        log.append(f"client task cancelled={t.cancelled()}")
    await asyncio.sleep(0.02)
    server.close()
    await server.wait_closed()
    log.append(f"server got {got}")
    return log


async def named(n):
    await asyncio.sleep(n)
    return n


async def names():
    me = asyncio.current_task()
    base = int(asyncio.create_task(named(0)).get_name().split("-")[1])
    a = asyncio.create_task(named(0.01))
    b = asyncio.create_task(named(1), name="second")
    lines = [f"{int(a.get_name().split('-')[1]) - base} {b.get_name()}", trepr(b)]
    b.set_name(42)
    lines.append(f"{b.get_name()!r} {len(asyncio.all_tasks())} {me in asyncio.all_tasks()} {asyncio.current_task() is me}")
    await a
    lines.append(trepr(a).replace(a.get_name(), "A"))
    b.cancel()
    lines.append(trepr(b))
    try:
        await b
    except asyncio.CancelledError:
        lines.append(trepr(b))
    f = asyncio.create_task(failing(), name="bad")
    try:
        await f
    except ValueError:
        pass
    lines.append(trepr(f))
    seen = []
    f.add_done_callback(lambda t: seen.append(t.get_name()))
    await asyncio.sleep(0)
    lines.append(f"{seen} {len(asyncio.all_tasks())}")
    return lines


async def failing():
    raise ValueError("boom")


def leftovers():
    log = []

    async def lingering():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            log.append("lingering cancelled")
            await asyncio.sleep(0.01)
            log.append("lingering cleaned up")
        return 1

    async def main():
        asyncio.create_task(lingering())
        await asyncio.sleep(0)
        return "main done"
    log.append(asyncio.run(main()))
    return log


async def run_all():
    for name, fn in [("sticky", sticky), ("twice", twice), ("self_cancel", self_cancel), ("through_task", through_task),
                     ("ends_cancelled", ends_cancelled), ("stream_cleanup", stream_cleanup), ("names", names)]:
        print(name, await fn())

asyncio.run(run_all())
print("leftovers", leftovers())


async def queues():
    lines = []
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    lines.append(str(q))
    got = []

    async def consumer():
        try:
            while True:
                got.append(await q.get())
                q.task_done()
        except asyncio.QueueShutDown:
            got.append("shut down")
    c = asyncio.create_task(consumer())
    await asyncio.sleep(0.01)
    q.shutdown()
    await c
    lines.append(f"{got} {q}")
    try:
        q.put_nowait(9)
    except asyncio.QueueShutDown as e:
        lines.append(f"put: {type(e).__name__} {e!r}")
    try:
        await q.get()
    except asyncio.QueueShutDown:
        lines.append("get: QueueShutDown")
    try:
        q.get_nowait()
    except asyncio.QueueShutDown:
        lines.append("get_nowait: QueueShutDown")
    r = asyncio.Queue()
    for i in range(4):
        await r.put(i)
    waiter = asyncio.create_task(r.join())
    await asyncio.sleep(0)
    r.shutdown(immediate=True)
    await waiter
    lines.append(f"{r} joined={waiter.done()} empty={r.empty()}")
    try:
        r.task_done()
    except ValueError as e:
        lines.append(str(e))
    full = asyncio.Queue(1)
    full.put_nowait("a")
    putter = asyncio.create_task(full.put("b"))
    await asyncio.sleep(0)
    full.shutdown()
    try:
        await putter
    except asyncio.QueueShutDown:
        lines.append(f"blocked put: QueueShutDown {full.get_nowait()!r}")
    lifo = asyncio.LifoQueue()
    for x in "abc":
        await lifo.put(x)
    lines.append(f"{lifo} {[lifo.get_nowait() for _ in range(3)]}")
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3, 1]:
        pq.put_nowait(x)
    lines.append(str(pq))
    lines.append(str([await pq.get() for _ in range(6)]))
    tq = asyncio.PriorityQueue()
    for item in [(2, "b"), (1, "z"), (3, "c"), (1, "a")]:
        tq.put_nowait(item)
    lines.append(str([tq.get_nowait() for _ in range(4)]))
    return lines


async def barrier():
    lines = []
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        lines.append(str(e))
    b = asyncio.Barrier(3)
    order = []

    async def party(n):
        await asyncio.sleep(n * 0.005)
        i = await b.wait()
        order.append((n, i))
        return i
    tasks = [asyncio.create_task(party(n)) for n in range(3)]
    await asyncio.sleep(0.007)
    lines.append(re.sub(r" at 0x[0-9a-f]+", "", repr(b)))
    results = await asyncio.gather(*tasks)
    lines.append(f"{results} {order} {b.n_waiting} {b.broken}")
    w = asyncio.create_task(b.wait())
    await asyncio.sleep(0.01)
    await b.reset()
    try:
        await w
    except asyncio.BrokenBarrierError as e:
        lines.append(f"reset: {type(e).__name__} {e} {isinstance(e, RuntimeError)}")
    w2 = asyncio.create_task(b.wait())
    await asyncio.sleep(0.01)
    await b.abort()
    try:
        await w2
    except asyncio.BrokenBarrierError as e:
        lines.append(f"abort: {e}")
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        lines.append(f"after abort: {e} {re.sub(r' at 0x[0-9a-f]+', '', repr(b))}")
    return lines


async def run_more():
    for name, fn in [("queues", queues), ("barrier", barrier)]:
        print(name, await fn())

asyncio.run(run_more())


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data.upper())


class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.got = b""

    def connection_made(self, transport):
        transport.write(b"over unix")
        transport.write_eof()

    def data_received(self, data):
        self.got += data
        if len(self.got) >= 9:
            self.done.set_result(self.got)


async def unix_protocols(directory):
    loop = asyncio.get_running_loop()
    lines = []
    path = directory + "/proto.sock"
    server = await loop.create_unix_server(Echo, path)
    lines.append(f"{server.sockets[0].getsockname() == path} {server.is_serving()}")
    done = loop.create_future()
    transport, protocol = await loop.create_unix_connection(lambda: Client(done), path)
    lines.append(repr(await asyncio.wait_for(done, 2)))
    transport.close()
    server.close()
    await server.wait_closed()
    import os
    lines.append(f"file removed: {not os.path.exists(path)}")
    try:
        await loop.create_unix_connection(Echo, directory + "/missing.sock")
    except OSError as e:
        lines.append(f"{type(e).__name__} {e}")
    s = socket.socket()
    try:
        await loop.create_unix_connection(Echo, path, sock=s)
    except ValueError as e:
        lines.append(str(e))
    try:
        await loop.create_unix_connection(Echo)
    except ValueError as e:
        lines.append(str(e))
    s.close()
    return lines


def run_unix():
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        print("unix_protocols", asyncio.run(unix_protocols(d)))

run_unix()


async def timeouts():
    loop = asyncio.get_running_loop()
    lines = []
    try:
        async with asyncio.timeout(0.01) as cm:
            lines.append(re.sub(r"when=[0-9.]+", "when=T", repr(cm)))
            cm.reschedule(loop.time() + 0.05)
            lines.append(f"moved: {cm.when() > loop.time() + 0.03}")
            await asyncio.sleep(0.03)
            lines.append("outlived the first deadline")
            await asyncio.sleep(1)
    except TimeoutError as e:
        lines.append(f"TimeoutError {e!r} expired={cm.expired()} {cm!r}")
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        lines.append(str(e))
    async with asyncio.timeout(None) as cm2:
        lines.append(repr(cm2))
        cm2.reschedule(loop.time() + 10)
        await asyncio.sleep(0.001)
    lines.append(f"{cm2!r} expired={cm2.expired()}")
    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        lines.append("timeout_at expired")
    try:
        async with asyncio.timeout_at(None) as cm3:
            cm3.reschedule(loop.time() - 1)
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                lines.append("cancelled inside")
                raise
    except TimeoutError:
        lines.append(f"rescheduled into the past: TimeoutError {cm3!r}")
    return lines


async def timeouts_outer():
    try:
        return await timeouts()
    except TimeoutError:
        return ["past deadline: TimeoutError"]


async def waitfor_edges():
    lines = []
    done = asyncio.create_task(asyncio.sleep(0, "ready"))
    await asyncio.sleep(0.01)
    lines.append(await asyncio.wait_for(done, 0))
    slow = asyncio.create_task(asyncio.sleep(1, "late"))
    try:
        await asyncio.wait_for(slow, 0)
    except TimeoutError:
        lines.append(f"zero timeout: TimeoutError cancelled={slow.cancelled()}")
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(7)
    lines.append(str(await asyncio.wait_for(fut, 0)))
    pending = asyncio.get_running_loop().create_future()
    try:
        await asyncio.wait_for(pending, 0.01)
    except TimeoutError:
        lines.append(f"future: TimeoutError cancelled={pending.cancelled()}")
    t = asyncio.create_task(asyncio.sleep(1, "x"))
    try:
        await asyncio.wait_for(t, 0.01)
    except TimeoutError:
        lines.append(f"task: TimeoutError cancelled={t.cancelled()} cancelling={asyncio.current_task().cancelling()}")
    return lines


async def run_timeouts():
    print("timeouts", await timeouts_outer())
    print("waitfor_edges", await waitfor_edges())

asyncio.run(run_timeouts())


async def cancel_in_wait_for():
    import time
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    log = []

    async def reader():
        start = time.monotonic()
        try:
            await asyncio.wait_for(loop.sock_recv(a, 10), 10)
        except asyncio.CancelledError:
            log.append(f"cancelled in wait_for promptly={time.monotonic() - start < 1} cancelling={asyncio.current_task().cancelling()}")
        b.send(b"later")
        log.append(repr(await asyncio.wait_for(loop.sock_recv(a, 10), 1)))
        return "ok"
    t = asyncio.create_task(reader())
    await asyncio.sleep(0.01)
    t.cancel()
    log.append(await t)
    a.close()
    b.close()
    return log

print("cancel_in_wait_for", asyncio.run(cancel_in_wait_for()))
