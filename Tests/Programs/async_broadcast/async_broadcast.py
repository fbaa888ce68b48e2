# A broadcast chat server: a set of writers, and one task that sends what an asyncio.Queue receives to all of them.
import asyncio

writers = set()
messages = asyncio.Queue()


async def broadcaster():
    while True:
        sender, text = await messages.get()
        for writer in list(writers):
            writer.write(f"[{sender}] {text}\n".encode())
            await writer.drain()
        messages.task_done()


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    writers.add(writer)
    await messages.put(("server", f"{name} joined"))
    while line := await reader.readline():
        await messages.put((name, line.decode().strip()))
    writers.discard(writer)
    await messages.put(("server", f"{name} left"))
    writer.close()
    await writer.wait_closed()


async def read_lines(reader, count):
    lines = []
    for _ in range(count):
        lines.append((await reader.readline()).decode().rstrip("\n"))
    return lines


async def main():
    task = asyncio.create_task(broadcaster())
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    ann_r, ann_w = await asyncio.open_connection("127.0.0.1", port)
    ann_w.write(b"ann\n")
    print("ann sees", await read_lines(ann_r, 1))

    bob_r, bob_w = await asyncio.open_connection("127.0.0.1", port)
    bob_w.write(b"bob\n")
    print("ann sees", await read_lines(ann_r, 1))
    print("bob sees", await read_lines(bob_r, 1))

    ann_w.write(b"hello everyone\n")
    print("ann sees", await read_lines(ann_r, 1))
    print("bob sees", await read_lines(bob_r, 1))
    bob_w.write(b"hi ann\nhow are you?\n")
    print("ann sees", await read_lines(ann_r, 2))
    print("bob sees", await read_lines(bob_r, 2))

    bob_w.close()
    await bob_w.wait_closed()
    print("ann sees", await read_lines(ann_r, 1))
    await messages.join()
    print("queue empty:", messages.empty(), "size:", messages.qsize(), "writers:", len(writers))

    ann_w.close()
    await ann_w.wait_closed()
    await asyncio.sleep(0.05)
    await messages.join()
    print("writers left:", len(writers))

    q = asyncio.Queue(maxsize=2)
    q.put_nowait("a")
    q.put_nowait("b")
    print("full:", q.full(), "maxsize:", q.maxsize)
    try:
        q.put_nowait("c")
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e), repr(str(e)))
    print(q.get_nowait(), q.get_nowait(), q.empty())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    try:
        q.task_done()
        q.task_done()
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait_for(q.get(), 0.02)
    except TimeoutError:
        print("get() timed out on an empty queue")

    task.cancel()
    server.close()
    await server.wait_closed()


asyncio.run(main())
