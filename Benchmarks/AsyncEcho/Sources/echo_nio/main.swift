// An echo server on SwiftNIO (one event loop thread, a channel handler that writes back what it reads): a comparison of scripts/bench_async.
// Usage: echo_nio   Prints the port and "nio", then serves until killed.
import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// Writes every buffer it reads back to its channel, flushing once per read burst.
final class EchoHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.write(data, promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }
}

// One thread, as the other servers of the benchmark have: messages per second of server CPU.
let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
let bootstrap = ServerBootstrap(group: group)
    .serverChannelOption(.backlog, value: 4096)
    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
    .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
    .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(EchoHandler()) }
    }
let channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
print(channel.localAddress?.port ?? 0, "nio")
fflush(nil)
try channel.closeFuture.wait()
