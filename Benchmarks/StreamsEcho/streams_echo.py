# Streams echo under CPython: 10 clients doing write, drain, readline against a start_server line echo; round trips per CPU second.
import asyncio, resource, sys
count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
clients = 10
def cpu():
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime
async def handle(reader, writer):
    async for line in reader:
        writer.write(line)
        await writer.drain()
    writer.close()
async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    line = b"x" * 63 + b"\n"
    for _ in range(count // clients):
        writer.write(line)
        await writer.drain()
        await reader.readline()
    writer.close()
    await writer.wait_closed()
async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    start = cpu()
    await asyncio.gather(*(client(port) for _ in range(clients)))
    used = cpu() - start
    print(f"CPython {sys.version.split()[0]} asyncio streams: {count} round trips, {int(count / used)} per CPU second")
    server.close()
    await server.wait_closed()
asyncio.run(main())
