# UDP with DatagramProtocol: an uppercasing server that drops some datagrams, a client that retries.
import asyncio
import socket


class UpperServer(asyncio.DatagramProtocol):
    def __init__(self):
        self.seen = 0
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        print("server sockname family:", transport.get_extra_info("socket").family)

    def datagram_received(self, data, addr):
        self.seen += 1
        if data.startswith(b"drop") and self.seen % 2 == 0:
            print(f"server: dropping datagram #{self.seen}: {data!r}")
            return
        reply = data.upper() if not data.startswith(b"sum ") else str(sum(int(x) for x in data.split()[1:])).encode()
        self.transport.sendto(reply, addr)


class Client(asyncio.DatagramProtocol):
    def __init__(self):
        self.waiter = None
        self.errors = []
        self.closed = asyncio.get_running_loop().create_future()

    def datagram_received(self, data, addr):
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(data)

    def error_received(self, exc):
        self.errors.append(type(exc).__name__)
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(exc)

    def connection_lost(self, exc):
        self.closed.set_result(exc)


async def request(transport, protocol, payload, timeout=0.1, retries=3):
    loop = asyncio.get_running_loop()
    for attempt in range(1, retries + 1):
        protocol.waiter = loop.create_future()
        transport.sendto(payload)
        try:
            return attempt, await asyncio.wait_for(protocol.waiter, timeout)
        except asyncio.TimeoutError:
            print(f"  attempt {attempt} for {payload!r} timed out")
    return retries, None


async def main():
    loop = asyncio.get_running_loop()
    transport, server = await loop.create_datagram_endpoint(UpperServer, local_addr=("127.0.0.1", 0))
    addr = transport.get_extra_info("sockname")
    print("server bound:", addr[0], addr[1] > 0)

    ctransport, client = await loop.create_datagram_endpoint(Client, remote_addr=addr)
    for payload in [b"hello", b"drop me", b"sum 1 2 3 4", b"mixed Case 123"]:
        attempts, reply = await request(ctransport, client, payload)
        print(f"{payload!r} -> {reply!r} after {attempts} attempt(s)")
    print("server saw", server.seen, "datagrams")
    ctransport.close()
    print("client closed with:", await client.closed)

    transport.close()
    await asyncio.sleep(0.01)
    dead_transport, dead_client = await loop.create_datagram_endpoint(Client, remote_addr=addr)
    try:
        print(await request(dead_transport, dead_client, b"anyone?", timeout=0.05, retries=2))
    except ConnectionRefusedError as e:
        print("refused:", e, dead_client.errors)
    dead_transport.close()

    raw = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    raw.bind(("127.0.0.1", 0))
    raw.setblocking(False)
    other = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    other.setblocking(False)
    await loop.sock_sendto(other, b"via sock_sendto", raw.getsockname())
    data, src = await loop.sock_recvfrom(raw, 100)
    print(data, src[0], src[1] == other.getsockname()[1])
    raw.close()
    other.close()


asyncio.run(main())
