// An echo server on PySocketAsync: one task per connection, sock_recv_into + sock_sendall on raw memory.
// Usage: echo_async [io_uring|epoll|poll]   Prints the port, then serves until killed.
import PySocket
import PySocketAsync
import Glibc

let arguments = CommandLine.arguments
let backend = arguments.count > 1 ? asyncio.Backend(rawValue: arguments[1]) : nil

try asyncio.run(backend: backend) {
    let loop = asyncio.get_running_loop()
    let server = try socket.socket()
    try server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try server.bind(("127.0.0.1", 0))
    try server.listen(4096)
    try server.setblocking(false)
    print(try server.getsockname().port, loop.backend)
    fflush(nil)
    for try await (conn, _) in loop.connections(server) {
        try conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        asyncio.create_task {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 16)
            defer { buffer.deallocate(); conn.close() }
            while true {
                let count = try await loop.sock_recv_into(conn, buffer)
                if count == 0 { return }
                try await loop.sock_sendall(conn, UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            }
        }
    }
}
