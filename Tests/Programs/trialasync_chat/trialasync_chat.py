# A chat room: clients log in with a name, messages are broadcast; serve_forever stopped by a task.
import asyncio

clients = {}
history = []


async def broadcast(sender, text):
    message = f"[{sender}] {text}\n".encode()
    history.append(message)
    for name, writer in list(clients.items()):
        if name != sender:
            writer.write(message)
            await writer.drain()


async def handle(reader, writer):
    writer.write(b"NAME?\n")
    await writer.drain()
    name = (await reader.readline()).decode().strip()
    if name in clients:
        writer.write(b"TAKEN\n")
        await writer.drain()
        writer.close()
        await writer.wait_closed()
        return
    clients[name] = writer
    writer.write(f"WELCOME {name}, {len(clients)} online\n".encode())
    await writer.drain()
    try:
        async for line in reader:
            text = line.decode().rstrip()
            if text == "/who":
                writer.write((", ".join(sorted(clients)) + "\n").encode())
                await writer.drain()
            else:
                await broadcast(name, text)
    finally:
        del clients[name]
        writer.close()
    print(f"{name} left; {len(clients)} remain")


async def join(port, name):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    prompt = await reader.readline()
    writer.write(name.encode() + b"\n")
    await writer.drain()
    greeting = await reader.readline()
    print(name, "<-", prompt, greeting)
    return reader, writer


async def stopper(server, done):
    await done.wait()
    print("stopper: closing server")
    server.close()


async def main():
    done = asyncio.Event()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    asyncio.create_task(stopper(server, done))

    async def script():
        ra, wa = await join(port, "alice")
        rb, wb = await join(port, "bob")
        rt, wt = await join(port, "alice")
        print("duplicate:", await rt.readline(), await rt.read())
        wt.close()
        wa.write(b"hi bob\n")
        await wa.drain()
        print("bob got", await rb.readline())
        wb.write(b"hello alice\n/who\n")
        await wb.drain()
        print("alice got", await ra.readline())
        print("bob got", await rb.readline())
        wb.close()
        await wb.wait_closed()
        await asyncio.sleep(0.05)
        wa.write(b"/who\n")
        await wa.drain()
        print("alice got", await ra.readline())
        wa.close()
        await wa.wait_closed()
        await asyncio.sleep(0.05)
        done.set()

    task = asyncio.create_task(script())
    async with server:
        try:
            await server.serve_forever()
        except asyncio.CancelledError:
            print("serve_forever cancelled")
    await task
    print("history:", len(history), history)
    print("serving:", server.is_serving(), "clients:", clients)


asyncio.run(main())
