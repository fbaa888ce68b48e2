# Protocol classes: a loop.create_server echo server and a loop.create_connection client that waits on a future.
import asyncio


class EchoServerProtocol(asyncio.Protocol):
    connections = 0

    def connection_made(self, transport):
        EchoServerProtocol.connections += 1
        self.number = EchoServerProtocol.connections
        peername = transport.get_extra_info("peername")
        print(f"server {self.number}: connection from {peername[0]}")
        self.transport = transport

    def data_received(self, data):
        message = data.decode()
        print(f"server {self.number}: data received: {message!r}")
        self.transport.write(data[::-1])
        if message.endswith("."):
            print(f"server {self.number}: closing the client socket")
            self.transport.close()

    def eof_received(self):
        print(f"server {self.number}: eof received")

    def connection_lost(self, exc):
        print(f"server {self.number}: connection lost, exc={exc}")


class EchoClientProtocol(asyncio.Protocol):
    def __init__(self, messages, on_con_lost):
        self.messages = messages
        self.on_con_lost = on_con_lost
        self.received = []

    def connection_made(self, transport):
        self.transport = transport
        transport.write(self.messages.pop(0).encode())

    def data_received(self, data):
        self.received.append(data.decode())
        if self.messages:
            self.transport.write(self.messages.pop(0).encode())
        elif self.transport.can_write_eof():
            self.transport.write_eof()

    def connection_lost(self, exc):
        print("client: the server closed the connection, exc =", exc)
        self.on_con_lost.set_result(True)


async def talk(loop, port, messages):
    on_con_lost = loop.create_future()
    transport, protocol = await loop.create_connection(
        lambda: EchoClientProtocol(messages, on_con_lost), "127.0.0.1", port)
    try:
        await on_con_lost
    finally:
        transport.close()
    print("client received", protocol.received, "closing:", transport.is_closing())


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoServerProtocol, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("serving:", server.is_serving(), type(server).__name__)

    await talk(loop, port, ["hello", "world."])
    await talk(loop, port, ["abc", "no full stop"])

    serving = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0.01)
    serving.cancel()
    try:
        await serving
    except asyncio.CancelledError:
        print("serve_forever cancelled; serving:", server.is_serving())
    await server.wait_closed()

    try:
        await loop.create_connection(lambda: EchoClientProtocol(["x"], loop.create_future()), "127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("after close:", type(e).__name__, e.errno)


asyncio.run(main())
