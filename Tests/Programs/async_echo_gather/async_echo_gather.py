# A streams echo server and several concurrent clients run together with asyncio.gather.
import asyncio
import socket

served = []


async def handle(reader, writer):
    count = 0
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
        count += 1
    served.append(count)
    writer.close()
    await writer.wait_closed()


async def client(port, name, lines):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for text in lines:
        writer.write(f"{name}: {text}\n".encode())
        await writer.drain()
        reply = await reader.readline()
        replies.append(reply.decode().rstrip())
    writer.write_eof()
    tail = await reader.read()
    writer.close()
    await writer.wait_closed()
    return name, replies, tail


def unused_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        results = await asyncio.gather(
            client(port, "ann", ["hello", "bye"]),
            client(port, "bob", ["one", "two", "three"]),
            client(port, "cy", []),
        )
        print(type(results).__name__, len(results))
        for name, replies, tail in results:
            print(name, replies, tail)

        outcomes = await asyncio.gather(
            client(port, "dee", ["last"]),
            client(unused_port(), "eve", ["never"]),
            return_exceptions=True,
        )
        for item in outcomes:
            if isinstance(item, Exception):
                print("error:", type(item).__name__, item.errno, isinstance(item, OSError))
            else:
                print("ok:", item)

        try:
            await asyncio.gather(client(unused_port(), "fay", []))
        except ConnectionRefusedError as e:
            print("gather raised", type(e).__name__, e.errno)

        print("empty gather:", await asyncio.gather())
        server.close()
    print("served", sorted(served), "serving:", server.is_serving())


asyncio.run(main())
