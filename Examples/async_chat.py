# A line-based chat with asyncio streams: start_server runs one handler per client, clients use open_connection.
import asyncio

clients = {}


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    peer = writer.get_extra_info("peername")
    print("server:", name, "joined from", peer[0])
    clients[name] = writer
    writer.write(b"welcome " + name.encode() + b"\n")
    await writer.drain()
    async for line in reader:
        text = line.decode().rstrip("\n")
        for other, out in clients.items():
            if other != name:
                out.write(f"{name}: {text}\n".encode())
                await out.drain()
    del clients[name]
    print("server:", name, "left")
    writer.close()
    await writer.wait_closed()


async def join(port, name):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(name + b"\n")
    await writer.drain()
    print(name.decode(), "got", await reader.readline())
    return reader, writer


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("serving:", server.is_serving())

    ann_r, ann_w = await join(port, b"ann")
    bob_r, bob_w = await join(port, b"bob")

    ann_w.write(b"hi bob\n")
    await ann_w.drain()
    print("bob got", await bob_r.readline())
    bob_w.writelines([b"hello ", b"ann\n", b"bye\n"])
    await bob_w.drain()
    print("ann got", await ann_r.readuntil(b"\n"))
    print("ann got", await ann_r.readline())

    ann_w.write_eof()
    print("ann got", await ann_r.read(), "at eof:", ann_r.at_eof())
    try:
        ann_w.write(b"too late\n")
    except RuntimeError as e:
        print("ann:", e)
    ann_w.close()
    await ann_w.wait_closed()

    bob_w.close()
    await bob_w.wait_closed()
    try:
        await bob_r.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print("bob: short read", e.partial, e.expected, "-", e)

    server.close()
    await server.wait_closed()
    print("serving:", server.is_serving(), "clients left:", len(clients))


asyncio.run(main())
