# The peer of the network-fault checks (scripts/faults): runs in namespace B, any python3 >= 3.8.
# Ports: 7010 echo (the RST-mid-stream scenario), 7011 accept and stay silent (recv timeout),
# 7012 SHA-256 transfers (loss, duplicates, reordering, low MTU), 7013 a reader behind a 4 Mbit/s link (sendall timeout).
# Reliability/capture_faults.py imports its `pattern()`, the stream both sides generate.
import hashlib, socket, struct, sys, threading


def pattern(seed, size):
    """The deterministic stream both sides generate: xorshift64* from the seed, 8 bytes a step."""
    mask = (1 << 64) - 1
    x = (seed * 0x9E3779B97F4A7C15 + 1) & mask
    out = bytearray(size + 8)
    for offset in range(0, size, 8):
        x ^= x >> 12
        x ^= (x << 25) & mask
        x ^= x >> 27
        struct.pack_into("<Q", out, offset, (x * 0x2545F4914F6CDD1D) & mask)
    return bytes(out[:size])


def recv_exactly(conn, size):
    data = bytearray()
    while len(data) < size:
        chunk = conn.recv(min(65536, size - len(data)))
        if not chunk:
            raise EOFError
        data += chunk
    return bytes(data)


def echo(conn):
    while True:
        data = conn.recv(65536)
        if not data:
            return
        conn.sendall(data)


def silent(conn):
    while conn.recv(65536):
        pass


def transfer(conn):
    # Request: seed (8 bytes), size (8 bytes), then `size` bytes of pattern(seed, size).
    # Reply: SHA-256 of what arrived, SHA-256 of the reply data, then pattern(seed + 1, size).
    while True:
        try:
            seed, size = struct.unpack("<QQ", recv_exactly(conn, 16))
        except EOFError:
            return
        got = recv_exactly(conn, size)
        reply = pattern(seed + 1, size)
        conn.sendall(hashlib.sha256(got).digest() + hashlib.sha256(reply).digest() + reply)


def serve(host, port, handler):
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen(64)
    while True:
        conn, _ = listener.accept()

        def run(conn=conn):
            try:
                handler(conn)
            except OSError:
                pass
            finally:
                conn.close()

        threading.Thread(target=run, daemon=True).start()


if __name__ == "__main__":
    host = sys.argv[1] if len(sys.argv) > 1 else "0.0.0.0"
    for port, handler in ((7010, echo), (7011, silent), (7012, transfer), (7013, silent)):
        threading.Thread(target=serve, args=(host, port, handler), daemon=True).start()
    threading.Event().wait()
