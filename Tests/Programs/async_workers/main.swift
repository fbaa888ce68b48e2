// A worker pool: jobs in an asyncio.Queue, three workers fetching over loop.sock_* from a socketpair echo task, then cancelled and gathered.
import PySocket
import PySocketAsync
import PyBuiltins

nonisolated(unsafe) var done: [(String, String, String)] = []


func echo(_ loop: asyncio.AbstractEventLoop, _ sock: socket) async throws {
    while case let data = try await loop.sock_recv(sock, 1024), !data.isEmpty {
        try await loop.sock_sendall(sock, try data[nil, nil, -1])
    }
}


func worker(_ name: String, _ queue: asyncio.Queue<String>, _ lock: asyncio.Lock, _ loop: asyncio.AbstractEventLoop, _ sock: socket) async throws {
    while true {
        let job = try await queue.get()
        let reply = try await lock.with {
            try await loop.sock_sendall(sock, job.encode())
            return try await loop.sock_recv(sock, 1024)
        }
        done.append((name, job, try reply.decode()))
        try await asyncio.sleep(0.001 * Double(len(job)))
        try queue.task_done()
    }
}


func main() async throws {
    let loop = asyncio.get_running_loop()
    let (a, b) = try socket.socketpair()
    try a.setblocking(false)
    try b.setblocking(false)
    let echoer = asyncio.create_task { try await echo(loop, b) }

    let queue = asyncio.Queue<String>()
    for job in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"] {
        try queue.put_nowait(job)
    }
    print("queued:", queue.qsize())

    let lock = asyncio.Lock()
    let workers = range(3).map { i in asyncio.create_task { try await worker("w\(i)", queue, lock, loop, a) } }
    try await queue.join()
    print("all done:", len(done), "queue empty:", queue.empty())
    for (_, job, reply) in sorted(done, key: { item in item.1 }) {
        print(try "  \(job, ">8") -> \(reply)")
    }
    print("workers used:", sorted(Set(done.map { (name, _, _) in name })) == ["w0", "w1", "w2"])

    for w in workers {
        w.cancel()
    }
    let results = try await asyncio.gather(workers, return_exceptions: true)
    print("gathered:", results.map { r in type(r).__name__ })
    print("cancelled:", workers.map { w in w.cancelled() })

    a.close()
    print("echo task ended:", try await echoer.value)
    b.close()
}


try asyncio.run { try await main() }
