# File transfer: a header line "name size sha256\n", then the body via sendfile; the receiver uses makefile.
import hashlib
import os
import socket
import tempfile
import threading

CHUNK = 4096


def make_file(directory, name, size):
    path = os.path.join(directory, name)
    with open(path, "wb") as f:
        f.write(bytes(i % 251 for i in range(size)))
    return path


def send_file(sock, path):
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
        f.seek(0)
        header = "%s %d %s\n" % (os.path.basename(path), size, digest)
        sock.sendall(header.encode("ascii"))
        sent = sock.sendfile(f)
    return sent


def receive_file(conn, directory):
    rfile = conn.makefile("rb")
    header = rfile.readline()
    if not header:
        return None
    name, size, digest = header.decode("ascii").split()
    size = int(size)
    h = hashlib.sha256()
    remaining = size
    out_path = os.path.join(directory, "recv_" + name)
    with open(out_path, "wb") as out:
        while remaining > 0:
            chunk = rfile.read(min(CHUNK, remaining))
            if not chunk:
                raise ConnectionError("peer closed with %d bytes left" % remaining)
            out.write(chunk)
            h.update(chunk)
            remaining -= len(chunk)
    rfile.close()
    return name, size, h.hexdigest() == digest, os.path.getsize(out_path)


def server_main(srv, directory, results):
    while True:
        conn, _ = srv.accept()
        with conn:
            result = receive_file(conn, directory)
            conn.sendall(b"OK\n" if result else b"BYE\n")
        if result is None:
            break
        results.append(result)


with tempfile.TemporaryDirectory() as tmp:
    sizes = {"empty.bin": 0, "small.bin": 100, "page.bin": 4096, "big.bin": 100_000}
    paths = [make_file(tmp, name, size) for name, size in sizes.items()]
    results = []
    with socket.create_server(("127.0.0.1", 0)) as srv:
        t = threading.Thread(target=server_main, args=(srv, tmp, results))
        t.start()
        for path in paths:
            with socket.create_connection(srv.getsockname(), timeout=5) as c:
                sent = send_file(c, path)
                reply = c.recv(16)
                print(f"sent {os.path.basename(path):<10} {sent:>7} bytes -> {reply!r}")
        with socket.create_connection(srv.getsockname()) as c:
            c.shutdown(socket.SHUT_WR)
            print("final:", c.recv(16))
        t.join()
    print("%-10s %8s %5s %8s" % ("name", "size", "hash", "on disk"))
    for name, size, ok, on_disk in sorted(results, key=lambda r: r[1]):
        print("%-10s %8d %5s %8d" % (name, size, ok, on_disk))
    print(sorted(os.listdir(tmp)))
    total = sum(r[1] for r in results)
    print("total bytes: {:,} in {} files".format(total, len(results)))
