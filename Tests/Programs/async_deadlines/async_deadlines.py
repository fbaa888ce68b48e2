# Deadlines: asyncio.wait_for and async with asyncio.timeout() around slow work and socket reads.
import asyncio
import socket


async def slow(value, delay):
    await asyncio.sleep(delay)
    return value


async def main():
    loop = asyncio.get_running_loop()
    print("fast enough:", await asyncio.wait_for(slow("quick", 0.01), 1.0))
    print("no timeout:", await asyncio.wait_for(slow("none", 0.01), None))
    try:
        await asyncio.wait_for(slow("late", 1.0), 0.02)
    except TimeoutError as e:
        print("wait_for:", type(e).__name__, repr(e), repr(str(e)), e.args)
    try:
        await asyncio.wait_for(slow("zero", 0), 0)
    except asyncio.TimeoutError as e:
        print("zero timeout:", type(e).__name__, asyncio.TimeoutError is TimeoutError)

    async with asyncio.timeout(1.0):
        print("inside timeout:", await slow("ok", 0.01))
    try:
        async with asyncio.timeout(0.02):
            await slow("late", 1.0)
            print("not reached")
    except TimeoutError as e:
        print("timeout():", repr(e), isinstance(e, OSError))
    async with asyncio.timeout(None):
        print("timeout(None):", await slow("unbounded", 0.01))

    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    try:
        data = await asyncio.wait_for(loop.sock_recv(a, 100), 0.02)
    except TimeoutError:
        print("sock_recv: nothing within 0.02 s")
    await loop.sock_sendall(b, b"finally")
    data = await asyncio.wait_for(loop.sock_recv(a, 100), 1.0)
    print("sock_recv:", data)

    for attempt in range(3):
        try:
            async with asyncio.timeout(0.01 * (attempt + 1)):
                data = await loop.sock_recv(a, 100)
            print("attempt", attempt, "got", data)
        except TimeoutError:
            print("attempt", attempt, "timed out")
            if attempt == 1:
                await loop.sock_sendall(b, b"third time")
    a.close()
    b.close()


asyncio.run(main())
