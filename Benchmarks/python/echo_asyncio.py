# An echo server on CPython asyncio's loop.sock_* (the counterpart of Benchmarks/AsyncEcho's echo_async).
import asyncio
import socket
import sys


async def handle(loop, conn):
    buffer = bytearray(4096)
    with conn:
        while True:
            n = await loop.sock_recv_into(conn, buffer)
            if n == 0:
                return
            await loop.sock_sendall(conn, memoryview(buffer)[:n])


async def main():
    loop = asyncio.get_running_loop()
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(4096)
    server.setblocking(False)
    print(server.getsockname()[1], "asyncio", flush=True)
    tasks = set()
    while True:
        conn, _ = await loop.sock_accept(server)
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        task = asyncio.create_task(handle(loop, conn))
        tasks.add(task)
        task.add_done_callback(tasks.discard)


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
