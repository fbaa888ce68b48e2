# A producer/consumer pipeline: lines read from a socket go through two asyncio.Queue stages.
import asyncio
import hashlib

WORKERS = 3


async def source_server(reader, writer):
    for i in range(12):
        writer.write(f"record-{i:02d},{i * 7 % 5}\n".encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def producer(port, raw):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    count = 0
    while line := await reader.readline():
        await raw.put(line.rstrip(b"\n"))
        count += 1
    writer.close()
    await writer.wait_closed()
    for _ in range(WORKERS):
        await raw.put(None)
    return count


async def parse_worker(wid, raw, parsed):
    handled = 0
    while True:
        item = await raw.get()
        if item is None:
            raw.task_done()
            break
        name, weight = item.split(b",")
        await asyncio.sleep(0.001 * int(weight))
        await parsed.put((int(weight), name.decode(), hashlib.md5(item).hexdigest()[:8]))
        handled += 1
        raw.task_done()
    return wid, handled


async def collector(parsed, totals):
    while True:
        weight, name, digest = await parsed.get()
        totals[weight] = totals.get(weight, 0) + 1
        totals.setdefault("names", []).append(name)
        parsed.task_done()


async def main():
    server = await asyncio.start_server(source_server, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    raw = asyncio.Queue(maxsize=4)
    parsed = asyncio.Queue()
    totals = {}
    print("queues:", raw.maxsize, parsed.maxsize, raw.empty(), raw.full())

    workers = [asyncio.create_task(parse_worker(i, raw, parsed)) for i in range(WORKERS)]
    coll = asyncio.create_task(collector(parsed, totals))
    produced = await producer(port, raw)
    print("produced", produced)
    await raw.join()
    await parsed.join()
    results = await asyncio.gather(*workers)
    print("workers handled", sum(n for _, n in results), "in", len(results), "workers")
    coll.cancel()
    try:
        await coll
    except asyncio.CancelledError:
        print("collector cancelled:", coll.cancelled())

    names = sorted(totals.pop("names"))
    print(names[:3], names[-1], len(names))
    for weight in sorted(totals):
        print(f"weight {weight}: {totals[weight]} records")
    print("queue sizes at the end:", raw.qsize(), parsed.qsize())

    q = asyncio.Queue(maxsize=1)
    q.put_nowait("x")
    try:
        q.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull raised, full:", q.full())
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty raised, empty:", q.empty())
    try:
        await asyncio.wait_for(q.get(), timeout=0.02)
    except TimeoutError:
        print("get timed out")
    server.close()
    await server.wait_closed()


asyncio.run(main())
