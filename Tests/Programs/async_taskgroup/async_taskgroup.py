# A port checker with asyncio.TaskGroup: probes under wait_for, a blocking call in asyncio.to_thread, loop.call_later, and a group whose failing task cancels the rest.
import asyncio
import socket

results = {}
log = []
beats = []


async def handle(reader, writer):
    writer.write(b"hello from the server\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


def unused_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


async def probe(port):
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 1.0)
    except ConnectionRefusedError as e:
        results[port] = f"closed (errno {e.errno})"
        return False
    banner = await reader.readline()
    writer.close()
    await writer.wait_closed()
    results[port] = f"open: {banner.decode().strip()}"
    return True


async def sleeper(name, delay):
    try:
        await asyncio.sleep(delay)
        log.append(f"{name} done")
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def failing(delay):
    await asyncio.sleep(delay)
    raise ConnectionResetError("peer went away")


async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    open_port = server.sockets[0].getsockname()[1]
    closed_port = unused_port()

    loop.call_later(0.01, lambda: beats.append("beat"))
    never = loop.call_later(10, lambda: beats.append("never"))
    never.cancel()
    print("cancelled handle:", never.cancelled())

    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(probe(open_port))
        t2 = tg.create_task(probe(closed_port))
        infos = await asyncio.to_thread(socket.getaddrinfo, "127.0.0.1", 80, type=socket.SOCK_STREAM)
        print("to_thread:", infos[0][4])
    print("probes:", t1.result(), t2.result())
    print(results[open_port])
    print(results[closed_port])

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("slow", 1.0))
            tg.create_task(sleeper("quick", 0.01))
            tg.create_task(failing(0.05))
            await asyncio.sleep(5)
            log.append("body finished")
    except ExceptionGroup as eg:
        print(type(eg).__name__, "-", eg, "-", list(eg.exceptions))
    print("log:", log)

    async def add_later():
        return 1

    try:
        tg.create_task(add_later())
    except RuntimeError as e:
        print("RuntimeError:", e)

    await asyncio.sleep(0.01)
    print("beats:", beats)
    server.close()
    await server.wait_closed()


asyncio.run(main())
