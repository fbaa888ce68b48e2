# A server that lets 2 handlers run at once with asyncio.Semaphore, counts with an asyncio.Lock, and releases its clients on an asyncio.Event.
import asyncio

limit = asyncio.Semaphore(2)
lock = asyncio.Lock()
start = asyncio.Event()
stats = {"active": 0, "peak": 0, "handled": 0}
order = []


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    async with limit:
        stats["active"] += 1
        stats["peak"] = max(stats["peak"], stats["active"])
        order.append(name)
        await asyncio.sleep(0.02)
        writer.write(f"served {name}\n".encode())
        await writer.drain()
        stats["active"] -= 1
    async with lock:
        stats["handled"] += 1
    writer.close()
    await writer.wait_closed()


async def client(port, name):
    await start.wait()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{name}\n".encode())
    await writer.drain()
    reply = (await reader.readline()).decode().strip()
    writer.close()
    await writer.wait_closed()
    return reply


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    tasks = [asyncio.create_task(client(port, f"c{i}")) for i in range(5)]
    await asyncio.sleep(0.01)
    print("event set:", start.is_set(), "clients done:", sum(t.done() for t in tasks))
    start.set()
    print("event set:", start.is_set())
    replies = await asyncio.gather(*tasks)
    print("replies:", sorted(replies))
    print("peak:", stats["peak"], "handled:", stats["handled"], "served:", len(order))
    print("semaphore locked:", limit.locked(), "lock locked:", lock.locked())

    await lock.acquire()
    print("locked:", lock.locked())
    waiter = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print("second acquire done:", waiter.done())
    lock.release()
    await waiter
    print("second acquire got it:", waiter.result(), lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

    sem = asyncio.Semaphore(1)
    print("acquire:", await sem.acquire(), "locked:", sem.locked())
    sem.release()
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    bounded = asyncio.BoundedSemaphore(1)
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)

    start.clear()
    print("after clear:", start.is_set())
    try:
        await asyncio.wait_for(start.wait(), 0.01)
    except TimeoutError:
        print("wait() timed out while clear")
    server.close()
    await server.wait_closed()


asyncio.run(main())
