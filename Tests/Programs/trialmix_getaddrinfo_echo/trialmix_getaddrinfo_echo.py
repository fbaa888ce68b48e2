# The socket docs' "Echo server program" / "Echo client program" getaddrinfo loops, IPv6 first, IPv4 fallback.
import socket
import sys
import threading

HOST = None
PORT = 0
s = None
for res in socket.getaddrinfo('::1', PORT, socket.AF_UNSPEC,
                              socket.SOCK_STREAM, 0, socket.AI_PASSIVE | socket.AI_NUMERICHOST):
    af, socktype, proto, canonname, sa = res
    print('trying', af, socktype, sa)
    try:
        s = socket.socket(af, socktype, proto)
    except OSError as msg:
        print('socket failed:', msg)
        s = None
        continue
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(sa)
        s.listen(1)
    except OSError as msg:
        print('bind failed:', msg)
        s.close()
        s = None
        continue
    break
if s is None:
    print('could not open socket')
    sys.exit(1)
addr = s.getsockname()
print('server family:', s.family, 'len(addr):', len(addr))
PORT = addr[1]


peers = []


def serve():
    conn, addr = s.accept()
    with conn:
        peers.append(addr[0])
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.send(data)


t = threading.Thread(target=serve)
t.start()

c = None
for host in ('127.0.0.1', '::1'):
    for res in socket.getaddrinfo(host, PORT, socket.AF_UNSPEC, socket.SOCK_STREAM,
                                  0, socket.AI_NUMERICHOST):
        af, socktype, proto, canonname, sa = res
        try:
            c = socket.socket(af, socktype, proto)
        except OSError as msg:
            c = None
            continue
        try:
            c.settimeout(1.0)
            c.connect(sa)
        except OSError as msg:
            print('connect', sa[0], 'failed:', type(msg).__name__, msg.errno)
            c.close()
            c = None
            continue
        break
    if c is not None:
        break
if c is None:
    print('could not open socket')
    sys.exit(1)
print('client connected to', c.getpeername()[0], 'timeout', c.gettimeout())
with c:
    c.sendall(b'Hello, world')
    data = c.recv(1024)
print('Received', repr(data))
t.join()
print('Connected by', peers[0])
s.close()
print('fileno after close:', s.fileno(), c.fileno())
