# A TCP server whose accepted connections go through a queue to worker threads; logging to stdout.
import logging
import queue
import socket
import sys
import threading

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s", stream=sys.stdout)
log = logging.getLogger(__name__)

jobs = queue.Queue()
results = queue.Queue()
N_WORKERS = 3


def worker(n):
    while True:
        item = jobs.get()
        if item is None:
            jobs.task_done()
            break
        conn, ident = item
        with conn:
            data = conn.recv(1024)
            total = sum(int(x) for x in data.split())
            conn.sendall(str(total).encode())
        results.put((ident, total))
        jobs.task_done()


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N_WORKERS)]
for t in threads:
    t.start()

srv = socket.create_server(("127.0.0.1", 0))
clients = []
for ident in range(5):
    c = socket.create_connection(srv.getsockname())
    c.sendall(" ".join(str(i) for i in range(ident + 2)).encode())
    conn, _ = srv.accept()
    jobs.put((conn, ident))
    clients.append(c)
log.info("queued %d connections for %d workers", len(clients), N_WORKERS)

answers = [int(c.recv(100)) for c in clients]
for c in clients:
    c.close()
for _ in threads:
    jobs.put(None)
jobs.join()
for t in threads:
    t.join()

collected = sorted(results.get_nowait() for _ in range(results.qsize()))
log.info("collected %s", collected)
print("answers:", answers, "empty:", results.empty(), jobs.qsize())
try:
    results.get(timeout=0.01)
except queue.Empty as e:
    log.warning("nothing left (%r)", e)
try:
    jobs.task_done()
except ValueError as e:
    log.error("%s", e)
bounded = queue.Queue(maxsize=1)
bounded.put("a")
try:
    bounded.put_nowait("b")
except queue.Full:
    log.debug("hidden")
    log.info("full at %d of %d", bounded.qsize(), bounded.maxsize)
srv.close()
