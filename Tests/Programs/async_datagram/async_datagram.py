# UDP with loop.create_datagram_endpoint: a DatagramProtocol echo server and a client protocol that waits for replies.
import asyncio


class EchoServerProtocol(asyncio.DatagramProtocol):
    def __init__(self):
        self.count = 0

    def connection_made(self, transport):
        self.transport = transport
        print("server: listening, transport is", type(transport).__name__)

    def datagram_received(self, data, addr):
        self.count += 1
        message = data.decode()
        print(f"server: received {message!r} from the client: {addr[1] == client_port[0]}")
        self.transport.sendto(message.upper().encode(), addr)


class ClientProtocol(asyncio.DatagramProtocol):
    def __init__(self, messages, done):
        self.messages = messages
        self.done = done
        self.replies = []
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        self.transport.sendto(self.messages[0].encode())

    def datagram_received(self, data, addr):
        self.replies.append(data.decode())
        if len(self.replies) < len(self.messages):
            self.transport.sendto(self.messages[len(self.replies)].encode())
        else:
            self.done.set_result(len(self.replies))

    def error_received(self, exc):
        print("client: error received", exc)

    def connection_lost(self, exc):
        print("client: connection lost", exc)


client_port = []


async def main():
    loop = asyncio.get_running_loop()
    transport, server = await loop.create_datagram_endpoint(
        EchoServerProtocol, local_addr=("127.0.0.1", 0))
    address = transport.get_extra_info("sockname")
    print("server bound:", address[0], type(server).__name__)

    done = loop.create_future()
    ctransport, client = await loop.create_datagram_endpoint(
        lambda: ClientProtocol(["ping", "datagram", "bye"], done),
        remote_addr=("127.0.0.1", address[1]))
    client_port.append(ctransport.get_extra_info("sockname")[1])
    print("client peer is server:", ctransport.get_extra_info("peername") == address)
    count = await asyncio.wait_for(done, 1.0)
    print("client got", count, "replies:", client.replies)
    print("server counted", server.count)
    print("done:", done.done(), done.result())

    ctransport.close()
    await asyncio.sleep(0)
    print("client closing:", ctransport.is_closing())
    transport.close()
    await asyncio.sleep(0.01)


asyncio.run(main())
