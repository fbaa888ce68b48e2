// A TCP server whose accepted connections go through a queue to worker threads; logging to stdout.
import PySocket
import PyBuiltins

logging.basicConfig(level: logging.INFO, format: "%(levelname)s %(name)s: %(message)s", stream: sys.stdout)
let log = logging.getLogger(__name__)

let jobs = queue.Queue<(socket, Int)?>()
let results = queue.Queue<(Int, Int)>()
let N_WORKERS = 3


func worker(_ n: Int) throws {
    while true {
        let item = try jobs.get()
        if item == nil {
            try jobs.task_done()
            break
        }
        let (conn, ident) = item!
        let total = try conn.with { conn in
            let data = try conn.recv(1024)
            let total = try sum(try data.split().map { x in try int(x) })
            try conn.sendall(str(total).encode())
            return total
        }
        try results.put((ident, total))
        try jobs.task_done()
    }
}


let threads = range(N_WORKERS).map { i in threading.Thread(target: { try worker(i) }) }
for t in threads {
    try t.start()
}

let srv = try socket.create_server(("127.0.0.1", 0))
var clients: [socket] = []
for ident in range(5) {
    let c = try socket.create_connection(try srv.getsockname())
    try c.sendall(" ".join(range(ident + 2).map { i in str(i) }).encode())
    let (conn, _) = try srv.accept()
    try jobs.put((conn, ident))
    clients.append(c)
}
try log.info("queued %d connections for %d workers", len(clients), N_WORKERS)

let answers = try clients.map { c in try int(try c.recv(100)) }
for c in clients {
    c.close()
}
for _ in threads {
    try jobs.put(nil)
}
jobs.join()
for t in threads {
    try t.join()
}

let collected = sorted(try range(results.qsize()).map { _ in try results.get_nowait() })
try log.info("collected %s", collected)
print("answers:", answers, "empty:", results.empty(), jobs.qsize())
do {
    _ = try results.get(timeout: 0.01)
} catch let e as queue.Empty {
    try log.warning("nothing left (%r)", e)
}
do {
    try jobs.task_done()
} catch let e as ValueError {
    try log.error("%s", e)
}
let bounded = queue.Queue<String>(maxsize: 1)
try bounded.put("a")
do {
    try bounded.put_nowait("b")
} catch is queue.Full {
    try log.debug("hidden")
    try log.info("full at %d of %d", bounded.qsize(), bounded.maxsize)
}
srv.close()
