// AF_UNIX stream and datagram sockets in a temporary directory, with paths printed relative to it.
import PySocket
import PyBuiltins

let tmp = try tempfile.TemporaryDirectory().with { tmp in
    let server_path = os.path.join(tmp, "server.sock")
    let client_path = os.path.join(tmp, "client.sock")

    let dgram_server = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try dgram_server.bind(server_path)
    let dgram_client = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try dgram_client.bind(client_path)
    print("exists:", os.path.exists(server_path), sorted(try os.listdir(tmp)))

    for text in ["first", "second"] {
        _ = try dgram_client.sendto(text.encode(), server_path)
        let (data, sender) = try dgram_server.recvfrom(100)
        print(data, try os.path.basename(sender), sender == client_path)
        _ = try dgram_server.sendto(data.upper(), sender)
        print("  reply", try dgram_client.recv(100))
    }

    let anonymous = try socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    _ = try anonymous.sendto("who am i", server_path)
    let (data, sender) = try dgram_server.recvfrom(100)
    print(data, repr(sender), try anonymous.getsockname() == "")

    do {
        _ = try dgram_client.sendto("lost", os.path.join(tmp, "nobody.sock"))
    } catch let e as FileNotFoundError {
        print("no such socket:", e.errno, e.strerror)
    }

    let stream_path = os.path.join(tmp, "stream.sock")
    let listener = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try listener.bind(stream_path)
    try listener.listen(1)
    let conn_client = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try conn_client.connect(stream_path)
    let (conn, peer) = try listener.accept()
    print("peer:", repr(peer), "client sees:", try os.path.basename(try conn_client.getpeername()))
    try conn_client.sendall("over the stream")
    print(try conn.recv(100))
    let listener2 = try socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    do {
        defer {
            listener2.close()
        }
        do {
            try listener2.bind(stream_path)
        } catch let e as OSError {
            print("bind again:", type(e).__name__, e.strerror)
        }
    }

    for s in [dgram_server, dgram_client, anonymous, listener, conn_client, conn] {
        s.close()
    }
    let names = sorted(try os.listdir(tmp))
    print(names, names.map { n in n.endswith(".sock") })
    return tmp
}
print("removed:", !os.path.exists(tmp))
