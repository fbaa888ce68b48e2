# A worker pool: jobs in an asyncio.Queue, three workers fetching over loop.sock_* from a socketpair echo task, then cancelled and gathered.
import asyncio
import socket

done = []


async def echo(loop, sock):
    while data := await loop.sock_recv(sock, 1024):
        await loop.sock_sendall(sock, data[::-1])


async def worker(name, queue, lock, loop, sock):
    while True:
        job = await queue.get()
        async with lock:
            await loop.sock_sendall(sock, job.encode())
            reply = await loop.sock_recv(sock, 1024)
        done.append((name, job, reply.decode()))
        await asyncio.sleep(0.001 * len(job))
        queue.task_done()


async def main():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    echoer = asyncio.create_task(echo(loop, b))

    queue = asyncio.Queue()
    for job in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"]:
        queue.put_nowait(job)
    print("queued:", queue.qsize())

    lock = asyncio.Lock()
    workers = [asyncio.create_task(worker(f"w{i}", queue, lock, loop, a)) for i in range(3)]
    await queue.join()
    print("all done:", len(done), "queue empty:", queue.empty())
    for name, job, reply in sorted(done, key=lambda item: item[1]):
        print(f"  {job:>8} -> {reply}")
    print("workers used:", sorted({name for name, _, _ in done}) == ["w0", "w1", "w2"])

    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print("gathered:", [type(r).__name__ for r in results])
    print("cancelled:", [w.cancelled() for w in workers])

    a.close()
    print("echo task ended:", await echoer)
    b.close()


asyncio.run(main())
