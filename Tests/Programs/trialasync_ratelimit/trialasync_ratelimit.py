# A fetch service behind a Semaphore: at most 3 requests in flight, with stats under a Lock.
import asyncio
import time

MAX_CONCURRENT = 3


class Stats:
    def __init__(self):
        self.lock = asyncio.Lock()
        self.active = 0
        self.peak = 0
        self.served = []

    async def enter(self, name):
        async with self.lock:
            self.active += 1
            self.peak = max(self.peak, self.active)

    async def leave(self, name):
        async with self.lock:
            self.active -= 1
            self.served.append(name)


async def backend(reader, writer):
    request = (await reader.readuntil(b"\r\n\r\n")).decode()
    first = request.split("\r\n")[0]
    method, path, version = first.split(" ")
    delay = int(path.rsplit("/", 1)[-1]) / 1000
    await asyncio.sleep(delay)
    body = f"{method} {path} ok".encode()
    writer.write(b"HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    await writer.drain()
    writer.close()


async def fetch(port, path, sem, stats):
    async with sem:
        await stats.enter(path)
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(f"GET {path} HTTP/1.0\r\nHost: test\r\n\r\n".encode())
            await writer.drain()
            status = await reader.readline()
            headers = {}
            while (line := await reader.readline()) != b"\r\n":
                key, _, value = line.decode().partition(":")
                headers[key.strip().lower()] = value.strip()
            body = await reader.readexactly(int(headers["content-length"]))
            writer.close()
            await writer.wait_closed()
            return status.split()[1].decode(), body.decode()
        finally:
            await stats.leave(path)


async def main():
    server = await asyncio.start_server(backend, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    sem = asyncio.Semaphore(MAX_CONCURRENT)
    stats = Stats()
    paths = [f"/item/{d}" for d in (30, 10, 20, 5, 15, 25, 1, 40)]
    start = time.monotonic()
    results = await asyncio.gather(*(fetch(port, p, sem, stats) for p in paths))
    elapsed = time.monotonic() - start
    for path, (status, body) in zip(paths, results):
        print(f"{path:<10} {status} {body}")
    print("peak concurrency:", stats.peak, "active now:", stats.active)
    print("served count:", len(stats.served), "semaphore free:", not sem.locked())
    print("took at least 50 ms:", elapsed >= 0.05, "under 1 s:", elapsed < 1)

    ready = asyncio.Event()
    order = []

    async def waiter(i):
        await ready.wait()
        async with sem:
            order.append(i)
            await asyncio.sleep(0.005)

    tasks = [asyncio.create_task(waiter(i)) for i in range(5)]
    await asyncio.sleep(0.01)
    print("waiting before set:", ready.is_set(), order)
    ready.set()
    await asyncio.gather(*tasks)
    print("order after set:", order)

    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    bounded.release()
    try:
        bounded.release()
    except ValueError as e:
        print("BoundedSemaphore:", e)

    server.close()
    await server.wait_closed()


asyncio.run(main())
