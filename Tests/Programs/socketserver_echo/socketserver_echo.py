# socketserver: a TCPServer handling one request at a time, a ThreadingTCPServer of line echoes run by
# serve_forever in a thread until shutdown(), and a UDPServer.
import socket
import socketserver
import threading


class UpperHandler(socketserver.BaseRequestHandler):
    def handle(self):
        self.data = self.request.recv(1024).strip()
        print(f"{self.client_address[0]} wrote: {self.data}")
        self.request.sendall(self.data.upper())


class LineHandler(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(b"echo: " + line)


class UDPHandler(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request[0].strip()
        sock = self.request[1]
        print(f"udp from {self.client_address[0]}: {data}")
        sock.sendto(data.upper(), self.client_address)


with socketserver.TCPServer(("127.0.0.1", 0), UpperHandler) as server:
    client = socket.create_connection(server.server_address, timeout=2)
    client.sendall(b"hello world\n")
    server.handle_request()
    print("received:", client.recv(1024))
    client.close()
    server.timeout = 0.05
    server.handle_request()
    print("timed out with nothing to do")

with socketserver.ThreadingTCPServer(("127.0.0.1", 0), LineHandler) as server:
    t = threading.Thread(target=server.serve_forever, args=(0.05,))
    t.start()
    replies = []
    for i in range(3):
        with socket.create_connection(server.server_address, timeout=2) as c:
            f = c.makefile("rb")
            c.sendall(f"line {i}\n".encode())
            replies.append(f.readline())
            c.sendall(b"bye\n")
            replies.append(f.readline())
            f.close()
    print(replies)
    server.shutdown()
    t.join()
    print("serve_forever returned")

with socketserver.UDPServer(("127.0.0.1", 0), UDPHandler) as server:
    c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    c.settimeout(2)
    c.sendto(b"ping\n", server.server_address)
    server.handle_request()
    print(c.recvfrom(1024)[0])
    c.close()
print("closed:", server.socket.fileno())
