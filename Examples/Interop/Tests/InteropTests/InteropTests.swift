// PySocket with SwiftNIO and swift-system over real loopback traffic; the process's descriptor count is unchanged by each test.
import Glibc
import NIOPosix
import PySocket
import Testing
@testable import Interop

/// The number of open descriptors of this process (entries of /proc/self/fd).
func openDescriptors() -> Int {
    guard let dir = opendir("/proc/self/fd") else { return -1 }
    var count = 0
    while readdir(dir) != nil { count += 1 }
    closedir(dir)
    return count - 3  // ".", ".." and the directory's own descriptor
}

/// Runs `body` with a one-thread NIO event loop group and checks the descriptor count is the same after
/// the group is shut down.
func withGroupCountingDescriptors(_ body: (MultiThreadedEventLoopGroup) throws -> Void) throws {
    let before = openDescriptors()
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    do {
        try body(group)
    } catch {
        try? group.syncShutdownGracefully()
        throw error
    }
    try group.syncShutdownGracefully()
    #expect(openDescriptors() == before, "descriptors leaked")
}

@Suite("PySocket's descriptors with SwiftNIO and swift-system", .serialized)
struct InteropTests {
    @Test("NIO's withConnectedSocket takes a connection PySocket accepted and detached")
    func nioTakesAcceptedConnection() throws {
        try withGroupCountingDescriptors { group in
            let (reply, fileno) = try nioServesAcceptedConnection(group, "hello nio")
            #expect(reply == "HELLO NIO")
            #expect(fileno == -1)
        }
    }

    @Test("NIO's ServerBootstrap.withBoundSocket serves a listener PySocket made")
    func nioServesListener() throws {
        try withGroupCountingDescriptors { group in
            let replies = try nioServesPySocketListener(group, ["one", "two", "three"])
            #expect(replies == ["ONE", "TWO", "THREE"])
        }
    }

    @Test("NIOPipeBootstrap.takingOwnershipOfDescriptor takes one end of a PySocket socketpair")
    func nioPipe() throws {
        try withGroupCountingDescriptors { group in
            let reply = try nioPipeOverSocketpair(group, "over a pipe channel")
            #expect(reply == "OVER A PIPE CHANNEL")
        }
    }

    @Test("a PySocket client talks to a server NIO bound itself")
    func clientOfNIO() throws {
        try withGroupCountingDescriptors { group in
            let reply = try pySocketClientOfNIOServer(group, "ping")
            #expect(reply == "PING")
        }
    }

    @Test("swift-system's FileDescriptor reads and writes a socket PySocket owns")
    func systemBorrows() throws {
        let before = openDescriptors()
        let (atPeer, back) = try systemBorrowsFileno("via FileDescriptor")
        #expect(atPeer == "via FileDescriptor")
        #expect(back == "via FileDescriptor and back")
        #expect(openDescriptors() == before)
    }

    @Test("swift-system owns a detached descriptor; PySocket adopts its duplicate with socket(fileno:)")
    func systemOwnsPySocketAdopts() throws {
        let before = openDescriptors()
        let (data, family, type, fileno) = try systemOwnsAndPySocketAdopts("adopted")
        #expect(data == "adopted")
        #expect(family == socket.AF_UNIX)
        #expect(type == socket.SOCK_STREAM)
        #expect(fileno == -1)
        #expect(openDescriptors() == before)
    }

    @Test("socket(fileno:) refuses a swift-system descriptor that is not a socket, and leaves it open")
    func refusesNonSocket() throws {
        let before = openDescriptors()
        let (code, stillOpen) = try pySocketRefusesNonSocket()
        #expect(code == errno.ENOTSOCK)
        #expect(stillOpen)
        #expect(openDescriptors() == before)
    }
}
