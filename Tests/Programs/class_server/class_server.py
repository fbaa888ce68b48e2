# A class-based word-count server: threading.Event for readiness, a Lock around shared state,
# makefile("rb") lines, and main() returning the exit status.
import socket
import sys
import threading


class WordCountServer:
    def __init__(self, host="127.0.0.1"):
        self.sock = socket.create_server((host, 0))
        self.address = self.sock.getsockname()
        self.ready = threading.Event()
        self.lock = threading.Lock()
        self.totals = {}
        self.clients = 0

    def handle(self, conn, number):
        counts = {}
        with conn, conn.makefile("rb") as f:
            for line in f:
                for word in line.decode().lower().split():
                    counts[word] = counts.get(word, 0) + 1
            top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
            conn.sendall(("%d: %s\n" % (number, top)).encode())
        self.lock.acquire()
        try:
            for word, n in counts.items():
                self.totals[word] = self.totals.get(word, 0) + n
            self.clients += 1
        finally:
            self.lock.release()

    def serve(self, count):
        self.ready.set()
        workers = []
        for number in range(1, count + 1):
            conn, _ = self.sock.accept()
            t = threading.Thread(target=self.handle, args=(conn, number))
            t.start()
            workers.append(t)
        for t in workers:
            t.join()
        self.sock.close()


def client(address, text):
    with socket.create_connection(address) as c:
        c.sendall(text.encode())
        c.shutdown(socket.SHUT_WR)
        return c.recv(1024).decode().strip()


def main():
    server = WordCountServer()
    t = threading.Thread(target=server.serve, args=(3,), daemon=True)
    t.start()
    if not server.ready.wait(timeout=5):
        print("server did not start", file=sys.stderr)
        return 1
    texts = ["the cat sat\non the mat\n", "The end\nthe END\n", "one two two three three three"]
    replies = [client(server.address, text) for text in texts]
    t.join()
    for i, reply in enumerate(replies, start=1):
        print(i, reply)
    best = max(server.totals, key=server.totals.get)
    print("clients:", server.clients, "words:", len(server.totals), "most:", best, server.totals[best])
    print("is_set:", server.ready.is_set(), "alive:", t.is_alive(), "name:", t.name.startswith("Thread-"))
    print("all counted:", all(n > 0 for n in server.totals.values()), any(w.isdigit() for w in server.totals))
    print("done", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
