# A loop.sock_* server over a non-blocking listening socket: one task per connection, clients gathered.
import asyncio
import socket


async def serve_client(loop, conn, number):
    total = 0
    while True:
        data = await loop.sock_recv(conn, 1024)
        if not data:
            break
        total += len(data)
        await loop.sock_sendall(conn, str(len(data)).encode() + b" bytes\n")
    conn.close()
    return number, total


async def accept_loop(loop, srv, count):
    tasks = []
    for number in range(count):
        conn, addr = await loop.sock_accept(srv)
        print("accepted", number, "from", addr[0], "blocking:", conn.getblocking(), "timeout:", conn.gettimeout())
        tasks.append(asyncio.create_task(serve_client(loop, conn, number)))
    return await asyncio.gather(*tasks)


async def client(loop, address, payloads):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    await loop.sock_connect(sock, address)
    replies = []
    for payload in payloads:
        await loop.sock_sendall(sock, payload)
        replies.append((await loop.sock_recv(sock, 1024)).decode().strip())
    sock.close()
    return replies


async def main():
    loop = asyncio.get_running_loop()
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    srv.setblocking(False)
    address = srv.getsockname()

    server = asyncio.create_task(accept_loop(loop, srv, 3))
    replies = []
    for payloads in ([b"x" * 10], [b"hello", b"world!"], [b"a" * 100, b"b", b"cc"]):
        replies.append(await client(loop, address, payloads))
    print("replies:", replies)
    print("server totals:", await server)

    late = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    late.setblocking(False)
    srv.close()
    try:
        await loop.sock_connect(late, address)
    except ConnectionRefusedError as e:
        print("refused:", type(e).__name__, e.errno, str(e).startswith("[Errno 111] Connect call failed"))
    late.close()


asyncio.run(main())
