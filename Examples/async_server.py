# A select-free multi-client server with asyncio: one task per client, over loop.sock_*.
import asyncio
import socket


async def handle(loop, conn):
    while True:
        data = await loop.sock_recv(conn, 1024)
        if not data:
            break
        await loop.sock_sendall(conn, data.upper())
    conn.close()


async def serve(loop, srv, clients):
    handlers = []
    for _ in range(clients):
        conn, _ = await loop.sock_accept(srv)
        handlers.append(asyncio.create_task(handle(loop, conn)))
    for handler in handlers:
        await handler
    return len(handlers)


async def client(loop, port, name):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    await loop.sock_connect(s, ("127.0.0.1", port))
    replies = []
    for i in range(3):
        await loop.sock_sendall(s, b"%s says %d" % (name, i))
        replies.append(await loop.sock_recv(s, 1024))
    s.close()
    return replies


async def main():
    loop = asyncio.get_running_loop()
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    srv.setblocking(False)
    port = srv.getsockname()[1]
    names = [b"ann", b"bob", b"cyd"]
    server = asyncio.create_task(serve(loop, srv, len(names)))
    clients = []
    for name in names:
        clients.append(asyncio.create_task(client(loop, port, name)))
    for name, task in zip(names, clients):
        print(name.decode(), await task)
    print("handled", await server, "clients")
    srv.close()


asyncio.run(main())
