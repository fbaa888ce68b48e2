// Send 2 MiB with sendall while a thread receives it, and check the sum.
import PySocket
import PyBuiltins

let payload = try bytes(0...255) * 8192
print(len(payload), sum(payload))
let (a, b) = try socket.socketpair()
try a.settimeout(10)
try b.settimeout(10)
nonisolated(unsafe) var result: [(Int, Int)] = []

func receive() throws {
    var total = 0
    var count = 0
    while true {
        let chunk = try b.recv(65536)
        if chunk.isEmpty {
            break
        }
        count += len(chunk)
        total += sum(chunk)
    }
    result.append((count, total))
}

let t = threading.Thread(target: receive)
try t.start()
try a.sendall(payload)
try a.shutdown(socket.SHUT_WR)
try t.join()
print(result)
print(result[0] == (len(payload), sum(payload)))
a.close()
b.close()
