# Deadlines and cancellation: wait_for, asyncio.timeout, task.cancel() and CancelledError cleanup.
import asyncio


async def slow_server(reader, writer):
    line = await reader.readline()
    delay = float(line.decode())
    await asyncio.sleep(delay)
    writer.write(b"late reply\n")
    try:
        await writer.drain()
    except ConnectionError as e:
        print("server: drain failed:", type(e).__name__)
    writer.close()


async def ask(port, delay, timeout):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{delay}\n".encode())
    await writer.drain()
    try:
        reply = await asyncio.wait_for(reader.readline(), timeout=timeout)
        return f"delay={delay} timeout={timeout}: {reply!r}"
    except asyncio.TimeoutError:
        return f"delay={delay} timeout={timeout}: timed out"
    finally:
        writer.close()
        await writer.wait_closed()


async def worker(name, log):
    log.append(f"{name} started")
    try:
        while True:
            await asyncio.sleep(0.01)
    except asyncio.CancelledError:
        log.append(f"{name} cleaning up")
        raise
    finally:
        log.append(f"{name} finally")


async def main():
    server = await asyncio.start_server(slow_server, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    for delay, timeout in [(0.0, 1.0), (0.2, 0.05), (0.01, 0.5)]:
        print(await ask(port, delay, timeout))

    log = []
    task = asyncio.create_task(worker("w1", log))
    await asyncio.sleep(0.03)
    print("cancel returned", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting the task raised CancelledError")
    print(log, task.cancelled(), task.done())
    print("second cancel:", task.cancel())

    try:
        async with asyncio.timeout(0.02):
            await asyncio.sleep(5)
    except TimeoutError as e:
        print("timeout block:", type(e).__name__, repr(e))

    try:
        await asyncio.wait_for(asyncio.sleep(1, result="never"), 0.01)
    except asyncio.TimeoutError as e:
        print("wait_for:", isinstance(e, TimeoutError), e.args)

    print(await asyncio.wait_for(asyncio.sleep(0.001, result="in time"), 1))

    async def refuses_to_finish():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("caught the cancellation, returning a value")
            return "swallowed"

    t2 = asyncio.create_task(refuses_to_finish())
    await asyncio.sleep(0)
    t2.cancel()
    print("t2 result:", await t2, t2.cancelled())

    t3 = asyncio.create_task(asyncio.sleep(0.01, result=42))
    print("t3:", await t3, t3.result(), t3.exception())

    await asyncio.sleep(0.25)
    server.close()
    await server.wait_closed()
    print("done")


asyncio.run(main())
