# An asyncio request/response exchange over loop.sock_* with length-prefixed messages.
import asyncio
import socket

async def read_message(loop, sock):
    header = b""
    while len(header) < 2:
        chunk = await loop.sock_recv(sock, 2 - len(header))
        if not chunk:
            return None
        header += chunk
    size = int.from_bytes(header, "big")
    body = b""
    while len(body) < size:
        body += await loop.sock_recv(sock, size - len(body))
    return body.decode()

async def write_message(loop, sock, text):
    data = text.encode()
    await loop.sock_sendall(sock, len(data).to_bytes(2, "big") + data)

async def server(loop, srv):
    conn, addr = await loop.sock_accept(srv)
    print("server: accepted, blocking =", conn.getblocking())
    handled = 0
    while (text := await read_message(loop, conn)) is not None:
        words = text.split()
        reply = " ".join(reversed(words))
        await write_message(loop, conn, f"{len(words)}:{reply}")
        handled += 1
    conn.close()
    return handled

async def main():
    loop = asyncio.get_running_loop()
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setblocking(False)
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    task = asyncio.create_task(server(loop, srv))

    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.setblocking(False)
    await loop.sock_connect(client, srv.getsockname())
    for text in ["hello async world", "one", "a b c d e"]:
        await write_message(loop, client, text)
        reply = await read_message(loop, client)
        count, _, words = reply.partition(":")
        print(f"client: {text!r} -> {words!r} ({int(count)} words)")

    try:
        await asyncio.wait_for(loop.sock_recv(client, 10), 0.05)
    except TimeoutError as e:
        print("client: no reply within 0.05 s:", type(e).__name__)

    client.shutdown(socket.SHUT_WR)
    print("server handled", await task)
    print("client: eof", await loop.sock_recv(client, 10))
    client.close()
    srv.close()

asyncio.run(main())
