# Prints what CPython 3.13 asyncio raises for the cases Tests/AsyncTests asserts (the expected texts come from here).
import asyncio, socket
async def main():
    loop = asyncio.get_running_loop()
    h = socket.socket(); h.bind(('127.0.0.1', 0)); port = h.getsockname()[1]; h.close()
    s = socket.socket(); s.setblocking(False)
    try:
        await loop.sock_connect(s, ('127.0.0.1', port))
    except OSError as e:
        print(type(e).__name__, e.errno, repr(str(e)).replace(str(port), 'PORT'))
    s.close()
    s = socket.socket(socket.AF_INET6); s.setblocking(False)
    try:
        await loop.sock_connect(s, ('::1', port))
    except OSError as e:
        print(type(e).__name__, e.errno, repr(str(e)).replace(str(port), 'PORT'))
    s.close()
    a, b = socket.socketpair(); a.setblocking(False)
    try:
        await asyncio.wait_for(loop.sock_recv(a, 10), 0.05)
    except TimeoutError as e:
        print("TimeoutError", repr(str(e)), e.args)
    b.send(b'x')
    try:
        await asyncio.wait_for(loop.sock_recv(a, 10), 0)
    except TimeoutError as e:
        print("wait_for 0", repr(str(e)))
    print(await loop.sock_recv(a, 10))
    b.close()
    print(await loop.sock_recv(a, 10))
    c, d = socket.socketpair()
    try:
        await loop.sock_recv(c, 1)
    except ValueError as e: print("VE", e)
    try:
        asyncio.run(asyncio.sleep(0))
    except RuntimeError as e: print("RE", e)
    c.close(); d.close(); a.close()
loop = asyncio.new_event_loop(); loop.set_debug(True)
loop.run_until_complete(main())
try:
    asyncio.get_running_loop()
except RuntimeError as e: print("RE", e)
try:
    asyncio.run(main.__class__)  
except Exception as e: print(type(e).__name__, e)
