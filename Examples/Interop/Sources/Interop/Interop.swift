// PySocket beside SwiftNIO and swift-system: a socket's descriptor handed to them (detach/fileno) and adopted back (socket(fileno:)).
import NIOCore
import NIOPosix
import PySocket
import SystemPackage

/// A NIO handler that answers every read with the same bytes upper-cased: the peer PySocket talks to.
public final class UppercaseEcho: ChannelInboundHandler, Sendable {
    /// What the handler reads: bytes.
    public typealias InboundIn = ByteBuffer
    /// What the handler writes: bytes.
    public typealias OutboundOut = ByteBuffer

    /// A handler; each channel gets its own.
    public init() {}

    /// Writes back what was read, upper-cased.
    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        let text = buffer.readString(length: buffer.readableBytes) ?? ""
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text.uppercased())), promise: nil)
    }
}

/// Installs `UppercaseEcho` on a new channel (the initializer every bootstrap below uses).
@Sendable func installEcho(_ channel: Channel) -> EventLoopFuture<Void> {
    channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(UppercaseEcho()) }
}

/// Sends `message` on `sock` and reads until as many bytes came back.
public func roundTrip(_ sock: socket, _ message: bytes) throws -> bytes {
    try sock.sendall(message)
    var reply: bytes = ""
    while reply.count < message.count {
        let chunk = try sock.recv(1024)
        if chunk.isEmpty { break }
        reply += chunk
    }
    return reply
}

/// PySocket accepts a TCP connection, then `detach()`es it and hands the descriptor to NIO's
/// `ClientBootstrap.withConnectedSocket`, which owns it from then on; the PySocket client talks to
/// the NIO channel. Returns the reply and the accepted socket's `fileno()` after `detach()`.
public func nioServesAcceptedConnection(_ group: EventLoopGroup, _ message: bytes) throws -> (bytes, Int32) {
    let srv = try socket.create_server(("127.0.0.1", 0))
    defer { srv.close() }
    let client = try socket.create_connection(try srv.getsockname())
    defer { client.close() }
    let (conn, _) = try srv.accept()
    let channel = try ClientBootstrap(group: group)
        .channelInitializer(installEcho)
        .withConnectedSocket(conn.detach())
        .wait()
    let reply = try roundTrip(client, message)
    try client.shutdown(socket.SHUT_WR)
    try channel.closeFuture.wait()  // NIO closes the channel (and the descriptor) at the client's EOF
    return (reply, conn.fileno())
}

/// PySocket makes a listening socket (`create_server`), NIO's `ServerBootstrap.withBoundSocket` adopts
/// its `detach()`ed descriptor and serves it; PySocket clients connect to it. Returns the replies.
public func nioServesPySocketListener(_ group: EventLoopGroup, _ messages: [bytes]) throws -> [bytes] {
    let srv = try socket.create_server(("127.0.0.1", 0))
    let address = try srv.getsockname()
    let server = try ServerBootstrap(group: group)
        .childChannelInitializer(installEcho)
        .withBoundSocket(srv.detach())
        .wait()
    defer { try? server.close().wait() }
    var replies: [bytes] = []
    for message in messages {
        let client = try socket.create_connection(address)
        defer { client.close() }
        replies.append(try roundTrip(client, message))
    }
    return replies
}

/// One end of a PySocket `socketpair()` becomes a NIO pipe channel
/// (`NIOPipeBootstrap.takingOwnershipOfDescriptor(inputOutput:)`); the other end stays PySocket.
public func nioPipeOverSocketpair(_ group: EventLoopGroup, _ message: bytes) throws -> bytes {
    let (mine, theirs) = try socket.socketpair()
    defer { mine.close() }
    let channel = try NIOPipeBootstrap(group: group)
        .channelInitializer(installEcho)
        .takingOwnershipOfDescriptor(inputOutput: theirs.detach())
        .wait()
    let reply = try roundTrip(mine, message)
    try channel.close().wait()
    return reply
}

/// A PySocket client talking to a server that NIO made and bound itself (plain loopback interop).
public func pySocketClientOfNIOServer(_ group: EventLoopGroup, _ message: bytes) throws -> bytes {
    let server = try ServerBootstrap(group: group)
        .childChannelInitializer(installEcho)
        .bind(host: "127.0.0.1", port: 0)
        .wait()
    defer { try? server.close().wait() }
    guard let port = server.localAddress?.port else { throw OSError("NIO server has no port") }
    let client = try socket.create_connection(("127.0.0.1", port))
    defer { client.close() }
    return try roundTrip(client, message)
}

/// swift-system borrows a PySocket descriptor: `FileDescriptor(rawValue: s.fileno())` reads and
/// writes the socket while PySocket keeps owning (and later closes) it.
public func systemBorrowsFileno(_ message: bytes) throws -> (bytes, bytes) {
    let (a, b) = try socket.socketpair()
    defer { a.close(); b.close() }
    let fd = FileDescriptor(rawValue: a.fileno())
    _ = try Array(message).withUnsafeBytes { try fd.writeAll($0) }
    let atB = try b.recv(1024)
    try b.sendall(atB + " and back")
    let back = try [UInt8](unsafeUninitializedCapacity: 1024) { buffer, count in
        count = try fd.read(into: UnsafeMutableRawBufferPointer(buffer))
    }
    return (atB, bytes(back))
}

/// swift-system takes ownership of a PySocket descriptor (`FileDescriptor(rawValue: s.detach())`)
/// and closes it; then PySocket adopts a `FileDescriptor.duplicate()` with `socket(fileno:)`, which
/// reads the family and type from the descriptor and owns it. Returns what the adopted socket
/// received, its family and type, and `fileno()` of the detached socket.
public func systemOwnsAndPySocketAdopts(_ message: bytes) throws -> (bytes, socket.AddressFamily, socket.SocketKind, Int32) {
    let (a, b) = try socket.socketpair()
    defer { b.close() }
    let owned = FileDescriptor(rawValue: a.detach())
    let duplicate = try owned.duplicate()
    try owned.close()  // swift-system closes its descriptor; the duplicate stays open
    let adopted = try socket.socket(fileno: duplicate.rawValue)
    defer { adopted.close() }
    try b.sendall(message)
    return (try adopted.recv(1024), adopted.family, adopted.type, a.fileno())
}

/// `socket(fileno:)` on a descriptor swift-system opened that is not a socket (`/dev/null`): PySocket
/// raises CPython's `OSError` (ENOTSOCK) and leaves the descriptor to its owner, which closes it.
/// Returns the error's errno and whether the descriptor was still open afterwards.
public func pySocketRefusesNonSocket() throws -> (Int?, Bool) {
    let fd = try FileDescriptor.open("/dev/null", .readOnly)
    defer { try? fd.close() }
    do {
        _ = try socket.socket(fileno: fd.rawValue)
        return (nil, true)
    } catch let e as OSError {
        let stillOpen = (try? fd.seek(offset: 0, from: .start)) != nil
        return (e.errno, stillOpen)
    }
}
