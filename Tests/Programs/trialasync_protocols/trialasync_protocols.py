# asyncio.Protocol servers and clients: a key-value store speaking lines, with connection bookkeeping.
import asyncio

store = {}
events = []


class KVServerProtocol(asyncio.Protocol):
    def __init__(self):
        self.transport = None
        self.buffer = b""
        self.commands = 0

    def connection_made(self, transport):
        self.transport = transport
        peer = transport.get_extra_info("peername")
        events.append(("open", peer[0]))

    def data_received(self, data):
        self.buffer += data
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            self.commands += 1
            self.handle(line.decode())

    def handle(self, line):
        parts = line.split(" ", 2)
        if parts[0] == "SET" and len(parts) == 3:
            store[parts[1]] = parts[2]
            self.transport.write(b"OK\n")
        elif parts[0] == "GET" and len(parts) == 2:
            value = store.get(parts[1])
            self.transport.write(f"VALUE {value}\n".encode() if value is not None else b"MISSING\n")
        elif parts[0] == "CLOSE":
            self.transport.write(b"CLOSING\n")
            self.transport.close()
        else:
            self.transport.write(f"ERROR unknown command {parts[0]!r}\n".encode())

    def eof_received(self):
        events.append(("eof", self.commands))
        return False

    def connection_lost(self, exc):
        events.append(("lost", exc))


class KVClientProtocol(asyncio.Protocol):
    def __init__(self, commands, on_done):
        self.commands = commands
        self.on_done = on_done
        self.replies = []
        self.pending = b""

    def connection_made(self, transport):
        for c in self.commands:
            transport.write(c.encode() + b"\n")

    def data_received(self, data):
        self.pending += data
        *lines, self.pending = self.pending.split(b"\n")
        self.replies.extend(l.decode() for l in lines)

    def connection_lost(self, exc):
        self.on_done.set_result((self.replies, exc))


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(KVServerProtocol, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    done = loop.create_future()
    transport, protocol = await loop.create_connection(
        lambda: KVClientProtocol(["SET a 1", "SET b two words", "GET a", "GET b", "GET c", "PING", "CLOSE"], done),
        "127.0.0.1", port)
    replies, exc = await done
    print("replies:", replies)
    print("exc:", exc, "closing:", transport.is_closing())
    print("protocol kept", len(protocol.replies), "replies")

    done2 = loop.create_future()
    transport, protocol = await loop.create_connection(
        lambda: KVClientProtocol(["GET b", "SET a 3", "GET a"], done2), "127.0.0.1", port)
    await asyncio.sleep(0.05)
    print("so far:", protocol.replies)
    transport.write_eof()
    replies, exc = await done2
    print("after eof:", replies, exc)

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"GET a\nSET partial")
    await writer.drain()
    print("stream client:", await reader.readline())
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.05)

    server.close()
    await server.wait_closed()
    for e in events:
        print("event", e)
    print("store", store)


asyncio.run(main())
