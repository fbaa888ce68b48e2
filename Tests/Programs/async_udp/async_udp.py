# An asyncio UDP exchange: loop.sock_sendto / loop.sock_recvfrom between two datagram sockets.
import asyncio
import socket

async def responder(loop, sock, count):
    seen = []
    for _ in range(count):
        data, peer = await loop.sock_recvfrom(sock, 1024)
        seen.append(data)
        await loop.sock_sendto(sock, data[::-1], peer)
    return seen

async def main():
    loop = asyncio.get_running_loop()
    a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for s in (a, b):
        s.setblocking(False)
        s.bind(("127.0.0.1", 0))
    messages = [b"ping", b"datagram", b"12345"]
    task = asyncio.create_task(responder(loop, b, len(messages)))
    for m in messages:
        sent = await loop.sock_sendto(a, m, b.getsockname())
        data, peer = await loop.sock_recvfrom(a, 1024)
        print(sent, m, "->", data, peer == b.getsockname())
    print("responder saw", await task)

    try:
        async with asyncio.timeout(0.05):
            await loop.sock_recvfrom(a, 1024)
    except TimeoutError:
        print("nothing more after 0.05 s")

    buf = bytearray(4)
    await loop.sock_sendto(b, b"truncated!", a.getsockname())
    n, peer = await loop.sock_recvfrom_into(a, buf)
    print(n, buf, bytes(buf[:n]).decode())
    a.close()
    b.close()

asyncio.run(main())
