// The race test (for ThreadSanitizer): settimeout from 8 threads on 10 sockets while 2 threads send and receive.
import Glibc
import PySocket
import Synchronization

/// `rounds` rounds: in each, 8 threads set a timeout (None, 0.25 s or 2 s) on every one of 10
/// sockets, while one thread sends a 1,000-byte piece over one of them and another receives it
/// on its peer. Passes when the receiver got exactly the bytes sent, no call failed except with
/// a timeout, and (under `--sanitize=thread`) ThreadSanitizer reported nothing.
func race(rounds: Int) throws {
    var pairs: [(socket, socket)] = []
    for _ in 0..<5 { pairs.append(try socket.socketpair()) }
    let sockets = pairs.flatMap { [$0.0, $0.1] }
    let (sender, receiver) = pairs[0]
    let failures = Atomic<Int>(0)
    let lastFailure = Mutex<String>("")
    let received = Atomic<Int>(0)
    let wrong = Atomic<Int>(0)
    let start = nowNanoseconds()
    func fail(_ error: any Error) {
        failures.wrappingAdd(1, ordering: .relaxed)
        lastFailure.withLock { $0 = "\(type(of: error)): \(error)" }
    }
    var threads: [pthread_t] = []
    for worker in 0..<8 {
        threads.append(startThread {
            let choices: [Double?] = [nil, 0.25, 2.0]
            for round in 0..<rounds {
                for (index, s) in sockets.enumerated() {
                    do { try s.settimeout(choices[(worker + round + index) % 3]) } catch { fail(error) }
                    _ = s.gettimeout()
                }
            }
        })
    }
    threads.append(startThread {
        for round in 0..<rounds {
            let piece = (round * 1000..<(round + 1) * 1000).map(patternByte)
            while true {
                do {
                    try sender.sendall(piece)
                    break
                } catch is TimeoutError {
                    continue
                } catch {
                    fail(error)
                    return
                }
            }
        }
    })
    threads.append(startThread {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var offset = 0
        while offset < rounds * 1000 {
            do {
                let count = try receiver.recv_into(&buffer)
                if count == 0 { break }
                for index in 0..<count where buffer[index] != patternByte(offset + index) {
                    wrong.wrappingAdd(1, ordering: .relaxed)
                }
                offset += count
            } catch is TimeoutError {
                continue
            } catch {
                fail(error)
                return
            }
        }
        received.store(offset, ordering: .relaxed)
    })
    for thread in threads { pthread_join(thread, nil) }
    for s in sockets { s.close() }
    let got = received.load(ordering: .relaxed)
    let failed = failures.load(ordering: .relaxed)
    report("race: settimeout x8 threads on 10 sockets, send/recv x2, \(grouped(rounds)) rounds",
           "byte-exact, no error but timeouts\(isThreadSanitized ? ", no TSan report" : "")",
           "\(grouped(got)) of \(grouped(rounds * 1000)) bytes, \(wrong.load(ordering: .relaxed)) wrong, \(failed) errors\(failed > 0 ? " (\(lastFailure.withLock { $0 }))" : ""), \(formatted(secondsSince(start), 1)) s",
           got == rounds * 1000 && wrong.load(ordering: .relaxed) == 0 && failed == 0)
}

/// Whether this binary was built with ThreadSanitizer (it then reports races on stderr and the
/// script checks there is no report).
let isThreadSanitized = getenv("RELIABILITY_TSAN") != nil
