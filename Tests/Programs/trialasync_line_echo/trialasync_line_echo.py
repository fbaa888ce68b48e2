# A line-oriented echo server with a small command set, and many clients under gather.
import asyncio

HEADER_SIZE = 4


async def handle_client(reader, writer):
    peer = writer.get_extra_info("peername")
    host = peer[0]
    served = 0
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            cmd = line.decode().strip()
            if cmd == "QUIT":
                writer.write(b"BYE\n")
                await writer.drain()
                break
            elif cmd.startswith("LEN "):
                size = int(cmd[4:])
                payload = await reader.readexactly(size)
                writer.write(f"GOT {len(payload)} {payload.hex()}\n".encode())
            elif cmd == "UNTIL":
                chunk = await reader.readuntil(b"$$")
                writer.write(b"CHUNK " + chunk[:-2] + b"\n")
            else:
                writer.write(line.upper())
            served += 1
            await writer.drain()
    except asyncio.IncompleteReadError as e:
        print(f"server: incomplete from {host}: partial={e.partial!r} expected={e.expected}")
    finally:
        print(f"server: {host} done after {served} commands")
        writer.close()
        await writer.wait_closed()


async def client(port, name, lines):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for text in lines:
        writer.write(text.encode() + b"\n")
        await writer.drain()
        replies.append((await reader.readline()).decode().rstrip("\n"))
    writer.write(b"QUIT\n")
    await writer.drain()
    bye = await reader.readline()
    rest = await reader.read()
    writer.close()
    await writer.wait_closed()
    return name, replies, bye, rest


async def main():
    server = await asyncio.start_server(handle_client, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("serving on port > 0:", port > 0)
    results = await asyncio.gather(*(client(port, f"c{i}", [f"hello {i}", f"line {i * i}"]) for i in range(5)))
    for name, replies, bye, rest in results:
        print(name, replies, bye, rest)

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"LEN 5\nab\x00cd")
    writer.write(b"UNTIL\nsome$data$$")
    await writer.drain()
    print(await reader.readline())
    print(await reader.readline())
    writer.write(b"LEN 10\nshort")
    writer.write_eof()
    print(await reader.read(), reader.at_eof())
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.05)

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"no newline")
    writer.write_eof()
    try:
        await reader.readexactly(100)
    except asyncio.IncompleteReadError as e:
        print("client:", e, len(e.partial))
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.05)
    server.close()
    await server.wait_closed()
    print("server closed:", not server.is_serving())


asyncio.run(main())
