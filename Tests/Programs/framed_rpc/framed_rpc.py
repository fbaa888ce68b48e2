# A length-prefixed request/response protocol: a client class, a threaded server, memoryview I/O.
import socket
import struct
import threading

HEADER = struct.Struct("!I")


def send_frame(sock, payload):
    data = HEADER.pack(len(payload)) + payload
    view = memoryview(data)
    while view:
        n = sock.send(view)
        view = view[n:]


def recv_exact(sock, size):
    buf = bytearray(size)
    view = memoryview(buf)
    got = 0
    while got < size:
        n = sock.recv_into(view[got:], size - got)
        if n == 0:
            raise ConnectionError(f"peer closed after {got} of {size} bytes")
        got += n
    return bytes(buf)


def recv_frame(sock):
    (size,) = HEADER.unpack(recv_exact(sock, HEADER.size))
    return recv_exact(sock, size)


class RpcClient:
    def __init__(self, address):
        self.sock = socket.create_connection(address, timeout=5)
        self.calls = 0

    def call(self, method, *params):
        self.calls += 1
        request = " ".join([str(self.calls), method, *params])
        send_frame(self.sock, request.encode())
        ident, status, *result = recv_frame(self.sock).decode().split(" ")
        return {"id": int(ident), "ok": status == "ok", "result": result}

    def close(self):
        self.sock.close()


def serve(listener):
    conn, _ = listener.accept()
    with conn:
        while True:
            try:
                ident, method, *params = recv_frame(conn).decode().split(" ")
            except ConnectionError as e:
                print("server:", e)
                break
            if method == "add":
                reply = f"{ident} ok {sum(int(p) for p in params)}"
            elif method == "upper":
                reply = " ".join([ident, "ok"] + [p.upper() for p in params])
            else:
                reply = f"{ident} error unknown-method:{method!r}"
            send_frame(conn, reply.encode())


listener = socket.create_server(("127.0.0.1", 0))
thread = threading.Thread(target=serve, args=(listener,))
thread.start()

client = RpcClient(listener.getsockname())
for method, params in [("add", ("1", "2", "39")), ("upper", ("a", "bc")), ("nope", ()), ("add", ())]:
    reply = client.call(method, *params)
    print(f"{method:>6} -> {reply}")
big = client.call("upper", "x" * 70000)
print("big reply:", len(big["result"][0]), big["id"])
print({"calls": client.calls, "ok": True, "none": None})
client.close()
thread.join()
listener.close()
print(HEADER.size, HEADER.format, HEADER.pack(258).hex())
