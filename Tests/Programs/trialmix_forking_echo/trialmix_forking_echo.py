# socketserver docs: ThreadingMixIn and ForkingMixIn servers with a BaseRequestHandler echo.
import os
import socket
import socketserver
import threading


class EchoRequestHandler(socketserver.BaseRequestHandler):

    def handle(self):
        data = self.request.recv(1024)
        cur = threading.current_thread()
        kind = 'thread' if cur is not threading.main_thread() else 'main'
        response = bytes('{}: {}'.format(kind, data.decode('ascii').upper()), 'ascii')
        self.request.sendall(response)


class ThreadedTCPServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    pass


class ForkingTCPServer(socketserver.ForkingMixIn, socketserver.TCPServer):
    pass


def client(ip, port, message):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.connect((ip, port))
        sock.sendall(bytes(message, 'ascii'))
        response = str(sock.recv(1024), 'ascii')
        print('Received: {}'.format(response))


for cls in (ThreadedTCPServer, ForkingTCPServer):
    print('==', cls.__name__)
    server = cls(('127.0.0.1', 0), EchoRequestHandler)
    with server:
        ip, port = server.server_address
        print('address family:', server.address_family == socket.AF_INET)
        print('socket type:', server.socket_type == socket.SOCK_STREAM)
        print('allow_reuse_address:', server.allow_reuse_address)
        server_thread = threading.Thread(target=server.serve_forever)
        server_thread.daemon = True
        server_thread.start()
        print('Server loop running:', server_thread.is_alive())
        client(ip, port, 'Hello World 1')
        client(ip, port, 'Hello World 2')
        client(ip, port, 'Hello World 3')
        server.shutdown()
        server_thread.join()
        print('after shutdown:', server_thread.is_alive())
    print('closed fileno:', server.socket.fileno())
print('pid unchanged:', os.getpid() == os.getpid())
