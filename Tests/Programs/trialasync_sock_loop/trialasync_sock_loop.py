# Low-level loop.sock_* servers over TCP on ::1 and AF_UNIX in a temp dir, with a reset connection.
import asyncio
import os
import socket
import struct
import tempfile


async def serve_one(loop, srv, tag):
    conn, addr = await loop.sock_accept(srv)
    print(tag, "accepted; blocking:", conn.getblocking(), "addr type:", type(addr).__name__)
    total = 0
    with conn:
        while True:
            header = await loop.sock_recv(conn, 4)
            if not header:
                break
            (size,) = struct.unpack("!I", header)
            body = b""
            while len(body) < size:
                chunk = await loop.sock_recv(conn, size - len(body))
                if not chunk:
                    raise ConnectionError("short body")
                body += chunk
            total += size
            await loop.sock_sendall(conn, struct.pack("!I", size) + body[::-1])
    return total


async def talk(loop, family, addr, messages):
    c = socket.socket(family, socket.SOCK_STREAM)
    c.setblocking(False)
    await loop.sock_connect(c, addr)
    replies = []
    for m in messages:
        await loop.sock_sendall(c, struct.pack("!I", len(m)) + m)
        header = await loop.sock_recv(c, 4)
        (size,) = struct.unpack("!I", header)
        buf = bytearray(size)
        got = 0
        while got < size:
            got += await loop.sock_recv_into(c, memoryview(buf)[got:])
        replies.append(bytes(buf))
    c.close()
    return replies


async def main():
    loop = asyncio.get_running_loop()

    srv6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    srv6.bind(("::1", 0))
    srv6.listen()
    srv6.setblocking(False)
    addr6 = srv6.getsockname()
    print("ipv6 listener:", addr6[0], len(addr6))
    server_task = asyncio.create_task(serve_one(loop, srv6, "v6"))
    print(await talk(loop, socket.AF_INET6, addr6[:2], [b"hello", b"", b"x" * 3, bytes(range(5))]))
    print("v6 server total:", await server_task)
    srv6.close()

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "echo.sock")
        usrv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        usrv.bind(path)
        usrv.listen()
        usrv.setblocking(False)
        server_task = asyncio.create_task(serve_one(loop, usrv, "unix"))
        print(await talk(loop, socket.AF_UNIX, path, [b"over a unix socket"]))
        print("unix server total:", await server_task)
        usrv.close()
        print("socket file exists:", os.path.exists(path))

    srv = socket.create_server(("127.0.0.1", 0))
    srv.setblocking(False)
    c = socket.socket()
    c.setblocking(False)
    await loop.sock_connect(c, srv.getsockname())
    conn, _ = await loop.sock_accept(srv)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()
    try:
        data = await loop.sock_recv(c, 100)
        print("recv after reset:", data)
    except ConnectionResetError as e:
        print("reset:", e.errno, e.strerror, isinstance(e, ConnectionError))
    print("then:", await loop.sock_recv(c, 100))
    c.close()

    probe = socket.socket()
    probe.setblocking(False)
    try:
        await loop.sock_connect(probe, srv.getsockname())
        conn, _ = await loop.sock_accept(srv)
        await loop.sock_sendall(conn, b"direct")
        print(await asyncio.wait_for(loop.sock_recv(probe, 10), 1.0))
        try:
            await asyncio.wait_for(loop.sock_recv(probe, 10), 0.02)
        except TimeoutError:
            print("nothing more within 20 ms")
        conn.close()
    finally:
        probe.close()
    srv.close()

    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    refused = socket.socket()
    refused.setblocking(False)
    try:
        await loop.sock_connect(refused, ("127.0.0.1", closed_port))
    except ConnectionRefusedError as e:
        print("refused:", e.errno, str(e).replace(str(closed_port), "PORT"))
    finally:
        refused.close()

asyncio.run(main())
