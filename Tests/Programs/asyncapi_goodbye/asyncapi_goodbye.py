# A server shut down gracefully: handlers named after their client catch CancelledError and say goodbye, found with all_tasks(); a Barrier and a shut-down Queue.
import asyncio

log = []


async def handle(reader, writer):
    me = asyncio.current_task()
    me.set_name("handler-" + (await reader.readline()).decode().strip())
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            writer.write(line.upper())
            await writer.drain()
    except asyncio.CancelledError:
        log.append(f"{me.get_name()} cancelled (cancelling={me.cancelling()})")
        writer.write(b"server going away\n")
        await writer.drain()
        writer.close()
        await writer.wait_closed()
        log.append(f"{me.get_name()} said goodbye")
        raise


async def client(name, port, barrier, results):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{name}\n".encode())
    writer.write(f"hello from {name}\n".encode())
    await writer.drain()
    results.put_nowait(f"{name}: {(await reader.readline()).decode().strip()}")
    index = await barrier.wait()
    farewell = await reader.readline()
    results.put_nowait(f"{name}: {farewell.decode().strip()}")
    eof = await reader.read() == b""
    writer.close()
    await writer.wait_closed()
    return index, eof


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    barrier = asyncio.Barrier(3)
    results = asyncio.Queue()
    clients = [asyncio.create_task(client(n, port, barrier, results), name=f"client-{n}") for n in ("ann", "bob")]
    print("main task:", asyncio.current_task().get_name())
    print("clients:", [t.get_name() for t in clients])
    print("main waits at index", await barrier.wait())
    handlers = [t for t in asyncio.all_tasks() if t.get_name().startswith("handler-")]
    print("handlers:", sorted(t.get_name() for t in handlers))
    for t in sorted(handlers, key=lambda t: t.get_name()):
        t.cancel()
    outcomes = await asyncio.gather(*clients)
    print("client indexes:", sorted(index for index, _ in outcomes), "saw EOF:", [eof for _, eof in outcomes])
    results.shutdown()
    lines = []
    try:
        while True:
            lines.append(await results.get())
    except asyncio.QueueShutDown:
        print("results queue shut down after", len(lines), "items")
    for line in sorted(lines):
        print(" ", line)
    await asyncio.sleep(0.01)
    for entry in sorted(log):
        print(entry)
    print("handlers cancelled:", [t.cancelled() for t in handlers])
    server.close()
    await server.wait_closed()
    print("tasks left:", sorted(t.get_name() for t in asyncio.all_tasks()))
    print("barrier:", barrier.n_waiting, "waiting of", barrier.parties, "broken:", barrier.broken)


asyncio.run(main())
