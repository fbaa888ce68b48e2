# An echo server on CPython asyncio's loop.sock_* (the counterpart of Benchmarks/AsyncEcho's echo_async);
# `echo_asyncio.py uvloop` runs the same server on uvloop's loop (scripts/bench_async installs it in a venv).
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
    print(server.getsockname()[1], type(loop).__module__.split(".")[0], flush=True)
    tasks = set()
    while True:
        conn, _ = await loop.sock_accept(server)
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        task = asyncio.create_task(handle(loop, conn))
        tasks.add(task)
        task.add_done_callback(tasks.discard)


if __name__ == "__main__":
    try:
        if sys.argv[1:] == ["uvloop"]:
            import uvloop
            asyncio.run(main(), loop_factory=uvloop.new_event_loop)
        else:
            asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
