// Churn: a million socketpairs and a hundred thousand TCP connections, with fd delta 0 and flat memory.
import Glibc
import PySocket

/// Opens and closes `pairs` socketpairs, then makes `connections` TCP connect/accept/close
/// cycles over loopback; each run must end with the descriptor count it started with and
/// resident memory within 1 MiB of where it stood after a warm-up.
func churn(pairs: Int, connections: Int) throws {
    let warmUp = min(10_000, max(pairs / 10, 100))
    for _ in 0..<warmUp {
        let (a, b) = try socket.socketpair()
        a.close()
        b.close()
    }
    var fdsBefore = openDescriptorCount()
    var rssBefore = residentBytes()
    var start = nowNanoseconds()
    for _ in 0..<pairs {
        let (a, b) = try socket.socketpair()
        a.close()
        b.close()
    }
    var seconds = secondsSince(start)
    var fdDelta = openDescriptorCount() - fdsBefore
    var rssDelta = residentBytes() - rssBefore
    report("socketpair open/close x\(grouped(pairs))", "fd delta 0, RSS growth < 1 MiB",
           "fd delta \(fdDelta), RSS \(mebibytes(rssDelta)), \(formatted(seconds, 1)) s",
           fdDelta == 0 && rssDelta < 1_048_576)

    let server = try socket.socket()
    try server.bind(("127.0.0.1", 0))
    try server.listen(128)
    let address = try server.getsockname()
    func cycle() throws {
        let client = try socket.socket()
        try client.connect(address)
        let (accepted, _) = try server.accept()
        client.close()
        accepted.close()
    }
    for _ in 0..<min(2_000, max(connections / 10, 10)) { try cycle() }
    fdsBefore = openDescriptorCount()
    rssBefore = residentBytes()
    start = nowNanoseconds()
    for _ in 0..<connections { try cycle() }
    seconds = secondsSince(start)
    fdDelta = openDescriptorCount() - fdsBefore
    rssDelta = residentBytes() - rssBefore
    server.close()
    report("TCP connect/accept/close x\(grouped(connections))", "fd delta 0, RSS growth < 1 MiB",
           "fd delta \(fdDelta), RSS \(mebibytes(rssDelta)), \(formatted(seconds, 1)) s",
           fdDelta == 0 && rssDelta < 1_048_576)
}
